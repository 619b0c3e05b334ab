"""Rendering: the seed example as Wikipedia shows it (HTML, Markdown, text), references, every corpus page."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

import infobox
from conftest import FIXTURES, corpus_or_skip
from helpers import parse_one
from infobox.render import render_html, render_markdown, render_text
from infobox.render.references import group_label

AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="module")
def html(khojaly) -> str:
    return render_html(khojaly, as_of=AS_OF)


def visible_text(fragment: str) -> str:
    """Text a reader sees: tags dropped, display:none spans dropped, entities decoded, spaces folded."""

    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.hidden = 0
            self.stack: list[bool] = []

        def handle_starttag(self, tag, attrs):
            if tag in ("br", "img"):
                self.out.append(" ")
                return
            hide = ("style", "display:none") in attrs
            self.stack.append(hide)
            self.hidden += hide

        def handle_endtag(self, tag):
            if self.stack:
                self.hidden -= self.stack.pop()

        def handle_data(self, data):
            if not self.hidden:
                self.out.append(data)

    c = Collector()
    c.feed(fragment)
    return " ".join("".join(c.out).split())


def test_title_partof_image(html):
    assert '<table class="infobox vevent">' in html
    assert '<caption class="infobox-title summary">Khojaly massacre</caption>' in html
    assert (
        visible_text(re.search(r'<td colspan="2" class="infobox-subheader">.*?</td>', html).group(0))
        == "Part of the First Nagorno-Karabakh War"
    )
    assert (
        "https://upload.wikimedia.org/wikipedia/commons/thumb/8/8d/Khojaly_Genocide_memorial_3.JPG/300px-Khojaly_Genocide_memorial_3.JPG"
        in html
    )
    assert 'width="300"' in html  # image_size = 300px honoured
    assert '<div class="infobox-caption">Khojaly Massacre Memorial in' in html


def test_rows_in_order_without_empty_ones(html):
    labels = re.findall(r'<th scope="row" class="infobox-label">(.*?)</th>', html)
    assert labels == ["Location", "Date", "Target", "Deaths", "Perpetrators", "Motive"]


def test_date_with_age_and_microformat(html):
    cell = re.search(r"Date</th><td class=\"infobox-data\">(.*?)</td>", html).group(1)
    assert visible_text(cell) == "February 26, 1992; 34 years ago"
    assert '<span class="bday dtstart published updated">1992-02-26</span>' in cell


def test_deaths_each_followed_by_its_markers(html):
    cell = re.search(r"Deaths</th><td class=\"infobox-data\">(.*?)</td>", html).group(1)
    assert visible_text(cell) == (
        "200+ (per Human Rights Watch)[1][2] 485 (per Azerbaijani parliament)[3] 613 (per Azerbaijani government)[4]"
    )
    assert cell.count('class="reference"') == 4
    assert 'href="#cite_note-hrw.org-1"' in cell and 'id="cite_ref-hrw.org_1-0"' in cell


def test_reference_list(html):
    items = re.findall(r'<li id="(cite_note-[^"]+)">(.*?)</li>', html)
    assert [i for i, _ in items] == ["cite_note-hrw.org-1", "cite_note-hrw2-2", "cite_note-deWaal-3", "cite_note-unhchr1-4"]
    texts = [visible_text(body) for _, body in items]
    assert texts[0] == (
        '^ "Human Rights Watch World Report 1993 – The Former Soviet Union". Hrw.org. '
        "Archived from the original on 18 February 2015. Retrieved 28 April 2014."
    )
    assert texts[1].startswith("^ Human Rights Watch/Helsinki (1994). Azerbaijan: Seven Years of Conflict in Nagorno-Karabakh.")
    assert "ISBN 1-56432-142-8" in texts[1]
    assert texts[2] == "^ Cite error: The named reference deWaal was invoked but never defined (see the help page)."
    assert texts[3].endswith("Archived from the original on 11 January 2016.")


def test_url_status_links(html):
    # live: the title links to the original, "Archived" to the archive
    assert (
        '<a rel="nofollow" class="external text" href="https://www.hrw.org/reports/1993/WR93/Hsw-07.htm">&#34;Human Rights'
        in html
    )
    assert (
        'href="https://web.archive.org/web/20150218230025/http://www.hrw.org/reports/1993/WR93/Hsw-07.htm">Archived</a>' in html
    )
    assert 'href="https://en.wikipedia.org/wiki/Special:BookSources/1-56432-142-8">1-56432-142-8</a>' in html
    # dead: the title links to the archive, "the original" to the URL
    assert 'href="http://ap.ohchr.org/documents/E/HRC/c_gov/A_HRC_28_G_9.doc">the original</a>' in html


def test_cli_render_golden(tmp_path):
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "infobox.cli",
            "render",
            str(FIXTURES / "Khojaly_massacre.infobox.wiki"),
            "--as-of",
            "2026-11-25",
            "--standalone",
        ],
        capture_output=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    page = out.stdout.decode()
    assert page.startswith("<!DOCTYPE html>") and "width: 22em" in page and "<title>Khojaly massacre</title>" in page


def test_reused_named_ref_keeps_its_number():
    a = infobox.parse("{{Infobox thing|a=1<ref name=x>X</ref>|b=2<ref>Y</ref>|c=3<ref name=x/>}}")
    html = render_html(a, as_of=AS_OF)
    assert re.findall(r"&#91;</span>(.*?)<span", html) == ["1", "2", "1"]
    assert 'id="cite_ref-x_1-0"' in html and 'id="cite_ref-x_1-1"' in html
    assert "<sup><i><b>a</b></i></sup>" in html and "<sup><i><b>b</b></i></sup>" in html


def test_groups_and_efn_labels():
    a = infobox.parse("{{Infobox thing|a=1{{efn|First}}{{efn|Second}}|b=2<ref group=note>N</ref><ref>R</ref>}}")
    html = render_html(a, as_of=AS_OF)
    assert re.findall(r"&#91;</span>(.*?)<span", html) == ["a", "b", "note 1", "1"]
    assert group_label("upper-roman", 4) == "IV" and group_label("lower-alpha", 27) == "aa"


def test_values_rendered_as_wikipedia_does():
    box = parse_one(
        "{{Infobox thing|a={{circa|300}}|b=''it'' and '''bold'''|c={{hlist|x|y}}|d={{coord|39|54|40|N|46|47|21|E}}"
        "|e={{birth date and age|1941|2|20}}|f={{abbr|CIS|Commonwealth of Independent States}}|g={{lang|az|Xocalı}}"
        "|h=[https://example.org Example]}}"
    )
    html = box.to_html(as_of=AS_OF)
    assert '<abbr title="circa">c.</abbr>' in html
    assert "<i>it</i> and <b>bold</b>" in html
    assert '<div class="hlist"><ul><li>x</li><li>y</li></ul></div>' in html
    assert '<span class="latitude">39°54′40″N</span>' in html and '<span class="geo">39.91111111; 46.78916667</span>' in html
    assert "(age&#160;85)" in html
    assert '<abbr title="Commonwealth of Independent States">CIS</abbr>' in html
    assert '<span lang="az">Xocalı</span>' in html
    assert '<a rel="nofollow" class="external text" href="https://example.org">Example</a>' in html


def test_markdown(khojaly):
    md = render_markdown(khojaly, as_of=AS_OF)
    assert md.startswith("### Khojaly massacre")
    assert "| **Deaths** | 200+ (per [Human Rights Watch](https://en.wikipedia.org/wiki/Human_Rights_Watch))[^1][^2]<br>485" in md
    assert "| **Date** | February 26, 1992; 34 years ago |" in md
    assert '[^1]: "Human Rights Watch World Report 1993 – The Former Soviet Union". Hrw.org.' in md


def test_text(khojaly):
    text = render_text(khojaly, as_of=AS_OF)
    assert "Khojaly massacre" in text and "Part of the First Nagorno-Karabakh War" in text
    assert "200+ (per Human Rights Watch)[1][2]" in text
    assert "\x1b[" not in text  # no colour unless asked
    assert "\x1b[" in render_text(khojaly, as_of=AS_OF, color=True)


def test_every_corpus_page_renders():
    root = corpus_or_skip()
    pages = sorted((root / "articles").glob("*.wiki"))
    assert len(pages) == 513
    for path in pages:
        article = infobox.parse(path.read_text("utf-8"), path.stem)
        html = render_html(article, as_of=AS_OF)
        assert html.count("<table") == html.count("</table>")
        render_markdown(article, as_of=AS_OF)
        render_text(article, as_of=AS_OF)


def test_flags_headers_and_maps():
    box = parse_one("{{Infobox country|header1=Geography|a={{flag|Germany}}|map=Germany location map.svg|map_caption=Where}}")
    html = box.to_html(as_of=AS_OF)
    assert '<tr><th colspan="2" class="infobox-header">Geography</th></tr>' in html
    assert "/b/ba/Flag_of_Germany.svg/23px-Flag_of_Germany.svg.png" in html
    assert '<a href="https://en.wikipedia.org/wiki/Germany" title="Germany">Germany</a>' in html
    assert "Germany_location_map.svg" in html and '<div class="infobox-caption">Where</div>' in html
    assert box["a"].text == "Germany"  # the flag is not part of the data


def test_time_and_zone_share_the_date_cell_in_every_format():
    article = infobox.parse_file(FIXTURES / "Munich_massacre.wiki")
    html = render_html(article, as_of=AS_OF)
    labels = re.findall(r'<th scope="row" class="infobox-label">(.*?)</th>', html)
    assert "Time" not in labels and "Time zone" not in labels
    cell = re.search(r"Date</th><td class=\"infobox-data\">(.*?)</td>", html).group(1)
    assert visible_text(cell) == "5–6 September 1972 4:31 am – 12:04 am (UTC+1)"
    md = render_markdown(article, as_of=AS_OF)
    assert "| **Date** | 5–6 September 1972<br>4:31 am – 12:04 am<br>[UTC](https://en.wikipedia.org/wiki/UTC)+1 |" in md
    assert "**Time**" not in md and "**Time zone**" not in md
