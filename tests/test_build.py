"""End to end: kg build on the shared corpora, incremental builds, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import BuildOptions, build
from kg.cli import cli
from kg.store import Store
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> tuple[Path, object]:
    seeds = shared_path("corpus", "seeds")
    out = tmp_path_factory.mktemp("seeds") / "out"
    result = CliRunner().invoke(cli, ["build", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result


def graph_snapshot(out: Path) -> tuple[list, list]:
    """Sorted node and edge lists of a build: compared structurally, not byte for byte."""
    with Store(out) as store:
        nodes = sorted((label, tuple(sorted((k, json.dumps(v)) for k, v in row.items()
                                            if k != "sources")))
                       for label in store.schema.nodes for row in store.nodes(label))
        edges = sorted((rtype, tuple(sorted((k, json.dumps(v)) for k, v in row.items())))
                       for rtype in store.schema.relationships for row in store.edges(rtype))
    return nodes, edges


def test_build_seeds_reports_entries_and_distinct_papers(seed_build):
    out, result = seed_build
    summary = json.loads((out / "summary.json").read_text())
    report = summary["report"]
    assert report["records_read"] == 533
    assert report["papers_kept"] == 463
    assert report["reconciled"]
    assert summary["counts"]["Paper"] == 463
    assert "463 distinct papers" in result.output


def test_build_seeds_answers_the_imagenet_query(seed_build):
    out, _ = seed_build
    cypher = ("MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset {name: 'ImageNet'}) "
              "RETURN p.title")
    table = CliRunner().invoke(cli, ["query", "--db", str(out), cypher])
    assert table.exit_code == 0, table.output
    rows = CliRunner().invoke(cli, ["query", "--db", str(out), "--format", "json", cypher])
    titles = json.loads(rows.output)
    assert isinstance(titles, list) and len(titles) >= 5
    assert all(set(row) == {"p.title"} for row in titles)


def test_build_seeds_merges_repeated_papers_with_every_source(seed_build):
    out, _ = seed_build
    with Store(out) as store:
        _, rows = store.query("MATCH (p:Paper) WHERE size(p.sources) > 1 RETURN count(p)")
    assert rows[0][0] >= 1  # 533 entries, 463 papers: some were read on several pages


def test_build_arxiv_keeps_arxiv_ids(tmp_path):
    corpus = shared_path("corpus", "arxiv-ml-2026-06a.jsonl")
    result = build([corpus], tmp_path / "out2", BuildOptions(rdf=False))
    assert result.summary["report"]["papers_kept"] >= 1100
    with Store(tmp_path / "out2") as store:
        _, rows = store.query("MATCH (p:Paper) WHERE NOT p.id STARTS WITH 'arxiv:' "
                              "RETURN count(p)")
        assert rows[0][0] == 0
        _, rows = store.query("MATCH (p:Paper) WHERE p.arxiv_id IS NULL RETURN count(p)")
        assert rows[0][0] == 0


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


PAPERS = [
    {"id": f"2601.0{i:04d}", "title": f"Paper {i} on ImageNet",
     "summary": f"We propose Net{i}, which reaches 80.{i}% top-1 accuracy on ImageNet and "
                f"outperforms ResNet-50. Code: https://github.com/example/net{i}"}
    for i in range(6)
]


def test_build_incremental_equals_all_at_once(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", PAPERS[:3])
    b = write_jsonl(tmp_path / "b.jsonl", PAPERS[2:])  # paper 2 is in both
    options = BuildOptions(rdf=False)
    build([a], tmp_path / "inc", options)
    second = build([b], tmp_path / "inc", options)
    assert second.summary["already_in_build"] == 1
    build([a, b], tmp_path / "all", options)
    assert graph_snapshot(tmp_path / "inc") == graph_snapshot(tmp_path / "all")


def test_build_rerun_gives_the_same_graph(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", PAPERS)
    build([a], tmp_path / "out", BuildOptions(rdf=False))
    first = graph_snapshot(tmp_path / "out")
    build([a], tmp_path / "out", BuildOptions(rdf=False))
    assert graph_snapshot(tmp_path / "out") == first


def test_build_extracts_again_what_an_older_extractor_made(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", PAPERS[:3])
    b = write_jsonl(tmp_path / "b.jsonl", PAPERS[3:4])
    out = tmp_path / "out"
    build([a, b], out, BuildOptions(rdf=False))
    fresh = graph_snapshot(out)
    records = [json.loads(line) for line in (out / "extractions.jsonl").read_text().splitlines()]
    for record in records:  # as if an older kg had written them
        record.update(pipeline="older", methods=[], comparisons=[])
    write_jsonl(out / "extractions.jsonl", records)
    build([a], out, BuildOptions(rdf=False))  # paper 3 is not read again: its record is used
    assert graph_snapshot(out) == fresh
    again = [json.loads(line) for line in (out / "extractions.jsonl").read_text().splitlines()]
    assert len(again) == 4 and all(r["pipeline"] != "older" and r["methods"] for r in again)
    assert any(r["comparisons"] for r in again)


@pytest.fixture
def messy_inputs(tmp_path) -> list[Path]:
    good = json.dumps(PAPERS[0])
    lines = [
        good,
        '{"id": "2601.09999", "title": "Broken", ',  # line 2: broken JSON
        json.dumps({"id": "2601.09998", "title": "No abstract here"}),  # line 3: still a paper
        json.dumps({"id": "2601.09997", "title": ["not", "a", "string"], "summary": "x"}),
        json.dumps(PAPERS[1]),
    ]
    jsonl = tmp_path / "messy.jsonl"
    jsonl.write_text("\n".join(lines) + "\n")
    binary = tmp_path / "figure.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return [jsonl, binary]


def test_build_bad_input_is_reported_and_the_rest_processed(tmp_path, messy_inputs):
    result = CliRunner().invoke(cli, ["build", *map(str, messy_inputs), "--out",
                                      str(tmp_path / "out"), "--no-rdf"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "messy.jsonl:2:" in result.output
    assert "messy.jsonl:4:" in result.output
    assert "figure.png" in result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["report"]["reconciled"]
    assert summary["counts"]["Paper"] == 3  # two good papers and the one without an abstract


def test_build_strict_stops_at_the_first_bad_record(tmp_path, messy_inputs):
    result = CliRunner().invoke(cli, ["build", str(messy_inputs[0]), "--out",
                                      str(tmp_path / "out"), "--strict", "--no-rdf"])
    assert result.exit_code == 2
    assert "messy.jsonl:2" in result.output and "Traceback" not in result.output
