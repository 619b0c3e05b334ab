"""Whole sources → SQLite / JSON Lines, on all cores: ``infobox extract`` as a library call.

Pages are read in order and cut into batches; a pool of worker processes parses the batches
(at most ``2 × workers`` in flight, so memory stays bounded whatever the dump's size) and the
results are written back in order, so the output is the same whatever the number of workers.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .api import parse
from .dumps.reader import DumpError, Page, count_source_bytes, expand, iter_pages
from .schemas import type_of
from .store import WRITERS
from .store.records import PageResult

BATCH = 64


@dataclass(slots=True)
class Summary:
    """What a run did: pages read, skipped, failed; infoboxes by type; diagnostics by code; time."""

    pages: int = 0
    redirects: int = 0
    other_namespaces: int = 0
    failed: int = 0
    resumed: int = 0
    infoboxes: Counter[str] = field(default_factory=Counter)
    diagnostics: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    error: str | None = None


def process_page(page: Page, types: frozenset[str] | None) -> PageResult:
    """One page → its infoboxes (only ``types`` when given) as plain data; a failure is recorded, not raised."""
    result = PageResult(page.source, page.seq, page.title, page.ns, page.page_id)
    try:
        article = parse(page.text, page.title)
    except Exception as exc:
        result.error = f"{type(exc).__name__}: {exc}"
        result.diagnostics.append(
            {"code": "page-failed", "severity": "error", "message": result.error, "line": None, "column": None, "field": None}
        )
        return result
    boxes = [b for b in article.infoboxes if types is None or b.type in types]
    result.infoboxes = [b.to_dict() for b in boxes]
    used = {r for b in result.infoboxes for f in b["fields"] for c in f["claims"] for r in c["refs"]}
    result.references = {k: c.to_dict() for k, c in article.references.items() if k in used}
    result.diagnostics = [d.to_dict() for d in article.diagnostics]
    return result


def process_batch(pages: list[Page], types: frozenset[str] | None) -> list[PageResult]:
    return [process_page(p, types) for p in pages]


def _batches(pages: Iterator[Page], size: int) -> Iterator[list[Page]]:
    """Batches of ``size`` pages; when a source breaks off, the pages read before it still come out."""
    batch: list[Page] = []
    try:
        for page in pages:
            batch.append(page)
            if len(batch) == size:
                yield batch
                batch = []
    except DumpError:
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def extract(
    sources: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    types: Iterable[str] | None = None,
    fmt: str = "sqlite",
    workers: int | None = None,
    resume: bool = False,
    namespaces: Iterable[int] = (0,),
    batch_size: int = BATCH,
    on_progress: Callable[[int, int, int], None] | None = None,
) -> Summary:
    """Extract every infobox of ``sources`` into ``out``. ``on_progress(pages, bytes_read, bytes_total)``.

    Raises :class:`DumpError` for a source that cannot be read at all; a source that breaks off
    midway ends the run with ``Summary.error`` set, everything before that point written.
    """
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(WRITERS)}")
    files = expand(sources)
    total = count_source_bytes(files)
    wanted = frozenset(type_of(t) for t in types) if types else None
    keep_ns = set(namespaces)
    writer = WRITERS[fmt](Path(out), resume=resume)
    done = writer.done() if resume else {}
    summary = Summary()
    progress = [0]
    start = time.perf_counter()

    def wanted_pages() -> Iterator[Page]:
        for page in iter_pages(files, progress):
            if page.seq <= done.get(page.source, 0):
                summary.resumed += 1
                continue
            if page.ns not in keep_ns:
                summary.other_namespaces += 1
            elif page.redirect:
                summary.redirects += 1
            else:
                yield page

    def record(results: list[PageResult]) -> None:
        writer.write(results)
        for r in results:
            summary.pages += 1
            summary.failed += r.error is not None
            summary.infoboxes.update(b["type"] for b in r.infoboxes)
            summary.diagnostics.update(d["code"] for b in r.infoboxes for d in b["diagnostics"])
            summary.diagnostics.update(d["code"] for d in r.diagnostics)
        if on_progress:
            on_progress(summary.pages, progress[0], total)

    n = workers if workers is not None else (os.cpu_count() or 1)
    pending: deque[Future[list[PageResult]]] = deque()
    try:
        if n <= 1:
            for batch in _batches(wanted_pages(), batch_size):
                record(process_batch(batch, wanted))
        else:
            with ProcessPoolExecutor(max_workers=n) as pool:
                for batch in _batches(wanted_pages(), batch_size):
                    pending.append(pool.submit(process_batch, batch, wanted))
                    while len(pending) >= 2 * n:
                        record(pending.popleft().result())
                while pending:
                    record(pending.popleft().result())
    except DumpError as exc:
        while pending:  # the pool has finished them: write them before reporting
            record(pending.popleft().result())
        summary.error = str(exc)
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - start
    return summary
