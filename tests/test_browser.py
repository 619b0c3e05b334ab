"""The rendered page in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

- the standalone page of the seed example: the box floats right at about 22em, every expected row
  is visible, no console error; a screenshot is taken (``UPDATE_SCREENSHOT=1`` writes docs/img/);
- every XSS payload, loaded with the page's CSP bypassed (so that our escaping is what is tested):
  no script runs, on load or on mouse, focus or error events.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

import infobox
from conftest import FIXTURES
from infobox.render import render_html
from xss_payloads import NAME_PAYLOADS, PAYLOADS

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#c8ccd1"/>'
    '<text x="150" y="105" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#54595d">image</text></svg>'
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _serve_images(page) -> None:
    """No network here: images from upload.wikimedia.org get a placeholder, anything else is refused."""

    def handle(route):
        if route.request.url.startswith("https://upload.wikimedia.org/"):
            route.fulfill(status=200, content_type="image/svg+xml", body=PLACEHOLDER)
        elif route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", handle)


def test_standalone_page_looks_like_wikipedia(browser, tmp_path):
    article = infobox.parse_file(FIXTURES / "Khojaly_massacre.infobox.wiki")
    page_file = tmp_path / "khojaly.html"
    page_file.write_text(render_html(article, as_of=date(2026, 11, 25), standalone=True), "utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    _serve_images(page)
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    box = page.evaluate(
        """() => { const t = document.querySelector('table.infobox'); const s = getComputedStyle(t);
                   const r = t.getBoundingClientRect();
                   return {float: s.float, width: parseFloat(s.width), font: parseFloat(s.fontSize), right: r.right,
                           viewport: document.documentElement.clientWidth, main: document.querySelector('main').getBoundingClientRect().right}; }"""
    )
    assert box["float"] == "right"
    assert box["width"] / box["font"] == pytest.approx(22, abs=0.6)
    assert abs(box["right"] - box["main"]) < 20  # pushed to the right edge of the content
    for label in ["Location", "Date", "Target", "Deaths", "Perpetrators", "Motive"]:
        assert page.locator("th.infobox-label", has_text=label).is_visible(), label
    assert page.locator("caption.infobox-title").inner_text() == "Khojaly massacre"
    assert page.locator("td.infobox-subheader").inner_text() == "Part of the First Nagorno-Karabakh War"
    assert page.locator("td.infobox-image img").evaluate("img => img.naturalWidth") > 0
    date_cell = page.locator("th.infobox-label", has_text="Date").locator("xpath=../td").inner_text()
    assert date_cell == "February 26, 1992; 34 years ago"  # the ISO microformat stays hidden
    assert page.locator("ol.references > li").count() == 4
    assert not errors, errors
    shot = page.screenshot(full_page=True)
    (tmp_path / "khojaly.png").write_bytes(shot)
    if os.environ.get("UPDATE_SCREENSHOT"):
        (ROOT / "docs" / "img").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ROOT / "docs" / "img" / "khojaly.png"), clip={"x": 560, "y": 0, "width": 440, "height": 560})
    page.close()


def test_no_payload_runs_in_the_browser(browser, tmp_path):
    boxes = [
        f"{{{{Infobox civilian attack|title=T{i}|location={p}|fatalities=1 {p}|image=X{p}.jpg|caption={p}}}}}"
        for i, p in enumerate(PAYLOADS)
    ]
    boxes += [f"{{{{Infobox thing|{p}=value|name={p}}}}}" for p in NAME_PAYLOADS]
    article = infobox.parse("\n".join(boxes), "XSS")
    assert len(article.infoboxes) == len(boxes)
    page_file = tmp_path / "xss.html"
    page_file.write_text(render_html(article, standalone=True), "utf-8")
    context = browser.new_context(bypass_csp=True, java_script_enabled=True)
    page = context.new_page()
    fired: list[str] = []
    page.expose_function("pwned", lambda: fired.append("pwned"))
    page.on("dialog", lambda d: (fired.append(f"dialog {d.message}"), d.dismiss()))
    page.add_init_script("window.alert = window.confirm = window.prompt = () => window.pwned();")
    _serve_images(page)
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    page.evaluate(
        """() => { for (const el of document.querySelectorAll('*')) {
                     for (const type of ['mouseover', 'mouseenter', 'focus', 'error', 'load', 'mousemove'])
                       el.dispatchEvent(new Event(type)); } }"""
    )
    page.wait_for_timeout(200)
    scripts = page.evaluate("() => document.scripts.length")
    handlers = page.evaluate(
        "() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => a.name))"
    )
    context.close()
    assert fired == []
    assert scripts == 0
    assert handlers == []
