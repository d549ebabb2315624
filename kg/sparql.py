"""SPARQL over a build folder or an RDF file: rdflib by default, Oxigraph for large data.

``open_graph`` loads the graph once — from the embedded store of a build folder
(through :func:`kg.rdf.triples`) or from an export (Turtle, N-Triples, N-Quads,
JSON-LD, RDF/XML) — into one of two stores: rdflib's in-memory graph, or
pyoxigraph's Rust store, which parses and answers large graphs several times
faster. ``auto`` picks Oxigraph above :data:`AUTO_TRIPLES` triples (or
:data:`AUTO_BYTES` bytes of file). Answers are plain Python values, the same
whichever store answered.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError
from kg.resources import data_dir

AUTO_TRIPLES = 200_000  # above this many rows in a build folder, Oxigraph answers
AUTO_BYTES = 20_000_000  # above this file size, Oxigraph parses
SUFFIX_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld",
                  ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml"}


class SparqlError(KgError):
    """The query could not be parsed or run."""

    exit_code = 2


@dataclass
class Answer:
    columns: list[str]
    rows: list[list[Any]]


class _Rdflib:
    name = "rdflib"

    def __init__(self) -> None:
        from rdflib import Graph

        self.graph = Graph()

    def load(self, data: bytes | Path, fmt: str) -> None:
        if fmt == "nquads":  # quads: every named graph's triples, as one default graph
            from rdflib import Dataset

            source = Dataset()
            source.parse(**({"source": str(data)} if isinstance(data, Path) else {"data": data}),
                         format=fmt)
            for s, p, o, _ in source.quads((None, None, None, None)):
                self.graph.add((s, p, o))
        elif isinstance(data, Path):
            self.graph.parse(str(data), format=fmt)
        else:
            self.graph.parse(data=data, format=fmt)

    def query(self, text: str) -> Answer:
        result = self.graph.query(text)
        if result.type == "ASK":
            return Answer(["ask"], [[bool(result.askAnswer)]])
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer(["subject", "predicate", "object"],
                          [[_plain(t) for t in triple] for triple in result])
        columns = [str(v) for v in result.vars]
        return Answer(columns, [[_plain(row[v]) for v in result.vars] for row in result])


class _Oxigraph:
    name = "oxigraph"
    FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nquads": "N_QUADS", "xml": "RDF_XML",
               "json-ld": None}

    def __init__(self) -> None:
        import pyoxigraph

        self.ox = pyoxigraph
        self.store = pyoxigraph.Store()

    def load(self, data: bytes | Path, fmt: str) -> None:
        name = self.FORMATS.get(fmt)
        if name is None:
            raise InputError(f"Oxigraph cannot read {fmt}; use --store rdflib")
        kind = getattr(self.ox.RdfFormat, name)
        if isinstance(data, Path):
            self.store.bulk_load(path=str(data), format=kind)
        else:
            self.store.bulk_load(io.BytesIO(data), format=kind)

    def query(self, text: str) -> Answer:
        result = self.store.query(text, use_default_graph_as_union=True)
        if isinstance(result, bool):
            return Answer(["ask"], [[result]])
        if isinstance(result, self.ox.QueryTriples):
            return Answer(["subject", "predicate", "object"],
                          [[_ox_plain(t.subject), _ox_plain(t.predicate), _ox_plain(t.object)]
                           for t in result])
        columns = [v.value for v in result.variables]
        return Answer(columns, [[_ox_plain(row[v]) for v in result.variables] for row in result])


def _plain(term: Any) -> Any:
    if term is None:
        return None
    from rdflib import Literal

    return term.toPython() if isinstance(term, Literal) else str(term)


def _ox_plain(term: Any) -> Any:
    if term is None:
        return None
    if term.__class__.__name__ != "Literal":
        return term.value
    from rdflib import Literal, URIRef

    datatype = URIRef(term.datatype.value) if term.datatype is not None else None
    if term.language:
        return term.value
    return Literal(term.value, datatype=datatype).toPython()


def open_graph(db: Path | None = None, data: Path | None = None, store: str = "auto",
               base: str | None = None) -> _Rdflib | _Oxigraph:
    """A SPARQL store holding the graph of ``db`` (a build folder) or ``data`` (an RDF file)."""
    if (db is None) == (data is None):
        raise InputError("give either --db DIR or --data FILE")
    if data is not None:
        if not data.is_file():
            raise InputError(f"{data}: no such file")
        fmt = SUFFIX_FORMATS.get(data.suffix.lower())
        if fmt is None:
            raise InputError(f"{data}: unknown RDF format (use {', '.join(SUFFIX_FORMATS)})")
        big = data.stat().st_size > AUTO_BYTES
        backend = _choose(store, big and fmt != "json-ld")
        _load(backend, data, fmt)
        return backend
    from kg.rdf import DEFAULT_BASE, export
    from kg.store import Store

    with Store(db) as graph_store:
        big = sum(graph_store.counts().values()) * 4 > AUTO_TRIPLES
        backend = _choose(store, big)
        buffer = io.BytesIO()
        export(graph_store, buffer, "nt", base or DEFAULT_BASE)
    _load(backend, buffer.getvalue(), "nt")
    return backend


def _choose(store: str, big: bool) -> _Rdflib | _Oxigraph:
    if store == "oxigraph" or (store == "auto" and big):
        return _Oxigraph()
    if store in ("rdflib", "auto"):
        return _Rdflib()
    raise InputError(f"unknown --store {store!r}: rdflib, oxigraph or auto")


def _load(backend: _Rdflib | _Oxigraph, data: bytes | Path, fmt: str) -> None:
    try:
        backend.load(data, fmt)
    except (SyntaxError, ValueError, OSError) as error:
        where = data if isinstance(data, Path) else "the export"
        raise InputError(f"{where}: cannot parse as {fmt}: {error}") from error


def query(backend: _Rdflib | _Oxigraph, text: str) -> Answer:
    """Run one SPARQL query; a malformed query is a :class:`SparqlError`."""
    try:
        return backend.query(text)
    except KgError:
        raise
    except Exception as error:  # both engines raise their own parse and evaluation errors
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SparqlError(f"SPARQL query failed ({backend.name}): {message}") from error


def twins() -> dict[str, str]:
    """The SPARQL twins of the Cypher library, by name (``cypher/sparql/*.rq``)."""
    folder = data_dir("cypher") / "sparql"
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.rq"))}


__all__: Sequence[str] = ["Answer", "SparqlError", "open_graph", "query", "twins"]
