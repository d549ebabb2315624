"""The typed graph items every stage after resolution passes on: nodes and relationships."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Node:
    label: str
    id: str
    props: dict[str, Any]


@dataclass(slots=True)
class Edge:
    type: str
    source_label: str
    source: str
    target_label: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
