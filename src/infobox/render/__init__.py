"""Outputs that show the box: HTML as Wikipedia renders it, Markdown, and terminal text."""

from .html import render_html, stylesheet
from .plain import render_markdown, render_text

__all__ = ["render_html", "render_markdown", "render_text", "stylesheet"]
