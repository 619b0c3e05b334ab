"""Relative ages, computed against the day of rendering (``as_of``), as the date templates show them."""

from __future__ import annotations

from datetime import date


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    sign = -1 if iso.startswith("-") else 1
    bits = iso.lstrip("-").split("-")
    return sign * int(bits[0]), (int(bits[1]) if len(bits) > 1 else None), (int(bits[2]) if len(bits) > 2 else None)


def years_between(iso: str, as_of: date) -> int:
    """Completed years from ``iso`` to ``as_of`` (one less before the anniversary)."""
    y, m, d = _parts(iso)
    years = as_of.year - y
    if m is not None and (as_of.month, as_of.day) < (m, d or 1):
        years -= 1
    return years


def ago(iso: str, as_of: date) -> str:
    """``34 years ago``; under a year ``N months ago`` / ``N days ago``."""
    years = years_between(iso, as_of)
    if years >= 1:
        return f"{years} year{'s' if years != 1 else ''} ago"
    y, m, d = _parts(iso)
    if m is None:
        return "this year"
    months = (as_of.year - y) * 12 + as_of.month - m - (1 if d and as_of.day < d else 0)
    if months >= 1:
        return f"{months} month{'s' if months != 1 else ''} ago"
    if d is None:
        return "this month"
    days = (as_of - date(y, m, d)).days
    return f"{days} day{'s' if days != 1 else ''} ago"
