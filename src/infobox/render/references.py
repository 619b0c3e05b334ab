"""Reference numbering and anchors, by the Cite extension's rules.

Each group counts from 1 in order of first use; a reused name keeps its number and gains a
backlink (a, b, …); a separate id counted across all groups makes the anchors
(``cite_note-NAME-ID``, ``cite_ref-NAME_ID-K``; ``cite_note-ID``, ``cite_ref-ID`` when unnamed).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from ..model import Citation
from .safety import anchor

GROUP_LABELS = {
    "lower-alpha": string.ascii_lowercase,
    "upper-alpha": string.ascii_uppercase,
    "lower-greek": "αβγδεζηθικλμνξοπρστυφχψω",
}
_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _letters(n: int, alphabet: str) -> str:
    """1 → a, 26 → z, 27 → aa (Cite's backlink and group label sequence)."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, len(alphabet))
        out = alphabet[r] + out
    return out


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


def group_label(group: str | None, number: int) -> str:
    """The text inside a marker: ``1``; ``a`` for lower-alpha; ``note 1`` for other groups."""
    if not group:
        return str(number)
    if group in GROUP_LABELS:
        return _letters(number, GROUP_LABELS[group])
    if group in ("lower-roman", "upper-roman"):
        roman = _roman(number)
        return roman if group == "lower-roman" else roman.upper()
    return f"{group} {number}"


def backlink_label(k: int) -> str:
    return _letters(k + 1, string.ascii_lowercase)


@dataclass(slots=True)
class Note:
    """One numbered reference: its key, group, number, global id, name, use count and citation."""

    key: str
    group: str | None
    number: int
    gid: int
    name: str | None
    citation: Citation | None
    uses: int = 0

    @property
    def label(self) -> str:
        return group_label(self.group, self.number)

    @property
    def note_id(self) -> str:
        return f"cite_note-{anchor(self.name)}-{self.gid}" if self.name else f"cite_note-{self.gid}"

    def ref_id(self, k: int) -> str:
        return f"cite_ref-{anchor(self.name)}_{self.gid}-{k}" if self.name else f"cite_ref-{self.gid}"


@dataclass(slots=True)
class Numbering:
    """Numbers references as they are met; ``use(key)`` gives the note and which use this is."""

    references: dict[str, Citation]
    notes: dict[str, Note] = field(default_factory=dict)
    _next: dict[str | None, int] = field(default_factory=dict)
    _gid: int = 0

    def use(self, key: str, name: str | None = None, group: str | None = None) -> tuple[Note, int]:
        """Number the reference ``key`` (``name``/``group`` as written, for unresolved ones)."""
        note = self.notes.get(key)
        if note is None:
            citation = self.references.get(key)
            if citation is not None:
                group = citation.group
                name = citation.name  # None for anonymous references
            self._gid += 1
            number = self._next.get(group, 0) + 1
            self._next[group] = number
            note = self.notes[key] = Note(key, group, number, self._gid, name, citation)
        note.uses += 1
        return note, note.uses - 1

    def groups(self) -> dict[str | None, list[Note]]:
        """Notes by group (in order of the group's first use), each list by number."""
        out: dict[str | None, list[Note]] = {}
        for note in self.notes.values():
            out.setdefault(note.group, []).append(note)
        return out
