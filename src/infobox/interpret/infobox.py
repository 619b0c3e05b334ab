"""One infobox template → :class:`Infobox`: lossless params, fields in display order, claims."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from ..model import Field, Image, Infobox, Param
from ..schemas import Row, Schema, generic_row, infobox_type, schema_for
from ..wikitext.names import template_name
from .claims import image_value, make_claims

if TYPE_CHECKING:
    from .context import Context

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def is_blank(value: str) -> bool:
    """A value that is empty once comments and whitespace are removed (Module:Infobox drops it)."""
    if not value or value.isspace():
        return True
    return "<!--" in value and not _COMMENT.sub("", value).strip()


def interpret_template(tpl: Template, ctx: Context, start: int, end: int) -> Infobox:
    """Interpret an infobox met as a parsed template node (one nested in another infobox's field)."""
    params = [Param(str(p.name), str(p.value), bool(p.showkey)) for p in tpl.params]
    codes = [p.value for p in tpl.params]
    return interpret_infobox(str(tpl.name), params, codes.__getitem__, ctx, start, end)


def interpret_infobox(
    name_raw: str,
    params: list[Param],
    value_code: Callable[[int], Wikicode],
    ctx: Context,
    start: int,
    end: int,
) -> Infobox:
    """Interpret one infobox call found at ``text[start:end]``; diagnostics raised here go on the infobox.

    ``value_code(i)`` gives the parsed wikicode of parameter ``i``.
    """
    name = template_name(_COMMENT.sub("", name_raw))
    schema = schema_for(name)
    box = Infobox(
        template=name_raw,
        type=schema.type if schema else infobox_type(name),
        title=None,
        span=(start, end),
        params=params,
        schema=schema.name if schema else "generic",
    )
    first_diag = len(ctx.diagnostics)
    saved = ctx.field, ctx.offset, ctx.children

    # where each value starts in the source, for diagnostics
    offsets = []
    pos = start + 2 + len(name_raw)
    for p in params:
        offsets.append(pos + 1 + (len(p.name) + 1 if p.showkey else 0))
        pos += len(p.wikitext)

    chosen: list[tuple[Row, int]] = []
    seen_keys: dict[str, int] = {}
    for i, p in enumerate(params):
        key, blank = p.key, is_blank(p.value)
        if key in seen_keys and not blank:
            ctx.offset, ctx.field = offsets[i], key
            ctx.diag("duplicate-parameter", "warning", f"parameter {key!r} is given more than once; the template uses the last")
        seen_keys[key] = i
        if blank:
            continue
        row = schema.row(key) if schema else None
        if row is None:
            if schema:
                ctx.offset, ctx.field = offsets[i], key
                ctx.diag("unknown-parameter", "warning", f"{schema.name} has no parameter {key!r}; it is kept but not shown")
            row = generic_row(key)
        chosen.append((row, i))

    # alias conflicts: several non-empty names for one row; the alias the schema lists first is shown
    by_row: dict[str, list[int]] = {}
    for row, i in chosen:
        by_row.setdefault(row.key, []).append(i)
    hidden: set[int] = set()
    for row, i in chosen:
        indices = by_row[row.key]
        if len(indices) > 1 and i == indices[0] and row.role != "option":
            names = [params[j].key for j in indices]
            ranked = sorted(indices, key=lambda j: _rank(row, params[j].key))
            hidden.update(ranked[1:])
            ctx.offset, ctx.field = offsets[ranked[1]], params[ranked[1]].key
            ctx.diag(
                "alias-conflict",
                "warning",
                f"{' and '.join(repr(n) for n in names)} are aliases of one row ({row.label}); "
                f"both are kept, {params[ranked[0]].key!r} is shown",
            )

    order = sorted(chosen, key=lambda ri: (ri[0].order, ri[1])) if schema else chosen
    for row, i in order:
        p = params[i]
        key = p.key
        ctx.field, ctx.offset, ctx.children = key, offsets[i], []
        flat = ctx.flattener.quick(p.value) or ctx.flattener.flatten(value_code(i))
        claims = make_claims(flat, row.kind)
        box.fields.append(
            Field(
                name=key,
                key=row.key,
                label=row.label_for(key) if schema else row.label,
                raw=p.value,
                text=flat.text,
                claims=claims,
                links=flat.links,
                kind=row.kind,
                role=row.role,
                shown=i not in hidden,
                infoboxes=ctx.children,
                layout=flat.layout,
            )
        )

    _attach_image_options(box, schema)
    title = next((f for f in box.fields if f.role == "title" and f.shown), None)
    box.title = title.text if title and title.text else ctx.title
    ctx.field, ctx.offset, ctx.children = saved
    box.diagnostics = ctx.diagnostics[first_diag:]
    del ctx.diagnostics[first_diag:]
    return box


def _rank(row: Row, name: str) -> int:
    lowered = [p.lower() for p in row.params]
    return lowered.index(name.lower()) if name.lower() in lowered else len(lowered)


def _option(box: Infobox, names: tuple[str, ...]) -> str | None:
    for n in names:
        f = box.field(n)
        if f is not None and f.text:
            return f.text
    return None


def _attach_image_options(box: Infobox, schema: Schema | None) -> None:
    """Give image values the size, upright and alt written in their companion parameters."""
    for f in box.fields:
        if f.role != "image":
            continue
        row = schema.row(f.name) if schema else None
        base = f.name
        size = (
            row.size
            if row
            else (f"{base}_size", f"{base}size", f"{base}_width") + (("image_size", "imagesize") if base == "image" else ())
        )
        upright = row.upright if row else (f"{base}_upright",) + (("upright", "image_upright") if base == "image" else ())
        alt = row.alt if row else (f"{base}_alt", f"{base}alt") + (("alt", "image_alt") if base == "image" else ())
        for claim in f.claims:
            if isinstance(claim.value, Image):
                v = claim.value
                claim.value = image_value(
                    v.file, v.size or _option(box, size), v.upright or _option(box, upright), v.alt or _option(box, alt)
                )
