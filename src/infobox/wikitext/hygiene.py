"""Text hygiene: mojibake repair (ftfy) and whitespace/entity clean-up of flattened text."""

from __future__ import annotations

import html
import re

import ftfy

# Characters that appear when UTF-8 is decoded as Latin-1/Windows-1252: Ã Â â Ð Ñ Ø etc.
_SUSPECT = re.compile(
    "[\u00c2-\u00c5\u00d0\u00d1\u00d8\u00e2\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_WS = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u202f]+")
_NL = re.compile(r" *\n[ \n]*")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-Windows-1252 damage (``â€“`` → ``–``); text without it is returned as is."""
    if text.isascii() or not _SUSPECT.search(text):
        return text
    return ftfy.fix_encoding(text)


def unescape(text: str) -> str:
    """Decode HTML entities (``&nbsp;`` → NBSP, ``&#91;`` → ``[``)."""
    return html.unescape(text) if "&" in text else text


def squash(text: str) -> str:
    """Collapse runs of spaces (NBSP included) and blank lines; strip the ends."""
    if "  " in text or "\t" in text or not text.isascii():
        text = _WS.sub(" ", text)
    if "\n" in text:
        text = _NL.sub("\n", text)
    return text.strip()
