"""Parquet output (pyarrow): a folder with the SQLite tables as partitioned files.

``OUT/<table>/part-NNNNN.parquet`` for pages, infoboxes, fields, claims, citations and
diagnostics, keyed by (source, seq[, infobox, field, claim]) instead of row ids. Results are
buffered and written a part at a time; a part is complete before it is renamed into place, and
``OUT/_progress.json`` (replaced atomically after each part) records how far each source got,
so ``--resume`` continues exactly, dropping any part a crash left unrecorded.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from .records import PageResult

TABLES = ("pages", "infoboxes", "fields", "claims", "citations", "diagnostics")
FLUSH_PAGES = 2048


class ParquetWriter:
    def __init__(self, path: Path, *, resume: bool = False, flush_pages: int | None = None) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ValueError("Parquet output needs pyarrow: pip install 'infobox[parquet]'") from None
        self.path = path
        self.flush_pages = flush_pages or FLUSH_PAGES
        self.state: dict[str, Any] = {"done": {}, "parts": 0}
        if resume and (path / "_progress.json").exists():
            self.state = json.loads((path / "_progress.json").read_text("utf-8"))
            for table in TABLES:  # parts written after the last recorded one are incomplete work
                for part in (path / table).glob("part-*.parquet"):
                    if int(part.stem.split("-")[1]) >= self.state["parts"]:
                        part.unlink()
        elif path.exists():
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        path.mkdir(parents=True, exist_ok=True)
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.buffered: dict[str, int] = {}
        self.pending_pages = 0

    def done(self) -> dict[str, int]:
        return dict(self.state["done"])

    def write(self, results: list[PageResult]) -> None:
        for r in results:
            self._rows(r)
            self.buffered[r.source] = max(self.buffered.get(r.source, 0), r.seq)
        self.pending_pages += len(results)
        if self.pending_pages >= self.flush_pages:
            self.flush()

    def _rows(self, r: PageResult) -> None:
        key = {"source": r.source, "seq": r.seq}
        rows = self.rows
        rows["pages"].append(
            {**key, "page_id": r.page_id, "title": r.title, "ns": r.ns, "infoboxes": len(r.infoboxes), "error": r.error}
        )
        rows["infoboxes"].extend(
            {**key, "infobox": i, "type": kind, "template": template, "title": title, "json": js}
            for i, kind, template, title, js in r.infoboxes
        )
        rows["fields"].extend(
            {**key, "infobox": i, "field": j, "name": name, "key": k, "label": label, "role": role, "shown": shown, "text": text}
            for i, j, name, k, label, role, shown, text in r.fields
        )
        rows["claims"].extend(
            {
                **key,
                "infobox": c[1],
                "field": c[2],
                "claim": c[3],
                "text": c[4],
                "value_type": c[5],
                "value": c[6],
                "low": c[7],
                "high": c[8],
                "date": c[9],
                "source_text": c[10],
                "qualifier": c[11],
                "refs": c[12],
            }
            for c in r.claims
        )
        rows["diagnostics"].extend(
            {**key, "infobox": d[0], "code": d[1], "severity": d[2], "message": d[3], "line": d[4], "col": d[5], "field": d[6]}
            for d in r.diagnostics
        )
        rows["citations"].extend(
            {**key, "key": name, "kind": kind, "title": title, "url": url, "text": text, "json": js}
            for name, kind, title, url, text, js in r.citations
        )

    def flush(self) -> None:
        if not self.pending_pages:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        part = self.state["parts"]
        for table, rows in self.rows.items():
            if not rows:
                continue
            folder = self.path / table
            folder.mkdir(exist_ok=True)
            tmp = folder / f".part-{part:05d}.tmp"
            pq.write_table(pa.Table.from_pylist(rows), tmp)
            os.replace(tmp, folder / f"part-{part:05d}.parquet")
        for source, seq in self.buffered.items():
            self.state["done"][source] = max(self.state["done"].get(source, 0), seq)
        self.state["parts"] = part + 1
        tmp = self.path / "_progress.json.tmp"
        tmp.write_text(json.dumps(self.state), "utf-8")
        os.replace(tmp, self.path / "_progress.json")
        self.rows = {t: [] for t in TABLES}
        self.buffered = {}
        self.pending_pages = 0

    def close(self) -> None:
        self.flush()
