"""Per-article interpretation state: the reference index, resolved citations, diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Tag, Template
from mwparserfromhell.wikicode import Wikicode

from ..citations.cs1 import build_citation, citation_from_text
from ..model import Citation, Diagnostic, Infobox, Severity
from ..wikitext.locate import LineIndex
from ..wikitext.refs import RefIndex, index_refs, ref_key
from ..wikitext.split import REF_ID, parse_value

if TYPE_CHECKING:
    from .flatten import Flattener


class Context:
    """What interpreting one article needs to share: refs, citations, diagnostics, position."""

    def __init__(self, text: str, title: str | None) -> None:
        from .flatten import Flattener

        self.text = text
        self.title = title
        self._refs: RefIndex | None = None
        self.ref_contents: list[str] = []
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

    def parse(self, value: str) -> Wikicode:
        """Parse a value (refs held aside as text, unclosed braces shown literally); problems reported."""
        code, problem = parse_value(value, self.ref_contents)
        if problem:
            self.diag("malformed-value", "warning", problem)
        return code

    # -- references -------------------------------------------------------------------
    @property
    def refs(self) -> RefIndex:
        """The article's named-ref index, built the first time a reuse needs it."""
        if self._refs is None:
            self._refs = index_refs(self.text)
        return self._refs

    def use(self, key: str) -> str:
        """A reuse of a named reference: resolve it anywhere in the article, or report it."""
        if key in self.citations:
            return key
        definition = self.refs.get(key)
        if definition is None:
            self.diag("unresolved-ref", "warning", f'the named reference "{key}" is used but never defined')
            return key
        if key in self.refs.conflicts:
            self.diag(
                "ref-duplicate-key",
                "warning",
                f'the reference "{key}" is defined twice with different content; the first is used',
            )
        self.citations[key] = citation_from_text(definition.content, self.flattener, definition.name, definition.group)
        return key

    def define(self, key: str, make: Callable[[], Citation]) -> str:
        """Register a citation under ``key`` unless one is already there (the first definition wins)."""
        if key not in self.citations:
            self.citations[key] = make()
        return key

    def define_from(self, content: Wikicode | str, name: str | None, group: str | None) -> str:
        """A reference given with its content (``<ref name=x>…</ref>``, ``{{efn|…}}``), as wikicode or text."""
        key = ref_key(name, group)
        if key is None:
            self._anonymous += 1
            key = f"{group}:#{self._anonymous}" if group else f"#{self._anonymous}"
        if key in self.citations:
            return key
        if isinstance(content, str):
            return self.define(key, lambda: citation_from_text(content, self.flattener, name, group))
        return self.define(key, lambda: build_citation(content, self.flattener, name, group))

    def ref_use(self, node: Tag) -> tuple[str | None, str | None, str | None]:
        """(key, name, group) of a ``<ref>`` tag met in a value (defining or reusing a citation).

        A ``follow=`` ref continues another reference's text and makes no marker of its own.
        """
        attrs = {str(a.name).strip().lower(): (str(a.value).strip() if a.value is not None else "") for a in node.attributes}
        name, group = attrs.get("name") or None, attrs.get("group") or None
        if name and name.isdigit():
            name = None
        held = attrs.get(REF_ID)
        content: Wikicode | str | None = None
        if held is not None and held.isdigit() and int(held) < len(self.ref_contents):
            content = self.ref_contents[int(held)]
        elif node.contents is not None and not node.self_closing:
            content = node.contents
        if attrs.get("follow"):
            parent = self.citations.get(ref_key(attrs["follow"], group) or "")
            if parent is not None and content is not None:
                parent.text = (
                    f"{parent.text} {self.flattener.text(self.parse(content) if isinstance(content, str) else content)}".strip()
                )
            return None, None, None
        if content is not None and str(content).strip():
            return self.define_from(content, name, group), name, group
        key = ref_key(name, group)
        if key is None:
            self.diag("empty-ref", "warning", "a <ref> with neither a name nor content was ignored")
            return None, None, None
        return self.use(key), name, group

    # -- nested infoboxes -------------------------------------------------------------
    def child_infobox(self, node: Template) -> None:
        """An infobox inside a field (``module=``/``embed=``): interpreted and kept on that field."""
        from .infobox import interpret_template

        start = self.offset or 0
        self.children.append(interpret_template(node, self, start, start + len(str(node))))
