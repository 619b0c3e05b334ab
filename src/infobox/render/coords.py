"""Coordinates shown as Module:Coordinates does: DMS and decimal forms, geo microformat, GeoHack link."""

from __future__ import annotations

from urllib.parse import quote

GEOHACK = "https://geohack.toolforge.org/geohack.php"


def _dms(value: float, positive: str, negative: str, precision: int) -> str:
    hemisphere = positive if value >= 0 else negative
    v = abs(value)
    if precision == 0:
        return f"{round(v)}°{hemisphere}"
    if precision == 1:
        total = round(v * 60)
        return f"{total // 60}°{total % 60:02d}′{hemisphere}"
    total = round(v * 3600)
    return f"{total // 3600}°{total // 60 % 60:02d}′{total % 60:02d}″{hemisphere}"


def dms_text(lat: float, lon: float, decimals: int) -> str:
    """Decimal input → DMS at the precision its decimals imply (0 → d°, 1–2 → d°mm′, ≥3 → d°mm′ss″)."""
    precision = 0 if decimals == 0 else 1 if decimals <= 2 else 2
    return f"{_dms(lat, 'N', 'S', precision)} {_dms(lon, 'E', 'W', precision)}"


def dec_text(lat: float, lon: float, decimals: int) -> str:
    return f"{abs(lat):.{decimals}f}°{'N' if lat >= 0 else 'S'} {abs(lon):.{decimals}f}°{'E' if lon >= 0 else 'W'}"


def forms(node: dict) -> tuple[str, str, str]:
    """(DMS text, decimal text, the form shown by default) for a ``coord`` node."""
    shown = node.get("v", "")
    if node.get("form") == "dec":
        head = shown.split("°")[0]
        decimals = len(head.split(".")[1]) if "." in head else 0
        return dms_text(node["lat"], node["lon"], decimals), shown, "dec"
    decimals = 5 if "″" in shown else 3 if "′" in shown else 0
    return shown, dec_text(node["lat"], node["lon"], decimals), "dms"


def geohack_url(node: dict, page: str | None) -> str:
    lat, lon = node["lat"], node["lon"]
    params = f"{abs(lat)}_{'N' if lat >= 0 else 'S'}_{abs(lon)}_{'E' if lon >= 0 else 'W'}"
    if node.get("params"):
        params += "_" + node["params"]
    return f"{GEOHACK}?pagename={quote((page or '').replace(' ', '_'))}&params={quote(params, safe=':_.-')}"
