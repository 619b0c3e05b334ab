"""List templates: each item becomes its own segment (and so its own claim)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import REGISTRY, Call

if TYPE_CHECKING:
    from ..interpret.flatten import Flat


@REGISTRY.register(
    "ubl",
    "unbulleted list",
    "unbulleted",
    "ubil",
    "unbullet",
    "bulleted list",
    "blist",
    "bullet list",
    "ordered list",
    "hlist",
    "flatlist items",
    "plainlist items",
    "cslist",
    "comma separated entries",
    "enum",
    "hlist-comma",
    "vertical list",
)
def item_list(call: Call, out: Flat) -> None:
    """``{{ubl|a|b|c}}``: every positional argument is an item."""
    out.layout = "hlist" if call.name.startswith(("hlist", "flatlist", "cslist", "comma")) else "plainlist"
    for i in sorted(call.positional):
        out.split()
        call.visit(i, out)
    out.split()


@REGISTRY.register(
    "plainlist", "plain list", "flatlist", "flat list", "startplainlist", "startflatlist", "endplainlist", "endflatlist"
)
def bullet_container(call: Call, out: Flat) -> None:
    """``{{plainlist|\\n* a\\n* b}}``: the bullets inside argument 1 split the items."""
    out.split()
    call.visit(1, out)
    out.split()


@REGISTRY.register("collapsible list", "collapsible-list", "collapsed list")
def collapsible_list(call: Call, out: Flat) -> None:
    for i in sorted(call.positional):
        out.split()
        call.visit(i, out)
    out.split()


@REGISTRY.register("br", "break", "crlf", "break line")
def line_break(call: Call, out: Flat) -> None:
    out.split()
