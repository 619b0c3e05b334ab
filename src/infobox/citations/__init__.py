"""Citations: CS1 templates and plain-text references → typed :class:`~infobox.model.Citation`."""

from .cs1 import build_citation, cs1_text

__all__ = ["build_citation", "cs1_text"]
