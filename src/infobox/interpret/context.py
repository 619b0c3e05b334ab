"""Per-article interpretation state: the reference index, resolved citations, diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import mwparserfromhell
from mwparserfromhell.nodes import Tag, Template
from mwparserfromhell.wikicode import Wikicode

from ..citations.cs1 import build_citation
from ..model import Citation, Diagnostic, Infobox, Severity
from ..wikitext.locate import LineIndex
from ..wikitext.refs import RefIndex, ref_key

if TYPE_CHECKING:
    from .flatten import Flattener


class Context:
    """What interpreting one article needs to share: refs, citations, diagnostics, position."""

    def __init__(self, text: str, title: str | None, refs: RefIndex) -> None:
        from .flatten import Flattener

        self.text = text
        self.title = title
        self.refs = refs
        self.citations: dict[str, Citation] = {}
        self.lines = LineIndex(text)
        self.diagnostics: list[Diagnostic] = []
        self.field: str | None = None
        self.offset: int | None = None
        self.children: list[Infobox] = []
        self._anonymous = 0
        self._seen: set[tuple[str, str | None, str]] = set()
        self.flattener: Flattener = Flattener(self)

    # -- diagnostics ------------------------------------------------------------------
    def diag(self, code: str, severity: Severity, message: str, *, dedupe: str | None = None, offset: int | None = None) -> None:
        """Record a diagnostic at the current field; ``dedupe`` keeps one per article and key."""
        key = (code, None if dedupe else self.field, dedupe or message)
        if key in self._seen:
            return
        self._seen.add(key)
        at = offset if offset is not None else self.offset
        line, column = self.lines.position(at) if at is not None else (None, None)
        self.diagnostics.append(Diagnostic(code, severity, message, line, column, self.field))

    # -- references -------------------------------------------------------------------
    def use(self, key: str) -> str:
        """A reuse of a named reference: resolve it anywhere in the article, or report it."""
        if key in self.citations:
            return key
        definition = self.refs.get(key)
        if definition is None:
            self.diag("unresolved-ref", "warning", f'the named reference "{key}" is used but never defined')
            return key
        code = mwparserfromhell.parse(definition.content)
        self.citations[key] = build_citation(code, self.flattener, definition.name, definition.group)
        return key

    def define(self, key: str, make: Callable[[], Citation]) -> str:
        """Register a citation under ``key`` unless one is already there (the first definition wins)."""
        if key not in self.citations:
            self.citations[key] = make()
        return key

    def define_from(self, content: Wikicode, name: str | None, group: str | None) -> str:
        """A reference given with its content (``<ref name=x>…</ref>``, ``{{efn|…}}``)."""
        key = ref_key(name, group)
        if key is None:
            self._anonymous += 1
            key = f"{group}:#{self._anonymous}" if group else f"#{self._anonymous}"
        if key in self.citations:
            return key
        return self.define(key, lambda: build_citation(content, self.flattener, name, group))

    def ref_use(self, node: Tag) -> str | None:
        """The key of a ``<ref>`` tag met in a value (defining or reusing a citation)."""
        attrs = {str(a.name).strip().lower(): (str(a.value).strip() if a.value is not None else "") for a in node.attributes}
        name, group = attrs.get("name") or None, attrs.get("group") or None
        if node.contents is not None and not node.self_closing and str(node.contents).strip():
            return self.define_from(node.contents, name, group)
        key = ref_key(name, group)
        if key is None:
            self.diag("empty-ref", "warning", "a <ref> with neither a name nor content was ignored")
            return None
        return self.use(key)

    # -- nested infoboxes -------------------------------------------------------------
    def child_infobox(self, node: Template) -> None:
        """An infobox inside a field (``module=``/``embed=``): interpreted and kept on that field."""
        from .infobox import interpret_template

        start = self.offset or 0
        self.children.append(interpret_template(node, self, start, start + len(str(node))))
