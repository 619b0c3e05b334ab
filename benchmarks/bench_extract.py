"""Whole-dump extraction against decompression alone, in one run.

    python benchmarks/bench_extract.py [--size-mb 320] [--corpus ../shared/corpus/articles]

Builds (once, in benchmarks/out/) a multistream dump of at least ``--size-mb`` MB of wikitext
by tiling the corpus articles, with its index, then measures:
  (a) bz2 decompression alone, one process and all cores (streams in a process pool);
  (b) ``infobox extract`` end to end into SQLite with 1 worker and with all cores;
  (c) peak memory (max RSS) of a worker, on a quarter of the dump and on the whole dump;
  (d) where one worker's time goes, stage by stage, on the first streams of the dump.
Target (issue 4): all-cores extraction ≥ 0.8× all-cores decompression; worker memory flat.
"""

from __future__ import annotations

import argparse
import bz2
import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from infobox.dumps.multistream import Stream, index_for, streams, write_multistream

OUT = Path(__file__).resolve().parent / "out"
ENWIKI_GB = 100.0  # uncompressed wikitext of a 2026 English Wikipedia pages-articles dump, about


def build(corpus: Path, size_mb: int, name: str) -> Path:
    path = OUT / f"{name}-multistream.xml.bz2"
    if path.exists() and index_for(path):
        return path
    OUT.mkdir(exist_ok=True)
    texts = [(p.stem, p.read_text("utf-8")) for p in sorted(corpus.glob("*.wiki"))]
    total = sum(len(t.encode()) for _, t in texts)
    copies = max(1, -(-size_mb * 1_000_000 // total))

    def pages():
        for c in range(copies):
            for title, text in texts:
                yield f"{title} ({c})", text

    print(f"building {path.name}: {copies} × {total / 1e6:.1f} MB …", file=sys.stderr)
    write_multistream(pages(), path)
    return path


def decompress(stream: Stream) -> int:
    with open(stream.path, "rb") as f:
        f.seek(stream.start)
        return len(bz2.decompress(f.read(stream.end - stream.start)))


def decompress_all(path: Path, workers: int) -> tuple[float, int]:
    units = streams(path, index_for(path))
    start = time.perf_counter()
    if workers == 1:
        size = sum(decompress(u) for u in units)
    else:
        with ProcessPoolExecutor(workers) as pool:
            size = sum(pool.map(decompress, units, chunksize=8))
    return time.perf_counter() - start, size


def extract_run(path: Path, workers: int) -> tuple[float, int, float]:
    """(seconds, pages, peak worker RSS in MB) of one `infobox extract` run in a fresh process."""
    out = OUT / f"bench-{workers}.db"
    code = (
        "import resource, sys, time\n"
        "from infobox.extract import extract\n"
        "t = time.perf_counter()\n"
        f"s = extract([{str(path)!r}], {str(out)!r}, workers={workers})\n"
        "d = time.perf_counter() - t\n"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(d, s.pages, kids if kids else me)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, pages, rss = done.stdout.split()
    return float(seconds), int(pages), float(rss)


def stages(path: Path, count: int = 40) -> tuple[dict[str, float], int]:
    """Seconds per stage of one process on the first ``count`` streams (a worker's work, then the writer's), and the XML bytes."""
    from infobox.api import parse
    from infobox.dumps.multistream import decompress_stream, pages_of
    from infobox.store.records import PageResult, page_result
    from infobox.store.sqlite import SqliteWriter

    units = streams(path, index_for(path))[:count]
    took = dict.fromkeys(("bz2 decompression", "XML → pages", "interpretation", "rows and JSON", "SQLite writer"), 0.0)
    out = OUT / "stages.db"
    writer = SqliteWriter(out)
    size = 0
    for unit in units:
        t0 = time.perf_counter()
        xml = decompress_stream(unit)
        t1 = time.perf_counter()
        size += len(xml)
        pages = list(pages_of(unit, xml))
        t2 = time.perf_counter()
        articles = [(p, parse(p.text, p.title)) for p in pages if not p.redirect]
        t3 = time.perf_counter()
        results = [page_result(PageResult(p.source, p.seq, p.title, p.ns, p.page_id), a) for p, a in articles]
        t4 = time.perf_counter()
        writer.write(results)
        t5 = time.perf_counter()
        for name, a, b in zip(took, (t0, t1, t2, t3, t4), (t1, t2, t3, t4, t5), strict=True):
            took[name] += b - a
    writer.close()
    out.unlink()
    return took, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles")
    ap.add_argument("--size-mb", type=int, default=320)
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    big = build(args.corpus, args.size_mb, f"tiled{args.size_mb}")
    small = build(args.corpus, args.size_mb // 4, f"tiled{args.size_mb // 4}")

    d1, size = decompress_all(big, 1)
    dn, _ = decompress_all(big, cores)
    e1, pages, _ = extract_run(big, 1)
    en, _, rss_big = extract_run(big, cores)
    _, _, rss_small = extract_run(small, cores)
    mb = size / 1e6
    print(f"dump: {mb:.0f} MB of XML ({big.stat().st_size / 1e6:.0f} MB bz2), {pages:,} articles; {cores} cores\n")
    print("| what | seconds | MB/s | pages/s | vs decompression, same cores |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(f"| bz2 decompression alone, 1 process | {d1:.1f} | {mb / d1:.1f} | | |")
    print(f"| bz2 decompression alone, {cores} processes | {dn:.1f} | {mb / dn:.1f} | | |")
    print(f"| infobox extract → SQLite, 1 worker | {e1:.1f} | {mb / e1:.1f} | {pages / e1:,.0f} | {d1 / e1:.2f}× |")
    print(f"| infobox extract → SQLite, {cores} workers | {en:.1f} | {mb / en:.1f} | {pages / en:,.0f} | {dn / en:.2f}× |")
    print(
        f"\npeak worker memory (max RSS): {rss_small:.0f} MB on a {args.size_mb // 4} MB dump, {rss_big:.0f} MB on a {args.size_mb} MB dump"
    )
    took, xml_bytes = stages(big)
    whole = sum(took.values())
    print("\nwhere the time goes (one process, the first 40 streams):\n")
    print("| stage | share of the time | vs bz2 decompression |")
    print("| --- | ---: | ---: |")
    for name, seconds in took.items():
        print(f"| {name} | {seconds / whole:.0%} | {seconds / took['bz2 decompression']:.2f}× |")
    d = took["bz2 decompression"]
    rest = whole - d - took["interpretation"] - took["rows and JSON"]
    print(f"\nceiling with interpretation and JSON free, all cores busy: {d / (d + rest):.2f}× decompression alone")
    per_core = mb / e1
    scaling = (e1 / en) / cores
    writer_mb_s = xml_bytes / 1e6 / took["SQLite writer"]
    hours = ENWIKI_GB * 1000 / min(per_core * 16 * scaling, writer_mb_s) / 3600
    print(
        f"projection: English Wikipedia (~{ENWIKI_GB:.0f} GB of XML) on 16 cores at {per_core:.1f} MB/s per core, "
        f"the {scaling:.0%} scaling measured here and a single SQLite writer at {writer_mb_s:.0f} MB/s: about {hours:.1f} h"
    )
    print(f"(resource limits: ru_maxrss of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
