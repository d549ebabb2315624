"""Listing pages: a title line followed by its abstract, with page furniture mixed in.

The shape of the Hugging Face "trending papers" pages: "new", "Get trending
papers in your email inbox!", "Subscribe", "byAK and the research community"
and dates ("Mar 12") are dropped; a title glued to "Subscribe" is repaired.
A line is an abstract when it reads like prose (long, or several sentences);
otherwise it is a title. A title followed by another title is a paper without
an abstract; an abstract with no title before it is a paper without a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.ingest.common import RawRecord

# Whole furniture lines: "Get trending papers in your email inbox once a day!", "Mar 12",
# "byAK and the research community", "new", "Subscribe"; not "New Results on ResNets".
FURNITURE = re.compile(
    r"^(?:new|subscribe|get trending papers in your email inbox(?: once a day)?!?"
    r"|by\s*ak and the research community"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)$",
    re.IGNORECASE,
)
# "SubscribeCSPNet: A New Backbone" -> "CSPNet: A New Backbone"; not "Subscriber models".
GLUED_SUBSCRIBE = re.compile(r"^Subscribe(?=[A-Z0-9])")
# Sentence ends inside a line: "... systems. We propose" ; not "e.g. ResNet".
SENTENCE_BREAK = re.compile(r"[a-z0-9)\]][.!?]\s+[A-Z]")


def is_prose(line: str) -> bool:
    """An abstract rather than a title: long, or more than one sentence."""
    return len(line) >= 300 or (len(line) >= 120 and bool(SENTENCE_BREAK.search(line)))


def content_lines(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Non-empty lines without page furniture, a glued "Subscribe" removed."""
    for number, raw in lines:
        line = GLUED_SUBSCRIBE.sub("", raw.strip())
        if line and not FURNITURE.match(line):
            yield number, line


def read_listing(lines: Iterator[tuple[int, str]]) -> Iterator[RawRecord]:
    """Records ``{"title", "abstract"}`` with the line number of their first line.

    A short prose-like line directly followed by a long one is a (long) title.
    """
    title: tuple[int, str] | None = None
    stream = content_lines(lines)
    current = next(stream, None)
    while current is not None:
        following = next(stream, None)
        number, line = current
        long_title = (title is None and len(line) < 300 and following is not None
                      and len(following[1]) >= 300)
        if is_prose(line) and not long_title:
            start = title[0] if title else number
            yield RawRecord(start, {"title": title[1] if title else "", "abstract": line})
            title = None
        else:
            if title:
                yield RawRecord(title[0], {"title": title[1], "abstract": ""})
            title = (number, line)
        current = following
    if title:
        yield RawRecord(title[0], {"title": title[1], "abstract": ""})
