"""Quantities: numbers, bounds, ranges, approximations and units."""

from __future__ import annotations

import pytest

from helpers import value_of
from infobox import Quantity, Text
from infobox.interpret.quantities import parse_quantity


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate", "comparator"),
    [
        ("613", 613, 613, False, None),
        ("1,234", 1234, 1234, False, None),
        ("200+", 200, None, False, ">="),
        ("at least 30", 30, None, False, ">="),
        ("over 1,000", 1000, None, False, ">"),
        ("more than 1,000", 1000, None, False, ">"),
        ("up to 50", None, 50, False, "<="),
        ("fewer than 10", None, 10, False, "<"),
        ("c. 300", 300, 300, True, None),
        ("~5,000", 5000, 5000, True, None),
        ("approximately 40", 40, 40, True, None),
        ("100–200", 100, 200, False, None),
        ("100 - 200", 100, 200, False, None),
        ("100 to 200", 100, 200, False, None),
        ("between 5 and 9", 5, 9, False, None),
        ("2.5 million", 2_500_000, 2_500_000, False, None),
        ("1.5", 1.5, 1.5, False, None),
        ("17 total", 17, 17, False, None),
        ("5 or more", 5, None, False, ">="),
    ],
)
def test_quantities(text, low, high, approximate, comparator):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.low, q.high, q.approximate, q.comparator) == (low, high, approximate, comparator)


@pytest.mark.parametrize("text", ["Unknown", "unknown", "None", "N/A", "?", "", "Irregular Armenian forces"])
def test_no_number(text):
    assert parse_quantity(text) is None


def test_units():
    assert parse_quantity("25 km2").unit == "km2"
    assert parse_quantity("25 kilometres").unit == "km"
    assert parse_quantity("$20.5 million").unit == "USD"
    assert parse_quantity("$20.5 million").low == 20_500_000
    assert parse_quantity("613 people").unit is None


def test_full_match():
    assert parse_quantity("613", full=True).low == 613
    assert parse_quantity("613 people were killed", full=True) is None
    assert parse_quantity("12 km", full=True).unit == "km"


@pytest.mark.parametrize(
    ("wikitext", "low", "high", "unit", "approximate"),
    [
        ("{{formatnum:1234}}", 1234, 1234, None, False),
        ("{{circa|300}}", 300, 300, None, True),
        ("{{convert|25|km2|sqmi}}", 25, 25, "km2", False),
        ("{{convert|1|to|3|km}}", 1, 3, "km", False),
        ("{{cvt|5.5|mi|km}}", 5.5, 5.5, "mi", False),
    ],
)
def test_number_templates(wikitext, low, high, unit, approximate):
    value = value_of(wikitext, "fatalities", "Infobox civilian attack")
    assert isinstance(value, Quantity)
    assert (value.low, value.high, value.unit, value.approximate) == (low, high, unit, approximate)


def test_unknown_is_text_in_a_quantity_field():
    value = value_of("Unknown", "fatalities", "Infobox civilian attack")
    assert isinstance(value, Text) and value.text == "Unknown"


def test_convert_text():
    from helpers import parse_one

    assert parse_one("{{Infobox thing|area={{convert|25|km2|sqmi}}}}")["area"].text == "25 km2"
    assert parse_one("{{Infobox thing|n={{formatnum:1234567}}}}")["n"].text == "1,234,567"
