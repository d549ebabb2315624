"""Sentence boundaries: spaCy's sentencizer rule, and the title as its own sentence, in one pass.

The rule is the one of spaCy's rule-based ``sentencizer`` (same punctuation characters, same
result, checked by ``tests/test_sentences.py``): a token whose text is a sentence-final character
(``.``, ``!``, ``?`` and their equivalents in other scripts) ends a sentence, punctuation tokens
right after it (a closing bracket or quote) stay in that sentence, and the next other token starts
the following one. On top of it, the token after the blank line of
:func:`extractors.base.join_text` starts a sentence, so a title without a final stop is its own.

spaCy's component walks the tokens in Python, creating a ``Token`` object for each. This one reads
the text: ``str.find`` (a regular expression in non-ASCII text) finds the final characters (a few
per sentence), and only there are tokens looked at, through their start offsets (one
``Doc.to_array(IDX)`` call: a column held in the token structs, cheaper to read than a word's
flags). The same offsets give each sentence's character span, which :meth:`SentenceBoundaries.mark`
returns, so :class:`kg.extract.Pipeline` builds no ``Span`` per sentence. ``nlp(text)`` works too
but reads ``Doc.text``, which is slow.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import numpy as np
from spacy import attrs
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

# The characters that end a sentence: spaCy's own list, so the two agree.
FINAL_CHARACTERS = frozenset(Sentencizer.default_punct_chars)
# The final characters of ASCII text, each found by str.find (which skips to it at memchr speed;
# re tests each character against a class, four times the time).
ASCII_FINALS = "".join(sorted(c for c in FINAL_CHARACTERS if c.isascii()))
# A character outside the Basic Multilingual Plane: matches "\U0001d688"; must not match "é".
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Where a final character is, in other text: matches the "." of "works." and of "3.5" (the token
# decides); must not match ",". A class holding characters outside the Basic Multilingual Plane
# makes re test each character slowly (15 times the time), so FINAL_ANY, which has them, reads
# only a text with such a character (ASTRAL).
_BMP_FINALS = "".join(sorted(c for c in FINAL_CHARACTERS if not ASTRAL.match(c)))
FINAL = re.compile(f"[{re.escape(_BMP_FINALS)}]")
FINAL_ANY = re.compile(f"[{re.escape(''.join(sorted(FINAL_CHARACTERS)))}]")
# The component's name in a pipeline.
SENTENCES = "kg_sentences"
# The title and the abstract are joined by a blank line, a whitespace token of its own.
TITLE_BREAK = "\n\n"
# Token.is_sent_start False, as a SENT_START value (-1) in the unsigned array Doc.from_array takes.
NOT_START = np.uint64(2**64 - 1)


class SentenceBoundaries:
    """A spaCy component setting ``Token.is_sent_start`` on every token (``Doc.sents`` works)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, doc: Doc) -> Doc:
        self.mark(doc, doc.text)  # Doc.text is slow: Pipeline calls mark with the text it has
        return doc

    def mark(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Set the boundaries of ``doc`` (the tokens of ``text``); the ``(start_char, end_char)``
        of each sentence, as ``Doc.sents`` gives them."""
        if not len(doc):
            return []
        starts = doc.to_array(attrs.IDX).tolist()  # where each token starts
        first = self.starts(text, starts)
        flags = np.full(len(starts), NOT_START)
        flags[first] = 1
        doc.from_array([attrs.SENT_START], flags)
        return _spans(text, starts, first)

    def starts(self, text: str, starts: list[int]) -> list[int]:
        """Indices of the tokens that start a sentence, in order (the first token is one), given
        where each token of ``text`` starts.

        The tokenizer cuts text at every change between whitespace and not, so a word holds no
        whitespace, and a word's only trailing whitespace is one " " outside every token.
        """
        n = len(starts)
        found = {0}
        for at in _finals(text):
            i = bisect_left(starts, at)
            nxt = at + 1
            if i == n or starts[i] != at:
                continue  # inside a token ("3.5", "e.g.")
            if nxt < len(text) and not text[nxt].isspace() and (i + 1 == n or starts[i + 1] != nxt):
                continue  # a longer token ("...", ".5"): not a final character alone
            i += 1
            while i < n and self._punct(text, starts, i):
                i += 1
            if i < n:
                found.add(i)
        brk = text.find(TITLE_BREAK)
        while brk != -1:
            i = bisect_right(starts, brk) - 1  # a whitespace token: "\n" is in no word
            if _end(text, starts, i) >= brk + len(TITLE_BREAK):  # the first with the whole break
                if i + 1 < n:
                    found.add(i + 1)
                break
            brk = text.find(TITLE_BREAK, brk + 1)
        return sorted(found)

    def _punct(self, text: str, starts: list[int], i: int) -> bool:
        """Whether token ``i`` keeps to the sentence before it: punctuation or a final character."""
        first = text[starts[i]]
        if first.isalnum() or first.isspace():  # a word or a space (most): not punctuation
            return False
        word = text[starts[i] : _end(text, starts, i)]
        return word in FINAL_CHARACTERS or self.vocab[word].is_punct


def _spans(text: str, starts: list[int], first: list[int]) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of each sentence, given the index of its first token: it ends
    where the next starts, less the trailing " " of its last token (:func:`_end`, inlined: a
    call per sentence costs more than the rest)."""
    spans = []
    a = first[0]
    for b in first[1:]:
        end = starts[b]
        if text[end - 1] == " " and not text[starts[b - 1]].isspace():
            end -= 1
        spans.append((starts[a], end))
        a = b
    spans.append((starts[a], _end(text, starts, len(starts) - 1)))
    return spans


def _end(text: str, starts: list[int], i: int) -> int:
    """Where token ``i`` ends: where the next starts (or the text ends), less the trailing " " a
    word may have (a whitespace token has none: a run of spaces is one token)."""
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    if text[end - 1] == " " and not text[starts[i]].isspace():
        end -= 1
    return end


def _finals(text: str) -> Iterator[int]:
    """Where the final characters of ``text`` are (not in order)."""
    if text.isascii():
        for char in ASCII_FINALS:
            at = text.find(char)
            while at != -1:
                yield at
                at = text.find(char, at + 1)
        return
    final = FINAL_ANY if ASTRAL.search(text) else FINAL
    for match in final.finditer(text):
        yield match.start()


@Language.factory(SENTENCES)
def make_sentence_boundaries(nlp: Language, name: str) -> SentenceBoundaries:
    return SentenceBoundaries(nlp.vocab)
