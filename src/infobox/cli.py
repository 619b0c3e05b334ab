"""The ``infobox`` command line: a thin layer over the library.

Exit codes: 0 ok, 1 no infobox found, 2 bad input (missing file, not UTF-8, bad option).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .api import decode, parse, parse_file
from .errors import InputError
from .model import Article
from .schemas import type_of

EXIT_OK, EXIT_NO_INFOBOX, EXIT_BAD_INPUT = 0, 1, 2

app = typer.Typer(
    name="infobox",
    help="Wikipedia infoboxes as typed, source-attributed data.\n\nExit codes: 0 ok, 1 no infobox found, 2 bad input.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    typer.echo(f"infobox: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"infobox {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    pass


def load(source: str, title: str | None, types: list[str] | None = None) -> Article:
    """Parse ``source`` (a file path or ``-`` for standard input), keeping only ``types``; bad input exits 2."""
    try:
        if source == "-":
            article = parse(decode(sys.stdin.buffer.read(), "standard input"), title)
        else:
            article = parse_file(Path(source), title)
    except InputError as exc:
        raise _fail(str(exc)) from None
    if types:
        wanted = {type_of(t) for t in types}
        article.infoboxes = [b for b in article.infoboxes if b.type in wanted]
    return article


@app.command("parse")
def parse_command(
    source: Annotated[
        str, typer.Argument(help="A wikitext file (an article or a bare infobox), or - for standard input.", metavar="FILE|-")
    ],
    pretty: Annotated[bool, typer.Option("--pretty", "-p", help="Indent the JSON.")] = False,
    types: Annotated[
        list[str] | None,
        typer.Option("--type", "-t", help="Keep only infoboxes of this type (e.g. 'civilian attack'); repeatable."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Page title (default: from the file name).")] = None,
) -> None:
    """Print the typed JSON of every infobox in FILE (schema: `infobox schema`).

    Example: infobox parse examples/Khojaly_massacre.infobox.wiki --pretty
    """
    article = load(source, title, types)
    typer.echo(article.to_json(indent=2 if pretty else None))
    if not article.infoboxes:
        what = f" of type {', '.join(repr(t) for t in types)}" if types else ""
        raise _fail(f"{source}: no infobox{what} found", EXIT_NO_INFOBOX)


class Format(StrEnum):
    html = "html"
    md = "md"
    text = "text"


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@app.command("render")
def render_command(
    source: Annotated[str, typer.Argument(help="A wikitext file, or - for standard input.", metavar="FILE|-")],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="html (Wikipedia's markup), md (Markdown) or text (terminal).")
    ] = Format.html,
    standalone: Annotated[
        bool, typer.Option("--standalone", help="HTML: a whole page with the CSS inlined (default: a fragment to embed).")
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Compute ages ('34 years ago') as on this day, YYYY-MM-DD (default: today).", callback=_as_of
        ),
    ] = None,
    types: Annotated[list[str] | None, typer.Option("--type", "-t", help="Keep only infoboxes of this type; repeatable.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Page title (default: from the file name).")] = None,
) -> None:
    """Show the infoboxes of FILE as Wikipedia does: HTML, Markdown or terminal text.

    Example: infobox render examples/Khojaly_massacre.infobox.wiki --standalone > khojaly.html
    """
    from .render import render_html, render_markdown, render_text

    article = load(source, title, types)
    if not article.infoboxes:
        raise _fail(f"{source}: no infobox found", EXIT_NO_INFOBOX)
    day = as_of  # already a date (the callback converts it)
    if fmt is Format.html:
        typer.echo(render_html(article, as_of=day, standalone=standalone))
    elif fmt is Format.md:
        typer.echo(render_markdown(article, as_of=day), nl=False)
    else:
        typer.echo(render_text(article, as_of=day, color=sys.stdout.isatty()), nl=False)


class OutFormat(StrEnum):
    sqlite = "sqlite"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command("extract")
def extract_command(
    sources: Annotated[
        list[Path], typer.Argument(help="XML dumps (.xml, .xml.bz2, .xml.gz, .xml.xz), .wiki files, or folders of them.")
    ],
    out: Annotated[Path, typer.Option("--output", "-o", help="Output file (SQLite database or .jsonl).")],
    types: Annotated[list[str] | None, typer.Option("--type", "-t", help="Keep only infoboxes of this type; repeatable.")] = None,
    fmt: Annotated[
        OutFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="sqlite, parquet (a folder of tables) or jsonl; guessed from the output name (.db → sqlite, .jsonl, a folder → parquet).",
        ),
    ] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Worker processes (default: all cores).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run into the same output.")] = False,
    namespaces: Annotated[
        list[int] | None, typer.Option("--namespace", "-n", help="Namespaces to read (default: 0, articles).")
    ] = None,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show a progress bar (default: on a terminal).")
    ] = True,
    engine: Annotated[
        str, typer.Option("--engine", help="local (a process pool) or dask (a dask.distributed cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster).")
    ] = None,
) -> None:
    """Extract every infobox of whole dumps into SQLite, Parquet or JSON Lines, on all cores.

    Example: infobox extract enwiki-pages-articles.xml.bz2 -o infoboxes.db --type "civilian attack"
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    from .dumps import DumpError
    from .extract import extract

    suffix = out.suffix.lower()
    chosen = (
        fmt.value
        if fmt
        else "jsonl"
        if suffix in (".jsonl", ".ndjson")
        else "parquet"
        if suffix in ("", ".parquet")
        else "sqlite"
    )
    err = Console(stderr=True, soft_wrap=True)
    show = progress and err.is_terminal
    bar = Progress(
        TextColumn("{task.fields[pages]:>9,} pages  {task.fields[rate]:>6,.0f} pages/s"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not show,
    )
    task = bar.add_task("extract", total=None, pages=0, rate=0.0)
    started = time.perf_counter()

    def on_progress(pages: int, done: int, total: int) -> None:
        rate = pages / max(time.perf_counter() - started, 1e-9)
        bar.update(task, completed=done, total=total, pages=pages, rate=rate)

    try:
        with bar:
            summary = extract(
                sources,
                out,
                types=types,
                fmt=chosen,
                workers=workers,
                resume=resume,
                namespaces=namespaces or (0,),
                on_progress=on_progress,
                engine=engine,
                scheduler=scheduler,
            )
    except (DumpError, ValueError) as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{out}: {exc.strerror or exc}") from None
    rate = summary.pages / summary.seconds if summary.seconds else 0
    err.print(
        f"{summary.pages:,} pages in {summary.seconds:.1f} s ({rate:,.0f} pages/s); skipped {summary.redirects:,} redirects, "
        f"{summary.other_namespaces:,} pages of other namespaces"
        + (f", {summary.resumed:,} already done" if summary.resumed else "")
        + (f"; {summary.failed:,} pages failed (see diagnostics)" if summary.failed else "")
    )
    err.print(
        f"{sum(summary.infoboxes.values()):,} infoboxes: "
        + ", ".join(f"{t} {n:,}" for t, n in summary.infoboxes.most_common(10))
        + (" …" if len(summary.infoboxes) > 10 else "")
    )
    if summary.diagnostics:
        err.print("diagnostics: " + ", ".join(f"{c} {n:,}" for c, n in summary.diagnostics.most_common()))
    err.print(f"written to {out} ({chosen})")
    if summary.error:
        raise _fail(f"{summary.error}; everything before it was written (run again with --resume after fixing the source)")


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the JSON that `infobox parse` writes."""
    from importlib import resources

    typer.echo(resources.files("infobox").joinpath("jsonschema/article.schema.json").read_text("utf-8"), nl=False)


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":
    main()
