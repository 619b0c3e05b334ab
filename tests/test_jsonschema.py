"""The JSON form validates against the shipped JSON Schema, on the example and on real pages."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import infobox
from conftest import FIXTURES


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("infobox").joinpath("jsonschema/article.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.wiki")))
def test_fixture_json_is_valid(validator, name):
    data = json.loads(infobox.parse_file(FIXTURES / name).to_json())
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, errors[0]


def test_schema_rejects_a_broken_document(validator):
    data = json.loads(infobox.parse_file(FIXTURES / "Khojaly_massacre.infobox.wiki").to_json())
    data["infoboxes"][0]["fields"][0]["claims"][0]["value"] = {"type": "date", "year": "1992"}
    assert not validator.is_valid(data)


def test_every_value_type_is_covered(validator):
    text = (
        "{{Infobox thing|d={{start date|1992|2|26}}|q=200+|c={{coord|1|N|2|E}}|l=[[A]]|image=A.jpg|t=text"
        "|r=5<ref>{{cite web|title=T|url=http://e.org|access-date=2020-01-01}}</ref>}}"
    )
    data = json.loads(infobox.parse(text).to_json())
    types = {f["claims"][0]["value"]["type"] for f in data["infoboxes"][0]["fields"]}
    assert types == {"date", "quantity", "coordinates", "link", "image", "text"}
    assert validator.is_valid(data)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.wiki")))
def test_to_json_equals_to_dict(name):
    article = infobox.parse_file(FIXTURES / name)
    assert json.loads(article.to_json()) == article.to_dict()
    for box in article.infoboxes:
        assert json.loads(box.to_json()) == box.to_dict()
