"""Wikitext → mwparserfromhell's node tree, built faster.

mwparserfromhell tokenises in C, then builds its tree in Python through node constructors
that re-validate every piece (``parse_anything`` on each name, value and attribute): that
building was about 40 % of the time to interpret an article. This module builds the *same*
tree — the same node classes, the same fields, ``str()`` giving back the same text — from the
same tokens, setting each node's fields directly. ``tests/test_tree.py`` checks it equals
``mwparserfromhell.parse`` node for node on every corpus value; it relies on mwparserfromhell
0.7's field names, which is why pyproject pins ``mwparserfromhell>=0.7,<0.8``.

The trees are read, never edited: node lists are plain lists, not SmartLists.
"""

from __future__ import annotations

from typing import Any

from mwparserfromhell import nodes as nd
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import ParserError
from mwparserfromhell.parser import tokens as tk
from mwparserfromhell.wikicode import Wikicode

try:
    from mwparserfromhell.parser._tokenizer import CTokenizer as _Tokenizer
except ImportError:  # pragma: no cover - the pure-Python tokenizer gives the same tokens
    from mwparserfromhell.parser.tokenizer import Tokenizer as _Tokenizer

__all__ = ["parse"]

_new = object.__new__


def parse(text: str) -> Wikicode:
    """The wikicode tree of ``text``, equal to ``mwparserfromhell.parse(text)``."""
    toks = _Tokenizer().tokenize(text, 0, False)  # one per call: tokenizers must not be shared between threads
    return _Builder(toks).build()


def code(nodes: list[Any]) -> Wikicode:
    """A Wikicode over ``nodes`` (a plain list)."""
    w = _new(Wikicode)
    w._nodes = nodes
    return w


def text_node(value: str) -> nd.Text:
    t = _new(nd.Text)
    t._value = value
    return t


_TEMPLATE_END = (tk.TemplateParamSeparator, tk.TemplateClose)
_PARAM_END = (tk.TemplateParamEquals, tk.TemplateParamSeparator, tk.TemplateClose)
_EXT_END = (tk.ExternalLinkSeparator, tk.ExternalLinkClose)
_ATTR_END = (tk.TagAttrEquals, tk.TagAttrQuote, tk.TagAttrStart, tk.TagCloseOpen, tk.TagCloseSelfclose)
_TAG_END = (tk.TagAttrStart, tk.TagCloseOpen, tk.TagOpenClose, tk.TagCloseSelfclose, tk.TagCloseClose)


class _Builder:
    __slots__ = ("i", "n", "toks")

    def __init__(self, toks: list[Any]) -> None:
        self.toks = toks
        self.i = 0
        self.n = len(toks)

    def build(self) -> Wikicode:
        nodes, _ = self.until(())
        return code(nodes)

    def until(self, stops: tuple[type, ...]) -> tuple[list[Any], Any]:
        """Nodes up to the next token of a type in ``stops`` (consumed and returned; None at the end)."""
        nodes: list[Any] = []
        toks, handlers = self.toks, _HANDLERS
        while self.i < self.n:
            tok = toks[self.i]
            self.i += 1
            kind = type(tok)
            if kind is tk.Text:
                t = _new(nd.Text)
                t._value = tok["text"]
                nodes.append(t)
            elif kind in stops:
                return nodes, tok
            else:
                handler = handlers.get(kind)
                if handler is None:
                    raise ParserError(f"unexpected {kind.__name__}")
                nodes.append(handler(self, tok))
        if stops:
            raise ParserError("missed a close token")
        return nodes, None

    def template(self, _: Any) -> nd.Template:
        name, stop = self.until(_TEMPLATE_END)
        params: list[Parameter] = []
        default = 1
        while type(stop) is tk.TemplateParamSeparator:
            value, stop = self.until(_PARAM_END)
            p = _new(Parameter)
            if type(stop) is tk.TemplateParamEquals:
                p._name = code(value)
                value, stop = self.until(_TEMPLATE_END)
                p._showkey = True
            else:
                p._name = code([text_node(str(default))])
                p._showkey = False
                default += 1
            p._value = code(value)
            params.append(p)
        t = _new(nd.Template)
        t._name = code(name)
        t._params = params
        return t

    def pair(self, cls: type, first: str, second: str, separator: type, close: type) -> Any:
        """A node of one part and an optional second one after ``separator`` (``{{{a|b}}}``, ``[[a|b]]``)."""
        head, stop = self.until((separator, close))
        node = _new(cls)
        setattr(node, first, code(head))
        setattr(node, second, None)
        if type(stop) is separator:
            tail, _ = self.until((close,))
            setattr(node, second, code(tail))
        return node

    def argument(self, _: Any) -> nd.Argument:
        return self.pair(nd.Argument, "_name", "_default", tk.ArgumentSeparator, tk.ArgumentClose)

    def wikilink(self, _: Any) -> nd.Wikilink:
        return self.pair(nd.Wikilink, "_title", "_text", tk.WikilinkSeparator, tk.WikilinkClose)

    def external_link(self, tok: Any) -> nd.ExternalLink:
        url, stop = self.until(_EXT_END)
        e = _new(nd.ExternalLink)
        e._url = code(url)
        e._title = None
        e._brackets = bool(tok.get("brackets"))
        e.suppress_space = False
        if type(stop) is tk.ExternalLinkSeparator:
            e.suppress_space = stop.get("suppress_space") is True
            title, _ = self.until((tk.ExternalLinkClose,))
            e._title = code(title)
        return e

    def entity(self, _: Any) -> nd.HTMLEntity:
        toks = self.toks
        tok = toks[self.i]
        e = _new(nd.HTMLEntity)
        e._hex_char = "x"
        e._named = e._hexadecimal = False
        if type(tok) is tk.HTMLEntityNumeric:
            tok = toks[self.i + 1]
            if type(tok) is tk.HTMLEntityHex:
                e._hexadecimal = True
                e._hex_char = tok["char"]
                e._value = toks[self.i + 2]["text"]
                self.i += 4
            else:
                e._value = tok["text"]
                self.i += 3
        else:
            e._named = True
            e._value = tok["text"]
            self.i += 2
        return e

    def heading(self, tok: Any) -> nd.Heading:
        title, _ = self.until((tk.HeadingEnd,))
        h = _new(nd.Heading)
        h._title = code(title)
        h._level = tok["level"]
        return h

    def comment(self, _: Any) -> nd.Comment:
        contents, _ = self.until((tk.CommentEnd,))
        c = _new(nd.Comment)
        c._contents = "".join(str(n) for n in contents)
        return c

    def attribute(self, start: Any) -> tuple[Attribute, Any]:
        name: list[Any] | None = None
        quotes = None
        nodes, stop = self.until(_ATTR_END)
        while True:
            kind = type(stop)
            if kind is tk.TagAttrEquals:
                name = nodes
                nodes, stop = self.until(_ATTR_END)
            elif kind is tk.TagAttrQuote:
                quotes = stop.get("char")
                more, stop = self.until(_ATTR_END)
                nodes.extend(more)
            else:
                break
        a = _new(Attribute)
        if name:
            a._name, a._value = code(name), code(nodes)
        else:
            a._name, a._value = code(nodes), None
        a._quotes = quotes
        a._pad_first = start.get("pad_first")
        a._pad_before_eq = start.get("pad_before_eq")
        a._pad_after_eq = start.get("pad_after_eq")
        return a, stop

    def tag(self, tok: Any) -> nd.Tag:
        t = _new(nd.Tag)
        markup = tok.get("wiki_markup")
        t._wiki_markup = t._closing_wiki_markup = str(markup) if markup else None
        t._invalid = bool(tok.get("invalid"))
        t._self_closing = t._implicit = False
        t._wiki_style_separator = None
        t._padding = ""
        t._attrs = []
        contents: list[Any] = []
        name: list[Any] = []
        nodes, stop = self.until(_TAG_END)
        while True:
            kind = type(stop)
            if kind is tk.TagAttrStart:  # attributes interrupt the name; it goes on after them
                attr, stop = self.attribute(stop)
                t._attrs.append(attr)
                continue
            if kind is tk.TagCloseOpen:
                separator = stop.get("wiki_markup")
                t._wiki_style_separator = str(separator) if separator else None
                t._padding = stop.get("padding") or ""
                name = nodes
            elif kind is tk.TagOpenClose:
                self._closing_markup(t, stop)
                contents = nodes
            elif kind is tk.TagCloseSelfclose:
                self._closing_markup(t, stop)
                t._self_closing = True
                t._padding = stop.get("padding") or ""
                t._implicit = bool(stop.get("implicit"))
                t._tag = t._closing_tag = code(nodes)
                break
            else:  # TagCloseClose
                t._tag = code(name)
                t._closing_tag = code(nodes)
                break
            nodes, stop = self.until(_TAG_END)
        t._contents = code(contents)
        return t

    @staticmethod
    def _closing_markup(t: nd.Tag, stop: Any) -> None:
        markup = stop.get("wiki_markup")
        if markup is not None:
            t._closing_wiki_markup = str(markup) if markup else None


_HANDLERS = {
    tk.TemplateOpen: _Builder.template,
    tk.ArgumentOpen: _Builder.argument,
    tk.WikilinkOpen: _Builder.wikilink,
    tk.ExternalLinkOpen: _Builder.external_link,
    tk.HTMLEntityStart: _Builder.entity,
    tk.HeadingStart: _Builder.heading,
    tk.CommentStart: _Builder.comment,
    tk.TagOpenOpen: _Builder.tag,
}
