"""Find ``{{Infobox …}}`` spans with a linear brace scan — no parse of the article.

Comments and ``<nowiki>``-like tags are opaque (braces inside them do not count). Each infobox
is matched forward from its start; one never closed covers the rest of the text, so
unbalanced input costs one pass, never a rescan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_OPAQUE = re.compile(r"<!--|<(nowiki|pre|math|syntaxhighlight|source|score|chem|ce)\b[^>]*?(/)?>", re.IGNORECASE)
_BRACES = re.compile(r"\{\{|\}\}")
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


def hidden_regions(text: str) -> list[tuple[int, int]]:
    """Comments and opaque tags (``<nowiki>…</nowiki>`` …) as ordered (start, end) pairs."""
    regions: list[tuple[int, int]] = []
    unclosed_tags: set[str] = set()
    pos, n = 0, len(text)
    while True:
        m = _OPAQUE.search(text, pos)
        if m is None:
            return regions
        if m.group(0) == "<!--":
            end = text.find("-->", m.end())
            stop = end + 3 if end >= 0 else n
        else:
            tag = m.group(1).lower()
            close = None if m.group(2) or tag in unclosed_tags else _closing(tag).search(text, m.end())
            if close is None:
                if not m.group(2):
                    unclosed_tags.add(tag)  # no later one can close either: never search again
                pos = m.end()
                continue
            stop = close.end()
        regions.append((m.start(), stop))
        pos = stop


def _close(text: str, start: int, regions: list[tuple[int, int]], starts: list[int]) -> int | None:
    """End of the call opened at ``start`` (braces inside hidden regions do not count), or None."""
    depth, pos = 0, start
    j = bisect_right(starts, start)
    while True:
        m = _BRACES.search(text, pos)
        if m is None:
            return None
        at = m.start()
        while j < len(regions) and regions[j][1] <= at:
            j += 1
        if j < len(regions) and regions[j][0] <= at:
            pos = regions[j][1]
            continue
        depth += 1 if m.group(0) == "{{" else -1
        pos = m.end()
        if depth == 0:
            return pos


def call_end(text: str, start: int = 0) -> int | None:
    """Where the template call opened at ``text[start]`` ends (comments and opaque tags skipped)."""
    regions = hidden_regions(text)
    return _close(text, start, regions, [r[0] for r in regions])


def find_infoboxes(text: str) -> tuple[list[Span], list[int]]:
    """Top-level infobox spans in document order, and offsets of infobox calls never closed.

    Only the infobox calls themselves are scanned, forward from where they start, so the cost
    follows the size of the infoboxes, not of the article. An infobox inside another infobox
    (``module=``/``embed=``) is not listed: it belongs to its parent's field. Infoboxes inside
    other templates (``{{stack|…}}``) are listed. One never closed runs to the end of the text.
    """
    hints = [m.start() for m in _INFOBOX_HINT.finditer(text)]
    if not hints:
        return [], []
    regions = hidden_regions(text)
    starts = [r[0] for r in regions]
    spans: list[Span] = []
    unclosed: list[int] = []
    covered = 0
    for start in hints:
        if start < covered or not _INFOBOX_NAME.match(text, start + 2):
            continue
        i = bisect_right(starts, start) - 1
        if i >= 0 and regions[i][1] > start:
            continue  # inside a comment or an opaque tag
        end = _close(text, start, regions, starts)
        if end is None:
            unclosed.append(start)
            covered = len(text)
        else:
            spans.append(Span(start, end))
            covered = end
    return spans, unclosed


class LineIndex:
    """Offset → (line, column), both 1-based, counted on demand from the previous offset asked.

    Diagnostics come in (mostly) increasing offsets, so the work stays linear in the text
    even for a page with a diagnostic on every one of 100,000 parameters.
    """

    __slots__ = ("_at", "_line", "_line_start", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._at, self._line, self._line_start = 0, 1, 0

    def position(self, offset: int) -> tuple[int, int]:
        if offset < self._at:  # backwards: count again from the start
            self._at, self._line, self._line_start = 0, 1, 0
        newline = self._text.rfind("\n", self._at, offset)
        if newline >= 0:
            self._line += self._text.count("\n", self._at, offset)
            self._line_start = newline + 1
        self._at = offset
        return self._line, offset - self._line_start + 1
