"""Dates: templates in all their argument forms, and free text."""

from __future__ import annotations

import pytest

from helpers import value_of
from infobox import Date
from infobox.interpret.dates import format_date, parse_date


@pytest.mark.parametrize(
    ("wikitext", "iso", "precision"),
    [
        ("{{start date|1992|2|26}}", "1992-02-26", "day"),
        ("{{Start date|1992|2}}", "1992-02", "month"),
        ("{{start date|1992}}", "1992", "year"),
        ("{{start date|df=yes|1992|02|26}}", "1992-02-26", "day"),
        ("{{start date|1992|2|26|mf=y}}", "1992-02-26", "day"),
        ("{{start date and age|1992|2|26}}", "1992-02-26", "day"),
        ("{{start date and age|df=yes|paren=yes|2016|12|19}}", "2016-12-19", "day"),
        ("{{end date|1994|5|12}}", "1994-05-12", "day"),
        ("{{birth date|1912|10|12|}}", "1912-10-12", "day"),
        ("{{Birth date | 1993 | 2 | 24 | df=yes }}", "1993-02-24", "day"),
        ("{{birth date and age|1941|2|20}}", "1941-02-20", "day"),
        ("{{bda|1981|06|03|mf=y}}", "1981-06-03", "day"),
        ("{{death date and age|1966|7|19|1887|5|21}}", "1966-07-19", "day"),
        ("{{Death date and age|df=yes|1955|4|18|1879|3|14}}", "1955-04-18", "day"),
        ("{{dda|1966|7|19|1887|5|21|df=yes}}", "1966-07-19", "day"),
        ("{{birth date|26 February 1992}}", "1992-02-26", "day"),
    ],
)
def test_date_templates(wikitext, iso, precision):
    value = value_of(wikitext, "date")
    assert isinstance(value, Date)
    assert value.iso == iso
    assert value.precision == precision


def test_date_template_text_follows_df():
    from helpers import parse_one

    box = parse_one(
        "{{Infobox thing|a={{start date|1992|2|26}}|b={{start date|1992|2|26|df=y}}|c={{death date and age|1966|7|19|1887|5|21}}}}"
    )
    assert box["a"].text == "February 26, 1992"
    assert box["b"].text == "26 February 1992"
    assert box["c"].text == "July 19, 1966 (aged 79)"


def test_age_is_not_in_the_data():
    """'34 years ago' depends on the day of reading; the data must not."""
    from helpers import parse_one

    box = parse_one("{{Infobox thing|date={{start date and age|1992|2|26}}}}")
    assert box["date"].text == "February 26, 1992"


@pytest.mark.parametrize(
    ("text", "iso", "precision", "end", "approximate"),
    [
        ("26 February 1992", "1992-02-26", "day", None, False),
        ("February 26, 1992", "1992-02-26", "day", None, False),
        ("1992-02-26", "1992-02-26", "day", None, False),
        ("February 1992", "1992-02", "month", None, False),
        ("1992", "1992", "year", None, False),
        ("26–27 February 1992", "1992-02-26", "day", "1992-02-27", False),
        ("February 26–27, 1992", "1992-02-26", "day", "1992-02-27", False),
        ("26 February – 3 March 1992", "1992-02-26", "day", "1992-03-03", False),
        ("c. 1992", "1992", "year", None, True),
        ("circa 1992", "1992", "year", None, True),
        ("1992–1994", "1992", "year", "1994", False),
        ("1992–94", "1992", "year", "1994", False),
        ("5 September 1972 – 6 September 1972", "1972-09-05", "day", "1972-09-06", False),
        ("June 50 BC", "-0050-06", "month", None, False),
        ("20 BC", "-0020", "year", None, False),
        ("1990s", "1990", "decade", None, False),
        ("Sept. 4, 2001", "2001-09-04", "day", None, False),
        ("4th of July 1776", "1776-07-04", "day", None, False),
    ],
)
def test_free_text_dates(text, iso, precision, end, approximate):
    d = parse_date(text)
    assert d is not None, text
    assert (d.iso, d.precision, d.approximate) == (iso, precision, approximate)
    assert (d.end.iso if d.end else None) == end


@pytest.mark.parametrize("text", ["", "unknown", "31 February 1992", "Azerbaijani civilians", "13/13/2000"])
def test_not_dates(text):
    assert parse_date(text) is None


def test_full_match_only():
    assert parse_date("26 February 1992", full=True).iso == "1992-02-26"
    assert parse_date("the night of 26 February 1992 in Khojaly", full=True) is None
    assert parse_date("the night of 26 February 1992 in Khojaly").iso == "1992-02-26"


def test_free_text_date_in_a_date_field():
    value = value_of("26–27 February 1992", "date", "Infobox civilian attack")
    assert value.iso == "1992-02-26" and value.end.iso == "1992-02-27"


def test_format_date():
    d = parse_date("26 February 1992")
    assert format_date(d) == "February 26, 1992"
    assert format_date(d, day_first=True) == "26 February 1992"
    assert format_date(parse_date("February 1992")) == "February 1992"
    assert format_date(parse_date("50 BC")) == "50 BC"
