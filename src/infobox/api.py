"""The pipeline: wikitext → located spans → lossless params → typed fields, claims and citations."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError
from .interpret.claims import make_claims
from .interpret.context import Context
from .interpret.infobox import interpret_infobox
from .model import Article, Claim
from .wikitext.locate import find_infoboxes
from .wikitext.split import split_call


def parse(text: str, title: str | None = None) -> Article:
    """Every infobox in ``text`` (a whole article or a bare ``{{Infobox …}}`` snippet), interpreted.

    Never raises on bad wikitext: problems become :class:`~infobox.model.Diagnostic` entries.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes wikitext as str, not {type(text).__name__}; use parse_file() for files")
    spans, unclosed = find_infoboxes(text)
    ctx = Context(text, title)
    article = Article(title=title)
    covered = 0  # an unclosed infobox runs to the end of the text: any later start is inside it
    for start, end in sorted([(s.start, s.end) for s in spans] + [(u, None) for u in unclosed]):
        if start < covered:
            continue
        if end is None:
            ctx.diag(
                "unclosed-infobox",
                "error",
                "an infobox is opened with {{ but never closed; it was read to the end of the text",
                offset=start,
            )
            end = covered = len(text)
        name, params, closed = split_call(text[start:end])
        box = interpret_infobox(name, params, lambda i, ps=params: ctx.parse(ps[i].value), ctx, start, end)
        box.closed = closed
        article.infoboxes.append(box)
    article.references = ctx.citations
    for box in article.infoboxes:
        box._references = ctx.citations
    article.diagnostics = ctx.diagnostics
    return article


def interpret_value(wikitext: str, kind: str = "auto", title: str | None = None) -> list[Claim]:
    """The claims one infobox value makes, read as ``kind`` (auto, text, date, quantity, coordinates, image).

    >>> [c.value.iso for c in interpret_value("{{start date|1992|2|26}}", "date")]
    ['1992-02-26']
    """
    return make_claims(Context(wikitext, title).flattener.flatten_text(wikitext), kind)


def read_text(path: str | os.PathLike[str]) -> str:
    """A file's text as UTF-8 (a BOM is dropped); :class:`InputError` with a clear message otherwise."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not a wikitext file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
    return decode(data, str(p))


def decode(data: bytes, where: str = "input") -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def parse_file(path: str | os.PathLike[str], title: str | None = None) -> Article:
    """:func:`parse` on a file; the title defaults to the file name (``Khojaly_massacre.wiki`` → ``Khojaly massacre``)."""
    text = read_text(path)
    if title is None:
        stem = Path(path).name.split(".", 1)[0]
        from urllib.parse import unquote

        title = unquote(stem).replace("_", " ") or None
    return parse(text, title)
