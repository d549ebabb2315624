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
