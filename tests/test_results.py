"""Results: a metric, a value with its unit or ±, the dataset of the clause; no relative claims.

First through the pipeline (what the record says), then the extractor alone over hand-made
mentions: ±, %, units, recurring metric forms, chained values, offsets and sentences."""

from __future__ import annotations

import pytest

from extractors.base import DATASET, METHOD, METRIC, Document, Mention, join_text
from extractors.results import ResultExtractor
from kg.extract import Pipeline, build_nlp
from kg.records import Paper


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def results(pipeline: Pipeline, abstract: str) -> set[tuple]:
    record = pipeline.extract(Paper(id="p", title="GlowNet: a network", abstract=abstract))
    return {(r["metric"], r["value"], r["dataset"]) for r in record["results"]}


@pytest.mark.parametrize("abstract, expected", [
    ("GlowNet reaches an ImageNet accuracy of 88.0%.", ("accuracy", "88.0%", "ImageNet")),
    ("It obtains a Dice score of 0.8013 ± 0.0243 on the test split.",
     ("Dice score", "0.8013 ± 0.0243", None)),
    ("GlowNet attains 48.3 mIoU on ADE20K.", ("mIoU", "48.3", "ADE20K")),
    ("The generator scores (IS=7.42pm0.05, FID=12.30) on CIFAR-10.",
     ("FID", "12.30", "CIFAR-10")),
    ("GlowNet gets 71.4% linear probe accuracy on ImageNet.",
     ("linear probe accuracy", "71.4%", "ImageNet")),
    # a score right after its metric, a plural metric, LaTeX around a value
    ("A linear probe reaches AUROC 0.874 on the test set.", ("AUROC", "0.874", None)),
    ("GlowNet reaches Dice scores of 0.8965 on BraTS and 0.8078 on DRIVE.",
     ("Dice", "0.8078", "DRIVE")),
    ("GlowNet has a Dice of only $0.714$ overall.", ("Dice", "$0.714$", None)),
    ("GlowNet reaches $0.69$ accuracy overall.", ("accuracy", "$0.69$", None)),
    ("The best variant achieves macro-F1 \\textbf{0.940} on SST-2.",
     ("macro-F1", "\\textbf{0.940}", "SST-2")),
])
def test_results_found(pipeline, abstract, expected):
    assert expected in results(pipeline, abstract)


def test_results_one_metric_over_several_datasets(pipeline):
    found = results(pipeline, "GlowNet has 3.10% test error on CIFAR-10, 18.25% on "
                              "CIFAR-100 and 25.7% on ImageNet.")
    assert {("test error", "18.25%", "CIFAR-100"), ("test error", "25.7%", "ImageNet")} <= found


def test_results_a_dataset_after_another_value_is_not_this_ones(pipeline):
    found = results(pipeline, "It reaches 51.2 box AP on MS COCO and 47.9 mIoU on ADE20K.")
    assert ("mIoU", "47.9", "ADE20K") in found and ("mIoU", "47.9", "MS COCO") not in found


@pytest.mark.parametrize("abstract", [
    "GlowNet improves AP by 3.2 on COCO.",
    "It brings a 1.8% improvement on AP compared with the baseline.",
    "The method gives up to a 1.4% boost in AP over the detector.",
    "It runs with 0.35% accuracy loss.",
    "It beats the baseline by 4.2 mAP for KITTI and 6.3 mAP for COCO.",
    "It needs 20% fewer computations and is 10x faster.",
    "Detectors lose up to 50% accuracy on unseen generators.",  # a verb of change
    "Its accuracy dropped 4.1% under noise.",
    "Its accuracy 10 times higher than before.",  # a score right after a metric: a ratio here
])
def test_results_relative_claims_are_not_results(pipeline, abstract):
    assert results(pipeline, abstract) == set()


# -- the extractor alone, over hand-made metric, dataset and method mentions -------------------


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def marked(nlp, abstract: str, metrics=(), datasets=(), methods=()) -> tuple[Document, list]:
    """A document and mentions of the given forms at every place they occur."""
    doc = Document("p", "A study", abstract, nlp(join_text("A study", abstract)))
    found = []
    for label, forms in ((METRIC, metrics), (DATASET, datasets), (METHOD, methods)):
        for form in forms:
            at = doc.text.find(form)
            while at >= 0:
                attrs = {"proposed": True} if label == METHOD else {}
                if not doc.text[at + len(form):at + len(form) + 1].isalnum():  # whole words
                    found.append(Mention(label, form, at, at + len(form), "test", attrs))
                at = doc.text.find(form, at + len(form))
    return doc, found


def scored(nlp, abstract: str, **forms) -> set[tuple]:
    doc, found = marked(nlp, abstract, **forms)
    return {(m.attrs["metric"], m.attrs["value"], m.attrs["dataset"])
            for m in ResultExtractor()(doc, found)}


@pytest.mark.parametrize("abstract, forms, expected", [
    ("It reaches a Dice score of 0.7712 ± 0.0310 on the liver scans.",
     {"metrics": ["Dice score"]}, ("Dice score", "0.7712 ± 0.0310", None)),
    ("The error is 0.5120 \\pm 0.0409 overall.", {"metrics": ["error"]},
     ("error", "0.5120 \\pm 0.0409", None)),
    ("We obtain IS=9.05pm0.12 on STL-10.", {"metrics": ["IS"], "datasets": ["STL-10"]},
     ("IS", "9.05pm0.12", "STL-10")),
    ("Our net gets 62.4 mIoU on Cityscapes.", {"metrics": ["mIoU"], "datasets": ["Cityscapes"]},
     ("mIoU", "62.4", "Cityscapes")),
    ("It has a KITTI accuracy of 91.5%.", {"metrics": ["accuracy"], "datasets": ["KITTI"]},
     ("accuracy", "91.5%", "KITTI")),
    ("Final accuracy: 93%.", {"metrics": ["accuracy"]}, ("accuracy", "93%", None)),
    ("It yields a mean Average Precision (mAP@0.5) of 0.8120 on pollen.",
     {"metrics": ["mean Average Precision"]}, ("mean Average Precision", "0.8120", None)),
    ("It reaches 79.2% zero-shot retrieval accuracy on Flickr30k.",
     {"metrics": ["accuracy"], "datasets": ["Flickr30k"]}, ("accuracy", "79.2%", "Flickr30k")),
    ("It has 88.1% accuracy with only 3.4 million parameters.",
     {"metrics": ["accuracy", "parameters"]}, ("parameters", "3.4 million", None)),
    ("The search on SVHN ends after 0.8 GPU days.",
     {"metrics": ["GPU days"], "datasets": ["SVHN"]}, ("GPU days", "0.8", "SVHN")),
])
def test_results_values_with_units_and_plus_minus(nlp, abstract, forms, expected):
    assert expected in scored(nlp, abstract, **forms)


def test_results_a_metric_named_once_is_found_where_it_recurs(nlp):
    abstract = "We report the Frechet distance (FID). Ours reaches (FID=10.42) on LSUN."
    assert ("FID", "10.42", "LSUN") in scored(
        nlp, abstract, metrics=["FID"], datasets=["LSUN"])


def test_results_chained_values_of_one_metric(nlp):
    abstract = "It has 3.1% top-1 error on CIFAR-10, 17.9% on CIFAR-100 and 24.0% on ImageNet."
    found = scored(nlp, abstract, metrics=["top-1 error"],
                   datasets=["CIFAR-10", "CIFAR-100", "ImageNet"])
    assert found == {("top-1 error", "3.1%", "CIFAR-10"), ("top-1 error", "17.9%", "CIFAR-100"),
                     ("top-1 error", "24.0%", "ImageNet")}


def test_results_more_values_after_one_metric(nlp):
    found = scored(nlp, "It attains an F1 of 81.2% and 79.5% on the two splits.",
                   metrics=["F1"])
    assert {v for _, v, _ in found} == {"81.2%", "79.5%"}


def test_results_dataset_of_the_sentence_before_when_none_is_named(nlp):
    abstract = "We evaluate on the SVHN dataset. The model reaches 97.1% accuracy."
    assert ("accuracy", "97.1%", "SVHN") in scored(
        nlp, abstract, metrics=["accuracy"], datasets=["SVHN"])
    other = "We evaluate on SVHN. On a private test set it reaches 90.2% accuracy."
    assert ("accuracy", "90.2%", None) in scored(
        nlp, other, metrics=["accuracy"], datasets=["SVHN"])


@pytest.mark.parametrize("abstract, metric", [
    ("It improves by 3.4 AP over the baseline.", "AP"),
    ("It beats the baseline by 5.1 mAP for KITTI and 2.2 mAP for nuScenes.", "mAP"),
    ("With improvements of 4.4% Acc on A-Set, 2.0 BLEU on B-Set, and 1.3 EM on C-Set.", "EM"),
    ("It needs 30% fewer parameters than ViT.", "parameters"),
    ("It comes at 0.52% accuracy loss.", "accuracy"),
    ("It gains +1.7 mIoU from the decoder.", "mIoU"),
    ("It lifts accuracy by 1%-2% on average.", "accuracy"),
    ("It is 3.5x faster in latency.", "latency"),
    ("A gain of 2.1 BLEU is seen.", "BLEU"),
    ("It beats the baselines by up to 3.1% accuracy.", "accuracy"),
    ("It degrades by only 0.03 F1 on names.", "F1"),
    ("It trains on 22K without sacrificing accuracy.", "accuracy"),
    ("Models range from 1.5B to 70B parameters.", "parameters"),  # sizes, not scores
    ("In 2024 accuracy became the main target.", "accuracy"),  # a year is no score
])
def test_results_relative_claims_and_counts_are_not_results(nlp, abstract, metric):
    assert scored(nlp, abstract, metrics=[metric]) == set()


def test_results_offsets_sentence_and_method(nlp):
    abstract = "We propose GlowNet. Later, GlowNet gets 77.0 AP on COCO."
    doc, found = marked(nlp, abstract, metrics=["AP"], datasets=["COCO"], methods=["GlowNet"])
    [result] = ResultExtractor()(doc, found)
    assert doc.text[result.start:result.end] == "77.0" == result.attrs["value"]
    start, end = next(s for s in doc.sentences() if s[0] <= result.start < s[1])
    assert doc.text[start:end].startswith("Later, GlowNet gets")
    assert result.attrs["method"] == "GlowNet"


@pytest.mark.parametrize("tail", [
    "the baseline by ", "It improves BY up to ", "a Gain of ", "with improvements in ",
    "+", "gains ↑", "by over", " outperforming by at least ", "margin of about ",
    "a ſmall boost ", "Improvement İn ", "an İmprovement of ", "accuracy of ", "the ", "",
    "bye ", "standby ", "lose up to ", "accuracy Dropped ", "it reduced ", "closed ",
])
def test_results_relative_test_equals_its_pattern(tail):
    from extractors.results import RELATIVE, _relative_before

    assert _relative_before(tail) is bool(RELATIVE.search(tail))


@pytest.mark.parametrize("window", [
    "improves by 7.06 mAP for NuImages and ", "improves by 7.06 mAP for NuImages AND\t",
    "gains of 11.1% Acc on X, ", "by 3.2 on A, and ", "by 3.2 on A,", "by 3.2 on A and",
    "by 2 and ", "reaches 88.0% on A, ", "", " ",
])
def test_results_chained_relative_test_equals_its_pattern(window):
    from extractors.results import RELATIVE_CHAIN, _chained_relative

    assert _chained_relative(window) is bool(RELATIVE_CHAIN.search(window))
