"""From extraction records to typed nodes and relationships.

Two streaming passes over the records (they live on disk as
``extractions.jsonl``): the first fills the :class:`EntityIndex` — the one
structure that grows with the corpus — and the second yields every
:class:`Node` and :class:`Edge`. Ids are deterministic: the same records give
the same ids in any order, on any machine. Whatever does not fit the schema is
dropped and counted in the run report.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import chain, combinations
from os.path import commonprefix
from typing import Any

import networkx as nx

from kg.benchmarks import pairings
from kg.records import RunReport
from kg.schema import Schema, load_schema
from kg.variants import family_of

# Record key -> (node label, relationship from the paper). Methods and datasets
# choose their relationship per entity (proposed or not), see _entity_edge_type.
ENTITY_KINDS: dict[str, str] = {
    "methods": "Method",
    "datasets": "Dataset",
    "tasks": "Task",
    "metrics": "Metric",
    "concepts": "Concept",
}
PAPER_EDGE = {"Task": "ADDRESSES", "Metric": "MEASURES", "Concept": "MENTIONS"}
# The first number in a value: "0.8013 ± 0.0243" -> 0.8013, "88.0%" -> 88.0; not "±".
FIRST_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normalise(name: str) -> str:
    """The matching form of a name: NFKC, case-folded, letters and digits only."""
    return NOT_ALNUM.sub("", unicodedata.normalize("NFKC", name).casefold())


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_key(name: str) -> str:
    """The id suffix of an entity: its normalised name, or a hash when nothing is left.

    A "+" is part of a name ("U-Net++" is not "U-Net", "DeepLabv3+" not "DeepLabv3"), so it
    is spelled out before the other punctuation goes.
    """
    return normalise(name.replace("+", "plus")) or "h" + short_hash(name)


# A lower-case plural "s" after a stem of three or more: "Transformers", "GRUs", "ViTs",
# "diffusion models"; not "DARTS" (capital S), "loss" (double s), "Bus" (short stem).
PLURAL_END = re.compile(r"(?<=[A-Za-z0-9]{2}[A-Za-rt-z0-9])s$")


def group_key(name: str) -> str:
    """The key forms are grouped by: the entity key of the singular form."""
    return entity_key(PLURAL_END.sub("", name.strip()))


@dataclass(slots=True)
class Node:
    label: str
    id: str
    props: dict[str, Any]


@dataclass(slots=True)
class Edge:
    type: str
    source_label: str
    source: str
    target_label: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)


def _forms(entity: dict[str, Any] | str) -> list[str]:
    if isinstance(entity, str):
        return [entity]
    return [entity["name"], *entity.get("aliases", [])]


# An acronym-like form: "SGM", "CSPNet", "PC-DARTS", "ViT-B"; not "ImageNet-1K images" or "adam".
ACRONYM_SHAPE = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9+.\-]{0,14}$")


def is_acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` ("SGM" / "score-based generative model"):
    acronym-shaped, starting with the long form's initial, its letters in order in it."""
    words = [word.lower() for word in re.findall(r"[A-Za-z0-9]+", long)]
    if not ACRONYM_SHAPE.match(short) or len(words) < 2 or len(long) <= len(short):
        return False
    letters = [ch for ch in short.lower() if ch.isalnum()]
    if short.lower() in words or letters[0] != words[0][0]:  # "COCO" in "MS COCO": an alias
        return False
    rest = iter(" ".join(words))  # the letters appear in order (Schwartz & Hearst 2003)
    return all(ch in rest for ch in letters)


def initials(phrase: str) -> str:
    """Word initials; an acronym inside the phrase gives all its capitals ("mean IoU" -> "miou")."""
    out = []
    for word in re.findall(r"[A-Za-z0-9]+", phrase):
        acronym = len(word) <= 5 and sum(c.isupper() for c in word) >= 2  # "IoU", "CNN"
        out.append(word if acronym else word[0])
    return "".join(out).casefold()


def same_expansion(a: str, b: str) -> bool:
    """Whether two long forms of one acronym mean the same: word by word the same stems
    ("low-rank adaptation" / "low-rank adapters"), one spelling an acronym out ("mean IoU" /
    "mean intersection over union"), or nearly the same letters (a typo). "Fully connected
    network" and "fully convolutional network" share initials but not stems: they differ."""
    if SequenceMatcher(None, normalise(a), normalise(b)).ratio() >= 0.85:
        return True
    words_a, words_b = (re.findall(r"[a-z0-9]+", x.casefold()) for x in (a, b))
    return _aligned(words_a, words_b)


def _aligned(a: list[str], b: list[str]) -> bool:
    """Word by word the same stem, or one word the initials of a run of the other's words."""
    if not a or not b:
        return not a and not b
    if _same_stem(a[0], b[0]) and _aligned(a[1:], b[1:]):
        return True
    for short, long in ((a, b), (b, a)):
        for k in range(2, min(5, len(long)) + 1):
            if short[0] == "".join(w[0] for w in long[:k]) and _aligned(short[1:], long[k:]):
                return True
    return False


def _same_stem(x: str, y: str) -> bool:
    common = len(commonprefix([x, y]))
    return common >= min(4, len(x), len(y))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller key is the root: independent of input order
            self.parent[max(ra, rb)] = min(ra, rb)


class EntityIndex:
    """The resolution index: every surface form seen per label, grouped into entities.

    Forms that one paper gives for one entity (a name and its aliases) are
    united. An acronym and the long form a paper defines for it are united only
    when every paper that defines the acronym agrees on the long form; when the
    long forms disagree (two papers coin "SGM" for different things) each long
    form stays its own node, named by the acronym, and a bare use of the acronym
    stays apart. An entity's ``name`` is its most frequent surface form (ties
    broken alphabetically), so the result does not depend on input order.
    """

    def __init__(self) -> None:
        self._groups: dict[str, _UnionFind] = defaultdict(_UnionFind)
        self._surface: dict[str, dict[str, Counter[str]]] = defaultdict(
            lambda: defaultdict(Counter)
        )
        self._papers: dict[str, Counter[str]] = defaultdict(Counter)
        # label -> acronym key -> long-form keys papers defined for it
        self._definitions: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._ambiguous: dict[str, set[str]] = defaultdict(set)
        self._resolved: dict[str, dict[str, str]] | None = None

    def add_record(self, record: dict[str, Any]) -> None:
        for key, label in ENTITY_KINDS.items():
            for entity in record.get(key) or []:
                keys = [group_key(form) for form in _forms(entity) if form.strip()]
                if not keys:
                    continue
                for form in _forms(entity):
                    if form.strip():
                        self._surface[label][group_key(form)][form] += 1
                forms = [form for form in _forms(entity) if form.strip()]
                expansions = []
                for form, other in zip(forms[1:], keys[1:], strict=True):
                    if is_acronym_of(forms[0], form):
                        self._definitions[label][keys[0]].add(form)  # decided in _resolve
                        expansions.append(other)
                    else:
                        self._groups[label].union(keys[0], other)
                for other in expansions[1:]:  # one paper's long forms of one acronym are one thing
                    self._groups[label].union(expansions[0], other)
        for result in record.get("results") or []:  # a result may name what no list holds
            for attr, label in (("method", "Method"), ("dataset", "Dataset"), ("metric", "Metric")):
                name = result.get(attr)
                if name and name.strip() and group_key(name) not in self._surface[label]:
                    self._surface[label][group_key(name)][name] += 1
        self._resolved = None

    def _resolve(self) -> dict[str, dict[str, str]]:
        """Map (label, form key) -> node id, choosing each group's canonical name."""
        resolved: dict[str, dict[str, str]] = {}
        self._names: dict[str, tuple[str, list[str]]] = {}
        for label, surface in self._surface.items():
            conflicts = self._unite_definitions(label)
            groups: dict[str, list[str]] = defaultdict(list)
            for form_key in surface:
                groups[self._groups[label].find(form_key)].append(form_key)
            table = resolved.setdefault(label, {})
            for members in groups.values():
                counts: Counter[str] = Counter()
                for form_key in members:
                    counts.update(surface[form_key])
                name = min(counts, key=lambda form: (-counts[form], form))
                node_id = f"{label.lower()}:{entity_key(name)}"
                aliases = sorted(set(counts) - {name})
                self._names[node_id] = (name, aliases)
                for form_key in members:
                    table[form_key] = node_id
            self._name_split_nodes(label, conflicts, table)
        return resolved

    def _unite_definitions(self, label: str) -> dict[str, set[str]]:
        """Unite each acronym with its long form when all definitions agree; return the rest."""
        groups = self._groups[label]
        conflicts = {}
        for acronym, long_forms in sorted(self._definitions[label].items()):
            keys = sorted({group_key(form) for form in long_forms})
            if all(same_expansion(a, b) for a, b in combinations(sorted(long_forms), 2)):
                for key in keys:
                    groups.union(acronym, key)
                continue
            roots = {groups.find(key) for key in keys}
            if len(roots) == 1:
                groups.union(acronym, keys[0])
            else:
                conflicts[acronym] = roots
        self._ambiguous[label] = set(conflicts)
        return conflicts

    def _name_split_nodes(self, label: str, conflicts: dict[str, set[str]],
                          table: dict[str, str]) -> None:
        """A long form of a disputed acronym is named by the acronym, the long form an alias."""
        for acronym, roots in conflicts.items():
            short = min(self._surface[label][acronym], key=lambda f: (
                -self._surface[label][acronym][f], f))
            for root in roots:
                node_id = table[root]
                name, aliases = self._names[node_id]
                self._names[node_id] = (short, sorted({*aliases, name} - {short}))

    def node_id(self, label: str, *forms: str) -> str:
        """The id of the entity that a paper's surface forms (name first) belong to.

        A disputed acronym resolves through the paper's own long form when it gives one.
        """
        if self._resolved is None:
            self._resolved = self._resolve()
        table, ambiguous = self._resolved[label], self._ambiguous[label]
        keys = [group_key(form) for form in forms]
        for key in keys:
            if key not in ambiguous:
                return table[key]
        return table[keys[0]]

    def find(self, label: str, form: str) -> str | None:
        """The node id a surface form resolves to, or None when no paper used the form."""
        if self._resolved is None:
            self._resolved = self._resolve()
        return self._resolved.get(label, {}).get(group_key(form))

    def name_of(self, node_id: str) -> str:
        if self._resolved is None:
            self._resolved = self._resolve()
        return self._names[node_id][0]

    def count_paper(self, node_id: str) -> None:
        self._papers[node_id.split(":", 1)[0]][node_id] += 1

    def nodes(self) -> Iterator[Node]:
        if self._resolved is None:
            self._resolved = self._resolve()
        for node_id in sorted(self._names):
            name, aliases = self._names[node_id]
            label = node_id.split(":", 1)[0].capitalize()
            papers = self._papers[label.lower()][node_id]
            yield Node(label, node_id, {"name": name, "aliases": aliases, "papers": papers})


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
