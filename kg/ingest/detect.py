"""What an input is: the files behind a path, their format, and their decoded lines.

Format comes from the extension (``.jsonl``/``.ndjson``, ``.json``, ``.csv``,
``.tsv``, ``.txt``) and, for other files, from the first bytes. A ``.json``
file is sniffed too, since big "JSON" dumps (the Kaggle arXiv snapshot) are in
fact JSON Lines. Empty and binary files are caught here, before any reader
runs, so that a PNG passed by mistake is one clear problem, not a thousand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

FORMATS = ("listing", "jsonl", "json", "csv", "tsv")
EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".txt": "listing",
}
SNIFF_BYTES = 64 * 1024
# Magic numbers of files people pass by mistake, with the name used in the problem.
BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\x1f\x8b": "gzip archive",
    b"PK\x03\x04": "zip archive",
    b"%PDF": "PDF document",
    b"\xff\xd8\xff": "JPEG image",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"\x7fELF": "executable",
    b"SQLite format": "SQLite database",
}
TABLE_DELIMITERS = ("\t", ",", ";", "|")
# Header cells that make a delimited first line a table of papers: "title,abstract".
TABLE_HEADER_NAMES = frozenset({"title", "abstract", "summary", "id", "arxiv_id", "authors"})
LISTING_MIN_ABSTRACT = 200  # a listing page has at least one abstract-long line
# Lone surrogates are how ``surrogateescape`` marks bytes that are not UTF-8.
UNDECODED = re.compile("[\udc80-\udcff]")


class FileProblem(Exception):
    """The whole file is unusable (empty, binary, unknown format); the message says why."""


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files of ``paths``: folders recursively in sorted order, hidden entries skipped.

    A path that does not exist is passed through for the caller to report.
    """
    for entry in map(Path, paths):
        if not entry.is_dir():
            yield entry
            continue
        for path in sorted(entry.rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(entry).parts)
            if path.is_file() and not hidden:
                yield path


def read_head(path: Path) -> bytes:
    """The first bytes of ``path``; raises :class:`FileProblem` when empty or binary."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.strip():
        raise FileProblem("the file is empty")
    for magic, kind in BINARY_MAGIC.items():
        if head.startswith(magic):
            raise FileProblem(f"binary file ({kind}), not text: passed by mistake?")
    if b"\x00" in head:
        raise FileProblem("this is a binary file (NUL bytes), not UTF-8 text")
    return head


def detect(path: Path, head: bytes, names: Iterable[str] = ()) -> str:
    """The format of a file from its extension, else from ``head``.

    ``names`` are extra header cells (from a field map) that mark a table.
    Raises :class:`FileProblem` when the content says nothing clear.
    """
    by_extension = EXTENSIONS.get(path.suffix.lower())
    if by_extension not in (None, "json"):
        return by_extension
    sniffed = sniff(head, names)
    if by_extension == "json":
        return "jsonl" if sniffed == "jsonl" else "json"
    if sniffed is None:
        formats = ", ".join(FORMATS)
        raise FileProblem(f"cannot tell the format of this file; pass a format ({formats})")
    return sniffed


def sniff(head: bytes, names: Iterable[str] = ()) -> str | None:
    """The format the first bytes of a file look like, or None."""
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    first = text.split("\n", 1)[0].rstrip("\r")
    if text.startswith("["):
        return "json"
    if text.startswith("{"):  # one object per line, or one object over the whole file
        lines = [line for line in text.splitlines()[1:3] if line.strip()]
        several = bool(lines) and lines[0].lstrip().startswith("{")
        return "jsonl" if several and _is_json_object(first) else "json"
    delimiter = table_delimiter(first)
    cells = {cell.strip().strip('"').lower() for cell in first.split(delimiter)}
    if cells & (TABLE_HEADER_NAMES | {name.lower() for name in names}):
        return "tsv" if delimiter == "\t" else "csv"
    if any(len(line) >= LISTING_MIN_ABSTRACT for line in text.splitlines()):
        return "listing"
    return None


def table_delimiter(header: str, default: str = ",") -> str:
    """The delimiter used most in a header line (tab, comma, semicolon, bar)."""
    counts = {delimiter: header.count(delimiter) for delimiter in TABLE_DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else default


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def text_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """(1-based number, text) per line; text is None for a line that is not UTF-8."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None
                continue
            if number == 1:
                line = line.lstrip("\ufeff")
            yield number, line.rstrip("\r\n")


NOT_UTF8 = "this line is not valid UTF-8 text (undecodable bytes)"
