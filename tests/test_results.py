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
    ("GlowNet attains 55.6 mIoU on ADE20K.", ("mIoU", "55.6", "ADE20K")),
    ("Our searched GANs achieve (IS=8.81pm0.10, FID=9.91) on CIFAR-10.",
     ("FID", "9.91", "CIFAR-10")),
    ("GlowNet achieves 83.0% zero-shot transfer accuracy on ImageNet.",
     ("accuracy", "83.0%", "ImageNet")),
    ("The model has 12.83 million parameters.", ("parameters", "12.83 million", None)),
])
def test_results_found(pipeline, abstract, expected):
    assert expected in results(pipeline, abstract)


def test_results_one_metric_over_several_datasets(pipeline):
    found = results(pipeline, "GlowNet achieves 2.26% test error on CIFAR-10, 16.39% on "
                              "CIFAR-100 and 23.4% on ImageNet.")
    assert {("test error", "16.39%", "CIFAR-100"), ("test error", "23.4%", "ImageNet")} <= found


def test_results_a_dataset_after_another_value_is_not_this_ones(pipeline):
    found = results(pipeline, "It reaches 60.0 box AP on MS COCO and 59.7 mIoU on ADE20K.")
    assert ("mIoU", "59.7", "ADE20K") in found and ("mIoU", "59.7", "MS COCO") not in found


@pytest.mark.parametrize("abstract", [
    "GlowNet improves AP by 3.2 on COCO.",
    "It brings a 3.1% improvement on AP compared with MobileNetV3.",
    "The method gives up to a 2.5% boost in AP over HRNet.",
    "It runs with 0.76% accuracy loss.",
    "It outperforms the baseline by 7.06 mAP for NuImages and 12.9 mAP for COCO.",
    "It needs 20% fewer computations and is 10x faster.",
])
def test_results_relative_claims_are_not_results(pipeline, abstract):
    assert results(pipeline, abstract) == set()
