"""Wikicode → what a reader sees: text segments with their links, reference keys and typed values.

A field value is flattened once. ``<br>``, list bullets and list templates start a new
*segment*; each segment later becomes one claim. Inline templates are delegated to the
registry in :mod:`infobox.templates`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from ..model import Link, Value
from ..wikitext import tree
from ..wikitext.hygiene import repair_mojibake, squash
from ..wikitext.names import normalize_title, split_fragment, wiki_url

if TYPE_CHECKING:
    from .context import Context

MAX_DEPTH = 40

# Tags whose content is shown as is; tags that break a line; tags shown as nothing.
_BREAK_TAGS = frozenset({"br", "li", "dd", "dt", "hr", "p", "tr"})
_HIDDEN_TAGS = frozenset(
    {
        "gallery",
        "timeline",
        "templatestyles",
        "references",
        "graph",
        "mapframe",
        "maplink",
        "indicator",
        "imagemap",
        "style",
        "script",
    }
)
_RAW_TAGS = frozenset({"nowiki", "pre", "math", "chem", "ce", "code", "syntaxhighlight", "source", "score"})
_HIDDEN_NAMESPACES = ("category:", "file:", "image:", "media:")
_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}")
# Anything the fast path cannot take: templates, tags, entities, bold/italic, external links, lists.
_MARKUP = re.compile(r"[{}<>&]|''|__|~~~|(?<!\[)\[(?!\[)|(?<!\])\](?!\])|^[*#:;]|\n[*#:;]")
_MAYBE_MARKUP = re.compile(r"[{}<>&'_~\[\]*#:;]")  # a cheap first look: none of these, no markup
_SIMPLE_LINK = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]|]*))?\]\]")


Inline = dict[str, Any]
"""A node of a claim's rich content: ``{"t": kind, …}``; containers hold children in ``"c"``.

Kinds: ``text`` (``v``), ``link`` (``href``, ``target`` for wiki links, ``c``), ``br``, ``ref``
(``key``), ``date`` (``iso``, ``v``, ``age``, ``cls``, …), ``coord`` (``lat``, ``lon``, ``dms``,
``dec``, …), ``img`` (``file``, ``width``: a flag icon), and the formatting containers of :data:`FORMATTING` (``abbr`` has ``title``, ``span``
may have ``lang``). Only these kinds exist: renderers never meet raw HTML.
"""

FORMATTING = frozenset(
    [
        "b",
        "i",
        "u",
        "s",
        "small",
        "big",
        "sup",
        "sub",
        "em",
        "strong",
        "code",
        "q",
        "cite",
        "del",
        "ins",
        "abbr",
        "span",
        "kbd",
        "var",
        "samp",
    ]
)


class Segment:
    """One would-be claim: visible text pieces, rich content, links, reference keys and typed values."""

    __slots__ = ("_text", "content", "images", "links", "parts", "refs", "values")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.content: list[Inline] = []
        self.links: list[Link] = []
        self.refs: list[str] = []
        self.values: list[Value] = []
        self.images: list[tuple[str, list[str]]] = []
        self._text: str | None = None

    def add(self, text: str) -> None:
        self.parts.append(text)
        self._text = None

    def clear(self) -> None:
        self.parts.clear()
        self.content.clear()
        self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = squash("".join(self.parts))
        return self._text

    def is_empty(self) -> bool:
        return not (self.text or self.refs or self.values or self.images)


class Flat:
    """The flattened form of a piece of wikicode: a list of segments (and how a list was written)."""

    __slots__ = ("_open", "layout", "segments")

    def __init__(self) -> None:
        self.segments: list[Segment] = [Segment()]
        self._open: list[Inline] = []
        self.layout = "lines"

    @property
    def current(self) -> Segment:
        return self.segments[-1]

    def _sink(self) -> list[Inline]:
        return self._open[-1]["c"] if self._open else self.segments[-1].content

    def write(self, text: str) -> None:
        self.segments[-1].add(text)
        if text:
            sink = self._sink()
            if sink and sink[-1]["t"] == "text":
                sink[-1]["v"] += text
            else:
                sink.append({"t": "text", "v": text})

    def emit(self, text: str, node: Inline) -> None:
        """``text`` for the data, ``node`` for the renderers (a date with its age, a coordinate)."""
        self.segments[-1].add(text)
        self._sink().append(node)

    def link(self, link: Link) -> None:
        """A link: its text is written inside a ``link`` node, the Link kept on the segment."""
        attrs = {"href": link.url, "target": link.target} if link.target is not None else {"href": link.url}
        self.open("link", **attrs)
        self.write(link.text)
        self.close()
        self.segments[-1].links.append(link)

    def ref(self, key: str, name: str | None = None, group: str | None = None) -> None:
        """A reference marker; ``name`` and ``group`` let renderers number it even when unresolved."""
        self.segments[-1].refs.append(key)
        node: Inline = {"t": "ref", "key": key}
        if name:
            node["name"] = name
        if group:
            node["group"] = group
        self._sink().append(node)

    def open(self, kind: str, **attrs: str) -> None:
        node: Inline = {"t": kind, **attrs, "c": []}
        self._sink().append(node)
        self._open.append(node)

    def close(self) -> None:
        if self._open:
            self._open.pop()

    def split(self) -> None:
        """Start a new segment unless the current one is still empty; open formatting carries over."""
        if not self.segments[-1].is_empty():
            self.segments.append(Segment())
        else:  # keep stray whitespace out of the next segment
            self.segments[-1].clear()
        reopened, sink = [], self.segments[-1].content
        for node in self._open:
            copy = {**node, "c": []}
            sink.append(copy)
            reopened.append(copy)
            sink = copy["c"]
        self._open = reopened

    @property
    def text(self) -> str:
        return "\n".join(t for t in (s.text for s in self.segments) if t)

    @property
    def links(self) -> list[Link]:
        return [link for s in self.segments for link in s.links]


class Flattener:
    """Walks wikicode for one article; templates go to the registry, refs to the context."""

    __slots__ = ("ctx", "depth", "registry")

    def __init__(self, ctx: Context) -> None:
        from ..templates import REGISTRY

        self.ctx = ctx
        self.depth = 0
        self.registry = REGISTRY

    # -- entry points -----------------------------------------------------------------
    def flatten(self, code: Wikicode) -> Flat:
        out = Flat()
        self.visit(code, out)
        return out

    def text(self, code: Wikicode | None) -> str:
        """Plain text of ``code`` on one line (for template arguments, link labels, citations)."""
        if code is None:
            return ""
        out = Flat()
        self.visit(code, out)
        return " ".join(s.text for s in out.segments if s.text)

    # -- the walk ---------------------------------------------------------------------
    def visit(self, code: Wikicode, out: Flat) -> None:
        if self.depth >= MAX_DEPTH:
            self.ctx.diag("too-deep", "warning", f"markup nested deeper than {MAX_DEPTH} levels was skipped")
            return
        self.depth += 1
        try:
            for node in code.nodes:
                self.visit_node(node, out)
        finally:
            self.depth -= 1

    def visit_node(self, node: object, out: Flat) -> None:
        if isinstance(node, Text):
            self.write_text(node.value, out)
        elif isinstance(node, Template):
            self.registry.flatten(node, self, out)
        elif isinstance(node, Wikilink):
            self.visit_wikilink(node, out)
        elif isinstance(node, Tag):
            self.visit_tag(node, out)
        elif isinstance(node, HTMLEntity):
            out.write(node.normalize())
        elif isinstance(node, ExternalLink):
            self.visit_external(node, out)
        elif isinstance(node, Argument):
            if node.default is not None:
                self.visit(node.default, out)
        elif isinstance(node, Heading):
            out.split()
            self.visit(node.title, out)
            out.split()
        elif isinstance(node, Comment):
            pass

    def write_text(self, text: str, out: Flat) -> None:
        fixed = repair_mojibake(text)
        if fixed is not text and fixed != text:
            self.ctx.diag(
                "mojibake-repaired", "info", f"repaired mis-encoded text {text.strip()[:40]!r} → {fixed.strip()[:40]!r}"
            )
        if "''" in fixed:
            fixed = fixed.replace("'''", "").replace("''", "")
        out.write(fixed)

    def visit_wikilink(self, node: Wikilink, out: Flat) -> None:
        title = self.text(node.title)
        lower = title.lower().lstrip()
        if lower.startswith(_HIDDEN_NAMESPACES):
            if lower.startswith(("file:", "image:")):
                options = [self.text(w) for w in _split_pipes(node.text)] if node.text is not None else []
                out.current.images.append((title.split(":", 1)[1].strip(), options))
            return
        if _is_interwiki(lower):
            return
        self.write_link(title, self.text(node.text) if node.text is not None else None, out)

    def write_link(self, title: str, label: str | None, out: Flat) -> None:
        """``[[title|label]]`` (``label`` None when there is no pipe; empty for the pipe trick)."""
        page, fragment = split_fragment(title)
        if label is None:
            label = title.lstrip(":")
        elif not label:  # pipe trick: [[Foo (bar)|]] shows "Foo"
            label = page.split("(")[0].strip()
        target = normalize_title(page) if page.strip() else self.ctx.title or ""
        out.link(Link(target=target, text=label, url=wiki_url(target, fragment), fragment=fragment))

    def flatten_text(self, value: str) -> Flat:
        """A value as written: the fast path when it can take it, else parsed and walked."""
        return self.quick(value) or self.flatten(self.ctx.parse(value))

    def quick(self, value: str) -> Flat | None:
        """Fast path for values that are plain text and simple links (most of them); None otherwise."""
        if _MAYBE_MARKUP.search(value) and _MARKUP.search(value):
            return None
        links = list(_SIMPLE_LINK.finditer(value)) if "[[" in value else []
        if len(links) != value.count("[["):
            return None
        out = Flat()
        pos = 0
        for m in links:
            title, label = m.group(1), m.group(2)
            if ":" in title or "''" in (label or ""):
                return None  # namespaces, files, interwiki, formatting: the full path handles them
            self.write_text(value[pos : m.start()], out)
            self.write_link(title, squash(label) if label is not None else None, out)
            pos = m.end()
        self.write_text(value[pos:], out)
        return out

    def visit_external(self, node: ExternalLink, out: Flat) -> None:
        url = self.text(node.url)
        label = self.text(node.title) if node.title is not None else ("" if node.brackets else url)
        out.link(Link(target=None, text=label, url=url, kind="external"))

    def visit_tag(self, node: Tag, out: Flat) -> None:
        tag = str(node.tag).strip().lower()
        if tag == "ref":
            key, name, group = self.ctx.ref_use(node)
            if key:
                out.ref(key, name, group)
            return
        if tag in _BREAK_TAGS:
            if tag == "li" and out.layout == "lines":
                out.layout = "bullets"
            out.split()
            if node.contents is not None and not node.self_closing:
                self.visit(node.contents, out)
            return
        if tag in _HIDDEN_TAGS or node.contents is None:
            return
        if tag in _RAW_TAGS:
            out.write(str(node.contents))
            return
        if tag in ("table", "td", "th"):
            out.write(" ")
        if tag not in FORMATTING:
            self.visit(node.contents, out)
            return
        attrs = {}
        for a in node.attributes:
            name = str(a.name).strip().lower()
            if (tag, name) == ("abbr", "title") and a.value is not None:
                attrs["title"] = self.text(a.value)
            elif name == "lang" and a.value is not None and _LANG.fullmatch(str(a.value).strip()):
                attrs["lang"] = str(a.value).strip()
        out.open(tag, **attrs)
        self.visit(node.contents, out)
        out.close()


def _split_pipes(code: Wikicode) -> list[Wikicode]:
    """Split a wikilink's text on its top-level pipes (file options)."""
    parts: list[Wikicode] = [Wikicode([])]
    for node in code.nodes:
        if isinstance(node, Text) and "|" in node.value:
            pieces = node.value.split("|")
            parts[-1].nodes.append(Text(pieces[0]))
            for piece in pieces[1:]:
                parts.append(tree.parse(piece))
        else:
            parts[-1].nodes.append(node)
    return parts


def _is_interwiki(lower_title: str) -> bool:
    head, sep, _ = lower_title.partition(":")
    return bool(sep) and len(head) in (2, 3) and head.isalpha() and head not in ("wp", "w", "en")
