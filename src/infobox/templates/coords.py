"""``{{coord}}``: a typed position, shown in the form the editor wrote (DMS or decimal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..interpret.coords import CoordError, from_coord_args
from . import REGISTRY, Call

if TYPE_CHECKING:
    from ..interpret.flatten import Flat


@REGISTRY.register("coord", "coor", "coor d", "coor dm", "coor dms", "coord-nd", "gnis coord")
def coord(call: Call, out: Flat) -> None:
    args = [call.text(i) for i in range(1, call.count() + 1)]
    try:
        value = from_coord_args(args)
    except CoordError as exc:
        call.fl.ctx.diag("bad-coordinates", "warning", f"{{{{coord}}}}: {exc}")
        return
    form = (
        "dec" if value.source and "°" in value.source and "′" not in value.source and "." in value.source.split("°")[0] else "dms"
    )
    if call.text("format") in ("dec", "dms"):
        form = call.text("format")
    out.emit(
        value.source, {"t": "coord", "lat": value.lat, "lon": value.lon, "v": value.source, "form": form, "params": value.params}
    )
    out.current.values.append(value)
