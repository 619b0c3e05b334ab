"""SQLite output: one file, tables for pages, infoboxes, fields, claims, citations and diagnostics.

Each batch is written in one transaction together with the position it reached in its source,
so an interrupted run leaves a consistent prefix that ``--resume`` continues exactly.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from .records import PageResult

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY, source TEXT NOT NULL, seq INTEGER NOT NULL, page_id INTEGER, title TEXT NOT NULL,
  ns INTEGER NOT NULL, infoboxes INTEGER NOT NULL, error TEXT, UNIQUE (source, seq));
CREATE TABLE IF NOT EXISTS infoboxes (
  id INTEGER PRIMARY KEY, page INTEGER NOT NULL REFERENCES pages(id), idx INTEGER NOT NULL, type TEXT NOT NULL,
  template TEXT NOT NULL, title TEXT, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fields (
  id INTEGER PRIMARY KEY, infobox INTEGER NOT NULL REFERENCES infoboxes(id), idx INTEGER NOT NULL, name TEXT NOT NULL,
  key TEXT NOT NULL, label TEXT NOT NULL, role TEXT NOT NULL, shown INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
  id INTEGER PRIMARY KEY, field INTEGER NOT NULL REFERENCES fields(id), idx INTEGER NOT NULL, text TEXT NOT NULL,
  value_type TEXT NOT NULL, value TEXT NOT NULL, low REAL, high REAL, date TEXT, source TEXT, qualifier TEXT, refs TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS citations (
  id INTEGER PRIMARY KEY, page INTEGER NOT NULL REFERENCES pages(id), key TEXT NOT NULL, kind TEXT NOT NULL,
  title TEXT, url TEXT, text TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS diagnostics (
  id INTEGER PRIMARY KEY, page INTEGER NOT NULL REFERENCES pages(id), infobox INTEGER REFERENCES infoboxes(id),
  code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, line INTEGER, col INTEGER, field TEXT);
CREATE TABLE IF NOT EXISTS progress (source TEXT PRIMARY KEY, seq INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS infoboxes_type ON infoboxes(type);
CREATE INDEX IF NOT EXISTS fields_key ON fields(key);
CREATE INDEX IF NOT EXISTS claims_field ON claims(field);
CREATE VIRTUAL TABLE IF NOT EXISTS fields_fts USING fts5(text, label, content='fields', content_rowid='id');
"""


class SqliteWriter:
    """Writes batches of :class:`PageResult` into ``path`` (see docs/storage.md for the tables)."""

    def __init__(self, path: Path, *, resume: bool = False) -> None:
        if path.exists() and not resume:
            path.unlink()
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def done(self) -> dict[str, int]:
        """How far each source was written: source → last seq committed."""
        return dict(self.db.execute("SELECT source, seq FROM progress"))

    def write(self, results: list[PageResult]) -> None:
        with self.db:  # one transaction per batch, progress included
            for r in results:
                self._page(r)
            last: dict[str, int] = {}
            for r in results:
                last[r.source] = max(last.get(r.source, 0), r.seq)
            self.db.executemany(
                "INSERT INTO progress(source, seq) VALUES (?, ?) ON CONFLICT(source) DO UPDATE SET seq = MAX(seq, excluded.seq)",
                last.items(),
            )

    def _page(self, r: PageResult) -> None:
        cur = self.db.execute(
            "INSERT INTO pages(source, seq, page_id, title, ns, infoboxes, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (r.source, r.seq, r.page_id, r.title, r.ns, len(r.infoboxes), r.error),
        )
        page = cur.lastrowid
        for d in r.diagnostics:
            self._diagnostic(page, None, d)
        for i, box in enumerate(r.infoboxes):
            cur = self.db.execute(
                "INSERT INTO infoboxes(page, idx, type, template, title, json) VALUES (?, ?, ?, ?, ?, ?)",
                (page, i, box["type"], box["template"].strip(), box["title"], json.dumps(box, ensure_ascii=False)),
            )
            box_id = cur.lastrowid
            for j, f in enumerate(box["fields"]):
                cur = self.db.execute(
                    "INSERT INTO fields(infobox, idx, name, key, label, role, shown, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (box_id, j, f["name"], f["key"], f["label"], f["role"], int(f["shown"]), f["text"]),
                )
                field_id = cur.lastrowid
                self.db.execute("INSERT INTO fields_fts(rowid, text, label) VALUES (?, ?, ?)", (field_id, f["text"], f["label"]))
                for k, c in enumerate(f["claims"]):
                    v = c["value"]
                    self.db.execute(
                        "INSERT INTO claims(field, idx, text, value_type, value, low, high, date, source, qualifier, refs)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            field_id,
                            k,
                            c["text"],
                            v["type"],
                            json.dumps(v, ensure_ascii=False),
                            v.get("low"),
                            v.get("high"),
                            v.get("iso"),
                            c["source"],
                            c["qualifier"],
                            json.dumps(c["refs"], ensure_ascii=False),
                        ),
                    )
            for d in box["diagnostics"]:
                self._diagnostic(page, box_id, d)
        for key, c in r.references.items():
            self.db.execute(
                "INSERT INTO citations(page, key, kind, title, url, text, json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (page, key, c["kind"], c["title"], c["url"], c["text"], json.dumps(c, ensure_ascii=False)),
            )

    def _diagnostic(self, page: int | None, box: int | None, d: dict) -> None:
        self.db.execute(
            "INSERT INTO diagnostics(page, infobox, code, severity, message, line, col, field) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (page, box, d["code"], d["severity"], d["message"], d["line"], d["column"], d["field"]),
        )

    def close(self) -> None:
        self.db.close()
