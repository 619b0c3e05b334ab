"""Parsing throughput on real pages, side by side with its baselines, in one run on one core.

    python benchmarks/bench_parse.py [--corpus ../shared/corpus/articles] [--repeat 5]

Measures, over every page of the corpus (best of ``--repeat`` interleaved rounds):
  * bz2 decompression of the same text (compressed with ``bz2 -9``, as Wikipedia dumps are);
  * mwparserfromhell parsing each whole article (what a naive extractor does);
  * ``infobox.parse`` to the full typed model (fields, claims, citations, diagnostics);
  * the same plus the JSON form (what ``infobox parse`` prints).
Each page's result is dropped before the next page (as ``infobox extract`` and the CLI do);
keeping all 513 articles alive costs about 15 % more in allocation and garbage collection.
Prints a Markdown table (MB are MB of UTF-8 wikitext) and the ratios the README quotes.
"""

from __future__ import annotations

import argparse
import bz2
import gc
import platform
import time
from collections.abc import Callable
from pathlib import Path

import mwparserfromhell

import infobox


def interleaved(repeat: int, jobs: dict[str, Callable[[], object]], once: frozenset[str] = frozenset()) -> dict[str, float]:
    """Best time of each job, the jobs taking turns so that a busy spell of the machine hits all alike."""
    best: dict[str, float] = {}
    for round_ in range(repeat):
        for name, fn in jobs.items():
            if round_ and name in once:
                continue
            gc.collect()
            start = time.perf_counter()
            fn()
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)
    return best


def corpus_args(doc: str | None) -> tuple[argparse.Namespace, list[str]]:
    """``--corpus DIR --repeat N`` and the pages of the corpus."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus} (give --corpus DIR)")
    return args, [p.read_text("utf-8") for p in sorted(args.corpus.glob("*.wiki"))]


def main() -> None:
    args, texts = corpus_args(__doc__)
    raw = "".join(texts).encode("utf-8")
    mb = len(raw) / 1e6
    packed = bz2.compress(raw, 9)
    boxes = sum(len(infobox.parse(t).infoboxes) for t in texts)

    def each(fn: Callable[[str], object]) -> Callable[[], None]:
        """Every page through ``fn``, each result dropped before the next, as a streaming consumer does."""

        def run() -> None:
            for t in texts:
                fn(t)

        return run

    jobs = {
        "bz2 decompression (baseline)": lambda: bz2.decompress(packed),
        "mwparserfromhell, whole article": each(mwparserfromhell.parse),
        "infobox.parse → typed model": each(infobox.parse),
        "infobox.parse → JSON": each(lambda t: infobox.parse(t).to_json()),
    }
    # mwparserfromhell takes about a minute a round: it runs once
    rows = list(interleaved(args.repeat, jobs, once=frozenset({"mwparserfromhell, whole article"})).items())
    bz, mwp = rows[0][1], rows[1][1]
    print(f"{len(texts)} pages, {mb:.1f} MB of wikitext, {boxes} infoboxes; Python {platform.python_version()}, one core\n")
    print("| what | MB/s | pages/s | vs bz2 | vs mwparserfromhell |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, seconds in rows:
        print(f"| {name} | {mb / seconds:.1f} | {len(texts) / seconds:,.0f} | {bz / seconds:.2f}× | {mwp / seconds:.1f}× |")


if __name__ == "__main__":
    main()
