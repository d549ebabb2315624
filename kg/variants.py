"""Families from names: ResNet-50 is a ResNet, YOLOv12n a YOLOv12, COCO test-dev a split of COCO.

A variant keeps its own node (a result on COCO test-dev is not a result on COCO
val) and is linked to its family: ``VARIANT_OF`` between methods, ``SUBSET_OF``
between datasets. The family is found by peeling one naming mark at a time off
the end of the name — a split, a size, a parameter count, a version, a number —
and linking to the nearest shorter name that is itself a node of the graph; a
name is never linked to a family the corpus does not mention. Each link records
its ``kind`` (split, size, version, number) and the ``rule`` that peeled it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

# (rule name, kind, pattern of the mark at the end of a name). Order matters: the first
# rule that matches peels its mark; the rest of the name is tried again.
_RULES: list[tuple[str, str, str, re.Pattern[str]]] = [
    (label, name, kind, re.compile(pattern))
    for label, name, kind, pattern in [
        # "COCO test-dev", "COCO val2017", "ImageNet val set"; not "Testbed" or "ValueNet".
        ("Dataset", "split", "split",
         r"[\s_-](?:test-dev|test-std|testdev|minival|val(?:idation)?|train(?:ing)?|test|dev)"
         r"(?:[\s_-]?(?:19|20)\d\d)?(?:\s(?:set|split))?$"),
        # "PASCAL VOC 2012", "VOC2007"; not "ResNet-1024" (not a year).
        ("Dataset", "year", "version", r"(?<=[A-Za-z])[\s_-]?(?:19|20)\d\d$"),
        # "ImageNet-1K", "ImageNet-21k", "Kinetics-400", "CIFAR-100"; not "ImageNet".
        ("Dataset", "size", "subset", r"(?<=[A-Za-z])[\s_-]?\d+[kKM]?$"),
        # "ImageNet-C", "ImageNet-R"; not "ImageNet" itself.
        ("Dataset", "letter", "version", r"(?<=[a-z])-[A-Z]$"),
        # "YOLOv12n", "YOLOv8x": the size letter after a version number; not "YOLOv8".
        ("Method", "size-letter", "size", r"(?<=\d)[nsmlx]$"),
        # "Llama 3.1 8B", "LLaMA-2-7B", "Qwen2-0.5B"; not "ResNet-50".
        ("Method", "parameters", "size", r"[\s_-]\d+(?:\.\d+)?[BMK]$"),
        # "ViT-B/16": the patch size; then "ViT-B".
        ("Method", "patch", "size", r"/\d+$"),
        # "Swin-T", "BERT-base", "RevCol-H", "EfficientNet-B0", "ViT-L"; not "U-Net".
        ("Method", "size-word", "size",
         r"[\s_-](?:tiny|small|base|medium|large|huge|giant|xl|xxl|mini|nano|lite|"
         r"[TSBMLHG]|XL|XXL|B\d)$"),
        # "U-Net++", "DeepLabv3+".
        ("Method", "plus", "version", r"(?<=\w)\+{1,2}$"),
        # "YOLOv12", "MobileNetV2", "SQuAD v2.0", "ResNet-v2"; not "Conv" or "MLP".
        ("Any", "version", "version", r"(?<=[A-Za-z])[\s_-]?[vV]\d+(?:\.\d+)*$"),
        # "Llama 3.1", "SQuAD 2.0", "GPT-3.5".
        ("Any", "dotted", "version", r"(?<=[A-Za-z])[\s_-]?\d+\.\d+$"),
        # "ResNet-50", "ResNet50", "DenseNet-121", "GPT-4"; not "T5" (one letter left).
        ("Method", "number", "number", r"(?<=[A-Za-z])[\s_-]?\d+$"),
    ]
]
MIN_LETTERS = 2  # a family name keeps at least this many letters: "T5" has no family "T"


class Family(NamedTuple):
    parent: str  # the shorter name, as written
    kind: str  # split, size, subset, version, number
    rule: str


def families(name: str, label: str) -> Iterator[Family]:
    """Ever shorter family names of ``name``, nearest first.

    >>> [f.parent for f in families("YOLOv12n", "Method")]
    ['YOLOv12', 'YOLO']
    """
    current = name.strip()
    while True:
        for rule_label, rule, kind, pattern in _RULES:
            if rule_label not in (label, "Any"):
                continue
            match = pattern.search(current)
            if match and sum(c.isalpha() for c in current[: match.start()]) >= MIN_LETTERS:
                current = current[: match.start()].rstrip(" -_")
                yield Family(current, kind, rule)
                break
        else:
            return


def family_of(name: str, label: str, find: Callable[[str], str | None],
              own_id: str) -> tuple[str, Family] | None:
    """The nearest family of ``name`` that is a node (``find`` maps a form to a node id)."""
    for family in families(name, label):
        parent_id = find(family.parent)
        if parent_id is not None and parent_id != own_id:
            return parent_id, family
    return None
