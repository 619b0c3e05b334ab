"""Segments → claims: attribution (``(per X)``), qualifiers, and one typed value per claim."""

from __future__ import annotations

import re

from ..model import Claim, Date, Image, Link, Quantity, Text, Value
from ..wikitext.hygiene import squash
from ..wikitext.names import upload_url
from .coords import parse_coordinates
from .dates import parse_date
from .flatten import Flat, Segment
from .quantities import parse_quantity

_SOURCE = re.compile(
    r"^(?:per|as per|according to|source:?|sources:?|est(?:imated|\.)?\s+by|estimates? by|claimed by|reported by|"
    r"figures? (?:by|from)|data from|via|by)\s+(?P<source>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_SOURCE_AFTER = re.compile(r"^(?P<source>.+?)\s+(?:estimates?|figures?|claims?|count|data)$", re.IGNORECASE | re.DOTALL)
_FILE_LIKE = re.compile(r"\.(?:jpe?g|png|gif|svg|tiff?|webp|xcf|pdf|bmp|ogg|ogv|webm|djvu)\s*$", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NOT_JUST_A_NUMBER = re.compile(r"[^\d\s,.+]")
_KIND_TYPES: dict[str, type] = {"date": Date, "quantity": Quantity, "image": Image}


def parentheticals(text: str) -> tuple[str, list[str]]:
    """Split top-level ``( … )`` groups out of ``text``: (text without them, their contents)."""
    if "(" not in text:
        return text, []
    out: list[str] = []
    groups: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch == "(":
            if depth:
                current.append(ch)
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth:
                current.append(ch)
            else:
                groups.append("".join(current).strip())
                current = []
        elif depth:
            current.append(ch)
        else:
            out.append(ch)
    if depth:  # unbalanced: leave the text alone
        return text, []
    return squash("".join(out)), groups


def attribution(text: str) -> tuple[str, str | None, str | None]:
    """``200+ (per Human Rights Watch)`` → (``200+``, ``Human Rights Watch``, None)."""
    main, groups = parentheticals(text)
    if not groups or not main:
        return text, None, None
    source = None
    qualifiers = []
    for g in groups:
        m = _SOURCE.match(g) or _SOURCE_AFTER.match(g)
        if source is None and m:
            source = squash(m.group("source"))
        elif g:
            qualifiers.append(g)
    return main, source, "; ".join(qualifiers) or None


def image_value(file: str, size: str | None = None, upright: str | None = None, alt: str | None = None) -> Image:
    file = re.sub(r"^\s*(?:file|image)\s*:\s*", "", file, flags=re.IGNORECASE).strip()
    return Image(file=file, url=upload_url(file), size=size, upright=upright, alt=alt)


def _image_from_segment(seg: Segment, main: str) -> Image | None:
    if seg.images:
        file, options = seg.images[0]
        size = next((o for o in options if re.fullmatch(r"\d*x?\d+px", o.strip())), None)
        upright = next((o.split("=", 1)[1] for o in options if o.strip().startswith("upright=")), None)
        alt = next((o.split("=", 1)[1] for o in options if o.strip().startswith("alt=")), None)
        return image_value(file, size, upright, alt)
    if main and (_FILE_LIKE.search(main) or ("\n" not in main and not seg.links)):
        return image_value(main)
    return None


def _single_link(seg: Segment, main: str) -> Link | None:
    if len(seg.links) != 1:
        return None
    link = seg.links[0]
    bare = _LEADING_ARTICLE.sub("", main).strip()
    return link if link.text and bare in (link.text, _LEADING_ARTICLE.sub("", link.text)) else None


MAX_VALUE_TEXT = 1000  # dates and figures are read from the start of a claim; a longer text is not scanned


def typed_value(kind: str, seg: Segment, main: str) -> Value:
    """The claim's value: a template's typed value, else ``main`` parsed for the row's kind, else guessed."""
    if len(main) > MAX_VALUE_TEXT:
        return seg.values[0] if seg.values else Text(main)
    wanted = _KIND_TYPES.get(kind)
    if seg.values:
        fitting = [v for v in seg.values if wanted is None or isinstance(v, wanted)]
        if fitting:
            return fitting[0]
    if kind == "image":
        image = _image_from_segment(seg, main)
        if image:
            return image
    elif kind == "date":
        date = parse_date(main)
        if date:
            return date
    elif kind == "quantity":
        q = parse_quantity(main)
        if q:
            return q
    elif kind == "coordinates":
        c = parse_coordinates(main)
        if c:
            return c
    if seg.values:
        return seg.values[0]
    return guess_value(seg, main)


def guess_value(seg: Segment, main: str) -> Value:
    """Without a kind hint: a whole-text link, date (to the month or day), quantity, coordinates, or text."""
    link = _single_link(seg, main)
    if link:
        return link
    if seg.images and not main:
        return _image_from_segment(seg, main) or Text(main)
    date = parse_date(main, full=True) if _NOT_JUST_A_NUMBER.search(main) else None
    if date and (date.precision in ("day", "month") or date.end is not None or date.year < 0):
        return date
    q = parse_quantity(main, full=True)
    if q:
        return q
    if "°" in main or "º" in main:
        c = parse_coordinates(main)
        if c:
            return c
    return Text(main)


def make_claims(flat: Flat, kind: str) -> list[Claim]:
    """One claim per non-empty segment; references with no text of their own join the claim before."""
    claims: list[Claim] = []
    for seg in flat.segments:
        text = seg.text
        if not text and not seg.values and not seg.images:
            if seg.refs and claims:
                claims[-1].refs.extend(seg.refs)
                claims[-1].content.extend(_refs_only(seg.content))
            continue
        main, source, qualifier = attribution(text)
        value = typed_value(kind, seg, main)
        claims.append(
            Claim(
                text=text,
                value=value,
                source=source,
                qualifier=qualifier,
                refs=list(seg.refs),
                links=list(seg.links),
                content=_trim(seg.content),
            )
        )
    return claims


def _refs_only(content: list) -> list:
    """The reference markers of a content list, wherever they are nested."""
    out = []
    for node in content:
        if node["t"] == "ref":
            out.append(node)
        elif "c" in node:
            out.extend(_refs_only(node["c"]))
    return out


def _trim(content: list) -> list:
    """Drop the white space at both ends of a claim's content (top level)."""
    while content and content[0]["t"] == "text" and not content[0]["v"].strip():
        content.pop(0)
    while content and content[-1]["t"] == "text" and not content[-1]["v"].strip():
        content.pop()
    if content and content[0]["t"] == "text":
        content[0]["v"] = content[0]["v"].lstrip()
    if content and content[-1]["t"] == "text":
        content[-1]["v"] = content[-1]["v"].rstrip()
    return content
