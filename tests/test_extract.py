"""The extraction record: its shape, evidence offsets, grouping, overlaps, determinism, workers."""

from __future__ import annotations

import gc
import random

import pytest

from extractors.base import CONCEPT, DATASET, METHOD, METRIC, RESULT, Mention
from kg.extract import (
    PIPELINE_VERSION,
    PRIORITY,
    Evidence,
    Pipeline,
    _entity,
    extract_papers,
    group_entities,
    resolve_overlaps,
)
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


def slow_resolve(mentions: list[Mention]) -> list[Mention]:
    """The rule of :func:`resolve_overlaps` checked against every kept span, as a reference."""
    rank = {label: i for i, label in enumerate(PRIORITY)}
    claims = sorted((m for m in mentions if m.label in rank),
                    key=lambda m: (m.start - m.end, rank[m.label], m.start))
    kept: list[Mention] = []
    for m in claims:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    passing = [m for m in mentions if m.label not in rank]
    return sorted(passing + kept, key=lambda m: (m.start, m.end, m.label, m.text))


@pytest.mark.parametrize("width", [60, 600])  # crowded spans; sparse, often none overlapping
def test_extract_resolve_overlaps_same_as_checking_every_kept_span(width):
    rng = random.Random(3)
    labels = [*PRIORITY, RESULT]
    for _ in range(500):
        mentions = []
        for i in range(rng.randrange(1, 25)):
            start = rng.randrange(width)
            end = start + rng.randrange(0, 12)  # empty spans too
            mentions.append(Mention(rng.choice(labels), f"m{i}", start, end, "x"))
        assert resolve_overlaps(mentions) == slow_resolve(mentions)


GROUPS = [
    # an abbreviation pair: the short form names the entity, the long form is an alias
    ([("GN", {"long_form": "Glow Net"}), ("Glow Net", {})], [("GN", ["Glow Net"])]),
    # a concept's canonical name joins two spellings without being one of its forms
    ([("CNN", {"canonical": "convolutional neural network"}),
      ("ConvNet", {"canonical": "convolutional neural network"})],
     [("convolutional neural network", ["CNN", "ConvNet"])]),
    # equal keys merge ("U-Net" and "UNet"); "U-Net++" is another thing
    ([("U-Net", {}), ("UNet", {}), ("U-Net++", {})], [("U-Net", ["UNet"]), ("U-Net++", [])]),
    # a method's lexicon entry links forms through a key no form has
    ([("ViT", {"entity": "vision transformer"}), ("Vision Transformers", {}),
      ("vision-transformer", {"entity": "vision transformer"})],
     [("ViT", ["vision-transformer"]), ("Vision Transformers", [])]),
    # a text with no letters or digits makes no entity, but its long form still links
    (
        [("--", {"long_form": "Fast Net", "entity": "fast network"}), ("FastNet", {}),
         ("Fast Network", {})],
        [("FastNet", ["Fast Network"])],
    ),
]


@pytest.mark.parametrize(("forms", "expected"), GROUPS)
def test_extract_groups_forms_into_entities(pipeline, forms, expected):
    document = pipeline.document(Paper(id="g", title="Grouping", abstract="Words. " * 20))
    mentions = [
        Mention(METHOD, text, 10 * i, 10 * i + len(text), "m", {"role": "baseline", **attrs})
        for i, (text, attrs) in enumerate(forms)
    ]
    entities = group_entities(mentions, Evidence(document))
    assert [(e["name"], e["aliases"]) for e in entities] == expected
    assert all(e["role"] == "baseline" and e["proposed"] is False for e in entities)


# One mention alone: each shape of attrs group_entities' single-mention shortcut meets.
SINGLES = [
    (METHOD, "GN", {"long_form": "Glow Net", "proposed": True, "role": "proposed"}),
    (METHOD, "GN", {"long_form": "GN", "entity": "glow net"}),
    (METHOD, "ViT", {"entity": "vision transformer"}),
    (METHOD, "ViT", {}),
    (DATASET, "COCO", {"canonical": "MS COCO", "how": "lexicon", "proposed": False}),
    (DATASET, "KB", {"long_form": "Kite Bench", "canonical": "KiteBench", "proposed": True}),
    (CONCEPT, "CNN", {"canonical": "convolutional neural network"}),
    (CONCEPT, "CNN", {"canonical": "CNN"}),
    (METRIC, "F1", {"how": "lexicon"}),
]


@pytest.mark.parametrize(("label", "text", "attrs"), SINGLES)
def test_extract_single_mention_entity_as_the_general_rule(pipeline, label, text, attrs):
    document = pipeline.document(Paper(id="g", title="Grouping", abstract="Words. " * 20))
    mention = Mention(label, text, 10, 10 + len(text), "m", attrs)
    evidence = Evidence(document)
    assert group_entities([mention], evidence) == [_entity([mention], evidence)]


@pytest.mark.parametrize("title", ["Grouping", ""])
def test_extract_evidence_sentence_is_the_documents_at_every_offset(pipeline, title):
    """Evidence cuts each sentence once; what it gives must be what the document gives."""
    abstract = "  First one.  Second, with (SLM) here.\n\nThird!   Fourth ends without a stop"
    document = pipeline.document(Paper(id="e", title=title, abstract=abstract))
    evidence = Evidence(document)
    for start in range(len(document.text) + 1):
        found = evidence.of(Mention(METHOD, "x", start, start + 1, "m"))
        assert found["sentence"] == document.sentence_text(start), start


def test_extract_evidence_object_gives_field_relative_offsets(pipeline):
    document = pipeline.document(Paper(id="e", title="Glow", abstract="We use Glow here."))
    evidence = Evidence(document)
    assert evidence(Mention(METHOD, "Glow", 0, 4, "m"))["field"] == "title"
    found = evidence.of(Mention(METHOD, "Glow", 13, 17, "m"))
    assert (found["field"], found["start"], found["end"]) == ("abstract", 7, 11)
    assert found["sentence"] == "We use Glow here."


def test_extract_is_deterministic(pipeline):
    assert pipeline.extract(paper()) == pipeline.extract(paper())
    assert Pipeline().extract(paper()) == pipeline.extract(paper())


def test_extract_papers_streams_in_order_with_workers():
    papers = [paper(i) for i in range(7)]
    one = list(extract_papers(papers, workers=1, batch_size=3))
    two = list(extract_papers(papers, workers=2, batch_size=3))
    assert [r["id"] for r in one] == [p.id for p in papers]
    assert one == two


def test_extract_papers_freezes_the_heap_only_while_it_runs():
    """The objects alive at a run's start are out of the collector's sight while it runs and
    handed back when it ends, also when the caller stops early."""
    papers = [Paper(id=f"p{i}", title=f"Paper {i}", abstract="We propose XNet.") for i in range(3)]
    before = gc.get_freeze_count()
    run = extract_papers(papers)
    next(run)
    assert gc.get_freeze_count() > before
    list(run)
    assert gc.get_freeze_count() == before
    run = extract_papers(papers)
    next(run)
    run.close()
    assert gc.get_freeze_count() == before


def test_extract_user_lexicon_adds_methods(tmp_path):
    lexicon = tmp_path / "mine.jsonl"
    lexicon.write_text('{"name": "quietsort", "aliases": [], "type": "Method"}\n')
    p = Paper(id="q", title="Sorting", abstract="We compare against quietsort on lists.")
    plain = Pipeline(use_shipped_lexicons=False).extract(p)
    extra = Pipeline([lexicon], use_shipped_lexicons=False).extract(p)
    assert not plain["methods"]
    assert [m["name"] for m in extra["methods"]] == ["quietsort"]
