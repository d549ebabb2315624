"""The plain typed records that flow between the stages.

ingest yields :class:`Paper`; extract turns a Paper into an extraction record
(a dict in the gold format of ``../shared/gold/README.md`` plus provenance);
graph turns extraction records into nodes and relationships. Every stage adds
its problems and counts to a :class:`RunReport` instead of printing.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# "arXiv:2401.01234v2" -> "2401.01234"; must not match "1234.5" or a DOI.
ARXIV_NEW_ID = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])")
# "hep-th/9901001v1" -> "hep-th/9901001" (pre-2007 ids); must not match "a/b".
ARXIV_OLD_ID = re.compile(r"\b([a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?\b")


def title_id(title: str) -> str:
    """The id of a paper known only by its title (the ids of ``../shared/gold``)."""
    return hashlib.sha1(title.strip().lower().encode("utf-8")).hexdigest()[:12]


def normalise_arxiv_id(value: str) -> str | None:
    """The arXiv id without version found in ``value`` (an id, abs/pdf URL), or None."""
    value = value.strip()
    match = ARXIV_NEW_ID.search(value) or ARXIV_OLD_ID.search(value)
    return match.group(1) if match else None


def paper_id(title: str, arxiv_id: str | None = None) -> str:
    """``arxiv:<id>`` when an arXiv id is known, else the title hash."""
    return f"arxiv:{arxiv_id}" if arxiv_id else title_id(title)


@dataclass(slots=True, frozen=True)
class Source:
    """Where a record was read: file path and 1-based line (or record number)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(slots=True)
class Paper:
    """One paper as read from an input, before extraction."""

    id: str
    title: str
    abstract: str
    arxiv_id: str | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    sources: list[Source] = field(default_factory=list)

    def merge(self, other: Paper) -> None:
        """Fold a second reading of the same paper into this one (keeps every source)."""
        for src in other.sources:
            if src not in self.sources:
                self.sources.append(src)
        if len(other.abstract) > len(self.abstract):
            self.abstract = other.abstract
        if not self.title and other.title:
            self.title = other.title
        self.arxiv_id = self.arxiv_id or other.arxiv_id
        self.authors = self.authors or other.authors
        self.categories = self.categories or other.categories
        self.date = self.date or other.date
        self.url = self.url or other.url

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "abstract": self.abstract,
            "arxiv_id": self.arxiv_id,
            "authors": self.authors,
            "categories": self.categories,
            "date": self.date,
            "url": self.url,
            "sources": [str(s) for s in self.sources],
        }


@dataclass(slots=True)
class Problem:
    """A record that could not be used, and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class RunReport:
    """What a run did: the reconciliation ``read = kept + merged + skipped`` and the problems."""

    records_read: int = 0
    papers_kept: int = 0
    duplicates_merged: int = 0
    records_skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)  # graph items not fitting the schema
    counts: dict[str, Any] = field(default_factory=dict)

    def skip(self, file: str, line: int, reason: str) -> None:
        self.records_skipped += 1
        self.problems.append(Problem(file, line, reason))

    def drop(self, reason: str) -> None:
        self.dropped[reason] += 1

    @property
    def reconciled(self) -> bool:
        return self.records_read == self.papers_kept + self.duplicates_merged + self.records_skipped

    def to_dict(self) -> dict[str, Any]:
        return {
            "records_read": self.records_read,
            "papers_kept": self.papers_kept,
            "duplicates_merged": self.duplicates_merged,
            "records_skipped": self.records_skipped,
            "reconciled": self.reconciled,
            "problems": [str(p) for p in self.problems],
            "dropped": dict(sorted(self.dropped.items())),
            **self.counts,
        }
