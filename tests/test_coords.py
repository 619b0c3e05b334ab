"""{{coord}} in all its forms, and free-text DMS."""

from __future__ import annotations

import pytest

from helpers import parse_one, value_of
from infobox import Coordinates


@pytest.mark.parametrize(
    ("wikitext", "lat", "lon", "shown"),
    [
        ("{{coord|43.651234|-79.383333}}", 43.651234, -79.383333, "43.651234°N 79.383333°W"),
        ("{{coord|43.65|N|79.38|W}}", 43.65, -79.38, "43.65°N 79.38°W"),
        ("{{coord|51|31|N|0|06|W}}", 51.516667, -0.1, "51°31′N 0°06′W"),
        ("{{coord|39|54|40|N|46|47|21|E|type:city_region:AZ}}", 39.911111, 46.789167, "39°54′40″N 46°47′21″E"),
        (
            "{{Coord|48|10|47|N|11|32|57|E|region:DE-BY_scale:50000_type:event|display=inline,title}}",
            48.179722,
            11.549167,
            "48°10′47″N 11°32′57″E",
        ),
        ("{{coord|40|44|54.36051|N|73|59|08.35715|W|name=Empire State Building}}", 40.748433, -73.985655, None),
        ("{{coord|33|51|S|151|12|E}}", -33.85, 151.2, "33°51′S 151°12′E"),
    ],
)
def test_coord_forms(wikitext, lat, lon, shown):
    value = value_of(wikitext, "coordinates", "Infobox civilian attack")
    assert isinstance(value, Coordinates)
    assert value.lat == pytest.approx(lat, abs=1e-5)
    assert value.lon == pytest.approx(lon, abs=1e-5)
    if shown:
        assert value.source == shown


def test_coord_params_kept():
    value = value_of("{{coord|39|54|40|N|46|47|21|E|type:city_region:AZ}}", "coordinates", "Infobox civilian attack")
    assert value.params == "type:city_region:AZ"


@pytest.mark.parametrize("bad", ["{{coord|91|0|N|0|0|E}}", "{{coord|10|61|N|0|0|E}}", "{{coord|abc|def}}"])
def test_invalid_coords_are_diagnosed(bad):
    box = parse_one(f"{{{{Infobox thing|coordinates={bad}}}}}")
    assert "bad-coordinates" in {d.code for d in box.diagnostics}
    assert not any(isinstance(c.value, Coordinates) for c in box["coordinates"].claims)


def test_free_text_dms():
    value = value_of("""33º51'35.9" S 151º12'40" E""", "coordinates", "Infobox civilian attack")
    assert value.lat == pytest.approx(-33.85997222, abs=1e-6)
    assert value.lon == pytest.approx(151.21111111, abs=1e-6)
