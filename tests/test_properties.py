"""Property tests: any mix of wikitext tokens parses, and every infobox found stays lossless."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import infobox
from infobox.wikitext.split import split_call

TOKENS = [
    "{{",
    "}}",
    "|",
    "=",
    "[[",
    "]]",
    "[",
    "]",
    "<ref>",
    "</ref>",
    "<ref name=a/>",
    '<ref name="a">',
    "<!--",
    "-->",
    "{{Infobox x",
    "{{Infobox civilian attack\n",
    "{{infobox_y|",
    "a",
    "200+",
    " (per [[X]])",
    " ",
    "\n",
    "\n* ",
    "''",
    "<br />",
    "&nbsp;",
    "<nowiki>",
    "</nowiki>",
    "{{{1|",
    "{{start date|1992|2|26}}",
    "{{coord|1|N|2|E}}",
    "{{ubl|a|b}}",
    "fatalities=",
    "date=",
    "â€“",
    "{{cite web|title=T|url=http://e.org}}",
    "<small>",
    "</small>",
    "{{#if:x|y}}",
]
wikitext = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(wikitext)
def test_any_token_soup_parses_losslessly(text):
    article = infobox.parse(text, "Soup")
    for box in article.infoboxes:
        assert box.wikitext == text[box.span[0] : box.span[1]]
        if "<nowiki>" not in text:  # inside nowiki a comment opener is literal text
            for field in box.fields:
                assert "<!--" not in field.text
    article.to_json()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(wikitext)
def test_split_rejoins(text):
    source = "{{" + text + "}}"
    name, params, closed = split_call(source)
    assert "{{" + name + "".join(p.wikitext for p in params) + ("}}" if closed else "") == source
