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
        self.rows["pages"].append(
            {**key, "page_id": r.page_id, "title": r.title, "ns": r.ns, "infoboxes": len(r.infoboxes), "error": r.error}
        )
        for d in r.diagnostics:
            self.rows["diagnostics"].append({**key, "infobox": None, **_diag(d)})
        for i, box in enumerate(r.infoboxes):
            self.rows["infoboxes"].append(
                {
                    **key,
                    "infobox": i,
                    "type": box["type"],
                    "template": box["template"].strip(),
                    "title": box["title"],
                    "json": json.dumps(box, ensure_ascii=False),
                }
            )
            for j, f in enumerate(box["fields"]):
                self.rows["fields"].append(
                    {
                        **key,
                        "infobox": i,
                        "field": j,
                        "name": f["name"],
                        "key": f["key"],
                        "label": f["label"],
                        "role": f["role"],
                        "shown": f["shown"],
                        "text": f["text"],
                    }
                )
                for k, c in enumerate(f["claims"]):
                    v = c["value"]
                    self.rows["claims"].append(
                        {
                            **key,
                            "infobox": i,
                            "field": j,
                            "claim": k,
                            "text": c["text"],
                            "value_type": v["type"],
                            "value": json.dumps(v, ensure_ascii=False),
                            "low": _num(v.get("low")),
                            "high": _num(v.get("high")),
                            "date": v.get("iso"),
                            "source_text": c["source"],
                            "qualifier": c["qualifier"],
                            "refs": c["refs"],
                        }
                    )
            for d in box["diagnostics"]:
                self.rows["diagnostics"].append({**key, "infobox": i, **_diag(d)})
        for name, c in r.references.items():
            self.rows["citations"].append(
                {
                    **key,
                    "key": name,
                    "kind": c["kind"],
                    "title": c["title"],
                    "url": c["url"],
                    "text": c["text"],
                    "json": json.dumps(c, ensure_ascii=False),
                }
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


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _diag(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": d["code"],
        "severity": d["severity"],
        "message": d["message"],
        "line": d["line"],
        "col": d["column"],
        "field": d["field"],
    }
