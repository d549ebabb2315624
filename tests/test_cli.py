"""The command line, through click's runner, on the sample corpus and hand-made inputs."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli, render

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "papers.jsonl"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "out"
    result = CliRunner().invoke(cli, ["build", str(SAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_cli_every_command_has_help_with_an_example():
    def walk(group, prefix=()):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from walk(command, (*prefix, name))
            else:
                yield (*prefix, name), command
    for path, command in walk(cli):
        result = CliRunner().invoke(cli, [*path, "--help"])
        assert result.exit_code == 0
        assert "Example" in (command.help or ""), f"kg {' '.join(path)} has no example"


def test_cli_build_writes_the_build_folder(sample_db):
    for name in ("extractions.jsonl", "graph.lbdb", "graph.ttl", "summary.json"):
        assert (sample_db / name).exists(), name
    summary = json.loads((sample_db / "summary.json").read_text())
    assert summary["report"]["papers_kept"] == 8
    assert summary["report"]["reconciled"]
    assert summary["counts"]["Paper"] == 8


def test_cli_query_formats(sample_db):
    cypher = "MATCH (p:Paper) RETURN p.id AS id ORDER BY id LIMIT 2"
    as_json = CliRunner().invoke(cli, ["query", "--db", str(sample_db), "--format", "json",
                                       cypher])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output) == [{"id": "arxiv:2601.00001"}, {"id": "arxiv:2601.00002"}]
    as_csv = CliRunner().invoke(cli, ["query", "--db", str(sample_db), "--format", "csv", cypher])
    assert as_csv.output.splitlines() == ["id", "arxiv:2601.00001", "arxiv:2601.00002"]
    table = CliRunner().invoke(cli, ["query", "--db", str(sample_db), cypher])
    assert "(2 rows)" in table.output


def test_cli_query_parameters(sample_db):
    result = CliRunner().invoke(cli, ["query", "--db", str(sample_db), "--format", "json",
                                      "--param", "n=1",
                                      "MATCH (p:Paper) RETURN p.id AS id ORDER BY id LIMIT $n"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == 1


def test_cli_bad_query_is_a_message_not_a_traceback(sample_db):
    result = CliRunner().invoke(cli, ["query", "--db", str(sample_db), "MATCH (n:Nope) RETURN n"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "Traceback" not in result.output


def test_cli_query_without_a_build_says_what_to_do(tmp_path):
    result = CliRunner().invoke(cli, ["query", "--db", str(tmp_path / "none"), "RETURN 1"])
    assert result.exit_code == 1
    assert "kg build" in result.output


def test_cli_export_rdf(sample_db, tmp_path):
    target = tmp_path / "g.nt"
    result = CliRunner().invoke(cli, ["export", "rdf", "--db", str(sample_db), "-o",
                                      str(target), "--format", "nt"])
    assert result.exit_code == 0, result.output
    from rdflib import Graph
    assert len(Graph().parse(target, format="nt")) > 100


def test_cli_extract_writes_one_record_per_paper(tmp_path):
    target = tmp_path / "x.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(SAMPLE), "-o", str(target)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(records) == 8
    assert {"methods", "datasets", "tasks", "metrics", "results", "code",
            "code_available"} <= set(records[0])


def test_cli_render_table_clips_and_counts():
    text = render(["a"], [["x" * 100], [None], [["l", "m"]]], "table")
    assert "(3 rows)" in text and "…" in text and '["l", "m"]' in text


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section, flags=re.S)


def test_cli_quick_start_main_job_runs_as_written(tmp_path):
    """The README's first Quick start command, minus the venv set-up, run with this install."""
    first = quick_start_commands()[0]
    assert first.startswith("python3 -m venv .venv && .venv/bin/pip install")
    kg = Path(sys.executable).parent / "kg"
    for part in first.split(" && ")[2:]:
        argv = shlex.split(part)
        assert argv[0] == ".venv/bin/kg"
        argv = [str(kg), *[str(REPO / a) if a.startswith("examples/") else a for a in argv[1:]]]
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert "ImageNet" in done.stdout


def test_cli_quick_start_test_command_is_what_ci_runs():
    second = quick_start_commands()[1]
    assert second in (REPO / ".ci" / "run").read_text()
