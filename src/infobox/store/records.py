"""What a worker sends back for one page: the rows of every output table, JSON already encoded.

Building rows is most of the cost of writing, so it happens in the workers, in parallel; the
writer (one process) only numbers the rows and inserts them. Rows refer to each other by their
position within the page: ``fields[f]`` belongs to ``infoboxes[fields[f][0]]``, a claim's
first column is the index ``f`` of its field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Diagnostic


@dataclass(slots=True)
class PageResult:
    source: str
    seq: int
    title: str
    ns: int
    page_id: int | None
    error: str | None = None
    # (index, type, template, title, json)
    infoboxes: list[tuple[int, str, str, str | None, str]] = field(default_factory=list)
    # (infobox, index, name, key, label, role, shown, text)
    fields: list[tuple[int, int, str, str, str, str, bool, str]] = field(default_factory=list)
    # (field row f, infobox, field, index, text, value_type, value json, low, high, date, source, qualifier, refs, refs json)
    claims: list[tuple[Any, ...]] = field(default_factory=list)
    # (key, kind, title, url, text, json)
    citations: list[tuple[str, str, str | None, str | None, str, str]] = field(default_factory=list)
    # (infobox or None for the page, code, severity, message, line, column, field)
    diagnostics: list[tuple[int | None, str, str, str, int | None, int | None, str | None]] = field(default_factory=list)
    # keys of the citations each infobox uses, in the order of ``infoboxes``
    cites: list[list[str]] = field(default_factory=list)

    @property
    def types(self) -> list[str]:
        return [b[1] for b in self.infoboxes]


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _diagnostic(box: int | None, d: Diagnostic) -> tuple[int | None, str, str, str, int | None, int | None, str | None]:
    return (box, d.code, d.severity, d.message, d.line, d.column, d.field)


def page_result(result: PageResult, article: Article, types: frozenset[str] | None = None) -> PageResult:
    """Fill ``result`` with the rows of ``article`` (only infoboxes of ``types`` when given)."""
    used: dict[str, None] = {}
    result.diagnostics.extend(_diagnostic(None, d) for d in article.diagnostics)
    for b in article.infoboxes:
        if types is not None and b.type not in types:
            continue
        i = len(result.infoboxes)
        result.infoboxes.append((i, b.type, b.template.strip(), b.title, b.to_json()))
        cites: dict[str, None] = {}
        for j, f in enumerate(b.fields):
            row = len(result.fields)
            result.fields.append((i, j, f.name, f.key, f.label, f.role, f.shown, f.text))
            for k, c in enumerate(f.claims):
                v = c.value
                result.claims.append(
                    (
                        row,
                        i,
                        j,
                        k,
                        c.text,
                        v.TYPE,
                        v.to_json(),
                        _num(getattr(v, "low", None)),
                        _num(getattr(v, "high", None)),
                        getattr(v, "iso", None),
                        c.source,
                        c.qualifier,
                        list(c.refs),
                        json.dumps(c.refs, ensure_ascii=False),
                    )
                )
                cites.update(dict.fromkeys(c.refs))
        result.cites.append(list(cites))
        used.update(cites)
        result.diagnostics.extend(_diagnostic(i, d) for d in b.diagnostics)
    for key, c in article.references.items():
        if key in used:
            result.citations.append((key, c.kind, c.title, c.url, c.text, c.to_json()))
    return result


def failed(result: PageResult, error: str) -> PageResult:
    """``result`` for a page that could not be interpreted: the error, as a diagnostic too."""
    result.error = error
    result.diagnostics.append((None, "page-failed", "error", error, None, None, None))
    return result
