"""Datasets: lexicon, cue phrases, scores "on" a name, shorthand coordination, trimming."""

from __future__ import annotations

import pytest

from kg.extract import Pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def datasets(pipeline: Pipeline, abstract: str) -> dict[str, dict]:
    record = pipeline.extract(Paper(id="p", title="A study", abstract=abstract))
    return {d["name"]: d for d in record["datasets"]}


@pytest.mark.parametrize("abstract, name", [
    ("We train on the TotalSegmentator dataset.", "TotalSegmentator"),
    ("Results on the Oxford Pets and FoodX benchmarks are reported.", "FoodX"),
    ("It reaches 44.0 mIoU on ADE20K and 66.3% on QuizBench.", "QuizBench"),
    ("The model scores 31.5 mAP for RoadScenes.", "RoadScenes"),
    ("We test it on the Harbor DeepScan Dataset, a driving corpus.", "Harbor DeepScan Dataset"),
    ("Drawings came from the Doodles dataset.", "Doodles"),
    ("We evaluate on three datasets: MoleNet, RiverSet and Q-Bench.", "Q-Bench"),
    ("Trained on Acme's PixBank corpus.", "PixBank"),
    ("We report BLEU on WMT'16 English-to-Romanian.", "WMT'16"),
])
def test_datasets_found(pipeline, abstract, name):
    assert name in datasets(pipeline, abstract)


@pytest.mark.parametrize("abstract, wrong", [
    ("It improves accuracy by 2% on ResNet-50 backbones.", "ResNet-50"),  # a model
    ("Gains of 3% for ABR are shown.", "ABR"),  # a short acronym after a score
    ("We report 4.12% error on CIFAR-10, 21.07% on CIFAR-100.", "CIFAR-21"),
    ("Large-scale benchmarks are used.", "Large-scale"),
])
def test_datasets_not_found(pipeline, abstract, wrong):
    assert wrong not in datasets(pipeline, abstract)


def test_datasets_shorthand_coordination(pipeline):
    found = datasets(pipeline, "We use CIFAR-10/100 and ImageNet-1K/22K.")
    assert {"CIFAR-10", "CIFAR-100", "ImageNet-1K", "ImageNet-22K"} <= set(found)


def test_datasets_introduced_is_proposed(pipeline):
    found = datasets(pipeline, "We introduce HorizonBench, a new benchmark for planning.")
    assert found["HorizonBench"]["proposed"] is True
