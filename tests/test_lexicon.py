"""The lexicon matchers: one shared Aho-Corasick pass gives each matcher what its own would."""

from __future__ import annotations

import random

import pytest

from extractors.lexicon import CaseFormMatcher, FormMatcher, SharedPass, load_lexicons
from kg.ingest import read_papers
from kg.records import RunReport
from tests.conftest import shared_path

DATASET_FORMS = ["ImageNet", "MS COCO", "COCO", "ADE20K", "The Pile", "SVHN", "mAP"]
KEYS = [" on ", "dataset", "benchmark"]
TASK_FORMS = ["object detection", "detection", "NER", "Person ReID", "accuracy"]
METRIC_FORMS = ["accuracy", "top-1 accuracy", "mAP", "AP", "IS", "Dice score", "time"]

MESSY = [
    "On MS COCO, object detection reaches 41.2 mAP and AP50; the IS is high.",
    "Top-1 Accuracy on ImageNet. OBJECT DETECTION and Person Re-ID, person ReID.",
    "NER, ner, learner; Dice Score vs dice score; The Pile and the Pile.",
    "miniImageNet ADE20K. COCO-Stuff (COCO) — détection, Accuracy… time-series timely",
    "",
    "accuracyaccuracy  accuracy\naccuracy\tACCURACY",
]


def _matchers(shared: SharedPass | None):
    """A dataset, a task and a metric matcher, sharing ``shared`` or each with its own pass."""
    return (FormMatcher(DATASET_FORMS, keys=KEYS, shared=shared),
            CaseFormMatcher(TASK_FORMS, shared=shared),
            CaseFormMatcher(METRIC_FORMS, shared=shared))


def _read(matchers, text: str):
    datasets, tasks, metrics = matchers
    return datasets.scan(text), tasks.finditer(text), metrics.finditer(text)


def _texts() -> list[str]:
    words = " ".join(MESSY).replace(",", " ").split(" ")
    rng = random.Random(3)
    noise = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))) for _ in range(300)]
    return MESSY + noise


@pytest.mark.parametrize("text", _texts())
def test_lexicon_shared_pass_equals_one_pass_per_matcher(text):
    assert _read(_matchers(SharedPass()), text) == _read(_matchers(None), text)


def test_lexicon_shared_pass_equals_one_pass_per_matcher_on_the_seeds():
    lexicon = load_lexicons()
    forms = [f for e in lexicon.of("Dataset") for f in e.forms]
    tasks = [f for e in lexicon.of("Task") for f in e.forms]
    metrics = [f for e in lexicon.of("Metric") for f in e.forms]
    shared = SharedPass()
    together = (FormMatcher(forms, KEYS, shared), CaseFormMatcher(tasks, shared),
                CaseFormMatcher(metrics, shared))
    alone = (FormMatcher(forms, KEYS), CaseFormMatcher(tasks), CaseFormMatcher(metrics))
    for paper in read_papers([shared_path("corpus", "seeds")], RunReport()):
        text = f"{paper.title}\n\n{paper.abstract}"
        assert _read(together, text) == _read(alone, text), paper.id


def test_lexicon_shared_pass_reads_a_text_again_after_a_form_is_added():
    shared = SharedPass()
    datasets, _, metrics = _matchers(shared)
    text = "We report mIoU on Cityscapes."
    assert metrics.finditer(text) == [] and datasets.finditer(text) == []
    metrics.add("mIoU")
    datasets.add("Cityscapes")
    assert metrics.finditer(text) == [(10, 14, "mIoU")]
    assert datasets.finditer(text) == [(18, 28, "Cityscapes")]


def test_lexicon_shared_pass_without_strings_finds_nothing():
    shared = SharedPass()
    assert FormMatcher(shared=shared).scan("On COCO.") == ([], [])
    assert CaseFormMatcher(shared=shared).finditer("accuracy") == []
