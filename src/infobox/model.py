"""The typed model: Article → Infobox → Field → Claim → value, plus Citation and Diagnostic.

Every class is a plain slotted dataclass. ``to_dict()`` gives the versioned JSON form
described by ``jsonschema/infobox.schema.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, ClassVar, Literal

SCHEMA_VERSION = "1.0"

Severity = Literal["error", "warning", "info"]
Precision = Literal["century", "decade", "year", "month", "day"]


_LAYOUT: dict[type, tuple[str | None, tuple[tuple[str, bool], ...]]] = {}
_SCALARS = (str, int, float, bool, type(None))


def _layout(cls: type) -> tuple[str | None, tuple[tuple[str, bool], ...]]:
    """(type tag, (attribute, already JSON-ready?) in JSON order) of a model class, computed once."""
    layout = _LAYOUT.get(cls)
    if layout is None:
        raw = getattr(cls, "RAW", ())
        names = [f.name for f in fields(cls) if not f.name.startswith("_")] + list(getattr(cls, "DERIVED", ()))
        layout = _LAYOUT[cls] = (getattr(cls, "TYPE", None), tuple((n, n in raw) for n in names))
    return layout


def _plain(obj: Any) -> Any:
    """Turn model objects into JSON-ready builtins (dataclass fields in declaration order)."""
    if isinstance(obj, _SCALARS):
        return obj
    if isinstance(obj, list):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if is_dataclass(obj):
        kind, names = _layout(type(obj))
        out: dict[str, Any] = {"type": kind} if kind else {}
        for name, raw in names:
            value = getattr(obj, name)
            out[name] = value if raw else _plain(value)
        return out
    if isinstance(obj, tuple):
        return [_plain(x) for x in obj]
    return obj


def _shallow(obj: Any) -> dict[str, Any]:
    """One level of a model object for ``json.dumps(default=…)``: the C encoder does the rest."""
    if not is_dataclass(obj):
        raise TypeError(f"{type(obj).__name__} is not part of the infobox model")
    kind, names = _layout(type(obj))
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION} if isinstance(obj, Article) else {}
    if kind:
        out["type"] = kind
    for name, _ in names:
        out[name] = getattr(obj, name)
    return out


class _Model:
    """Mixin giving every model class its JSON form."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """The JSON form (the same as ``json.dumps(self.to_dict())``, built faster)."""
        return json.dumps(self, default=_shallow, ensure_ascii=False, indent=indent)


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Date(_Model):
    """A calendar date with its precision; ``end`` is set for ranges. Years BC are negative."""

    TYPE: ClassVar[str] = "date"
    DERIVED: ClassVar[tuple[str, ...]] = ("iso",)

    year: int
    month: int | None = None
    day: int | None = None
    precision: Precision = "day"
    approximate: bool = False
    end: Date | None = None

    @property
    def iso(self) -> str:
        """ISO 8601 text at this date's precision (``1992-02-26``, ``1992-02``, ``-0020``)."""
        y = f"-{abs(self.year):04d}" if self.year < 0 else f"{self.year:04d}"
        if self.precision in ("year", "decade", "century") or self.month is None:
            return y
        if self.precision == "month" or self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"


@dataclass(slots=True)
class Quantity(_Model):
    """A number or a range. ``high`` is None when open-ended (``200+``), ``low`` when only bounded above.

    ``comparator`` records how a single bound was written: ``>=`` (200+, at least), ``>`` (over,
    more than), ``<=`` (up to, at most), ``<`` (under, fewer than).
    """

    TYPE: ClassVar[str] = "quantity"

    low: int | float | None
    high: int | float | None
    approximate: bool = False
    unit: str | None = None
    comparator: str | None = None


@dataclass(slots=True)
class Coordinates(_Model):
    """A point in decimal degrees, with the form it was written in."""

    TYPE: ClassVar[str] = "coordinates"

    lat: float
    lon: float
    source: str = ""
    params: str = ""


@dataclass(slots=True)
class Link(_Model):
    """A wiki link (``target`` is the normalised page title) or an external link (``url``)."""

    TYPE: ClassVar[str] = "link"

    target: str | None
    text: str
    url: str
    kind: Literal["wiki", "external"] = "wiki"
    fragment: str | None = None


@dataclass(slots=True)
class Image(_Model):
    """A file shown in the box, with its upload URL derived by MediaWiki's MD5 rule."""

    TYPE: ClassVar[str] = "image"

    file: str
    url: str
    size: str | None = None
    upright: str | None = None
    alt: str | None = None


@dataclass(slots=True)
class Text(_Model):
    """Plain text, when nothing more specific was recognised."""

    TYPE: ClassVar[str] = "text"

    text: str


Value = Date | Quantity | Coordinates | Link | Image | Text


# ---------------------------------------------------------------------------
# Structure
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Diagnostic(_Model):
    """Something worth knowing about the input; never stops parsing. ``code`` is stable."""

    code: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None


@dataclass(slots=True)
class Citation(_Model):
    """One reference: a CS1 template (``kind`` web/book/news/…) or plain text (``kind`` text)."""

    kind: str
    name: str | None = None
    group: str | None = None
    text: str = ""
    template: str | None = None
    title: str | None = None
    url: str | None = None
    archive_url: str | None = None
    archive_date: Date | None = None
    url_status: str | None = None
    url_access: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    work: str | None = None
    publisher: str | None = None
    location: str | None = None
    date: Date | None = None
    date_text: str | None = None
    access_date: Date | None = None
    page: str | None = None
    pages: str | None = None
    at: str | None = None
    volume: str | None = None
    issue: str | None = None
    edition: str | None = None
    chapter: str | None = None
    language: str | None = None
    quote: str | None = None
    via: str | None = None
    identifiers: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class Claim(_Model):
    """One value a reader sees, with its attribution, qualifier and the references after it.

    ``content`` is the same value as rich inline nodes (links, formatting, reference markers,
    dates with their age rule) for the renderers; see :data:`infobox.interpret.flatten.Inline`.
    """

    RAW: ClassVar[tuple[str, ...]] = ("content",)  # plain JSON already: emitted as is

    text: str
    value: Value
    source: str | None = None
    qualifier: str | None = None
    refs: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    content: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Param(_Model):
    """A template parameter exactly as written: ``|name=value`` (``showkey``) or ``|value``."""

    name: str
    value: str
    showkey: bool = True

    @property
    def key(self) -> str:
        return self.name.strip()

    @property
    def wikitext(self) -> str:
        return f"|{self.name}={self.value}" if self.showkey else f"|{self.value}"


@dataclass(slots=True)
class Field(_Model):
    """A non-empty parameter as the reader sees it: canonical key, label, text and claims.

    ``role`` says where the box shows it (title, subheader, image, caption, data, below, embed, or
    option for sizes and alt texts); ``shown`` is False for an alias hidden by another alias of the
    same row; ``infoboxes`` holds child infoboxes embedded in the value.
    """

    name: str
    key: str
    label: str
    raw: str
    text: str
    claims: list[Claim] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    kind: str = "auto"
    role: str = "data"
    shown: bool = True
    layout: str = "lines"
    infoboxes: list[Infobox] = field(default_factory=list)


@dataclass(slots=True)
class Infobox(_Model):
    """One ``{{Infobox …}}`` call: lossless ``params`` plus interpreted ``fields`` in display order."""

    template: str
    type: str
    title: str | None
    span: tuple[int, int]
    params: list[Param]
    fields: list[Field] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    schema: str = "generic"
    closed: bool = True
    _references: dict[str, Citation] = field(default_factory=dict, repr=False, compare=False)

    @property
    def wikitext(self) -> str:
        """The call rebuilt from ``params``; equal, byte for byte, to the source span.

        An infobox never closed in its source (``closed`` False) is rebuilt without the ``}}``.
        """
        return "{{" + self.template + "".join(p.wikitext for p in self.params) + ("}}" if self.closed else "")

    def field(self, name: str) -> Field | None:
        """The field written as ``name``, else the first shown field whose key is ``name``."""
        for f in self.fields:
            if f.name == name:
                return f
        for f in self.fields:
            if f.key == name and f.shown:
                return f
        return None

    def __getitem__(self, name: str) -> Field:
        found = self.field(name)
        if found is None:
            raise KeyError(name)
        return found

    def to_html(self, *, as_of: Any = None, standalone: bool = False) -> str:
        """This box as Wikipedia shows it, with its references (see :func:`infobox.render.render_html`)."""
        from .render import render_html

        return render_html(Article(self.title, [self], _references_of(self)), as_of=as_of, standalone=standalone)

    def to_markdown(self, *, as_of: Any = None) -> str:
        from .render import render_markdown

        return render_markdown(Article(self.title, [self], _references_of(self)), as_of=as_of)

    def to_text(self, *, as_of: Any = None, color: bool | None = False) -> str:
        from .render import render_text

        return render_text(Article(self.title, [self], _references_of(self)), as_of=as_of, color=color)

    def param(self, name: str) -> Param | None:
        for p in self.params:
            if p.key == name:
                return p
        return None


@dataclass(slots=True)
class Article(_Model):
    """A page (or a bare snippet): its infoboxes, the citations they use, and diagnostics."""

    title: str | None
    infoboxes: list[Infobox] = field(default_factory=list)
    references: dict[str, Citation] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **_plain(self)}

    def to_html(self, *, as_of: Any = None, standalone: bool = False) -> str:
        """Every infobox as Wikipedia shows it, references numbered across them."""
        from .render import render_html

        return render_html(self, as_of=as_of, standalone=standalone)

    def to_markdown(self, *, as_of: Any = None) -> str:
        from .render import render_markdown

        return render_markdown(self, as_of=as_of)

    def to_text(self, *, as_of: Any = None, color: bool | None = False) -> str:
        from .render import render_text

        return render_text(self, as_of=as_of, color=color)

    def all_diagnostics(self) -> list[Diagnostic]:
        """Article-level diagnostics followed by every infobox's."""
        out = list(self.diagnostics)
        for box in self.infoboxes:
            out.extend(box.diagnostics)
        return out


def _references_of(box: Infobox) -> dict[str, Citation]:
    """The citations a lone infobox refers to (the parser gives each box its article's citations)."""
    return box._references
