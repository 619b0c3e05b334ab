"""Which fields share a cell: rows a schema shows inside another's (time and time zone under the date)."""

from __future__ import annotations

from ..model import Field, Infobox
from ..schemas import schema_for


def attachments(box: Infobox) -> tuple[dict[str, list[Field]], set[int]]:
    """(host field key → fields shown in its cell, ids of those attached fields) for the shown fields."""
    schema = schema_for(box.template)
    if schema is None:
        return {}, set()
    shown = {f.key: f for f in box.fields if f.shown}
    hosts: dict[str, list[Field]] = {}
    for row in schema.rows:
        if row.part_of in shown and row.key in shown:
            hosts.setdefault(row.part_of, []).append(shown[row.key])
    return hosts, {id(f) for fields in hosts.values() for f in fields}
