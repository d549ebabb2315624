"""From raw records (dicts read from any format) to :class:`~kg.records.Paper`.

Field names understood by default — ours on the left, theirs on the right:
the generic ``id``/``title``/``abstract``, arXiv API and Kaggle snapshot records
(``summary``, ``authors``, ``categories``, ``published``/``update_date``) and
Papers with Code's ``papers-with-abstracts.json`` (``paper_url``, ``arxiv_id``,
``date``). A ``field_map`` puts other names first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kg.records import Paper, Source, normalise_arxiv_id, paper_id, title_id

FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "abstract": ("abstract", "summary", "paperAbstract"),
    "arxiv_id": ("arxiv_id", "arxivId", "id"),
    "authors": ("authors", "author"),
    "categories": ("categories", "category", "tags"),
    "date": ("published", "date", "update_date", "updated", "year"),
    "url": ("url", "paper_url", "link", "abs_url"),
}
OUR_FIELDS = ("id", *FIELDS)
# "http://arxiv.org/abs/2606.01234v1", "arxiv.org/pdf/2606.01234" -> an arXiv link;
# not "https://openreview.net/forum?id=2606.01234".
ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/", re.IGNORECASE)
WHITESPACE = re.compile(r"\s+")
# "A. Author and B. Author", "A. Author, B. Author"; splits author strings.
AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")


@dataclass(slots=True)
class RawRecord:
    """One record as read: its line (or record number) and its fields, or why it is unusable."""

    line: int
    data: Mapping[str, Any] | None = None
    error: str | None = None


class FieldError(ValueError):
    """A record's field has the wrong type or is missing."""


def _lookup(data: Mapping[str, Any], ours: str, field_map: Mapping[str, str]) -> Any:
    names = (field_map[ours],) if ours in field_map else FIELDS.get(ours, (ours,))
    if ours == "arxiv_id" and "id" in field_map:
        names = (field_map["id"], *names)
    for name in names:
        if name in data and data[name] not in (None, ""):
            return data[name]
    return None


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldError(f"field {name!r} should be text, got {type(value).__name__}")
    return value.strip()


def _names(value: Any, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in AUTHOR_SPLIT.split(value) if part] if name == "authors" \
            else value.split()
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, Mapping) and isinstance(item.get("name"), str):
                out.append(item["name"])
            elif isinstance(item, str):
                out.append(item)
            elif isinstance(item, list) and all(isinstance(x, str) for x in item):
                out.append(" ".join(reversed([x for x in item if x])).strip())  # Kaggle parsed
            else:
                raise FieldError(f"field {name!r} holds a {type(item).__name__}")
        return out
    raise FieldError(f"field {name!r} should be a list or text, got {type(value).__name__}")


def _arxiv_id(data: Mapping[str, Any], field_map: Mapping[str, str]) -> str | None:
    value = _lookup(data, "arxiv_id", field_map)
    if isinstance(value, str | int | float):
        found = normalise_arxiv_id(str(value))
        if found:
            return found
    url = _lookup(data, "url", field_map)
    if isinstance(url, str) and ARXIV_URL.search(url):
        return normalise_arxiv_id(url)
    return None


def to_paper(raw: RawRecord, file: str, field_map: Mapping[str, str]) -> Paper:
    """The Paper a raw record describes; raises :class:`FieldError` when it cannot."""
    data = raw.data or {}
    if not isinstance(data, Mapping):
        raise FieldError(f"a record should be an object, got {type(data).__name__}")
    title = WHITESPACE.sub(" ", _text(_lookup(data, "title", field_map), "title"))
    abstract = _text(_lookup(data, "abstract", field_map), "abstract")
    if not title and not abstract:
        raise FieldError("record has neither a title nor an abstract")
    arxiv_id = _arxiv_id(data, field_map)
    date = _lookup(data, "date", field_map)
    url = _lookup(data, "url", field_map)
    generic_id = data.get(field_map.get("id", "id"))
    if url is None and isinstance(generic_id, str) and generic_id.startswith("http"):
        url = generic_id
    return Paper(
        id=paper_id(title, arxiv_id) if title or arxiv_id else title_id(abstract),
        title=title,
        abstract=abstract,
        arxiv_id=arxiv_id,
        authors=_names(_lookup(data, "authors", field_map), "authors"),
        categories=_names(_lookup(data, "categories", field_map), "categories"),
        date=str(date) if isinstance(date, str | int) else None,
        url=url if isinstance(url, str) else None,
        sources=[Source(file, raw.line)],
    )
