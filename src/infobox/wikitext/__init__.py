"""Wikitext stage: locate infobox spans fast, index ``<ref>`` definitions, normalise names and text."""
