"""RDF export of a built graph, with rdflib.

Terms are generated from the schema: each label is a class and each property a
datatype property under the kg vocabulary; each relationship type is an object
property. The evidence of an extracted relationship is an ``rdf:Statement``
(standard reification) carrying the paper, field, offsets, sentence and
extractor. N-Triples stream with constant memory; other formats go through an
rdflib Graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import Node as RdfNode

from kg.graph import short_hash
from kg.schema import Schema
from kg.store import Store

DEFAULT_BASE = "https://example.org/kg/"
FORMATS = {
    "ttl": "turtle",
    "turtle": "turtle",
    "nt": "nt",
    "xml": "xml",
    "jsonld": "json-ld",
    "json-ld": "json-ld",
}
XSD_TYPES = {
    "string": XSD.string,
    "int": XSD.integer,
    "float": XSD.double,
    "bool": XSD.boolean,
    "string[]": XSD.string,
}

Triple = tuple[RdfNode, RdfNode, RdfNode]


def camel(rel_type: str) -> str:
    """``EVALUATES_ON`` -> ``evaluatesOn``."""
    head, *rest = rel_type.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


class Minter:
    """IRIs from deterministic ids; every character outside the unreserved set is escaped."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.vocab = Namespace(self.base + "vocab#")

    def node(self, label: str, node_id: str) -> URIRef:
        return URIRef(f"{self.base}{label.lower()}/{quote(node_id, safe='')}")

    def term(self, name: str) -> URIRef:
        return self.vocab[name]


def _literals(value: object, kind: str) -> Iterator[Literal]:
    if value is None:
        return
    for item in value if kind == "string[]" else [value]:
        yield Literal(item, datatype=XSD_TYPES[kind]) if kind != "string" else Literal(item)


def vocabulary(schema: Schema, mint: Minter) -> Iterator[Triple]:
    """Classes and properties declared by the schema."""
    for node in schema.nodes.values():
        yield mint.term(node.label), RDF.type, RDFS.Class
        yield mint.term(node.label), RDFS.comment, Literal(node.description)
    for rel in schema.relationships.values():
        prop = mint.term(camel(rel.type))
        yield prop, RDF.type, RDF.Property
        yield prop, RDFS.domain, mint.term(rel.source)
        yield prop, RDFS.range, mint.term(rel.target)
        yield prop, RDFS.comment, Literal(rel.description)


def triples(store: Store, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """Every triple of the graph in ``store``, streamed table by table."""
    schema, mint = store.schema, Minter(base)
    yield from vocabulary(schema, mint)
    for label, node_type in schema.nodes.items():
        for row in store.nodes(label):
            subject = mint.node(label, row["id"])
            yield subject, RDF.type, mint.term(label)
            yield subject, RDFS.label, Literal(row["name"])
            for prop, kind in node_type.properties.items():
                for literal in _literals(row.get(prop), kind):
                    yield subject, mint.term(prop), literal
    for rel in schema.relationships.values():
        props = schema.rel_properties(rel.type)
        predicate = mint.term(camel(rel.type))
        for row in store.edges(rel.type):
            subject = mint.node(rel.source, row["source"])
            obj = mint.node(rel.target, row["target"])
            yield subject, predicate, obj
            if not props:
                continue
            statement = URIRef(
                f"{mint.base}evidence/{short_hash(rel.type, row['source'], row['target'])}"
            )
            yield statement, RDF.type, RDF.Statement
            yield statement, RDF.subject, subject
            yield statement, RDF.predicate, predicate
            yield statement, RDF.object, obj
            for prop, kind in props.items():
                for literal in _literals(row.get(prop), kind):
                    yield statement, mint.term(prop), literal


def export(
    store: Store, destination: Path | IO[bytes], fmt: str = "ttl", base: str = DEFAULT_BASE
) -> int:
    """Write the graph as RDF; returns the number of triples written."""
    rdflib_format = FORMATS[fmt]
    if rdflib_format == "nt":
        return _stream_ntriples(store, destination, base)
    graph = Graph()
    mint = Minter(base)
    graph.bind("kg", mint.vocab)
    for triple in triples(store, base):
        graph.add(triple)
    if isinstance(destination, Path):
        graph.serialize(destination=str(destination), format=rdflib_format)
    else:
        destination.write(graph.serialize(format=rdflib_format, encoding="utf-8"))
    return len(graph)


def _stream_ntriples(store: Store, destination: Path | IO[bytes], base: str,
                     chunk: int = 20_000) -> int:
    """N-Triples in bounded memory: rdflib serialises (and escapes) one chunk at a time."""
    handle = destination.open("wb") if isinstance(destination, Path) else destination
    count = 0
    batch = Graph()
    try:
        for triple in triples(store, base):
            batch.add(triple)
            count += 1
            if len(batch) >= chunk:
                handle.write(batch.serialize(format="nt", encoding="utf-8"))
                batch = Graph()
        handle.write(batch.serialize(format="nt", encoding="utf-8"))
    finally:
        if isinstance(destination, Path):
            handle.close()
    return count
