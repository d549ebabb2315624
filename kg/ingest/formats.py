"""Readers for each input format, and format detection.

Every reader yields :class:`RawRecord` objects with a line number; a line that
cannot be decoded or parsed becomes a RawRecord with an ``error`` so that the
caller reports it and goes on. Files are read as bytes and decoded line by line
(``surrogateescape``), so one bad byte costs one record, not the file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.common import RawRecord
from kg.ingest.listing import read_listing

EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
              ".tsv": "tsv", ".tab": "tsv", ".txt": "listing", ".md": "listing"}
FORMATS = ("listing", "jsonl", "json", "csv", "tsv")
SNIFF_BYTES = 8192
BINARY_SIGNATURES = (b"\x89PNG", b"\x1f\x8b", b"PK\x03\x04", b"%PDF", b"\xff\xd8\xff", b"BZh",
                     b"\x7fELF", b"SQLite format")
CHUNK = 1 << 20


class FileProblem(Exception):
    """The whole file is unusable (binary, empty); the reason is the message."""


def _bad_text(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def check_file(path: Path) -> bytes:
    """The first bytes of ``path``; raises FileProblem for an empty or binary file."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.strip():
        raise FileProblem("the file is empty")
    if head.startswith(BINARY_SIGNATURES) or b"\x00" in head:
        raise FileProblem("this is a binary file, not text (passed by mistake?)")
    return head


def detect(path: Path, head: bytes) -> str:
    """The format of a file: by extension, else by its first bytes."""
    by_extension = EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        first = text.split("\n", 1)[0]
        try:
            json.loads(first)
            return "jsonl"
        except json.JSONDecodeError:
            return "json"
    header = text.split("\n", 1)[0].lower()
    if "title" in header or "abstract" in header:
        return "tsv" if header.count("\t") > header.count(",") else "csv"
    return "listing"


def text_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(1-based line number, decoded line) for every line of a text file."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            yield number, raw.decode("utf-8", "surrogateescape").rstrip("\r\n")


def read_jsonl(path: Path) -> Iterator[RawRecord]:
    for number, line in text_lines(path):
        if not line.strip():
            continue
        if _bad_text(line):
            yield RawRecord(number, error="undecodable bytes (not UTF-8)")
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield RawRecord(number, error=f"broken JSON: {error.msg} (column {error.colno})")
            continue
        if not isinstance(data, dict):
            yield RawRecord(number, error=f"a record should be an object, got "
                                          f"{type(data).__name__}")
            continue
        yield RawRecord(number, data)


def read_json(path: Path) -> Iterator[RawRecord]:
    """A JSON array of objects (or an object holding one), decoded element by element."""
    decoder = json.JSONDecoder()
    with path.open("rb") as handle:
        buffer = handle.read(CHUNK).decode("utf-8", "surrogateescape").lstrip("\ufeff")
        position, line = 0, 1
        stripped = buffer.lstrip()
        if stripped.startswith("{"):  # {"papers": [...]}: small wrappers are read whole
            buffer += handle.read().decode("utf-8", "surrogateescape")
            yield from _wrapped(buffer, decoder)
            return
        position = buffer.index("[") + 1 if "[" in buffer else len(buffer)
        line += buffer.count("\n", 0, position)
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n,":
                line += buffer[position] == "\n"
                position += 1
            if position < len(buffer) and buffer[position] == "]":
                return
            try:
                data, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError as error:
                more = handle.read(CHUNK)
                if more:
                    buffer = buffer[position:] + more.decode("utf-8", "surrogateescape")
                    position = 0
                    continue
                if buffer[position:].strip():
                    yield RawRecord(line, error=f"broken JSON: {error.msg}")
                return
            start_line = line
            line += buffer.count("\n", position, end)
            position = end
            if isinstance(data, dict):
                yield RawRecord(start_line, data)
            else:
                yield RawRecord(start_line, error=f"an array element should be an object, got "
                                                  f"{type(data).__name__}")


def _wrapped(text: str, decoder: json.JSONDecoder) -> Iterator[RawRecord]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield RawRecord(error.lineno, error=f"broken JSON: {error.msg}")
        return
    lists = [v for v in data.values() if isinstance(v, list)]
    if not lists:  # a single paper object
        yield RawRecord(1, data)
        return
    for number, item in enumerate(lists[0], start=1):
        if isinstance(item, dict):
            yield RawRecord(number, item)
        else:
            yield RawRecord(number, error="an array element should be an object")


def read_table(path: Path, delimiter: str) -> Iterator[RawRecord]:
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        try:
            for row in reader:
                number = reader.line_num
                if None in row:
                    yield RawRecord(number, error="more fields than the header has")
                elif any(v is not None and _bad_text(v) for v in row.values()):
                    yield RawRecord(number, error="undecodable bytes (not UTF-8)")
                else:
                    yield RawRecord(number, {k: v for k, v in row.items() if k is not None})
        except csv.Error as error:
            yield RawRecord(reader.line_num, error=f"broken CSV: {error}")


def read_listing_file(path: Path) -> Iterator[RawRecord]:
    for record in read_listing(text_lines(path)):
        if _bad_text(record.data["title"] + record.data["abstract"]):
            yield RawRecord(record.line, error="undecodable bytes (not UTF-8)")
        else:
            yield record


def read_records(path: Path, fmt: str) -> Iterator[RawRecord]:
    if fmt == "jsonl":
        return read_jsonl(path)
    if fmt == "json":
        return read_json(path)
    if fmt in ("csv", "tsv"):
        return read_table(path, "\t" if fmt == "tsv" else ",")
    return read_listing_file(path)
