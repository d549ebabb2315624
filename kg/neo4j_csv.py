"""Files for ``neo4j-admin database import full``: one CSV per label and per relationship type.

Headers follow the neo4j-admin rules: ``id:ID(Paper)`` (the key, in the label's
ID group), typed properties (``year:int``, ``aliases:string[]``), ``:LABEL``;
relationship files ``:START_ID(Paper),:END_ID(Method),…,:TYPE``. Quoting is
RFC 4180 (``"`` doubled), with multi-line fields allowed on import. Everything
is generated from the schema and streamed row by row from the store.
"""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

from kg.schema import Schema, schema_cypher
from kg.store import Store

ARRAY_DELIMITER = ";"
NEO4J_TYPES = {"string": "string", "int": "int", "float": "float", "bool": "boolean",
               "string[]": "string[]"}


def node_header(schema: Schema, label: str) -> list[str]:
    node = schema.node(label)
    header = []
    for prop, kind in node.properties.items():
        header.append(f"{prop}:ID({label})" if prop == node.key else f"{prop}:{NEO4J_TYPES[kind]}")
    return [*header, ":LABEL"]


def rel_header(schema: Schema, rel_type: str) -> list[str]:
    rel = schema.rel(rel_type)
    props = [f"{p}:{NEO4J_TYPES[k]}" for p, k in schema.rel_properties(rel_type).items()]
    return [f":START_ID({rel.source})", f":END_ID({rel.target})", *props, ":TYPE"]


def cell(value: object, kind: str) -> str:
    """One CSV field; arrays joined by the delimiter (which is replaced inside elements)."""
    if value is None:
        return ""
    if kind == "string[]":
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in value)
    if kind == "bool":
        return "true" if value else "false"
    return str(value)


def import_script(schema: Schema, database: str = "neo4j") -> str:
    """``import.sh``: the exact neo4j-admin command for these files, then the constraints."""
    args = [f"--nodes={label}=nodes/{label}.csv" for label in schema.nodes]
    args += [f"--relationships={t}=relationships/{t}.csv" for t in schema.relationships]
    lines = [
        "#!/usr/bin/env bash",
        "# Import a kg graph into Neo4j 5 with neo4j-admin (the database must be stopped),",
        "# then create the constraints and indexes. Run from this folder:",
        "#   NEO4J_HOME=/path/to/neo4j ./import.sh [database]",
        "set -euo pipefail",
        'cd "$(dirname "$0")"',
        f'DB="${{1:-{database}}}"',
        'ADMIN="${NEO4J_HOME:+$NEO4J_HOME/bin/}neo4j-admin"',
        '"$ADMIN" database import full "$DB" \\',
        f"  --array-delimiter={shlex.quote(ARRAY_DELIMITER)} --multiline-fields=true \\",
        "  --overwrite-destination=true \\",
        *[f"  {shlex.quote(arg)} \\" for arg in args[:-1]],
        f"  {shlex.quote(args[-1])}",
        'echo "Imported. Start Neo4j, then run: cypher-shell -d \\"$DB\\" -f schema.cypher"',
    ]
    return "\n".join(lines) + "\n"


def export(store: Store, out: Path, database: str = "neo4j") -> dict[str, int]:
    """Write node and relationship CSVs, ``import.sh`` and ``schema.cypher`` into ``out``."""
    schema = store.schema
    (out / "nodes").mkdir(parents=True, exist_ok=True)
    (out / "relationships").mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for label, node in schema.nodes.items():
        kinds = list(node.properties.values())
        with (out / "nodes" / f"{label}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(node_header(schema, label))
            counts[label] = 0
            for row in store.nodes(label):
                values = [cell(row[p], k) for p, k in zip(node.properties, kinds, strict=True)]
                writer.writerow([*values, label])
                counts[label] += 1
    for rel_type in schema.relationships:
        props = schema.rel_properties(rel_type)
        path = out / "relationships" / f"{rel_type}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(rel_header(schema, rel_type))
            counts[rel_type] = 0
            for row in store.edges(rel_type):
                values = [cell(row[p], k) for p, k in props.items()]
                writer.writerow([row["source"], row["target"], *values, rel_type])
                counts[rel_type] += 1
    script = out / "import.sh"
    script.write_text(import_script(schema, database))
    script.chmod(0o755)
    (out / "schema.cypher").write_text(schema_cypher(schema))
    return counts
