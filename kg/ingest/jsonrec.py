"""Records with named fields (JSON Lines, JSON arrays; CSV rows reuse :func:`to_paper`).

Field names understood by default, ours -> theirs (first present wins):
the generic ``id``/``title``/``abstract``; arXiv API and Kaggle snapshot records
(``summary``, ``authors`` as a list of names, of ``{"name"}`` objects or a
"A, B and C" string, ``categories`` as a list or "cs.LG stat.ML",
``published``/``update_date``); Papers with Code ``papers-with-abstracts.json``
(``arxiv_id``, ``paper_url``, ``url_abs``, ``date``). ``field_map`` replaces the
names of a field by one key of the input.

Identity: the arXiv id comes from ``arxiv_id``, else from ``id`` when the whole
value is an arXiv id or an arxiv.org link, else from an arxiv.org ``url``; the
paper id is then ``arxiv:<id>``. Otherwise it is the hash of the title (of the
abstract for a paper without a title); a generic ``id`` is never the paper id,
but kept as ``url`` when it is a link.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from typing import Any

from kg.ingest.detect import NOT_UTF8, UNDECODED, text_lines
from kg.records import Paper, Problem, Source, normalise_arxiv_id, paper_id, title_id

FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("arxiv_id", "arxivId", "id"),
    "title": ("title",),
    "abstract": ("abstract", "summary"),
    "authors": ("authors", "author"),
    "categories": ("categories", "category"),
    "date": ("published", "date", "update_date", "updated", "year"),
    "url": ("url", "url_abs", "paper_url", "link", "abs_url"),
}
# A whole value that is an arXiv id: "2606.01234v1", "arXiv:2401.01234", "hep-th/9901001";
# not "f3113187150c" or "10.1145/3394486.3403043".
ARXIV_ID_VALUE = re.compile(
    r"(?:arxiv:)?(?:\d{4}\.\d{4,5}|[a-z][a-z\-]+(?:\.[a-z]{2})?/\d{7})(?:v\d+)?", re.IGNORECASE
)
# "http://arxiv.org/abs/2606.01234v1", "arxiv.org/pdf/2606.01234"; not "openreview.net/forum?id=".
ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/", re.IGNORECASE)
# "A. Smith, B. Jones and C. Doe" -> three names; not "Anderson" (the "and" must stand alone).
AUTHOR_SPLIT = re.compile(r"\s*(?:[,;]|\band\b)\s*")
# "2026-06-01T17:59:59Z" -> "2026-06-01".
ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d")
WRAPPER_KEYS = ("papers", "data", "records", "items", "results", "entries")
CHUNK_CHARS = 1 << 20


class FieldProblem(ValueError):
    """A record cannot be a paper; the message is the reason."""


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    return {list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _get(data: Mapping[str, Any], field: str, field_map: Mapping[str, str]) -> Any:
    names = (field_map[field],) if field in field_map else FIELDS[field]
    for name in names:
        value = data.get(name)
        if value is not None and value != "":
            return value
    return None


def _text(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldProblem(f"{field} is {_describe(value)}, expected text")
    return value.strip()


def _names(value: Any, field: str, split: re.Pattern[str]) -> list[str]:
    """A list of names from a list of strings / ``{"name"}`` objects, or a delimited string."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in split.split(value.strip()) if part]
    if not isinstance(value, list):
        raise FieldProblem(f"{field} is {_describe(value)}, expected a list or text")
    names = []
    for position, item in enumerate(value):
        name = item.get("name") if isinstance(item, dict) else item
        if not isinstance(name, str):
            raise FieldProblem(f"{field}[{position}] is {_describe(item)}, expected a name")
        if name.strip():
            names.append(" ".join(name.split()))
    return names


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a year
    text = _text(value, "date")
    match = ISO_DATE.match(text)
    return match.group(1) if match else text or None


def _arxiv_id(data: Mapping[str, Any], field_map: Mapping[str, str]) -> str | None:
    # A key named for arXiv may hold "arXiv 1706.03762"; a generic id must be all arXiv id.
    keys = (
        ((field_map["id"], False),)
        if "id" in field_map
        else (("arxiv_id", True), ("arxivId", True), ("id", False))
    )
    for key, named_for_arxiv in keys:
        value = data.get(key)
        if value is None or isinstance(value, int) and not isinstance(value, bool):
            continue  # a numeric id is a database row number, not an arXiv id
        value = _text(value, "id")
        if named_for_arxiv or ARXIV_URL.search(value) or ARXIV_ID_VALUE.fullmatch(value):
            found = normalise_arxiv_id(value)
            if found:
                return found
    url = _get(data, "url", field_map)
    if isinstance(url, str) and ARXIV_URL.search(url):
        return normalise_arxiv_id(url)
    return None


def _url(data: Mapping[str, Any], field_map: Mapping[str, str]) -> str | None:
    url = _text(_get(data, "url", field_map), "url")
    if url:
        return url
    generic = data.get(field_map.get("id", "id"))
    if isinstance(generic, str) and generic.strip().startswith(("http://", "https://")):
        return generic.strip()
    return None


def to_paper(data: Any, source: Source, field_map: Mapping[str, str]) -> Paper:
    """The Paper a record describes; raises :class:`FieldProblem` saying why it cannot."""
    if not isinstance(data, dict):
        raise FieldProblem(f"a record should be an object, got {_describe(data)}")
    title = " ".join(_text(_get(data, "title", field_map), "title").split())
    abstract = _text(_get(data, "abstract", field_map), "abstract")
    if not title and not abstract:
        raise FieldProblem("the record has neither a title nor an abstract")
    arxiv_id = _arxiv_id(data, field_map)
    return Paper(
        id=paper_id(title, arxiv_id) if title or arxiv_id else title_id(abstract),
        title=title,
        abstract=abstract,
        arxiv_id=arxiv_id,
        authors=_names(_get(data, "authors", field_map), "authors", AUTHOR_SPLIT),
        categories=_names(_get(data, "categories", field_map), "categories", re.compile(r"[\s,]+")),
        date=_date(_get(data, "date", field_map)),
        url=_url(data, field_map),
        sources=[source],
    )


def convert(data: Any, file: str, line: int, field_map: Mapping[str, str]) -> Paper | Problem:
    """:func:`to_paper`, with a failure turned into a :class:`Problem`."""
    try:
        return to_paper(data, Source(file, line), field_map)
    except FieldProblem as error:
        return Problem(file, line, str(error))


def read_jsonl(path: Path, field_map: Mapping[str, str]) -> Iterator[Paper | Problem]:
    """One record per non-blank line; a bad line costs that line only."""
    file = str(path)
    for number, line in text_lines(path):
        if line is None:
            yield Problem(file, number, NOT_UTF8)
        elif line.strip():
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                yield Problem(file, number, f"broken JSON: {error.msg} (column {error.colno})")
                continue
            yield convert(data, file, number, field_map)


def read_json(path: Path, field_map: Mapping[str, str]) -> Iterator[Paper | Problem]:
    """A top-level array of records (streamed), or an object holding one (read whole)."""
    file = str(path)
    with path.open("rb") as handle:
        decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        chunks = iter(lambda: decoder.decode(handle.read(CHUNK_CHARS)), "")
        buffer = next(chunks, "").lstrip("\ufeff")
        if buffer.lstrip().startswith("["):
            yield from _array(buffer, chunks, file, field_map)
            return
        text = buffer + "".join(chunks)
    yield from _wrapped(text, file, field_map)


def _array(
    buffer: str, chunks: Iterator[str], file: str, field_map: Mapping[str, str]
) -> Iterator[Paper | Problem]:
    """Elements of a JSON array, each with the line it starts on.

    A broken element is reported and reading resumes at the next line that opens an
    object at the indentation of the first element (pretty-printed dumps).
    """
    decoder = json.JSONDecoder()
    start = buffer.index("[")
    position, line, indent = start + 1, 1 + buffer.count("\n", 0, start), None
    while True:
        skipped = len(buffer) - position - len(buffer[position:].lstrip(" \t\r\n,"))
        line += buffer.count("\n", position, position + skipped)
        position += skipped
        if position >= len(buffer) or buffer[position] == "]":
            more = next(chunks, "") if position >= len(buffer) else ""
            if not more:
                return
            buffer, position = buffer[position:] + more, 0
            continue
        if indent is None:
            indent = buffer[buffer.rfind("\n", 0, position) + 1 : position]
        try:
            data, end = decoder.raw_decode(buffer, position)
        except json.JSONDecodeError as error:
            more = next(chunks, "")
            if more:  # probably an element cut by the chunk boundary: read on and retry
                buffer, position = buffer[position:] + more, 0
                continue
            resume = yield from _broken(file, line, buffer, error, indent)
            if resume is None:
                return
            line += buffer.count("\n", position, resume)
            position = resume
            continue
        if UNDECODED.search(buffer, position, end):
            yield Problem(file, line, "this element is not valid UTF-8 text (undecodable bytes)")
        else:
            yield convert(data, file, line, field_map)
        line += buffer.count("\n", position, end)
        position = end
        if position > CHUNK_CHARS:
            buffer, position = buffer[position:], 0


def _broken(
    file: str, line: int, buffer: str, error: json.JSONDecodeError, indent: str | None
) -> Generator[Problem, None, int | None]:
    """Report a broken element; return where the next one starts if the array is pretty-printed."""
    yield Problem(file, line, f"broken JSON in an array element: {error.msg}")
    if indent is not None and not indent.strip():
        match = re.compile("\n" + re.escape(indent) + r"\{").search(buffer, error.pos)
        if match:
            return match.start() + 1
    if buffer[error.pos :].strip(" \t\r\n]"):
        yield Problem(file, line, "the rest of the file after this element is unread")
    return None


def _wrapped(text: str, file: str, field_map: Mapping[str, str]) -> Iterator[Paper | Problem]:
    """``{"papers": [...]}`` (or data/records/...), else one paper object; numbered 1, 2, ..."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield Problem(file, error.lineno, f"broken JSON: {error.msg} (column {error.colno})")
        return
    if not isinstance(data, dict):
        yield Problem(file, 1, f"expected an array or an object, got {_describe(data)}")
        return
    lists = [data[key] for key in WRAPPER_KEYS if isinstance(data.get(key), list)]
    if not lists:
        lists = [[data]]  # a file holding a single paper object
    for number, item in enumerate(lists[0], start=1):
        if UNDECODED.search(json.dumps(item, ensure_ascii=False)):
            yield Problem(file, number, "this record is not valid UTF-8 text (undecodable bytes)")
        else:
            yield convert(item, file, number, field_map)
