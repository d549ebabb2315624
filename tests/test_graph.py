from __future__ import annotations

import pytest

from kg.graph import (
    Edge,
    EntityIndex,
    GraphBuilder,
    Node,
    entity_key,
    group_key,
    is_acronym_of,
    normalise,
    repository_id,
    same_expansion,
    to_networkx,
)
from kg.records import RunReport
from tests.conftest import entity, record


def build_items(records):
    builder = GraphBuilder(RunReport())
    builder.index_records(records)
    return builder, list(builder.items(records))


def test_graph_normalise_matches_gold_rule():
    assert normalise("CIFAR-10") == normalise("cifar10") == normalise("CIFAR 10") == "cifar10"
    assert normalise("Ｉｍａｇｅ Net") == "imagenet"  # NFKC folds full-width letters
    assert entity_key("--").startswith("h")  # nothing alphanumeric left: hashed, not empty
    assert entity_key("U-Net++") == "unetplusplus" != entity_key("U-Net")  # "+" is part of a name


def test_graph_same_normalised_name_is_one_node(two_papers):
    _, items = build_items(two_papers)
    datasets = [i for i in items if isinstance(i, Node) and i.label == "Dataset"]
    imagenet = [d for d in datasets if d.id == "dataset:imagenet"]
    assert len(imagenet) == 1
    assert imagenet[0].props["papers"] == 2
    assert imagenet[0].props["name"] in {"ImageNet", "imagenet"}


def test_graph_edges_carry_evidence_and_roles(two_papers):
    _, items = build_items(two_papers)
    edges = [i for i in items if isinstance(i, Edge)]
    proposes = [e for e in edges if e.type == "PROPOSES"]
    assert [(e.source, e.target) for e in proposes] == [("p1", "method:latticenet")]
    uses = {(e.source, e.props["role"]) for e in edges if e.type == "USES"}
    assert uses == {("p1", "baseline"), ("p2", "component")}
    for edge in edges:
        if edge.source_label == "Paper":
            assert edge.props["paper"] == edge.source and edge.props["extractor"]


def test_graph_result_links_method_dataset_metric(two_papers):
    _, items = build_items(two_papers)
    result = next(i for i in items if isinstance(i, Node) and i.label == "Result")
    assert result.props["number"] == 80.4
    links = {(e.type, e.target) for e in items if isinstance(e, Edge) and e.source == result.id}
    assert links == {
        ("OF_METHOD", "method:latticenet"),
        ("ON_DATASET", "dataset:imagenet"),
        ("FOR_METRIC", "metric:top1accuracy"),
        ("ON_BENCHMARK", "benchmark:imageclassification@imagenet"),
    }


def test_graph_aliases_unite_forms_across_papers():
    records = [
        record("a", "A", methods=[entity("CSPNet", "Cross Stage Partial Network")]),
        record("b", "B", methods=[entity("Cross Stage Partial Network")]),
    ]
    _, items = build_items(records)
    methods = [i for i in items if isinstance(i, Node) and i.label == "Method"]
    assert len(methods) == 1
    assert methods[0].props["aliases"] in (["CSPNet"], ["Cross Stage Partial Network"])


def test_graph_ids_do_not_depend_on_record_order(two_papers):
    _, forward = build_items(two_papers)
    _, backward = build_items(list(reversed(two_papers)))

    def key(items):
        return sorted(
            (
                type(i).__name__,
                getattr(i, "id", None) or (i.type, i.source, i.target),
                sorted(map(str, i.props.items())),
            )
            for i in items
        )

    assert key(forward) == key(backward)


def test_graph_repository_ids_normalise_urls():
    assert (
        repository_id("https://www.GitHub.com/Owner/Repo.git/", None)
        == "repo:github.com/Owner/Repo"
    )
    assert repository_id(None, "PaddleClas") == "repo:named:paddleclas"


def test_graph_drops_what_the_schema_does_not_declare(two_papers):
    two_papers[0]["methods"][0]["evidence"][0]["colour"] = "red"  # not an evidence property
    builder, items = build_items(two_papers)
    assert builder.report.dropped == {}  # unknown evidence keys are not copied at all
    builder = GraphBuilder(RunReport())
    bad = Node("Gadget", "g:1", {"name": "x"})
    assert not builder._fits(bad)
    assert builder.report.dropped["node label Gadget not in schema"] == 1
    odd = Edge("USES", "Paper", "p1", "Dataset", "dataset:x", {"role": "x"})
    assert not builder._fits(odd)
    node = Node("Paper", "p9", {"name": "x", "shoe_size": 42})
    assert builder._fits(node) and "shoe_size" not in node.props
    assert builder.report.dropped["Paper.shoe_size not in schema"] == 1


def test_graph_to_networkx_is_a_typed_multidigraph(two_papers):
    _, items = build_items(two_papers)
    graph = to_networkx(items)
    assert graph.nodes["p1"]["label"] == "Paper"
    assert graph.has_edge("p1", "method:latticenet", key="PROPOSES")
    assert graph.nodes["dataset:imagenet"]["label"] == "Dataset"


def test_graph_same_acronym_coined_for_different_things_stays_two_nodes():
    records = [
        record("a", "A", methods=[entity("SGM", "score-based generative model", proposed=True)]),
        record("b", "B", methods=[entity("SGM", "semi-global matching")]),
        record("c", "C", methods=[entity("SGM")]),  # bare use: ambiguous, kept apart
    ]
    builder, items = build_items(records)
    methods = {i.id: i.props for i in items if isinstance(i, Node) and i.label == "Method"}
    assert len(methods) == 3
    assert {m["name"] for m in methods.values()} == {"SGM"}
    assert sorted(a for m in methods.values() for a in m["aliases"]) == [
        "score-based generative model", "semi-global matching"]
    targets = {e.source: e.target for e in items if isinstance(e, Edge)}
    assert len(set(targets.values())) == 3


def test_graph_acronym_with_one_long_form_is_one_node():
    records = [
        record("a", "A", methods=[entity("SGM", "score-based generative model")]),
        record("b", "B", methods=[entity("SGM")]),
        record("c", "C", methods=[entity("score-based generative model")]),
    ]
    _, items = build_items(records)
    methods = [i for i in items if isinstance(i, Node) and i.label == "Method"]
    assert len(methods) == 1 and methods[0].props["papers"] == 3


@pytest.mark.parametrize("short, long, expected", [
    ("SGM", "score-based generative model", True),
    ("CSPNet", "Cross Stage Partial Network", True),
    ("COCO", "MS COCO", False),  # not acronym-shaped pairs: an alias, united at once
    ("adam", "adaptive moment estimation", False),
    ("SGM", "SGMs", False),
])
def test_graph_is_acronym_of(short, long, expected):
    assert is_acronym_of(short, long) is expected


@pytest.mark.parametrize("a, b, same", [
    ("Transformer", "Transformers", True),
    ("diffusion model", "diffusion models", True),
    ("DART", "DARTS", False),
    ("ANT", "ANTs", True),  # a capitalised stem with a lower-case s is a plural
    ("GRU", "GRUs", True),
    ("loss", "los", False),
])
def test_graph_group_key_folds_plurals_only(a, b, same):
    assert (group_key(a) == group_key(b)) is same


@pytest.mark.parametrize("a, b, same", [
    ("language modelling", "language modeling", True),
    ("Sequence Modelling", "sequence modeling", True),
    ("labelled data", "labeled data", True),
    ("batch normalisation", "batch normalization", True),
    ("optimised", "optimized", True),
    ("analysed", "analyzed", True),
    ("behaviour cloning", "behavior cloning", True),
    ("nearest neighbours", "nearest neighbors", True),
    ("self-supervised learning", "semi-supervised learning", False),
    ("filling", "filing", False),  # an "i" before the ll: not a British doubling
    ("four", "for", False),
    ("analysis", "analyzis", False),
])
def test_graph_group_key_folds_british_spelling(a, b, same):
    assert (group_key(a) == group_key(b)) is same


def test_graph_plural_forms_are_one_node():
    records = [record("a", "A", concepts=[entity("diffusion model")]),
               record("b", "B", concepts=[entity("diffusion models")]),
               record("c", "C", concepts=[entity("diffusion models")])]
    _, items = build_items(records)
    (node,) = [i for i in items if isinstance(i, Node) and i.label == "Concept"]
    assert node.id == "concept:diffusionmodels" and node.props["aliases"] == ["diffusion model"]


@pytest.mark.parametrize("a, b, same", [
    ("low-rank adaptation", "low-rank adapters", True),
    ("stochastic gradient decent", "stochastic gradient descent", True),
    ("score-based generative model", "semi-global matching", False),
    ("mean Intersection over Union", "mean IoU", True),  # an acronym inside a long form
    ("mean iou", "mean intersection over union", True),
    ("fully connected network", "fully convolutional network", False),
])
def test_graph_same_expansion(a, b, same):
    assert same_expansion(a, b) is same


@pytest.mark.parametrize("a, b, acronym, same", [
    ("gradient-weighted class activation mapping", "gradient based class activation maps",
     "Grad-CAM", True),
    ("concept subspace network", "cross-scale shift network", "CSN", False),
    ("fully connected network", "fully convolutional network", "FCN", False),
])
def test_graph_same_expansion_counts_the_words_an_acronym_spells(a, b, acronym, same):
    assert same_expansion(a, b, acronym) is same


def test_graph_every_gold_alias_pair_is_one_node():
    """A name and the aliases the annotators gave it end up as one node (all of dev.jsonl)."""
    import json

    from tests.conftest import shared_path

    gold = [json.loads(line) for line in shared_path("gold", "dev.jsonl").open(encoding="utf-8")]
    index = EntityIndex()
    for paper in gold:
        index.add_record(paper)
    checked = 0
    for paper in gold:
        for key, label in (("methods", "Method"), ("datasets", "Dataset")):
            for item in paper.get(key) or []:
                if isinstance(item, dict) and item.get("aliases"):
                    forms = [item["name"], *item["aliases"]]
                    # whichever form the paper writes first, its entity is the same node
                    ids = {index.node_id(label, form, *(f for f in forms if f != form))
                           for form in forms}
                    assert len(ids) == 1, (paper["id"], forms, ids)
                    checked += 1
    assert checked > 20


def test_graph_a_proposed_name_mistyped_in_its_own_paper_is_one_node():
    typo = [record("a", "A", methods=[entity("PatternNet", proposed=True),
                                       entity("PatterNet", proposed=True)])]
    _, items = build_items(typo)
    (node,) = [i for i in items if isinstance(i, Node) and i.label == "Method"]
    assert {node.props["name"], *node.props["aliases"]} == {"PatternNet", "PatterNet"}
    rival = [record("b", "B", methods=[entity("ControlNeXt", proposed=True),
                                        entity("ControlNet")])]
    _, items = build_items(rival)
    assert len([i for i in items if isinstance(i, Node) and i.label == "Method"]) == 2
