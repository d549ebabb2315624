"""Phrases found where spaCy's ``PhraseMatcher`` finds them, by one pass over the text.

A ``PhraseMatcher`` walks every token of a Doc for every document. Between two tokens a spaCy
text holds either nothing or one space (any other white space is a token of its own), so a
phrase of n tokens can be written in 2**(n-1) ways. :class:`PhraseFinder` puts every such
spelling into one Aho-Corasick automaton (``ahocorasick_rs``), reads the text once, and keeps a
hit where ``Doc.char_span`` finds tokens starting and ending exactly there whose ORTH (or LOWER)
values are the phrase's: the spans a ``PhraseMatcher`` on that attribute returns.

Phrases of more than :data:`MAX_TOKENS` tokens (rare, and 2**(n-1) grows fast) stay with a
``PhraseMatcher``, and so does a LOWER search in a text whose lower case is
not one character per character ("İ") or depends on context (the Greek final sigma).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

import ahocorasick_rs
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractors.lexicon import DFA_PATTERNS

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
        self._automaton: tuple[ahocorasick_rs.AhoCorasick, list[_Target]] | None = None

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

    def __call__(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Spans of every phrase in ``doc``, whose text is ``text`` (``Doc.text`` rebuilds it)."""
        if self.lower:
            low = text.lower()
            # "İ" lower-cases to two characters (offsets would shift) and "Σ" depending on the
            # next letter: the matcher reads such a text
            if not text.isascii() and (len(low) != len(text) or "Σ" in text):
                return _spans(doc, self._all(doc))
            text = low
        spans = self._search(doc, text)
        if self._has_long:
            spans += _spans(doc, self._long(doc))
        return spans

    def _search(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        if self._automaton is None:
            self._automaton = self._build()
        automaton, targets = self._automaton
        spans: list[tuple[int, int]] = []
        if not targets:
            return spans
        for i, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
            span = doc.char_span(start, end)  # None unless tokens start and end right there
            if span is None:
                continue
            sequences, chunks, chunked = targets[i]
            # as many tokens as chunks: the tokens are the chunks (no Token objects needed)
            if chunked if len(span) == chunks else self._tokens(span) in sequences:
                spans.append((start, end))
        return spans

    def _tokens(self, span: Span) -> tuple[str, ...]:
        return tuple(t.lower_ if self.lower else t.orth_ for t in span)

    def _build(self) -> tuple[ahocorasick_rs.AhoCorasick, list[_Target]]:
        targets = [(seqs, *_chunks(s, seqs)) for s, seqs in self._spellings.items()]
        # a DFA reads twice as fast as an NFA but grows with the strings (a few thousand take
        # ~10 MB), so long user lexicons keep the NFA
        fast = len(targets) <= DFA_PATTERNS
        automaton = ahocorasick_rs.AhoCorasick(
            list(self._spellings),
            implementation=ahocorasick_rs.Implementation.DFA if fast else None,
        )
        return automaton, targets


# What a string in the automaton stands for: the token sequences it spells, and what _chunks
# says of it
_Target = tuple[set[tuple[str, ...]], int, bool]


def _chunks(spelling: str, sequences: set[tuple[str, ...]]) -> tuple[int, bool]:
    """How many space-separated chunks a spelling has, and whether they, as tokens, are one of
    its token sequences; -1 chunks if one is empty (two spaces in a row).

    A span of a Doc whose text is the spelling and which has as many tokens as the spelling has
    chunks holds exactly the chunks: a token never holds a space unless spaces repeat, so each
    token lies in one chunk, and each chunk holds at least one token. Its tokens are then known
    from the spelling alone, without making a Token object per token.
    """
    chunks = tuple(spelling.split(" "))
    if "" in chunks:
        return -1, False
    return len(chunks), chunks in sequences


def spellings(tokens: tuple[str, ...]) -> Iterator[str]:
    """Every way a spaCy text can hold these tokens: nothing or a space between each two.

    >>> list(spellings(("R", "-", "CNN")))
    ['R-CNN', 'R- CNN', 'R -CNN', 'R - CNN']
    """
    for gaps in product(("", " "), repeat=len(tokens) - 1):
        yield tokens[0] + "".join(gap + token for gap, token in zip(gaps, tokens[1:], strict=True))


def _spans(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    return [(doc[start:end].start_char, doc[start:end].end_char) for _, start, end in matches]
