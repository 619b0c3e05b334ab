"""Stream pages out of sources with bounded memory: lxml ``iterparse`` over (decompressed) XML dumps.

Every export schema version works (0.3–0.11: elements are matched by local name). A dump that
ends early or is corrupt raises :class:`DumpError` naming the file and how many pages were read;
the pages before that point have already been yielded.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote

from lxml import etree

from ..errors import InfoboxError

XML_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz", ".xml.xz", ".xml.lzma", ".bz2", ".gz", ".xz", ".lzma")
WIKI_SUFFIXES = (".wiki", ".wikitext", ".txt")
_REDIRECT = ("#redirect", "#weiterleitung", "#redirection")


class DumpError(InfoboxError):
    """A source that cannot be read to its end (truncated, corrupt, unsupported); the message says where."""


@dataclass(slots=True)
class Page:
    """One page: where it came from (``source``, ``seq``: its position there) and its latest text."""

    source: str
    seq: int
    title: str
    text: str
    ns: int = 0
    page_id: int | None = None
    redirect: bool = False


class _Counting:
    """A raw file that remembers how many (compressed) bytes were read, for progress bars."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.read_bytes = 0

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        self.read_bytes += len(data)
        return data

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        n = self.raw.readinto(b)
        self.read_bytes += n or 0
        return n

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.raw.close()


def _open(path: Path) -> tuple[BinaryIO, _Counting]:
    name = path.name.lower()
    if name.endswith(".7z"):
        raise DumpError(f"{path}: 7z archives are not supported; decompress it first (7z x) or use the .bz2 dump")
    counting = _Counting(open(path, "rb"))  # noqa: SIM115 - closed by the caller
    if name.endswith(".bz2"):
        return bz2.BZ2File(counting), counting  # type: ignore[arg-type]
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=counting), counting  # type: ignore[arg-type]
    if name.endswith((".xz", ".lzma")):
        return lzma.LZMAFile(counting), counting  # type: ignore[arg-type]
    return counting, counting  # type: ignore[return-value]


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def page_from_element(elem: etree._Element, source: str, seq: int) -> Page:
    """A ``<page>`` element (any export schema version) → Page, with its last revision's text."""
    title, ns, page_id, text, redirect, has_ns = "", 0, None, "", False, False
    for child in elem:
        name = _local(child.tag)
        if name == "title":
            title = child.text or ""
        elif name == "ns":
            ns, has_ns = int(child.text or 0), True
        elif name == "id":
            page_id = int(child.text) if (child.text or "").isdigit() else None
        elif name == "redirect":
            redirect = True
        elif name == "revision":  # the last revision in the file wins
            node = next((c for c in child if _local(c.tag) == "text"), None)
            text = (node.text or "") if node is not None else ""
    if not has_ns and ":" in title and title.split(":", 1)[0] in ("Talk", "User", "Template", "Category", "File", "Wikipedia"):
        ns = -1  # exports without <ns> (schema 0.3): the prefix tells
    redirect = redirect or text.lstrip()[:12].lower().startswith(_REDIRECT)
    return Page(source, seq, title, text, ns, page_id, redirect)


def iter_dump(path: Path, progress: list[int] | None = None) -> Iterator[Page]:
    """Pages of one XML dump, latest revision each; ``progress[0]`` follows the compressed bytes read."""
    stream, counting = _open(path)
    seq = 0
    try:
        for _, elem in etree.iterparse(stream, events=("end",), tag="{*}page", huge_tree=True, remove_blank_text=False):
            seq += 1
            yield page_from_element(elem, str(path), seq)
            elem.clear()
            while elem.getprevious() is not None:
                del elem.getparent()[0]
            if progress is not None:
                progress[0] = counting.read_bytes
    except etree.XMLSyntaxError as exc:
        raise DumpError(f"{path}: the XML breaks off or is malformed after page {seq} ({exc.msg}, line {exc.lineno})") from None
    except (EOFError, OSError, lzma.LZMAError, zlib.error) as exc:
        raise DumpError(f"{path}: the compressed data is truncated or corrupt after page {seq} ({exc})") from None
    finally:
        stream.close()
        counting.close()


def _wiki_page(path: Path, seq: int) -> Page:
    from ..api import read_text

    title = unquote(path.name.split(".", 1)[0]).replace("_", " ")
    return Page(str(path), seq, title, read_text(path))


def expand(sources: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files to read, in a stable order: files as given, folders walked (sorted) for wiki and dump files."""
    files: list[Path] = []
    for source in sources:
        p = Path(source)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(WIKI_SUFFIXES + XML_SUFFIXES)))
        elif p.exists():
            files.append(p)
        else:
            raise DumpError(f"{p}: no such file or folder")
    return files


def iter_pages(files: list[Path], progress: list[int] | None = None) -> Iterator[Page]:
    """Every page of every file, in order. ``progress[0]``: compressed bytes read so far, all files."""
    done = 0
    for path in files:
        if path.name.lower().endswith(WIKI_SUFFIXES):
            yield _wiki_page(path, 1)
            done += path.stat().st_size
            if progress is not None:
                progress[0] = done
            continue
        local = [0]
        for page in iter_dump(path, local):
            if progress is not None:
                progress[0] = done + local[0]
            yield page
        done += path.stat().st_size


def count_source_bytes(files: list[Path]) -> int:
    return sum(p.stat().st_size for p in files)
