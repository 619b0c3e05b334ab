"""References: CS1 templates and aliases, plain text, named reuse anywhere, groups, footnote templates."""

from __future__ import annotations

import infobox


def refs_of(text: str) -> infobox.Article:
    return infobox.parse(text, "Test")


def test_named_ref_defined_later_in_the_body():
    a = refs_of("{{Infobox thing|x=1<ref name=later/>}}\nBody.<ref name=later>{{cite news|title=T|work=W|date=3 May 2001}}</ref>")
    c = a.references["later"]
    assert (c.kind, c.title, c.work, c.date.iso) == ("news", "T", "W", "2001-05-03")
    assert not [d for d in a.all_diagnostics() if d.code == "unresolved-ref"]


def test_named_ref_defined_before():
    a = refs_of('Lead.<ref name="early">Plain text source.</ref>\n{{Infobox thing|x=1<ref name="early" />}}')
    assert a.references["early"].kind == "text"
    assert a.references["early"].text == "Plain text source."


def test_list_defined_reference_in_reflist():
    a = refs_of(
        "{{Infobox thing|x=1<ref name=ld/>}}\n{{reflist|refs=\n<ref name=ld>{{cite book|last=Doe|first=J.|title=Book|year=2000}}</ref>\n}}"
    )
    c = a.references["ld"]
    assert c.kind == "book" and c.authors == ["Doe, J."] and c.date.iso == "2000"


def test_refs_inside_comments_are_ignored():
    a = refs_of("{{Infobox thing|x=1<ref name=c/>}}\n<!-- <ref name=c>hidden</ref> -->")
    assert "c" not in a.references
    assert "unresolved-ref" in {d.code for d in a.all_diagnostics()}


def test_unresolved_is_a_diagnostic_not_an_error():
    a = refs_of("{{Infobox thing|x=1<ref name=nowhere/>}}")
    box = a.infoboxes[0]
    assert box["x"].claims[0].refs == ["nowhere"]
    assert [d.code for d in box.diagnostics] == ["unresolved-ref"]


def test_groups_and_anonymous_refs():
    a = refs_of('{{Infobox thing|x=1<ref group="note">A note</ref><ref>Anonymous</ref><ref group=note name=n>Named note</ref>}}')
    refs = a.infoboxes[0]["x"].claims[0].refs
    assert refs == ["note:#1", "#2", "note:n"]
    assert a.references["note:n"].group == "note" and a.references["note:n"].name == "n"
    assert a.references["#2"].text == "Anonymous"


def test_cs1_aliases_and_old_parameters():
    a = refs_of(
        "{{Infobox thing|x=1<ref name=o>{{Cite web|URL=http://e.org|title=Old|accessdate=2010-01-05|archiveurl=http://a.org|"
        "archivedate=2011-02-03|deadurl=no|website=Site|author1=Smith|author2=Jones}}</ref>}}"
    )
    c = a.references["o"]
    assert c.url == "http://e.org"
    assert c.access_date.iso == "2010-01-05"
    assert c.archive_url == "http://a.org" and c.archive_date.iso == "2011-02-03"
    assert c.url_status == "live"
    assert c.work == "Site"
    assert c.authors == ["Smith", "Jones"]


def test_archive_without_status_defaults_to_dead():
    a = refs_of(
        "{{Infobox thing|x=1<ref name=d>{{cite web|url=http://e.org|title=T|archive-url=http://a.org|archive-date=2015}}</ref>}}"
    )
    assert a.references["d"].url_status == "dead"


def test_every_parameter_is_kept():
    a = refs_of(
        "{{Infobox thing|x=1<ref name=k>{{cite journal|title=T|journal=J|volume=3|issue=2|pages=10–12|doi=10.1/x|pmid=123|someunknown=kept}}</ref>}}"
    )
    c = a.references["k"]
    assert (c.work, c.volume, c.issue, c.pages) == ("J", "3", "2", "10–12")
    assert c.identifiers == {"doi": "10.1/x", "pmid": "123"}
    assert c.params["someunknown"] == "kept"


def test_sfn_efn_r():
    a = refs_of(
        "{{Infobox thing|x=1{{sfn|Smith|2000|p=5}}<br />2{{efn|An explanatory note.}}<br />3{{r|named}}}}\n<ref name=named>Named.</ref>"
    )
    claims = a.infoboxes[0]["x"].claims
    assert claims[0].refs == ["FOOTNOTESmith20005"]
    assert a.references["FOOTNOTESmith20005"].text == "Smith 2000, p. 5."
    assert claims[1].refs == ["lower-alpha:#1"]
    assert a.references["lower-alpha:#1"].text == "An explanatory note."
    assert claims[2].refs == ["named"]
    assert a.references["named"].text == "Named."


def test_duplicate_definitions_are_diagnosed():
    a = refs_of("{{Infobox thing|x=1<ref name=d/>}}<ref name=d>One</ref><ref name=d>Two</ref>")
    assert "ref-duplicate-key" in {d.code for d in a.all_diagnostics()}
    assert a.references["d"].text == "One"


def test_citation_links_are_kept():
    a = refs_of("{{Infobox thing|x=1<ref name=l>See [[Some Page]] and [http://e.org this].</ref>}}")
    assert [link.target or link.url for link in a.references["l"].links] == ["Some Page", "http://e.org"]
