"""Rendering throughput on real pages, side by side with parsing the same pages, in one run on one core.

    python benchmarks/bench_render.py [--corpus ../shared/corpus/articles] [--repeat 5]

Target (issue 3): rendering must not cost more than parsing does.
"""

from __future__ import annotations

from datetime import date

import infobox
from bench_parse import corpus_args, interleaved
from infobox.render import render_html, render_markdown, render_text


def main() -> None:
    args, texts = corpus_args(__doc__)
    articles = [infobox.parse(t) for t in texts]
    boxes = sum(len(a.infoboxes) for a in articles)
    day = date(2026, 11, 25)
    jobs = {
        "parse (baseline)": lambda: [infobox.parse(t) for t in texts],
        "render HTML": lambda: [render_html(a, as_of=day) for a in articles],
        "render HTML, standalone page": lambda: [render_html(a, as_of=day, standalone=True) for a in articles],
        "render Markdown": lambda: [render_markdown(a, as_of=day) for a in articles],
        "render terminal text": lambda: [render_text(a, as_of=day) for a in articles],
    }
    best = interleaved(args.repeat, jobs)
    base = best["parse (baseline)"]
    print(f"{len(texts)} pages, {boxes} infoboxes; one core, best of {args.repeat} interleaved rounds\n")
    print("| what | infoboxes/s | time vs parsing |")
    print("| --- | ---: | ---: |")
    for name, seconds in best.items():
        print(f"| {name} | {boxes / seconds:,.0f} | {seconds / base:.2f}× |")


if __name__ == "__main__":
    main()
