"""Footnote templates: ``{{sfn}}``, ``{{efn}}``, ``{{refn}}``, ``{{r}}``, ``{{rp}}``, and CS1 templates used inline."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..citations.cs1 import cs1_citation, cs1_kind, cs1_text
from ..model import Citation
from ..wikitext.refs import ref_key
from . import REGISTRY, Call

if TYPE_CHECKING:
    from ..interpret.flatten import Flat

CS1_NAMES = (
    "citation",
    "cite web",
    "cite news",
    "cite book",
    "cite journal",
    "cite magazine",
    "cite report",
    "cite encyclopedia",
    "cite av media",
    "cite press release",
    "cite thesis",
    "cite conference",
    "cite episode",
    "cite map",
    "cite interview",
    "cite tweet",
    "cite speech",
    "cite podcast",
    "cite document",
    "cite court",
    "cite act",
    "cite dictionary",
    "cite letter",
    "cite newsgroup",
    "cite serial",
    "cite sign",
    "cite arxiv",
    "cite patent",
    "cite video game",
    "cite mailing list",
    "cite techreport",
    "cite video",
    "cite gnis",
    "cite encyclopaedia",
)
EFN_GROUPS = {
    "efn": "lower-alpha",
    "efn-la": "lower-alpha",
    "efn-ua": "upper-alpha",
    "efn-lr": "lower-roman",
    "efn-ur": "upper-roman",
    "efn-lg": "lower-greek",
    "notelist": None,
}


@REGISTRY.register(*CS1_NAMES)
def cite_inline(call: Call, out: Flat) -> None:
    """A CS1 template outside ``<ref>`` shows the formatted citation in the text."""
    citation = cs1_citation(call.node, call.fl, cs1_kind(call.name) or "citation")
    out.write(cs1_text(citation))
    out.current.links.extend(citation.links)


@REGISTRY.register("sfn", "sfnp", "harvnb", "sfnm", "harv", "harvp", "harvtxt")
def sfn(call: Call, out: Flat) -> None:
    """``{{sfn|Smith|2000|p=5}}`` → footnote ``Smith 2000, p. 5.`` (the name Cite gives it: FOOTNOTESmith20005)."""
    names = [call.text(i) for i in sorted(call.positional)]
    where = call.first("p", "page")
    pages = call.first("pp", "pages")
    at = call.text("loc") or call.text("at")
    text = " ".join(n for n in names if n)
    if where:
        text += f", p. {where}"
    elif pages:
        text += f", pp. {pages}"
    elif at:
        text += f", {at}"
    if call.name.startswith("harv"):
        out.write(text)
        return
    key = "FOOTNOTE" + re.sub(r"\s+", "", "".join(names) + where + pages + at)
    key = call.fl.ctx.define(key, lambda: Citation(kind="sfn", name=key, text=text + "."))
    out.ref(key)


@REGISTRY.register(*[n for n in EFN_GROUPS if n != "notelist"], "refn", "note", "nb")
def footnote(call: Call, out: Flat) -> None:
    """``{{efn|text|name=x}}`` (lettered group) and ``{{refn|text|group=note}}``: an explanatory note."""
    group = EFN_GROUPS.get(call.name) if call.name in EFN_GROUPS else (call.text("group") or None)
    name = call.text("name") or None
    content = call.arg(1)
    ctx = call.fl.ctx
    if content is None or not call.text(1):
        key = ref_key(name, group)
        if key:
            out.ref(ctx.use(key), name, group)
        return
    out.ref(ctx.define_from(content, name, group), name, group)


@REGISTRY.register("r", "ref", "rfn")
def r(call: Call, out: Flat) -> None:
    """``{{r|a|b}}``: reuses of named references (page numbers are not shown)."""
    group = call.text("group") or call.text("g") or None
    for i in sorted(call.positional):
        key = ref_key(call.text(i), group)
        if key:
            out.ref(call.fl.ctx.use(key), call.text(i), group)


@REGISTRY.register("rp", "page needed", "pn")
def rp(call: Call, out: Flat) -> None:
    """``{{rp|24}}``: a page number for the preceding reference; not part of the value."""
