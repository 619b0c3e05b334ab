"""DBpedia's value-parser test cases (English): dates, coordinates, units. Reports pass rates.

The floors are what the parser reaches today, set honestly. Cases we fail on purpose:
month–day without a year (``4th of July``: our Date always has a year), two-digit years
(``6 June 07``: we do not guess a century), and DBpedia's ``0000-44-00`` expectations for
impossible dates (we return no date). Unit failures: ``h:mm`` durations, currency words before
the figure (``Dollar 15``), ``15ft 10in`` sums, and a test that expects 2 hours to be PT2M.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import corpus_or_skip
from infobox import Coordinates, Date, Quantity, interpret_value
from infobox.interpret.quantities import to_si


def cases(name: str, lang: str | None = "en") -> list[ET.Element]:
    root = ET.parse(corpus_or_skip() / "peer-tests" / "dbpedia-dataparser" / name).getroot()
    return [e for e in root if lang is None or e.get("lang") == lang]


def first(text: str, kind: str, cls: type):
    return next((c.value for c in interpret_value(text, kind) if isinstance(c.value, cls)), None)


def report(capsys, label: str, passed: int, total: int) -> float:
    rate = passed / total
    with capsys.disabled():
        print(f"\nDBpedia {label}: {passed}/{total} = {rate:.1%}")
    return rate


def test_dates(capsys):
    items = cases("DateTimeParserTest.xml")
    passed = 0
    for e in items:
        d = first(e.text or "", "date", Date)
        passed += (d.iso if d else "") == e.get("expected")
    assert report(capsys, "dates", passed, len(items)) >= 0.89


def test_coordinates(capsys):
    items = cases("GeocoordinatesParserTest.xml", lang=None)
    passed = 0
    for e in items:
        c = first(e.text or "", "coordinates", Coordinates)
        passed += bool(
            c
            and math.isclose(c.lat, float(e.get("lat")), abs_tol=1e-5)
            and math.isclose(c.lon, float(e.get("long")), abs_tol=1e-5)
        )
    assert report(capsys, "coordinates", passed, len(items)) == 1.0


def _iso_seconds(text: str) -> float | None:
    m = re.fullmatch(r"(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", text)
    if not m:
        return None
    seconds = int(m[2] or 0) * 86400 + int(m[3] or 0) * 3600 + int(m[4] or 0) * 60 + int(m[5] or 0)
    return -seconds if m[1] else seconds


def test_units(capsys):
    items = cases("UnitValueParserTest.xml")
    passed = 0
    for e in items:
        q = first(e.text or "", "quantity", Quantity)
        expected = e.get("value")
        if not expected:
            passed += q is None  # malformed numbers must not become values
            continue
        try:
            want = float(expected)
        except ValueError:
            want = _iso_seconds(expected)
        got = to_si(q)[0] if q else None
        passed += want is not None and got is not None and math.isclose(got, want, rel_tol=0.01)
    assert report(capsys, "units", passed, len(items)) >= 0.88


@pytest.mark.parametrize(("text", "iso"), [("[[January 20]] [[2001 BCE]]", "-2001-01-20"), ("{{Bda|1981|06|03}}", "1981-06-03")])
def test_some_cases_by_name(text, iso):
    assert first(text, "date", Date).iso == iso
