"""Whole dumps: every format and schema version, counts checked independently, workers, kill and resume."""

from __future__ import annotations

import bz2
import gzip
import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from conftest import FIXTURES, corpus_or_skip
from infobox.dumps import DumpError
from infobox.dumps.reader import iter_dump
from infobox.extract import extract

BAD = {"article-pyrus.xml.7z": "7z", "article-pyrus.xml_invalid.7z": "7z", "test.xml": "breaks off"}
MANIFEST_RX = re.compile(r"\{\{\s*(infobox(?:[ _][^|}\n]*)?)", re.IGNORECASE)


def dumps() -> list[Path]:
    return sorted(p for p in (corpus_or_skip() / "dumps").rglob("*") if p.is_file())


def independent_counts(path: Path) -> tuple[int, int, int]:
    """(articles, redirects, infobox calls) of a dump, with the standard library's XML parser and MANIFEST.csv's regex."""
    opener = bz2.open if path.suffix == ".bz2" else gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        root = ET.parse(f).getroot()
    articles = redirects = calls = 0
    for page in root.iter():
        if page.tag.rsplit("}", 1)[-1] != "page":
            continue
        children = {c.tag.rsplit("}", 1)[-1]: c for c in page}
        if int(children["ns"].text if "ns" in children else 0) != 0:
            continue
        revision = [c for c in page if c.tag.endswith("revision")][-1]
        text = next((c.text or "" for c in revision if c.tag.rsplit("}", 1)[-1] == "text"), "")
        if "redirect" in children or text.lstrip().lower().startswith("#redirect"):
            redirects += 1
            continue
        articles += 1
        calls += len(MANIFEST_RX.findall(re.sub(r"<!--.*?-->", "", text, flags=re.S)))
    return articles, redirects, calls


def table(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


def nested(box: dict) -> int:
    return sum(1 + nested(child) for f in box["fields"] for child in f["infoboxes"])


def test_every_dump_reads_or_fails_clearly():
    files = dumps()
    assert len(files) == 151
    pages = 0
    for path in files:
        if path.name in BAD:
            with pytest.raises(DumpError, match=BAD[path.name]):
                list(iter_dump(path))
        else:
            pages += sum(1 for _ in iter_dump(path))
    assert pages == 3970  # every page element of the 148 readable files (grep -c "<page>" agrees)


def test_truncated_dump_keeps_what_came_before(tmp_path):
    path = corpus_or_skip() / "dumps" / "wikiextractor" / "test.xml"
    summary = extract([path], tmp_path / "vi.db", workers=1)
    assert summary.error and "after page 10" in summary.error
    # the 10 complete pages: 6 articles, 3 redirects, 1 of another namespace
    assert (summary.pages, summary.redirects, summary.other_namespaces) == (6, 3, 1)
    assert table(tmp_path / "vi.db", "SELECT count(*) FROM pages") == [(6,)]


@pytest.mark.parametrize(
    "name",
    [
        "gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
        "wikiMainPath/category_history_of_the_united_states.xml.bz2",
        "wikiMainPath/friendly_fire_incidents_of_world_war_2.xml",
        "dumpster-dive/smallwiki-latest-pages-articles.xml.bz2",
        "wikiciteparser/bulk_dump_sample.xml.bz2",
        "dbpedia-minidumps/en/wiki.xml.bz2",
        "pywikibot/article-pyrus.xml.gz",
        "gensim/bgwiki-latest-pages-articles-shortened.xml.bz2",
    ],
)
def test_counts_match_an_independent_reading(tmp_path, name):
    path = corpus_or_skip() / "dumps" / name
    articles, redirects, calls = independent_counts(path)
    summary = extract([path], tmp_path / "out.db", workers=1)
    assert (summary.pages, summary.redirects) == (articles, redirects)
    boxes = [json.loads(j) for (j,) in table(tmp_path / "out.db", "SELECT json FROM infoboxes")]
    # the regex also counts infoboxes nested in another's parameters; we keep those inside their parent
    assert len(boxes) + sum(nested(b) for b in boxes) == calls


def test_tables_and_full_text_search(tmp_path):
    path = corpus_or_skip() / "dumps" / "wikiMainPath" / "category_history_of_the_united_states.xml.bz2"
    extract([path], tmp_path / "out.db", workers=1)
    db = tmp_path / "out.db"
    assert table(db, "SELECT count(*) FROM infoboxes WHERE type = 'civilian attack'") == [(1,)]
    hits = table(
        db, "SELECT f.key FROM fields_fts JOIN fields f ON f.id = fields_fts.rowid WHERE fields_fts MATCH 'hijackings' LIMIT 5"
    )
    assert hits == [("type",)]
    deaths = table(db, "SELECT c.low, c.value_type FROM claims c JOIN fields f ON f.id = c.field WHERE f.key = 'fatalities'")
    assert deaths and all(t in ("quantity", "text", "link") for _, t in deaths)


def test_type_filter_and_jsonl(tmp_path):
    path = corpus_or_skip() / "dumps" / "wikiMainPath" / "friendly_fire_incidents_of_world_war_2.xml"
    summary = extract([path], tmp_path / "out.jsonl", fmt="jsonl", types=["military conflict"], workers=1)
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert len(lines) == sum(summary.infoboxes.values()) == summary.infoboxes["military conflict"] > 0
    assert {row["infobox"]["type"] for row in lines} == {"military conflict"}


def dump_of_fixtures(path: Path, copies: int) -> None:
    """A real-looking XML dump: every corpus article (or the fixtures), ``copies`` times, bz2-compressed."""
    root = corpus_or_skip() / "articles"
    pages = sorted(root.glob("*.wiki"))[:200] or sorted(FIXTURES.glob("*.wiki"))
    with bz2.open(path, "wt", encoding="utf-8") as out:
        out.write('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n')
        n = 0
        for copy in range(copies):
            for p in pages:
                n += 1
                text = escape(p.read_text("utf-8"))
                out.write(
                    f"<page><title>{escape(p.stem)} {copy}</title><ns>0</ns><id>{n}</id><revision><id>{n}</id>"
                    f'<text xml:space="preserve">{text}</text></revision></page>\n'
                )
        out.write("</mediawiki>\n")


def rows(db: Path) -> list[tuple]:
    return table(
        db,
        "SELECT p.source, p.seq, p.title, i.idx, i.json FROM infoboxes i JOIN pages p ON p.id = i.page ORDER BY p.source, p.seq, i.idx",
    )


@pytest.fixture(scope="module")
def big_dump(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("dump")
    dump = tmp / "tiled.xml.bz2"
    dump_of_fixtures(dump, 3)
    reference = tmp / "reference.db"
    extract([dump], reference, workers=1)
    return dump, reference


def test_workers_give_the_same_rows(big_dump, tmp_path):
    dump, reference = big_dump
    extract([dump], tmp_path / "two.db", workers=2)
    assert rows(tmp_path / "two.db") == rows(reference)
    assert table(tmp_path / "two.db", "SELECT count(*) FROM pages") == table(reference, "SELECT count(*) FROM pages")


def test_sigkill_then_resume_equals_an_uninterrupted_run(big_dump, tmp_path):
    dump, reference = big_dump
    out = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "infobox.cli", "extract", str(dump), "-o", str(out), "--workers", "1", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    written = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if out.exists():
            try:
                written = table(out, "SELECT coalesce(sum(seq), 0) FROM progress")[0][0]
            except sqlite3.Error:
                continue
            if written >= 128:
                break
    assert proc.poll() is None, "the extraction finished before it could be killed; make the dump bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = len(rows(out))
    assert 0 < partial < len(rows(reference))
    done = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    assert b"already done" in done.stderr
    assert rows(out) == rows(reference)
    seqs = table(out, "SELECT source, seq, count(*) FROM pages GROUP BY source, seq HAVING count(*) > 1")
    assert seqs == []  # no page twice


def test_jsonl_resume_drops_a_cut_line(big_dump, tmp_path):
    dump, _ = big_dump
    full = tmp_path / "full.jsonl"
    extract([dump], full, fmt="jsonl", workers=1)
    lines = full.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"".join(lines[: len(lines) // 2]) + lines[len(lines) // 2][:50])  # half a line at the end
    extract([dump], cut, fmt="jsonl", workers=1, resume=True)
    assert cut.read_bytes() == full.read_bytes()


@pytest.fixture(scope="module")
def multistream(tmp_path_factory) -> tuple[Path, Path]:
    """A multistream dump with its index, and a copy without the index (read sequentially)."""
    from infobox.dumps.multistream import write_multistream

    pages = sorted((corpus_or_skip() / "articles").glob("*.wiki"))[:120]
    indexed = tmp_path_factory.mktemp("indexed") / "t-multistream.xml.bz2"
    write_multistream(((p.stem, p.read_text("utf-8")) for p in pages), indexed, per_stream=16)
    plain = tmp_path_factory.mktemp("plain") / "t-multistream.xml.bz2"
    plain.write_bytes(indexed.read_bytes())
    return indexed, plain


def test_multistream_in_parallel_equals_a_sequential_read(multistream, tmp_path):
    indexed, plain = multistream
    a = extract([indexed], tmp_path / "a.db", workers=2)
    b = extract([plain], tmp_path / "b.db", workers=1)
    assert a.pages == b.pages == 120 and a.infoboxes == b.infoboxes
    key = "SELECT p.seq, p.title, i.idx, i.json FROM infoboxes i JOIN pages p ON p.id = i.page ORDER BY p.seq, i.idx"
    assert table(tmp_path / "a.db", key) == table(tmp_path / "b.db", key)


def test_dask_local_cluster_gives_the_same_rows(multistream, tmp_path):
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    indexed, _ = multistream
    local = extract([indexed], tmp_path / "local.db", workers=2)
    dask = extract([indexed], tmp_path / "dask.db", workers=2, engine="dask")
    assert dask.pages == local.pages == 120
    key = "SELECT p.seq, p.title, i.idx, i.json FROM infoboxes i JOIN pages p ON p.id = i.page ORDER BY p.seq, i.idx"
    assert table(tmp_path / "dask.db", key) == table(tmp_path / "local.db", key)


def parquet_rows(folder: Path) -> list[tuple]:
    import pyarrow.parquet as pq

    t = pq.read_table(folder / "infoboxes").to_pylist()
    return sorted((r["source"], r["seq"], r["infobox"], r["json"]) for r in t)


def test_parquet_has_the_sqlite_tables(big_dump, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
    dump, reference = big_dump
    extract([dump], tmp_path / "out", fmt="parquet", workers=2)
    for name in ("pages", "infoboxes", "fields", "claims", "citations", "diagnostics"):
        assert pq.read_table(tmp_path / "out" / name).num_rows == table(reference, f"SELECT count(*) FROM {name}")[0][0], name
    assert parquet_rows(tmp_path / "out") == sorted((s, q, i, j) for s, q, _, i, j in rows(reference))


def test_parquet_resume_after_a_crash(big_dump, tmp_path, monkeypatch):
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    from infobox.store import parquet

    dump, reference = big_dump
    monkeypatch.setattr(parquet, "FLUSH_PAGES", 64)
    real_flush, calls = parquet.ParquetWriter.flush, []

    def crashing_flush(self):
        calls.append(1)
        if len(calls) >= 4:  # the process dies after renaming one table's part, before recording it
            (self.path / "infoboxes" / f"part-{self.state['parts']:05d}.parquet").write_bytes(b"half a part")
            raise KeyboardInterrupt
        real_flush(self)

    monkeypatch.setattr(parquet.ParquetWriter, "flush", crashing_flush)
    with pytest.raises(KeyboardInterrupt):
        extract([dump], tmp_path / "out", fmt="parquet", workers=1)
    monkeypatch.setattr(parquet.ParquetWriter, "flush", real_flush)
    summary = extract([dump], tmp_path / "out", fmt="parquet", workers=1, resume=True)
    assert summary.resumed > 0
    assert parquet_rows(tmp_path / "out") == sorted((s, q, i, j) for s, q, _, i, j in rows(reference))


def test_rows_built_in_workers_match_the_library(tmp_path):
    """Every stored row agrees with ``infobox.parse`` of the same page; ids link across pages."""
    import infobox

    extract([FIXTURES], tmp_path / "out.db", workers=2)
    extract([FIXTURES], tmp_path / "out.jsonl", fmt="jsonl", workers=1)
    db = tmp_path / "out.db"
    pages = table(db, "SELECT id, title, infoboxes FROM pages ORDER BY id")
    files = sorted(FIXTURES.glob("*.wiki"))
    assert len(pages) == len(files)
    for (page_id, title, count), path in zip(pages, files, strict=True):
        article = infobox.parse_file(path, title)
        stored = table(db, f"SELECT json FROM infoboxes WHERE page = {page_id} ORDER BY idx")
        assert [j for (j,) in stored] == [b.to_json() for b in article.infoboxes]
        assert count == len(article.infoboxes)
    deaths = table(
        db,
        "SELECT c.text, c.low, c.high, c.source, c.refs FROM claims c JOIN fields f ON f.id = c.field "
        "JOIN infoboxes b ON b.id = f.infobox JOIN pages p ON p.id = b.page "
        "WHERE p.title = 'Khojaly massacre' AND f.key = 'fatalities' ORDER BY c.idx",
    )
    assert [(low, high, source, json.loads(refs)) for _, low, high, source, refs in deaths] == [
        (200.0, None, "Human Rights Watch", ["hrw.org", "hrw2"]),
        (485.0, 485.0, "Azerbaijani parliament", ["deWaal"]),
        (613.0, 613.0, "Azerbaijani government", ["unhchr1"]),
    ]
    cited = table(db, "SELECT c.key FROM citations c JOIN pages p ON p.id = c.page WHERE p.title = 'Khojaly massacre'")
    assert {"hrw.org", "hrw2", "unhchr1"} <= {k for (k,) in cited}
    line = next(json.loads(x) for x in (tmp_path / "out.jsonl").read_text("utf-8").splitlines() if '"Khojaly massacre"' in x)
    assert line["infobox"]["type"] == "civilian attack" and line["index"] == 0
    assert set(line["references"]) == {r for f in line["infobox"]["fields"] for c in f["claims"] for r in c["refs"]} - {"deWaal"}
