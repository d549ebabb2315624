"""The extraction record: its shape, evidence offsets, grouping, overlaps, determinism, workers."""

from __future__ import annotations

import pytest

from extractors.base import CONCEPT, METHOD, Mention
from kg.extract import PIPELINE_VERSION, Pipeline, extract_papers, resolve_overlaps
from kg.records import Paper, Source

TOP_KEYS = {
    "id",
    "title",
    "abstract",
    "arxiv_id",
    "authors",
    "categories",
    "date",
    "url",
    "sources",
    "methods",
    "datasets",
    "tasks",
    "metrics",
    "concepts",
    "results",
    "code",
    "code_available",
}
EV_KEYS = {"field", "start", "end", "sentence", "extractor"}


def paper(i: int = 0) -> Paper:
    return Paper(
        id=f"p{i}",
        title=f"GlowNet{i}: Bright Segmentation with Convolutional Neural Networks",
        abstract=(
            f"We propose GlowNet{i}, a novel segmentation network built upon the Sparse Light "
            "Module (SLM). It outperforms U-Net and DeepLab, and uses knowledge distillation. "
            "Code is available at https://github.com/example/glownet."
        ),
        arxiv_id="2401.00001",
        authors=["A. Author"],
        categories=["cs.CV"],
        date="2024-01-01",
        sources=[Source("papers.jsonl", i + 1)],
    )


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_extract_record_shape(pipeline):
    record = pipeline.extract(paper())
    assert set(record) >= TOP_KEYS
    assert record["sources"] == ["papers.jsonl:1"]
    assert isinstance(record["code_available"], bool)
    for method in record["methods"]:
        assert set(method) == {"name", "aliases", "proposed", "role", "evidence"}
        assert method["role"] in {"proposed", "baseline", "component", "mentioned"}
    for key in ("tasks", "metrics", "concepts"):
        for entity in record[key]:
            assert set(entity) == {"name", "aliases", "evidence"}
    for entity in record["datasets"]:
        assert set(entity) == {"name", "aliases", "proposed", "evidence"}
    for result in record["results"]:
        assert set(result) == {"method", "dataset", "metric", "value", "evidence"}
    for code in record["code"]:
        assert set(code) == {"url", "kind", "name", "evidence"}
    assert isinstance(PIPELINE_VERSION, str)


def test_extract_evidence_offsets_are_relative_to_the_field(pipeline):
    p = paper()
    record = pipeline.extract(p)
    for key in ("methods", "concepts", "datasets", "tasks", "metrics"):
        for entity in record[key]:
            for ev in entity["evidence"]:
                assert set(ev) == EV_KEYS
                text = p.title if ev["field"] == "title" else p.abstract
                surface = text[ev["start"] : ev["end"]]
                assert surface in {entity["name"], *entity["aliases"]}
                assert surface in ev["sentence"]


def test_extract_groups_names_and_marks_proposed(pipeline):
    methods = {m["name"]: m for m in pipeline.extract(paper())["methods"]}
    assert methods["GlowNet0"]["proposed"] is True
    assert [e["field"] for e in methods["GlowNet0"]["evidence"]] == ["title", "abstract"]
    assert methods["SLM"]["aliases"] == ["Sparse Light Module"]
    assert methods["U-Net"]["proposed"] is False
    concepts = {c["name"] for c in pipeline.extract(paper())["concepts"]}
    assert {"convolutional neural network", "knowledge distillation"} <= concepts


def test_extract_resolve_overlaps_keeps_longest_then_priority():
    long = Mention(METHOD, "Swin Transformer", 0, 16, "m")
    inner = Mention(CONCEPT, "Transformer", 5, 16, "c", {"canonical": "transformer"})
    tie_method = Mention(METHOD, "CNN", 20, 23, "m")
    tie_concept = Mention(CONCEPT, "CNN", 20, 23, "c")
    kept = resolve_overlaps([inner, long, tie_concept, tie_method])
    assert kept == [long, tie_method]


def test_extract_is_deterministic(pipeline):
    assert pipeline.extract(paper()) == pipeline.extract(paper())
    assert Pipeline().extract(paper()) == pipeline.extract(paper())


def test_extract_papers_streams_in_order_with_workers():
    papers = [paper(i) for i in range(7)]
    one = list(extract_papers(papers, workers=1, batch_size=3))
    two = list(extract_papers(papers, workers=2, batch_size=3))
    assert [r["id"] for r in one] == [p.id for p in papers]
    assert one == two


def test_extract_user_lexicon_adds_methods(tmp_path):
    lexicon = tmp_path / "mine.jsonl"
    lexicon.write_text('{"name": "quietsort", "aliases": [], "type": "Method"}\n')
    p = Paper(id="q", title="Sorting", abstract="We compare against quietsort on lists.")
    plain = Pipeline(use_shipped_lexicons=False).extract(p)
    extra = Pipeline([lexicon], use_shipped_lexicons=False).extract(p)
    assert not plain["methods"]
    assert [m["name"] for m in extra["methods"]] == ["quietsort"]
