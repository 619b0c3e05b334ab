"""The box as Wikipedia shows it: Module:Infobox's table, values, references — as safe HTML.

Everything comes from the typed model (never from the wikitext again). Text is escaped; tags
are only the ones this module writes for the inline node kinds; URLs pass a scheme whitelist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..citations.cs1 import cs1_parts
from ..interpret.flatten import FORMATTING
from ..model import Article, Citation, Field, Image, Infobox
from ..schemas import schema_for
from ..wikitext.names import upload_url, wiki_url
from . import ages, coords
from .layout import attachments
from .references import Note, Numbering, backlink_label
from .safety import safe_url

DEFAULT_WIDTH = 220  # frameless thumbnail width in infoboxes (reference §2.1)
_GROUP_HEADINGS = {None: "References"}


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    loader = jinja2.PackageLoader("infobox.render", "assets")
    return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=False, lstrip_blocks=False)


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The CSS that makes the box look like Wikipedia's."""
    return resources.files("infobox.render").joinpath("assets/infobox.css").read_text("utf-8")


@dataclass(slots=True)
class Row:
    kind: str  # subheader, image, data, full, below
    html: Markup
    label: str = ""
    caption: Markup | None = None


class HtmlRenderer:
    """Renders one article's infoboxes and their reference list; numbering runs across the boxes."""

    def __init__(self, article: Article, as_of: date | None = None) -> None:
        self.article = article
        self.as_of = as_of or date.today()
        self.numbering = Numbering(article.references)

    # -- inline content ----------------------------------------------------------------
    def inline(self, nodes: list[dict[str, Any]]) -> Markup:
        return Markup("").join(self.node(n) for n in nodes)

    def node(self, n: dict[str, Any]) -> Markup:
        t = n["t"]
        if t == "text":
            return escape(n["v"])
        if t == "link":
            inner = self.inline(n.get("c", []))
            href = safe_url(n.get("href"))
            if href is None:
                return inner
            if "target" in n:
                return Markup('<a href="{}" title="{}">{}</a>').format(href, n["target"], inner)
            return Markup('<a rel="nofollow" class="external text" href="{}">{}</a>').format(href, inner)
        if t == "br":
            return Markup("<br>")
        if t == "ref":
            return self.marker(n["key"], n.get("name"), n.get("group"))
        if t == "date":
            return self.date(n)
        if t == "coord":
            return self.coord(n)
        if t == "img":
            width = int(n.get("width", 23))
            return Markup(
                '<span class="flagicon"><img alt="{}" src="{}" width="{}" class="mw-file-element" decoding="async"></span>'
            ).format(n.get("alt", ""), upload_url(n["file"], width=width), width)
        if t in FORMATTING:
            attrs = Markup("")
            if t == "abbr" and n.get("title"):
                attrs = Markup(' title="{}"').format(n["title"])
            if n.get("lang"):
                attrs += Markup(' lang="{}"').format(n["lang"])
            return Markup("<{}{}>{}</{}>").format(Markup(t), attrs, self.inline(n.get("c", [])), Markup(t))
        return self.inline(n.get("c", []))  # an unknown kind: its text only

    def marker(self, key: str, name: str | None = None, group: str | None = None) -> Markup:
        note, k = self.numbering.use(key, name, group)
        return Markup(
            '<sup id="{}" class="reference"><a href="#{}"><span class="cite-bracket">&#91;</span>{}<span class="cite-bracket">&#93;</span></a></sup>'
        ).format(note.ref_id(k), note.note_id, note.label)

    def date(self, n: dict[str, Any]) -> Markup:
        visible = escape(n["v"])
        hidden = Markup('<span style="display:none">&#160;(<span class="{}">{}</span>)</span>').format(n.get("cls", ""), n["iso"])
        if n.get("age") == "ago":
            text = ages.ago(n["iso"], self.as_of)
            if n.get("paren"):
                visible += Markup('<span class="noprint"> ({})</span>').format(text)
            elif n.get("br"):
                visible += Markup('<br><span class="noprint">({})</span>').format(text)
            else:
                visible += Markup('<span class="noprint">; {}</span>').format(text)
        elif n.get("age") == "age":
            visible += Markup('<span class="noprint ForceAgeToShow"> (age&#160;{})</span>').format(
                ages.years_between(n["iso"], self.as_of)
            )
        return visible + hidden

    def coord(self, n: dict[str, Any]) -> Markup:
        dms, dec, default = coords.forms(n)
        lat_dms, _, lon_dms = dms.partition(" ")
        title = "Maps, aerial photos, and other data for this location"
        dms_span = Markup(
            '<span class="geo-dms" title="{}"><span class="latitude">{}</span> <span class="longitude">{}</span></span>'
        ).format(title, lat_dms, lon_dms)
        dec_span = Markup(
            '<span class="geo-dec" title="{}">{}</span><span style="display:none">&#xfeff; / <span class="geo">{}; {}</span></span>'
        ).format(title, dec, n["lat"], n["lon"])
        first, second = (dms_span, dec_span) if default == "dms" else (dec_span, dms_span)
        return Markup(
            '<span class="plainlinks nourlexpansion"><a class="external text" href="{}"><span class="geo-default">{}</span>'
            '<span class="geo-multi-punct">&#xfeff; / &#xfeff;</span><span class="geo-nondefault">{}</span></a></span>'
        ).format(coords.geohack_url(n, self.article.title), first, second)

    # -- fields --------------------------------------------------------------------------
    def claims(self, field: Field) -> Markup:
        items = [self.inline(c.content) if c.content else escape(c.text) for c in field.claims]
        if not items:
            return escape(field.text)
        if field.layout in ("plainlist", "hlist", "bullets") and len(items) > 1:
            lis = Markup("").join(Markup("<li>{}</li>").format(i) for i in items)
            cls = {"plainlist": "plainlist", "hlist": "hlist", "bullets": ""}[field.layout]
            return Markup('<div class="{}"><ul>{}</ul></div>').format(cls, lis) if cls else Markup("<ul>{}</ul>").format(lis)
        return Markup("<br>").join(items)

    def image(self, value: Image) -> Markup:
        width = _width(value)
        src = upload_url(value.file, width=width)
        srcset = f"{upload_url(value.file, width=round(width * 1.5))} 1.5x, {upload_url(value.file, width=width * 2)} 2x"
        page = wiki_url("File:" + value.file)
        return Markup(
            '<span typeof="mw:File"><a href="{}" class="mw-file-description"><img alt="{}" src="{}" srcset="{}" width="{}" '
            'class="mw-file-element" decoding="async"></a></span>'
        ).format(page, value.alt or "", src, srcset, width)

    def rows(self, box: Infobox) -> list[Row]:
        schema = schema_for(box.template)
        shown = [f for f in box.fields if f.shown]
        hosts, inside = attachments(box)
        captions = {f.name: f for f in shown if f.role == "caption"}
        used: set[str] = set()
        rows: list[Row] = []
        for f in shown:
            row = schema.row(f.name) if schema else None
            if f.role in ("title", "option") or f.name in used or id(f) in inside:
                continue
            if f.role == "subheader":
                prefix = row.prefix if row else ""
                rows.append(Row("subheader", escape(prefix) + self.claims(f)))
            elif f.role == "image":
                image = next((c.value for c in f.claims if isinstance(c.value, Image)), None)
                caption = _caption_for(f.name, captions, used)
                cap_html = self.claims(caption) if caption else None
                if image is not None and all(n["t"] == "text" for c in f.claims for n in c.content):
                    rows.append(Row("image", self.image(image), caption=cap_html))
                else:
                    rows.append(Row("image", self.claims(f), caption=cap_html))
            elif f.role == "caption":
                rows.append(Row("full", Markup('<div class="infobox-caption">{}</div>').format(self.claims(f))))
            elif f.role == "below":
                rows.append(Row("below", self.claims(f)))
            elif f.role == "header":
                rows.append(Row("header", self.claims(f)))
            elif f.role == "embed":
                html = Markup("").join(self.table(child, sub=True) for child in f.infoboxes) or self.claims(f)
                rows.append(Row("full", html))
            else:
                rows.append(Row("data", self.claims(f) + self.attached(hosts.get(f.key, [])), label=f.label))
        return rows

    def attached(self, parts: list[Field]) -> Markup:
        """Fields shown inside another row's cell: times on a new line, the time zone in parentheses."""
        zone = next((p for p in parts if p.key == "timezone"), None)
        times = [p for p in parts if p is not zone]
        html = Markup("<br>") + Markup(" – ").join(self.claims(p) for p in times) if times else Markup("")
        if zone:
            html += Markup(" ({})").format(self.claims(zone))
        return html

    def table(self, box: Infobox, sub: bool = False) -> Markup:
        schema = schema_for(box.template)
        body_class = schema.body_class if schema else ""
        return Markup(
            _env().get_template("infobox.html.j2").render(title=box.title, body_class=body_class, sub=sub, rows=self.rows(box))
        )

    # -- references ------------------------------------------------------------------------
    def citation(self, c: Citation | None, key: str) -> Markup:
        if c is None:
            return Markup(
                '<span class="error mw-ext-cite-error">Cite error: The named reference <code>{}</code> was invoked but never defined '
                "(see the help page).</span>"
            ).format(key)
        if c.kind in ("text", "sfn"):
            return escape(c.text)
        sentences = []
        for runs in cs1_parts(c):
            html = Markup("")
            for r in runs:
                piece = escape(r.text)
                if r.style == "i":
                    piece = Markup("<i>{}</i>").format(piece)
                elif r.style == "q":
                    piece = Markup("<q>{}</q>").format(piece)
                href = safe_url(r.href)
                if href:
                    piece = Markup('<a rel="nofollow" class="external text" href="{}">{}</a>').format(href, piece)
                html += piece
            sentences.append(html)
        body = Markup(". ").join(sentences) + Markup(".")
        return Markup('<cite class="citation {} cs1">{}</cite>').format(c.kind.replace(" ", "-"), body)

    def backlinks(self, note: Note) -> Markup:
        if note.uses <= 1:
            return Markup('<span class="mw-cite-backlink"><b><a href="#{}">^</a></b></span>').format(note.ref_id(0))
        links = Markup(" ").join(
            Markup('<a href="#{}"><sup><i><b>{}</b></i></sup></a>').format(note.ref_id(k), backlink_label(k))
            for k in range(note.uses)
        )
        return Markup('<span class="mw-cite-backlink">^ {}</span>').format(links)

    def reference_list(self) -> Markup:
        out = Markup("")
        groups = self.numbering.groups()
        for group in sorted(groups, key=lambda g: (g is None, g or "")):
            items = Markup("").join(
                Markup('<li id="{}">{} <span class="reference-text">{}</span></li>').format(
                    n.note_id, self.backlinks(n), self.citation(n.citation, n.key)
                )
                for n in groups[group]
            )
            heading = _GROUP_HEADINGS.get(group, "Notes")
            style = Markup(' style="list-style-type: {}"').format(group) if group in _LIST_STYLES else Markup("")
            out += Markup('<div class="reflist"><h2>{}</h2><ol class="references"{}>{}</ol></div>').format(heading, style, items)
        return out

    # -- whole outputs ---------------------------------------------------------------------
    def fragment(self, boxes: list[Infobox] | None = None) -> str:
        tables = Markup("\n").join(self.table(b) for b in (self.article.infoboxes if boxes is None else boxes))
        return str(tables + Markup("\n") + self.reference_list())


_LIST_STYLES = frozenset({"lower-alpha", "upper-alpha", "lower-roman", "upper-roman", "lower-greek"})


def _width(value: Image) -> int:
    size = (value.size or "").strip().lower().removesuffix("px")
    if "x" in size:
        size = size.split("x")[0]
    if size.isdigit() and 0 < int(size) <= 2000:
        return int(size)
    try:
        upright = float(value.upright) if value.upright else None
    except ValueError:
        upright = None
    if upright and 0 < upright <= 10:
        return int(round(DEFAULT_WIDTH * upright / 10) * 10)
    return DEFAULT_WIDTH


def _caption_for(name: str, captions: dict[str, Field], used: set[str]) -> Field | None:
    candidates = [f"{name}_caption", f"{name}caption"] + (["caption", "image_caption"] if name in ("image", "image1") else [])
    for c in candidates:
        if c in captions and c not in used:
            used.add(c)
            return captions[c]
    return None


def render_html(
    article: Article, *, as_of: date | None = None, standalone: bool = False, boxes: list[Infobox] | None = None
) -> str:
    """The infoboxes of ``article`` (or just ``boxes``) and their references as HTML.

    ``standalone`` gives a whole page with the CSS inlined; otherwise a fragment to embed
    (add :func:`stylesheet` to your page).
    """
    body = HtmlRenderer(article, as_of).fragment(boxes)
    if not standalone:
        return body
    title = (boxes or article.infoboxes or [None])[0]
    page_title = (title.title if title and title.title else article.title) or "Infobox"
    return _env().get_template("page.html.j2").render(title=page_title, css=Markup(stylesheet()), body=Markup(body))
