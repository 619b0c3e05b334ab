"""Free-text dates: ``26 February 1992``, ``February 26, 1992``, ``1992-02-26``, ``c. 1992``,
``26–27 February 1992``, ``1992–1994``, ``June 50 BC`` … → :class:`~infobox.model.Date`."""

from __future__ import annotations

import calendar
import re

from ..model import Date, Precision

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUM = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
_MONTH_NUM.update({m[:3].lower(): i for i, m in enumerate(MONTHS, 1)})
_MONTH_NUM["sept"] = 9

_M = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ERA = r"(?:\s*(?P<era>B\.?\s?C\.?(?:E\.?)?|A\.?\s?D\.?|C\.?E\.?|AC)(?![A-Za-z]))?"
_DASH = r"\s*(?:[–—−‒-]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*"
_D = r"(?<![\d.])(?P<d>[0-3]?\d)(?!\d)"
_Y = r"(?P<y>\d{1,4})(?![\d])"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Ranges with a shared month or year.
_RANGES = [
    # 26–27 February 1992
    ("dd_m_y", _c(rf"(?<![\d.])(?P<d1>[0-3]?\d)(?:\.)?{_DASH}(?P<d2>[0-3]?\d)\s+(?P<m>{_M}),?\s+{_Y}{_ERA}")),
    # February 26–27, 1992
    ("m_dd_y", _c(rf"\b(?P<m>{_M})\s+(?P<d1>[0-3]?\d){_DASH}(?P<d2>[0-3]?\d),?\s+{_Y}{_ERA}")),
    # 26 February – 3 March 1992
    ("dm_dm_y", _c(rf"(?<![\d.])(?P<d1>[0-3]?\d)\s+(?P<m1>{_M}){_DASH}(?P<d2>[0-3]?\d)\s+(?P<m2>{_M}),?\s+{_Y}{_ERA}")),
    # February 26 – March 3, 1992
    ("md_md_y", _c(rf"\b(?P<m1>{_M})\s+(?P<d1>[0-3]?\d){_DASH}(?P<m2>{_M})\s+(?P<d2>[0-3]?\d),?\s+{_Y}{_ERA}")),
    # February – March 1992
    ("m_m_y", _c(rf"\b(?P<m1>{_M}){_DASH}(?P<m2>{_M}),?\s+{_Y}{_ERA}")),
]

# Single dates, most specific first.
_SINGLES = [
    ("iso", _c(r"(?<![\d/.-])(?P<y>\d{3,4})-(?P<mn>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-])")),
    ("ymd_slash", _c(r"(?<![\d/.])(?P<y>\d{4})/(?P<mn>[01]?\d)/(?P<d>[0-3]?\d)(?![\d/])")),
    ("dmy", _c(rf"{_D}\.?\s+(?:of\s+)?(?P<m>{_M}),?\s+{_Y}{_ERA}")),
    ("mdy", _c(rf"\b(?P<m>{_M})\s+{_D}\s*[,.]?\s+{_Y}{_ERA}")),
    ("m_dy", _c(rf"\b(?P<m>{_M}),\s+{_D}\s+(?P<y>\d{{4}})(?!\d)")),
    ("dmy_num", _c(r"(?<![\d/.])(?P<d>[0-3]?\d)[/.-](?P<mn>[01]?\d)[/.-](?P<y>\d{3,4})(?![\d/.-])")),
    ("my", _c(rf"\b(?P<m>{_M}),?\s+(?:(?P<y>\d{{3,4}})(?!\d)|(?P<y2>\d{{1,2}})(?!\d)(?=\s*(?:BC|AD|BCE|CE|AC)\b)){_ERA}")),
    ("iso_month", _c(r"(?<![\d/.-])(?P<y>\d{4})-(?P<mn>[01]\d)(?![\d-])")),
    ("decade", _c(r"(?<![\d.,])(?P<y>\d{2,3}0)s\b")),
    ("year_era", _c(r"(?<![\d.,])(?P<y>\d{1,4})\s*(?P<era>B\.?\s?C\.?(?:E\.?)?|A\.?\s?D\.?|C\.?E\.?|AC)(?![A-Za-z])")),
    (
        "year",
        _c(
            r"(?<![\d.,:/£$€#-])(?P<y>[12]?\d{3})(?![\d,.:/%]|\s*(?:km|mi|m\b|ft|kg|st\b|nd\b|rd\b|th\b|people|persons|dead|killed))"
        ),
    ),
]
_SINGLE_AT = {name: _c(r"\s*" + rx.pattern) for name, rx in _SINGLES}
_RANGE_JOIN = _c(_DASH)
_APPROX = _c(r"(?:\bc\.|\bca\.|\bcirca|\bapprox(?:\.|imately)?|\babout|\baround|~|\bc)\s*$")
_ORDINAL = _c(r"(?<=\d)(?:st|nd|rd|th)\b")
_DIGIT = re.compile(r"\d")
_ANY_MONTH = _c(rf"\b{_M}")
_WITH_MONTH = frozenset({"dmy", "mdy", "m_dy", "my"})  # singles that need a month name
_NEEDS = {"iso": "-", "iso_month": "-", "ymd_slash": "/"}  # … or this substring
_FULL_REST = re.compile(r"^[\s,.;:()\[\]]*$")


def _month(text: str) -> int:
    key = text.lower().rstrip(".")
    return _MONTH_NUM.get(key) or _MONTH_NUM[key[:3]]


def _era_sign(era: str | None) -> int:
    if not era:
        return 1
    e = era.replace(".", "").replace(" ", "").upper()
    return -1 if e in ("BC", "BCE", "AC") else 1


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        if month is None or day < 1:
            return False
        limit = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
        return day <= limit
    return True


def make_date(year: int, month: int | None = None, day: int | None = None, approximate: bool = False) -> Date | None:
    """A validated :class:`Date` with its precision, or None when the parts are impossible."""
    if not _valid(abs(year) if year else 1, month, day):
        return None
    precision: Precision = "day" if day else "month" if month else "year"
    return Date(year=year, month=month, day=day if month else None, precision=precision, approximate=approximate)


def _single(name: str, m: re.Match[str]) -> Date | None:
    g = m.groupdict()
    year = int(g.get("y") or g["y2"])
    if year == 0:
        return None  # there is no year 0
    sign = _era_sign(g.get("era"))
    month = int(g["mn"]) if g.get("mn") else _month(g["m"]) if g.get("m") else None
    day = int(g["d"]) if g.get("d") else None
    date = make_date(sign * year, month, day)
    if date and name == "decade":
        date.precision = "decade"
    return date


def _range(name: str, m: re.Match[str]) -> Date | None:
    g = m.groupdict()
    sign = _era_sign(g.get("era"))
    year = sign * int(g["y"])
    if name in ("dd_m_y", "m_dd_y"):
        month = _month(g["m"])
        start, end = make_date(year, month, int(g["d1"])), make_date(year, month, int(g["d2"]))
    elif name in ("dm_dm_y", "md_md_y"):
        start, end = make_date(year, _month(g["m1"]), int(g["d1"])), make_date(year, _month(g["m2"]), int(g["d2"]))
    else:
        start, end = make_date(year, _month(g["m1"])), make_date(year, _month(g["m2"]))
    if start is None or end is None:
        return None
    start.end = end
    return start


def _follow_range(text: str, pos: int, start: Date) -> tuple[Date, int]:
    """Extend ``start`` into a range when another date follows after a dash, ``to`` or ``until``."""
    join = _RANGE_JOIN.match(text, pos)
    if not join:
        return start, pos
    at = join.end()
    short = re.match(r"(\d{2})(?![\d,.])", text[at:]) if start.precision in ("year", "decade") else None
    if short and 1000 <= start.year <= 9999:  # 1992–94
        end_year = start.year // 100 * 100 + int(short.group(1))
        if end_year > start.year:
            start.end = make_date(end_year)
            return start, at + 2
    for name, _rx in _SINGLES:
        m = _SINGLE_AT[name].match(text, at)
        if m:
            end = _single(name, m)
            if end is not None:
                if start.year > 0 > end.year:  # 30 – 20 BC: the era applies to both
                    start.year = -start.year
                start.end = end
                return start, m.end()
    return start, pos


def parse_date(text: str, *, full: bool = False) -> Date | None:
    """The first date in ``text`` (or, with ``full``, only when the date is the whole text)."""
    if not text or not _DIGIT.search(text):
        return None
    text = _ORDINAL.sub("", text.replace("\u00a0", " "))
    best: tuple[int, Date, int] | None = None
    invalid: list[tuple[int, int]] = []  # impossible dates (31 February): nothing inside them counts

    def clear(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in invalid)

    has_month = _ANY_MONTH.search(text) is not None
    for name, rx in _RANGES if has_month else ():
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            date = _range(name, m)
            if date:
                best = (m.start(), date, m.end())
            else:
                invalid.append(m.span())
    for name, rx in _SINGLES:
        if name == "year" and best is not None:
            break  # a bare number is a year only when nothing more specific is there
        if (not has_month and name in _WITH_MONTH) or (name in _NEEDS and _NEEDS[name] not in text):
            continue
        m = rx.search(text)
        while m:
            if best is not None and m.start() >= best[0]:
                break
            date = _single(name, m) if clear(m) else None
            if date:
                date, end = _follow_range(text, m.end(), date)
                best = (m.start(), date, end)
                break
            if clear(m):
                invalid.append(m.span())
            m = rx.search(text, m.start() + 1)
    if best is None:
        return None
    start, date, end = best
    before = text[:start]
    if _APPROX.search(before):
        date.approximate = True
        before = _APPROX.sub("", before)
    if full and not (_FULL_REST.match(before) and _FULL_REST.match(text[end:])):
        return None
    return date


def format_date(date: Date, *, day_first: bool = False) -> str:
    """``February 26, 1992`` (or ``26 February 1992`` with ``day_first``), at the date's precision."""
    era = " BC" if date.year < 0 else ""
    year = f"{abs(date.year)}{era}"
    if date.precision == "decade":
        return f"{year}s"
    if date.month is None or date.precision == "year":
        return year
    month = MONTHS[date.month - 1]
    if date.day is None or date.precision == "month":
        return f"{month} {year}"
    return f"{date.day} {month} {year}" if day_first else f"{month} {date.day}, {year}"
