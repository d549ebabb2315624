"""neo4j-admin import files: headers and rows checked field by field."""

from __future__ import annotations

import csv

from kg.neo4j_csv import cell, export, import_script, node_header, rel_header
from kg.schema import load_schema


def test_neo4j_csv_headers_follow_neo4j_admin_rules():
    schema = load_schema()
    header = node_header(schema, "Paper")
    assert header[0] == "id:ID(Paper)" and header[-1] == ":LABEL"
    assert "year:int" in header and "authors:string[]" in header and "title:string" in header
    assert node_header(schema, "Result").count("number:float") == 1
    rel = rel_header(schema, "USES")
    assert rel[:2] == [":START_ID(Paper)", ":END_ID(Method)"] and rel[-1] == ":TYPE"
    assert "char_start:int" in rel and "role:string" in rel


def test_neo4j_csv_cells():
    assert cell(["a", "b;c"], "string[]") == "a;b,c"
    assert cell(None, "int") == "" and cell(True, "bool") == "true" and cell(3, "int") == "3"


def test_neo4j_csv_export_round_trips_through_csv(store, tmp_path):
    counts = export(store, tmp_path)
    assert counts["Paper"] == 2
    with (tmp_path / "nodes" / "Paper.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == node_header(store.schema, "Paper")
    assert [r[0] for r in rows[1:]] == ["p1", "p2"] and all(r[-1] == "Paper" for r in rows[1:])
    abstract = rows[0].index("abstract:string")
    assert rows[1][abstract] == "Abstract of LatticeNet."
    with (tmp_path / "relationships" / "PROPOSES.csv").open(newline="") as handle:
        rels = list(csv.reader(handle))
    assert rels[1][:2] == ["p1", "method:latticenet"] and rels[1][-1] == "PROPOSES"
    constraints = (tmp_path / "schema.cypher").read_text().count("CREATE CONSTRAINT")
    assert constraints == len(store.schema.nodes)


def test_neo4j_csv_quotes_commas_quotes_and_newlines(tmp_path):
    from kg.graph import GraphBuilder
    from kg.records import RunReport
    from kg.store import Store
    from tests.conftest import record

    nasty = 'Title, with "quotes"\nand a newline'
    records = [record("p1", nasty)]
    builder = GraphBuilder(RunReport())
    builder.index_records(records)
    with Store.create(tmp_path / "db") as created:
        created.load(builder.items(records))
    with Store(tmp_path / "db") as store:
        export(store, tmp_path / "csv")
    raw = (tmp_path / "csv" / "nodes" / "Paper.csv").read_text()
    assert '"Title, with ""quotes""\nand a newline"' in raw
    with (tmp_path / "csv" / "nodes" / "Paper.csv").open(newline="") as handle:
        assert list(csv.reader(handle))[1][1] == nasty


def test_neo4j_csv_import_script_is_the_neo4j5_command():
    script = import_script(load_schema(), "kgdb")
    assert "database import full" in script
    assert "--nodes=Paper=nodes/Paper.csv" in script
    assert "--relationships=USES=relationships/USES.csv" in script
    assert "--multiline-fields=true" in script and "--array-delimiter=';'" in script
    assert 'DB="${1:-kgdb}"' in script


def test_neo4j_csv_seed_graph_field_by_field(seed_graph, tmp_path):
    """Every file of the seed graph: headers by the neo4j-admin rules, every row's fields typed
    as the header says, every relationship end an id of its ID group."""
    from kg.neo4j_csv import ARRAY_DELIMITER
    from kg.store import Store

    with Store(seed_graph) as store:
        counts = export(store, tmp_path)
        schema = store.schema
    ids: dict[str, set[str]] = {}
    for label in schema.nodes:
        with (tmp_path / "nodes" / f"{label}.csv").open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == node_header(schema, label) and len(rows) - 1 == counts[label]
        ids[label] = set()
        for row in rows[1:]:
            assert len(row) == len(rows[0]) and row[-1] == label
            for field, value in zip(rows[0], row, strict=True):
                name, _, kind = field.partition(":")
                if kind.startswith("ID("):
                    assert value and value not in ids[label]  # keys are unique in the group
                    ids[label].add(value)
                elif kind == "int" and value:
                    int(value)
                elif kind == "float" and value:
                    float(value)
                elif kind == "string[]" and value:
                    assert all(part for part in value.split(ARRAY_DELIMITER)), (name, value)
    assert counts["Paper"] == 463
    for rel_type, rel in schema.relationships.items():
        with (tmp_path / "relationships" / f"{rel_type}.csv").open(newline="",
                                                                    encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == rel_header(schema, rel_type)
        for row in rows[1:]:
            assert len(row) == len(rows[0]) and row[-1] == rel_type
            assert row[0] in ids[rel.source] and row[1] in ids[rel.target]
