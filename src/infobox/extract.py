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
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import parse
from .dumps.multistream import Stream, index_for, read_stream, streams
from .dumps.reader import DumpError, Page, count_source_bytes, expand, iter_pages
from .schemas import type_of
from .store import WRITERS
from .store.records import PageResult, failed, page_result

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
    """One page → the rows of its infoboxes (only ``types`` when given); a failure is recorded, not raised."""

    def fresh() -> PageResult:
        return PageResult(page.source, page.seq, page.title, page.ns, page.page_id)

    try:
        return page_result(fresh(), parse(page.text, page.title), types)
    except Exception as exc:
        return failed(fresh(), f"{type(exc).__name__}: {exc}")


@dataclass(slots=True)
class UnitResult:
    """A unit of work done: page results in order, and what was skipped on the way."""

    results: list[PageResult]
    redirects: int = 0
    other_namespaces: int = 0
    resumed: int = 0
    bytes_done: int = 0


def process_unit(unit: list[Page] | Stream, types: frozenset[str] | None, namespaces: frozenset[int], done: int) -> UnitResult:
    """Run in a worker: a batch of pages already read, or a multistream byte range to decompress and read."""
    if isinstance(unit, list):
        return UnitResult([process_page(p, types) for p in unit])
    out = UnitResult([], bytes_done=unit.end)
    for page in read_stream(unit):
        if page.seq <= done:
            out.resumed += 1
        elif page.ns not in namespaces:
            out.other_namespaces += 1
        elif page.redirect:
            out.redirects += 1
        else:
            out.results.append(process_page(page, types))
    return out


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
    engine: str = "local",
    scheduler: str | None = None,
) -> Summary:
    """Extract every infobox of ``sources`` into ``out``. ``on_progress(pages, bytes_read, bytes_total)``.

    Raises :class:`DumpError` for a source that cannot be read at all; a source that breaks off
    midway ends the run with ``Summary.error`` set, everything before that point written.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}; choose local or dask")
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

    def wanted_pages(files: list[Path]) -> Iterator[Page]:
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

    def units() -> Iterator[tuple[list[Page] | Stream, int]]:
        """Multistream dumps by stream (read in the workers); everything else by batches of pages read here."""
        offset = 0
        for path in files:
            index = index_for(path)
            if index is not None:
                for stream in streams(path, index):
                    if stream.first_seq + stream.pages - 1 <= done.get(stream.path, 0):
                        summary.resumed += stream.pages
                    else:
                        yield stream, offset
                offset += path.stat().st_size
                continue
            for batch in _batches(wanted_pages([path]), batch_size):
                yield batch, 0
            offset += path.stat().st_size

    def record(unit: UnitResult, offset: int) -> None:
        writer.write(unit.results)
        summary.redirects += unit.redirects
        summary.other_namespaces += unit.other_namespaces
        summary.resumed += unit.resumed
        if unit.bytes_done:
            progress[0] = offset + unit.bytes_done
        for r in unit.results:
            summary.pages += 1
            summary.failed += r.error is not None
            summary.infoboxes.update(r.types)
            summary.diagnostics.update(d[1] for d in r.diagnostics)
        if on_progress:
            on_progress(summary.pages, progress[0], total)

    n = workers if workers is not None else (os.cpu_count() or 1)
    ns = frozenset(keep_ns)
    pending: deque[tuple[Future, int]] = deque()
    try:
        if n <= 1 and engine == "local":
            for unit, offset in units():
                record(process_unit(unit, wanted, ns, _done_for(unit, done)), offset)
        else:
            with _executor(engine, n, scheduler) as pool:
                for unit, offset in units():
                    pending.append((pool.submit(process_unit, unit, wanted, ns, _done_for(unit, done)), offset))
                    while len(pending) >= 2 * n:
                        future, at = pending.popleft()
                        record(future.result(), at)
                while pending:
                    future, at = pending.popleft()
                    record(future.result(), at)
    except DumpError as exc:
        while pending:  # finished by the pool: write them before reporting
            future, at = pending.popleft()
            try:
                record(future.result(), at)
            except DumpError:
                break
        summary.error = str(exc)
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - start
    return summary


def _done_for(unit: list[Page] | Stream, done: dict[str, int]) -> int:
    return done.get(unit.path, 0) if isinstance(unit, Stream) else 0


@contextmanager
def _executor(engine: str, workers: int, scheduler: str | None) -> Iterator[Any]:
    """A process pool, or a dask.distributed client (on ``scheduler``, or a LocalCluster of ``workers``)."""
    if engine == "local":
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield pool
        return
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ValueError("the dask engine needs dask.distributed: pip install 'infobox[dask]'") from None
    if scheduler:
        with Client(scheduler) as client:
            yield client
    else:
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            yield client
