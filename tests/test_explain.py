from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.explain import explain, find_nodes


def test_explain_finds_nodes_by_id_name_and_alias(store):
    assert [label for label, _ in find_nodes(store, "method:latticenet")] == ["Method"]
    # a name can denote several nodes: the paper is titled after its method
    assert [label for label, _ in find_nodes(store, "latticenet")] == ["Paper", "Method"]
    assert [n["id"] for _, n in find_nodes(store, "imagenet")] == ["dataset:imagenet"]


def test_explain_lists_every_relationship_with_its_evidence(store):
    (item,) = explain(store, "ResNet-50")
    assert item.label == "Method"
    assert {(e["source"], e["type"]) for e in item.evidence} == {("p1", "USES"), ("p2", "USES")}
    assert all(e["sentence"] and e["extractor"] == "test" for e in item.evidence)


def test_explain_between_two_nodes_keeps_only_their_relationships(store):
    (item,) = explain(store, "p1", "ResNet-50")
    assert [(e["type"], e["target"]) for e in item.evidence] == [("USES", "method:resnet50")]


def test_explain_unknown_node_is_an_input_error(store):
    with pytest.raises(InputError, match="no node"):
        explain(store, "no such thing")


def test_explain_shows_method_comparisons_from_either_side(tmp_path, two_papers):
    from kg.graph import GraphBuilder
    from kg.store import Store
    from tests.conftest import ev

    two_papers[0]["comparisons"] = [{"winner": "LatticeNet", "loser": "ResNet-50",
                                     "dataset": "ImageNet", "metric": "top-1 accuracy",
                                     "evidence": ev("LatticeNet outperforms ResNet-50.", 11)}]
    builder = GraphBuilder()
    builder.index_records(two_papers)
    with Store.create(tmp_path) as store:
        store.load(builder.items(two_papers))
        for key, other in (("method:latticenet", "ResNet-50"),
                           ("ResNet-50", "method:latticenet")):
            (item,) = [i for i in explain(store, key, other) if i.label == "Method"]
            assert [(e["type"], e["source"], e["target"]) for e in item.evidence] == [
                ("OUTPERFORMS", "method:latticenet", "method:resnet50")]
