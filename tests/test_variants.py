"""Families from names: the peeling rules, and VARIANT_OF / SUBSET_OF in the built graph."""

from __future__ import annotations

import pytest

from kg.graph import GraphBuilder
from kg.variants import families, family_of
from tests.conftest import entity, record


@pytest.mark.parametrize("name, label, expected", [
    ("ResNet-50", "Method", [("ResNet", "number")]),
    ("ResNet50", "Method", [("ResNet", "number")]),
    ("YOLOv12n", "Method", [("YOLOv12", "size"), ("YOLO", "version")]),
    ("ViT-B/16", "Method", [("ViT-B", "size"), ("ViT", "size")]),
    ("Llama 3.1 8B", "Method", [("Llama 3.1", "size"), ("Llama", "version")]),
    ("EfficientNet-B0", "Method", [("EfficientNet", "size")]),
    ("BERT-large", "Method", [("BERT", "size")]),
    ("U-Net++", "Method", [("U-Net", "version")]),
    ("MobileNetV2", "Method", [("MobileNet", "version")]),
    ("COCO test-dev", "Dataset", [("COCO", "split")]),
    ("COCO val2017", "Dataset", [("COCO", "split")]),
    ("ImageNet-1K", "Dataset", [("ImageNet", "subset")]),
    ("ImageNet-C", "Dataset", [("ImageNet", "version")]),
    ("PASCAL VOC 2012", "Dataset", [("PASCAL VOC", "version")]),
    ("SQuAD v2.0", "Dataset", [("SQuAD", "version")]),
])
def test_variants_peel_naming_marks(name, label, expected):
    assert [(f.parent, f.kind) for f in families(name, label)] == expected


@pytest.mark.parametrize("name, label", [
    ("T5", "Method"),          # one letter would be left
    ("U-Net", "Method"),       # a hyphen is not a mark
    ("ImageNet", "Dataset"),
    ("MS COCO", "Dataset"),
    ("Testbed", "Dataset"),    # "test" inside a word is no split
    ("ValueNet", "Method"),
])
def test_variants_leave_plain_names_alone(name, label):
    assert list(families(name, label)) == []


def test_variants_link_to_the_nearest_family_the_corpus_names():
    nodes = {"YOLO": "method:yolo"}
    found = family_of("YOLOv12n", "Method", nodes.get, "method:yolov12n")
    assert found is not None and found[0] == "method:yolo" and found[1].kind == "version"
    assert family_of("YOLOv12n", "Method", {}.get, "method:yolov12n") is None


def test_variants_in_the_graph_keep_variants_as_their_own_nodes():
    papers = [
        record("p1", "A", methods=[entity("ResNet-50"), entity("ResNet")],
               datasets=[entity("COCO test-dev"), entity("MS COCO", "COCO")]),
        record("p2", "B", methods=[entity("ResNet-101")], datasets=[entity("ImageNet-1K")]),
    ]
    builder = GraphBuilder()
    builder.index_records(papers)
    items = list(builder.items(papers))
    links = sorted((e.type, e.source, e.target, e.props["kind"]) for e in items
                   if getattr(e, "type", None) in ("VARIANT_OF", "SUBSET_OF"))
    assert links == [
        ("SUBSET_OF", "dataset:cocotestdev", "dataset:coco", "split"),
        ("VARIANT_OF", "method:resnet101", "method:resnet", "number"),
        ("VARIANT_OF", "method:resnet50", "method:resnet", "number"),
    ]
    labels = {n.id for n in items if getattr(n, "label", None) == "Method"}
    assert {"method:resnet", "method:resnet50", "method:resnet101"} <= labels
