"""Links, titles, images and plain-text hygiene."""

from __future__ import annotations

import pytest

from helpers import parse_one, value_of
from infobox import Image, Link
from infobox.wikitext.names import normalize_title, upload_url, wiki_url


def test_title_normalisation():
    assert normalize_title("khojaly_(town)") == "Khojaly (town)"
    assert normalize_title("  first   Nagorno-Karabakh_War ") == "First Nagorno-Karabakh War"


def test_wiki_url_encoding():
    assert wiki_url("Khojaly (town)") == "https://en.wikipedia.org/wiki/Khojaly_(town)"
    assert wiki_url("Israeli–Palestinian conflict") == "https://en.wikipedia.org/wiki/Israeli%E2%80%93Palestinian_conflict"
    assert wiki_url("AT&T") == "https://en.wikipedia.org/wiki/AT%26T"


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("Khojaly Genocide memorial 3.JPG", "8/8d/Khojaly_Genocide_memorial_3.JPG"),
        ("Ethereum_logo_translucent.svg", "0/01/Ethereum_logo_translucent.svg"),
        ("Free and open-source software logo (2009).svg", "3/31/Free_and_open-source_software_logo_%282009%29.svg"),
        ("File:Question book-new.svg", "9/99/Question_book-new.svg"),
    ],
)
def test_upload_url_md5_rule(name, path):
    assert upload_url(name) == f"https://upload.wikimedia.org/wikipedia/commons/{path}"


def test_thumbnail_url():
    assert upload_url("Khojaly Genocide memorial 3.JPG", width=220) == (
        "https://upload.wikimedia.org/wikipedia/commons/thumb/8/8d/Khojaly_Genocide_memorial_3.JPG/220px-Khojaly_Genocide_memorial_3.JPG"
    )
    assert upload_url("Logo.svg", width=28).endswith("/28px-Logo.svg.png")


def test_link_forms():
    box = parse_one(
        "{{Infobox thing|a=[[Khojaly (town)|Khojaly]]|b=[[Foo (bar)|]]|c=[[Page#Section|text]]|d=[https://example.org Example]}}"
    )
    assert box["a"].links[0] == Link("Khojaly (town)", "Khojaly", "https://en.wikipedia.org/wiki/Khojaly_(town)")
    assert box["b"].text == "Foo"
    assert box["c"].links[0].fragment == "Section"
    assert box["d"].links[0].kind == "external" and box["d"].text == "Example"


def test_image_from_file_link():
    value = value_of("[[File:Ap munich905 t.jpg|220px|alt=A man on a balcony]]", "image")
    assert isinstance(value, Image)
    assert value.file == "Ap munich905 t.jpg" and value.size == "220px" and value.alt == "A man on a balcony"


def test_image_companion_parameters():
    box = parse_one("{{Infobox civilian attack|image=Foo.jpg|image_size=250px|alt=Alt text|image_upright=1.15}}")
    value = box["image"].claims[0].value
    assert (value.size, value.alt, value.upright) == ("250px", "Alt text", "1.15")


@pytest.mark.parametrize(
    ("wikitext", "text"),
    [
        ("a&nbsp;b &amp; c", "a b & c"),
        ("{{nowrap|New York}}", "New York"),
        ("{{small|(tiny)}} x", "(tiny) x"),
        ("<small>small</small> text", "small text"),
        ("a{{nbsp}}b", "a b"),
        ("{{lang|az|Xocalı}}", "Xocalı"),
        ("{{abbr|CIS|Commonwealth of Independent States}}", "CIS"),
        ("{{flagicon|Azerbaijan}} Azerbaijan", "Azerbaijan"),
        ("{{flag|Germany}}", "Germany"),
        ("''italic'' and '''bold'''", "italic and bold"),
        ("x<!-- hidden -->y", "xy"),
        ("1975{{ndash}}1976", "1975–1976"),
        ("[[Category:Foo]]visible", "visible"),
        ("{{sclass|Tribal|destroyer}}", "Tribal-class destroyer"),
        ("{{marriage|Jane Doe|1990|2000}}", "Jane Doe (m. 1990–2000)"),
        ("{{lang-fr|Paris}}", "Paris"),
        ("Source {{fr icon}}", "Source"),
        ("{{unknown template|first|second}}", "first"),
    ],
)
def test_plain_text(wikitext, text):
    assert parse_one(f"{{{{Infobox thing|x={wikitext}}}}}")["x"].text == text


def test_flag_links_country():
    box = parse_one("{{Infobox thing|x={{flag|Germany}}}}")
    assert [link.target for link in box["x"].links] == ["Germany"]


def test_mojibake_repaired():
    box = parse_one("{{Infobox thing|x=Report 1993 â€“ The Former Soviet Union}}")
    assert box["x"].text == "Report 1993 – The Former Soviet Union"
    assert "mojibake-repaired" in {d.code for d in box.diagnostics}


def test_correct_non_ascii_text_is_untouched():
    box = parse_one("{{Infobox thing|x=Çullu, Ağdam – café}}")
    assert box["x"].text == "Çullu, Ağdam – café"
    assert not box.diagnostics


def test_unknown_templates_are_reported_once():
    box = parse_one("{{Infobox thing|a={{mystery|x}}|b={{mystery|y}}}}")
    assert [d.code for d in box.diagnostics] == ["unknown-template"]
    assert "mystery" in box.diagnostics[0].message
