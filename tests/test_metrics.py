"""Metrics: lexicon forms (case rules, guards), shapes, qualified measures, named measures."""

from __future__ import annotations

import re

import pytest

from extractors import metrics as mx
from extractors.lexicon import CaseFormMatcher
from kg.extract import Pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def metrics(pipeline: Pipeline, abstract: str) -> set[str]:
    record = pipeline.extract(Paper(id="p", title="A study", abstract=abstract))
    return {m["name"] for m in record["metrics"]} | {
        a for m in record["metrics"] for a in m["aliases"]}


@pytest.mark.parametrize("text, found", [
    ("Our detector reaches 43.5 mAP on the validation split.", "mAP"),
    ("We report the Dice score and the Hausdorff distance.", "Dice score"),
    ("The model improves top-1 accuracy by a wide margin.", "top-1 accuracy"),
    ("Segmentation quality is measured by mean intersection over union.",
     "mean intersection over union"),
    ("It reaches 31.2 mean Intersection Over Union on the road split.",
     "mean Intersection Over Union"),  # a phrase matches in any case
    ("It attains 55.6 mIoU on the benchmark.", "mIoU"),
    ("Accuracy rises with depth.", "Accuracy"),  # all-lower forms ignore case
    ("The model gets a lower FID=9.91 than the baseline.", "FID"),
    ("It gives 2.3x reductions on latency, energy, and area.", "energy"),  # listed measures
    ("It cuts energy by 40% on phones.", "energy"),  # beside a value
])
def test_metrics_find_lexicon_forms(pipeline, text, found):
    assert found in metrics(pipeline, text)


@pytest.mark.parametrize("text, absent", [
    ("We map each token to a latent code.", "map"),  # "mAP" is case-sensitive
    ("A feature Map is computed per stage.", "Map"),
    ("The MAP estimate is computed in closed form.", "MAP"),
    ("The model parameters are learned end to end.", "parameters"),  # not reported as a measure
    ("Spiking networks allow energy-efficient processing.", "energy"),  # glued into a compound
    ("It designs low-FLOPs quantized networks.", "FLOPs"),
    ("It offers high-precision detection of small objects.", "precision"),
    ("Reduced Precision Training on Microcontrollers", "Precision"),  # a number format
    ("We train the autoencoder with an MSE loss.", "MSE"),  # a training objective
    ("It selects adapters at inference time for each query.", "inference time"),  # a moment
    ("Benchmarks emphasize final-answer accuracy only.", "emphasize final-answer accuracy"),
    # an acronym the paper defines as something other than a measure
    ("It builds on the Masked Autoencoder (MAE). The MAE encoder is frozen.", "MAE"),
    ("An Expectation-Maximization (EM) loop refines it; EM converges fast.", "EM"),
    # a measure word in another sense
    ("A Dirichlet energy regularizer enforces smoothness.", "energy"),
    ("The quantized energy levels of the Hamiltonian are found.", "energy"),
])
def test_metrics_leave_ordinary_words_alone(pipeline, text, absent):
    assert absent not in metrics(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("The mean absolute error (MAE) drops to 0.12; MAE is reported per site.", "MAE"),
    ("High Word Error Rates (WER) persist: WER stays at 21.3%.", "WER"),
    ("It needs 204M multiply-accumulate operations (MACs); MACs fall by half.", "MACs"),
])
def test_metrics_acronym_defined_as_a_measure_stays(pipeline, text, name):
    assert name in metrics(pipeline, text)


@pytest.mark.parametrize("text, name", [
    ("It reaches a 36.3% macro F1-score and 58.8% micro F1-score.", "macro-F1"),
    ("It reaches a 36.3% macro F1-score and 58.8% micro F1-score.", "micro-F1"),
    ("PR-AUC improves to 0.71 on the test set.", "PR-AUC"),
])
def test_metrics_averaged_and_curve_measures(pipeline, text, name):
    assert name in metrics(pipeline, text)


def test_metrics_map_is_case_sensitive_but_both_found_in_one_text(pipeline):
    found = metrics(pipeline, "We map images to codes and report 40.1 mAP.")
    assert "mAP" in found and "map" not in found


def test_metrics_offsets_and_sentence(pipeline):
    paper = Paper(id="p", title="A detector", abstract="It is fast. It gets 43.5 mAP on COCO.")
    record = pipeline.extract(paper)
    (entity,) = [m for m in record["metrics"] if m["name"] == "mAP"]
    (evidence,) = entity["evidence"]
    assert evidence["field"] == "abstract"
    assert paper.abstract[evidence["start"]:evidence["end"]] == "mAP"
    assert evidence["sentence"] == "It gets 43.5 mAP on COCO."
    assert evidence["extractor"] == "metrics"


@pytest.mark.parametrize("text", ["mAP@0.5", "mAP@0.5:0.95", "Recall@10", "Hits@1", "pass@1",
                                  "R@{5}"])
def test_metrics_at_shape_matches(text):
    assert mx.AT_SHAPE.search(f"we report {text} on it").group() == text


@pytest.mark.parametrize("text", ["AP alone", "mail user@host", "Recall@k is", "mAP@0.5x"])
def test_metrics_at_shape_does_not_match(text):
    assert mx.AT_SHAPE.search(text) is None


@pytest.mark.parametrize("text", ["AP50", "AP_{75}", "mAP50", "AP_50"])
def test_metrics_ap_shape_matches(text):
    assert mx.AP_SHAPE.search(f"we report {text} on it").group() == text


@pytest.mark.parametrize("text", ["AP alone", "APIs", "mAP2", "AP500", "R50 backbone"])
def test_metrics_ap_shape_does_not_match(text):
    assert mx.AP_SHAPE.search(text) is None


@pytest.mark.parametrize("text, name", [("(IS=8.81", "IS"), ("FID= 9.9", "FID")])
def test_metrics_glued_matches(text, name):
    assert mx.GLUED.search(text).group(1) == name


@pytest.mark.parametrize("text", ["x = y", "a=b", "top-k=5"])
def test_metrics_glued_does_not_match(text):
    match = mx.GLUED.search(text)
    assert match is None or match.group(1) not in {"x", "a", "k"}


@pytest.mark.parametrize("text, matches", [
    ("with 25M parameters", True),
    ("with only 4M+ parameters", True),
    ("with 12.83 million parameters", True),
    ("with fewer parameters", True),
    ("the number of parameters", True),
    ("model parameters are shared", False),
    ("the parameters of the encoder", False),
])
def test_metrics_parameters_only_as_a_measure(text, matches):
    assert bool(mx.PARAMETERS.search(text)) is matches


@pytest.mark.parametrize("text, matches", [
    ("finishes the search in 1.2 GPU days", True),
    ("costs 300 GPU-hours", True),
    ("uses 8 GPU cards", False),
    ("GPU days are scarce", False),
])
def test_metrics_compute_budget(text, matches):
    assert bool(mx.COMPUTE.search(text)) is matches


def named(pipeline: Pipeline, text: str) -> list[tuple[int, int]]:
    """Spans ``_named`` finds at the cue words the metric extractor's lexicon scan reports."""
    extractor = next(e for e in pipeline.extractors if isinstance(e, mx.MetricExtractor))
    _, _, cues = extractor._lexicon(text)
    return list(mx._named(text, cues))


@pytest.mark.parametrize("text, name", [
    ("guided by a metric called Q-T score to rank spaces", "Q-T score"),
    ("we propose the metric of label sharpness (LS)", "label sharpness"),
    ("yielding better trade-offs between circuit size and faithfulness", "circuit size"),
    ("yielding better trade-offs between circuit size and faithfulness", "faithfulness"),
    ("a trade-off between the accuracy and robustness of models", "robustness"),
    ("the trade-off between accuracy and energy cost.", "energy cost"),  # two words, not "energy"
    ("balancing the trade-off between accuracy and memory footprint during decoding",
     "memory footprint"),
])
def test_metrics_named_measures(pipeline, text, name):
    assert name in {text[s:e] for s, e in named(pipeline, text)}


@pytest.mark.parametrize("text", [
    "a distance metric for retrieval",
    "we discuss the trade-off between them",
    "metrics are computed per class",
])
def test_metrics_named_measures_need_a_naming_cue(pipeline, text):
    assert named(pipeline, text) == []


def heads(text: str) -> list[tuple[int, int]]:
    """Where the extractor's matcher finds a bare measure head ("error", "time")."""
    words = "|".join(mx.BARE_HEADS)
    return [m.span() for m in re.finditer(rf"\b(?:{words})\b", text)]


@pytest.mark.parametrize("text, found", [
    ("It reduces execution time by 44% on the board.", "execution time"),
    ("It uses 19.8x lesser training memory than the baseline.", "training memory"),
    ("It cuts translation errors by 60% in a human study.", "translation errors"),
    ("It minimizes steady-state errors of the controller.", "steady-state errors"),
    ("It reduces power use and execution time respectively by 44%.", "execution time"),
    ("RARTS gives a 60\\% reduction of computational cost on the benchmark.",
     "computational cost"),
])
def test_metrics_qualified_heads_found(text, found):
    assert found in {text[s:e] for s, e in mx._qualified_heads(text, {}, heads(text))}


@pytest.mark.parametrize("text", [
    "The model is evaluated at test time on 5 splits.",  # a moment, not a measure
    "It runs in real time on 2 GPUs.",
    "It keeps long short-term memory cells in 3 layers.",
    "It reduces the memory of 4 models.",  # no qualifier
    "The reconstruction error between the networks is derived.",  # no value, no comparison
    "It reduces training time for the model.",  # time needs a value
    "These memory requirements cap the size of 12 layers.",  # no word-inside match ("hese")
    "We use 1D convolutions across time.",
    "It enables gradual error correction in 3 steps.",  # the head modifies a noun
])
def test_metrics_qualified_heads_not_found(text):
    assert mx._qualified_heads(text, {}, heads(text)) == []


@pytest.mark.parametrize("text, found, absent", [
    ("It reaches a high segmentation accuracy on scans.", "segmentation accuracy",
     "high segmentation accuracy"),
    ("A ViT reaches 83% zero-shot transfer accuracy.", "zero-shot transfer accuracy", None),
    ("It keeps graceful accuracy under noise.", "accuracy", "graceful accuracy"),
    ("The FID=9.91 shows the quality.", "FID", None),
    ("It cuts training time by 40% on the cluster.", "training time", None),
    ("The method reduces accuracy by 1% only.", "accuracy", "reduces accuracy"),
])
def test_metrics_qualified_measures(pipeline, text, found, absent):
    names = metrics(pipeline, text)
    assert found in names and absent not in names


def test_metrics_plural_errors_are_one_entity(pipeline):
    record = pipeline.extract(Paper(
        id="p", title="A controller", abstract="It cuts control errors by 30%. The control "
        "error drops by 2 points."))
    (entity,) = record["metrics"]
    assert entity["name"] == "control error"


@pytest.mark.parametrize("form, curated, usable", [
    ("word error rate", False, True),
    ("BLEU-4", False, True),
    ("training data", False, False),  # a noisy public list's non-measure
    ("natural images", False, False),
    ("accuracy", False, False),  # one plain word from a public list: too common
    ("Accuracy", False, False),
    ("ImageNet pretrained", False, False),
    ("accuracy", True, True),
])
def test_metrics_user_lexicon_forms(form, curated, usable):
    assert mx._usable(form, curated) is usable


def test_metrics_outermost_keeps_the_longest_span():
    spans = [(0, 14), (6, 14), (20, 23), (22, 30), (40, 45)]
    assert mx._outermost(spans) == [(0, 14), (22, 30), (40, 45)]


@pytest.fixture(scope="module")
def listed(tmp_path_factory) -> Pipeline:
    """A pipeline with a user's public-style metric list (name<TAB>count)."""
    path = tmp_path_factory.mktemp("lex") / "user_metrics.tsv"
    path.write_text("CNN\t50\nmodel size\t40\nR-Prec\t9\n", encoding="utf-8")
    return Pipeline([path])


@pytest.mark.parametrize("text, name, found", [
    ("It reaches an R-Prec of 0.91 on the test split.", "R-Prec", True),
    ("The R-Prec is defined over pairs.", "R-Prec", False),  # no value near
    ("Our model size is 14 MB after pruning.", "model size", True),
    ("It suffers from a large model size in practice.", "model size", False),
    ("We train a CNN on the images.", "CNN", False),
])
def test_metrics_user_list_forms_need_a_value(listed, text, name, found):
    assert (name in metrics(listed, text)) is found


@pytest.mark.parametrize("form, text, found", [
    ("mAP", "It gets 40.1 mAP on the split.", True),
    ("mAP", "We map each token to a code.", False),  # a form with a capital: as written
    ("mAP", "The MAP estimate is closed-form.", False),
    ("IS", "This is the IS of the model: 8.8.", True),  # "is" and "this" never match
    ("Dice score", "The Dice Score improves.", True),  # its lower words may be capitalised
    ("Dice score", "We roll a dice score of six.", False),  # its capital word may not be lower
    ("accuracy", "ACCURACY and Accuracy rise.", True),  # all-lower: any case
    ("top-1 accuracy", "Top-1 Accuracy rises.", True),
    ("accuracy", "It is accurate; accuracyX is not a word.", False),  # whole words only
    ("F1", "It reaches F1=61.6% on it.", True),  # glued to a value
    ("AP", "the APIs are fast", False),
])
def test_metrics_case_rule_of_the_form_matcher(form, text, found):
    matcher = CaseFormMatcher([form])
    assert bool(matcher.finditer(text)) is found


def test_metrics_form_matcher_reports_offsets_and_overlaps():
    matcher = CaseFormMatcher(["top-1 accuracy", "accuracy", "mAP"])
    text = "Its Top-1 accuracy and mAP rise."
    assert sorted(matcher.finditer(text)) == [(4, 18, "top-1 accuracy"), (10, 18, "accuracy"),
                                              (23, 26, "mAP")]


def test_metrics_form_matcher_reads_a_form_back_from_another_forms_anchor():
    # "Intersection-over-Union" is none of the spellings the case rule gives the anchor of
    # "mean intersection-over-union" ("Intersection-Over-Union", ...): the form is found from
    # the "Union" of "mean intersection over union", whose length is the same. A shortcut that
    # reads a longer form only after a space before the anchor would lose it.
    matcher = CaseFormMatcher(["mean intersection over union", "mean intersection-over-union"])
    text = "a composite mean Intersection-over-Union (mIoU)"
    assert (12, 40, "mean intersection-over-union") in matcher.finditer(text)


@pytest.mark.parametrize("text", [
    "cuts time by 19.8x", "44% less", "60\\% of", "on 2 GPUs", "a 3 times speedup",
    "1D conv and ResNet-50 and v2.1", "x1.5 faster", "no numbers", "", "reaches 7", "7 ",
    "ResNet-50 with 44% less",  # the first digit starts no value, a later one does
])
def test_metrics_measured_equals_its_pattern(text):
    assert mx._measured(text, 0, len(text)) is bool(mx.MEASURED.search(text))
