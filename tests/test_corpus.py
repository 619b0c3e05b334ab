"""Every real page of the shared corpus: parses, finds the infoboxes MANIFEST.csv lists, stays lossless."""

from __future__ import annotations

import csv
import json
from collections import Counter
from importlib import resources

import jsonschema
import mwparserfromhell
import pytest

import infobox
from conftest import corpus_or_skip
from infobox.schemas import type_of
from infobox.wikitext.split import split_call


@pytest.fixture(scope="module")
def pages() -> list[tuple[dict[str, str], str, infobox.Article]]:
    root = corpus_or_skip()
    rows = [r for r in csv.DictReader((root / "MANIFEST.csv").open(encoding="utf-8")) if r["kind"] in ("article", "snippet")]
    out = []
    for row in rows:
        text = (root / row["file"]).read_text("utf-8")
        out.append((row, text, infobox.parse(text, row["title"])))  # an exception here fails the module
    return out


def test_every_file_is_there(pages):
    assert len(pages) == 539


def test_infobox_count_matches_manifest(pages):
    # MANIFEST counts `{{Infobox …` by regex outside comments, skipping infoboxes nested in another
    # infobox — the same rule as ours. Darth Vader's snippet is cut off before its closing braces:
    # MANIFEST counts it, and so do we (read to the end, with an `unclosed-infobox` error).
    wrong = []
    for row, _, article in pages:
        expected = [t for t in row["infobox_types"].split(";") if t]
        if len(expected) != len(article.infoboxes):
            wrong.append((row["file"], expected, [b.template.strip() for b in article.infoboxes]))
    assert not wrong


def test_types_match_manifest(pages):
    for row, _, article in pages:
        expected = [type_of(t) for t in row["infobox_types"].split(";") if t]
        got = [b.type for b in article.infoboxes]
        assert got == expected, row["file"]


def test_params_rejoin_to_the_source_byte_for_byte(pages):
    n = 0
    for _, text, article in pages:
        for box in article.infoboxes:
            assert box.wikitext == text[box.span[0] : box.span[1]]
            n += 1
    assert n >= 450


def test_splitter_agrees_with_mwparserfromhell(pages):
    for _, _, article in pages:
        for box in article.infoboxes:
            if not box.closed:
                continue
            node = mwparserfromhell.parse(box.wikitext).nodes[0]
            _, params, _ = split_call(box.wikitext)
            assert [(p.name, p.value, p.showkey) for p in params] == [(str(p.name), str(p.value), p.showkey) for p in node.params]


def test_json_is_valid_for_every_page(pages):
    schema = json.loads(resources.files("infobox").joinpath("jsonschema/article.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for row, _, article in pages:
        errors = list(validator.iter_errors(json.loads(article.to_json())))
        assert not errors, (row["file"], errors[0].message)


def test_civilian_attacks_have_typed_dates(pages):
    attacks = [b for _, _, a in pages for b in a.infoboxes if b.type == "civilian attack" and b.field("date")]
    assert len(attacks) >= 6
    for box in attacks:
        assert isinstance(box["date"].claims[0].value, infobox.Date), (box.title, box["date"].text)


def test_no_error_diagnostics_but_the_known_one(pages):
    errors = Counter(d.code for _, _, a in pages for d in a.all_diagnostics() if d.severity == "error")
    assert errors == Counter({"unclosed-infobox": 1})
