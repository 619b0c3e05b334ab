"""JSON Lines output: one infobox per line, with its page and the citations it uses.

Batches are appended and flushed whole; a line cut by a crash is dropped on ``--resume`` and the
position reached is read back from the last complete line of each source (pages after it that
had no infobox are read again and give nothing, so the output equals an uninterrupted run's).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .records import PageResult


class JsonlWriter:
    def __init__(self, path: Path, *, resume: bool = False) -> None:
        self.path = path
        self._done: dict[str, int] = {}
        if resume and path.exists():
            self._recover()
        elif path.exists():
            path.unlink()
        self.file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def _recover(self) -> None:
        data = self.path.read_bytes()
        keep = data.rfind(b"\n") + 1
        if keep < len(data):
            with open(self.path, "r+b") as f:
                f.truncate(keep)
        for line in data[:keep].decode("utf-8").splitlines():
            row = json.loads(line)
            self._done[row["source"]] = max(self._done.get(row["source"], 0), row["seq"])

    def done(self) -> dict[str, int]:
        return dict(self._done)

    def write(self, results: list[PageResult]) -> None:
        lines = []
        for r in results:
            citations = {c[0]: c[5] for c in r.citations}
            for (i, _, _, _, box), cites in zip(r.infoboxes, r.cites, strict=True):
                page = {"source": r.source, "seq": r.seq, "title": r.title, "ns": r.ns, "page_id": r.page_id, "index": i}
                used = set(cites)
                refs = ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {js}" for k, js in citations.items() if k in used)
                # the infobox and citation JSON come encoded from the worker: spliced in, not re-encoded
                lines.append(f'{json.dumps(page, ensure_ascii=False)[:-1]}, "infobox": {box}, "references": {{{refs}}}}}')
        if lines:
            self.file.write("\n".join(lines) + "\n")
            self.file.flush()
            os.fsync(self.file.fileno())

    def close(self) -> None:
        self.file.close()
