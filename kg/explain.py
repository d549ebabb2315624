"""The evidence behind a node or a relationship of a built graph (``kg explain``).

A node is named by id (``dataset:imagenet``, ``arxiv:2401.00001``) or by name
(``ImageNet``; every label is searched). Its evidence is every extracted
relationship that reaches it: the paper, the relationship type, the field and
offsets, the sentence and the extractor. Given a second node, only the
relationships between the two are shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.errors import InputError
from kg.store import Store


@dataclass
class Explanation:
    label: str
    node: dict[str, Any]
    evidence: list[dict[str, Any]] = field(default_factory=list)


def find_nodes(store: Store, key: str) -> list[tuple[str, dict[str, Any]]]:
    """(label, properties) of every node whose id is ``key``, or whose name or alias is."""
    found = []
    for label, node in store.schema.nodes.items():
        props = list(node.properties)
        columns = ", ".join(f"n.{p} AS {p}" for p in props)
        where = "n.id = $key OR lower(n.name) = lower($key)"
        if "aliases" in node.properties:
            where += " OR list_contains(n.aliases, $key)"
        for row in store.stream(f"MATCH (n:{label}) WHERE {where} RETURN {columns}", {"key": key}):
            found.append((label, dict(zip(props, row, strict=True))))
    return found


def evidence(store: Store, label: str, node_id: str, other: str | None = None
             ) -> list[dict[str, Any]]:
    """Every evidence-carrying relationship into (or out of) the node, optionally to ``other``."""
    rows = []
    for rel in store.schema.relationships.values():
        if not rel.evidence or label not in (rel.source, rel.target):
            continue
        props = list(store.schema.rel_properties(rel.type))
        columns = "".join(f", r.{p} AS {p}" for p in props)
        # the node's side of the relationship; both for Method-OUTPERFORMS->Method
        sides = [side for side, end in (("a", rel.source), ("b", rel.target)) if end == label]
        for this in sides:
            that = "a" if this == "b" else "b"
            where = f"{this}.id = $id" + (f" AND {that}.id = $other" if other else "")
            cypher = (f"MATCH (a:{rel.source})-[r:{rel.type}]->(b:{rel.target}) WHERE {where} "
                      f"RETURN a.id AS source, b.id AS target, b.name AS target_name{columns} "
                      "ORDER BY source, target")
            params = {"id": node_id, "other": other} if other else {"id": node_id}
            for row in store.stream(cypher, params):
                item = dict(zip(["source", "target", "target_name", *props], row, strict=True))
                item["type"] = rel.type
                rows.append(item)
    return rows


def explain(store: Store, key: str, other: str | None = None) -> list[Explanation]:
    """Explanations for every node matching ``key`` (several when a name is ambiguous)."""
    nodes = find_nodes(store, key)
    if not nodes:
        raise InputError(f"no node has the id or name {key!r}")
    other_id = None
    if other is not None:
        others = find_nodes(store, other)
        if not others:
            raise InputError(f"no node has the id or name {other!r}")
        other_id = others[0][1]["id"]
    return [Explanation(label, node, evidence(store, label, node["id"], other_id))
            for label, node in nodes]
