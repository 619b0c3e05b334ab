"""Split one template call into its name and parameters, losslessly, in one linear pass.

This is the MediaWiki preprocessor's rule: ``|`` and the first ``=`` of a part count only at
the top level — not inside ``{{…}}``, ``[[…]]``, comments or extension tags such as
``<ref>…</ref>`` and ``<nowiki>…</nowiki>``. Values are then parsed one by one, so no hostile
value can make the whole infobox expensive, and a 100,000-parameter call stays linear.
"""

from __future__ import annotations

import re

from mwparserfromhell.wikicode import Wikicode

from ..model import Param
from . import tree

MAX_VALUE = 64 * 1024  # 12× the largest value in the corpus; larger ones are not parsed for markup

_TOKEN = re.compile(
    r"<!--|\{\{|\}\}|\[\[|\]\]|\||=|<(ref|nowiki|pre|math|chem|ce|syntaxhighlight|source|score|gallery|timeline|poem|references|graph|imagemap)\b[^>]*?(/)?>",
    re.IGNORECASE,
)
_COMMENT_END = re.compile(r"-->")
_CLOSERS: dict[str, re.Pattern[str]] = {}


def _closer(tag: str) -> re.Pattern[str]:
    tag = tag.lower()
    if tag not in _CLOSERS:
        _CLOSERS[tag] = re.compile(r"</" + tag + r"\s*>", re.IGNORECASE)
    return _CLOSERS[tag]


def split_call(source: str) -> tuple[str, list[Param], bool]:
    """``{{name|a=1|b}}`` → (``name``, [Param(a, 1), Param(b, showkey=False)], closed).

    ``closed`` is False when ``source`` lacks the final ``}}`` (a call cut off at the end of the text).
    ``"{{" + name + "".join(p.wikitext for p in params) + ("}}" if closed else "")`` equals ``source``.
    """
    closed = source.endswith("}}") and len(source) >= 4
    inner_end = len(source) - 2 if closed else len(source)
    pos = 2
    braces = links = 0
    parts: list[tuple[int, int, int]] = []  # (start, end, offset of the first top-level '=' or -1)
    start, equals = 2, -1
    unclosed_tags: set[str] = set()
    while True:
        m = _TOKEN.search(source, pos, inner_end)
        if m is None:
            break
        tok = m.group(0)
        pos = m.end()
        if tok == "<!--":
            end = _COMMENT_END.search(source, pos, inner_end)
            pos = end.end() if end else inner_end
        elif tok == "{{":
            braces += 1
        elif tok == "}}":
            braces = max(0, braces - 1)
        elif tok == "[[":
            links += 1
        elif tok == "]]":
            links = max(0, links - 1)
        elif tok == "|":
            if braces == 0 and links == 0:
                parts.append((start, m.start(), equals))
                start, equals = m.end(), -1
        elif tok == "=":
            if braces == 0 and links == 0 and equals < 0 and parts:
                equals = m.start()
        elif m.group(1) and not m.group(2):  # an extension tag: opaque up to its closing tag
            tag = m.group(1).lower()
            if tag not in unclosed_tags:
                close = _closer(tag).search(source, pos, inner_end)
                if close:
                    pos = close.end()
                else:
                    unclosed_tags.add(tag)
    parts.append((start, inner_end, equals))
    name = source[parts[0][0] : parts[0][1]]
    params = []
    index = 0
    for s, e, eq in parts[1:]:
        if eq >= 0:
            params.append(Param(source[s:eq], source[eq + 1 : e], True))
        else:
            index += 1
            params.append(Param(str(index), source[s:e], False))
    return name, params, closed


_BRACES = re.compile(r"<!--.*?(?:-->|\Z)|\{\{|\}\}", re.DOTALL)


def _balanced(value: str) -> str:
    """``value`` with each ``{{`` that is never closed shown literally (as MediaWiki shows it).

    mwparserfromhell backtracks on unclosed templates; this keeps its work linear.
    """
    opened: list[int] = []
    for m in _BRACES.finditer(value):
        tok = m.group(0)
        if tok == "{{":
            opened.append(m.start())
        elif tok == "}}" and opened:
            opened.pop()
    if not opened:
        return value
    out, last = [], 0
    for at in opened:
        out.append(value[last:at])
        out.append("<nowiki>{{</nowiki>")
        last = at + 2
    out.append(value[last:])
    return "".join(out)


_REF_WITH_CONTENT = re.compile(r"<!--.*?(?:-->|\Z)|<ref(\s[^>]*?)?(?<!/)>(.*?)</ref\s*>", re.IGNORECASE | re.DOTALL)
REF_ID = "data-infobox-ref"


def _cut_unclosed_comment(value: str) -> str:
    """A comment never closed hides the rest of the value, as in MediaWiki."""
    pos = 0
    while (opened := value.find("<!--", pos)) >= 0:
        closed = value.find("-->", opened + 4)
        if closed < 0:
            return value[:opened]
        pos = closed + 3
    return value


def parse_value(value: str, contents: list[str] | None = None) -> tuple[Wikicode, str | None]:
    """A parameter value's wikicode, and a problem to report (or None).

    With ``contents``, each ``<ref …>content</ref>`` is replaced by a self-closing ``<ref …/>``
    carrying ``data-infobox-ref=N`` and its content is appended to ``contents`` at index N: the
    citation is built from the text later, without a parse tree for it here.
    """
    if len(value) > MAX_VALUE:
        problem = f"a value of {len(value):,} characters was not parsed for markup (limit {MAX_VALUE:,})"
        return tree.code([tree.text_node(value)]), problem
    problem = None
    value = _cut_unclosed_comment(value)
    if contents is not None and "<ref" in value.lower():

        def hold(m: re.Match[str]) -> str:
            if m.group(0).startswith("<!--"):
                return m.group(0)
            contents.append(m.group(2))
            return f'<ref{m.group(1) or ""} {REF_ID}="{len(contents) - 1}"/>'

        value = _REF_WITH_CONTENT.sub(hold, value)
    if "{{" in value:
        balanced = _balanced(value)
        if balanced is not value:
            value, problem = balanced, "a {{ that is never closed is shown as text"
    return tree.parse(value), problem
