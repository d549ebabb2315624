"""Code links: link mentions, url-less locations and availability claims (URLs: test_urls)."""

from __future__ import annotations

import re

import pytest
import spacy

from extractors.base import CODE, CODE_AVAILABLE, Document, join_text
from extractors.code_links import (
    ARTIFACT_AVAILABLE_AT,
    ARTIFACT_IS_AVAILABLE,
    DATA_OBJECT,
    DATA_WORD,
    NAMED_LOCATION,
    NEGATION,
    OBJECT_END,
    OPEN_SOURCE_SELF,
    WE_MAKE_AVAILABLE,
    WE_PROVIDE,
    WE_RELEASE,
    CodeLinkExtractor,
    _may_claim,
    _read,
    available_sentence,
)

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def make_doc(abstract: str, title: str = "A Paper Title") -> Document:
    return Document("p1", title, abstract, NLP(join_text(title, abstract)))


def run(abstract: str, title: str = "A Paper Title"):
    document = make_doc(abstract, title)
    return document, list(CodeLinkExtractor()(document, []))


# (pattern, must match, must not match): every regex of the module.
PATTERN_TABLE = [
    (ARTIFACT_IS_AVAILABLE, "Our code is publicly available", "publicly available models"),
    (ARTIFACT_IS_AVAILABLE, "Models will be released", "models are provided neutral options"),
    (ARTIFACT_IS_AVAILABLE, "The code is at: ####", "the model is at once fast"),
    (ARTIFACT_AVAILABLE_AT, "Code available at", "available models"),
    (WE_RELEASE, "We will publicly release", "we relied on"),
    (WE_PROVIDE, "we also provide", "the method provides"),
    (OBJECT_END, "X to support Y", "toolkit"),
    (
        WE_MAKE_AVAILABLE,
        "We make our code and models publicly available",
        "we make the model robust",
    ),
    (OPEN_SOURCE_SELF, "We present Foo, an open-source toolkit", "four open-source LLMs"),
    (DATA_OBJECT, "the dataset is available", "the dataset and code are available"),
    (DATA_WORD, "our benchmark", "a database update"),
    (NEGATION, "Code will not be released", "Code is now available"),
    (NAMED_LOCATION, "available at PaddleClas", "available at the end"),
]


@pytest.mark.parametrize(
    ("pattern", "good", "bad"), PATTERN_TABLE, ids=[good for _, good, _ in PATTERN_TABLE]
)
def test_code_links_patterns_match_and_reject(pattern: re.Pattern[str], good: str, bad: str):
    assert pattern.search(good), f"{pattern.pattern!r} should match {good!r}"
    assert not pattern.search(bad), f"{pattern.pattern!r} should not match {bad!r}"


def test_code_links_offsets_point_at_the_url_as_written():
    document, mentions = run("Our code is at https://github.com/lab/FastNet.")
    (link,) = [m for m in mentions if m.label == CODE]
    assert document.text[link.start : link.end] == "https://github.com/lab/FastNet" == link.text
    assert link.attrs == {"url": "https://github.com/lab/FastNet", "kind": "code"}


def test_code_links_href_with_url_text_is_one_link():
    _, mentions = run(
        r"Code: \href{https://github.com/lab/FastNet}{https://github.com/lab/FastNet}."
    )
    assert [m.attrs["url"] for m in mentions if m.label == CODE] == [
        "https://github.com/lab/FastNet"
    ]


def test_code_links_zenodo_holding_software_is_code():
    _, mentions = run("The source code is archived at https://zenodo.org/records/7654321.")
    assert [m.attrs["kind"] for m in mentions if m.label == CODE] == ["code"]
    _, mentions = run("Our dataset is archived at https://zenodo.org/records/7654321.")
    assert [m.attrs["kind"] for m in mentions if m.label == CODE] == ["data"]


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("We propose GateMLP. Code and models are available at PaddleClas.", "PaddleClas"),
        ("Our models are included in the TorchVision repository.", "TorchVision"),
        ("The source code will be available at MindSpore/models.", "MindSpore/models"),
        ("Our implementation is released in MMDetection.", "MMDetection"),
    ],
)
def test_code_links_urlless_location(abstract: str, name: str):
    document, mentions = run(abstract)
    (link,) = [m for m in mentions if m.label == CODE]
    assert link.attrs == {"url": None, "name": name, "kind": "code"}
    assert document.text[link.start : link.end] == name
    assert any(m.label == CODE_AVAILABLE for m in mentions)


@pytest.mark.parametrize(
    "abstract",
    [
        "Code is available on GitHub.",
        "Our code is available in Appendix B.",
        "Code is available at the end of the supplementary material.",
        "The trained models are available in Figure 3.",
    ],
)
def test_code_links_platform_is_not_a_location(abstract: str):
    _, mentions = run(abstract)
    assert not [m for m in mentions if m.label == CODE]


@pytest.mark.parametrize(
    "sentence",
    [
        "Code will be released upon acceptance.",
        "Our code is publicly available.",
        "The code and trained weights are available at https://lab.example.org/fastnet.",
        "Source code: https://github.com/lab/FastNet",
        "We release our code and pretrained models to support future work.",
        "We will publicly release the evaluation data, all checkpoints, and training code.",
        "We provide easy-to-use code that turns any network into a sparse one.",
        "We make our implementation publicly available.",
        "We present FastKit, an open-source toolkit for pruning vision transformers.",
        "The complete system is released open source.",
        "Code and data are available at https://lab.github.io/fastnet.",
        "The benchmark is hosted at https://github.com/lab/fastbench.",
        "Our source code is included in the supplementary material.",
    ],
)
def test_code_links_availability_yes(sentence: str):
    _, mentions = run(sentence)
    (claim,) = [m for m in mentions if m.label == CODE_AVAILABLE]
    assert claim.attrs == {"available": True}
    assert claim.text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We evaluate on four publicly available datasets.",
        "We release a new benchmark of code snippets for program repair.",
        "We also release a new dataset of two million captioned images.",
        "The dataset is publicly available at https://huggingface.co/datasets/lab/fastset.",
        "Project page: https://lab.github.io/fastnet.",
        "We compare with four open-source LLMs and two proprietary models.",
        "Code will not be released for legal reasons.",
        "We provide a general framework for adaptive compression.",
        "Prior pipelines assume that suitable frames are available.",
        "LLMs can now generate code for many tasks.",
        "We release FastBench to establish a baseline for future systems.",
        "Even when models are provided neutral options, they stay biased.",
    ],
)
def test_code_links_availability_no(sentence: str):
    _, mentions = run(sentence)
    assert not [m for m in mentions if m.label == CODE_AVAILABLE]


def test_code_links_one_claim_per_document():
    _, mentions = run("Code is available at https://github.com/lab/a. Models will be released.")
    claims = [m for m in mentions if m.label == CODE_AVAILABLE]
    assert len(claims) == 1 and claims[0].text.startswith("Code is available")


def test_code_links_available_sentence_is_pure():
    assert available_sentence("Our code is publicly available.")
    assert available_sentence("See ####.", ["code"])
    assert not available_sentence("See ####.", ["project"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Code will be released upon acceptance.",
        "We make our implementation publicly available.",
        "We present FastKit, an open-source toolkit for pruning vision transformers.",
        "We provide easy-to-use code that turns any network into a sparse one.",
        "Our source code is included in the supplementary material.",
    ],
)
def test_code_links_claim_words_let_every_claim_through(sentence: str):
    assert available_sentence(sentence)
    assert _may_claim(_read(sentence)), "the cheap test must never drop a claim"


def test_code_links_sentence_without_claim_words_is_skipped():
    assert not _may_claim(_read("We evaluate the model on three tasks."))
    assert not _may_claim(_read("The results are shown in Table 2."))


def test_code_links_case_twins_still_claim():
    # "ı" and "ſ" match "i" and "s" under IGNORECASE but lower-case to neither, so the
    # lower-case word tests cannot see them: such a text has every sentence read.
    _, mentions = run("We study sorting. The ſource code ıs releaſed.")
    claims = [m.text for m in mentions if m.label == CODE_AVAILABLE]
    assert claims == ["The ſource code ıs releaſed."]


def test_code_links_follows_the_protocol():
    extractor = CodeLinkExtractor()
    assert extractor.name == "code_links"
    assert extractor.labels == (CODE, CODE_AVAILABLE)
    _, mentions = run("No links here.")
    assert mentions == []
