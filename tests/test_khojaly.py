"""The flagship example, field by field: what issue #2 says must be shown."""

from __future__ import annotations

from conftest import FIXTURES
from infobox import Date, Image, Link, Quantity


def test_one_civilian_attack_infobox(khojaly, khojaly_box):
    assert len(khojaly.infoboxes) == 1
    assert khojaly_box.type == "civilian attack"
    assert khojaly_box.title == "Khojaly massacre"
    assert khojaly_box.schema == "Infobox civilian attack"


def test_partof(khojaly_box):
    partof = khojaly_box["partof"]
    assert partof.text == "the First Nagorno-Karabakh War"
    assert [link.target for link in partof.links] == ["First Nagorno-Karabakh War"]
    assert partof.label == "Part of"
    assert partof.role == "subheader"


def test_image(khojaly_box):
    image = khojaly_box["image"].claims[0].value
    assert isinstance(image, Image)
    assert image.file == "Khojaly Genocide memorial 3.JPG"
    assert image.url == "https://upload.wikimedia.org/wikipedia/commons/8/8d/Khojaly_Genocide_memorial_3.JPG"
    assert image.size == "300px"


def test_location_and_target(khojaly_box):
    location = khojaly_box["location"]
    assert location.text == "Khojaly, Nagorno-Karabakh"
    assert [link.target for link in location.links] == ["Khojaly (town)", "Nagorno-Karabakh"]
    assert [link.text for link in location.links] == ["Khojaly", "Nagorno-Karabakh"]
    target = khojaly_box["target"]
    assert target.text == "Azerbaijani civilians"
    assert [link.target for link in target.links] == ["Azerbaijanis"]


def test_date(khojaly_box):
    date = khojaly_box["date"]
    assert date.label == "Date"
    value = date.claims[0].value
    assert isinstance(value, Date)
    assert (value.year, value.month, value.day, value.precision) == (1992, 2, 26, "day")
    assert value.iso == "1992-02-26"
    assert date.text == "February 26, 1992"


def test_fatalities_three_attributed_claims(khojaly_box):
    deaths = khojaly_box["fatalities"]
    assert deaths.label == "Deaths"
    claims = deaths.claims
    assert len(claims) == 3
    hrw, parliament, government = claims
    assert isinstance(hrw.value, Quantity)
    assert (hrw.value.low, hrw.value.high, hrw.value.comparator) == (200, None, ">=")
    assert hrw.source == "Human Rights Watch"
    assert hrw.refs == ["hrw.org", "hrw2"]
    assert [link.target for link in hrw.links] == ["Human Rights Watch"]
    assert (parliament.value.low, parliament.value.high) == (485, 485)
    assert parliament.source == "Azerbaijani parliament"
    assert parliament.refs == ["deWaal"]
    assert (government.value.low, government.value.high) == (613, 613)
    assert government.source == "Azerbaijani government"
    assert government.refs == ["unhchr1"]
    assert hrw.text == "200+ (per Human Rights Watch)"


def test_citation_hrw_org(khojaly):
    c = khojaly.references["hrw.org"]
    assert c.kind == "web"
    assert c.title == "Human Rights Watch World Report 1993 – The Former Soviet Union"
    assert c.publisher == "Hrw.org"
    assert c.access_date.iso == "2014-04-28"
    assert c.archive_url == "https://web.archive.org/web/20150218230025/http://www.hrw.org/reports/1993/WR93/Hsw-07.htm"
    assert c.archive_date.iso == "2015-02-18"
    assert c.url_status == "live"
    assert c.url == "https://www.hrw.org/reports/1993/WR93/Hsw-07.htm"
    assert c.text == (
        '"Human Rights Watch World Report 1993 – The Former Soviet Union". Hrw.org. '
        "Archived from the original on 18 February 2015. Retrieved 28 April 2014."
    )


def test_citation_hrw2_book(khojaly):
    c = khojaly.references["hrw2"]
    assert c.kind == "book"
    assert c.authors == ["Human Rights Watch/Helsinki"]
    assert c.date.iso == "1994" and c.date.precision == "year"
    assert c.identifiers["isbn"] == "1-56432-142-8"
    assert c.page == "5"
    assert c.location == "New York [u.a.]"
    assert c.url_access == "registration"


def test_citation_unhchr1_dead_with_archive(khojaly):
    c = khojaly.references["unhchr1"]
    assert c.kind == "web"
    assert c.url_status == "dead"
    assert c.archive_url.startswith("https://web.archive.org/web/20160111000659/")
    assert c.archive_date.iso == "2016-01-11"


def test_plain_text_citation(khojaly):
    c = khojaly.references["Caucasus 1992, p. 24"]
    assert c.kind == "text"
    assert c.text.startswith("Bloodshed in the Caucasus")
    assert "''" not in c.text


def test_unresolved_ref_is_not_a_citation(khojaly):
    assert "deWaal" not in khojaly.references


def test_perps_and_perpetrators(khojaly_box):
    perps = khojaly_box["perps"]
    assert [c.text for c in perps.claims] == [
        "Irregular Armenian forces",
        "some military personnel of the 366th CIS regiment",
    ]
    second = perps.claims[1]
    assert [link.target for link in second.links] == ["366th Guards Motor Rifle Regiment"]
    assert second.refs == ["Caucasus 1992, p. 24"]
    perpetrators = khojaly_box["perpetrators"]
    assert [link.target for link in perpetrators.links] == ["Armenian Armed Forces", "Commonwealth of Independent States"]
    assert perps.key == perpetrators.key == "perpetrators"
    assert perpetrators.label == "Perpetrators"
    assert perpetrators.shown and not perps.shown


def test_motive(khojaly_box):
    motive = khojaly_box["motive"]
    assert [link.target for link in motive.links] == ["Anti-Azerbaijanism"]
    assert isinstance(motive.claims[0].value, Link)


def test_empty_parameters_kept_in_params_not_fields(khojaly_box):
    names = {f.name for f in khojaly_box.fields}
    for empty in ("coordinates", "injuries", "victims", "susperps", "weapons", "numparts", "dfens", "map", "alt", "type"):
        assert khojaly_box.param(empty) is not None
        assert empty not in names


def test_no_html_comment_text_anywhere(khojaly):
    out = khojaly.to_json()
    rendered = [f.text for b in khojaly.infoboxes for f in b.fields] + [c.text for c in khojaly.references.values()]
    assert not any("or | victim" in t or "<!--" in t for t in rendered)
    # the comments survive only in the lossless params
    assert out.count("<!-- or | victim") == 1


def test_display_order(khojaly_box):
    data = [f.name for f in khojaly_box.fields if f.role == "data" and f.shown]
    assert data == ["location", "date", "target", "fatalities", "perpetrators", "motive"]


def test_diagnostics(khojaly):
    codes = {d.code: d for d in khojaly.all_diagnostics()}
    assert {"mojibake-repaired", "unresolved-ref", "alias-conflict"} <= set(codes)
    assert "deWaal" in codes["unresolved-ref"].message
    assert codes["unresolved-ref"].field == "fatalities"
    assert codes["unresolved-ref"].line == 17
    assert "perps" in codes["alias-conflict"].message and "perpetrators" in codes["alias-conflict"].message
    assert codes["mojibake-repaired"].severity == "info"


def test_lossless_params(khojaly_box):
    source = (FIXTURES / "Khojaly_massacre.infobox.wiki").read_text("utf-8")
    start, end = khojaly_box.span
    assert khojaly_box.wikitext == source[start:end] == source
