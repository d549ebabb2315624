"""The concept extractor: lexicon phrases by their tokens, in any case or as written."""

from __future__ import annotations

import pytest
from spacy.matcher import PhraseMatcher

from extractors.base import Document, Mention, join_text
from extractors.concepts import DATA, ConceptExtractor, Entry, _is_exact_form, read_entries
from extractors.phrases import PhraseFinder
from kg.extract import build_nlp
from kg.ingest import read_papers
from kg.records import RunReport
from tests.conftest import shared_path

ENTRIES = [
    Entry("convolutional neural network", ("CNN", "CNNs", "ConvNet")),
    Entry("mixture of experts", ("MoE", "mixture-of-experts", "Mixture-of-Experts")),
    Entry("self-attention", ("self attention",)),
    Entry("dropout"),
    Entry("transformer", ("transformer-based",), case_sensitive=True),
]


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.fixture(scope="module")
def extractor(nlp):
    return ConceptExtractor(nlp, ENTRIES)


def document(nlp, abstract: str, title: str = "A study") -> Document:
    return Document("p", title, abstract, nlp(join_text(title, abstract)))


def found(extractor, nlp, abstract: str) -> list[tuple[str, str]]:
    return [(m.text, m.attrs["canonical"]) for m in extractor(document(nlp, abstract), [])]


# (abstract, (surface, canonical) that must be found, surface that must not be found)
CASES = [
    ("We train a CNN on images.", ("CNN", "convolutional neural network"), None),
    ("CNN-based detectors.", ("CNN", "convolutional neural network"), None),
    ("Two CNNs.", ("CNNs", "convolutional neural network"), "CNN"),
    ("a cnn", None, "cnn"),  # acronyms match as written
    ("Cnn features", None, "Cnn"),
    ("A ConvNet backbone.", ("ConvNet", "convolutional neural network"), None),
    ("A CONVNET backbone.", None, "CONVNET"),
    ("The CNN-1 variant.", None, "CNN"),  # spaCy keeps "CNN-1" one token
    ("CONVOLUTIONAL Neural Networks work.",
     ("CONVOLUTIONAL Neural Networks", "convolutional neural network"), None),
    ("A sparse MoE layer.", ("MoE", "mixture of experts"), None),
    ("A sparse MOE layer.", None, "MOE"),
    ("Mixture-of-Experts models.", ("Mixture-of-Experts", "mixture of experts"), None),
    # the tokens match whatever single spaces stand between them
    ("Mixture - of - Experts models.", ("Mixture - of - Experts", "mixture of experts"), None),
    ("MIXTURE-OF-EXPERTS models.", ("MIXTURE-OF-EXPERTS", "mixture of experts"), None),
    ("We use Self-Attention.", ("Self-Attention", "self-attention"), None),
    # tokens, not characters: "-attention" and "self-" are one token each
    ("We use self -attention.", None, "self -attention"),
    ("We use self- attention.", None, "self- attention"),
    ("Dropout helps.", ("Dropout", "dropout"), None),
    ("dropouts help.", ("dropouts", "dropout"), None),
    ("DROPOUT helps.", None, "DROPOUT"),
    ("A transformer encoder.", ("transformer", "transformer"), None),
    ("A Transformer encoder.", None, "Transformer"),  # the architecture: a method
    ("transformer-based models.", ("transformer-based", "transformer"), None),
    ("Transformer-based models.", None, "Transformer-based"),
]


@pytest.mark.parametrize(("abstract", "must", "must_not"), CASES)
def test_concepts_find_lexicon_forms_by_tokens(extractor, nlp, abstract, must, must_not):
    hits = found(extractor, nlp, abstract)
    if must:
        assert must in hits
    if must_not:
        assert must_not not in [surface for surface, _ in hits]


def test_concepts_offsets_point_at_the_surface(extractor, nlp):
    doc = document(nlp, "Deep CNNs and MoE.", title="On CNN")
    for m in extractor(doc, []):
        assert doc.text[m.start : m.end] == m.text


def test_concepts_defined_acronym_of_a_concept_long_form(extractor, nlp):
    doc = document(nlp, "Sparse mixture of experts (SMoE) layers.")
    start = doc.text.index("SMoE")
    abbreviation = Mention("Abbreviation", "SMoE", start, start + 4, "abbreviations",
                           {"long_form": "mixture of experts"})
    hits = [(m.text, m.attrs["canonical"]) for m in extractor(doc, [abbreviation])]
    assert ("SMoE", "mixture of experts") in hits


def reference(nlp, entries, doc) -> list[tuple[int, int, str]]:
    """The two-matcher implementation the single matcher replaced, as an oracle."""
    exact, lower = PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="LOWER")
    for entry in entries:
        canonical = entry.name.lower() if not entry.case_sensitive else entry.name
        for form in (entry.name, *entry.aliases):
            if _is_exact_form(form) or entry.case_sensitive:
                variants = {form, form + "s"} if form[-1:].islower() else {form}
                if not entry.case_sensitive and form[:1].islower():
                    variants |= {v[:1].upper() + v[1:] for v in variants}
                exact.add(canonical, [nlp.make_doc(v) for v in sorted(variants)])
            else:
                variants = {form} if form.endswith("s") else {form, form + "s"}
                lower.add(canonical, [nlp.make_doc(v) for v in sorted(variants)])
    out, seen = [], set()
    for matcher in (lower, exact):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            if (span.start_char, span.end_char) not in seen:
                seen.add((span.start_char, span.end_char))
                out.append((span.start_char, span.end_char, nlp.vocab.strings[match_id]))
    return out


def test_concepts_same_matches_as_two_phrase_matchers_on_the_seeds(nlp):
    entries = read_entries(DATA / "concepts.jsonl", "Concept")
    extractor = ConceptExtractor(nlp, entries)
    papers = list(read_papers([shared_path("corpus", "seeds")], RunReport()))
    for paper in papers[:150]:
        doc = document(nlp, paper.abstract, paper.title)
        mine = [(m.start, m.end, m.attrs["canonical"]) for m in extractor(doc, [])]
        assert mine == reference(nlp, entries, doc.doc), paper.id


def test_concepts_shared_pass_finds_what_a_finder_finds_and_leaves_concepts_alone(nlp):
    """The methods' lower-case forms found by the concepts' matcher: the spans a LOWER
    PhraseFinder finds, and the concepts unchanged (also where a shared phrase is a concept's
    form, whose match label then stands with the concepts' at one span)."""
    entries = read_entries(DATA / "concepts.jsonl", "Concept")
    alone, sharing = ConceptExtractor(nlp, entries), ConceptExtractor(nlp, entries)
    methods = read_entries(DATA / "methods.jsonl", "Method")
    forms = [f for entry in methods for f in (entry.name, *entry.aliases)]
    forms += ["graph neural networks", "CNN", "Large Language Models", "mixture-of-experts"]
    phrases = [nlp.make_doc(f) for f in forms]
    finder, orth = PhraseFinder(nlp.vocab, "LOWER"), PhraseFinder(nlp.vocab, "ORTH")
    finder.add(phrases)
    orth.add(phrases)
    sharing.shared.add(phrases)
    sharing.shared.orth.add(phrases)
    papers = list(read_papers([shared_path("corpus", "seeds")], RunReport()))
    hits = as_written = 0
    for paper in papers:
        doc = document(nlp, paper.abstract, paper.title)
        assert list(sharing(doc, [])) == list(alone(doc, [])), paper.id
        spans = sharing.shared(doc.doc, doc.text)
        assert sorted(spans) == sorted(finder(doc.doc, doc.text)), paper.id
        written = sharing.shared.orth(doc.doc, doc.text)
        assert sorted(written) == sorted(orth(doc.doc, doc.text)), paper.id
        hits, as_written = hits + len(spans), as_written + len(written)
    assert as_written > 100 and hits > as_written  # some found in another case only



def test_concepts_shared_phrases_are_not_concepts(nlp):
    alone = ConceptExtractor(nlp, ENTRIES)
    sharing = ConceptExtractor(nlp, ENTRIES)
    sharing.shared.add([nlp.make_doc(f) for f in ("Mixture of Experts", "CNN", "Switch MoE")])
    doc = document(nlp, "A switch MoE, a CNN and a mixture of experts.")
    assert [(m.text, m.attrs) for m in sharing(doc, [])] == [
        (m.text, m.attrs) for m in alone(doc, [])
    ]
    assert [doc.text[s:e] for s, e in sharing.shared(doc.doc, doc.text)] == [
        "switch MoE", "CNN", "mixture of experts"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Faster R-CNN and R - CNN beat ResNet-50, RESNET, resnet and Resnet.",
        "A graph  neural network, a Graph Neural Network and GRAPH NEURAL NETWORK.",
        "Mask  SegNet, Mask SegNet, mask segnet, Fast R-CNN, Fast  R-CNN, SegNet's (R-CNN).",
    ],
)
def test_concepts_shared_orth_keeps_tokens_as_written(nlp, text):
    phrases = [nlp.make_doc(p) for p in ("R-CNN", "Fast R-CNN", "ResNet", "Mask  SegNet",
                                         "Graph Neural Network", "SegNet", "resnet")]
    sharing, orth = ConceptExtractor(nlp, ENTRIES), PhraseFinder(nlp.vocab, "ORTH")
    sharing.shared.orth.add(phrases)
    orth.add(phrases)
    doc = nlp.make_doc(text)
    expected = sorted(orth(doc, text))
    assert expected  # each text holds a phrase as written
    assert sorted(sharing.shared.orth(doc, text)) == expected
