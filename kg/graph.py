"""Graph: from extraction records to typed nodes and relationships.

Two streaming passes over the records (they live on disk as
``extractions.jsonl``): the first fills the resolution index
(:class:`kg.resolve.EntityIndex`, the one structure that grows with the corpus)
and the second yields every :class:`Node` and :class:`Edge`: papers and their
extracted relationships, results, code links, benchmarks (:mod:`kg.benchmarks`),
comparisons, and the families read from names (:mod:`kg.variants`). Ids are
deterministic: the same records give the same ids in any order, on any machine.
Whatever does not fit the schema is dropped and counted in the run report.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Iterator
from itertools import chain
from typing import Any

import networkx as nx

from kg.benchmarks import pairings
from kg.model import Edge, Node
from kg.records import RunReport
from kg.resolve import (  # noqa: F401 (re-exported: the graph's public names)
    ENTITY_KINDS,
    EntityIndex,
    _forms,
    entity_key,
    group_key,
    initials,
    is_acronym_of,
    normalise,
    same_expansion,
    short_hash,
)
from kg.schema import Schema, load_schema
from kg.variants import family_of

PAPER_EDGE = {"Task": "ADDRESSES", "Metric": "MEASURES", "Concept": "MENTIONS"}
# The first number in a value: "0.8013 ± 0.0243" -> 0.8013, "88.0%" -> 88.0; not "±".
FIRST_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def _evidence(record: dict[str, Any], ev: dict[str, Any] | None, default: str) -> dict[str, Any]:
    ev = ev or {}
    return {
        "paper": record["id"],
        "field": ev.get("field"),
        "char_start": ev.get("start"),
        "char_end": ev.get("end"),
        "sentence": ev.get("sentence"),
        "extractor": ev.get("extractor", default),
    }


def _year(date: str | None) -> int | None:
    match = re.match(r"(\d{4})", date or "")
    return int(match.group(1)) if match else None


def repository_id(url: str | None, name: str | None) -> str:
    """``repo:github.com/owner/name`` for a URL (scheme, www., trailing / and .git
    dropped, host lower-cased); ``repo:named:<name>`` for a url-less release."""
    if not url:
        return f"repo:named:{entity_key(name or '')}"
    rest = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I)
    rest = re.sub(r"^www\.", "", rest, flags=re.I).rstrip("/")
    rest = re.sub(r"\.git$", "", rest).rstrip("/")
    host, _, path = rest.partition("/")
    return f"repo:{host.lower()}/{path}" if path else f"repo:{host.lower()}"


def _host(url: str | None) -> str | None:
    match = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?([^/]+)", url or "", re.I)
    return match.group(1).lower() if match and url else None


class GraphBuilder:
    """Turns extraction records into schema-checked nodes and edges (two passes)."""

    def __init__(self, report: RunReport | None = None, schema: Schema | None = None) -> None:
        self.schema = schema or load_schema()
        self.report = report or RunReport()
        self.index = EntityIndex()
        self._repositories: set[str] = set()
        # benchmark id -> [task id, dataset id, papers]; like the index, grows with the vocabulary
        self._benchmarks: dict[str, list[Any]] = {}

    def index_records(self, records: Iterable[dict[str, Any]]) -> None:
        """Pass one: fill the resolution index."""
        for record in records:
            self.index.add_record(record)

    def items(self, records: Iterable[dict[str, Any]]) -> Iterator[Node | Edge]:
        """Pass two: every node and edge, papers' first, entity nodes last."""
        for record in records:
            for item in self._record_items(record):
                if self._fits(item):
                    yield item
        for node in self.index.nodes():
            if self._fits(node):
                yield node
        for item in chain(self._family_edges(), self._benchmark_nodes()):
            if self._fits(item):
                yield item

    def _record_items(self, record: dict[str, Any]) -> Iterator[Node | Edge]:
        pid = record["id"]
        yield Node(
            "Paper",
            pid,
            {
                "name": record.get("title") or pid,
                "title": record.get("title"),
                "abstract": record.get("abstract"),
                "arxiv_id": record.get("arxiv_id"),
                "date": record.get("date"),
                "year": _year(record.get("date")),
                "url": record.get("url"),
                "authors": record.get("authors") or [],
                "categories": record.get("categories") or [],
                "sources": record.get("sources") or [],
            },
        )
        seen: set[tuple[str, str]] = set()
        for edge in self._entity_edges(record):
            if (edge.type, edge.target) not in seen:
                seen.add((edge.type, edge.target))
                yield edge
        for target in sorted({target for _, target in seen}):
            self.index.count_paper(target)
        benchmarks = yield from self._benchmark_edges(record)
        yield from self._result_items(record, benchmarks)
        yield from self._comparison_edges(record)
        yield from self._code_items(record)

    def _entity_edges(self, record: dict[str, Any]) -> Iterator[Edge]:
        pid = record["id"]
        for key, label in ENTITY_KINDS.items():
            for entity in record.get(key) or []:
                forms = [f for f in _forms(entity) if f.strip()]
                if not forms:
                    self.report.drop(f"{label} without a name")
                    continue
                target = self.index.node_id(label, *forms)
                ev = entity.get("evidence") if isinstance(entity, dict) else None
                props = _evidence(record, ev[0] if ev else None, "unknown")
                rel_type, extra = _edge_type(label, entity)
                yield Edge(rel_type, "Paper", pid, label, target, {**props, **extra})

    def _benchmark_edges(self, record: dict[str, Any]) -> Generator[Edge, None, dict[str, str]]:
        """Paper BENCHMARKS edges; returns the paper's benchmark id per dataset node id."""
        pid, by_dataset = record["id"], {}
        for pairing in pairings(record):
            task = self.index.node_id("Task", *_forms(pairing.task))
            dataset = self.index.node_id("Dataset", *_forms(pairing.dataset))
            bid = f"benchmark:{task.split(':', 1)[1]}@{dataset.split(':', 1)[1]}"
            if dataset in by_dataset:
                continue
            by_dataset[dataset] = bid
            entry = self._benchmarks.setdefault(bid, [task, dataset, 0])
            entry[2] += 1
            yield Edge("BENCHMARKS", "Paper", pid, "Benchmark", bid,
                       _evidence(record, pairing.evidence, "benchmarks"))
        return by_dataset

    def _benchmark_nodes(self) -> Iterator[Node | Edge]:
        for bid, (task, dataset, papers) in sorted(self._benchmarks.items()):
            task_name, dataset_name = self.index.name_of(task), self.index.name_of(dataset)
            yield Node("Benchmark", bid, {"name": f"{task_name} on {dataset_name}",
                                          "task": task_name, "dataset": dataset_name,
                                          "papers": papers})
            yield Edge("OF_TASK", "Benchmark", bid, "Task", task, {})
            yield Edge("OF_DATASET", "Benchmark", bid, "Dataset", dataset, {})

    def _family_edges(self) -> Iterator[Edge]:
        """VARIANT_OF between methods and SUBSET_OF between datasets, from their names."""
        for label, rel_type in (("Method", "VARIANT_OF"), ("Dataset", "SUBSET_OF")):
            for node in self.index.nodes():
                if node.label != label:
                    continue
                found = family_of(node.props["name"], label,
                                  lambda form, lab=label: self.index.find(lab, form), node.id)
                if found:
                    parent, family = found
                    yield Edge(rel_type, label, node.id, label, parent,
                               {"kind": family.kind, "rule": family.rule})

    def _comparison_edges(self, record: dict[str, Any]) -> Iterator[Edge]:
        """Method OUTPERFORMS Method, once per pair and paper, with its evidence."""
        seen: set[tuple[str, str]] = set()
        for comparison in record.get("comparisons") or []:
            winner = self.index.find("Method", comparison.get("winner") or "")
            loser = self.index.find("Method", comparison.get("loser") or "")
            if winner is None or loser is None or winner == loser:
                self.report.drop("comparison between methods the paper does not name")
                continue
            if (winner, loser) not in seen:
                seen.add((winner, loser))
                props = _evidence(record, comparison.get("evidence"), "comparisons")
                props.update(dataset=comparison.get("dataset"), metric=comparison.get("metric"))
                yield Edge("OUTPERFORMS", "Method", winner, "Method", loser, props)

    def _result_items(
        self, record: dict[str, Any], benchmarks: dict[str, str]
    ) -> Iterator[Node | Edge]:
        pid = record["id"]
        for result in record.get("results") or []:
            metric, value = result.get("metric"), result.get("value")
            if not metric or not value:
                self.report.drop("Result without a metric or value")
                continue
            method, dataset = result.get("method"), result.get("dataset")
            rid = "result:" + short_hash(pid, method or "", dataset or "", metric, value)
            number = FIRST_NUMBER.search(value)
            ev = _evidence(record, result.get("evidence"), "results")
            yield Node(
                "Result",
                rid,
                {
                    "name": f"{metric} = {value}",
                    "value": value,
                    "number": float(number.group().replace(",", ".")) if number else None,
                    "method": method,
                    "dataset": dataset,
                    "metric": metric,
                    **ev,
                },
            )
            yield Edge("REPORTS", "Paper", pid, "Result", rid, ev)
            for attr, label, rel in (
                ("method", "Method", "OF_METHOD"),
                ("dataset", "Dataset", "ON_DATASET"),
                ("metric", "Metric", "FOR_METRIC"),
            ):
                if result.get(attr) and result[attr].strip():
                    target = self.index.node_id(label, result[attr])
                    yield Edge(rel, "Result", rid, label, target, {})
                    if rel == "ON_DATASET" and target in benchmarks:
                        yield Edge("ON_BENCHMARK", "Result", rid, "Benchmark",
                                   benchmarks[target], {})

    def _code_items(self, record: dict[str, Any]) -> Iterator[Node | Edge]:
        pid = record["id"]
        linked: set[str] = set()
        for link in record.get("code") or []:
            url, name = link.get("url"), link.get("name")
            if not url and not name:
                self.report.drop("code link without a URL or a name")
                continue
            rid = repository_id(url, name)
            if rid not in self._repositories:
                self._repositories.add(rid)
                yield Node(
                    "Repository",
                    rid,
                    {
                        "name": url or name,
                        "url": url,
                        "kind": link.get("kind"),
                        "host": _host(url),
                    },
                )
            if rid not in linked:
                linked.add(rid)
                yield Edge(
                    "HAS_CODE",
                    "Paper",
                    pid,
                    "Repository",
                    rid,
                    _evidence(record, link.get("evidence"), "code_links"),
                )

    def _fits(self, item: Node | Edge) -> bool:
        """Keep what the schema declares; count what it does not, with the reason."""
        if isinstance(item, Node):
            declared = self.schema.nodes.get(item.label)
            if declared is None:
                self.report.drop(f"node label {item.label} not in schema")
                return False
            allowed = declared.properties
            what = item.label
        else:
            rel = self.schema.relationships.get(item.type)
            if rel is None or (rel.source, rel.target) != (item.source_label, item.target_label):
                self.report.drop(
                    f"relationship {item.source_label}-{item.type}->{item.target_label} "
                    "not in schema"
                )
                return False
            allowed = self.schema.rel_properties(item.type)
            what = item.type
        for prop in [p for p in item.props if p not in allowed]:
            self.report.drop(f"{what}.{prop} not in schema")
            del item.props[prop]
        return True


def _edge_type(label: str, entity: dict[str, Any] | str) -> tuple[str, dict[str, Any]]:
    proposed = isinstance(entity, dict) and bool(entity.get("proposed"))
    if label == "Method":
        if proposed:
            return "PROPOSES", {}
        role = entity.get("role") if isinstance(entity, dict) else None
        return "USES", {"role": role or "mentioned"}
    if label == "Dataset":
        return ("INTRODUCES" if proposed else "EVALUATES_ON"), {}
    return PAPER_EDGE[label], {}


def to_networkx(items: Iterable[Node | Edge]) -> nx.MultiDiGraph:
    """The typed graph as a networkx MultiDiGraph: node attr ``label``, edge key = type."""
    graph = nx.MultiDiGraph()
    for item in items:
        if isinstance(item, Node):
            graph.add_node(item.id, label=item.label, **item.props)
        else:
            graph.add_edge(item.source, item.target, key=item.type, type=item.type, **item.props)
    return graph
