"""Listing pages: a title line followed by its abstract, with page furniture mixed in.

The shape of the Hugging Face "trending papers" pages (``../shared/corpus/seeds``):
"new", "Get trending papers in your email inbox!", "Subscribe", "byAK and the
research community" and dates ("Mar 12") are dropped, and a title glued to
"Subscribe" ("SubscribeCSPNet: A New Backbone ...") is repaired.

Title or abstract: a title is a short line (under ``TITLE_MAX_CHARS``) that does
not end with a period, unless it is only a few words; anything else is an
abstract. A line after a title is its abstract, unless it is itself a title
*and* the line after it is an abstract: then the first title had no abstract.
An abstract with no title before it is a paper without a title. Each paper's
line is the line of its title (of its abstract when it has no title).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.detect import NOT_UTF8, text_lines
from kg.records import Paper, Problem, Source, title_id

# Whole furniture lines: "Get trending papers in your email inbox once a day!", "Mar 12",
# "byAK and the research community", "new", "Subscribe", "Upvote 12", "42";
# not "New Results on ResNets" or "May the Force be with your Network".
FURNITURE = re.compile(
    r"(?:new|subscribe|upvote\s*\d*|\d{1,5}"
    r"|get trending papers in your email inbox(?: once a day)?!?"
    r"|by\s*ak and the research community"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2}(?:,\s*\d{4})?)",
    re.IGNORECASE,
)
# "SubscribeCSPNet: A New Backbone" -> "CSPNet: A New Backbone"; not "Subscriber Models".
GLUED_BEFORE = re.compile(r"^Subscribe(?=[A-Z0-9\"'(\[])")
# "Deep Residual LearningSubscribe" -> "Deep Residual Learning"; not "How to Subscribe".
GLUED_AFTER = re.compile(r"(?<=[\w)\]?!])Subscribe$")
TITLE_MAX_CHARS = 300
TITLE_MAX_WORDS_WITH_PERIOD = 12  # "Attention Is All You Need." is still a title


def is_title(line: str) -> bool:
    """Whether a content line reads like a title rather than an abstract."""
    if len(line) >= TITLE_MAX_CHARS:
        return False
    return not line.endswith(".") or len(line.split()) <= TITLE_MAX_WORDS_WITH_PERIOD


def clean(line: str) -> str:
    """A line without glued "Subscribe"; "" for furniture and blank lines."""
    line = GLUED_AFTER.sub("", GLUED_BEFORE.sub("", line.strip())).strip()
    return "" if FURNITURE.fullmatch(line) else line


def _paper(file: str, line: int, title: str, abstract: str) -> Paper:
    title = " ".join(title.split())
    return Paper(
        id=title_id(title) if title else title_id(abstract),
        title=title,
        abstract=abstract,
        sources=[Source(file, line)],
    )


def read_listing(path: Path, field_map: object = None) -> Iterator[Paper | Problem]:
    """The papers of a listing page, and a problem per undecodable line."""
    file = str(path)
    content: list[tuple[int, str]] = []
    for number, text in text_lines(path):
        if text is None:
            yield Problem(file, number, NOT_UTF8)
        elif line := clean(text):
            content.append((number, line))
    for number, title, abstract in pair(content):
        yield _paper(file, number, title, abstract)


def pair(content: list[tuple[int, str]]) -> Iterator[tuple[int, str, str]]:
    """(line, title, abstract) from content lines, by the rule of the module docstring."""
    title: tuple[int, str] | None = None
    for index, (number, line) in enumerate(content):
        if title is None:
            if is_title(line):
                title = (number, line)
            else:
                yield number, "", line
            continue
        following = content[index + 1][1] if index + 1 < len(content) else None
        if is_title(line) and following is not None and not is_title(following):
            yield title[0], title[1], ""
            title = (number, line)
        else:
            yield title[0], title[1], line
            title = None
    if title is not None:
        yield title[0], title[1], ""
