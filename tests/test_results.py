"""Results: a metric, a value with its unit or ±, the dataset of the clause; no relative claims."""

from __future__ import annotations

import pytest

from kg.extract import Pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def results(pipeline: Pipeline, abstract: str) -> set[tuple]:
    record = pipeline.extract(Paper(id="p", title="GlowNet: a network", abstract=abstract))
    return {(r["metric"], r["value"], r["dataset"]) for r in record["results"]}


@pytest.mark.parametrize("abstract, expected", [
    ("GlowNet reaches an ImageNet accuracy of 88.0%.", ("accuracy", "88.0%", "ImageNet")),
    ("It obtains a Dice score of 0.8013 ± 0.0243 on the test split.",
     ("Dice score", "0.8013 ± 0.0243", None)),
    ("GlowNet attains 48.3 mIoU on ADE20K.", ("mIoU", "48.3", "ADE20K")),
    ("The generator scores (IS=7.42pm0.05, FID=12.30) on CIFAR-10.",
     ("FID", "12.30", "CIFAR-10")),
    ("GlowNet gets 71.4% linear probe accuracy on ImageNet.",
     ("linear probe accuracy", "71.4%", "ImageNet")),
])
def test_results_found(pipeline, abstract, expected):
    assert expected in results(pipeline, abstract)


def test_results_one_metric_over_several_datasets(pipeline):
    found = results(pipeline, "GlowNet has 3.10% test error on CIFAR-10, 18.25% on "
                              "CIFAR-100 and 25.7% on ImageNet.")
    assert {("test error", "18.25%", "CIFAR-100"), ("test error", "25.7%", "ImageNet")} <= found


def test_results_a_dataset_after_another_value_is_not_this_ones(pipeline):
    found = results(pipeline, "It reaches 51.2 box AP on MS COCO and 47.9 mIoU on ADE20K.")
    assert ("mIoU", "47.9", "ADE20K") in found and ("mIoU", "47.9", "MS COCO") not in found


@pytest.mark.parametrize("abstract", [
    "GlowNet improves AP by 3.2 on COCO.",
    "It brings a 1.8% improvement on AP compared with the baseline.",
    "The method gives up to a 1.4% boost in AP over the detector.",
    "It runs with 0.35% accuracy loss.",
    "It beats the baseline by 4.2 mAP for KITTI and 6.3 mAP for COCO.",
    "It needs 20% fewer computations and is 10x faster.",
])
def test_results_relative_claims_are_not_results(pipeline, abstract):
    assert results(pipeline, abstract) == set()
