"""Reference content → :class:`Citation`: CS1 templates with their aliases, or plain text."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from ..interpret.dates import make_date, parse_date
from ..model import Citation, Date
from ..wikitext.locate import call_end
from ..wikitext.names import template_key, wiki_url
from ..wikitext.split import split_call

if TYPE_CHECKING:
    from ..interpret.flatten import Flat, Flattener

_KINDS_BY_NAME = {
    "citation": "citation",
    "cite": "citation",
    "vcite web": "web",
    "vcite journal": "journal",
    "vcite book": "book",
}
_ARTICLE_LIKE = frozenset(
    {
        "web",
        "news",
        "journal",
        "magazine",
        "press release",
        "report",
        "conference",
        "encyclopedia",
        "av media",
        "episode",
        "arxiv",
    }
)


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return tomllib.loads(resources.files(__package__).joinpath("cs1.toml").read_text("utf-8"))


def cs1_kind(name: str) -> str | None:
    """``cite web`` → ``web``; ``citation`` → ``citation``; anything else → None."""
    key = template_key(name)
    if key in _KINDS_BY_NAME:
        return _KINDS_BY_NAME[key]
    if key.startswith("cite "):
        return key[5:].strip()
    return None


def _first(params: dict[str, str], names: list[str]) -> str | None:
    for n in names:
        value = params.get(n)
        if value:
            return value
    return None


def _numbered(params: dict[str, str], patterns: list[str], n: int) -> str | None:
    names = [p.replace("#", str(n)) for p in patterns]
    if n == 1:
        names += [p.replace("#", "") for p in patterns]
    return _first(params, names)


def _names(params: dict[str, str], last: list[str], first: list[str], whole: list[str]) -> list[str]:
    out: list[str] = []
    for n in range(1, 100):
        surname = _numbered(params, last, n)
        if not surname:
            if n > 1:
                break
            continue
        given = _numbered(params, first, n)
        out.append(f"{surname}, {given}" if given else surname)
    if not out and (listed := _first(params, whole)):
        out = [a.strip() for a in listed.split(",")] if "vauthors" in params else [listed]
    return out


def _date(text: str | None) -> Date | None:
    return parse_date(text) if text else None


def _status(params: dict[str, str], archive_url: str | None) -> str | None:
    status = (params.get("url-status") or "").lower().strip()
    if status:
        return status
    dead = (params.get("dead-url") or params.get("deadurl") or "").lower().strip()
    if dead in ("no", "live"):
        return "live"
    if dead in ("yes", "true", "y") or archive_url:
        return "dead"  # CS1 default once an archive is given
    return None


def cs1_citation(tpl: Template, fl: Flattener, kind: str) -> Citation:
    """Typed fields of one CS1 template node; every argument is also kept, as text, in ``params``."""
    return cs1_from_args(str(tpl.name), [(str(p.name).strip(), fl.flatten(p.value)) for p in tpl.params], kind)


def cs1_from_args(template: str, args: list[tuple[str, Flat]], kind: str) -> Citation:
    """A Citation from a CS1 template's name and its flattened arguments."""
    cfg = _config()
    params: dict[str, str] = {}
    links = []
    for key, flat in args:
        value = " ".join(s.text for s in flat.segments if s.text)
        links.extend(flat.links)
        if value:
            params[key] = value
    lower = {k.lower(): v for k, v in params.items()}
    f = {attr: _first(lower, names) for attr, names in cfg["fields"].items()}
    c = Citation(kind=kind, template=template_key(template))
    for attr in (
        "title",
        "url",
        "archive_url",
        "url_access",
        "work",
        "publisher",
        "location",
        "page",
        "pages",
        "at",
        "volume",
        "issue",
        "edition",
        "chapter",
        "language",
        "quote",
        "via",
    ):
        setattr(c, attr, f[attr])
    c.archive_date = _date(f["archive_date"])
    c.access_date = _date(f["access_date"])
    c.date_text = f["date"] or f["year"]
    c.date = _date(f["date"]) or (make_date(int(f["year"])) if f["year"] and f["year"].isdigit() else _date(f["year"]))
    c.url_status = _status(lower, c.archive_url)
    names = cfg["names"]
    c.authors = _names(lower, names["author_last"], names["author_first"], names["author_list"])
    c.editors = _names(lower, names["editor_last"], names["editor_first"], names["editor_list"])
    c.identifiers = {n: lower[n] for n in cfg["identifiers"]["names"] if lower.get(n)}
    c.params = params
    c.links = links
    return c


def _main_template(code: Wikicode) -> Template | None:
    """The CS1 template a reference consists of (other text may surround it)."""
    return next((n for n in code.nodes if isinstance(n, Template) and cs1_kind(str(n.name))), None)


def citation_from_text(content: str, fl: Flattener, name: str | None = None, group: str | None = None) -> Citation:
    """A reference's content as written → Citation.

    Fast path: content that is exactly one CS1 call is split with our own splitter and its
    arguments flattened one by one, without building a parse tree for the whole call.
    """
    stripped = content.strip()
    if stripped.startswith("{{") and stripped.endswith("}}") and "<!--" not in stripped and call_end(stripped) == len(stripped):
        template, params, _ = split_call(stripped)
        kind = cs1_kind(template)
        if kind:
            args = [(p.key, fl.flatten_text(p.value)) for p in params]
            c = cs1_from_args(template, args, kind)
            c.text = cs1_text(c)
            c.name, c.group = name, group
            return c
    return build_citation(fl.ctx.parse(content), fl, name, group)


def build_citation(code: Wikicode, fl: Flattener, name: str | None = None, group: str | None = None) -> Citation:
    """A reference's content → Citation (CS1 template, or plain text with its links)."""
    tpl = _main_template(code)
    if tpl is not None:
        c = cs1_citation(tpl, fl, cs1_kind(str(tpl.name)) or "citation")
        c.text = cs1_text(c)
        rest = fl.text(Wikicode([n for n in code.nodes if n is not tpl]))
        if rest:
            c.text = f"{c.text} {rest}"
    else:
        flat = fl.flatten(code)
        c = Citation(kind="text", text=" ".join(s.text for s in flat.segments if s.text), links=flat.links)
    c.name, c.group = name, group
    return c


class Run(NamedTuple):
    """A piece of a formatted citation: text, with italics and/or a link (``href``) or a quote."""

    text: str
    style: str | None = None  # "i" (italic), "q" (quotation)
    href: str | None = None


def cs1_parts(c: Citation) -> list[list[Run]]:
    """The citation as CS1 lays it out: sentences of runs, joined by ``. `` (shared by text and HTML)."""
    parts: list[list[Run]] = []
    article_like = c.kind in _ARTICLE_LIKE
    dead = c.archive_url and c.url_status not in ("live",)
    title_href = c.archive_url if dead else c.url
    if c.authors:
        head = "; ".join(c.authors)
        parts.append([Run(f"{head} ({c.date_text})" if c.date_text else head)])
    if c.chapter and not article_like:
        parts.append([Run(f"\u201c{c.chapter}\u201d", href=c.url)])
        title_href = None
    if c.title:
        parts.append([Run(f'"{c.title}"', href=title_href)] if article_like else [Run(c.title, "i", title_href)])
    if c.work:
        parts.append([Run(c.work, "i")])
    if c.location and c.publisher:
        parts.append([Run(f"{c.location}: {c.publisher}")])
    elif c.publisher:
        parts.append([Run(c.publisher)])
    if c.date_text and not c.authors:
        parts.append([Run(c.date_text)])
    if c.volume:
        parts.append([Run(f"Vol. {c.volume}" + (f" no. {c.issue}" if c.issue else ""))])
    if c.page:
        parts.append([Run(f"p. {c.page}")])
    elif c.pages:
        parts.append([Run(f"pp. {c.pages}")])
    elif c.at:
        parts.append([Run(c.at)])
    for key, value in c.identifiers.items():
        href = wiki_url("Special:BookSources/" + value.replace(" ", "")) if key == "isbn" else None
        parts.append([Run(f"{key.upper()} " if key != "id" else ""), Run(value, href=href)])
    archived = c.params.get("archive-date") or c.params.get("archivedate")
    if c.archive_url and archived:
        if c.url_status == "live":
            parts.append([Run("Archived", href=c.archive_url), Run(f" from the original on {archived}")])
        elif c.url_status in ("unfit", "usurped") or not c.url:
            parts.append([Run(f"Archived from the original on {archived}")])
        else:
            parts.append([Run("Archived from "), Run("the original", href=c.url), Run(f" on {archived}")])
    accessed = c.params.get("access-date") or c.params.get("accessdate")
    if accessed and c.url:
        parts.append([Run(f"Retrieved {accessed}")])
    if c.quote:
        parts.append([Run(c.quote, "q")])
    return parts


def cs1_text(c: Citation) -> str:
    """The citation as CS1 shows it, in plain text (``"Title". Work. Publisher. Retrieved …``)."""
    sentences = []
    for runs in cs1_parts(c):
        sentences.append("".join(f"\u201c{r.text}\u201d" if r.style == "q" else r.text for r in runs).rstrip("."))
    text = ". ".join(t for t in sentences if t)
    return text + "." if text else ""
