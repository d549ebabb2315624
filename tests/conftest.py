"""Shared fixtures: paths to ../shared (skipped with a reason when absent) and hand-made records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying why."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora are not beside this checkout")
    return path


def ev(sentence: str, start: int = 0, field: str = "abstract", extractor: str = "test") -> dict:
    return {
        "field": field,
        "start": start,
        "end": start + 3,
        "sentence": sentence,
        "extractor": extractor,
    }


def record(pid: str, title: str, **kinds: Any) -> dict[str, Any]:
    """An extraction record in the pipeline's format, with only what a test needs."""
    base: dict[str, Any] = {
        "id": pid,
        "title": title,
        "abstract": f"Abstract of {title}.",
        "arxiv_id": None,
        "authors": [],
        "categories": [],
        "date": "2026-01-02",
        "url": None,
        "sources": [f"test.jsonl:{pid}"],
        "methods": [],
        "datasets": [],
        "tasks": [],
        "metrics": [],
        "concepts": [],
        "results": [],
        "code": [],
        "code_available": False,
    }
    base.update(kinds)
    return base


def entity(name: str, *aliases: str, proposed: bool = False, role: str | None = None) -> dict:
    out: dict[str, Any] = {
        "name": name,
        "aliases": list(aliases),
        "proposed": proposed,
        "evidence": [ev(f"... {name} ...")],
    }
    if role:
        out["role"] = role
    return out


@pytest.fixture
def two_papers() -> list[dict[str, Any]]:
    """Two papers sharing ImageNet (written two ways) and ResNet-50."""
    return [
        record(
            "p1",
            "LatticeNet",
            methods=[entity("LatticeNet", proposed=True), entity("ResNet-50", role="baseline")],
            datasets=[entity("ImageNet"), entity("CIFAR-10")],
            tasks=[entity("image classification")],
            metrics=[entity("top-1 accuracy")],
            results=[
                {
                    "method": "LatticeNet",
                    "dataset": "ImageNet",
                    "metric": "top-1 accuracy",
                    "value": "80.4%",
                    "evidence": ev("80.4% top-1 accuracy on ImageNet"),
                }
            ],
            code=[
                {
                    "url": "https://github.com/example/latticenet",
                    "kind": "code",
                    "name": None,
                    "evidence": ev("Code is at https://github.com/example/latticenet"),
                }
            ],
            code_available=True,
        ),
        record(
            "p2",
            "Other paper",
            methods=[entity("ResNet-50", role="component")],
            datasets=[entity("ImageNet-1K"), entity("imagenet")],
            concepts=[entity("knowledge distillation")],
        ),
    ]


@pytest.fixture
def store(tmp_path, two_papers):
    """The embedded store of ``two_papers``, loaded in tiny batches (several COPYs per table)."""
    from kg.graph import GraphBuilder
    from kg.records import RunReport
    from kg.store import Store

    builder = GraphBuilder(RunReport())
    builder.index_records(two_papers)
    with Store.create(tmp_path) as created:
        created.load(builder.items(two_papers), batch_rows=2)
    with Store(tmp_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory) -> Path:
    """The build folder of ../shared/corpus/seeds (no RDF), built once per test session."""
    from kg.build import BuildOptions, build

    out = tmp_path_factory.mktemp("seed-graph") / "out"
    build([shared_path("corpus", "seeds")], out, BuildOptions(rdf=False))
    return out
