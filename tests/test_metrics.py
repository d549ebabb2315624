"""Metrics: lexicon forms (case rules), parameterised shapes, and "parameters" as a measure."""

from __future__ import annotations

import pytest

from extractors.metrics import PARAMETERISED, PARAMETERS
from kg.extract import Pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def metrics(pipeline: Pipeline, abstract: str) -> set[str]:
    record = pipeline.extract(Paper(id="p", title="A study", abstract=abstract))
    return {m["name"] for m in record["metrics"]} | {
        a for m in record["metrics"] for a in m["aliases"]}


@pytest.mark.parametrize("text, found", [
    ("Our detector reaches 43.5 mAP on the validation split.", "mAP"),
    ("We report the Dice score and the Hausdorff distance.", "Dice score"),
    ("The model improves top-1 accuracy by a wide margin.", "top-1 accuracy"),
    ("Segmentation quality is measured by mean intersection over union.",
     "mean intersection over union"),
    ("It attains 55.6 mIoU on the benchmark.", "mIoU"),
])
def test_metrics_find_lexicon_forms(pipeline, text, found):
    assert found in metrics(pipeline, text)


@pytest.mark.parametrize("text, absent", [
    ("We map each token to a latent code.", "map"),  # "mAP" is case-sensitive
    ("A feature Map is computed per stage.", "Map"),
    ("The model parameters are learned end to end.", "parameters"),  # not reported as a measure
])
def test_metrics_leave_ordinary_words_alone(pipeline, text, absent):
    assert absent not in metrics(pipeline, text)


@pytest.mark.parametrize("text", ["mAP@0.5", "mAP@0.5:0.95", "AP50", "AP_{75}", "Recall@10",
                                  "Hits@1", "pass@1"])
def test_metrics_parameterised_shape_matches(text):
    assert PARAMETERISED.search(f"we report {text} on it").group() == text


@pytest.mark.parametrize("text", ["AP alone", "Recall is high", "APIs", "mAP2"])
def test_metrics_parameterised_shape_does_not_match(text):
    assert PARAMETERISED.search(text) is None


@pytest.mark.parametrize("text, matches", [
    ("with 25M parameters", True),
    ("with fewer parameters", True),
    ("the number of parameters", True),
    ("model parameters are shared", False),
])
def test_metrics_parameters_only_as_a_measure(text, matches):
    assert bool(PARAMETERS.search(text)) is matches


@pytest.mark.parametrize("text, found, absent", [
    ("It reaches a high segmentation accuracy on scans.", "segmentation accuracy",
     "high segmentation accuracy"),
    ("A ViT reaches 83% zero-shot transfer accuracy.", "zero-shot transfer accuracy", None),
    ("It keeps graceful accuracy under noise.", "accuracy", "graceful accuracy"),
    ("The FID=9.91 shows the quality.", "FID", None),
])
def test_metrics_qualified_measures(pipeline, text, found, absent):
    names = metrics(pipeline, text)
    assert found in names and absent not in names
