"""Sentence boundaries: spaCy's sentencizer rule, and the title as its own sentence, in one pass.

The rule is the one of spaCy's rule-based ``sentencizer`` (same punctuation characters, same
result, checked by ``tests/test_sentences.py``): a token whose text is a sentence-final character
(``.``, ``!``, ``?`` and their equivalents in other scripts) ends a sentence, punctuation tokens
right after it (a closing bracket or quote) stay in that sentence, and the next other token starts
the following one. On top of it, the token after the blank line of
:func:`extractors.base.join_text` starts a sentence, so a title without a final stop is its own.

spaCy's component walks the tokens in Python, creating a ``Token`` object for each; this one reads
two per-word flags for the whole document in one ``Doc.to_array`` call, writes one byte per token
(its class) and finds every boundary with one regular expression over those bytes. On the seed
corpus that is about half the time of the ``sentencizer`` and ``title_boundary`` pair it replaced.
"""

from __future__ import annotations

import re

import numpy as np
from spacy import attrs
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

# The characters that end a sentence: spaCy's own list, so the two agree.
FINAL_CHARACTERS = frozenset(Sentencizer.default_punct_chars)
# A token's class is one byte, 2 * final + punct: 0 another token, 1 punctuation that does not
# end a sentence (")"), 2 or 3 a final character. A boundary is a final character, then any
# punctuation, then another token, which starts the next sentence: the bytes of ". ) The" are
# 03 01 00 and the sentence starts at the 00; "( 3 )" (01 00 01) holds no boundary.
BOUNDARY = re.compile(rb"[\x02\x03][\x01-\x03]*\x00")
# The title and the abstract are joined by a blank line, a whitespace token of its own.
TITLE_BREAK = "\n\n"


class SentenceBoundaries:
    """A spaCy component setting ``Token.is_sent_start`` on every token (``Doc.sents`` works)."""

    def __init__(self, vocab: Vocab) -> None:
        # a per-word flag, computed once per word of the vocabulary like IS_PUNCT
        self.final = vocab.add_flag(lambda text: text in FINAL_CHARACTERS)
        self.columns = [self.final, attrs.IS_PUNCT, attrs.IS_SPACE]

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            starts = np.full((len(doc), 1), -1, dtype=np.int64)  # -1: not a sentence start
            starts[self.starts(doc)] = 1
            doc.from_array([attrs.SENT_START], starts.astype(np.uint64))
        return doc

    def starts(self, doc: Doc) -> list[int]:
        """Indices of the tokens that start a sentence, in order (the first token is one)."""
        flags = doc.to_array(self.columns)
        classes = (flags[:, 0] * 2 + flags[:, 1]).astype(np.uint8).tobytes()
        starts = [0, *(match.end() - 1 for match in BOUNDARY.finditer(classes))]
        for i in np.flatnonzero(flags[:, 2]).tolist():  # whitespace tokens: few
            if TITLE_BREAK in doc[i].text:
                if i + 1 < len(doc) and i + 1 not in starts:
                    starts.append(i + 1)
                    starts.sort()
                break
        return starts


@Language.factory("kg_sentences")
def make_sentence_boundaries(nlp: Language, name: str) -> SentenceBoundaries:
    return SentenceBoundaries(nlp.vocab)
