"""The Cypher query library: parsing, parameters, and every query answering on a store."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.library import PARAM_LINE, get, library, parse_query


@pytest.mark.parametrize("line, expected", [
    ("// param limit: how many rows (default 10)", ("limit", "how many rows", "10")),
    ("// param dataset: dataset name", ("dataset", "dataset name", None)),
])
def test_library_param_line_matches(line, expected):
    assert PARAM_LINE.match(line).groups() == expected


@pytest.mark.parametrize("line", ["// description: a query", "MATCH (n) RETURN n", "// param : x"])
def test_library_param_line_does_not_match(line):
    assert PARAM_LINE.match(line) is None


def test_library_has_at_least_twelve_documented_queries():
    queries = library()
    assert len(queries) >= 12
    for query in queries.values():
        assert query.description and query.cypher.startswith("MATCH")
        assert "//" not in query.cypher
        for param in query.params:
            assert f"${param.name}" in query.cypher


def test_library_parameters_default_and_validate():
    query = parse_query("q", "// description: d\n// param limit: rows (default 5)\n"
                             "MATCH (n) RETURN n LIMIT $limit")
    assert query.arguments({}) == {"limit": 5}
    assert query.arguments({"limit": 2}) == {"limit": 2}
    with pytest.raises(InputError, match="no parameter"):
        query.arguments({"limt": 2})
    with pytest.raises(InputError, match="needs --param paper"):
        get("evidence").arguments({"name": "ImageNet"})
    with pytest.raises(InputError, match="kg query --list"):
        get("no_such_query")


ARGS = {"related_papers": {"paper": "p1"}, "evidence": {"paper": "p1", "name": "LatticeNet"},
        "methods_on_dataset": {"dataset": "imagenet"}}


@pytest.mark.parametrize("name", sorted(library()))
def test_library_query_runs_on_the_embedded_store(store, name):
    query = get(name)
    columns, rows = store.query(query.cypher, query.arguments(ARGS.get(name, {})))
    assert columns


def test_library_answers_on_hand_made_graph(store):
    def run(query_name, **args):
        query = get(query_name)
        return store.query(query.cypher, query.arguments(args))[1]

    assert run("proposed_with_code") == [
        ["LatticeNet", "https://github.com/example/latticenet", "LatticeNet"]]
    assert run("common_baselines") == [["ResNet-50", 1]]
    assert run("method_family", family="resnet") == []  # no paper names the family itself
    board = run("leaderboard", dataset=run("most_used_datasets")[0][0], metric="top-1 accuracy")
    assert board == [["image classification on ImageNet", "LatticeNet", "80.4%", 80.4,
                      "LatticeNet"]]
    assert run("leaderboard", dataset="ImageNet", task="segmentation",
               metric="top-1 accuracy") == []
    evidence = run("evidence", paper="p1", name="LatticeNet")
    assert evidence[0][0] == "method:latticenet" and evidence[0][4] == "test"


def test_library_method_family_follows_variant_links(tmp_path, two_papers):
    from kg.graph import GraphBuilder
    from kg.store import Store
    from tests.conftest import entity, record

    papers = [*two_papers, record("p3", "ResNet revisited", methods=[entity("ResNet")])]
    builder = GraphBuilder()
    builder.index_records(papers)
    with Store.create(tmp_path) as store:
        store.load(builder.items(papers))
        query = get("method_family")
        rows = store.query(query.cypher, query.arguments({"family": "resnet"}))[1]
    assert rows == [["ResNet-50", 2]]
