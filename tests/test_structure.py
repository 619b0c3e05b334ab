"""Finding infoboxes, lossless parameters, schemas, aliases and nested infoboxes."""

from __future__ import annotations

import pytest

import infobox
from conftest import FIXTURES
from helpers import parse_one
from infobox.schemas import humanise, schema_for, type_of
from infobox.wikitext.locate import find_infoboxes
from infobox.wikitext.split import split_call


def test_infobox_wrapped_in_stack():
    article = infobox.parse_file(FIXTURES / "2016_Berlin_attack.wiki")
    assert len(article.infoboxes) == 1
    box = article.infoboxes[0]
    assert box.type == "civilian attack" and box.title == "2016 Berlin attack"
    assert box["assailant"].label == "Assailant"  # singular alias → singular label
    assert box["injuries"].claims[0].value.low == 56
    assert box["date"].claims[0].value.iso == "2016-12-19"
    assert "unresolved-function" in {d.code for d in box.diagnostics}  # {{#property:P1120}}


def test_two_infoboxes_in_one_article():
    article = infobox.parse_file(FIXTURES / "Donnelly's_Bar_and_Kay's_Tavern_attacks.wiki")
    assert [b.type for b in article.infoboxes] == ["civilian attack", "civilian attack"]
    first = article.infoboxes[0]
    assert first["partof"].text == "the Troubles"
    assert first["susperp"].label == "Suspected perpetrator"
    coords = first["coordinates"].claims[0].value
    assert (coords.lat, coords.lon) == (54.009, -6.4049)


def test_terrorist_attack_is_the_same_template():
    article = infobox.parse_file(FIXTURES / "Munich_massacre.wiki")
    box = article.infoboxes[0]
    assert box.template.strip() == "Infobox terrorist attack"
    assert box.type == "civilian attack" and box.schema == "Infobox civilian attack"
    assert box["perps"].label == "Perpetrators"
    assert [c.text for c in box["type"].claims] == ["Hostage-taking", "Mass shooting", "Massacre"]
    deaths = box["fatalities"].claims
    assert deaths[0].value.low == 17 and deaths[0].qualifier == "including perpetrators"
    date = box["date"].claims[0].value
    assert (date.iso, date.end.iso) == ("1972-09-05", "1972-09-06")


def test_unclosed_infobox_is_read_to_the_end_and_reported():
    text = (FIXTURES / "Darth_Vader.wiki").read_text("utf-8")
    article = infobox.parse(text, "Darth Vader")
    assert len(article.infoboxes) == 1
    box = article.infoboxes[0]
    assert not box.closed
    assert box.wikitext == text[box.span[0] : box.span[1]]
    assert box["name"].claims[0].text == "Darth Vader"
    assert "unclosed-infobox" in {d.code for d in article.diagnostics}


@pytest.mark.parametrize(
    "name",
    [
        "Infobox civilian attack",
        "infobox civilian attack",
        "Infobox_civilian_attack",
        "Template:Infobox civilian attack",
        "Infobox terrorist attack",
        "infobox_terrorist attack",
    ],
)
def test_template_name_normalisation(name):
    assert schema_for(name).name == "Infobox civilian attack"
    assert parse_one(f"{{{{{name}|date=1992}}}}").type == "civilian attack"


def test_type_of():
    assert type_of("terrorist attack") == "civilian attack"
    assert type_of("Infobox Settlement") == "settlement"


def test_generic_schema_labels_and_roles():
    box = parse_one(
        "{{Infobox settlement|name=Khojaly|birth_date=1992|image_skyline=A.jpg|population_total=2,000|image_caption=C}}"
    )
    assert box.schema == "generic"
    assert box["birth_date"].label == "Birth date"
    assert box["name"].role == "title" and box.title == "Khojaly"
    assert box["image_skyline"].role == "image"
    assert box["image_caption"].role == "caption"
    assert box["population_total"].claims[0].value.low == 2000
    assert [f.name for f in box.fields] == ["name", "birth_date", "image_skyline", "population_total", "image_caption"]
    assert humanise("time-begin") == "Time-begin"


def test_unknown_parameter_of_a_known_schema():
    box = parse_one("{{Infobox civilian attack|date=1992|colour=red}}")
    assert box["colour"].text == "red"  # kept, not dropped
    assert [d.code for d in box.diagnostics] == ["unknown-parameter"]


def test_alias_conflict_keeps_both():
    box = parse_one("{{Infobox civilian attack|victim=A|victims=B}}")
    assert {f.name: f.shown for f in box.fields} == {"victims": True, "victim": False}
    assert box["victim"].label == "Victim" and box["victims"].label == "Victims"
    assert [d.code for d in box.diagnostics] == ["alias-conflict"]


def test_duplicate_parameter():
    box = parse_one("{{Infobox thing|a=1|a=2}}")
    assert "duplicate-parameter" in {d.code for d in box.diagnostics}


def test_nested_child_infobox_stays_in_its_field():
    text = "{{Infobox person|name=X|module={{Infobox officeholder|office=Mayor|term_start={{start date|2001|1|1}}}}}}"
    article = infobox.parse(text)
    assert len(article.infoboxes) == 1
    parent = article.infoboxes[0]
    module = parent["module"]
    assert module.role == "embed"
    [child] = module.infoboxes
    assert child.type == "officeholder"
    assert child["term_start"].claims[0].value.iso == "2001-01-01"
    assert child.wikitext == text[child.span[0] : child.span[1]]


def test_comments_do_not_hide_or_create_infoboxes():
    spans, _ = find_infoboxes("<!-- {{Infobox hidden|a=1}} -->{{Infobox shown|a=1}}<nowiki>{{Infobox no}}</nowiki>")
    assert len(spans) == 1


@pytest.mark.parametrize(
    "source",
    [
        "{{Infobox x|a=1|b=[[A|B]]|c={{t|x=1|y}}|d=<ref>p|q</ref>|e=<!-- | -->|f}}",
        "{{Infobox x\n| a = 1 <!-- a=b -->\n| b=  {{{1|d}}} \n|=empty name\n| positional\n}}",
        "{{Infobox x|a=[[File:A.jpg|thumb|x=y]]|b=<nowiki>|</nowiki>}}",
    ],
)
def test_split_is_lossless_and_agrees_with_mwparserfromhell(source):
    import mwparserfromhell

    name, params, closed = split_call(source)
    assert closed
    assert "{{" + name + "".join(p.wikitext for p in params) + "}}" == source
    node = mwparserfromhell.parse(source).nodes[0]
    assert [(p.name, p.value, p.showkey) for p in params] == [(str(p.name), str(p.value), p.showkey) for p in node.params]


def test_param_lookup_and_empty_values():
    box = parse_one("{{Infobox thing|a=|b= <!-- c -->\n|c=x}}")
    assert [f.name for f in box.fields] == ["c"]
    assert box.param("a").value == "" and box.param("b").value == " <!-- c -->\n"
    with pytest.raises(KeyError):
        box["a"]
