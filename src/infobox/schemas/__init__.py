"""Infobox schemas as data: one TOML file per infobox type, plus ``generic.toml`` for every other.

A schema lists rows in display order. Each row has a canonical ``key``, the ``params`` (aliases)
it accepts, a ``label`` (with per-alias ``labels``), a ``role`` (title, subheader, image,
caption, option, data, below, embed) and a value ``kind`` (text, date, quantity, coordinates,
image). :func:`schema_for` finds the schema for a template name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..wikitext.names import template_key, template_name


@dataclass(slots=True, frozen=True)
class Row:
    key: str
    params: tuple[str, ...]
    label: str
    role: str = "data"
    kind: str = "auto"
    labels: dict[str, str] = field(default_factory=dict)
    prefix: str = ""
    part_of: str | None = None
    size: tuple[str, ...] = ()
    upright: tuple[str, ...] = ()
    alt: tuple[str, ...] = ()
    order: int = 10_000

    def label_for(self, param: str) -> str:
        return self.labels.get(param, self.label)


@dataclass(slots=True)
class Schema:
    name: str
    type: str
    rows: list[Row]
    body_class: str = ""
    by_param: dict[str, Row] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for row in self.rows:
            for p in row.params:
                self.by_param.setdefault(p.lower(), row)

    @property
    def generic(self) -> bool:
        return self.name == "generic"

    def row(self, param: str) -> Row | None:
        return self.by_param.get(param.lower())


def humanise(name: str) -> str:
    """``birth_date`` → ``Birth date``; ``image_size`` → ``Image size``."""
    text = re.sub(r"[_\s]+", " ", name).strip()
    return text[:1].upper() + text[1:] if text else name


def infobox_type(name: str) -> str:
    """``Infobox civilian attack`` → ``civilian attack``; a bare ``Infobox`` → ``infobox``."""
    rest = re.sub(r"^infobox[\s_/:]*", "", template_name(name), flags=re.IGNORECASE)
    return rest.lower() or "infobox"


def _row(data: dict, order: int) -> Row:
    return Row(
        key=data["key"],
        params=tuple(data.get("params", [data["key"]])),
        label=data.get("label", humanise(data["key"])),
        role=data.get("role", "data"),
        kind=data.get("kind", "auto"),
        labels=dict(data.get("labels", {})),
        prefix=data.get("prefix", ""),
        part_of=data.get("part_of"),
        size=tuple(data.get("size", ())),
        upright=tuple(data.get("upright", ())),
        alt=tuple(data.get("alt", ())),
        order=order,
    )


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Schema], dict]:
    schemas: dict[str, Schema] = {}
    generic: dict = {}
    for item in sorted(resources.files(__package__).iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".toml"):
            continue
        data = tomllib.loads(item.read_text("utf-8"))
        if data["name"] == "generic":
            generic = data
            continue
        schema = Schema(data["name"], data["type"], [_row(r, i) for i, r in enumerate(data["rows"])], data.get("body_class", ""))
        for n in [data["name"], *data.get("aliases", [])]:
            schemas[template_key(n)] = schema
    return schemas, generic


def _compile(patterns: dict[str, list[str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)) for name, pats in patterns.items()]


@lru_cache(maxsize=1)
def _generic_rules() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]], dict[str, str]]:
    generic = _load()[1]
    return _compile(generic["roles"]), _compile(generic["kinds"]), generic.get("labels", {})


@lru_cache(maxsize=4096)
def generic_row(param: str) -> Row:
    """The row the generic schema gives a parameter: humanised label, role and kind from its name."""
    roles, kinds, labels = _generic_rules()
    key = param.strip()
    role = next((r for r, rx in roles if rx.fullmatch(key)), "data")
    kind = "image" if role == "image" else next((k for k, rx in kinds if rx.fullmatch(key)), "auto")
    return Row(key=key, params=(key,), label=labels.get(key.lower(), humanise(key)), role=role, kind=kind)


def schema_for(template: str) -> Schema | None:
    """The schema file for a template name (any case of first letter, ``_``, ``Template:``), or None."""
    return _load()[0].get(template_key(template))


def type_of(name: str) -> str:
    """The normalised infobox type of a template name or a type (``terrorist attack`` → ``civilian attack``)."""
    name = name.strip()
    full = name if re.match(r"^(?:template\s*:\s*)?infobox(?:[\s_/:]|$)", name, re.IGNORECASE) else f"Infobox {name}"
    schema = schema_for(full)
    return schema.type if schema else infobox_type(full)
