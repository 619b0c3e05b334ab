"""Hostile input: every case returns, with diagnostics, without RecursionError and in linear time.

Times are not asserted (benchmarks measure speed); each case runs under a generous alarm so a
hang or a quadratic blow-up fails the test instead of stalling CI.
"""

from __future__ import annotations

import random
import signal
from contextlib import contextmanager

import pytest

import infobox


@contextmanager
def deadline(seconds: int):
    def boom(*_):
        raise TimeoutError(f"took more than {seconds}s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def random_text(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return bytes(rng.getrandbits(8) for _ in range(n)).decode("utf-8", "replace")


CASES = {
    "random bytes": lambda: random_text(1_000_000),
    "random bytes inside an infobox": lambda: "{{Infobox x|a=" + random_text(200_000) + "}}",
    "unbalanced {{": lambda: "{{Infobox a|" + "{{" * 100_000,
    "unbalanced }}": lambda: "}}" * 100_000 + "{{Infobox a|b=1}}",
    "unclosed infoboxes inside unclosed templates": lambda: "{{Infobox a|b={{c|" * 20_000,
    "5,000-deep nested templates": lambda: "{{Infobox x|a=" + "{{a|" * 5000 + "x" + "}}" * 5000 + "|b=2}}",
    "5,000-deep nested infoboxes": lambda: "{{Infobox x|a=" * 5000 + "x" + "}}" * 5000,
    "5,000-deep links": lambda: "{{Infobox x|a=" + "[[a|" * 5000 + "x" + "]]" * 5000 + "}}",
    "5,000-deep tags": lambda: "{{Infobox x|a=" + "<small>" * 5000 + "x" + "</small>" * 5000 + "}}",
    "100,000-parameter template": lambda: "{{Infobox x" + "".join(f"|p{i}={i}" for i in range(100_000)) + "}}",
    # a diagnostic (unknown parameter) on each of 100,000 parameters, all on one line
    "100,000 diagnostics": lambda: "{{Infobox civilian attack" + "".join(f"|p{i}={i}" for i in range(100_000)) + "}}",
    "50,000 ref reuses": lambda: "{{Infobox x|a=" + "<ref name=a/>" * 50_000 + "}}",
    "50,000 unclosed refs": lambda: "{{Infobox x|a=" + "<ref>" * 50_000 + "}}",
    "unclosed comments": lambda: "{{Infobox x|a=1}}" + "<!--" * 100_000,
    "unclosed nowiki": lambda: "{{Infobox x|a=1}}" + "<nowiki>" * 100_000,
    "a huge value": lambda: "{{Infobox civilian attack|date=" + "1 " * 200_000 + "}}",
    "unbalanced parentheses": lambda: "{{Infobox x|a=" + "(" * 100_000 + "}}",
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_returns(name):
    text = CASES[name]()
    with deadline(60):
        article = infobox.parse(text, "Hostile")
    article.to_json()  # the whole model serialises too


def test_ten_megabyte_page():
    from conftest import FIXTURES

    page = (FIXTURES / "2016_Berlin_attack.wiki").read_text("utf-8")
    big = (page * (10_000_000 // len(page) + 1))[:10_000_000]
    with deadline(60):
        article = infobox.parse(big)
    assert len(article.infoboxes) == big.count("{{Infobox civilian attack")


def test_unbalanced_braces_are_reported():
    article = infobox.parse("{{Infobox a|b={{c|x")
    codes = {d.code for d in article.all_diagnostics()}
    assert {"unclosed-infobox", "malformed-value"} <= codes


def test_parse_rejects_bytes_with_a_clear_message():
    with pytest.raises(TypeError, match="parse_file"):
        infobox.parse(b"{{Infobox x}}")  # type: ignore[arg-type]


def test_parse_file_errors(tmp_path):
    with pytest.raises(infobox.InputError, match="no such file"):
        infobox.parse_file(tmp_path / "missing.wiki")
    bad = tmp_path / "latin1.wiki"
    bad.write_bytes("{{Infobox x|a=caf\xe9}}".encode("latin-1"))
    with pytest.raises(infobox.InputError, match="not UTF-8"):
        infobox.parse_file(bad)
    with pytest.raises(infobox.InputError, match="directory"):
        infobox.parse_file(tmp_path)


def test_line_and_column_whatever_order_they_are_asked_in():
    from infobox.wikitext.locate import LineIndex

    text = "ab\ncd\n\nefg\nh"
    naive = {o: (text.count("\n", 0, o) + 1, o - text.rfind("\n", 0, o)) for o in range(len(text) + 1)}
    index = LineIndex(text)
    for offset in [0, 3, 3, 4, 8, 2, 12, 12, 6, 7, 0, 11]:
        assert index.position(offset) == naive[offset], offset
    assert naive[7] == (4, 1) and naive[12] == (5, 2)
