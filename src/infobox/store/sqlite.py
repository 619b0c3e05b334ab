"""SQLite output: one file, tables for pages, infoboxes, fields, claims, citations and diagnostics.

Each batch is written in one transaction together with the position it reached in its source,
so an interrupted run leaves a consistent prefix that ``--resume`` continues exactly.
"""

from __future__ import annotations

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
        self.ids = {
            t: self.db.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] for t in ("pages", "infoboxes", "fields")
        }

    def done(self) -> dict[str, int]:
        """How far each source was written: source → last seq committed."""
        return dict(self.db.execute("SELECT source, seq FROM progress"))

    def write(self, results: list[PageResult]) -> None:
        """Insert a batch (ids assigned here, rows inserted table by table) and its progress, in one transaction."""
        rows: dict[str, list[tuple]] = {t: [] for t in _INSERTS}
        last: dict[str, int] = {}
        for r in results:
            self._rows(r, rows)
            last[r.source] = max(last.get(r.source, 0), r.seq)
        with self.db:
            for table, sql in _INSERTS.items():
                if rows[table]:
                    self.db.executemany(sql, rows[table])
            self.db.executemany(
                "INSERT INTO progress(source, seq) VALUES (?, ?) ON CONFLICT(source) DO UPDATE SET seq = MAX(seq, excluded.seq)",
                last.items(),
            )

    def _rows(self, r: PageResult, rows: dict[str, list[tuple]]) -> None:
        """Number the page's rows: ids continue from the last ones written."""
        ids = self.ids
        page = ids["pages"] = ids["pages"] + 1
        box0, field0 = ids["infoboxes"] + 1, ids["fields"] + 1
        ids["infoboxes"] += len(r.infoboxes)
        ids["fields"] += len(r.fields)
        rows["pages"].append((page, r.source, r.seq, r.page_id, r.title, r.ns, len(r.infoboxes), r.error))
        rows["infoboxes"].extend((box0 + i, page, i, kind, template, title, js) for i, kind, template, title, js in r.infoboxes)
        rows["fields"].extend((field0 + n, box0 + f[0], *f[1:]) for n, f in enumerate(r.fields))
        rows["fts"].extend((field0 + n, f[7], f[4]) for n, f in enumerate(r.fields))
        rows["claims"].extend((field0 + c[0], *c[3:12], c[13]) for c in r.claims)
        rows["citations"].extend((page, *c) for c in r.citations)
        rows["diagnostics"].extend((page, None if d[0] is None else box0 + d[0], *d[1:]) for d in r.diagnostics)

    def close(self) -> None:
        self.db.close()


_INSERTS = {
    "pages": "INSERT INTO pages(id, source, seq, page_id, title, ns, infoboxes, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "infoboxes": "INSERT INTO infoboxes(id, page, idx, type, template, title, json) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "fields": "INSERT INTO fields(id, infobox, idx, name, key, label, role, shown, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "fts": "INSERT INTO fields_fts(rowid, text, label) VALUES (?, ?, ?)",
    "claims": "INSERT INTO claims(field, idx, text, value_type, value, low, high, date, source, qualifier, refs)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "citations": "INSERT INTO citations(page, key, kind, title, url, text, json) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "diagnostics": "INSERT INTO diagnostics(page, infobox, code, severity, message, line, col, field) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
}
