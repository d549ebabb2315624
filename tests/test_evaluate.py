"""The scorer: each matching rule of the gold README on hand-made gold/prediction pairs."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from kg.errors import EvalError
from kg.evaluate import (
    FIRST_NUMBER,
    URL_SCHEME,
    URL_TRAILING,
    EvalReport,
    Score,
    first_number,
    load_jsonl,
    max_matching,
    normalise_name,
    normalise_url,
    result_matches,
    score,
)
from tests.conftest import shared_path


def paper(pid: str = "p1", **kinds: Any) -> dict[str, Any]:
    return {"id": pid, "title": f"Paper {pid}", **kinds}


def ent(name: str, *aliases: str, proposed: bool = False) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "proposed": proposed}


def one(gold: dict[str, Any], pred: dict[str, Any], kind: str) -> Score:
    return score([gold], [pred]).scores[kind]


@pytest.mark.parametrize(
    ("pattern", "good", "bad"),
    [
        (FIRST_NUMBER, "88.0%", "top-"),
        (URL_SCHEME, "https://github.com/a", "github.com:443"),
        (URL_TRAILING, "github.com/a/b).", "github.com/a/b"),
    ],
)
def test_evaluate_patterns_match_and_reject(pattern, good: str, bad: str):
    assert pattern.search(good)
    assert not pattern.search(bad)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("CIFAR-10", "cifar10"),
        ("CIFAR 10", "Cifar10"),
        ("ＣＩＦＡＲ－１０", "cifar10"),
        ("Straße", "STRASSE"),
    ],
)
def test_evaluate_normalise_name_equal(a: str, b: str):
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(
    ("value", "number"),
    [("88.0%", "88.0"), ("0.8013 ± 0.0243", "0.8013"), ("top-1 76.3", "76.3"), ("−2.5 dB", "-2.5")],
)
def test_evaluate_first_number(value: str, number: str):
    assert first_number(value) == first_number(number)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://github.com/Lab/Net", "http://www.GitHub.com/Lab/Net/"),
        ("https://github.com/Lab/Net.git", "github.com/Lab/Net."),
        ("https://lab.github.io/net/", "lab.github.io/net"),
    ],
)
def test_evaluate_normalise_url_equal(a: str, b: str):
    assert normalise_url(a) == normalise_url(b)


def test_evaluate_normalise_url_keeps_path_case():
    assert normalise_url("https://github.com/Lab/Net") != normalise_url(
        "https://github.com/lab/net"
    )


def test_evaluate_score_properties():
    s = Score(tp=3, n_pred=4, n_gold=6)
    assert (s.precision, s.recall) == (0.75, 0.5)
    assert s.f1 == pytest.approx(0.6)
    assert Score().f1 == 1.0  # nothing expected, nothing predicted
    assert Score(0, 0, 2).f1 == 0.0


def test_evaluate_alias_matches_name():
    gold = paper(datasets=[ent("MS COCO", "COCO")])
    pred = paper(datasets=[ent("coco")])
    assert one(gold, pred, "datasets") == Score(1, 1, 1)


def test_evaluate_string_items_and_objects_mix():
    gold = paper(tasks=["object detection"], metrics=[{"name": "mIoU", "aliases": ["mean IoU"]}])
    pred = paper(tasks=[{"name": "Object-Detection"}], metrics=["mean IoU"])
    report = score([gold], [pred])
    assert report.scores["tasks"].tp == report.scores["metrics"].tp == 1


def test_evaluate_matching_is_one_to_one():
    gold = paper(methods=[ent("ResNet-50")])
    pred = paper(methods=[ent("ResNet50"), ent("resnet 50")])
    assert one(gold, pred, "methods") == Score(1, 2, 1)


def test_evaluate_matching_is_maximum_whatever_the_order():
    # A greedy matcher pairing "A" with the first gold item it meets finds one pair; two exist.
    gold = [ent("Alpha", "A"), ent("Beta")]
    pred = [ent("A", "Beta"), ent("Alpha")]
    scores = set()
    for seed in range(6):
        rng = random.Random(seed)
        g, p = gold[:], pred[:]
        rng.shuffle(g)
        rng.shuffle(p)
        scores.add(one(paper(methods=g), paper(methods=p), "methods").tp)
    assert scores == {2}


def test_evaluate_max_matching_augments():
    edges = {(0, 0), (0, 1), (1, 0)}
    assert max_matching(2, 2, lambda i, j: (i, j) in edges) == {0: 1, 1: 0}


def test_evaluate_proposed_needs_both_sides():
    gold = paper(methods=[ent("FastNet", proposed=True), ent("ResNet-50")])
    pred = paper(methods=[ent("FastNet", proposed=True), ent("ResNet-50", proposed=True)])
    report = score([gold], [pred])
    assert report.scores["proposed"] == Score(1, 2, 1)
    assert report.scores["methods"] == Score(2, 2, 2)
    not_proposed = paper(methods=[ent("FastNet")])
    assert one(gold, not_proposed, "proposed") == Score(0, 0, 1)


def result(value: str, metric: str, dataset: str | None = None, method: str | None = None):
    return {"method": method, "dataset": dataset, "metric": metric, "value": value}


@pytest.mark.parametrize(
    ("pred", "matches"),
    [
        (result("88%", "top-1 accuracy", "ImageNet"), True),  # 88% = 88.0%
        (result("88.0", "accuracy", "ImageNet-1K"), True),  # metric contained, dataset alias
        (result("88.0%", "Top1 Accuracy", "imagenet"), True),
        (result("88.1%", "top-1 accuracy", "ImageNet"), False),  # number differs
        (result("88.0%", "mIoU", "ImageNet"), False),  # metric differs
        (result("88.0%", "top-1 accuracy", "CIFAR-10"), False),  # another dataset
        (result("88.0%", "top-1 accuracy", None), False),  # gold names a dataset, pred none
        (result("88.0%", "top-1 accuracy", "ImageNet", method="Other"), True),  # method unscored
    ],
)
def test_evaluate_result_rules(pred: dict[str, Any], matches: bool):
    datasets = [ent("ImageNet", "ImageNet-1K")]
    gold = paper(results=[result("88.0%", "top-1 accuracy", "ImageNet")], datasets=datasets)
    predicted = paper(results=[pred], datasets=datasets)
    assert one(gold, predicted, "results").tp == int(matches)


def test_evaluate_result_dataset_by_predicted_alias():
    gold = paper(results=[result("41.2", "AP", "MS COCO")], datasets=[ent("MS COCO", "COCO")])
    pred = paper(
        results=[result("41.2", "box AP", "COCO-2017")], datasets=[ent("COCO-2017", "COCO")]
    )
    assert one(gold, pred, "results").tp == 1


def test_evaluate_result_without_gold_dataset_ignores_predicted_one():
    gold = paper(results=[result("0.95", "AUC")])
    assert result_matches(result("0.950", "AUC", "SomeSet"), gold["results"][0])
    assert one(gold, paper(results=[result("0.95", "AUC", "SomeSet")]), "results").tp == 1


def test_evaluate_code_urls_and_kind_accuracy():
    gold = paper(
        code=[
            {"url": "https://github.com/Lab/Net", "kind": "code"},
            {"url": "https://lab.github.io/net", "kind": "project"},
            {"url": "https://youtu.be/abc", "kind": "video"},
        ]
    )
    pred = paper(
        code=[
            {"url": "github.com/Lab/Net.git", "kind": "code"},
            {"url": "http://lab.github.io/net/", "kind": "other"},
            {"url": "https://github.com/Lab/Other", "kind": "code"},
        ]
    )
    report = score([gold], [pred])
    assert report.scores["code"] == Score(2, 3, 3)
    assert report.code_kind_accuracy == 0.5
    assert report.code_kind_matched == 2


def test_evaluate_code_without_url_matches_by_name():
    gold = paper(code=[{"url": None, "name": "PaddleClas", "kind": "code"}])
    pred = paper(code=[{"url": None, "name": "paddleclas", "kind": "code"}])
    assert one(gold, pred, "code") == Score(1, 1, 1)


def test_evaluate_code_available_accuracy_and_missing_papers():
    gold = [
        paper("p1", code_available=True, tasks=["image registration"]),
        paper("p2", code_available=False, tasks=["node classification"]),
        paper("p3", code_available=True),
    ]
    pred = [paper("p1", code_available=True, tasks=["image registration"]), paper("zz")]
    report = score(gold, pred)
    assert report.papers == 3
    assert report.code_available_accuracy == pytest.approx(2 / 3)  # p3 is missing: False
    assert report.scores["tasks"] == Score(1, 1, 2)
    assert report.unknown_predictions == 1
    assert ("p2", "tasks", "fn", "node classification") in {
        (e.paper_id, e.kind, e.error, e.item) for e in report.errors
    }


def test_evaluate_errors_list_false_positives():
    report = score([paper(metrics=["F1"])], [paper(metrics=["F1", "BLEU"])])
    assert [(e.kind, e.error, e.item) for e in report.errors] == [("metrics", "fp", "BLEU")]


def test_evaluate_duplicate_ids_are_errors():
    with pytest.raises(EvalError, match="twice"):
        score([paper("p1"), paper("p1")], [])
    with pytest.raises(EvalError, match="no id"):
        score([{"title": "x"}], [])


def test_evaluate_report_to_dict_and_table():
    report = score([paper(metrics=["F1"], code_available=True)], [paper(metrics=["F1"])])
    data = report.to_dict()
    assert data["scores"]["metrics"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 1,
        "pred": 1,
        "gold": 1,
    }
    assert data["code_available_accuracy"] == 0.0
    json.dumps(data)  # serialisable
    lines = report.to_table().splitlines()
    assert lines[0].split() == ["kind", "P", "R", "F1", "tp", "pred", "gold"]
    assert lines[5].split() == ["metrics", "1.000", "1.000", "1.000", "1", "1", "1"]
    assert len({len(line) for line in lines[:9]}) == 1  # aligned columns


def test_evaluate_load_jsonl_reports_file_and_line(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "a"}\n\n{"id": "b"}\n', encoding="utf-8")
    assert [r["id"] for r in load_jsonl(good)] == ["a", "b"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.jsonl:2: bad JSON"):
        load_jsonl(bad)
    with pytest.raises(EvalError, match="cannot be read"):
        load_jsonl(tmp_path / "absent.jsonl")
    not_object = tmp_path / "list.jsonl"
    not_object.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"list\.jsonl:1: expected a JSON object"):
        load_jsonl(not_object)


def test_evaluate_dev_against_itself_is_perfect():
    gold = load_jsonl(shared_path("gold", "dev.jsonl"))
    report: EvalReport = score(gold, gold)
    for kind, s in report.scores.items():
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), kind
    assert report.code_kind_accuracy == 1.0
    assert report.code_available_accuracy == 1.0
    assert report.papers == len(gold) and not report.errors
