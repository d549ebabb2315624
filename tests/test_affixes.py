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



def spans(search, chunk: str):
    match = search(chunk)
    return None if match is None else match.span()


def random_chunks(seed: int, n: int = 20_000):
    """Mostly a word of the shapes the shortcuts read (letters, digits, hyphens, a point) and
    up to two marks; one character in five from the whole :data:`ALPHABET`."""
    rng = random.Random(seed)
    marks = ",;:)]}!?.'’sS" + "°%$-"
    for _ in range(n):
        word = "".join(rng.choice(ALPHABET if rng.random() < 0.2 else "aZ9kM-.US$")
                       for _ in range(rng.randint(0, 7)))
        chunk = word + "".join(rng.choice(marks) for _ in range(rng.randint(0, 2)))
        if chunk:
            yield chunk


def test_random_chunks_get_spacys_affix_spans(plain, shortcut):
    """Each search's answer itself, not only the tokens: where a prefix, suffix, infix or URL
    starts and ends, as spaCy's expression says (``Tokenizer.explain`` reads the starts)."""
    for chunk in random_chunks(11):
        assert spans(shortcut.prefix_search, chunk) == spans(plain.prefix_search, chunk), chunk
        assert spans(shortcut.suffix_search, chunk) == spans(plain.suffix_search, chunk), chunk
        assert [m.span() for m in shortcut.infix_finditer(chunk)] == [
            m.span() for m in plain.infix_finditer(chunk)
        ], chunk
        assert spans(shortcut.url_match, chunk) == spans(plain.url_match, chunk), chunk


def asked_of_spacy(wrap, chunk: str) -> bool:
    asked = []
    wrap(lambda c: asked.append(c) or ())(chunk)
    return bool(asked)


@pytest.mark.parametrize(
    "chunk, answered",
    [
        ("models,", True), ("CNN),", True), ("CSPNet.", True), ("CNN.", True), ("ours).", True),
        ("ResNet50)", True), ("paper's", True), ("model’s", True), ("end!", True),
        ("55.6%", True), ("0.5", True), ("10km,", True),
        ("A.", False), ("x-.", False), ("e.g.,", False), ("10km", False), ("models.,", False),
        ("55.6x", False),
    ],
)
def test_suffix_shortcut_answers_a_word_and_its_mark(chunk, answered):
    """A plain word or number and one closing mark is answered without spaCy's expression;
    anything else is asked of it."""
    assert asked_of_spacy(affixes._shortcut_suffix, chunk) is not answered


@pytest.mark.parametrize(
    "chunk, answered",
    [
        ("CSPNet", True), ("0.5", True), ("state-of-the-art", True), ("ResNet-50", True),
        ("8-bit", True), ("a--b", False), ("x-", False), ("a/b", False), ("e.g", False),
    ],
)
def test_infix_shortcut_answers_words_hyphens_and_decimals(chunk, answered):
    assert asked_of_spacy(affixes._shortcut_infix, chunk) is not answered


@pytest.mark.parametrize(
    "chunk, answered",
    [("models,", True), ("2024", True), ("US$5", False), ("C$5", False), ("(CNN)", False)],
)
def test_prefix_shortcut_answers_a_letter_or_digit_start(chunk, answered):
    assert asked_of_spacy(affixes._shortcut_prefix, chunk) is not answered
