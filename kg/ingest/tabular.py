"""CSV and TSV files with a header row; the columns are named like JSON fields.

The delimiter is the one the header line uses most (tab, comma, semicolon, bar),
else tab for TSV and comma for CSV. Header cells match field names whatever
their case ("Title" is ``title``). Bytes that are not UTF-8 are carried through
as lone surrogates (``surrogateescape``) so that one bad row is reported and the
rest of the file is still read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from pathlib import Path

from kg.ingest.detect import UNDECODED, table_delimiter
from kg.ingest.jsonrec import FIELDS, convert
from kg.records import Paper, Problem


def _canonical(header: list[str], field_map: Mapping[str, str]) -> list[str]:
    """Header cells renamed to the field names they match case-insensitively."""
    known = {name for names in FIELDS.values() for name in names} | set(field_map.values())
    by_folded = {name.casefold(): name for name in sorted(known)}
    return [by_folded.get(cell.strip().casefold(), cell.strip()) for cell in header]


def read_table(path: Path, fmt: str, field_map: Mapping[str, str]) -> Iterator[Paper | Problem]:
    """One record per row after the header; a row's line is the line it starts on."""
    file = str(path)
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        delimiter = table_delimiter(first, "\t" if fmt == "tsv" else ",")
        reader = csv.reader(handle, delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            return
        header = _canonical(header, field_map)
        yield from _rows(reader, header, file, field_map)


def _rows(
    reader: Iterator[list[str]], header: list[str], file: str, field_map: Mapping[str, str]
) -> Iterator[Paper | Problem]:
    line_num = reader.line_num  # type: ignore[attr-defined]
    while True:
        start = line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Problem(file, start, f"broken CSV: {error}")
            if reader.line_num == line_num:  # type: ignore[attr-defined]
                return  # the reader cannot move past it
            line_num = reader.line_num  # type: ignore[attr-defined]
            continue
        line_num = reader.line_num  # type: ignore[attr-defined]
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield Problem(
                file,
                start,
                f"the row has {len(row)} fields but the header "
                f"{len(header)}: an unquoted delimiter?",
            )
        elif any(UNDECODED.search(cell) for cell in row):
            yield Problem(file, start, "this row is not valid UTF-8 text (undecodable bytes)")
        else:
            yield convert(dict(zip(header, row, strict=False)), file, start, field_map)
