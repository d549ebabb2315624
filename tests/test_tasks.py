"""Tasks: lexicon names, the modifier + head shape and its cues, trimming, acronyms,
coordination, guards, user lists."""

from __future__ import annotations

import pytest

from extractors import task_patterns as tp
from extractors import tasks as tk
from extractors.lexicon import load_lexicons
from kg.extract import Pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def tasks(pipeline: Pipeline, abstract: str, title: str = "A study") -> set[str]:
    record = pipeline.extract(Paper(id="p", title=title, abstract=abstract))
    return {f.lower() for t in record["tasks"] for f in (t["name"], *t["aliases"])}


@pytest.mark.parametrize("abstract, task", [
    ("We evaluate the detector on object detection.", "object detection"),  # lexicon
    ("A new network for multi-center PET image synthesis is described.",
     "multi-center pet image synthesis"),  # acronym modifier, cue "for"
    ("It improves results for cross-domain sequential recommendation.",
     "cross-domain sequential recommendation"),
    ("We report gains in COCO object detection.", "object detection"),  # the dataset is not part
    ("Our model is evaluated on skin lesion segmentation, abdominal multi-organ segmentation, "
     "and polyp segmentation.", "polyp segmentation"),  # coordination carries the cue
    ("Results on weakly supervised object localization improve.",
     "weakly supervised object localization"),  # "-ly" before a naming word stays
    ("Experiments on rating prediction show gains.", "rating prediction"),  # an -ing noun
    ("We test it on fine-grained classifications.", "fine-grained classification"),  # plural
    ("Models for drivable area segmentation are compared.", "drivable area segmentation"),
    ("We introduce a new task, Labeling Instruction Generation, for datasets.",
     "labeling instruction generation"),  # a capitalised coined name in the abstract
    ("Soil moisture forecasting is one of the central problems of hydrology.",
     "soil moisture forecasting"),  # a cue after the phrase
    ("The development of open-set domain adaptation is recent.",
     "open-set domain adaptation"),  # a kind of a known task
    ("In two use cases - crop yield prediction and pest counting - it helps.",
     "crop yield prediction"),
    ("We study OCR on scanned receipts.", "optical character recognition"),  # an alias
    ("On a per-digit recognition task it wins.", "digit recognition"),  # "per-" is distributive
    ("We test on graph benchmark classification tasks.", "graph classification"),
    ("Results on language modelling improve.", "language modelling"),  # British spelling
    ("The tagger is evaluated on morphological tagging for Latin.", "morphological tagging"),
    ("Experiments on sequence labelling show gains.", "sequence labelling"),
    ("It leads across three egocentric action recognition benchmarks.",
     "egocentric action recognition"),  # a count is no part of the name
    ("In this paper, we formulate crowd trajectory generation as a grounding problem.",
     "crowd trajectory generation"),  # the verb after "we" is not either
])
def test_tasks_found(pipeline, abstract, task):
    assert task in tasks(pipeline, abstract)


@pytest.mark.parametrize("title, task", [
    ("HieraNet: A Framework for Automated Pollen Recognition", "pollen recognition"),
    ("Memory-Lean Networks for Liver Lesion Segmentation", "liver lesion segmentation"),
    ("Bridging Gaps in Partially Annotated Multi-label Classification",
     "partially annotated multi-label classification"),
    ("ControlX: Efficient Control for Image and Video Generation", "image generation"),
    ("ControlX: Efficient Control for Image and Video Generation", "video generation"),
])
def test_tasks_found_in_titles(pipeline, title, task):
    assert task in tasks(pipeline, "We study it.", title)


@pytest.mark.parametrize("abstract, wrong", [
    ("Results, including skin lesion segmentation, are shown on the benchmark.",
     "including skin lesion segmentation"),  # a describing word is trimmed
    ("The method outperforms lane detection baselines on the benchmark.",
     "outperforms lane detection"),
    ("We rely on data augmentation for training.", "data augmentation"),  # a technique
    ("Deep learning has changed vision.", "deep learning"),  # a research area
    ("Experiments over image classification show gains.", "experiments over image classification"),
    ("It is the first LLM adaptation framework for networks.", "llm adaptation"),  # lone acronym
    ("We evaluate on the COCO detection benchmark.", "coco detection"),
    ("We present an adaptive relation modeling network for tables.",
     "adaptive relation modeling"),  # describes a method
    ("We add a drop-in fast-weight adaptation method for LLMs.", "fast-weight adaptation"),
    ("In-place methods make fast-weight adaptation possible for it.",
     "make fast-weight adaptation"),
    ("A layer utilizing neural machine translation was used for it.",
     "neural machine translation"),  # a method used
    ("The model gives interpretable prediction for each input.", "interpretable prediction"),
    ("Learned embeddings are used to process image clustering in it.",
     "process image clustering"),  # a verb is not a modifier
    ("Its gains on image retrieval are broad.", "gains on image retrieval"),
    ("It builds on recent advances in language modeling.", "language modeling"),  # background
    ("Given a recommendation prompt, the model answers.", "recommendation"),  # a modifier
    ("Diffusion is used for control in a sequence modeling fashion.", "sequence modeling"),
    ("Retrieval-augmented generation improves answers for it.",
     "retrieval-augmented generation"),  # a concept
    ("For OEQA, SFT often degrades generation quality.", "often degrades generation"),
    ("It accelerates stochastic plug-and-play reconstruction for CT.",
     "accelerates stochastic plug-and-play reconstruction"),
    ("Despite advancements in protein design generation, costs stay.",
     "protein design generation"),
    ("It leads across three egocentric action recognition benchmarks.",
     "three egocentric action recognition"),
    ("Prior methods often overlook structural adaptation in stylization.",
     "overlook structural adaptation"),
    ("This motivates a hybrid reconstruction operator for imaging.", "hybrid reconstruction"),
])
def test_tasks_not_found(pipeline, abstract, wrong):
    assert wrong not in tasks(pipeline, abstract)


def test_tasks_need_a_cue_in_the_abstract(pipeline):
    assert "tumor grade classification" not in tasks(
        pipeline, "Tumor grade classification remains hard. Pathologists disagree.")


def test_tasks_acronym_spelled_out(pipeline):
    found = tasks(pipeline, "Click-through rate (CTR) prediction is a key task. Deep CTR "
                  "prediction models are common.", "FastCTR: A Model for CTR Prediction")
    assert "click-through rate prediction" in found
    assert "ctr prediction" in found  # the surface stays an alias of the same entity


def test_tasks_acronym_long_form_in_any_case(pipeline):
    found = tasks(pipeline, "We use datasets for rating prediction, Click-Through-Rate (CTR) "
                  "prediction, and top-k item recommendation.")
    assert {"rating prediction", "click-through-rate prediction",
            "top-k item recommendation"} <= found


def test_tasks_shared_head_and_bare_heads_in_lists(pipeline):
    found = tasks(pipeline, "Features help in image clustering and retrieval tasks. We test on "
                  "tasks such as object detection, segmentation, image classification and "
                  "visual grounding.")
    assert {"image clustering", "image retrieval", "segmentation"} <= found


def test_tasks_bare_head_needs_a_list(pipeline):
    assert "segmentation" not in tasks(pipeline, "We study segmentation of scans for it.")


def test_tasks_offsets_and_sentence(pipeline):
    paper = Paper(id="p", title="A model", abstract="It is new. We test it on lane detection.")
    record = pipeline.extract(paper)
    (task,) = record["tasks"]
    (evidence,) = task["evidence"]
    assert paper.abstract[evidence["start"]:evidence["end"]] == "lane detection"
    assert evidence["sentence"] == "We test it on lane detection."


@pytest.mark.parametrize("american, british", [
    ("text summarization", "text summarisation"), ("sequence labeling", "sequence labelling"),
    ("behavior cloning", "behaviour cloning"), ("feeling detection", "feeling detection"),
    ("scaling", "scaling"), ("detector", "detector"),
])
def test_tasks_british_spelling(american, british):
    assert tp.british(american) == british


@pytest.mark.parametrize("word, describes", [
    ("including", True), ("enhanced", True), ("newly", True), ("high-efficiency", True),
    ("image", False), ("multi-organ", False), ("click-through", False), ("polyp", False),
])
def test_tasks_describing_words(word, describes):
    assert bool(tp.DESCRIBING.match(word)) is describes


@pytest.mark.parametrize("word, naming", [
    ("supervised", True), ("text-guided", True), ("fine-grained", True), ("drivable", True),
    ("annotated", True),
    ("enhanced", False), ("comparable", False),
])
def test_tasks_naming_words(word, naming):
    assert bool(tp.NAMING.search(word)) is naming


@pytest.mark.parametrize("word, part", [
    ("two-stage", False), ("2024", False), ("experiments", False),
    ("news", True), ("class", True), ("image", True), ("analysis", True), ("series", True),
    ("robotics", True), ("images", False), ("degrades", False),
])
def test_tasks_not_part_words(word, part):
    assert (tp.NOT_PART.match(word) is None) is part


@pytest.mark.parametrize("word, acronym", [
    ("PET", True), ("3D", True), ("RGB-D", True), ("LiDAR", True), ("CTRs", True),
    ("Image", False), ("image", False), ("A", False),
])
def test_tasks_acronym_words(word, acronym):
    assert bool(tp.ACRONYM.fullmatch(word)) is acronym


@pytest.mark.parametrize("between, coordinated", [
    (", ", True), (", and ", True), (" or ", True), (" (ODA) and ", True),
    (" with the ", False), (" for ", False),
])
def test_tasks_coordination(between, coordinated):
    assert bool(tp.COORDINATION.fullmatch(between)) is coordinated


@pytest.mark.parametrize("after, cue", [
    (" is one of the fundamental tasks", True), (", which aims to predict clicks", True),
    (" remains hard. Other tasks", False), (" models are common", False),
])
def test_tasks_cue_after(after, cue):
    assert bool(tp.TASK_AFTER.match(after)) is cue


@pytest.mark.parametrize("before, background", [
    ("recent advances in ", True), ("the success in ", True), ("progress in ", True),
    ("results in ", False), ("we work in ", False),
])
def test_tasks_background(before, background):
    assert bool(tp.BACKGROUND.search(before)) is background


@pytest.mark.parametrize("before, used", [
    ("utilizing", True), ("using", True), ("for", False), ("on", False),
])
def test_tasks_method_used(before, used):
    assert (before in tp.USED) is used


@pytest.mark.parametrize("name, task", [
    ("image inpainting", True), ("keyword spotting", True), ("sentiment analysis", True),
    ("few-shot learning", False),  # a paradigm is a concept
    ("recommendation systems", False), ("general knowledge", False),
    ("real-time object detection", False),  # starts with a describing word
    ("neural architecture search", False),
])
def test_tasks_public_list_names(name, task):
    assert tk._task_like(name, {"neural architecture search"}) is task


@pytest.fixture(scope="module")
def listed(tmp_path_factory) -> Pipeline:
    path = tmp_path_factory.mktemp("lex") / "user_tasks.tsv"
    path.write_text("Crop Yield Estimation\t12\nFew-Shot Learning\t90\nGraph Generation\t7\n",
                    encoding="utf-8")
    return Pipeline([path])


@pytest.mark.parametrize("abstract, task, found", [
    ("We report results on crop yield estimation.", "crop yield estimation", True),
    ("Crop yield estimation matters. Farmers agree.", "crop yield estimation", False),  # no cue
    ("We report results on few-shot learning.", "few-shot learning", False),
    ("In it, graph generation processes are studied.", "graph generation", False),
])
def test_tasks_user_list_names_need_a_cue(listed, abstract, task, found):
    record = listed.extract(Paper(id="p", title="A study", abstract=abstract))
    names = {t["name"].lower() for t in record["tasks"]}
    assert (task in names) is found


def test_tasks_outermost_keeps_the_longest():
    c = tk.Candidate
    spans = [c(0, 20, "a", True), c(6, 20, "b", True), c(30, 40, "c", True)]
    assert [x.name for x in tk._outermost(spans)] == ["a", "c"]


def test_tasks_two_extractors_on_one_pipeline_keep_their_own_lists(tmp_path):
    pipeline = Pipeline()
    path = tmp_path / "user_tasks.tsv"
    path.write_text("Crop Yield Estimation\t12\n", encoding="utf-8")
    other = tk.TaskExtractor(load_lexicons([path]))
    document = pipeline.document(Paper(id="p", title="A study",
                                       abstract="We report results on crop yield estimation."))
    mine = {e.name: e for e in pipeline.extractors}["tasks"]
    assert [m.text for m in other(document, [])] == ["crop yield estimation"]
    assert [m.text for m in mine(document, [])] == ["crop yield estimation"]  # a shape here
