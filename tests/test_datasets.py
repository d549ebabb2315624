"""Datasets: lexicon forms, cue phrases, shorthand, coordination, abbreviations, proposed,
the guards against ordinary words, and user lexicons (weak forms need a cue)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from extractors import dataset_patterns as pat
from extractors.base import ABBREVIATION, Document, Mention, join_text
from extractors.datasets import DatasetExtractor, _names_from
from extractors.lexicon import FormMatcher, load_lexicons
from kg.extract import Pipeline, build_nlp
from kg.records import Paper
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.fixture(scope="module")
def extractor() -> DatasetExtractor:
    return DatasetExtractor()


def document(nlp, abstract: str, title: str = "A study of things") -> Document:
    return Document("p", title, abstract, nlp(join_text(title, abstract)))


def found(extractor, nlp, abstract: str, title: str = "A study of things") -> list[Mention]:
    return list(extractor(document(nlp, abstract, title), []))


def names(extractor, nlp, abstract: str, title: str = "A study of things") -> set[str]:
    return {m.text for m in found(extractor, nlp, abstract, title)}


@pytest.mark.parametrize("text, expected", [
    # lexicon forms, whatever the tokeniser does with a final full stop
    ("We train on ImageNet and test on MS COCO.", {"ImageNet", "MS COCO"}),
    ("Scores are reported on ADE20K.", {"ADE20K"}),
    ("It is pre-trained on ImageNet-21K first.", {"ImageNet-21K"}),
    # split and version forms stay as written
    ("We report box AP on COCO test-dev for all models.", {"COCO test-dev"}),
    ("The VQAv2 test-std split is used.", {"VQAv2 test-std"}),
    # "the X dataset", "X and Y datasets", "X, Y and Z benchmarks"
    ("Polyps are taken from the Kvasir-SEG dataset.", {"Kvasir-SEG"}),
    ("We use the PolypGen and EndoScene datasets.", {"PolypGen", "EndoScene"}),
    ("Results on the NuCLS, PanNuke and MoNuSeg benchmarks improve.",
     {"NuCLS", "PanNuke", "MoNuSeg"}),
    ("Recipes come from the Allrecipes corpus.", {"Allrecipes"}),  # one capitalised word
    ("the RoadText detection benchmark is used", {"RoadText"}),  # name, modifier, cue
    # a capitalised cue word is part of the name
    ("Experiments on the Stanford Drone Dataset show gains.", {"Stanford Drone Dataset"}),
    ("We ranked first in the LiTS 2017 Challenge last year.", {"LiTS 2017 Challenge"}),
    # after a cue: "such as", a colon, "called", a name
    ("We use benchmarks such as MiniGrid, Crafter and NetHack.",
     {"MiniGrid", "Crafter", "NetHack"}),
    ("We test on two datasets: UrbanSound8K and ESC-50.", {"UrbanSound8K", "ESC-50"}),
    ("Finally we release the dataset FloodNet-2 to the public.", {"FloodNet-2"}),
    ("We build a new benchmark, called TabArena-X, for tables.", {"TabArena-X"}),
    ("Across six datasets (including HANDS (Arabic), Scriba-2 (Urdu), and others) it wins.",
     {"HANDS", "Scriba-2"}),  # a list in brackets, each name with a note
    ("It sets a new zero-shot SOTA on TrackOne, TrackTwo-7, and DiDa.",
     {"TrackOne", "TrackTwo-7", "DiDa"}),
    ("Tests on four change datasets (LEVIR-X, S3Looking, and CLCD-2) show gains.",
     {"LEVIR-X", "S3Looking", "CLCD-2"}),  # a list in brackets
    ("On two mistake detection benchmarks, EgoMIX and CaptainCook5D, it wins.",
     {"EgoMIX", "CaptainCook5D"}),  # a list set off by commas after a plural cue
    # a score said to be on a named thing
    ("It reaches 71.3 mAP on DOTAv2 and 48.2% on ObjectNet.", {"DOTAv2", "ObjectNet"}),
    ("The model gets 12.5 mAP for TinyPersons in total.", {"TinyPersons"}),
    # coordination with a known dataset
    ("We evaluate on KITTI and Lyft.", {"KITTI", "Lyft"}),
    ("Trained on synthetic scenes, CelebA, and Pokemon.", {"CelebA", "Pokemon"}),
    # a capitalised word before a known name makes a variant
    ("We also report results on Rotated MNIST here.", {"Rotated MNIST"}),
    # possessives are not part of the name
    ("We compare with models trained on Google's JFT-300M dataset.", {"JFT-300M"}),
])
def test_datasets_find_cued_and_known_names(extractor, nlp, text, expected):
    assert expected <= names(extractor, nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Top-1 error on CIFAR-10/100 falls.", {"CIFAR10", "CIFAR100"}),
    ("Top-1 error on CIFAR-10,100 falls.", {"CIFAR10", "CIFAR100"}),
    ("It trains faster on ImageNet-1K/22K.", {"ImageNet1K", "ImageNet22K"}),
])
def test_datasets_shorthand_coordination_gives_two_datasets(extractor, nlp, text, expected):
    keys = {m.text.replace("-", "") for m in found(extractor, nlp, text)}
    assert expected <= keys


@pytest.mark.parametrize("text, absent", [
    ("Large-scale datasets are essential for pre-training.", "Large-scale"),
    ("Medical datasets are scarce.", "Medical"),  # a sentence-initial capital
    ("We evaluate on several public MTL datasets.", "MTL"),  # a kind of data
    ("Existing OCR benchmarks skew toward English.", "OCR"),
    ("We present a QA dataset for Swahili.", "QA"),
    ("We build a Multi-Cam Video Dataset from scratch.", "Multi-Cam Video Dataset"),
    ("On the WMT'14 English-to-German benchmark we win.", "English-to-German"),
    ("This remains a challenge for LaTeX documents.", "LaTeX"),  # the ordinary word
    ("It is 3x faster on GPU benchmarks.", "GPU"),
    ("The proposed dataset is large and diverse.", "proposed"),
    ("Our ResNet-18/50 backbones are trained for 10/100 epochs.", "ResNet50"),
    ("Error is 2.3% on CIFAR-10, 16.4% on SVHN.", "CIFAR16"),  # not shorthand
    ("It improves Dice by 19.7% for PZ and 11.0% for TZ.", "PZ"),  # classes, not data
    ("It yields gains of 0.31 for Qwen-Image overall.", "Qwen-Image"),  # no metric: a model
    ("Visual Question Answering (VQA) is hard.", "VQA"),
    ("The BLIP-VQA model answers questions.", "VQA"),  # part of another name
    ("We test on COCO-Text images.", "COCO"),  # another dataset than COCO
    ("Code is in the low-resource-datasets GitHub repository.", "GitHub"),  # a cue in a compound
    ("Scores improve by 2% for POS-tagging.", "POS-tagging"),
    ("It was tested on CNN-based image datasets.", "CNN-based"),
    ("We evaluate GraphMIL across six benchmarks.", "GraphMIL"),  # a method, then a preposition
    ("We release a comprehensive PM benchmark.", "PM"),  # "a <adjective> X benchmark": a kind
    ("It uses a hyperspectral SID dataset of leaves.", "SID"),
    ("Checks fail in 35% of cases for GPT-4o-mini.", "GPT-4o-mini"),  # "of cases": no metric
    ("Models fail at Hand-Object Contacts (HOC), a challenge unmet by existing benchmarks.",
     "HOC"),  # a phrase between the name and the cue word
    ("We construct EVA-10K, a high-quality interleaved CoT dataset of images.", "CoT"),
    ("On standard benchmarks, ResNet-50 and ViT-B win.", "ResNet50"),  # no list of data
    ("Across four benchmarks (PragMix, Ludwig-2), PragNet improves.", "PragNet"),
    ("It helps on the RareAct dataset (e.g., cut keyboard), Gen2Bal improves.", "Gen2Bal"),
    ("The first Chain of Thought (CoT) dataset is built.", "Thought"),  # a name cut short
    ("Results on widely used Text-to-SQL benchmarks improve.", "Text-to-SQL"),  # a task
])
def test_datasets_leave_ordinary_words_alone(extractor, nlp, text, absent):
    keys = {m.text.replace("-", "") for m in found(extractor, nlp, text)} | names(
        extractor, nlp, text)
    assert absent not in keys


def test_datasets_title_case_titles_give_no_plain_words(extractor, nlp):
    title = "A Large and Genre-Rich Treebank for Czech"
    assert names(extractor, nlp, "We describe it.", title=title) == set()


@pytest.mark.parametrize("text, name", [
    ("We introduce PolyBench, a benchmark of 4,000 polymer properties.", "PolyBench"),
    ("We also release a new 12 million image dataset WebFood-12M for training.", "WebFood-12M"),
    ("We test on a newly annotated dataset, Coral-Reef-3D (CR3D), of reef scans.", "Coral-Reef-3D"),
    ("Our best performing dataset DFN-7B trains strong models.", "DFN-7B"),
    ("This work presents ChartQA-X, a new benchmark for chart reasoning.", "ChartQA-X"),
    ("Thus, we first introduce HOI-Mix, a benchmark with three levels.", "HOI-Mix"),
    ("We construct a new Parallel Region Captioning Benchmark (PRC-Bench) for it.",
     "Parallel Region Captioning Benchmark"),
    # the name an appositive calls a dataset, its long form between
    ("We introduce NEST-X (Narrative Event Structures), a dataset of 1005 films.", "NEST-X"),
    ("We construct EVA-10K, a high-quality interleaved CoT dataset of images.", "EVA-10K"),
    ("Moreover, we establish LZNet-Sig, a large-scale, highly challenging dataset.", "LZNet-Sig"),
])
def test_datasets_proposed_when_the_paper_introduces_them(extractor, nlp, text, name):
    by_name = {m.text: m for m in found(extractor, nlp, text)}
    assert by_name[name].attrs["proposed"] is True


@pytest.mark.parametrize("text, name", [
    ("We evaluate on the Kvasir-SEG dataset.", "Kvasir-SEG"),
    ("ImageNet, a widely used dataset, is our testbed.", "ImageNet"),
    ("We introduce a loss and evaluate it on CIFAR-10.", "CIFAR-10"),
])
def test_datasets_not_proposed_when_only_used(extractor, nlp, text, name):
    by_name = {m.text: m for m in found(extractor, nlp, text)}
    assert by_name[name].attrs["proposed"] is False


def test_datasets_title_names_its_benchmark(extractor, nlp):
    title = "ToolQA-2: A Dataset for Question Answering with External Tools"
    mentions = found(extractor, nlp, "We describe the data.", title=title)
    assert [(m.text, m.attrs["proposed"]) for m in mentions] == [("ToolQA-2", True)]


def definition(doc: Document, short: str, long: str) -> Mention:
    """The abbreviation extractor's mention for "long (short)", made by hand."""
    start, at = doc.text.index(short), doc.text.index(long)
    return Mention(ABBREVIATION, short, start, start + len(short), "abbreviations",
                   {"long_form": long, "long_start": at, "long_end": at + len(long)})


def test_datasets_abbreviation_of_a_dataset_long_form_is_its_short_name(extractor, nlp):
    doc = document(nlp, "We test on the Oxford Radar RobotCar Dataset (ORRD) at night.")
    found = [definition(doc, "ORRD", "Oxford Radar RobotCar Dataset")]
    mentions = {m.text: m for m in extractor(doc, found)}
    assert mentions["ORRD"].attrs["long_form"] == "Oxford Radar RobotCar Dataset"
    assert "Oxford Radar RobotCar Dataset" in mentions


def test_datasets_an_acronym_defined_as_something_else_is_not_the_lexicon_dataset(extractor, nlp):
    doc = document(nlp, "Preterm birth (PTB) prediction matters. PTB rates vary.")
    assert not list(extractor(doc, [definition(doc, "PTB", "Preterm birth")]))
    assert {m.text for m in extractor(document(nlp, "We model PTB text."), [])} == {"PTB"}


def test_datasets_offsets_and_sentences(extractor, nlp):
    doc = document(nlp, "We use no data here. Models are tested on SVHN and KITTI.")
    sentences = doc.sentences()
    for m in extractor(doc, []):
        assert doc.text[m.start:m.end] == m.text
        start, end = next(s for s in sentences if s[0] <= m.start < s[1])
        assert doc.text[start:end].startswith("Models are tested")
    assert {m.attrs["canonical"] for m in extractor(doc, [])} == {"SVHN", "KITTI"}


@pytest.fixture(scope="module")
def user_extractor(tmp_path_factory) -> DatasetExtractor:
    path = Path(tmp_path_factory.mktemp("lexicon")) / "mine.jsonl"
    rows = [{"name": "SPOT", "type": "Dataset"}, {"name": "TinyPersons", "type": "Dataset"},
            {"name": "Hate Speech", "type": "Dataset"},
            {"name": "Visual Question Answering", "type": "Dataset"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return DatasetExtractor(lexicon=load_lexicons([path]))


@pytest.mark.parametrize("text, expected", [
    ("We SPOT anomalies early.", set()),  # a user-list acronym alone: an ordinary word
    ("Results on the SPOT and KITTI datasets improve.", {"SPOT", "KITTI"}),
    ("TinyPersons holds small people.", {"TinyPersons"}),  # a distinctive name: no cue needed
    ("We use the Hate Speech corpus.", {"Hate Speech"}),
    ("Visual Question Answering asks questions.", set()),  # a task before a dataset
])
def test_datasets_user_lexicon_weak_forms_need_a_cue(user_extractor, nlp, text, expected):
    assert names(user_extractor, nlp, text) == expected


def test_datasets_user_lexicon_title_case_words_in_a_title_are_words(user_extractor, nlp):
    title = "Implicit Hate Speech Detection with Context"
    assert names(user_extractor, nlp, "We study it.", title=title) == set()


def test_datasets_public_lexicon_keeps_precision(nlp):
    path = shared_path("lexicons", "pwc_datasets.jsonl")
    extractor = DatasetExtractor(lexicon=load_lexicons([path]))
    text = ("We apply SVD to the weights and train with SGD. Our method improves detection "
            "on the KITTI and Waymo benchmarks.")
    assert {"SVD", "SGD"}.isdisjoint(names(extractor, nlp, text))
    assert {"KITTI", "Waymo"} <= names(extractor, nlp, text)


@pytest.mark.parametrize("forms, text, expected", [
    (["ImageNet", "MS COCO", "COCO"], "On MS COCO.", [(3, 10, "MS COCO"), (6, 10, "COCO")]),
    (["ADE20K"], "on ADE20K.", [(3, 9, "ADE20K")]),
    (["ImageNet"], "on miniImageNet", []),  # inside a word
    (["miniImageNet"], "on miniImageNet", [(3, 15, "miniImageNet")]),
    (["ogbn-arxiv"], "on ogbn-arxiv.", [(3, 13, "ogbn-arxiv")]),  # no capital: plain search
    (["The Pile"], "on The Pile and the Pile", [(3, 11, "The Pile")]),  # exact case
])
def test_lexicon_form_matcher_finds_exact_forms_at_word_bounds(forms, text, expected):
    assert sorted(FormMatcher(forms).finditer(text)) == expected


def test_lexicon_form_matcher_reports_keys_anywhere_in_one_pass():
    matcher = FormMatcher(["SVHN"], keys=[" on ", "dataset"])
    forms, keys = matcher.scan("Tests on SVHN datasets and on xSVHN.")
    assert forms == [(9, 13, "SVHN")]  # "xSVHN" is no word bound
    assert keys == [(5, " on "), (14, "dataset"), (26, " on ")]


@pytest.mark.parametrize("before, found", [
    (" 01-RAFIC no", "on"),  # " on CIFAR-10 " read backwards: "on" ends any list
    (" ImageNet ,stluser", "results"),  # "results, ImageNet "
    (" ImageNet ;", ";"),
    (" ImageNet .", "."),  # a sentence end, not the "." of "v0.02"
])
def test_datasets_no_name_reversed_finds_what_ends_a_list(before, found):
    match = pat.NO_NAME_REVERSED.search(before)
    assert match and match.group()[::-1] == found


@pytest.mark.parametrize("before", [
    " 01-RAFIC eht",  # "the CIFAR-10 ": "the" may lead a list
    " NHVS dna 01-RAFIC",  # "CIFAR-10 and SVHN "
    " )DHS( teseD",  # "Deset (SHD) "
    " 20.0v sdnammoC",  # "Commands v0.02 "
    " senecSun",  # "nuScenes ": a name with a capital inside
])
def test_datasets_no_name_reversed_leaves_names_alone(before):
    assert not pat.NO_NAME_REVERSED.search(before)


NAME_LIST_PIECES = ["CIFAR-10", "and", "or", "the", "on", "ImageNet", "(SHD)", "(ours)", "v0.02",
                    "2018", "x.y", "nuScenes", "Data", "Émile", "datasets", "WMT'14", "A&B", "&",
                    ",", ".", ";", "/", "Results.", "1.5", "ab-Cd", "_x", "(", "e.g.,"]
NAME_LIST_GAPS = [" ", " ", " ", ", ", "\n", "  ", " (", ") ", "/", ", and ", "."]


def test_datasets_names_from_finds_what_a_search_from_the_window_start_finds():
    """The name-list searches give the same match from ``_names_from`` as from the window's
    start, at every offset of random texts built from name-like and plain pieces."""
    rng = random.Random(7)
    patterns = (pat.LIST_BEFORE, pat.COORD_BEFORE, pat.CAPITAL_CUE_BEFORE, pat.VARIANT_BEFORE)
    matched = 0
    for _ in range(150):
        text = "".join(rng.choice(NAME_LIST_PIECES) + rng.choice(NAME_LIST_GAPS)
                       for _ in range(rng.randint(1, 25)))
        for start in range(len(text) + 1):
            lo = max(0, start - 120)
            begin = _names_from(text, lo, start)
            assert lo <= begin <= start
            for pattern in patterns:
                whole, narrow = pattern.search(text, lo, start), pattern.search(text, begin, start)
                assert (whole and whole.span(1)) == (narrow and narrow.span(1)), text[lo:start]
                matched += bool(whole)
    assert matched > 500  # the texts do hold lists


# -- through the whole pipeline: what the record says ------------------------------------------


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def datasets(pipeline: Pipeline, abstract: str) -> dict[str, dict]:
    record = pipeline.extract(Paper(id="p", title="A study", abstract=abstract))
    return {d["name"]: d for d in record["datasets"]}


@pytest.mark.parametrize("abstract, name", [
    ("We train on the TotalSegmentator dataset.", "TotalSegmentator"),
    ("Results on the Oxford Pets and FoodX benchmarks are reported.", "FoodX"),
    ("It reaches 44.0 mIoU on ADE20K and 66.3% on QuizBench.", "QuizBench"),
    ("The model scores 31.5 mAP for RoadScenes.", "RoadScenes"),
    ("We test it on the Harbor DeepScan Dataset, a driving corpus.", "Harbor DeepScan Dataset"),
    ("Drawings came from the Doodles dataset.", "Doodles"),
    ("We evaluate on three datasets: MoleNet, RiverSet and Q-Bench.", "Q-Bench"),
    ("Trained on Acme's PixBank corpus.", "PixBank"),
    ("We report BLEU on WMT'16 English-to-Romanian.", "WMT'16"),
    # an evaluation said to be on names, and the names listed with the first
    ("Experiments on HarborScan and RiverVQA show that the agent generalises.", "HarborScan"),
    ("Experiments on HarborScan and RiverVQA show that the agent generalises.", "RiverVQA"),
    ("Extensive experiments are conducted on the KelpSeg-2 dataset.", "KelpSeg-2"),
    ("We evaluate our detector on DroneCars.", "DroneCars"),
    ("Results on TideQA, ReefBench, and MLCV show consistent gains.", "MLCV"),
    ("We test three agents. On PhoneArena, the best one reaches 61.2%.", "PhoneArena"),
    ("It adapts. Across Office-31, Office-Home, and VisDA-2017, it improves accuracy.",
     "VisDA-2017"),
    ("Scores on KiteBench rise, and SQL-bench results follow.", "KiteBench"),  # a glued cue word
    ("Scores on KiteBench rise, and SQL-bench results follow.", "SQL-bench"),
    ("Editing quality on PIE-Bench++ improves.", "PIE-Bench++"),
])
def test_datasets_found(pipeline, abstract, name):
    assert name in datasets(pipeline, abstract)


@pytest.mark.parametrize("abstract, wrong", [
    ("It improves accuracy by 2% on ResNet-50 backbones.", "ResNet-50"),  # a model
    ("Gains of 3% for ABR are shown.", "ABR"),  # a short acronym after a score
    ("We report 4.12% error on CIFAR-10, 21.07% on CIFAR-100.", "CIFAR-21"),
    ("Large-scale benchmarks are used.", "Large-scale"),
    ("We evaluate our method on GPT-4o and Llama-3-8B models.", "GPT-4o"),  # models
    ("We build our agent on MetaGPT.", "MetaGPT"),  # not an evaluation
    ("Work on open-set domain adaptation (ODA) grows. Experiments on ODA show gains.", "ODA"),
    ("Experiments on ResNet-50 backbones show gains.", "ResNet-50"),
    ("We probe it. On Qwen-2.5-72B, the signal fades.", "Qwen-2.5-72B"),  # a parameter count
    ("On the other hand, TinyNet is fast.", "TinyNet"),  # not what the sentence is on
    ("Across YOLOv5 and DETR, the patch suppresses detections.", "YOLOv5"),  # a YOLO version
    ("Benchmarking matters, and low-data-benchmarks too.", "Benchmarking"),
])
def test_datasets_not_found(pipeline, abstract, wrong):
    assert wrong not in datasets(pipeline, abstract)


def test_datasets_shorthand_coordination(pipeline):
    found = datasets(pipeline, "We use CIFAR-10/100 and ImageNet-1K/22K.")
    assert {"CIFAR-10", "CIFAR-100", "ImageNet-1K", "ImageNet-22K"} <= set(found)


def test_datasets_title_glued_name_is_proposed(pipeline):
    record = pipeline.extract(Paper(id="p", title="KiteBench: Can Agents Fly Kites?",
                                    abstract="We test agents on KiteBench."))
    (found,) = record["datasets"]
    assert found["name"] == "KiteBench" and found["proposed"] is True


def test_datasets_introduced_is_proposed(pipeline):
    found = datasets(pipeline, "We introduce HorizonBench, a new benchmark for planning.")
    assert found["HorizonBench"]["proposed"] is True
