"""Free-text quantities: ``613``, ``1,234``, ``200+``, ``at least 30``, ``over 1,000``, ``c. 300``,
``~5,000``, ``100–200``, ``100 to 200``, ``$20.5 million``, ``25 km2`` → :class:`~infobox.model.Quantity`."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from ..model import Quantity

_NUM = r"(?>[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![.,][.,\d])"  # 1,500,200,55 is no number
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "mio": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_SCALE = r"(?:\s*(?P<{name}>thousand|million|mio|mn|billion|bn|trillion)\b)?"
_APPROX = (
    r"(?:c\.|ca\.|circa|approx(?:\.|imately)?|about|around|roughly|nearly|almost|some|an estimated|estimated|est\.|~|≈|c(?=\s))"
)
_LOWER = {
    "at least": ">=",
    "no fewer than": ">=",
    "no less than": ">=",
    "minimum": ">=",
    "min.": ">=",
    "≥": ">=",
    ">=": ">=",
    "more than": ">",
    "over": ">",
    "in excess of": ">",
    "upwards of": ">",
    "above": ">",
    ">": ">",
}
_UPPER = {
    "up to": "<=",
    "at most": "<=",
    "as many as": "<=",
    "maximum": "<=",
    "max.": "<=",
    "no more than": "<=",
    "≤": "<=",
    "<=": "<=",
    "fewer than": "<",
    "less than": "<",
    "under": "<",
    "below": "<",
    "<": "<",
}
_BOUND = "|".join(re.escape(k) for k in sorted({**_LOWER, **_UPPER}, key=len, reverse=True))
_CURRENCY = r"(?P<cur>US\$|A\$|C\$|\$|£|€|¥)"

_QUANTITY = re.compile(
    rf"""^\s*
    (?P<approx>{_APPROX}\s*)?
    (?P<bound>(?:{_BOUND})(?![A-Za-z])\s*)?
    (?P<approx2>{_APPROX}\s*)?
    {_CURRENCY}?\s*
    (?P<low>{_NUM}){_SCALE.format(name="s1")}
    (?:
        (?P<plus>\s*\+)
      | \s*(?:[–—‒-]|\bto\b|\bor\b)\s*{_CURRENCY.replace("cur", "cur2")}?\s*(?P<high>{_NUM}){_SCALE.format(name="s2")}
    )?
    (?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_BETWEEN = re.compile(
    rf"^\s*(?P<approx>{_APPROX}\s*)?between\s+(?P<low>{_NUM})\s+and\s+(?P<high>{_NUM})(?P<rest>.*)$", re.IGNORECASE | re.DOTALL
)
_OR_MORE = re.compile(r"^\s*(?:or|and)\s+(?:more|over|above|upwards)\b", re.IGNORECASE)
_NO_NUMBER = re.compile(r"^\s*(?:unknown|none|nil|n/?a|not known|unclear|disputed|\?+|[–—-])\s*(?:\(.*\))?\s*$", re.IGNORECASE)
_UNIT_AT = re.compile(r"^\s*(?P<unit>[^\s\d(),;:][^\s(),;:]*(?:\s(?:mi|ft|gal))?|%)")
_DIGIT = re.compile(r"\d")
_FULL_REST = re.compile(r"^[\s,.;:]*$")


@lru_cache(maxsize=1)
def units() -> tuple[dict[str, tuple[str, str, float]], dict[str, str]]:
    """The unit table (``units.toml``): symbols and their aliases, with case-folded lookups."""
    data = tomllib.loads(resources.files(__package__).joinpath("units.toml").read_text("utf-8"))
    table = {k: tuple(v) for k, v in data["units"].items()}
    aliases = {k.lower(): v for k, v in data["aliases"].items()}
    aliases.update({k.lower(): k for k in table})
    aliases.update({k: k for k in table})
    return table, aliases  # type: ignore[return-value]


def unit_symbol(text: str) -> str | None:
    """Canonical symbol of a unit name or symbol (``kilometres`` → ``km``), or None."""
    _, aliases = units()
    text = text.strip().rstrip(".")
    return aliases.get(text) or aliases.get(text.lower())


def to_number(text: str) -> int | float:
    """``1,234`` → 1234; ``2.5`` → 2.5; ``−3`` → -3."""
    text = text.replace(",", "").replace("−", "-")
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def _scaled(number: str, scale: str | None) -> int | float:
    value = to_number(number)
    if scale:
        value = value * _SCALE_WORDS[scale.lower()]
        if float(value).is_integer():
            value = int(value)
    return value


def _leading_unit(rest: str) -> tuple[str | None, str]:
    m = _UNIT_AT.match(rest)
    if m:
        symbol = unit_symbol(m.group("unit"))
        if symbol:
            return symbol, rest[m.end() :]
        two = re.match(r"^\s*(\S+\s\S+)", rest)
        if two and (symbol := unit_symbol(two.group(1))):
            return symbol, rest[two.end() :]
    return None, rest


def parse_quantity(text: str, *, full: bool = False) -> Quantity | None:
    """The quantity that ``text`` starts with (with ``full``: only if it is all of ``text``).

    ``Unknown``, ``None``, ``N/A`` and the like give None: they are not numbers.
    """
    if not text or not _DIGIT.search(text) or _NO_NUMBER.match(text):
        return None
    text = text.replace("\u00a0", " ").replace("\u2009", " ")
    m = _BETWEEN.match(text)
    if m:
        q = Quantity(to_number(m.group("low")), to_number(m.group("high")), approximate=bool(m.group("approx")))
        rest = m.group("rest")
    else:
        m = _QUANTITY.match(text)
        if not m:
            return None
        low = _scaled(m.group("low"), m.group("s1"))
        approximate = bool(m.group("approx") or m.group("approx2"))
        bound = (m.group("bound") or "").strip().lower()
        rest = m.group("rest")
        high: int | float | None = low
        comparator = None
        if m.group("high"):
            high = _scaled(m.group("high"), m.group("s2") or m.group("s1"))
            if m.group("s2") and not m.group("s1"):
                low = _scaled(m.group("low"), m.group("s2"))
            if high < low:
                return None if full else Quantity(low, low, approximate)
        if m.group("plus") or (_OR_MORE.match(rest) and not m.group("high")):
            high, comparator = None, ">="
            rest = _OR_MORE.sub("", rest)
        elif bound in _LOWER:
            high, comparator = None, _LOWER[bound]
        elif bound in _UPPER:
            low, high, comparator = None, low, _UPPER[bound]
        q = Quantity(low, high, approximate, comparator=comparator)
        cur = m.group("cur") or m.group("cur2")
        if cur:
            q.unit = unit_symbol(cur)
    if q.unit is None:
        q.unit, rest = _leading_unit(rest)
    if full and not _FULL_REST.match(rest):
        return None
    return q


def to_si(q: Quantity) -> tuple[float | None, str | None]:
    """(low value in the SI unit of its dimension, dimension), e.g. 25 km2 → (25e6, 'area')."""
    if q.unit is None or q.low is None:
        return (float(q.low) if q.low is not None else None), None
    table, _ = units()
    _, dimension, factor = table[q.unit]
    return q.low * factor, dimension
