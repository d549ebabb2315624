"""Tasks: lexicon names, the modifier + head shape with its cue, trimming, coordination."""

from __future__ import annotations

import pytest

from extractors.tasks import COORDINATION, DESCRIBING, TASK_SHAPE
from kg.extract import Pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def tasks(pipeline: Pipeline, abstract: str) -> set[str]:
    record = pipeline.extract(Paper(id="p", title="A study", abstract=abstract))
    return {t["name"].lower() for t in record["tasks"]}


@pytest.mark.parametrize("abstract, task", [
    ("We evaluate the detector on object detection.", "object detection"),
    ("A new network for multi-center PET image synthesis is described.",
     "multi-center pet image synthesis"),
    ("Our model is evaluated on skin lesion segmentation, abdominal multi-organ segmentation, "
     "and polyp segmentation.", "polyp segmentation"),  # coordination carries the cue
    ("It improves results for cross-domain sequential recommendation.",
     "cross-domain sequential recommendation"),
    ("We report gains in COCO object detection.", "object detection"),  # the dataset is not part
])
def test_tasks_found(pipeline, abstract, task):
    assert task in tasks(pipeline, abstract)


@pytest.mark.parametrize("abstract, wrong", [
    ("Results, including skin lesion segmentation, are shown on the benchmark.",
     "including skin lesion segmentation"),
    ("The method outperforms lane detection baselines on the benchmark.",
     "outperforms lane detection"),
    ("We rely on data augmentation for training.", "data augmentation"),  # a technique
    ("Deep learning has changed vision.", "deep learning"),  # a research area
])
def test_tasks_not_found(pipeline, abstract, wrong):
    assert wrong not in tasks(pipeline, abstract)


@pytest.mark.parametrize("text, shape", [
    ("for object detection.", "for object detection"),
    ("on PET image synthesis", "on PET image synthesis"),
])
def test_tasks_shape_matches(text, shape):
    assert TASK_SHAPE.search(text).group(1) == shape


@pytest.mark.parametrize("text", ["the Detection", "slide-level", "image-level classification"])
def test_tasks_shape_does_not_match_inside_words(text):
    match = TASK_SHAPE.search(text)
    assert match is None or not match.group(1).startswith("level")


@pytest.mark.parametrize("word, describes", [
    ("including", True), ("enhanced", True), ("newly", True), ("high-efficiency", True),
    ("image", False), ("multi-organ", False), ("click-through", False), ("polyp", False),
])
def test_tasks_describing_words_are_trimmed(word, describes):
    assert bool(DESCRIBING.match(word)) is describes


@pytest.mark.parametrize("between, coordinated", [
    (", ", True), (", and ", True), (" or ", True), (" with the ", False), (" for ", False),
])
def test_tasks_coordination(between, coordinated):
    assert bool(COORDINATION.match(between)) is coordinated
