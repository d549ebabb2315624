"""Ingest: stream distinct papers from listing pages, JSON Lines, JSON and CSV/TSV files.

Usage::

    report = RunReport()
    ingest = Ingest(["papers.jsonl", "listings/"], report)
    for paper in ingest:            # each distinct paper once, in input order
        ...
    ingest.extra_sources            # paper id -> sources of its later readings

    for paper in read_papers(["papers.jsonl"], report):   # the same, as a plain iterator
        ...

One module per concern: :mod:`~kg.ingest.detect` (files, formats, decoded lines),
:mod:`~kg.ingest.listing`, :mod:`~kg.ingest.jsonrec` (JSON Lines, JSON, and the
field names shared with) :mod:`~kg.ingest.tabular` (CSV/TSV). Each reader yields
:class:`~kg.records.Paper` or :class:`~kg.records.Problem` items; counting,
deduplication and strict mode happen here only.

Deduplication: a paper is the first record read with its id (``arxiv:<id>``, else
the title hash). A later record is a duplicate when it has the same id, or when
it has the same title hash as an earlier paper and at most one of the two has an
arXiv id (a listing entry and the arXiv record of that title are one paper; two
arXiv records with different ids are two papers even with equal titles). A
duplicate is not yielded and the paper already handed out is not changed (a
consumer may have written it out): the duplicate is counted in
``report.duplicates_merged`` and its sources are listed under the first
paper's id in ``Ingest.extra_sources``. Only ids and title hashes are kept in
memory, never the papers.

Counting: ``report.records_read`` is every record met, good or bad;
``records_read == papers_kept + duplicates_merged + records_skipped`` always
holds. A problem with a whole file (missing, empty, binary, unknown format, no
records) is one skipped record at line 0. With ``strict=True`` the first
problem raises :class:`~kg.errors.RecordError` (a missing path:
:class:`~kg.errors.InputError`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from kg.errors import InputError, RecordError
from kg.ingest.detect import FORMATS, FileProblem, detect, expand, read_head
from kg.ingest.jsonrec import FIELDS, read_json, read_jsonl
from kg.ingest.listing import read_listing
from kg.ingest.tabular import read_table
from kg.records import Paper, Problem, RunReport, Source, title_id

__all__ = ["FIELDS", "FORMATS", "Ingest", "read_papers"]

Reader = Callable[[Path, Mapping[str, str]], Iterator[Paper | Problem]]
READERS: dict[str, Reader] = {
    "listing": read_listing,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": lambda path, field_map: read_table(path, "csv", field_map),
    "tsv": lambda path, field_map: read_table(path, "tsv", field_map),
}


class Ingest:
    """The distinct papers of several inputs, in input order; problems go to ``report``.

    ``fmt`` is "auto" (by extension, else by content) or one of :data:`FORMATS`;
    ``field_map`` maps our field names (:data:`FIELDS`) to the input's keys.
    Nothing is read until iteration.
    """

    def __init__(
        self,
        paths: Iterable[str | Path],
        report: RunReport,
        *,
        fmt: str = "auto",
        field_map: Mapping[str, str] | None = None,
        strict: bool = False,
    ) -> None:
        if fmt != "auto" and fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}; choose from auto, {', '.join(FORMATS)}")
        for ours, theirs in (field_map or {}).items():
            if ours not in FIELDS:
                raise InputError(f"cannot map field {ours!r}; mappable: {', '.join(FIELDS)}")
            if not isinstance(theirs, str) or not theirs:
                raise InputError(f"field {ours!r} must map to a key name, got {theirs!r}")
        self.paths = [paths] if isinstance(paths, str | Path) else list(paths)
        self.report, self.fmt, self.strict = report, fmt, strict
        self.field_map = dict(field_map or {})
        self.extra_sources: dict[str, list[Source]] = {}
        # Only ids are kept (id or title hash -> first id, has an arXiv id), not the papers:
        # memory grows with the number of distinct papers by a few dozen bytes each.
        self._by_id: dict[str, tuple[str, bool]] = {}
        self._by_title: dict[str, tuple[str, bool]] = {}

    def __iter__(self) -> Iterator[Paper]:
        for path in self._files():
            for item in self._read(path):
                self.report.records_read += 1
                if isinstance(item, Problem):
                    self._skip(item.file, item.line, item.reason)
                elif self._is_new(item):
                    yield item

    def _files(self) -> Iterator[Path]:
        for entry in map(Path, self.paths):
            if not entry.exists():
                if self.strict:
                    raise InputError(f"{entry}: no such file or folder")
                self.report.records_read += 1
                self.report.skip(str(entry), 0, "no such file or folder")
                continue
            files = list(expand([entry]))
            if not files:
                self.report.records_read += 1
                self._skip(str(entry), 0, "the folder holds no (non-hidden) files")
            yield from files

    def _read(self, path: Path) -> Iterator[Paper | Problem]:
        """The items of one file; a file-level problem becomes one Problem at line 0."""
        count = 0
        try:
            head = read_head(path)
            fmt = self.fmt if self.fmt != "auto" else detect(path, head, self.field_map.values())
            for item in READERS[fmt](path, self.field_map):
                count += 1
                yield item
        except (FileProblem, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            yield Problem(str(path), 0, str(reason))
            return
        if count == 0:
            yield Problem(str(path), 0, f"no paper records found in this {fmt} file")

    def _skip(self, file: str, line: int, reason: str) -> None:
        if self.strict:
            raise RecordError(file, line, reason)
        self.report.skip(file, line, reason)

    def _first(self, paper: Paper) -> str | None:
        """The id of the already-yielded paper this one duplicates (rule: module docstring)."""
        first = self._by_id.get(paper.id)
        if first is None and paper.title:
            same_title = self._by_title.get(title_id(paper.title))
            if same_title is not None and not (same_title[1] and paper.arxiv_id):
                first = same_title
        return first[0] if first else None

    def _is_new(self, paper: Paper) -> bool:
        first = self._first(paper)
        if first is None:
            self.report.papers_kept += 1
            entry = (paper.id, bool(paper.arxiv_id))
            self._by_id[paper.id] = entry
            if paper.title:
                self._by_title.setdefault(title_id(paper.title), entry)
            return True
        self.report.duplicates_merged += 1
        if paper.arxiv_id and paper.title:  # the paper is now known with an arXiv id
            key = title_id(paper.title)
            if self._by_title.get(key, (None,))[0] == first:
                self._by_title[key] = (first, True)
        self.extra_sources.setdefault(first, []).extend(paper.sources)
        self._by_id.setdefault(paper.id, (first, bool(paper.arxiv_id)))  # later copies join it
        return False


def read_papers(
    paths: Iterable[str | Path],
    report: RunReport,
    *,
    fmt: str = "auto",
    field_map: Mapping[str, str] | None = None,
    strict: bool = False,
) -> Iterator[Paper]:
    """The distinct papers of ``paths``: ``iter(Ingest(...))``.

    Use :class:`Ingest` instead to see ``extra_sources``, the sources of the
    duplicates merged into each yielded paper.
    """
    return iter(Ingest(paths, report, fmt=fmt, field_map=field_map, strict=strict))
