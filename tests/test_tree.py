"""Our fast tree builder gives mwparserfromhell's own tree, node for node, field for field."""

from __future__ import annotations

import mwparserfromhell
import pytest
from mwparserfromhell.wikicode import Wikicode

from conftest import FIXTURES, corpus_or_skip
from infobox.wikitext import tree
from infobox.wikitext.locate import find_infoboxes
from infobox.wikitext.split import split_call


def assert_same(ours: object, theirs: object, path: str = "") -> None:
    assert type(ours) is type(theirs), f"{path}: {type(ours).__name__} ≠ {type(theirs).__name__}"
    if isinstance(ours, Wikicode):
        assert len(ours.nodes) == len(theirs.nodes), f"{path}: {ours.nodes!r} ≠ {theirs.nodes!r}"
        for i, (a, b) in enumerate(zip(ours.nodes, theirs.nodes, strict=True)):
            assert_same(a, b, f"{path}/{i}")
    elif isinstance(ours, list):
        assert len(ours) == len(theirs), path
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            assert_same(a, b, f"{path}[{i}]")
    elif hasattr(ours, "__dict__"):
        assert vars(ours).keys() == vars(theirs).keys(), f"{path}: fields differ"
        for name, value in vars(ours).items():
            assert_same(value, vars(theirs)[name], f"{path}.{name}")
    else:
        assert ours == theirs, f"{path}: {ours!r} ≠ {theirs!r}"


CASES = [
    "",
    "plain text",
    "[[Khojaly (town)|Khojaly]], [[Nagorno-Karabakh]]",
    '200+ <small>(per [[Human Rights Watch]])</small><ref name="hrw.org">{{cite web |url=http://x.org |title=T}}</ref><br />',
    '<ref name="deWaal" />',
    "<ref group=note name = 'a b'>text</ref>",
    "{{start date and age|1992|2|26|df=y}}",
    "{{ubl|a|b = c|{{nested|x}}}}",
    "{{{arg|default}}} {{{bare}}}",
    "[http://example.org label] [http://example.org] http://bare.example.org",
    "&nbsp;&#8211;&#x2013;&amp;",
    "''italic'' '''bold''' '''''both'''''",
    "<!-- comment --> after",
    "== Heading ==\ntext",
    "* one\n* two\n# three\n; term : def",
    "{| class=wikitable\n|-\n| a || b\n|}",
    '<span style="color:red" lang=fr>x</span><br/><hr>',
    "<div>unclosed",
    "{{unclosed",
    "[[unclosed",
    "<nowiki>{{not a template}}</nowiki>",
    "[[File:X.jpg|thumb|220px|Caption with [[link]]]]",
    "a\n\n----\nb",
    "<ref>unclosed ref",
    "{{#if:x|y|z}} {{subst:foo}} __NOTOC__ ~~~~",
]


@pytest.mark.parametrize("text", CASES)
def test_same_tree_as_mwparserfromhell(text: str) -> None:
    ours = tree.parse(text)
    assert_same(ours, mwparserfromhell.parse(text))
    assert str(ours) == text


def test_fixture_pages_whole_and_by_value() -> None:
    for path in sorted(FIXTURES.glob("*.wiki")):
        text = path.read_text("utf-8")
        assert_same(tree.parse(text), mwparserfromhell.parse(text), path.name)
        for span in find_infoboxes(text)[0]:
            for p in split_call(text[span.start : span.end])[1]:
                assert_same(tree.parse(p.value), mwparserfromhell.parse(p.value), f"{path.name}:{p.name}")


def test_every_corpus_value() -> None:
    corpus = corpus_or_skip()
    checked = 0
    for path in sorted([*(corpus / "articles").glob("*.wiki"), *(corpus / "snippets").glob("*.wiki")]):
        text = path.read_text("utf-8")
        for span in find_infoboxes(text)[0]:
            for p in split_call(text[span.start : span.end])[1]:
                assert_same(tree.parse(p.value), mwparserfromhell.parse(p.value), f"{path.name}:{p.name}")
                checked += 1
    assert checked > 10_000  # 10,280 values
