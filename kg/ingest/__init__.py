"""Ingest: stream distinct papers from listing pages, JSON Lines, JSON and CSV/TSV files.

Usage::

    report = RunReport()
    ingest = Ingest(["papers.jsonl", "listings/"], report)
    for paper in ingest:            # each distinct paper once, in input order
        ...
    ingest.extra_sources            # id -> sources of the later readings of that paper

Deduplication: a record whose paper id was seen before is not yielded again;
it counts as a duplicate and its source is added to ``extra_sources`` (and to
the first Paper object's ``sources``). A title-only record whose title matches
a paper already read with an arXiv id is the same paper. Only ids and title
hashes are kept in memory, not the papers.

Bad records are skipped and reported (``report.skip``: file, line, reason);
with ``strict=True`` the first one raises :class:`~kg.errors.RecordError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from kg.errors import InputError, RecordError
from kg.ingest.common import OUR_FIELDS, FieldError, RawRecord, to_paper
from kg.ingest.formats import FORMATS, FileProblem, check_file, detect, read_records
from kg.records import Paper, RunReport, Source, title_id

__all__ = ["Ingest", "read_papers", "FORMATS"]


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files of ``paths``; folders are read recursively in sorted order, hidden files skipped."""
    for entry in map(Path, paths):
        if entry.is_dir():
            for path in sorted(entry.rglob("*")):
                relative = path.relative_to(entry).parts
                if path.is_file() and not any(part.startswith(".") for part in relative):
                    yield path
        else:
            yield entry


class Ingest:
    """Iterate the distinct papers of several inputs, reporting into ``report``."""

    def __init__(self, paths: Iterable[str | Path], report: RunReport, *, fmt: str = "auto",
                 field_map: Mapping[str, str] | None = None, strict: bool = False) -> None:
        if fmt != "auto" and fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}; choose from auto, {', '.join(FORMATS)}")
        unknown = sorted(set(field_map or {}) - set(OUR_FIELDS))
        if unknown:
            raise InputError(f"cannot map field {unknown[0]!r}; "
                             f"mappable fields: {', '.join(OUR_FIELDS)}")
        self.paths = list(paths)
        self.report, self.fmt, self.strict = report, fmt, strict
        self.field_map = dict(field_map or {})
        self.extra_sources: dict[str, list[Source]] = {}
        self._seen: dict[str, Paper | None] = {}
        self._by_title: dict[str, str] = {}

    def _problem(self, file: str, line: int, reason: str) -> None:
        if self.strict:
            raise RecordError(file, line, reason)
        self.report.skip(file, line, reason)

    def __iter__(self) -> Iterator[Paper]:
        for path in expand(self.paths):
            yield from self._read_file(path)

    def _read_file(self, path: Path) -> Iterator[Paper]:
        name = str(path)
        if not path.exists():
            if self.strict:
                raise InputError(f"{name}: no such file or folder")
            self.report.records_read += 1
            self.report.skip(name, 0, "no such file or folder")
            return
        try:
            fmt = self.fmt if self.fmt != "auto" else detect(path, check_file(path))
        except (FileProblem, OSError) as error:
            self.report.records_read += 1
            self._problem(name, 0, str(error))
            return
        for raw in read_records(path, fmt):
            self.report.records_read += 1
            paper = self._paper(raw, name)
            if paper is not None and self._is_new(paper):
                yield paper

    def _paper(self, raw: RawRecord, name: str) -> Paper | None:
        if raw.error:
            self._problem(name, raw.line, raw.error)
            return None
        try:
            return to_paper(raw, name, self.field_map)
        except FieldError as error:
            self._problem(name, raw.line, str(error))
            return None

    def _is_new(self, paper: Paper) -> bool:
        key = self._by_title.get(title_id(paper.title), paper.id) if paper.title and \
            not paper.arxiv_id else paper.id
        if key in self._seen:
            self.report.duplicates_merged += 1
            self.extra_sources.setdefault(key, []).extend(paper.sources)
            first = self._seen[key]
            if first is not None:
                first.merge(paper)
            return False
        self.report.papers_kept += 1
        self._seen[key] = None  # only the id is kept: memory does not hold the papers
        if paper.arxiv_id and paper.title:
            self._by_title.setdefault(title_id(paper.title), paper.id)
        return True


def read_papers(paths: Iterable[str | Path], report: RunReport, *, fmt: str = "auto",
                field_map: Mapping[str, str] | None = None, strict: bool = False
                ) -> Iterator[Paper]:
    """The distinct papers of ``paths`` (see :class:`Ingest`)."""
    return iter(Ingest(paths, report, fmt=fmt, field_map=field_map, strict=strict))
