"""Several values in one field → several claims; attribution and qualifiers."""

from __future__ import annotations

import pytest

from helpers import parse_one
from infobox.interpret.claims import attribution


def claims(wikitext: str, field: str = "fatalities") -> list[str]:
    return [c.text for c in parse_one(f"{{{{Infobox civilian attack|{field}={wikitext}}}}}")[field].claims]


@pytest.mark.parametrize(
    "wikitext",
    [
        "a<br />b<br>c",
        "{{ubl|a|b|c}}",
        "{{unbulleted list|a|b|c}}",
        "{{plainlist|\n* a\n* b\n* c}}",
        "{{Plainlist|1=\n* a\n* b\n* c\n}}",
        "{{flatlist|\n* a\n* b\n* c}}",
        "{{hlist|a|b|c}}",
        "\n* a\n* b\n* c",
        "a{{br}}b{{break}}c",
    ],
)
def test_splitting(wikitext):
    assert claims(wikitext) == ["a", "b", "c"]


def test_text_before_a_bullet_list():
    assert claims("17 total\n* 11 Israeli\n* 5 militants") == ["17 total", "11 Israeli", "5 militants"]


def test_comma_lists_stay_one_claim():
    assert claims("[[Armenian Armed Forces]], 366th [[Commonwealth of Independent States|CIS]] regiment", "perpetrators") == [
        "Armenian Armed Forces, 366th CIS regiment"
    ]


@pytest.mark.parametrize(
    ("text", "main", "source", "qualifier"),
    [
        ("200+ (per Human Rights Watch)", "200+", "Human Rights Watch", None),
        ("613 (according to the Azerbaijani government)", "613", "the Azerbaijani government", None),
        ("5 (including the perpetrator)", "5", None, "including the perpetrator"),
        ("12 (Soviet estimate)", "12", "Soviet", None),
        ("30 (per A) (disputed)", "30", "A", "disputed"),
        ("no parentheses", "no parentheses", None, None),
        ("(only a parenthesis)", "(only a parenthesis)", None, None),
    ],
)
def test_attribution(text, main, source, qualifier):
    assert attribution(text) == (main, source, qualifier)


def test_refs_follow_their_claim():
    box = parse_one(
        "{{Infobox civilian attack|fatalities=1<ref name=a>A</ref><br />2 (per B)<ref name=b>B</ref><ref name=a/>\n|injuries=3<br /><ref>C</ref>}}"
    )
    assert [c.refs for c in box["fatalities"].claims] == [["a"], ["b", "a"]]
    # a reference alone on its line belongs to the claim before it
    assert [c.refs for c in box["injuries"].claims] == [["#1"]]


def test_small_attribution_with_link():
    box = parse_one("{{Infobox civilian attack|fatalities=200+ <small>(per [[Human Rights Watch]])</small>}}")
    claim = box["fatalities"].claims[0]
    assert claim.source == "Human Rights Watch"
    assert claim.value.low == 200 and claim.value.high is None
