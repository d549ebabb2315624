"""kg.sentences: the same boundaries as spaCy's sentencizer plus the title break."""

from __future__ import annotations

import random

import pytest
import spacy

from extractors.base import join_text
from kg.extract import build_nlp
from kg.ingest import read_papers
from kg.records import RunReport
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.fixture(scope="module")
def reference():
    """spaCy's own rule-based sentencizer, and the title as its own sentence."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def reference_spans(reference, text: str) -> list[tuple[int, int]]:
    doc = reference(text)
    starts = {sent.start for sent in doc.sents}
    for token in doc:  # the title break, as spaCy users would add it
        if token.is_space and "\n\n" in token.text:
            if token.i + 1 < len(doc):
                starts.add(token.i + 1)
            break
    bounds = sorted(starts)
    ends = [*bounds[1:], len(doc)]
    pairs = zip(bounds, ends, strict=True)
    return [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in pairs]


def spans(nlp, text: str) -> list[tuple[int, int]]:
    return [(sent.start_char, sent.end_char) for sent in nlp(text).sents]


@pytest.mark.parametrize("text", [
    "A title without a stop\n\nWe propose X. It works!",
    "A title.\n\nFirst sentence (see Fig. 2). Second one?! Third.",
    'He said "it works." Then we left.',
    "Values such as 3.5 and e.g. 4.2 do not end a sentence. This does.",
    "Ends with punctuation only ...",
    "No stop at all",
    "Title\n\n\n\nAbstract after more blank lines. Done.",
    "Title\n\nOne. (Two.) Three.",
    "Title\n\n",
    "。中文句子。 Another one.",
    ". . . leading stops. Then text.",
    "Title\n\nA tab\t. here, .5 and ... end. Next",
    "One\U00011047 Two. Three\u0964Four \u0964 five",  # finals outside the BMP and in it
    " Leading space. Trailing space. ",
    "A\u00a0. b\u2009! c",  # other spaces are tokens of their own
    "Title \n\n Abstract.",
    "(Fig. 2.) \"Quoted.\" Next!?) Then",
])
def test_sentences_match_spacy_sentencizer(nlp, reference, text):
    assert spans(nlp, text) == reference_spans(reference, text)


def test_sentences_title_is_its_own_sentence(nlp):
    text = join_text("CSPNet: a backbone", "We propose CSPNet. It is fast.")
    found = [text[a:b].strip() for a, b in spans(nlp, text)]  # the break ends the title
    assert found == ["CSPNet: a backbone", "We propose CSPNet.", "It is fast."]


def test_sentences_empty_text(nlp):
    assert spans(nlp, "") == []


def test_sentences_seed_corpus_matches_spacy(nlp, reference):
    seeds = shared_path("corpus", "seeds")
    papers = list(read_papers([seeds], RunReport()))
    assert papers
    for paper in papers:
        text = join_text(paper.title, paper.abstract)
        assert spans(nlp, text) == reference_spans(reference, text), paper.id


# Pieces of messy text for random documents: final characters alone, inside words and next to
# brackets, quotes and spaces of every kind.
PIECES = [
    "word", "We", "3.5", "e.g.", "Fig.", "U.S.", ".", "!", "?", "...", "?!", ")", "(", '"', "'",
    "\u3002", "\U00011047", "\u0964", ",", ";", "-", " ", " ", " ", "  ", "\n", "\n\n", "\t",
    "\u00a0", ".5", "x.y", "\u00e9t\u00e9", "[1]", ". ", "! ", ".)", '."',
]


def test_sentences_random_texts_match_spacy(nlp, reference):
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))
        doc = nlp.make_doc(text)
        marked = nlp.get_pipe("kg_sentences").mark(doc, text)
        assert marked == reference_spans(reference, text), repr(text)
        assert marked == [(sent.start_char, sent.end_char) for sent in doc.sents]
        assert all(token.is_sent_start is not None for token in doc), repr(text)
