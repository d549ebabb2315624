"""RDF export of a built graph: the kg ontology's terms, standard vocabularies, evidence.

Terms come from ``schema/ontology.ttl`` (checked against ``schema/graph.toml`` by the
tests): each label is a class (``kg:Paper``), each relationship type an object
property (``EVALUATES_ON`` -> ``kg:evaluatesOn``), each property a datatype property.
Each resource is also typed with the standard classes its kg class specialises
(``fabio:ScholarlyWork``, ``dcat:Dataset``, ``schema:SoftwareSourceCode`` ...), and the
title, abstract, identifier and name are also written with Dublin Core and RDFS
terms, so plain SPARQL over the standards works without a reasoner.

Node IRIs are minted from the deterministic ids under a base IRI, every character
outside the unreserved set percent-escaped; literals are escaped by the serializers.
The evidence of an extracted relationship is a ``kg:Evidence`` node: a reified
``rdf:Statement`` (subject, predicate, object) ``prov:wasDerivedFrom`` its paper, with
the field, offsets, sentence and extractor. A derived relationship with
properties (``VARIANT_OF`` with its ``kind`` and ``rule``) gets a plain
``rdf:Statement`` carrying them.

N-Triples and N-Quads stream in constant memory (rdflib serialises one chunk at a
time); Turtle, JSON-LD and RDF/XML go through one rdflib Graph, with prefixes.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import Node as RdfNode

from kg.errors import InputError
from kg.resolve import short_hash
from kg.resources import data_file
from kg.schema import Schema
from kg.store import Store

DEFAULT_BASE = "https://example.org/kg/"
KG = Namespace("https://w3id.org/kg-ml/vocab#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
PREFIXES = {
    "kg": KG,
    "dcterms": DCTERMS,
    "prov": PROV,
    "fabio": Namespace("http://purl.org/spar/fabio/"),
    "dcat": Namespace("http://www.w3.org/ns/dcat#"),
    "schema": Namespace("https://schema.org/"),
    "lpwcc": Namespace("https://linkedpaperswithcode.com/class/"),
    "lpwcp": Namespace("https://linkedpaperswithcode.com/property/"),
}
FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "jsonld": "json-ld", "xml": "xml"}
STREAMED = {"nt", "nq"}
XSD_TYPES = {
    "string": XSD.string,
    "int": XSD.integer,
    "float": XSD.double,
    "bool": XSD.boolean,
    "string[]": XSD.string,
}
# Standard properties written beside the kg ones (the ontology says kg:title is a dcterms:title).
DIRECT = {DCTERMS.title, DCTERMS.abstract, DCTERMS.identifier, RDFS.label}

Triple = tuple[RdfNode, RdfNode, RdfNode]


def camel(rel_type: str) -> str:
    """``EVALUATES_ON`` -> ``evaluatesOn``."""
    head, *rest = rel_type.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


@cache
def ontology() -> Graph:
    """``schema/ontology.ttl``, parsed once."""
    graph = Graph()
    graph.parse(data_file("schema", "ontology.ttl"), format="turtle")
    return graph


@cache
def _supers(term: URIRef, relation: URIRef) -> tuple[URIRef, ...]:
    return tuple(sorted(o for o in ontology().objects(term, relation) if isinstance(o, URIRef)))


class Minter:
    """IRIs from deterministic ids; every character outside the unreserved set is escaped."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.startswith(("http://", "https://", "urn:")) or any(
                ch in base for ch in ' <>"{}|\\^`\n\t'):
            raise InputError(f"--base-iri {base!r} is not an absolute http(s) or urn IRI")
        self.base = base if base.endswith(("/", "#", ":")) else base + "/"

    def node(self, label: str, node_id: str) -> URIRef:
        return URIRef(f"{self.base}{label.lower()}/{quote(node_id, safe='')}")

    def evidence(self, rel_type: str, source: str, target: str, paper: str = "") -> URIRef:
        return URIRef(f"{self.base}evidence/{short_hash(rel_type, source, target, paper)}")

    @staticmethod
    def term(name: str) -> URIRef:
        return KG[name]


def _literals(value: object, kind: str) -> Iterator[Literal]:
    if value is None:
        return
    for item in value if kind == "string[]" else [value]:
        yield Literal(item, datatype=XSD_TYPES[kind]) if kind != "string" else Literal(item)


def _property_triples(subject: URIRef, props: dict[str, str], row: dict) -> Iterator[Triple]:
    for prop, kind in props.items():
        predicate = KG[prop]
        direct = [p for p in _supers(predicate, RDFS.subPropertyOf) if p in DIRECT]
        for literal in _literals(row.get(prop), kind):
            yield subject, predicate, literal
            for standard in direct:
                yield subject, standard, literal


def triples(store: Store, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """Every triple of the graph in ``store``, streamed table by table."""
    schema, mint = store.schema, Minter(base)
    for label, node_type in schema.nodes.items():
        classes = (KG[label], *_supers(KG[label], RDFS.subClassOf))
        for row in store.nodes(label):
            subject = mint.node(label, row["id"])
            for cls in classes:
                yield subject, RDF.type, cls
            yield from _property_triples(subject, node_type.properties, row)
    for rel in schema.relationships.values():
        yield from _relationship_triples(store, schema, mint, rel.type)


def _relationship_triples(store: Store, schema: Schema, mint: Minter,
                          rel_type: str) -> Iterator[Triple]:
    rel = schema.rel(rel_type)
    props = schema.rel_properties(rel_type)
    predicate = KG[camel(rel_type)]
    for row in store.edges(rel_type):
        subject = mint.node(rel.source, row["source"])
        obj = mint.node(rel.target, row["target"])
        yield subject, predicate, obj
        if not props:
            continue
        # one statement per relationship (and paper, for those several papers state)
        statement = mint.evidence(rel_type, row["source"], row["target"], row.get("paper") or "")
        yield statement, RDF.type, RDF.Statement
        yield statement, RDF.subject, subject
        yield statement, RDF.predicate, predicate
        yield statement, RDF.object, obj
        if rel.evidence:  # extracted: evidence derived from a paper; else derived (VARIANT_OF)
            yield statement, RDF.type, KG.Evidence
            yield statement, PROV.wasDerivedFrom, mint.node("Paper", row["paper"])
        for prop, kind in props.items():
            for literal in _literals(row.get(prop), kind):
                yield statement, KG[prop], literal


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def export(
    store: Store, destination: Path | IO[bytes], fmt: str = "ttl", base: str = DEFAULT_BASE
) -> int:
    """Write the graph as RDF; returns the number of triples written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown RDF format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt in STREAMED:
        graph_name = URIRef(Minter(base).base + "graph") if fmt == "nq" else None
        return _stream_lines(store, destination, base, graph_name)
    graph = bind_prefixes(Graph())
    for triple in triples(store, base):
        graph.add(triple)
    if isinstance(destination, Path):
        graph.serialize(destination=str(destination), format=FORMATS[fmt])
    else:
        destination.write(graph.serialize(format=FORMATS[fmt], encoding="utf-8"))
    return len(graph)


def _stream_lines(store: Store, destination: Path | IO[bytes], base: str,
                  graph_name: URIRef | None, chunk: int = 20_000) -> int:
    """N-Triples (or N-Quads in ``graph_name``) in bounded memory, one chunk at a time."""
    handle = destination.open("wb") if isinstance(destination, Path) else destination
    suffix = f" <{graph_name}> .\n".encode() if graph_name is not None else None
    count = 0
    batch = Graph()

    def flush(batch: Graph) -> None:
        data = batch.serialize(format="nt", encoding="utf-8")
        if suffix is not None:  # one triple per line, each ending " .\n": name the graph
            data = b"".join(line[:-3] + suffix for line in data.splitlines(keepends=True)
                            if line.strip())
        handle.write(data)

    try:
        for triple in triples(store, base):
            batch.add(triple)
            if len(batch) >= chunk:
                count += len(batch)
                flush(batch)
                batch = Graph()
        count += len(batch)
        flush(batch)
    finally:
        if isinstance(destination, Path):
            handle.close()
    return count


def ontology_terms() -> dict[str, set[str]]:
    """The kg classes, object properties and datatype properties ``schema/ontology.ttl`` declares."""
    graph = ontology()

    def local(kind: URIRef) -> set[str]:
        return {str(s)[len(str(KG)):] for s in graph.subjects(RDF.type, kind)
                if str(s).startswith(str(KG))}

    return {"classes": local(OWL.Class), "objects": local(OWL.ObjectProperty),
            "data": local(OWL.DatatypeProperty)}
