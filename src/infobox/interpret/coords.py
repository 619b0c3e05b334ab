"""Coordinates: ``{{coord}}`` argument forms and free-text DMS → decimal degrees (Module:Coordinates rules)."""

from __future__ import annotations

import re

from ..model import Coordinates

_NUM = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_FREE = re.compile(
    r"""(?P<d1>\d+(?:\.\d+)?)\s*[°º˚]\s*(?:(?P<m1>\d+(?:\.\d+)?)\s*['′’]\s*)?(?:(?P<s1>\d+(?:\.\d+)?)\s*(?:["″”]|''|′′)\s*)?(?P<h1>[NS])
        [\s,;/]*
        (?P<d2>\d+(?:\.\d+)?)\s*[°º˚]\s*(?:(?P<m2>\d+(?:\.\d+)?)\s*['′’]\s*)?(?:(?P<s2>\d+(?:\.\d+)?)\s*(?:["″”]|''|′′)\s*)?(?P<h2>[EW])""",
    re.VERBOSE,
)


class CoordError(ValueError):
    """The arguments do not make a valid position (the message says why)."""


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def dms_to_decimal(d: str, m: str = "", s: str = "", hemisphere: str = "N") -> float:
    value = float(d) + (float(m or 0) + float(s or 0) / 60) / 60
    return -value if hemisphere.upper() in ("S", "W") else value


def _check(lat: float, lon: float, minutes: list[str], seconds: list[str]) -> None:
    if not -90 <= lat <= 90:
        raise CoordError("latitude must be between −90 and 90")
    if not -360 < lon < 360:
        raise CoordError("longitude must be between −360 and 360")
    for part in minutes + seconds:
        if part and not 0 <= float(part) < 60:
            raise CoordError("minutes and seconds must be from 0 to less than 60")


def from_coord_args(args: list[str]) -> Coordinates:
    """Positional ``{{coord}}`` arguments (decimal, d/NS/d/EW, d/m/NS…, d/m/s/NS…) → Coordinates."""
    a = [x.strip() for x in args] + [""] * 10
    hemi = lambda i, letters: a[i].upper() in letters  # noqa: E731
    for lat_at, lon_at, width in ((3, 7, 3), (2, 5, 2), (1, 3, 1)):  # 0-based index of the NS letter
        ns, ew = a[lat_at], a[lon_at]
        if hemi(lat_at, ("E", "W")) and hemi(lon_at, ("N", "S")):
            ns, ew = ew, ns  # written the wrong way round
        if ns.upper() in ("N", "S") and ew.upper() in ("E", "W"):
            lat_parts, lon_parts = a[lat_at - width : lat_at], a[lon_at - width : lon_at]
            if not all(_NUM.match(x) for x in lat_parts + lon_parts):
                raise CoordError("coordinates must be numbers")
            if width > 1 and any(float(x) < 0 for x in (lat_parts[0], lon_parts[0])):
                raise CoordError("negative degrees cannot go with a hemisphere letter")
            lat = dms_to_decimal(*lat_parts, hemisphere=ns)
            lon = dms_to_decimal(*lon_parts, hemisphere=ew)
            _check(lat, lon, lat_parts[1:2] + lon_parts[1:2], lat_parts[2:3] + lon_parts[2:3])
            source = f"{format_dms(lat_parts, ns)} {format_dms(lon_parts, ew)}"
            return Coordinates(round(lat, 8), round(lon, 8), source=source, params=a[lon_at + 1])
    if _NUM.match(a[0]) and _NUM.match(a[1]):
        lat, lon = float(a[0]), float(a[1])
        _check(lat, lon, [], [])
        source = f"{a[0].lstrip('+-')}°{'S' if lat < 0 else 'N'} {a[1].lstrip('+-')}°{'W' if lon < 0 else 'E'}"
        return Coordinates(lat, lon, source=source, params=a[2])
    raise CoordError("unrecognised {{coord}} arguments")


def format_dms(parts: list[str], hemisphere: str) -> str:
    """``["39", "54", "40"]``, ``N`` → ``39°54′40″N``."""
    marks = ("°", "′", "″")
    return "".join(f"{p}{mark}" for p, mark in zip(parts, marks, strict=False) if p) + hemisphere.upper()


_COORD_CALL = re.compile(r"\{\{\s*coord\s*\|([^{}]*)", re.IGNORECASE)


def parse_coordinates(text: str) -> Coordinates | None:
    """Free-text DMS such as ``33º51'35.9" S 151º12'40" E`` (or a ``{{coord|…`` left unclosed) → Coordinates."""
    call = _COORD_CALL.search(text)
    if call:
        try:
            return from_coord_args([a for a in call.group(1).split("|") if "=" not in a])
        except CoordError:
            return None
    m = _FREE.search(text)
    if not m:
        return None
    lat = dms_to_decimal(m["d1"], m["m1"] or "", m["s1"] or "", m["h1"])
    lon = dms_to_decimal(m["d2"], m["m2"] or "", m["s2"] or "", m["h2"])
    if not (-90 <= lat <= 90 and -360 < lon < 360):
        return None
    return Coordinates(round(lat, 8), round(lon, 8), source=m.group(0))
