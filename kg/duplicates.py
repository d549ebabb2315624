"""Candidate duplicates among a built graph's entities (``kg check duplicates``), for curators.

Three signals, each a reason in the output:

- ``loose form``: the names collide once plural endings and a leading "the" are
  dropped ("diffusion model" / "diffusion models");
- ``alias``: a form of one node is a form of another (after normalisation);
- ``edit distance 1``: names of eight or more characters that differ by one
  insertion, deletion or substitution ("PatterNet" / "PatternNet"), found with
  a deletion neighbourhood instead of comparing all pairs; numbered members of a
  family ("ResNet-34" / "ResNet-50") are variants, not duplicates, and are left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from kg.resolve import entity_key as normalise  # "+" counts: U-Net++ is a variant of U-Net
from kg.resolve import one_edit_apart
from kg.store import Store

ENTITY_LABELS = ("Method", "Dataset", "Task", "Metric", "Concept")
MIN_EDIT_LENGTH = 8
# "the imagenet datasets" -> "imagenet dataset"; not "class" -> "clas".
LOOSE_DROP = re.compile(r"^the\s+|(?<=[a-z]{3})(?:es|s)$")


@dataclass(frozen=True, slots=True)
class Candidate:
    label: str
    first: str
    first_name: str
    second: str
    second_name: str
    reason: str


def loose(name: str) -> str:
    return normalise(LOOSE_DROP.sub("", name.strip().casefold()))


def _deletions(key: str) -> set[str]:
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


def _pairs(buckets: dict[str, set[str]]) -> Iterator[tuple[str, str]]:
    for ids in buckets.values():
        ordered = sorted(ids)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                yield first, second


def _numbered_variants(a: str, b: str) -> bool:
    """"resnet20" / "resnet50", "mobilenetv2" / "mobilenetv3": members of a family, not twins."""
    return re.sub(r"\d", "", a) == re.sub(r"\d", "", b) and a != b


def candidates(store: Store, labels: tuple[str, ...] = ENTITY_LABELS) -> list[Candidate]:
    """Every pair of same-label nodes that probably denote one thing, with the reason."""
    out: dict[tuple[str, str, str], str] = {}
    names: dict[str, str] = {}
    for label in labels:
        by_loose: dict[str, set[str]] = defaultdict(set)
        by_form: dict[str, set[str]] = defaultdict(set)
        by_deletion: dict[str, set[str]] = defaultdict(set)
        keys: dict[str, str] = {}
        for node in store.nodes(label):
            node_id, name = node["id"], node["name"]
            names[node_id] = name
            keys[node_id] = normalise(name)
            by_loose[loose(name)].add(node_id)
            for form in {name, *(node.get("aliases") or [])}:
                by_form[normalise(form)].add(node_id)
            if len(keys[node_id]) >= MIN_EDIT_LENGTH:
                for variant in _deletions(keys[node_id]):
                    by_deletion[variant].add(node_id)
        for reason, buckets in (("loose form", by_loose), ("alias", by_form)):
            for pair in _pairs(buckets):
                out.setdefault((label, *pair), reason)
        for first, second in _pairs(by_deletion):
            if one_edit_apart(keys[first], keys[second]) and not _numbered_variants(
                    keys[first], keys[second]):
                out.setdefault((label, first, second), "edit distance 1")
    return [Candidate(label, a, names[a], b, names[b], reason)
            for (label, a, b), reason in sorted(out.items())]
