"""Article-wide index of named ``<ref>`` definitions, by a targeted scan (no full parse).

A named reference may be defined anywhere: before or after its use, inside the infobox, in the
body, or in ``{{reflist|refs=…}}`` / ``<references>…</references>``. Identity is group + name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SCAN = re.compile(r"<!--.*?(?:-->|\Z)|<ref(?=[\s/>])([^>]*?)(/?)\s*>", re.IGNORECASE | re.DOTALL)
_REF_END = re.compile(r"</ref\s*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def ref_attrs(attrs: str) -> dict[str, str]:
    """``name="x" group=note`` → ``{"name": "x", "group": "note"}`` (names lower-cased)."""
    out: dict[str, str] = {}
    for m in _ATTR.finditer(attrs):
        value = next(v for v in m.groups()[1:] if v is not None)
        out.setdefault(m.group(1).lower(), value.strip())
    return out


def ref_key(name: str | None, group: str | None) -> str | None:
    """The key of a named reference: its name, prefixed by ``group:`` outside the default group.

    Cite ignores empty names and names that are plain integers; names are otherwise exact
    (``a_b`` and ``a__b`` are two references, even though their anchors look alike).
    """
    name = (name or "").strip()
    if not name or name.isdigit():
        return None
    return f"{group}:{name}" if group else name


@dataclass(slots=True)
class RefDefinition:
    key: str
    name: str
    group: str | None
    content: str
    offset: int


@dataclass(slots=True)
class RefIndex:
    """Named ref definitions by key (the first definition wins) and keys defined more than once."""

    definitions: dict[str, RefDefinition] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)

    def get(self, key: str) -> RefDefinition | None:
        return self.definitions.get(key)


def index_refs(text: str) -> RefIndex:
    """Every named ``<ref name=…>content</ref>`` in ``text`` outside comments."""
    index = RefIndex()
    if "<ref" not in text and "<REF" not in text and "<Ref" not in text:
        return index
    pos = 0
    while True:
        m = _SCAN.search(text, pos)
        if m is None:
            break
        pos = m.end()
        if m.group(0).startswith("<!--"):
            continue
        if m.group(2):  # self-closing: a use, not a definition
            continue
        end = _REF_END.search(text, pos)
        if end is None:
            break
        content = text[pos : end.start()]
        pos = end.end()
        attrs = ref_attrs(m.group(1))
        key = ref_key(attrs.get("name"), attrs.get("group"))
        if key is None or not content.strip():
            continue
        seen = index.definitions.get(key)
        if seen is None:
            index.definitions[key] = RefDefinition(key, attrs["name"], attrs.get("group") or None, content, m.start())
        elif seen.content.strip() != content.strip() and key not in index.conflicts:
            index.conflicts.append(key)
    return index
