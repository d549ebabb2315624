from __future__ import annotations

import io

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.rdf import Minter, camel, export, triples


def test_rdf_camel_case_of_relationship_types():
    assert camel("EVALUATES_ON") == "evaluatesOn"
    assert camel("USES") == "uses"


@pytest.mark.parametrize("node_id", [
    "arxiv:2401.00001", "repo:github.com/a/b", 'x> <y> "z', "sp ace\nnewline", "ünï{}|\\^`",
])
def test_rdf_minted_iris_are_valid_whatever_the_id(node_id):
    iri = Minter("https://example.org/kg/").node("Paper", node_id)
    assert not any(ch in str(iri) for ch in ' <>"{}|\\^`\n')
    Graph().parse(data=f'<{iri}> <https://example.org/p> "1" .', format="nt")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "xml"])
def test_rdf_export_round_trips_isomorphically(store, fmt):
    expected = Graph()
    for triple in triples(store):
        expected.add(triple)
    buffer = io.BytesIO()
    export(store, buffer, fmt)
    parsed = Graph().parse(data=buffer.getvalue(), format={"ttl": "turtle", "nt": "nt",
                                                          "jsonld": "json-ld", "xml": "xml"}[fmt])
    assert isomorphic(expected, parsed)


def test_rdf_evidence_is_a_reified_statement(store):
    graph = Graph()
    for triple in triples(store):
        graph.add(triple)
    mint = Minter()
    proposes = mint.term("proposes")
    statements = list(graph.subjects(RDF.predicate, proposes))
    assert len(statements) == 1
    st = statements[0]
    assert graph.value(st, RDF.subject) == mint.node("Paper", "p1")
    assert graph.value(st, mint.term("paper")) == Literal("p1")
    assert (mint.node("Paper", "p1"), proposes, mint.node("Method", "method:latticenet")) in graph


def test_rdf_hostile_titles_stay_literals(tmp_path):
    from kg.graph import GraphBuilder
    from kg.records import RunReport
    from kg.store import Store
    from tests.conftest import record

    hostile = 'Evil" . <http://x> <http://y> "z" .\n@prefix'
    records = [record("p1", hostile)]
    builder = GraphBuilder(RunReport())
    builder.index_records(records)
    with Store.create(tmp_path) as created:
        created.load(builder.items(records))
    with Store(tmp_path) as store:
        buffer = io.BytesIO()
        export(store, buffer, "nt")
    graph = Graph().parse(data=buffer.getvalue(), format="nt")
    titles = set(graph.objects(URIRef(Minter().node("Paper", "p1")), Minter().term("title")))
    assert titles == {Literal(hostile)}
