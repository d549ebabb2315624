"""The protocol every extractor follows, and the records it returns.

An extractor has a ``name``, the ``labels`` it produces, and is called with a
:class:`Document` (the parsed title + abstract) and the mentions found by the
extractors before it; it returns new :class:`Mention` objects. Extractors never
mutate the document; overlaps between them are resolved in one place
(``kg.extract``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Protocol

from spacy.tokens import Doc, Span

# Mention labels (entity kinds) and the extraction-record keys they fill.
METHOD = "Method"
DATASET = "Dataset"
TASK = "Task"
METRIC = "Metric"
CONCEPT = "Concept"
RESULT = "Result"
CODE = "Code"  # attrs: url (or None), kind, name (for url-less "available at X")
CODE_AVAILABLE = "CodeAvailable"  # a statement that code/models are or will be released
# An abbreviation definition "long form (SF)": the mention spans the short form;
# attrs: long_form, long_start, long_end. Runs first; later extractors read it.
ABBREVIATION = "Abbreviation"


@dataclass(slots=True)
class Mention:
    """A span of the document text that an extractor labelled.

    ``start``/``end`` are character offsets into :attr:`Document.text`
    (title, a blank line, abstract). ``attrs`` carries label-specific values:
    ``proposed`` for methods and datasets, ``long_form`` when an abbreviation
    definition pairs the span, ``url``/``kind`` for code links, and
    ``method``/``dataset``/``metric``/``value`` for results.
    """

    label: str
    text: str
    start: int
    end: int
    extractor: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Document:
    """A paper's text parsed once and shared by every extractor."""

    paper_id: str
    title: str
    abstract: str
    doc: Doc  # spaCy Doc over ``text`` with sentence boundaries set

    @property
    def text(self) -> str:
        # Joined from the fields: spaCy's Doc.text rebuilds the string from tokens each call.
        return join_text(self.title, self.abstract)

    @property
    def title_end(self) -> int:
        """Offset where the title ends (the abstract starts two characters later)."""
        return len(self.title)

    def field_of(self, start: int) -> str:
        return "title" if start < self.title_end else "abstract"

    def sentences(self) -> list[tuple[int, int]]:
        """``(start, end)`` character offsets of every sentence, in order."""
        return [(sent.start_char, sent.end_char) for sent in self.doc.sents]

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """Offsets of the sentence holding ``offset`` (one at a token start, as mentions are)."""
        spans = self.sentences()
        i = max(0, bisect_right(spans, offset, key=itemgetter(0)) - 1)
        return spans[i]

    def sentence_at(self, start: int, end: int | None = None) -> Span:
        """The sentence that contains the character offset ``start``."""
        span = self.doc.char_span(start, end or start + 1, alignment_mode="expand")
        if span is None:  # offset inside whitespace: walk to the nearest token
            token = min(self.doc, key=lambda t: abs(t.idx - start))
            return token.sent
        return span[0].sent


def join_text(title: str, abstract: str) -> str:
    """The one text extractors see: title, a blank line, abstract."""
    return f"{title}\n\n{abstract}" if title else f"\n\n{abstract}"


class Extractor(Protocol):
    """What every extractor offers."""

    name: str
    labels: tuple[str, ...]

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        """Return the mentions this extractor finds, given those found before it."""
        ...
