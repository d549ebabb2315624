"""Every library query on the embedded graph of ../shared/corpus/seeds, checked against a twin.

The twin answers each question again in plain Python over the same graph as a networkx
MultiDiGraph (built from the same extraction records by ``kg.graph``), so the test checks the
Cypher — its joins, filters, counts and order — not the extraction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.build import EXTRACTIONS, read_extractions
from kg.graph import GraphBuilder, to_networkx
from kg.library import get, library
from kg.store import Store


@pytest.fixture(scope="module")
def seeds(seed_graph) -> tuple[Store, nx.MultiDiGraph]:
    out = seed_graph
    builder = GraphBuilder()
    builder.index_records(read_extractions(Path(out) / EXTRACTIONS))
    graph = to_networkx(builder.items(read_extractions(Path(out) / EXTRACTIONS)))
    with Store(out) as store:
        yield store, graph


def run(store: Store, query_name: str, **args: Any) -> list[list[Any]]:
    query = get(query_name)
    return store.query(query.cypher, query.arguments(args))[1]


def out_edges(graph: nx.MultiDiGraph, node: str, *types: str) -> list[tuple[str, dict]]:
    return [(t, d) for _, t, k, d in graph.out_edges(node, keys=True, data=True) if k in types]


def of_label(graph: nx.MultiDiGraph, label: str) -> list[str]:
    return [n for n, d in graph.nodes(data=True) if d.get("label") == label]


def name(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node]["name"]


def ranked(counts: dict[Any, int], limit: int | None = None) -> list[list[Any]]:
    rows = sorted(([*(k if isinstance(k, tuple) else (k,)), n] for k, n in counts.items()),
                  key=lambda row: (-row[-1], *row[:-1]))
    return rows[:limit] if limit else rows


def papers_per(graph, label: str, *types: str, where=lambda data: True) -> Counter:
    counts: dict[str, set[str]] = defaultdict(set)
    for paper in of_label(graph, "Paper"):
        for target, data in out_edges(graph, paper, *types):
            if graph.nodes[target].get("label") == label and where(data):
                counts[name(graph, target)].add(paper)
    return Counter({k: len(v) for k, v in counts.items()})


def test_library_seeds_every_query_is_checked():
    checked = {"methods_on_dataset", "proposed_with_code", "datasets_used_together",
               "code_hosts", "method_family", "leaderboard", "related_papers", "evidence"}
    assert set(library()) == set(TWINS) | checked


TWINS = {
    "most_used_datasets": lambda g: ranked(papers_per(g, "Dataset", "EVALUATES_ON"), 10),
    "tasks_by_papers": lambda g: ranked(papers_per(g, "Task", "ADDRESSES"), 15),
    "common_baselines": lambda g: ranked(
        papers_per(g, "Method", "USES", where=lambda d: d.get("role") == "baseline"), 10),
    "introduced_datasets": lambda g: sorted(
        [name(g, d), g.nodes[p]["title"]] for p in of_label(g, "Paper")
        for d, _ in out_edges(g, p, "INTRODUCES")),
}


@pytest.mark.parametrize("query", sorted(TWINS))
def test_library_seeds_ranked_queries_match_their_twin(seeds, query):
    store, graph = seeds
    assert run(store, query) == TWINS[query](graph)


def test_library_seeds_methods_on_dataset(seeds):
    store, graph = seeds
    papers = [p for p in of_label(graph, "Paper")
              if any(name(graph, d) == "ImageNet" for d, _ in out_edges(graph, p, "EVALUATES_ON"))]
    methods: dict[str, set[str]] = defaultdict(set)
    code: dict[str, set[str]] = defaultdict(set)
    for p in papers:
        urls = {graph.nodes[r]["url"] for r, _ in out_edges(graph, p, "HAS_CODE")} - {None}
        for m, _ in out_edges(graph, p, "PROPOSES", "USES"):
            methods[name(graph, m)].add(p)
            code[name(graph, m)] |= urls
    expected = [[m, n, sorted(code[m])] for m, n in ranked({m: len(v) for m, v in methods.items()})]
    answer = [[m, n, sorted(urls)] for m, n, urls in run(store, "methods_on_dataset")]
    assert answer == expected and answer


def test_library_seeds_proposed_with_code(seeds):
    store, graph = seeds
    rows = sorted(
        [name(graph, m), graph.nodes[r]["url"], graph.nodes[p]["title"]]
        for p in of_label(graph, "Paper") for m, _ in out_edges(graph, p, "PROPOSES")
        for r, _ in out_edges(graph, p, "HAS_CODE") if graph.nodes[r]["kind"] == "code")
    rows = sorted({tuple(r) for r in rows}, key=lambda r: (r[0], r[1]))
    answer = run(store, "proposed_with_code", limit=1000)
    assert [r[:2] for r in answer] == [list(r[:2]) for r in rows] and answer


def test_library_seeds_datasets_used_together(seeds):
    store, graph = seeds
    pairs: Counter = Counter()
    for p in of_label(graph, "Paper"):
        names = {name(graph, d) for d, _ in out_edges(graph, p, "EVALUATES_ON")}
        pairs.update((a, b) for a in names for b in names if a < b)
    assert run(store, "datasets_used_together") == ranked(pairs, 10)


def test_library_seeds_code_hosts(seeds):
    store, graph = seeds
    hosts: dict[tuple, set] = defaultdict(set)
    for p in of_label(graph, "Paper"):
        for r, _ in out_edges(graph, p, "HAS_CODE"):
            if graph.nodes[r].get("host"):
                hosts[(graph.nodes[r]["host"], graph.nodes[r]["kind"])].add(p)
    assert run(store, "code_hosts") == ranked({k: len(v) for k, v in hosts.items()})


def test_library_seeds_method_family(seeds):
    store, graph = seeds
    family = next(m for m in of_label(graph, "Method") if name(graph, m) == "ResNet")
    members = nx.ancestors(nx.DiGraph([(a, b) for a, b, k in graph.edges(keys=True)
                                       if k == "VARIANT_OF"]), family)
    users = {m: {p for p, _, k in graph.in_edges(m, keys=True) if k in ("PROPOSES", "USES")}
             for m in members}
    assert run(store, "method_family") == ranked({name(graph, m): len(u) for m, u in users.items()})
    assert len(members) >= 5  # ResNet-18, -34, -50, -101 ... in the seed pages


def test_library_seeds_leaderboard(seeds):
    store, graph = seeds
    boards: dict[tuple, list] = defaultdict(list)
    for r in of_label(graph, "Result"):
        metric = [name(graph, x) for x, _ in out_edges(graph, r, "FOR_METRIC")]
        method = [name(graph, m) for m, _ in out_edges(graph, r, "OF_METHOD")]
        paper = next(p for p, _, k in graph.in_edges(r, keys=True) if k == "REPORTS")
        for b, _ in out_edges(graph, r, "ON_BENCHMARK"):
            node = graph.nodes[b]
            boards[(node["dataset"], node["task"], metric[0])].append(
                [node["name"], method[0] if method else None, graph.nodes[r]["value"],
                 graph.nodes[r]["number"], graph.nodes[paper]["title"]])
    # the board with the most results (ties: by name), as a user would pick it
    (dataset, task, metric), rows = min(boards.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows.sort(key=lambda row: (-row[3], row[4]))
    answer = run(store, "leaderboard", dataset=dataset, task=task, metric=metric)
    assert answer == rows and answer


def test_library_seeds_related_papers_and_evidence(seeds):
    store, graph = seeds
    paper = next(p for p in of_label(graph, "Paper")
                 if any(name(graph, m) == "ResNet-50" for m, _ in
                        out_edges(graph, p, "PROPOSES", "USES")))
    mine = {m for m, _ in out_edges(graph, paper, "PROPOSES", "USES")}
    shared: dict[str, set[str]] = defaultdict(set)
    for q in of_label(graph, "Paper"):
        if q != paper:
            for m, _ in out_edges(graph, q, "PROPOSES", "USES"):
                if m in mine:
                    shared[q].add(m)
    expected = sorted(([q, len(ms)] for q, ms in shared.items()), key=lambda r: (-r[1], r[0]))
    answer = run(store, "related_papers", paper=paper)
    assert [[r[0], r[3]] for r in answer] == expected[:10] and answer
    evidence = run(store, "evidence", paper=paper, name="ResNet-50")
    edge = next(d for m, d in out_edges(graph, paper, "PROPOSES", "USES")
                if name(graph, m) == "ResNet-50")
    assert [evidence[0][0], evidence[0][5]] == ["method:resnet50", edge["sentence"]]
