from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kg.errors import SchemaError
from kg.resources import data_file
from kg.schema import load_schema, parse_schema, schema_cypher

REPO = Path(__file__).resolve().parents[1]


def test_schema_declares_the_core_labels_and_types():
    schema = load_schema()
    assert {"Paper", "Method", "Dataset", "Task", "Metric", "Result", "Repository"} <= set(
        schema.nodes)
    assert {"PROPOSES", "USES", "EVALUATES_ON", "INTRODUCES", "ADDRESSES", "REPORTS",
            "HAS_CODE"} <= set(schema.relationships)
    for node in schema.nodes.values():
        assert "id" in node.properties and "name" in node.properties


@pytest.mark.parametrize("raw, message", [
    ({"nodes": {"Bad Label": {"properties": {"id": "string", "name": "string"}}}}, "identifier"),
    ({"nodes": {"A": {"properties": {"id": "string"}}}}, "name"),
    ({"nodes": {"A": {"properties": {"id": "string", "name": "text"}}}}, "unknown property"),
    ({"nodes": {}, "relationships": {"R": {"from": "A", "to": "B"}}}, "undeclared label"),
])
def test_schema_rejects_bad_declarations(raw, message):
    with pytest.raises(SchemaError, match=message):
        parse_schema(raw)


def test_schema_unknown_label_is_a_schema_error():
    with pytest.raises(SchemaError):
        load_schema().node("Gadget")


def test_schema_cypher_file_is_generated_from_the_schema():
    assert data_file("cypher", "schema.cypher").read_text() == schema_cypher(load_schema())


LABEL_IN_CYPHER = re.compile(r"\(\w*:(\w+)")  # "(p:Paper" -> Paper; not "(p)"
TYPE_IN_CYPHER = re.compile(r"\[\w*:(\w+)")  # "[r:USES" -> USES; not "[r]"


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str)]


def test_schema_code_uses_only_declared_labels_and_types():
    """Every label and relationship type written into Cypher in kg/ is declared."""
    schema = load_schema()
    for path in sorted((REPO / "kg").rglob("*.py")):
        for text in _string_constants(path):
            if not re.search(r"\b(MATCH|MERGE|CREATE)\b", text):
                continue
            for label in LABEL_IN_CYPHER.findall(text):
                assert label in schema.nodes, f"{path.name}: label {label} not in schema"
            for rel_type in TYPE_IN_CYPHER.findall(text):
                assert rel_type in schema.relationships, f"{path.name}: type {rel_type}"
