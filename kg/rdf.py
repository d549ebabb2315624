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

N-Triples and N-Quads stream in constant memory, one escaped line per triple;
Turtle (with prefixes) is those lines re-serialised by Oxigraph as it reads them;
JSON-LD and RDF/XML go through one rdflib Graph, with prefixes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.plugins.serializers.nt import _nt_row as nt_row  # the N-Triples escaper
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
        # strings plain: in RDF 1.1 "x" and "x"^^xsd:string are one literal (Oxigraph writes
        # them plain), and rdflib compares them as written
        plain = kind in ("string", "string[]")
        yield Literal(item) if plain else Literal(item, datatype=XSD_TYPES[kind])


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
        with _output(destination) as handle:
            return _write_lines(store, handle, base, graph_name)
    if fmt == "ttl":
        return _turtle(store, destination, base)
    graph = bind_prefixes(Graph())
    for triple in triples(store, base):
        graph.add(triple)
    if isinstance(destination, Path):
        graph.serialize(destination=str(destination), format=FORMATS[fmt])
    else:
        destination.write(graph.serialize(format=FORMATS[fmt], encoding="utf-8"))
    return len(graph)


@contextmanager
def _output(destination: Path | IO[bytes]) -> Iterator[IO[bytes]]:
    if isinstance(destination, Path):
        with destination.open("wb") as handle:
            yield handle
    else:
        yield destination


def _write_lines(store: Store, handle: IO[bytes], base: str, graph_name: URIRef | None) -> int:
    """N-Triples (or N-Quads in ``graph_name``), one line per triple, in constant memory.

    rdflib's N-Triples row writer escapes each term; lines go out in blocks.
    """
    tail = f" <{graph_name}> .\n" if graph_name is not None else " .\n"
    count, block = 0, []
    for triple in triples(store, base):
        block.append(nt_row(triple)[:-3] + tail)  # the row ends " .\n"
        if len(block) >= 10_000:
            handle.write("".join(block).encode("utf-8"))
            count, block = count + len(block), []
    handle.write("".join(block).encode("utf-8"))
    return count + len(block)


def _turtle(store: Store, destination: Path | IO[bytes], base: str) -> int:
    """Turtle with prefixes: N-Triples to a spool file, re-serialised by Oxigraph as it reads
    (rdflib's pretty Turtle writer slows down badly on large graphs)."""
    import pyoxigraph as ox

    with tempfile.TemporaryDirectory(prefix="kg-rdf-") as tmp:
        spool = Path(tmp) / "graph.nt"
        with spool.open("wb") as handle:
            count = _write_lines(store, handle, base, None)
        quads = ox.parse(path=str(spool), format=ox.RdfFormat.N_TRIPLES)
        prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        with _output(destination) as out:
            ox.serialize(quads, out, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return count


def ontology_terms() -> dict[str, set[str]]:
    """The kg classes, object and datatype properties that ``schema/ontology.ttl`` declares."""
    graph = ontology()

    def local(kind: URIRef) -> set[str]:
        return {str(s)[len(str(KG)):] for s in graph.subjects(RDF.type, kind)
                if str(s).startswith(str(KG))}

    return {"classes": local(OWL.Class), "objects": local(OWL.ObjectProperty),
            "data": local(OWL.DatatypeProperty)}
