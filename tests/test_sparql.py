"""SPARQL: the twins of the Cypher library answer alike on the seed graph; the command."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.library import get
from kg.sparql import SparqlError, open_graph, query, twins
from kg.store import Store

TWIN_ARGS = {"method_family": {"family": "ResNet"}}


def test_sparql_at_least_eight_twins_each_of_a_library_query():
    from kg.library import library

    assert len(twins()) >= 8 and set(twins()) <= set(library())


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def backend(request, seed_graph):
    return open_graph(db=seed_graph, store=request.param)


@pytest.mark.parametrize("name", sorted(twins()))
def test_sparql_twin_answers_as_its_cypher_query(seed_graph, backend, name):
    with Store(seed_graph) as store:
        cypher = get(name)
        expected = store.query(cypher.cypher, cypher.arguments(TWIN_ARGS.get(name, {})))[1]
    answer = query(backend, twins()[name])
    assert sorted(map(repr, answer.rows)) == sorted(map(repr, expected))
    assert answer.rows, name  # an empty answer would prove nothing


def test_sparql_reads_an_export_and_picks_a_store(seed_graph, tmp_path):
    from kg.rdf import export

    with Store(seed_graph) as store:
        export(store, tmp_path / "g.nt", "nt")
    backend = open_graph(data=tmp_path / "g.nt")
    assert backend.name == "rdflib"
    answer = query(backend, "ASK { ?p a <https://w3id.org/kg-ml/vocab#Paper> }")
    assert answer.rows == [[True]]


def test_sparql_bad_query_is_a_clear_error(backend):
    with pytest.raises(SparqlError, match="SPARQL query failed"):
        query(backend, "SELEKT ?x WHERE { ?x ?y ?z }")


def test_sparql_command_prints_a_table_csv_and_json(seed_graph):
    q = ("PREFIX kg: <https://w3id.org/kg-ml/vocab#> "
         "SELECT ?name WHERE { ?d a kg:Dataset ; kg:name ?name } ORDER BY ?name LIMIT 3")
    for fmt, marker in (("table", "name"), ("csv", "name\n"), ("json", '"name"')):
        result = CliRunner().invoke(
            cli, ["sparql", "--db", str(seed_graph), "--store", "oxigraph", "--format", fmt, q])
        assert result.exit_code == 0, result.output
        assert marker in result.output
    bad = CliRunner().invoke(cli, ["sparql", "--db", str(seed_graph), "--store", "oxigraph",
                                   "SELEKT"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    missing = CliRunner().invoke(cli, ["sparql", "--data", "no/such.ttl", q])
    assert missing.exit_code == 2 and "no such file" in missing.output
