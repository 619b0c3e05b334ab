"""Helpers shared by the tests."""

from __future__ import annotations

import infobox


def parse_one(text: str) -> infobox.Infobox:
    """The single infobox of ``text``."""
    article = infobox.parse(text, "Test page")
    assert len(article.infoboxes) == 1, article.infoboxes
    return article.infoboxes[0]


def value_of(wikitext: str, field: str = "x", template: str = "Infobox thing"):
    """The first claim's value of ``field`` in a one-field infobox."""
    box = parse_one(f"{{{{{template}\n| {field} = {wikitext}\n}}}}")
    return box[field].claims[0].value
