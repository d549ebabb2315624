"""Benchmarks: pairing a paper's datasets with its tasks, and results attached to them."""

from __future__ import annotations

from kg.benchmarks import main_task, pairings
from kg.graph import GraphBuilder
from tests.conftest import entity, ev, record


def placed(name: str, sentence: str, base: int, field: str = "abstract") -> dict:
    """An entity mentioned once, in ``sentence``, which starts at offset ``base``."""
    item = entity(name)
    start = base + max(sentence.find(name), 0)
    item["evidence"] = [{**ev(sentence, start, field), "end": start + len(name)}]
    return item


S1 = "We evaluate on ImageNet for image classification."
S2 = "For object detection we use MS COCO."


def test_benchmarks_pair_a_dataset_with_the_task_of_its_sentence():
    paper = record(
        "p", "T",
        tasks=[placed("image classification", S1, 0), placed("object detection", S2, 60)],
        datasets=[placed("ImageNet", S1, 0), placed("MS COCO", S2, 60)],
    )
    pairs = {(p.task["name"], p.dataset["name"]) for p in pairings(paper)}
    assert pairs == {("image classification", "ImageNet"), ("object detection", "MS COCO")}


def test_benchmarks_fall_back_on_the_title_task():
    paper = record(
        "p", "Fast object detection",
        tasks=[placed("image classification", S1, 0), placed("object detection", "Fast", 5,
                                                             field="title")],
        datasets=[placed("VOC", "Results on VOC are strong.", 120)],
    )
    assert [(p.task["name"], p.dataset["name"]) for p in pairings(paper)] == [
        ("object detection", "VOC")]


def test_benchmarks_main_task_is_the_title_task_or_the_only_one():
    assert main_task([placed("detection", "c", 10)])["name"] == "detection"
    assert main_task([placed("detection", "c", 10), placed("segmentation", "d", 50)]) is None
    assert main_task([]) is None


def test_benchmarks_unclear_task_gives_no_benchmark():
    paper = record("p", "T", tasks=[placed("detection", "c", 10), placed("segmentation", "d", 50)],
                   datasets=[placed("VOC", "Results on VOC are strong.", 120)])
    assert list(pairings(paper)) == []


def test_benchmarks_need_a_task():
    paper = record("p", "T", datasets=[placed("ImageNet", S1, 0)])
    assert list(pairings(paper)) == []


def test_benchmarks_in_the_graph_carry_results(two_papers):
    builder = GraphBuilder()
    builder.index_records(two_papers)
    items = list(builder.items(two_papers))
    nodes = {n.id: n for n in items if getattr(n, "label", None) == "Benchmark"}
    bid = "benchmark:imageclassification@imagenet"
    assert nodes[bid].props["name"] == "image classification on ImageNet"
    assert nodes[bid].props["papers"] == 1
    edges = {(e.type, e.source, e.target) for e in items if hasattr(e, "type")}
    assert ("BENCHMARKS", "p1", bid) in edges
    assert ("OF_TASK", bid, "task:imageclassification") in edges
    assert ("OF_DATASET", bid, "dataset:imagenet") in edges
    result = next(e for e in items if getattr(e, "type", None) == "ON_BENCHMARK")
    assert result.target == bid


def test_benchmarks_a_task_far_away_in_a_long_sentence_is_not_the_datasets():
    long = ("It reaches an ImageNet accuracy of 88.0% and scales to many other modalities such "
            "as audio, point clouds and time-series forecasting.")
    paper = record("p", "T", tasks=[placed("time-series forecasting", long, 0),
                                    placed("image classification", "Image classification.", 0,
                                           field="title")],
                   datasets=[placed("ImageNet", long, 0)])
    assert [(p.task["name"], p.dataset["name"]) for p in pairings(paper)] == [
        ("image classification", "ImageNet")]
