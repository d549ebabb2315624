"""Phrases found where spaCy's ``PhraseMatcher`` finds them, by one pass over the text.

A ``PhraseMatcher`` walks every token of a Doc for every document. Between two tokens a spaCy
text holds either nothing or one space (any other white space is a token of its own), so a
phrase of n tokens can be written in 2**(n-1) ways. :class:`PhraseFinder` puts every such
spelling into one Aho-Corasick automaton (``ahocorasick_rs``), reads the text once, and keeps a
hit where ``Doc.char_span`` finds tokens starting and ending exactly there whose ORTH (or LOWER)
values are the phrase's: the spans a ``PhraseMatcher`` on that attribute returns.

Phrases of more than :data:`MAX_TOKENS` tokens (rare, and 2**(n-1) grows fast) stay with a
``PhraseMatcher``, and so does a LOWER search in a text whose lower case is not one character
per character ("İ") or depends on context (the Greek final sigma).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

import ahocorasick_rs
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

MAX_TOKENS = 8  # a phrase of 8 tokens has 128 spellings


class PhraseFinder:
    """The ``(start_char, end_char)`` spans a ``PhraseMatcher(vocab, attr)`` would find."""

    def __init__(self, vocab: Vocab, attr: str = "ORTH") -> None:
        if attr not in ("ORTH", "LOWER"):
            raise ValueError(f"attr must be ORTH or LOWER, not {attr!r}")
        self.lower = attr == "LOWER"
        self._spellings: dict[str, set[tuple[str, ...]]] = {}  # spelling -> token sequences
        self._all = PhraseMatcher(vocab, attr=attr)  # for texts the automaton cannot read
        self._long = PhraseMatcher(vocab, attr=attr)  # phrases of more than MAX_TOKENS tokens
        self._has_long = False
        self._automaton: tuple[ahocorasick_rs.AhoCorasick, list[set[tuple[str, ...]]]] | None
        self._automaton = None

    def add(self, phrases: list[Doc]) -> None:
        """Add phrases, each a Doc made by the pipeline's tokeniser (``nlp.make_doc``)."""
        self._all.add("P", phrases)
        for phrase in phrases:
            tokens = tuple(t.lower_ if self.lower else t.orth_ for t in phrase)
            if not tokens:  # an empty phrase, which a PhraseMatcher ignores
                continue
            if len(tokens) > MAX_TOKENS:
                self._long.add("P", [phrase])
                self._has_long = True
                continue
            for spelling in spellings(tokens):
                self._spellings.setdefault(spelling, set()).add(tokens)
        self._automaton = None  # built again on the next search

    def __call__(self, doc: Doc, text: str) -> Iterator[tuple[int, int]]:
        """Spans of every phrase in ``doc``, whose text is ``text`` (``Doc.text`` rebuilds it)."""
        if self.lower:
            low = text.lower()
            if not text.isascii() and (len(low) != len(text) or "Σ" in text):
                yield from _spans(doc, self._all(doc))
                return
            text = low
        if self._spellings:
            yield from self._search(doc, text)
        if self._has_long:
            yield from _spans(doc, self._long(doc))

    def _search(self, doc: Doc, text: str) -> Iterator[tuple[int, int]]:
        if self._automaton is None:
            keys = list(self._spellings)
            self._automaton = (
                ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.DFA),
                [self._spellings[key] for key in keys],
            )
        automaton, sequences = self._automaton
        for i, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
            span = doc.char_span(start, end)  # None unless tokens start and end right there
            if span is not None:
                tokens = tuple(t.lower_ if self.lower else t.orth_ for t in span)
                if tokens in sequences[i]:
                    yield start, end


def spellings(tokens: tuple[str, ...]) -> Iterator[str]:
    """Every way a spaCy text can hold these tokens: nothing or a space between each two.

    >>> list(spellings(("R", "-", "CNN")))
    ['R-CNN', 'R- CNN', 'R -CNN', 'R - CNN']
    """
    for gaps in product(("", " "), repeat=len(tokens) - 1):
        yield tokens[0] + "".join(gap + token for gap, token in zip(gaps, tokens[1:], strict=True))


def _spans(doc: Doc, matches: list[tuple[int, int, int]]) -> Iterator[tuple[int, int]]:
    for _, start, end in matches:
        span = doc[start:end]
        yield span.start_char, span.end_char
