"""Multistream ``.xml.bz2`` dumps with their ``-index.txt(.bz2)``: random access, so streams are
decompressed and parsed in the workers, in parallel.

A multistream dump is a concatenation of bz2 streams of (usually) 100 pages each; the index
gives, for every page, the byte offset of the stream holding it. A :class:`Stream` is a byte
range of the dump plus the position (``first_seq``) of its first page, so pages get the same
``seq`` as a sequential read would give them.
"""

from __future__ import annotations

import bz2
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .reader import DumpError, Page, _local, page_from_element


@dataclass(slots=True, frozen=True)
class Stream:
    path: str
    start: int
    end: int
    first_seq: int
    pages: int


def index_for(path: Path) -> Path | None:
    """The index file beside a multistream dump (``…-multistream-index.txt.bz2`` or ``.txt``), if any."""
    name = path.name
    if not name.endswith(".xml.bz2"):
        return None
    stem = name[: -len(".xml.bz2")]
    for candidate in (f"{stem}-index.txt.bz2", f"{stem}-index.txt"):
        if (path.parent / candidate).exists():
            return path.parent / candidate
    return None


def streams(path: Path, index: Path, group: int = 1) -> list[Stream]:
    """The dump's page streams from its index (``group`` consecutive streams per unit of work)."""
    opener = bz2.open if index.suffix == ".bz2" else open
    offsets: list[int] = []
    counts: list[int] = []
    try:
        with opener(index, "rt", encoding="utf-8") as f:
            for line in f:
                offset = int(line.split(":", 1)[0])
                if offsets and offsets[-1] == offset:
                    counts[-1] += 1
                else:
                    offsets.append(offset)
                    counts.append(1)
    except (OSError, EOFError, ValueError) as exc:
        raise DumpError(f"{index}: not a readable multistream index ({exc})") from None
    size = path.stat().st_size
    out: list[Stream] = []
    seq = 0
    for i in range(0, len(offsets), group):
        start = offsets[i]
        j = min(i + group, len(offsets))
        end = offsets[j] if j < len(offsets) else size
        n = sum(counts[i:j])
        out.append(Stream(str(path), start, end, seq + 1, n))
        seq += n
    return out


def read_stream(stream: Stream) -> Iterator[Page]:
    """Decompress and parse one stream range (runs in a worker)."""
    return pages_of(stream, decompress_stream(stream))


def decompress_stream(stream: Stream) -> bytes:
    """The XML bytes of one stream range."""
    with open(stream.path, "rb") as f:
        f.seek(stream.start)
        data = f.read(stream.end - stream.start)
    try:
        return bz2.decompress(data)
    except (OSError, EOFError, ValueError) as exc:
        raise DumpError(f"{stream.path}: the bz2 stream at byte {stream.start} is truncated or corrupt ({exc})") from None


def pages_of(stream: Stream, xml: bytes) -> Iterator[Page]:
    """The pages in one stream's decompressed XML (a fragment: ``<page>`` elements, no root)."""
    if stream.end == Path(stream.path).stat().st_size:
        xml = xml.replace(b"</mediawiki>", b"")
    try:
        root = etree.fromstring(b"<mediawiki>" + xml + b"</mediawiki>", parser=etree.XMLParser(huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise DumpError(f"{stream.path}: the XML of the stream at byte {stream.start} is malformed ({exc.msg})") from None
    seq = stream.first_seq
    for elem in root:
        if _local(elem.tag) == "page":
            yield page_from_element(elem, stream.path, seq)
            seq += 1


def write_multistream(pages: Iterator[tuple[str, str]], path: Path, per_stream: int = 100) -> Path:
    """Write ``(title, text)`` pages as a multistream ``.xml.bz2`` dump with its ``-index.txt.bz2``.

    For tests and benchmarks: the layout is Wikipedia's (a header stream, streams of
    ``per_stream`` pages, a footer stream), so the dump reads sequentially and by index alike.
    """
    from itertools import islice
    from xml.sax.saxutils import escape

    index_path = path.parent / (path.name[: -len(".xml.bz2")] + "-index.txt.bz2")
    header = '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n<siteinfo><sitename>Test</sitename></siteinfo>\n'
    numbered = enumerate(pages, 1)
    with open(path, "wb") as out, bz2.open(index_path, "wt", encoding="utf-8") as index:
        out.write(bz2.compress(header.encode()))
        while chunk := list(islice(numbered, per_stream)):
            offset = out.tell()
            xml = "".join(
                f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{n}</id>\n"
                f'    <revision><id>{n}</id><text xml:space="preserve">{escape(text)}</text></revision>\n  </page>\n'
                for n, (title, text) in chunk
            )
            out.write(bz2.compress(xml.encode("utf-8")))
            index.writelines(f"{offset}:{n}:{title}\n" for n, (title, _) in chunk)
        out.write(bz2.compress(b"</mediawiki>\n"))
    return index_path
