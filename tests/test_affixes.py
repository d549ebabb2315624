"""kg.affixes: the shortcuts change how fast spaCy splits a chunk, never how it splits it."""

from __future__ import annotations

import random

import pytest
import spacy

from extractors.base import join_text
from kg import affixes
from kg.extract import build_nlp
from kg.ingest import read_papers
from kg.records import RunReport
from tests.conftest import shared_path

# the characters spaCy's English affix rules turn on, and letters and digits around them
ALPHABET = "aZk9M5s-.'’$,:;()/+*^~=<>°F_…#%&\"[]{}–—²µ@" + "abcxyzABCXYZ0123456789" * 2


@pytest.fixture(scope="module")
def plain():
    return spacy.blank("en").tokenizer


@pytest.fixture(scope="module")
def shortcut():
    tokenizer = spacy.blank("en").tokenizer
    affixes.install(tokenizer)
    return tokenizer


def words(tokenizer, text: str) -> list[str]:
    return [t.text for t in tokenizer(text)]


@pytest.mark.parametrize(
    "chunk",
    [
        "10km", "5M", "US$5", "$5", "+3", "e.g.,", "model's", "models’", "CIFAR-10/100",
        "ResNet-50.", "(CSPNet),", "https://github.com/a/b.", "arXiv.org", "state-of-the-art",
        "x-", "-x", "F1", "3.2%", "1e-4", "top-1", "A/B", "a:b", "a,b", "O(n^2)", "±0.5",
        "Dice=0.8", "GPT-4o", "LLaMA-2-7B", "...", "end...", "°F.", "v2++", "'quoted'",
    ],
)
def test_chunks_split_as_spacy_splits_them(plain, shortcut, chunk):
    assert words(shortcut, chunk) == words(plain, chunk)


def test_random_chunks_split_as_spacy_splits_them(plain, shortcut):
    rng = random.Random(20261123)
    for _ in range(20_000):
        chunk = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 9)))
        assert words(shortcut, chunk) == words(plain, chunk), chunk


def test_shortcuts_answer_for_plain_words_only(shortcut):
    """The shortcuts are taken (no expression runs) for plain words, and only for them."""
    assert shortcut.suffix_search("Transformer") is None
    assert shortcut.suffix_search("ResNet50") is None
    assert shortcut.prefix_search("sub-graphs") is None
    assert list(shortcut.infix_finditer("CSPNet")) == []
    assert shortcut.url_match("github") is None
    assert shortcut.suffix_search("10km") is not None  # a unit after a digit
    assert shortcut.suffix_search("paper's") is not None
    assert list(shortcut.infix_finditer("self-attention"))
    assert shortcut.url_match("github.com") is not None


def test_the_pipeline_tokenizes_corpora_as_spacy_does(plain):
    """Every abstract of both corpora: the same tokens with and without the shortcuts."""
    nlp = build_nlp()
    sources = [shared_path("corpus", "seeds"), shared_path("corpus", "arxiv-ml-2026-06a.jsonl")]
    papers = list(read_papers(sources, RunReport()))
    assert len(papers) > 1_000
    for paper in papers:
        text = join_text(paper.title, paper.abstract)
        assert [t.text for t in nlp.make_doc(text)] == words(plain, text), paper.id
