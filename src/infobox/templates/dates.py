"""Date templates: ``{{start date}}``, ``{{birth date and age}}``, ``{{death date and age}}`` …

The text is the date as the template shows it (``February 26, 1992``; ``26 February 1992``
with ``df=y``). Ages that depend on the day of reading ("34 years ago", "(age 34)") are left
to the renderers, so the data stays the same whatever the day; the fixed age of
``{{death date and age}}`` is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..interpret.dates import format_date, make_date, parse_date
from ..model import Date
from . import REGISTRY, Call

if TYPE_CHECKING:
    from ..interpret.flatten import Flat


def _int(text: str) -> int | None:
    text = text.strip().lstrip("0") or ("0" if text.strip() else "")
    return int(text) if text.isdigit() or (text.startswith("-") and text[1:].isdigit()) else None


def date_from_args(call: Call, first: int = 1) -> Date | None:
    """Year, month, day from three positional arguments starting at ``first``.

    A free-text first argument (``{{birth date|26 February 1992}}``) is parsed as text.
    """
    year = _int(call.text(first))
    if year is None:
        return parse_date(call.text(first))
    month, day = _int(call.text(first + 1)), _int(call.text(first + 2))
    return make_date(year, month or None, day or None if month else None)


def _day_first(call: Call) -> bool:
    return call.flag("df") and not call.flag("mf")


# Microformat classes of the hidden ISO date, and whether the template shows a relative age.
_HIDDEN_CLASS = {"start": "bday dtstart published updated", "end": "dtend", "birth": "bday", "death": "dday deathdate"}


def _family(name: str) -> str:
    for family in ("birth", "death", "end", "start"):
        if (
            name.startswith(family)
            or (family == "birth" and name in ("bda", "dob"))
            or (family == "death" and name in ("dda", "dod"))
        ):
            return family
    return "start"


def _emit(call: Call, out: Flat, date: Date | None, suffix: str = "") -> None:
    """Write the date as the template shows it; renderers get a ``date`` node with its age rule."""
    if date is None:
        call.fl.ctx.diag("bad-date", "warning", f"{{{{{call.name}}}}} has no valid date")
        for i in sorted(call.positional):
            out.write(call.text(i) + " ")
        return
    text = format_date(date, day_first=_day_first(call)) + suffix
    age = "ago" if call.name.endswith(("and age", "and years ago")) and _family(call.name) in ("start", "end") else None
    if call.name in ("birth date and age", "bda", "birth year and age"):
        age = "age"
    node = {"t": "date", "v": text, "iso": date.iso, "cls": _HIDDEN_CLASS[_family(call.name)]}
    if age:
        node.update(
            age=age,
            paren="y" if call.flag("paren") else "",
            br="y" if call.flag("br") else "",
            df="y" if _day_first(call) else "",
        )
    out.emit(text, node)
    out.current.values.append(date)


@REGISTRY.register(
    "start date",
    "end date",
    "start date and age",
    "end date and age",
    "birth date",
    "dob",
    "birth date and age",
    "bda",
    "death date",
    "dod",
    "start-date",
    "end-date",
    "film date",
    "start date and years ago",
    "dts",
    "date table sorting",
    "sort date",
    "release date",
    "release date and age",
)
def ymd(call: Call, out: Flat) -> None:
    _emit(call, out, date_from_args(call))


@REGISTRY.register("birth date and age2", "birth-date and age2")
def birth_date_and_age2(call: Call, out: Flat) -> None:
    """``{{birth date and age2|as-of y|m|d|birth y|m|d}}``: the birth date is arguments 4–6."""
    _emit(call, out, date_from_args(call, 4))


@REGISTRY.register("death date and age", "dda", "death-date and age")
def death_date_and_age(call: Call, out: Flat) -> None:
    """Death date (arguments 1–3) then birth date (4–6); shows ``(aged N)``."""
    death, birth = date_from_args(call, 1), date_from_args(call, 4)
    suffix = ""
    if death and birth and death.day and birth.day and death.month and birth.month:
        age = death.year - birth.year - ((death.month, death.day) < (birth.month, birth.day))
        suffix = f" (aged {age})"
    _emit(call, out, death, suffix)


@REGISTRY.register("birthdeathage", "birth death age")
def birth_death_age(call: Call, out: Flat) -> None:
    """``{{BirthDeathAge|B|y|m|d|y|m|d}}`` shows the birth date with ``B``, else the death date."""
    if call.text(1).upper() == "B":
        _emit(call, out, date_from_args(call, 2))
    else:
        offset = 2 if not call.text(1).isdigit() else 1
        _emit(call, out, date_from_args(call, offset + 3))


@REGISTRY.register("birth year and age", "death year and age", "birth year", "death year")
def year_and_age(call: Call, out: Flat) -> None:
    year = _int(call.text(1))
    _emit(call, out, make_date(year) if year is not None else None)


@REGISTRY.register("birth-date", "death-date", "birth-date and age", "death-date and age", "date", "start date text")
def free_text_date(call: Call, out: Flat) -> None:
    """``{{birth-date|26 February 1992}}``, ``{{date|1992-02-26}}``: a date written as text."""
    text = call.text(1)
    date = parse_date(text)
    if date is None:
        out.write(text)
        return
    out.write(text if call.name.startswith(("birth-", "death-")) else format_date(date, day_first=True))
    out.current.values.append(date)
