"""Schwartz & Hearst abbreviation definitions: both orders, the relaxed rule, and the patterns."""

from __future__ import annotations

import re

import pytest
import spacy

from extractors import abbreviations as ab
from extractors.base import ABBREVIATION, Document, join_text


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def definitions(nlp, abstract: str, title: str = "A title") -> dict[str, str]:
    doc = Document("p", title, abstract, nlp(join_text(title, abstract)))
    found = list(ab.AbbreviationExtractor()(doc, []))
    assert all(m.label == ABBREVIATION for m in found)
    for m in found:  # offsets point at the short and the long form
        assert doc.text[m.start : m.end] == m.text
        assert doc.text[m.attrs["long_start"] : m.attrs["long_end"]] == m.attrs["long_form"]
    return {m.text: m.attrs["long_form"] for m in found}


@pytest.mark.parametrize(
    ("sentence", "short", "long"),
    [
        (
            "We build on the Cross Stage Partial Network (CSPNet) design.",
            "CSPNet",
            "Cross Stage Partial Network",
        ),
        (
            "We adopt CSPNet (Cross Stage Partial Network) as the backbone.",
            "CSPNet",
            "Cross Stage Partial Network",
        ),
        ("Results with low-rank adapters (LoRA) are strong.", "LoRA", "low-rank adapters"),
        (
            "We use Dilated Convolution with Learnable Spacings (DCLS) here.",
            "DCLS",
            "Dilated Convolution with Learnable Spacings",
        ),
        ("Graph Neural Networks (GNNs) are popular.", "GNNs", "Graph Neural Networks"),
        ("We present the Sparse Token Mixer (STM), a new layer.", "STM", "Sparse Token Mixer"),
        # a digit standing for "to"
        ("Recent text-to-image (T2I) models are large.", "T2I", "text-to-image"),
        ("It converts grapheme-to-phoneme (G2P) pairs.", "G2P", "grapheme-to-phoneme"),
    ],
)
def test_abbreviations_finds_definition(nlp, sentence, short, long):
    assert definitions(nlp, sentence) == {short: long}


def test_abbreviations_relaxed_pairing_for_coined_short_forms(nlp):
    # no strict Schwartz-Hearst match (no "h" after the "G"), but the capitals are initials
    found = definitions(nlp, "We present the Heterogeneous Graph Diffusion Model (DiffGraph).")
    assert found == {"DiffGraph": "Heterogeneous Graph Diffusion Model"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Accuracy improved markedly (see Table 2).",
        "This was shown before (Smith et al., 2020).",
        "The loss drops quickly (e.g. after two epochs).",
        "We train for long (100 epochs).",
        "Generators (G) and discriminators (D) compete.",
        "The model (ours) is better.",
    ],
)
def test_abbreviations_ignores_non_definitions(nlp, sentence):
    assert definitions(nlp, sentence) == {}


def test_abbreviations_long_form_stays_in_its_clause(nlp):
    found = definitions(nlp, "Training is slow. Memory Efficient Backprop (MEB) helps.")
    assert found == {"MEB": "Memory Efficient Backprop"}


def test_abbreviations_best_long_form_is_schwartz_hearst():
    assert ab.best_long_form("CSPNet", "using the Cross Stage Partial Network") == 10
    assert ab.best_long_form("XYZ", "a completely unrelated phrase") is None


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Training is slow. Memory Efficient Backprop (MEB)", "Memory Efficient Backprop "),
        ("With a 0.5 ratio. Sparse Mixer (SM)", "Sparse Mixer "),
        ("With a 0.5 ratio Sparse Mixer (SM)", "With a 0.5 ratio Sparse Mixer "),
        ('The "Cross Stage Partial Network (CSPNet)', "Cross Stage Partial Network "),
        ("see [3]; then Graph Nets (GN)", "then Graph Nets "),
        ("A Graph Net.(GN)", "A Graph Net."),  # no space after the stop: no break
        ("Done. " + "word " * 50 + "(W)", ("word " * 50)[-200:]),  # 200 characters at most
    ],
)
def test_abbreviations_clause_ends_at_the_last_mark(text: str, clause: str):
    paren = text.index("(", len(text) - 10)
    assert text[ab._clause_start(text, paren) : paren] == clause


PATTERNS = [
    (ab.PARENS, "the network (CSPNet) is", True),
    (ab.PARENS, "no parentheses here", False),
    (ab.SHORT_FORM, "CSPNet", True),
    (ab.SHORT_FORM, "D-DARTS", True),
    (ab.SHORT_FORM, "e.g.", False),
    (ab.SHORT_FORM, "see below", False),
    (ab.SHORT_FORM, "G", False),
    (ab.WORD_BEFORE, "we adopt CSPNet ", True),
    (ab.WORD_BEFORE, "we adopt X, ", False),
    (ab.CLAUSE_MARK, "slow. Memory", True),
    (ab.CLAUSE_MARK, "long-range", False),
    (ab.ITEM_BREAK, "CSPNet, 2020", True),
    (ab.ITEM_BREAK, "1,000", False),
    (ab.CONTEXT_LOWER, "İstanbul", True),
    (ab.CONTEXT_LOWER, "Straße", False),
    (ab.CAPITALISED_RUN, "a Hierarchical Edge Module ", True),
    (ab.CAPITALISED_RUN, "the module ", False),
    (ab.NOT_LONG_FORM, "Smith et al. 2020", True),
    (ab.NOT_LONG_FORM, "Cross Stage Partial Network", False),
]


@pytest.mark.parametrize(("pattern", "text", "expected"), PATTERNS)
def test_abbreviations_pattern_table(pattern: re.Pattern, text: str, expected: bool):
    assert bool(pattern.search(text)) is expected
