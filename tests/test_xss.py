"""Hostile wikitext rendered to HTML: only our tags, no event handlers, no unsafe URLs, no injected styles.

The same payloads are loaded in a real browser by tests/test_browser.py.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import infobox
from infobox.render import render_html
from infobox.render.safety import safe_url
from xss_payloads import NAME_PAYLOADS, PAYLOADS

ALLOWED_TAGS = set(
    [
        "table",
        "caption",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
        "span",
        "a",
        "img",
        "sup",
        "br",
        "b",
        "i",
        "u",
        "s",
        "small",
        "big",
        "sub",
        "em",
        "strong",
        "code",
        "q",
        "cite",
        "del",
        "ins",
        "abbr",
        "kbd",
        "var",
        "samp",
        "ul",
        "ol",
        "li",
        "h2",
        "main",
    ]
)
ALLOWED_ATTRS = {
    "class",
    "href",
    "title",
    "rel",
    "id",
    "colspan",
    "scope",
    "src",
    "srcset",
    "alt",
    "width",
    "decoding",
    "typeof",
    "lang",
    "style",
}
SAFE_STYLES = {
    "display:none",
    "list-style-type: lower-alpha",
    "list-style-type: upper-alpha",
    "list-style-type: lower-roman",
    "list-style-type: upper-roman",
    "list-style-type: lower-greek",
}


class Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRS:
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")
            elif name == "style" and value not in SAFE_STYLES:
                self.problems.append(f"style {value!r}")
            elif name in ("href", "src") and not (value.startswith(("https://", "http://", "mailto:", "//", "#"))):
                self.problems.append(f"{name}={value!r}")
            elif name == "srcset" and not all(p.strip().startswith("https://") for p in value.split(",")):
                self.problems.append(f"srcset={value!r}")


def audit(html: str) -> list[str]:
    a = Audit()
    a.feed(html)
    return a.problems


def hostile_pages() -> list[tuple[str, str]]:
    pages = [
        (p, f"{{{{Infobox civilian attack|title=T|location={p}|fatalities=1 {p}|image=X{p}.jpg|caption={p}}}}}") for p in PAYLOADS
    ]
    pages += [(p, f"{{{{Infobox thing|{p}=value|name={p}}}}}") for p in NAME_PAYLOADS]
    return pages


def test_enough_payloads():
    assert len(PAYLOADS) + len(NAME_PAYLOADS) >= 40


@pytest.mark.parametrize(("payload", "page"), hostile_pages())
def test_payload_is_neutralised(payload, page):
    article = infobox.parse(page, "XSS")
    for standalone in (False, True):
        html = render_html(article, standalone=standalone)
        body = html.split("<main", 1)[-1] if standalone else html
        assert not audit(body if not standalone else "<main" + body), audit(body)
        assert "<script" not in body.lower()  # escaped text (&lt;script) is fine; a tag is not
    infobox.render.render_markdown(article)
    infobox.render.render_text(article)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "jav&#x61;script:alert(1)",
        "jav&amp;#x61;script:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "\x00javascript:x",
        "file:///etc/passwd",
        "",
    ],
)
def test_unsafe_urls(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("url", ["https://e.org/a?b=c&d", "http://e.org", "//e.org/x", "mailto:a@e.org"])
def test_safe_urls(url):
    assert safe_url(url) is not None


def test_markdown_links_are_filtered():
    md = infobox.render.render_markdown(infobox.parse(f"{{{{Infobox thing|a=[javascript:{PAYLOADS[0]} x]}}}}"))
    assert "](javascript" not in md.lower()
