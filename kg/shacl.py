"""SHACL shapes for exported graphs, generated from the schema (``schema/shapes.ttl``).

One ``sh:NodeShape`` per label, targeting its kg class: the key and ``name`` are
required strings (exactly one each), every other declared property has its XSD
datatype, and every relationship type leaving the label points to a resource of
the target class. Evidence nodes have one subject, predicate, object and paper.
``schema/shapes.ttl`` is this module's output, written by ``python -m kg.shacl``
and compared with the schema by the tests, so the two cannot drift.
"""

from __future__ import annotations

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef

from kg.rdf import KG, PROV, XSD_TYPES, bind_prefixes, camel
from kg.resources import data_file
from kg.schema import Schema, load_schema

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Namespace("https://w3id.org/kg-ml/shapes#")


def _property(graph: Graph, shape: URIRef, path: URIRef, **constraints: object) -> None:
    node = BNode()
    graph.add((shape, SH.property, node))
    graph.add((node, SH.path, path))
    for name, value in constraints.items():
        graph.add((node, SH[name], value if isinstance(value, URIRef) else Literal(value)))


def shapes(schema: Schema) -> Graph:
    """The shapes graph of ``schema``."""
    graph = bind_prefixes(Graph())
    graph.bind("sh", SH)
    graph.bind("shape", SHAPES)
    for label, node in schema.nodes.items():
        shape = SHAPES[label]
        graph.add((shape, RDF.type, SH.NodeShape))
        graph.add((shape, SH.targetClass, KG[label]))
        graph.add((shape, SH.nodeKind, SH.IRI))
        for prop, kind in node.properties.items():
            required = {"minCount": 1, "maxCount": 1} if prop in (node.key, "name") else {}
            single = {} if kind == "string[]" or required else {"maxCount": 1}
            _property(graph, shape, KG[prop], datatype=XSD_TYPES[kind], **required, **single)
        for rel in schema.relationships.values():
            if rel.source == label:
                _property(graph, shape, KG[camel(rel.type)], **{"class": KG[rel.target]},
                          nodeKind=SH.IRI)
    evidence = SHAPES["Evidence"]
    graph.add((evidence, RDF.type, SH.NodeShape))
    graph.add((evidence, SH.targetClass, KG.Evidence))
    for path in (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom):
        _property(graph, evidence, path, minCount=1, maxCount=1, nodeKind=SH.IRI)
    for prop, kind in schema.evidence.items():
        _property(graph, evidence, KG[prop], datatype=XSD_TYPES[kind], maxCount=1)
    return graph


def shipped() -> Graph:
    """``schema/shapes.ttl`` as installed."""
    return Graph().parse(data_file("schema", "shapes.ttl"), format="turtle")


def validate(data: Graph, shapes_graph: Graph | None = None) -> tuple[bool, str]:
    """Validate ``data`` with pyshacl (a development dependency); (conforms, report text)."""
    from pyshacl import validate as pyshacl_validate

    conforms, _, text = pyshacl_validate(data, shacl_graph=shapes_graph or shipped(),
                                         inference="none", advanced=False)
    return bool(conforms), str(text)


def main() -> None:
    """Write ``schema/shapes.ttl`` from ``schema/graph.toml``."""
    head = ("# SHACL shapes of a kg RDF export. Generated from schema/graph.toml by\n"
            "# `python -m kg.shacl`; do not edit by hand.\n")
    body = shapes(load_schema()).serialize(format="turtle")
    data_file("schema", "shapes.ttl").write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    main()

__all__ = ["SH", "shapes", "shipped", "validate", "XSD"]
