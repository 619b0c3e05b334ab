"""Find ``{{Infobox …}}`` spans with one linear brace scan — no full parse of the article.

Comments and ``<nowiki>``-like tags are opaque (braces inside them do not count). Every
``{{`` is matched with a stack, so unbalanced input costs one pass, never a rescan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(
    r"<!--|\{\{|\}\}|<(nowiki|pre|math|syntaxhighlight|source|score|chem|ce)\b[^>]*?(/)?>",
    re.IGNORECASE,
)
_COMMENT_END = re.compile(r"-->")
_INFOBOX_NAME = re.compile(r"\s*(?:template\s*:\s*)?infobox(?=[\s_|}/:(<]|$)", re.IGNORECASE)
_INFOBOX_HINT = re.compile(r"\{\{\s*(?:template\s*:\s*)?infobox", re.IGNORECASE)


@lru_cache(maxsize=32)
def _closing(tag: str) -> re.Pattern[str]:
    return re.compile(r"</" + re.escape(tag) + r"\s*>", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Span:
    """``text[start:end]`` is one infobox call, braces included."""

    start: int
    end: int


def find_infoboxes(text: str) -> tuple[list[Span], list[int]]:
    """Top-level infobox spans in document order, and offsets of infobox calls never closed.

    An infobox inside another infobox (``module=``/``embed=``) is not listed: it belongs to its
    parent's field. Infoboxes inside other templates (``{{stack|…}}``) are listed.
    """
    if not _INFOBOX_HINT.search(text):
        return [], []
    stack: list[int] = []
    closed: dict[int, int] = {}
    unclosed_tags: set[str] = set()
    pos = 0
    n = len(text)
    while pos < n:
        m = _TOKEN.search(text, pos)
        if m is None:
            break
        tok = m.group(0)
        if tok == "<!--":
            end = _COMMENT_END.search(text, m.end())
            pos = end.end() if end else n
        elif tok == "{{":
            stack.append(m.start())
            pos = m.end()
        elif tok == "}}":
            if stack:
                start = stack.pop()
                closed[start] = m.end()
            pos = m.end()
        else:  # an opaque tag: skip to its closing tag, if it has one
            pos = m.end()
            tag = m.group(1).lower()
            if not m.group(2) and tag not in unclosed_tags:
                close = _closing(tag).search(text, pos)
                if close:
                    pos = close.end()
                else:
                    unclosed_tags.add(tag)  # no later one can close either: never search again
    open_ = set(stack)
    spans: list[Span] = []
    unclosed: list[int] = []
    last_end = -1
    for hint in _INFOBOX_HINT.finditer(text):
        start = hint.start()
        if start not in closed and start not in open_:
            continue  # inside a comment or an opaque tag
        if not _INFOBOX_NAME.match(text, start + 2) or start < last_end:
            continue  # nested inside an infobox already taken
        end = closed.get(start)
        if end is None:
            unclosed.append(start)
            continue
        spans.append(Span(start, end))
        last_end = end
    return spans, unclosed


class LineIndex:
    """Offset → (line, column), both 1-based, built lazily."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1
