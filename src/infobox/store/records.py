"""What a worker sends back for one page: plain data, cheap to pickle and to write."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class PageResult:
    source: str
    seq: int
    title: str
    ns: int
    page_id: int | None
    infoboxes: list[dict[str, Any]] = field(default_factory=list)  # Infobox.to_dict()
    references: dict[str, dict[str, Any]] = field(default_factory=dict)
    diagnostics: list[dict[str, Any]] = field(default_factory=list)  # article-level
    error: str | None = None
