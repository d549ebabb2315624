"""Every Cypher file and every loader statement, linted by Neo4j's own parser.

``tests/lint/lint.mjs`` runs ``lintCypherQuery`` from the npm package
``@neo4j-cypher/language-support`` (pinned in ``tests/lint/package.json``) with
the schema's labels, relationship types, property keys, relationship patterns
and each statement's parameters declared, and Neo4j's built-in functions only.
Needs ``node`` and ``(cd tests/lint && npm ci --no-audit --no-fund)``; skipped
with the reason otherwise.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kg.library import library
from kg.neo4j_load import node_statement, plan, rel_statement
from kg.resources import data_dir
from kg.schema import Schema, load_schema

LINT = Path(__file__).resolve().parent / "lint"
CYPHER = data_dir("cypher")
FILES = [CYPHER / "schema.cypher", *sorted((CYPHER / "queries").glob("*.cypher"))]
UNKNOWN = "is not present in the database"


def lint(statements: list[dict[str, Any]], schema: Schema | None = None) -> list[dict[str, Any]]:
    """Diagnostics for ``[{name, cypher, parameters}]``, under Cypher 5 and Cypher 25."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH: the Cypher linter runs on Node.js")
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.skip("tests/lint/node_modules is absent: run (cd tests/lint && npm ci)")
    payload = {"schema": lint_schema(schema or load_schema()), "statements": statements}
    done = subprocess.run(
        [node, str(LINT / "lint.mjs")], input=json.dumps(payload), capture_output=True,
        text=True, cwd=LINT, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def lint_schema(schema: Schema) -> dict[str, Any]:
    """The linter's DbSchema: what exists in a database loaded from ``schema``."""
    keys = {p for node in schema.nodes.values() for p in node.properties}
    keys |= {p for rel in schema.relationships for p in schema.rel_properties(rel)}
    return {
        "labels": sorted(schema.nodes),
        "relationshipTypes": sorted(schema.relationships),
        "propertyKeys": sorted(keys),
        "graphSchema": [{"from": r.source, "to": r.target, "relType": r.type}
                        for r in schema.relationships.values()],
    }


def file_statement(path: Path) -> dict[str, Any]:
    """A file as the linter reads it; a library query's parameters declared with sample values."""
    query = library().get(path.stem) if path.parent.name == "queries" else None
    params = {}
    for param in query.params if query else ():
        params[param.name] = "x" if param.default is None else param.default
    return {"name": path.name, "cypher": path.read_text(encoding="utf-8"), "parameters": params}


def row_key(diagnostic: dict[str, Any]) -> bool:
    """A key of the loader's ``row`` map (``row.source``) that the linter took for a property.

    ``row`` comes from ``UNWIND $rows``, so the linter cannot tell it is a map,
    not a node; labels and relationship types are never exempt.
    """
    message = diagnostic["message"]
    return (diagnostic["before"] == "row." and UNKNOWN in message
            and not message.startswith(("Label ", "Relationship type ")))


def problems(diagnostics: list[dict[str, Any]]) -> list[str]:
    """Errors, and warnings about labels, types or properties the schema lacks."""
    return [f"{d['name']} [{d['version']}] {d['line']}:{d['column']} {d['severity']}: "
            f"{d['message']} ({d['text']!r})"
            for d in diagnostics
            if (d["severity"] == "error" or UNKNOWN in d["message"]) and not row_key(d)]


@pytest.fixture(scope="module")
def file_diagnostics() -> list[dict[str, Any]]:
    return lint([file_statement(path) for path in FILES])


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_cypher_lint_file_passes_neo4j_parser(file_diagnostics, path):
    mine = [d for d in file_diagnostics if d["name"] == path.name]
    assert problems(mine) == []
    assert mine == [], "other diagnostics (deprecations, hints): " + json.dumps(mine, indent=1)


def test_cypher_lint_loader_statements_pass_neo4j_parser(store):
    """What a dry run of a small graph sends, plus the statements of tables it leaves empty."""
    schema = store.schema
    statements = {}
    for batch in plan(store, batch_size=2):
        statements.setdefault(batch.cypher, {
            "name": f"load {batch.kind} {batch.target}", "cypher": batch.cypher,
            "parameters": batch.parameters})
    empty = [node_statement(schema, label) for label in schema.nodes]
    empty += [rel_statement(schema, rel_type) for rel_type in schema.relationships]
    for cypher in empty:
        statements.setdefault(cypher, {"name": "load (empty)", "cypher": cypher,
                                       "parameters": {"rows": []}})
    assert len(statements) == 2 * len(schema.nodes) + len(empty)
    diagnostics = lint(list(statements.values()))
    assert problems(diagnostics) == []
    assert [d for d in diagnostics if not row_key(d)] == []


def test_cypher_lint_reports_what_neo4j_would_reject():
    """The linter is not vacuous: a stray label, a Kuzu-only function, a missing parameter."""
    bad = [
        {"name": "label", "cypher": "MATCH (n:Author) RETURN n.name", "parameters": {}},
        {"name": "function", "cypher": "MATCH (n:Paper) WHERE list_contains(n.authors, 'x') "
                                       "RETURN n.id", "parameters": {}},
        {"name": "parameter", "cypher": "MATCH (n:Paper {id: $paper}) RETURN n.id",
         "parameters": {}},
        {"name": "syntax", "cypher": "MATCH (n:Paper RETURN n", "parameters": {}},
    ]
    found = {d["name"] for d in lint(bad) if d["severity"] == "error" or UNKNOWN in d["message"]}
    assert found == {"label", "function", "parameter", "syntax"}
