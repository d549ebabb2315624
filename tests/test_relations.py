"""Comparisons: "X outperforms Y" between named methods, with dataset and metric."""

from __future__ import annotations

import pytest

from kg.extract import Pipeline
from kg.graph import GraphBuilder
from kg.records import Paper
from tests.conftest import entity, ev, record


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def compare(pipeline: Pipeline, abstract: str, title: str = "GlowNet: fast nets") -> set:
    found = pipeline.extract(Paper(id="x", title=title, abstract=abstract))["comparisons"]
    return {(c["winner"], c["loser"], c["dataset"], c["metric"]) for c in found}


@pytest.mark.parametrize("abstract, expected", [
    ("We propose GlowNet. On ImageNet, GlowNet outperforms ResNet-50 and DenseNet in top-1 "
     "accuracy.", {("GlowNet", "ResNet-50", "ImageNet", "top-1 accuracy"),
                   ("GlowNet", "DenseNet", "ImageNet", "top-1 accuracy")}),
    ("We propose GlowNet. Our model, built on ResNet, surpasses VGG on CIFAR-10.",
     {("GlowNet", "VGG", "CIFAR-10", None)}),
    ("We propose GlowNet. The proposed network performs better than MobileNetV2.",
     {("GlowNet", "MobileNetV2", None, None)}),
    ("We propose GlowNet. Experiments show that EfficientNet beats ResNet-50 here.",
     {("EfficientNet", "ResNet-50", None, None)}),
])
def test_relations_find_comparisons(pipeline, abstract, expected):
    assert compare(pipeline, abstract) == expected


@pytest.mark.parametrize("abstract", [
    "We propose GlowNet. GlowNet outperforms the state of the art on ImageNet.",  # no loser named
    "We propose GlowNet. The performance of ResNet-50 and VGG is reported.",  # no cue
    "We propose GlowNet. Prior methods outperform VGG, while GlowNet is faster.",  # no subject
    "We propose GlowNet. GlowNet is fast; ResNet-50 is accurate and beats nothing.",
])
def test_relations_leave_other_sentences_alone(pipeline, abstract):
    assert compare(pipeline, abstract) == set()


def test_relations_become_outperforms_edges_with_evidence():
    sentence = "GlowNet outperforms VGG on ImageNet."
    paper = record("p", "GlowNet", methods=[entity("GlowNet", proposed=True), entity("VGG")])
    paper["comparisons"] = [{"winner": "GlowNet", "loser": "VGG", "dataset": "ImageNet",
                             "metric": None, "evidence": ev(sentence, 8)},
                            {"winner": "GlowNet", "loser": "Unknown", "dataset": None,
                             "metric": None, "evidence": ev(sentence, 8)}]
    builder = GraphBuilder()
    builder.index_records([paper])
    edges = [e for e in builder.items([paper]) if getattr(e, "type", None) == "OUTPERFORMS"]
    assert [(e.source, e.target, e.props["dataset"], e.props["sentence"]) for e in edges] == [
        ("method:glownet", "method:vgg", "ImageNet", sentence)]
    assert builder.report.dropped["comparison between methods the paper does not name"] == 1


@pytest.mark.parametrize("text", [
    "GlowNet outperforms VGG, and OUTPERFORMED ResNet; it Surpasses all.",
    "It is better than VGG and performs\n  favourably against DenseNet.",
    "It is better understood; it compares favorably with ResNet; it was  better than VGG.",
    "An upbeat outperformance, beaten path, superior\tto VGG, exceeding, outclassed.",
    "Xis better than VGG; better than VGG; (is)better than; is_better than; MLP is better than X.",
    "GlowNet ſurpasses VGG and İs better than ResNet, which outperforms MLP.",  # folded letters
    "It does better than VGG, do better than, performing better than, works better than.",
])
def test_relations_cues_are_the_regex_matches(text):
    from extractors.relations import CUE, CUE_AUTOMATON, _cues

    keys = CUE_AUTOMATON.find_matches_as_indexes(text.lower())
    assert [m.span() for m in _cues(text, keys)] == [m.span() for m in CUE.finditer(text)]
    assert [m.span() for m in CUE.finditer(text)]  # every row holds a cue


def test_relations_overlapping_keys_are_never_needed():
    """The leftmost key search gives the cues and the gate an overlapping search would give."""
    import random

    import ahocorasick_rs

    from extractors.relations import CUE_AUTOMATON, CUE_KEYS, GATED_KEYS, _cues

    every = ahocorasick_rs.AhoCorasick(CUE_KEYS)  # overlapping search, as it was
    # keys that overlap the end of another key: "surpass" + "superior", "outclass" + "surpass"
    pairs = [(a, b) for a in CUE_KEYS for b in CUE_KEYS
             if any(a.endswith(b[:i]) for i in range(1, len(b))) or (a != b and b in a)]
    assert pairs and all(a not in GATED_KEYS for a, _ in pairs)
    pieces = [*CUE_KEYS, *(a + b[i:] for a, b in pairs for i in range(1, len(b))
                           if a.endswith(b[:i])), "is", "IS", " ", "  ", "\n", "than", "to",
              "s", "x", "-", "S", "Better", "superior to", "better than", "VGG", ",", "."]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        lowered = text.lower()
        fast, slow = (CUE_AUTOMATON.find_matches_as_indexes(lowered),
                      every.find_matches_as_indexes(lowered, overlapping=True))
        assert [m.span() for m in _cues(text, fast)] == [m.span() for m in _cues(text, slow)]

        def read(keys, lowered=lowered):
            return any(CUE_KEYS[i] not in GATED_KEYS or GATED_KEYS[CUE_KEYS[i]] in lowered
                       for i, _, _ in keys)

        assert read(fast) == read(slow), text


@pytest.mark.parametrize("abstract, expected", [
    ("We propose GlowNet. GlowNet is better than VGG.", {("GlowNet", "VGG", None, None)}),
    # only one space in "better than" or "superior to" gets a text read (as it always was)
    ("We propose GlowNet. GlowNet is better\nthan VGG.", set()),
    ("We propose GlowNet. GlowNet is superior  to VGG.", set()),
    # another cue word gets it read, and then CUE finds "superior  to" too
    ("We propose GlowNet. GlowNet is superior  to VGG and beats MLP.",
     {("GlowNet", "VGG", None, None)}),
])
def test_relations_texts_are_read_for_cues_by_their_words(pipeline, abstract, expected):
    assert compare(pipeline, abstract) == expected
