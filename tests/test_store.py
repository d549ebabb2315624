from __future__ import annotations

import pytest

from kg.errors import StoreError
from kg.schema import load_schema
from kg.store import Store, table_ddl


def test_store_tables_come_from_the_schema():
    ddl = table_ddl(load_schema())
    assert any(s.startswith("CREATE NODE TABLE Paper(") for s in ddl)
    assert "CREATE REL TABLE USES(FROM Paper TO Method, paper STRING" in " ".join(ddl)
    assert len(ddl) == len(load_schema().nodes) + len(load_schema().relationships)


def test_store_answers_cypher(store):
    columns, rows = store.query(
        "MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset {name: $name}) RETURN p.id AS id ORDER BY id",
        {"name": "ImageNet"},
    )
    assert columns == ["id"]
    assert rows == [["p1"], ["p2"]] or rows == [["p1"]]  # name is the most frequent form


def test_store_counts_match_loaded_items(store):
    counts = store.counts()
    assert counts["Paper"] == 2
    assert counts["PROPOSES"] == 1
    assert counts["HAS_CODE"] == 1
    assert counts["REPORTS"] == counts["Result"] == 1


def test_store_lists_keep_list_type(store):
    _, rows = store.query("MATCH (d:Dataset {id: 'dataset:imagenet'}) RETURN d.aliases")
    assert isinstance(rows[0][0], list)


def test_store_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        Store(tmp_path / "nothing")


def test_store_bad_cypher_is_a_store_error(store):
    with pytest.raises(StoreError):
        store.query("MATCH (n:NoSuchLabel) RETURN n")


def test_store_edges_and_nodes_stream_rows(store):
    papers = list(store.nodes("Paper"))
    assert [p["id"] for p in papers] == ["p1", "p2"]
    uses = list(store.edges("USES"))
    assert {(u["source"], u["role"]) for u in uses} == {("p1", "baseline"), ("p2", "component")}
