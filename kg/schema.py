"""The graph schema, loaded from ``schema/graph.toml``: labels, keys, properties, types.

Everything that needs a label, relationship type or property type asks here,
so the embedded store's tables, Neo4j constraints and RDF terms cannot drift
from the declaration. Unknown labels and types raise :class:`SchemaError`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.errors import SchemaError
from kg.resources import data_file

PROPERTY_TYPES = {"string", "int", "float", "bool", "string[]"}
# A label, type or property name safe to splice into a query: "EVALUATES_ON", "arxiv_id";
# never "Paper) DETACH DELETE (n".
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class NodeType:
    label: str
    key: str
    properties: dict[str, str]
    description: str


@dataclass(frozen=True, slots=True)
class RelType:
    type: str
    source: str
    target: str
    properties: dict[str, str]
    evidence: bool
    description: str


@dataclass(frozen=True, slots=True)
class Schema:
    nodes: dict[str, NodeType]
    relationships: dict[str, RelType]
    evidence: dict[str, str]

    def node(self, label: str) -> NodeType:
        try:
            return self.nodes[label]
        except KeyError:
            raise SchemaError(
                f"node label {label!r} is not declared in schema/graph.toml"
            ) from None

    def rel(self, rel_type: str) -> RelType:
        try:
            return self.relationships[rel_type]
        except KeyError:
            raise SchemaError(
                f"relationship type {rel_type!r} is not declared in schema/graph.toml"
            ) from None

    def rel_properties(self, rel_type: str) -> dict[str, str]:
        """All properties of a relationship type: its own plus evidence when it has evidence."""
        rel = self.rel(rel_type)
        return {**(self.evidence if rel.evidence else {}), **rel.properties}


def _checked(name: str, what: str) -> str:
    if not IDENTIFIER.match(name):
        raise SchemaError(f"{what} {name!r} is not a plain identifier")
    return name


def _properties(raw: dict[str, Any], where: str) -> dict[str, str]:
    for prop, kind in raw.items():
        _checked(prop, f"property of {where}")
        if kind not in PROPERTY_TYPES:
            raise SchemaError(f"{where}.{prop}: unknown property type {kind!r}")
    return dict(raw)


def parse_schema(raw: dict[str, Any]) -> Schema:
    """Build and check a :class:`Schema` from the parsed TOML."""
    nodes = {}
    for label, spec in raw.get("nodes", {}).items():
        props = _properties(spec.get("properties", {}), _checked(label, "label"))
        key = spec.get("key", "id")
        if key not in props or "name" not in props:
            raise SchemaError(f"node {label} must declare its key {key!r} and 'name'")
        nodes[label] = NodeType(label, key, props, spec.get("description", ""))
    rels = {}
    for rtype, spec in raw.get("relationships", {}).items():
        _checked(rtype, "relationship type")
        for end in (spec["from"], spec["to"]):
            if end not in nodes:
                raise SchemaError(f"relationship {rtype} refers to undeclared label {end!r}")
        rels[rtype] = RelType(
            rtype,
            spec["from"],
            spec["to"],
            _properties(spec.get("properties", {}), rtype),
            bool(spec.get("evidence", False)),
            spec.get("description", ""),
        )
    return Schema(nodes, rels, _properties(raw.get("evidence", {}), "evidence"))


@cache
def load_schema() -> Schema:
    """The schema shipped with the package."""
    with data_file("schema", "graph.toml").open("rb") as handle:
        return parse_schema(tomllib.load(handle))


def neo4j_constraints(schema: Schema) -> list[str]:
    """Neo4j 5 uniqueness constraints on every node key (``cypher/schema.cypher``)."""
    return [
        f"CREATE CONSTRAINT {node.label.lower()}_{node.key} IF NOT EXISTS "
        f"FOR (n:{node.label}) REQUIRE n.{node.key} IS UNIQUE;"
        for node in schema.nodes.values()
    ]


def neo4j_indexes(schema: Schema) -> list[str]:
    """Lookup indexes on ``name`` for every label that is searched by name."""
    return [
        f"CREATE INDEX {node.label.lower()}_name IF NOT EXISTS FOR (n:{node.label}) ON (n.name);"
        for node in schema.nodes.values()
    ]


def schema_cypher(schema: Schema) -> str:
    """The text of ``cypher/schema.cypher``, generated from ``schema/graph.toml``."""
    head = [
        "// Constraints and indexes for a kg graph in Neo4j 5.",
        "// Generated from schema/graph.toml by kg.schema.schema_cypher(); do not edit by hand.",
    ]
    return "\n".join([*head, *neo4j_constraints(schema), *neo4j_indexes(schema)]) + "\n"
