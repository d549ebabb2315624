from __future__ import annotations

import io

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
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


PARSERS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "jsonld": "json-ld", "xml": "xml"}


def parsed(data: bytes, fmt: str) -> Graph:
    """An export read back; N-Quads through a Dataset, flattened to its triples."""
    if fmt != "nq":
        return Graph().parse(data=data, format=PARSERS[fmt])
    graph = Graph()
    for s, p, o, _ in Dataset().parse(data=data, format="nquads").quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_rdf_export_round_trips_isomorphically(store, fmt):
    expected = Graph()
    for triple in triples(store):
        expected.add(triple)
    buffer = io.BytesIO()
    count = export(store, buffer, fmt)
    assert count == len(expected)
    assert isomorphic(expected, parsed(buffer.getvalue(), fmt))


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


def test_rdf_ontology_declares_every_schema_term_and_no_other():
    from kg.rdf import ontology_terms
    from kg.schema import load_schema

    schema, terms = load_schema(), ontology_terms()
    assert terms["classes"] == set(schema.nodes) | {"Evidence"}
    assert terms["objects"] == {camel(t) for t in schema.relationships}
    declared = {p for node in schema.nodes.values() for p in node.properties}
    declared |= {p for t in schema.relationships for p in schema.rel_properties(t)}
    assert terms["data"] == declared


def test_rdf_ontology_domains_and_ranges_follow_the_schema():
    from rdflib import RDFS

    from kg.rdf import KG, ontology
    from kg.schema import load_schema

    graph = ontology()
    for rel in load_schema().relationships.values():
        prop = KG[camel(rel.type)]
        assert graph.value(prop, RDFS.domain) == KG[rel.source], rel.type
        assert graph.value(prop, RDFS.range) == KG[rel.target], rel.type


def test_rdf_resources_also_carry_the_standard_terms(store):
    from rdflib import RDFS

    from kg.rdf import DCTERMS, KG

    graph = Graph()
    for triple in triples(store):
        graph.add(triple)
    paper = Minter().node("Paper", "p1")
    assert (paper, RDF.type, URIRef("http://purl.org/spar/fabio/ScholarlyWork")) in graph
    title = graph.value(paper, DCTERMS.title)
    assert title == graph.value(paper, KG.title) == Literal("LatticeNet")
    dataset = Minter().node("Dataset", "dataset:imagenet")
    assert (dataset, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in graph
    assert graph.value(dataset, RDFS.label) == Literal("ImageNet")


HOSTILE = ['Evil" . <http://x> <http://y> "z" .', 'line\nbreak and """triple quotes"""',
           "back\\slash \\u0022 and > . and <tag>", "ünïcödé ✓ \u2028 sep", "@prefix x: <y> ."]


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_rdf_hostile_titles_names_and_ids_survive_every_format(tmp_path, fmt):
    from kg.graph import GraphBuilder
    from kg.store import Store
    from tests.conftest import entity, record

    records = [record(f'p{i}> <x> "{i}', title, methods=[entity(title)])
               for i, title in enumerate(HOSTILE)]
    builder = GraphBuilder()
    builder.index_records(records)
    with Store.create(tmp_path) as created:
        created.load(builder.items(records))
    with Store(tmp_path) as store:
        expected = Graph()
        for triple in triples(store):
            expected.add(triple)
        buffer = io.BytesIO()
        export(store, buffer, fmt)
    graph = parsed(buffer.getvalue(), fmt)
    assert isomorphic(expected, graph)
    titles = {str(o) for o in graph.objects(None, Minter().term("title"))}
    assert titles == set(HOSTILE)


@pytest.mark.parametrize("base", ["not an iri", "https://x.org/<evil>", "ftp://x.org/"])
def test_rdf_base_iri_must_be_an_absolute_iri(base):
    from kg.errors import InputError

    with pytest.raises(InputError, match="base-iri"):
        Minter(base)


def test_rdf_shapes_file_is_generated_from_the_schema():
    from kg.schema import load_schema
    from kg.shacl import shapes, shipped

    assert isomorphic(shapes(load_schema()), shipped())


def test_rdf_seed_graph_conforms_to_the_shapes_and_a_broken_one_does_not(seed_graph):
    pytest.importorskip("pyshacl")
    from kg.rdf import KG
    from kg.shacl import validate
    from kg.store import Store

    graph = Graph()
    with Store(seed_graph) as store:
        for triple in triples(store):
            graph.add(triple)
    conforms, report = validate(graph)
    assert conforms, report[:2000]
    paper = next(graph.subjects(RDF.type, KG.Paper))
    graph.remove((paper, KG.id, None))  # a paper without its key
    graph.add((paper, KG.year, Literal("twenty")))  # a year that is not an integer
    graph.add((paper, KG.proposes, Minter().node("Dataset", "dataset:imagenet")))  # wrong range
    conforms, report = validate(graph)
    assert not conforms
    assert "MinCount" in report and "Datatype" in report and "Class" in report
