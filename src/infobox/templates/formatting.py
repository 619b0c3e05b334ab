"""Formatting templates: text shown as is, wrapped, abbreviated, or replaced by a symbol."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..model import Link
from ..wikitext.names import normalize_title, wiki_url
from . import REGISTRY, Call

if TYPE_CHECKING:
    from ..interpret.flatten import Flat

# Templates that show their first argument unchanged.
PASS_THROUGH = (
    "nowrap",
    "nobr",
    "small",
    "smaller",
    "big",
    "larger",
    "resize",
    "longitem",
    "center",
    "centre",
    "nobold",
    "noitalic",
    "nowrap begin",
    "bold",
    "b",
    "italic",
    "i",
    "em",
    "strong",
    "sup",
    "sub",
    "vanchor",
    "anchor text",
    "plain link",
    "text",
    "hover title",
    "abbr link",
    "font",
    "color",
    "colour",
    "linktext",
    "nowraplinks",
    "avoid wrap",
    "ubl item",
    "keypress",
    "mono",
    "code",
    "var",
    "visible anchor",
    "midsize",
    "wrap",
    "nobreak",
    "sic",
)
# Templates that show a fixed string (icons and maintenance tags show nothing).
SYMBOLS = {
    "nbsp": "\u00a0",
    "thinsp": "\u2009",
    "ndash": "–",
    "mdash": "—",
    "snd": " – ",
    "spnd": " – ",
    "spaced ndash": " – ",
    "spaced en dash": " – ",
    "dash": " – ",
    "ndashes": "–",
    "!": "|",
    "=": "=",
    "·": " · ",
    "dot": " · ",
    "middot": "·",
    "bull": " • ",
    "bullet": " • ",
    "•": " • ",
    "en dash": "–",
    "em dash": "—",
    "sp": " ",
    "space": " ",
    "-": "",
    "clear": "",
    "'": "'",
    "''": '"',
    "increase": "",
    "decrease": "",
    "steady": "",
    "profit": "",
    "loss": "",
    "up": "",
    "down": "",
    "efn-ua": "",
    "citation needed": "",
    "cn": "",
    "fact": "",
    "when": "",
    "by whom": "",
    "dubious": "",
    "clarify": "",
    "failed verification": "",
    "better source needed": "",
    "vague": "",
    "update after": "",
    "dead link": "",
    "citation needed span": "",
    "pb": "",
    "toc limit": "",
    "clear left": "",
    "clear right": "",
    '-"': "",
    "flagicon image": "",
    "refbegin": "",
    "refend": "",
}


# Pass-through templates that also format their text.
_FORMAT = {
    "small": "small",
    "smaller": "small",
    "midsize": "small",
    "big": "big",
    "larger": "big",
    "bold": "b",
    "b": "b",
    "strong": "strong",
    "italic": "i",
    "i": "i",
    "em": "em",
    "sup": "sup",
    "sub": "sub",
    "smallsup": "sup",
    "code": "code",
    "mono": "code",
    "var": "var",
    "keypress": "kbd",
}


@REGISTRY.register(*PASS_THROUGH)
def pass_through(call: Call, out: Flat) -> None:
    tag = _FORMAT.get(call.name)
    if tag:
        out.open(tag)
    call.visit(1, out)
    if tag:
        out.close()


def _symbol(text: str):
    def handler(call: Call, out: Flat) -> None:
        count = call.text(1)
        repeat = int(count) if count.isdigit() and not text.strip() else 1
        out.write(text * min(repeat, 20))

    return handler


for _name, _text in SYMBOLS.items():
    REGISTRY.register(_name)(_symbol(_text))


@REGISTRY.register("lang", "langx", "transl", "transliteration", "script", "native name", "native phrase")
def lang(call: Call, out: Flat) -> None:
    """``{{lang|az|Xocalı}}`` shows the text (argument 2) in a span marked with its language."""
    code = call.text(1)
    attrs = {"lang": code} if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}", code) else {}
    out.open("span", **attrs)
    call.visit(3 if call.name in ("transl", "transliteration") and call.count() >= 3 else 2, out)
    out.close()


@REGISTRY.register("abbr", "abbrlink", "tooltip")
def abbr(call: Call, out: Flat) -> None:
    """``{{abbr|CIS|Commonwealth of Independent States}}``: the short form, the long one as a tooltip."""
    out.open("abbr", title=call.text(2))
    call.visit(1, out)
    out.close()


@lru_cache(maxsize=1)
def _flag_files() -> dict[str, str]:
    return tomllib.loads(resources.files(__package__).joinpath("flags.toml").read_text("utf-8"))["files"]


def flag_file(country: str) -> str:
    """The flag image of a country, by Template:Country data's naming (``Flag of Germany.svg``)."""
    return _flag_files().get(country, f"Flag of {country}.svg")


def _flag_image(country: str, out: Flat) -> None:
    out.emit("", {"t": "img", "file": flag_file(country), "width": 23, "alt": ""})


@REGISTRY.register("flagicon", "flagdeco", "flag icon", "flagicon image", "flagu decoration", "flag decoration")
def flagicon(call: Call, out: Flat) -> None:
    """A flag image only: no text in the data; renderers show the icon."""
    country = call.text(1)
    if country:
        _flag_image(country, out)


@REGISTRY.register("flag", "flagcountry", "flagu", "flag country", "flagg", "flagathlete", "flagbig", "flagright")
def flag(call: Call, out: Flat) -> None:
    """``{{flag|Germany}}`` → a flag and the linked country name (``name=`` overrides the text)."""
    country = call.text(1)
    if not country:
        return
    if call.name == "flagathlete":
        out.write(call.text(1))
        return
    label = call.text("name", country)
    target = normalize_title(country)
    _flag_image(country, out)
    out.write("\u00a0")
    out.link(Link(target=target, text=label, url=wiki_url(target)))


@REGISTRY.register("ill", "interlanguage link", "interlanguage link multi", "ill-wd", "link-interwiki")
def interlanguage_link(call: Call, out: Flat) -> None:
    """``{{ill|Title|de|Titel}}`` → a link to the English title (``lt=`` overrides the text)."""
    title = call.text(1)
    if not title:
        return
    label = call.text("lt", title)
    target = normalize_title(title)
    out.link(Link(target=target, text=label, url=wiki_url(target)))


@REGISTRY.register("url", "official url", "official website")
def url(call: Call, out: Flat) -> None:
    """``{{URL|example.com|Example}}`` → an external link."""
    address = call.text(1) or call.text("url")
    if not address:
        return
    href = address if "//" in address else "https://" + address
    label = call.text(2) or address.split("//", 1)[-1].rstrip("/")
    out.link(Link(target=None, text=label, url=href, kind="external"))


@REGISTRY.register("as of")
def as_of(call: Call, out: Flat) -> None:
    parts = [call.text(i) for i in (1, 2, 3) if call.text(i)]
    prefix = "as of" if call.flag("lc") else "As of"
    out.write(f"{prefix} {' '.join(parts)}")


@REGISTRY.register("pagename", "pagenamebase", "fullpagename", "subpagename", "basepagename")
def pagename(call: Call, out: Flat) -> None:
    out.write(call.fl.ctx.title or "")


@REGISTRY.register("#if:")
def parser_if(call: Call, out: Flat) -> None:
    """``{{#if: test | then | else}}``: the test is the part of the name after the colon."""
    test = str(call.node.name).split(":", 1)[1].strip()
    call.visit(1 if test else 2, out)


@REGISTRY.register("#property:", "#statements:", "#invoke:", "#expr:", "#time:", "#switch:", "#ifeq:", "#tag:")
def unresolved_function(call: Call, out: Flat) -> None:
    """Parser functions that need Wikidata or Lua cannot be evaluated offline: shown as nothing."""
    name = str(call.node.name).split(":", 1)[0].strip()
    call.fl.ctx.diag(
        "unresolved-function", "warning", f"{{{{{name}:…}}}} cannot be evaluated offline; shown as nothing", dedupe=name
    )


@REGISTRY.register("sclass", "sclass-", "sclass2", "sclass2-")
def ship_class(call: Call, out: Flat) -> None:
    """``{{sclass|Tribal|destroyer}}`` → ``Tribal-class destroyer`` (``sclass-``: the class alone)."""
    name, kind = call.text(1), call.text(2)
    label = f"{name}-class" + ("" if call.name.endswith("-") or not kind else f" {kind}")
    target = normalize_title(f"{name}-class {kind}".strip())
    out.link(Link(target=target, text=label, url=wiki_url(target)))


@REGISTRY.register("marriage", "married")
def marriage(call: Call, out: Flat) -> None:
    """``{{marriage|Name|1990|2000}}`` → ``Name (m. 1990–2000)``."""
    spouse, start, end = call.text(1), call.text(2), call.text(3)
    span = f"{start}–{end}" if end else start
    out.write(f"{spouse} (m. {span})" if span else spouse)


@REGISTRY.register("isbn")
def isbn(call: Call, out: Flat) -> None:
    out.write("ISBN " + " ".join(call.text(i) for i in sorted(call.positional)))
