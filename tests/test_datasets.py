"""Datasets: lexicon, cue phrases, scores "on" a name, shorthand coordination, trimming."""

from __future__ import annotations

import pytest

from extractors.datasets import NAMED_WITH_CUE, SCORED_ON, SHORTHAND
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
    ("It reaches 61.2 mIoU on ADE20K and 70.1% on MMBench.", "MMBench"),
    ("The model scores 7.06 mAP for NuImages.", "NuImages"),
    ("We test it on the Harbor DeepScan Dataset, a driving corpus.", "Harbor DeepScan Dataset"),
    ("Sketches came from the Sketchy dataset.", "Sketchy"),
    ("We evaluate on three datasets: MoleNet, RiverSet and Q-Bench.", "Q-Bench"),
    ("Trained on OpenAI's WIT corpus.", "WIT"),
    ("We report BLEU on WMT'14 English-to-French.", "WMT'14"),
])
def test_datasets_found(pipeline, abstract, name):
    assert name in datasets(pipeline, abstract)


@pytest.mark.parametrize("abstract, wrong", [
    ("It improves accuracy by 2% on ResNet-50 backbones.", "ResNet-50"),  # a model
    ("Gains of 3% for ABR are shown.", "ABR"),  # a short acronym after a score
    ("We report 2.26% error on CIFAR-10, 16.39% on CIFAR-100.", "CIFAR-16"),
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


@pytest.mark.parametrize("pattern, text, group", [
    (NAMED_WITH_CUE, "on the Spiking Heidelberg Dataset (SHD)", "Spiking Heidelberg Dataset"),
    (SCORED_ON, "59.7 mIoU on ADE20K", "ADE20K"),
    (SHORTHAND, "CIFAR-10,100", "CIFAR-"),
])
def test_datasets_patterns_match(pattern, text, group):
    assert pattern.search(text).group(1) == group


@pytest.mark.parametrize("pattern, text", [
    (NAMED_WITH_CUE, "the dataset is large"),
    (SCORED_ON, "80% of images"),
    (SHORTHAND, "trained 10/100 epochs"),
])
def test_datasets_patterns_do_not_match(pattern, text):
    assert pattern.search(text) is None
