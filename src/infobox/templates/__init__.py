"""Inline template handlers, one module per family, in one registry.

A handler receives a :class:`Call` (the template with its arguments sorted out) and the
:class:`~infobox.interpret.flatten.Flat` it writes into: visible text, links, typed values,
reference keys. Templates nobody handles are reported once per article and shown as their
first positional argument.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from ..wikitext.names import template_key

if TYPE_CHECKING:
    from ..interpret.flatten import Flat, Flattener

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_INFOBOX = re.compile(r"infobox(?:[\s_/:(]|$)")


class Call:
    """A template call with positional (1-based) and named arguments (names lower-cased)."""

    __slots__ = ("fl", "name", "named", "node", "positional")

    def __init__(self, node: Template, fl: Flattener, name: str) -> None:
        self.node = node
        self.fl = fl
        self.name = name
        self.positional: dict[int, Wikicode] = {}
        self.named: dict[str, Wikicode] = {}
        index = 0
        for p in node.params:
            if p.showkey:
                key = str(p.name).strip()
                if key.isdigit():
                    self.positional[int(key)] = p.value
                else:
                    self.named[key.lower()] = p.value
            else:
                index += 1
                self.positional[index] = p.value

    def arg(self, key: int | str) -> Wikicode | None:
        return self.positional.get(key) if isinstance(key, int) else self.named.get(key)

    def text(self, key: int | str, default: str = "") -> str:
        """Plain text of one argument, stripped; ``default`` when absent or blank."""
        code = self.arg(key)
        return (self.fl.text(code).strip() or default) if code is not None else default

    def first(self, *keys: int | str, default: str = "") -> str:
        for key in keys:
            value = self.text(key)
            if value:
                return value
        return default

    def flag(self, *keys: str) -> bool:
        """True when any of ``keys`` is set to a yes-like value (``y``, ``yes``, ``true``, ``1``)."""
        return any(self.text(k).lower() in ("y", "yes", "true", "1", "on") for k in keys)

    def visit(self, key: int | str, out: Flat) -> None:
        code = self.arg(key)
        if code is not None:
            self.fl.visit(code, out)

    def count(self) -> int:
        return max(self.positional, default=0)


Handler = Callable[[Call, "Flat"], None]


class Registry:
    """Template key (lower-case canonical name) → handler."""

    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}

    def register(self, *names: str) -> Callable[[Handler], Handler]:
        def deco(fn: Handler) -> Handler:
            for n in names:
                self._handlers[template_key(n)] = fn
            return fn

        return deco

    def flatten(self, node: Template, fl: Flattener, out: Flat) -> None:
        raw = str(node.name)
        if "<!--" in raw:
            raw = _COMMENT.sub("", raw)
        key = template_key(raw)
        handler = self._handlers.get(key)
        if handler is None and ":" in key:  # parser functions: {{#if:…}}, {{formatnum:…}}
            handler = self._handlers.get(key.split(":", 1)[0] + ":")
        call = Call(node, fl, key)
        if handler is not None:
            handler(call, out)
        elif _INFOBOX.match(key):
            fl.ctx.child_infobox(node)
        elif key.startswith("lang-"):  # {{lang-fr|texte}}: the text, without the language name
            call.visit(1, out)
        elif key.endswith(" icon"):  # {{fr icon}}: a language marker, no value text
            pass
        else:
            fl.ctx.diag(
                "unknown-template",
                "info",
                f"template {{{{{template_key(raw)}}}}} is not interpreted; its first argument is shown",
                dedupe=key,
            )
            call.visit(1, out)


REGISTRY = Registry()

from . import citations, coords, dates, formatting, lists, numbers  # noqa: E402,F401  (populate the registry)
