"""Markdown (GitHub-flavoured table + footnotes) and terminal text (a rich table) of the box."""

from __future__ import annotations

import io
import re
import textwrap
from datetime import date
from typing import Any

from rich import box as rich_box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Article, Field, Image, Infobox
from ..schemas import schema_for
from ..wikitext.names import upload_url
from . import ages
from .layout import attachments
from .references import Note, Numbering
from .safety import safe_url

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


class PlainRenderer:
    """Walks the inline content into text; subclasses decide escaping, links and emphasis."""

    def __init__(self, article: Article, as_of: date | None = None) -> None:
        self.article = article
        self.as_of = as_of or date.today()
        self.numbering = Numbering(article.references)

    def esc(self, text: str) -> str:
        return text

    def link(self, text: str, href: str | None) -> str:
        return text

    def emphasis(self, tag: str, text: str) -> str:
        return text

    def marker(self, note: Note) -> str:
        return f"[{note.label}]"

    def inline(self, nodes: list[dict[str, Any]]) -> str:
        out = []
        for n in nodes:
            t = n["t"]
            if t == "text":
                out.append(self.esc(n["v"]))
            elif t == "link":
                out.append(self.link(self.inline(n.get("c", [])), safe_url(n.get("href"))))
            elif t == "ref":
                out.append(self.marker(self.numbering.use(n["key"], n.get("name"), n.get("group"))[0]))
            elif t == "date":
                text = n["v"]
                if n.get("age") == "ago":
                    text += (
                        f" ({ages.ago(n['iso'], self.as_of)})"
                        if n.get("paren") or n.get("br")
                        else f"; {ages.ago(n['iso'], self.as_of)}"
                    )
                elif n.get("age") == "age":
                    text += f" (age {ages.years_between(n['iso'], self.as_of)})"
                out.append(self.esc(text))
            elif t == "coord":
                out.append(self.esc(n["v"]))
            elif t == "br":
                out.append(" ")
            elif t == "img":
                continue
            else:
                out.append(self.emphasis(t, self.inline(n.get("c", []))))
        return "".join(out)

    def value(self, field: Field, sep: str) -> str:
        items = [self.inline(c.content) if c.content else self.esc(c.text) for c in field.claims]
        return sep.join(" ".join(i.split()) for i in items if i.strip())

    def rows(self, box: Infobox) -> list[tuple[str, str]]:
        """(label, value) for every row shown as a label/data pair, in display order."""
        hosts, inside = attachments(box)
        out = []
        for f in box.fields:
            if f.shown and f.role in ("data", "below", "embed", "header") and id(f) not in inside:
                label = f.label if f.role == "data" else ""
                attached = "".join(self.line_break + self.value(p, ", ") for p in hosts.get(f.key, []))
                out.append((label, self.value(f, self.line_break) + attached))
        return out

    line_break = "; "

    def notes(self) -> list[tuple[Note, str]]:
        out = []
        for group_notes in self.numbering.groups().values():
            for n in group_notes:
                c = n.citation
                text = c.text if c else f'Cite error: the named reference "{n.key}" was invoked but never defined.'
                out.append((n, text))
        return out


class MarkdownRenderer(PlainRenderer):
    line_break = "<br>"

    def esc(self, text: str) -> str:
        return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))

    def link(self, text: str, href: str | None) -> str:
        if not href:
            return text
        return f"[{text}]({href.replace('(', '%28').replace(')', '%29').replace(' ', '%20')})"

    def emphasis(self, tag: str, text: str) -> str:
        if tag in ("b", "strong"):
            return f"**{text}**"
        if tag in ("i", "em", "cite"):
            return f"*{text}*"
        return text

    def marker(self, note: Note) -> str:
        return f"[^{note.label.replace(' ', '-')}]"

    def render(self) -> str:
        out: list[str] = []
        for box in self.article.infoboxes:
            out.append(f"### {self.esc(box.title or box.type)}\n")
            for f in box.fields:
                if not f.shown:
                    continue
                if f.role == "subheader":
                    out.append(f"*{self.esc(_prefix(box, f))}{self.value(f, ' ')}*\n")
                elif f.role == "image":
                    image = next((c.value for c in f.claims if isinstance(c.value, Image)), None)
                    if image:
                        out.append(f"![{self.esc(image.alt or image.file)}]({upload_url(image.file, width=220)})\n")
                elif f.role == "caption":
                    out.append(f"*{self.value(f, ' ')}*\n")
            rows = self.rows(box)
            if rows:
                out.append("| | |\n| --- | --- |")
                out.extend(f"| **{self.esc(label)}** | {value} |" if label else f"| {value} | |" for label, value in rows)
                out.append("")
        notes = self.notes()
        if notes:
            out.append("")
            out.extend(f"[^{n.label.replace(' ', '-')}]: {self.esc(text)}" for n, text in notes)
        return "\n".join(out).strip() + "\n"


class TextRenderer(PlainRenderer):
    line_break = "\n"

    def render(self, *, color: bool | None = None, width: int = 100) -> str:
        """Rich tables with colour for a terminal; the same layout drawn directly otherwise (cheaper)."""
        return self._rich(width) if color else self._plain(width)

    def _caption(self, box: Infobox) -> str:
        partof = next((f for f in box.fields if f.role == "subheader" and f.shown), None)
        return _prefix(box, partof) + self.value(partof, " ") if partof else ""

    def _plain(self, width: int) -> str:
        out: list[str] = []
        for box in self.article.infoboxes:
            rows = self.rows(box)
            left = max((len(label) for label, _ in rows), default=0)
            right = max(10, min(width - left - 7, max((len(line) for _, v in rows for line in v.split("\n")), default=10)))
            inner = left + right + 5
            out.append((box.title or box.type).center(inner + 2).rstrip())
            out.append("╭" + "─" * (left + 2) + "┬" + "─" * (right + 2) + "╮")
            for label, value in rows:
                lines = [w for line in value.split("\n") for w in (textwrap.wrap(line, right) or [""])]
                for i, line in enumerate(lines):
                    out.append(f"│ {(label if i == 0 else ''):<{left}} │ {line:<{right}} │")
            out.append("╰" + "─" * (left + 2) + "┴" + "─" * (right + 2) + "╯")
            caption = self._caption(box)
            if caption:
                out.append(caption.center(inner + 2).rstrip())
        notes = self.notes()
        if notes:
            out.append("References")
            out.extend(textwrap.fill(f"[{n.label}] {text}", width) for n, text in notes)
        return "\n".join(out) + "\n"

    def _rich(self, width: int) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=True, width=width, highlight=False, soft_wrap=False)
        for box in self.article.infoboxes:
            table = Table(title=box.title or box.type, box=rich_box.ROUNDED, show_header=False, title_style="bold")
            table.add_column(style="bold", no_wrap=True)
            table.add_column(overflow="fold")
            table.caption = self._caption(box) or None
            for label, value in self.rows(box):
                table.add_row(Text(label), Text(value))
            console.print(table)
        notes = self.notes()
        if notes:
            console.print(Text("References", style="bold"))
            for n, text in notes:
                console.print(Text(f"[{n.label}] {text}"))
        return buffer.getvalue()


def _prefix(box: Infobox, f: Field) -> str:
    """Text the template puts before a subheader (``Part of ``)."""
    schema = schema_for(box.template)
    row = schema.row(f.name) if schema else None
    return row.prefix if row else ""


def render_markdown(article: Article, *, as_of: date | None = None) -> str:
    """The infoboxes as GitHub-flavoured Markdown: a table per box, references as footnotes."""
    return MarkdownRenderer(article, as_of).render()


def render_text(article: Article, *, as_of: date | None = None, color: bool | None = False, width: int = 100) -> str:
    """The infoboxes as terminal text (rich tables); ANSI colour only when ``color`` is True."""
    return TextRenderer(article, as_of).render(color=color, width=width)
