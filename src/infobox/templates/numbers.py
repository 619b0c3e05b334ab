"""Number templates: ``{{formatnum}}``, ``{{circa}}``, ``{{convert}}``, ``{{val}}``, ``{{height}}`` …"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..interpret.quantities import to_number, unit_symbol
from ..model import Quantity
from . import REGISTRY, Call

if TYPE_CHECKING:
    from ..interpret.flatten import Flat

_RANGE_WORDS = {
    "-": "–",
    "–": "–",
    "to": " to ",
    "and": " and ",
    "or": " or ",
    "x": " × ",
    "by": " by ",
    "+": " + ",
    "to(-)": " to ",
}


def _number(text: str) -> int | float | None:
    try:
        return to_number(text.strip())
    except ValueError:
        return None


def _fmt(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}" if abs(value) >= 1000 else f"{value:g}"


@REGISTRY.register("formatnum:", "formatnum", "fmtn", "format number")
def formatnum(call: Call, out: Flat) -> None:
    raw = str(call.node.name).split(":", 1)[1] if ":" in str(call.node.name) else call.text(1)
    value = _number(raw)
    if value is None:
        out.write(raw.strip())
        return
    out.write(_fmt(value))
    out.current.values.append(Quantity(value, value))


@REGISTRY.register("circa", "c.", "ca", "approx", "approximately")
def circa(call: Call, out: Flat) -> None:
    """``{{circa|300}}`` → ``c. 300`` (an approximate value; a year when it looks like one)."""
    out.open("abbr", title="circa")
    out.write("c.")
    out.close()
    out.write("\u00a0")
    call.visit(1, out)


@REGISTRY.register("convert", "cvt", "convert/2", "convinfobox", "units")
def convert(call: Call, out: Flat) -> None:
    """``{{convert|25|km2|sqmi}}`` → ``25 km2`` with a typed value and unit;
    ``{{convert|1|to|3|km}}`` → a range. The converted figure is not computed."""
    low = _number(call.text(1))
    if low is None:
        call.visit(1, out)
        return
    word = call.text(2).lower()
    high = low
    unit_at = 2
    if word in _RANGE_WORDS and _number(call.text(3)) is not None:
        high = _number(call.text(3))
        unit_at = 4
    unit = call.text(unit_at)
    symbol = unit_symbol(unit) or unit or None
    shown = _fmt(low) if high == low else f"{_fmt(low)}{_RANGE_WORDS[word]}{_fmt(high)}"
    out.write(f"{shown} {unit}".strip())
    out.current.values.append(Quantity(low, high, unit=symbol))


@REGISTRY.register("val")
def val(call: Call, out: Flat) -> None:
    """``{{val|1.2|e=3|u=m}}`` → ``1.2×10³ m``."""
    value = _number(call.text(1))
    unit = call.first("u", "ul")
    exponent = _number(call.text("e")) if call.text("e") else None
    if value is None:
        call.visit(1, out)
        return
    if isinstance(exponent, int):
        value = value * 10**exponent
    out.write(f"{call.text(1)}{'×10^' + call.text('e') if exponent is not None else ''} {unit}".strip())
    out.current.values.append(Quantity(value, value, unit=unit_symbol(unit) or unit or None))


_HEIGHT_UNITS = {"m": 1.0, "cm": 0.01, "ft": 0.3048, "in": 0.0254}


@REGISTRY.register("height", "hgt")
def height(call: Call, out: Flat) -> None:
    """``{{height|ft=6|in=1}}`` → ``6 ft 1 in``, typed as metres."""
    total = 0.0
    shown = []
    for unit, factor in _HEIGHT_UNITS.items():
        value = _number(call.text(unit))
        if value is not None:
            total += value * factor
            shown.append(f"{call.text(unit)} {unit}")
    if not shown:
        return
    out.write(" ".join(shown))
    out.current.values.append(Quantity(round(total, 6), round(total, 6), unit="m"))


def _pair(unit: str):
    def handler(call: Call, out: Flat) -> None:
        value = _number(call.text(1))
        if value is None:
            call.visit(1, out)
            return
        out.write(f"{call.text(1)} {unit}")
        out.current.values.append(Quantity(value, value, unit=unit))

    return handler


for _name, _unit in {
    "km to mi": "km",
    "km2 to mi2": "km2",
    "m to ft": "m",
    "ft to m": "ft",
    "mi to km": "mi",
    "mi2 to km2": "sqmi",
    "km to mi2": "km2",
    "kg to lb": "kg",
    "lb to kg": "lb",
}.items():
    REGISTRY.register(_name)(_pair(_unit))
