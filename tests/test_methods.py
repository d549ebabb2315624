"""Named methods and their roles, concepts, and the token-shape helpers."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from spacy.matcher import PhraseMatcher

from extractors import method_patterns as mp
from extractors import methods as mt
from extractors import phrases
from extractors import shapes as sh
from extractors.concepts import DATA, read_entries
from extractors.phrases import PhraseFinder, spellings
from kg.extract import Pipeline
from kg.ingest import read_papers
from kg.records import Paper, RunReport
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def methods(pipeline: Pipeline, abstract: str, title: str = "A study of learning") -> dict:
    record = pipeline.extract(Paper(id="p", title=title, abstract=abstract))
    return {m["name"]: m for m in record["methods"]}


def concepts(pipeline: Pipeline, abstract: str) -> set[str]:
    record = pipeline.extract(Paper(id="p", title="A study", abstract=abstract))
    return {c["name"] for c in record["concepts"]}


# -- introduction cues: the paper proposes the name -------------------------------------------

PROPOSED = [
    ("We propose GraphWeave, a model for link prediction.", "GraphWeave"),
    ("In this work we introduce TinyRouter for sparse inference.", "TinyRouter"),
    ("This paper presents a lightweight detector named QuillDet.", "QuillDet"),
    ("We design a compact network, called Sparrow-Net, for phones.", "Sparrow-Net"),
    ("Our framework, dubbed PRISM, unifies retrieval and ranking.", "PRISM"),
    ("We describe HoloMix, a novel mixing layer for vision models.", "HoloMix"),
    ("A new architecture termed FlexFormer is evaluated on video.", "FlexFormer"),
    ("We propose the Cascaded Token Pruner (CTP) for long inputs.", "CTP"),
    ("Its core is the Gated Depth Module (GDM), which fuses scales.", "GDM"),
    ("A framework named Adaptive Range Coder (ARC) is proposed.", "ARC"),
    # a name given after the purpose, and a second object proposed with the first
    ("We propose a framework for merging tasks, Weigh And Pick (WAP), for graphs.", "WAP"),
    ("We present KoiNet, an encoder for tables, and a lightweight framework KOIRA.", "KOIRA"),
    # the passive, after a definition or an appositive; a part named as the core module
    ("A Sparse Fusion Network (SFN) is proposed for this task.", "SFN"),
    ("In this study, Spectral Gate Routing (SGR), a routing mechanism that reads both signals, "
     "is introduced.", "SGR"),
    ("PolyMixer has been proposed in this work for tabular data.", "PolyMixer"),
    ("Its core module, the Twin-Path Router (TPR), splits the inputs.", "TPR"),
    ("We present a training-free approach termed \\textbf{\\emph{AdaQ}}.", "AdaQ"),  # LaTeX
    # a task's or a measure's short name the paper defines as its own method
    ("We propose DICE (Document Inference via Chunk Evidence), a training-free strategy.",
     "DICE"),
    # a name without a name's shape, introduced with an appositive saying what it is
    ("We propose Lattice Weaving, a simple yet effective method for sparse attention.",
     "Lattice Weaving"),
    ("We revisit quantisation and propose Marrow, a framework for low-bit training.", "Marrow"),
    # "called the X"; "the resulting approach, X"
    ("A compact ranker called the FoldNet orders the items.", "FoldNet"),
    ("We tune a schedule by greedy search. The resulting approach, TempoFit, is simple.",
     "TempoFit"),
]

# Names inside what the proposal describes or is for are not proposed.
def test_methods_an_acronym_defined_as_no_method_is_none_elsewhere(pipeline):
    found = methods(pipeline, "Recent text-to-image (T2I) diffusion is slow. T2I models are big.")
    assert "T2I" not in found


def test_methods_a_lower_case_family_is_no_method(pipeline):
    found = methods(pipeline, "Large vision-language models (LVLMs) are costly. LVLMs hallucinate.")
    assert "LVLMs" not in found


def test_methods_a_family_the_paper_proposes_is_a_method(pipeline):
    found = methods(pipeline, "We introduce sparse kernel networks (SKNs) for tables.",
                    title="SKNs: Sparse Kernel Networks")
    assert found["SKNs"]["proposed"] is True


NOT_PROPOSED = [
    ("We propose Mix-QVLA, a mixed-precision PTQ framework for VLA models.", "PTQ"),
    ("We propose Mix-QVLA, a mixed-precision PTQ framework for VLA models.", "VLA"),
    ("We introduce GeoBench, a benchmark for T2V models.", "T2V"),
    # someone else's work, in the past or the perfect
    ("Kernel Path Mixing (KPM) was recently proposed for graphs.", "KPM"),
    ("Residual Flow Routing (RFR) has been proposed as a remedy.", "RFR"),
    ("Its core module, a standard Transformer encoder, is frozen.", "Transformer"),
    ("We introduce a novel approach leveraging Stable Diffusion (SD) for data.", "SD"),
    ("This paper presents our entry, built upon OmniCar, a driving agent.", "OmniCar"),
    ("We build strong baselines by adapting PTv9 to completion.", "PTv9"),
    ("We further introduce a perception module into the OmniCar head.", "OmniCar"),
    # a plain-word name is a name only where the paper introduces it as a method
    ("Prior work proposed Lattice Weaving, a method for sparse attention.", "Lattice Weaving"),
    ("We propose Atlas Bench, a benchmark of long egocentric videos.", "Atlas Bench"),
    ("We present Sparse Views, which reduces the memory of rendering.", "Sparse Views"),
]


@pytest.mark.parametrize(("sentence", "name"), NOT_PROPOSED)
def test_methods_described_or_served_names_are_not_proposed(pipeline, sentence, name):
    found = methods(pipeline, sentence)
    assert name not in found or found[name]["proposed"] is False


@pytest.mark.parametrize(("sentence", "name"), PROPOSED)
def test_methods_introduction_cue_marks_proposed(pipeline, sentence, name):
    found = methods(pipeline, sentence)
    assert name in found
    assert found[name]["proposed"] is True
    assert found[name]["role"] == "proposed"


def test_methods_title_prefix_names_the_system(pipeline):
    found = methods(pipeline, "LumaSeg segments cells in microscopy.", title="LumaSeg: Cell Masks")
    assert found["LumaSeg"]["proposed"] is True


def test_methods_abbreviation_gives_name_and_alias(pipeline):
    found = methods(pipeline, "We propose the Cascaded Token Pruner (CTP). CTP is fast.")
    assert found["CTP"]["aliases"] == ["Cascaded Token Pruner"]
    assert len(found["CTP"]["evidence"]) == 2


# -- use and comparison cues: existing methods ------------------------------------------------

USED = [
    ("Our model outperforms ResNet-50 on three benchmarks.", "ResNet-50", "baseline"),
    ("Compared with DeiT and Swin, accuracy improves.", "DeiT", "baseline"),
    ("We report improvements over BERT in all settings.", "BERT", "baseline"),
    ("The detector is based on YOLOv5 with a new head.", "YOLOv5", "component"),
    ("We fine-tune a pretrained ViT backbone.", "ViT", "component"),
    ("Models are trained with Adam and cosine decay.", "Adam", "component"),
    ("The recently proposed PatchMixer layer is reused.", "PatchMixer", "component"),
]


@pytest.mark.parametrize(("sentence", "name", "role"), USED)
def test_methods_use_cue_marks_existing(pipeline, sentence, name, role):
    found = methods(pipeline, sentence)
    assert name in found
    assert found[name]["proposed"] is False
    assert found[name]["role"] == role


def test_methods_coordination_extends_a_list(pipeline):
    found = methods(pipeline, "It beats strong baselines such as ResNet, QXT and Flowy-Net.")
    assert {"ResNet", "QXT", "Flowy-Net"} <= set(found)


def test_methods_lexicon_name_called_is_not_proposed(pipeline):
    found = methods(pipeline, "We apply it to a multimodal model called LLaVA.")
    assert found["LLaVA"]["proposed"] is False


# -- things that are not methods --------------------------------------------------------------

NOT_METHODS = [
    ("Convolutional neural networks (CNNs) dominate vision.", "CNNs"),
    ("We train large language models (LLMs) on code.", "LLMs"),
    ("Experiments on the NovaText-3 dataset show gains.", "NovaText-3"),
    ("All code is written in PyTorch and runs on an A100 GPU.", "PyTorch"),
    ("All code is written in PyTorch and runs on an A100 GPU.", "A100"),
    ("Our model reaches 40.1 mAP with 3D inputs at 224x224.", "mAP"),
    ("Our model reaches 40.1 mAP with 3D inputs at 224x224.", "3D"),
    ("Samples contain CO2 and H2O traces in 128GB of logs.", "CO2"),
    ("We study Multi-Scale and Cross-Domain features.", "Multi-Scale"),
    ("Magnetic resonance imaging (MRI) scans were collected.", "MRI"),
    ("The NLP community uses many tools.", "NLP"),
    ("We propose a metric called Q-T score for search spaces.", "Q-T"),
    # a measure the paper defines, or a name it gives as data or a measure
    ("We introduce the Rule Compliance Score (RCS), an evaluation metric for planners.", "RCS"),
    ("To evaluate it, Evidence-Grounded F1 (EG-F1) is introduced as a unified metric.", "EG-F1"),
    ("To evaluate reasoning, we propose ReaMetric, a task-adaptive metric for chains.",
     "ReaMetric"),
    ("We introduce SignSet-1M, a large-scale dataset of signs. SignSet-1M helps training.",
     "SignSet-1M"),  # released as data: no method at its other mentions either
    ("We introduce PuMVR (Punjabi Visual Reasoning), the first benchmark designed to quantify "
     "script bias.", "PuMVR"),
    ("Our ASR model reaches a low error rate on the calls.", "ASR"),  # a listed task
]


@pytest.mark.parametrize(("sentence", "name"), NOT_METHODS)
def test_methods_excludes_non_methods(pipeline, sentence, name):
    assert name not in methods(pipeline, sentence)


def test_methods_plain_acronym_needs_evidence(pipeline):
    # an unexplained acronym with no cue is not taken as a method
    assert "QRS" not in methods(pipeline, "The QRS complex was visible in most traces.")


def test_concepts_generic_families_get_canonical_names(pipeline):
    found = concepts(
        pipeline,
        "Graph neural networks (GNNs) and transformer-based models use knowledge distillation.",
    )
    assert {"graph neural network", "transformer", "knowledge distillation"} <= found


def test_concepts_capitalised_transformer_is_a_method(pipeline):
    found = methods(pipeline, "We compare against the Transformer on translation.")
    assert "Transformer" in found


# -- shapes -----------------------------------------------------------------------------------

SHAPES = [
    ("HieraNet", sh.Shape.STRONG),
    ("YOLOv9", sh.Shape.STRONG),
    ("ResNet-101", sh.Shape.STRONG),
    ("Grad-CAM++", sh.Shape.STRONG),
    ("RT-DETR", sh.Shape.STRONG),
    ("WGAN", sh.Shape.STRONG),
    ("DARTS", sh.Shape.ACRONYM),
    ("LSTMs", sh.Shape.ACRONYM),
    ("Network", sh.Shape.NONE),
    ("Multi-Scale", sh.Shape.NONE),
    ("Re-Routing", sh.Shape.NONE),
    ("3D", sh.Shape.NONE),
    ("128GB", sh.Shape.NONE),
    ("CO2", sh.Shape.NONE),
    ("IV", sh.Shape.NONE),
    ("Abstract", sh.Shape.NONE),
    ("V2", sh.Shape.NONE),
    ("strategY", sh.Shape.NONE),
    ("LLM-Based", sh.Shape.NONE),  # a modifier in a title's case
    ("AI-Generated", sh.Shape.NONE),
    ("SAM2-Enhanced", sh.Shape.NONE),
    ("Mask-RCNN", sh.Shape.STRONG),
]


@pytest.mark.parametrize(("word", "shape"), SHAPES)
def test_shapes_shape_of(word, shape):
    assert sh.shape_of(word) is shape


def test_shapes_normalise_matches_scorer_rules():
    assert sh.normalise("CIFAR-10") == sh.normalise("cifar 10") == "cifar10"


def test_shapes_normalise_ascii_way_equals_the_general_way():
    """ASCII text takes a faster way to the same key (every printable ASCII character, and
    random strings of them)."""
    def general(text):
        folded = unicodedata.normalize("NFKC", text).casefold().replace("+", "plus")
        return sh.NOT_ALNUM.sub("", folded)

    rng = random.Random(3)
    printable = [chr(c) for c in range(32, 127)] + ["\t", "\n"]
    texts = printable + ["".join(rng.choice(printable) for _ in range(rng.randint(0, 12)))
                         for _ in range(5_000)]
    for text in texts:
        assert sh.normalise.__wrapped__(text) == general(text), repr(text)


PATTERNS = [
    (sh.NAME_WORD, "ResNet-50", True),
    (sh.NAME_WORD, "---", False),
    (sh.CAMEL, "ResNet", True),
    (sh.CAMEL, "Network", False),
    (sh.LETTER_DIGIT, "YOLOv4", True),
    (sh.LETTER_DIGIT, "Net", False),
    (sh.FAMILY_SUFFIX, "IBN-Net", True),
    (sh.FAMILY_SUFFIX, "Internet", False),
    (sh.VERSION_MARK, "YOLOv12n", True),
    (sh.VERSION_MARK, "Savvy", False),
    (sh.ACRONYM, "DARTS", True),
    (sh.ACRONYM, "Transformer", False),
    (sh.UNIT, "128GB", True),
    (sh.UNIT, "ResNet50", False),
    (sh.DIMENSION, "224x224", True),
    (sh.DIMENSION, "X-Cross", False),
    (sh.CHEMICAL, "Fe3O4", True),
    (sh.CHEMICAL, "VGG11", False),
    (sh.ROMAN, "IV", True),
    (sh.ROMAN, "IVF", False),
    (sh.SHORT_CODE, "V2", True),
    (sh.SHORT_CODE, "T5x", False),
    (sh.NOT_ALNUM, "a-b", True),
    (sh.NOT_ALNUM, "é7", False),
    (mp.CANDIDATE_WORD, "the HieraNet model", True),
    (mp.CANDIDATE_WORD, "the network", False),
    (mp.WORD_START, "the iPhone", True),
    (mp.WORD_START, "The network", False),
    (mp.CAPITAL_START, b"aaa AaaAaa", True),
    (mp.CAPITAL_START, b"aaa aAaaaa", True),
    (mp.CAPITAL_START, b"Aaa aaaaaaa", False),
    (mp.DIGIT_START, b"a 0A aaaa", True),
    (mp.DIGIT_START, b"00.0", True),
    (mp.DIGIT_START, b"aa 0000,", False),
    (mp.VARIANT, "-50", True),
    (mp.VARIANT, "-based", False),
    (mp.AFFIX, "DNN-based", True),
    (mp.AFFIX, "IBN-Net", False),
    (mp.PROPOSE_CUE, "In this work, we propose ", True),
    (mp.PROPOSE_CUE, "previous works proposed ", False),
    (mp.NAMING_CUE, "a framework named ", True),
    (mp.NAMING_CUE, "the name of ", False),
    (mp.APPOSITIVE_NEW, ", a novel framework", True),
    (mp.APPOSITIVE_NEW, ", a widely used baseline", False),
    (mp.OURS_AFTER, " (ours)", True),
    (mp.OURS_AFTER, " (2019)", False),
    (mp.PASSIVE_PROPOSED, " (SAN) is proposed", True),
    (mp.PASSIVE_PROPOSED, " is used", False),
    (mp.PASSIVE_PROPOSED, ", an inference-time router that exploits it, is introduced", True),
    (mp.PASSIVE_PROPOSED, ", a baseline, is used", False),
    (mp.PASSIVE_PROPOSED, " has been proposed in this study", True),
    (mp.PASSIVE_PROPOSED, " has been proposed as a remedy", False),
    (mp.PASSIVE_PROPOSED, " was recently proposed", False),
    (mp.NAMING_CUE, "Its core module, the ", True),
    (mp.NAMING_CUE, "Its core module, a ", False),
    (mp.MEASURE_FORM, "Context Divergence Score", True),
    (mp.MEASURE_FORM, "Score Distillation Sampling", False),
    (mp.MODULE_AFTER, ") module", True),
    (mp.MODULE_AFTER, " model of", False),
    (mp.EXISTING_CUE, "the recently proposed ", True),
    (mp.EXISTING_CUE, "we propose ", False),
    (mp.DIRECT_PROPOSE, "we present ", True),
    (mp.DIRECT_PROPOSE, "we use ", False),
    (mp.BASELINE_CUE, "it outperforms ", True),
    (mp.BASELINE_CUE, "we use ", False),
    (mp.COMPONENT_CUE, "built upon the ", True),
    (mp.COMPONENT_CUE, "compared to ", False),
    (mp.COMPONENT_AFTER, " backbone", True),
    (mp.COMPONENT_AFTER, " background", False),
    (mp.METHOD_NOUN_AFTER, " architecture", True),
    (mp.METHOD_NOUN_AFTER, " dataset", False),
    (mp.DATA_AFTER, " dataset", True),
    (mp.DATA_AFTER, " data augmentation", False),
    (mp.METHOD_HEAD, "Hierarchical Edge Module", True),
    (mp.METHOD_HEAD, "magnetic resonance imaging", False),
    (mp.MODULE_HEAD, "Hierarchical Edge Module", True),
    (mp.MODULE_HEAD, "Graph Neural Network", False),
    (mp.TITLE_NAME, "DiffGraph: Heterogeneous Graph Diffusion", True),
    (mp.TITLE_NAME, "Why do models fail? An analysis", False),
    (mp.TITLE_NOT_SYSTEM, "A Benchmark for Agents", True),
    (mp.TITLE_NOT_SYSTEM, "A Framework for Agents", False),
    (mp.TITLE_GENERIC, "Revisiting", True),
    (mp.TITLE_GENERIC, "Maestro", False),
    (mp.LONG_FORM_WORDS, "Edge-Aware Module", True),
    (mp.LONG_FORM_WORDS, "snake_case", False),
    (mp.INTERRUPTION, " that uses ", True),
    (mp.INTERRUPTION, " a novel approach leveraging ", True),
    (mp.INTERRUPTION, " an adaptive ", False),
    (mp.KIND_APPOSITIVE, ", a task-adaptive metric", True),
    (mp.KIND_APPOSITIVE, ", a benchmark-driven method", False),
    (mp.INTERRUPTION, " a new detector, ", False),
    (mp.COORDINATION_GAP, ", and ", True),
    (mp.COORDINATION_GAP, " is ", False),
]


@pytest.mark.parametrize(("pattern", "text", "expected"), PATTERNS)
def test_methods_pattern_table(pattern: re.Pattern, text: str, expected: bool):
    if pattern is mp.COORDINATION_GAP:
        assert bool(pattern.fullmatch(text)) is expected
    elif pattern in (mp.DATA_AFTER, mp.METHOD_NOUN_AFTER, mp.VARIANT, mp.KIND_APPOSITIVE):
        assert bool(pattern.match(text)) is expected
    else:
        assert bool(pattern.search(text)) is expected


@pytest.mark.parametrize("gap", [",", " , ", " and ", ", or ", " / ", " & ", ",\n and "])
def test_methods_list_words_hold_every_coordination_gap(gap):
    assert mp.COORDINATION_GAP.fullmatch(gap)
    core = gap.strip()
    assert core in mp.LIST_WORDS or (core[:1] == "," and core.endswith(("and", "or")))


@pytest.mark.parametrize(
    ("pattern", "first", "text"),
    [
        (mp.APPOSITIVE_NEW, mp.APPOSITIVE_FIRST, "\u201d, a novel framework"),
        (mp.APPOSITIVE_NEW, mp.APPOSITIVE_FIRST, " (SAN) is a new model"),
        (mp.APPOSITIVE_NEW, mp.APPOSITIVE_FIRST, " -- a simple baseline"),
        (mp.PASSIVE_PROPOSED, mp.PASSIVE_FIRST, " has been proposed in this paper"),
        (mp.PASSIVE_PROPOSED, mp.PASSIVE_FIRST, ", a router for both, is introduced"),
        (mp.PASSIVE_PROPOSED, mp.PASSIVE_FIRST, " (SAN) was introduced"),
    ],
)
def test_methods_first_characters_of_after_cues(pattern, first, text):
    assert pattern.match(text)
    strip = mp.QUOTES if pattern is mp.APPOSITIVE_NEW else ""
    assert text.lstrip(strip).lstrip()[:1] in first


def test_methods_plus_marks_name_another_method(pipeline):
    found = methods(pipeline, "We compare Grad-CAM with Grad-CAM++ and U-Net with U-Net++.")
    assert {"Grad-CAM", "Grad-CAM++", "U-Net", "U-Net++"} <= set(found)
    assert found["U-Net"]["aliases"] == []


@pytest.mark.parametrize(
    "abstract, name",
    [
        (
            "Our proposed network and procedure, PatterNet, is able to outperform others.",
            "PatterNet",
        ),
        ("Our new framework, FlowMix, aligns the views.", "FlowMix"),
    ],
)
def test_methods_our_thing_then_its_name_is_proposed(pipeline, abstract, name):
    assert methods(pipeline, abstract)[name]["proposed"] is True


def test_methods_our_plain_noun_then_a_name_is_not_a_proposal(pipeline):
    found = methods(pipeline, "In our experiments, ResNet-50 serves as the backbone.")
    assert found["ResNet-50"]["proposed"] is False


# -- the fast scans give what the plain patterns give ---------------------------------------

WORD_TEXTS = [
    "We compare HieraNet with ResNet-50 and YOLOv4.",
    "iPhone mAP xLSTM abc123 deepLabV3 Grad-CAM++ R+ ViT-B/16",
    "U.iPhone e.g.ResNet iOS.X.Y 3D-ResNet a-b-Cd x/1A b/2C",
    "éiPhone _iPhone -iPhone +Net /Net the network, 2019's results",
    "The 2024 X 1.ResNet 12.5 Abc+ Ab++ Ab+c A-b A.b A'b A/1 A’B We",
]


def _words_by_the_pattern(text: str) -> list[tuple[int, str]]:
    """What candidate_words must give: CANDIDATE_WORD's matches but the plain words."""
    words = [(m.start(), m.group()) for m in mp.CANDIDATE_WORD.finditer(text)]
    return [w for w in words if not re.fullmatch(r"[A-Z][a-z]*|\d+", w[1])]


@pytest.mark.parametrize("text", WORD_TEXTS)
def test_methods_candidate_words_match_the_pattern(text):
    words = [(m.start(), m.group()) for m in mp.CANDIDATE_WORD.finditer(text)]
    plain = re.compile(r"[A-Z][a-z]*|\d+")  # no name shape: passed over
    assert list(mp.candidate_words(text)) == _words_by_the_pattern(text)
    assert all(sh.shape_of(w) is sh.Shape.NONE for _, w in words if plain.fullmatch(w))


def test_methods_candidate_words_match_the_pattern_on_random_texts():
    """ASCII texts are read through their character classes, others by WORD_START: both give
    what the pattern gives, on short texts of the characters that matter."""
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice("aAbZz09 -.'/+_()iPv2,") for _ in range(rng.randint(0, 14)))
        for variant in (text, text + "é", "’" + text):  # the last two are not ASCII
            assert list(mp.candidate_words(variant)) == _words_by_the_pattern(variant), variant


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the iPhone app", "iPhone"),  # starts lower-case, found from its capital
        ("see ResNet-50.", "ResNet-50"),
    ],
)
def test_methods_candidate_words_finds(text, word):
    assert word in [w for _, w in mp.candidate_words(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the network", "network"),
        ("U.iPhone", "iPhone"),  # inside the word before
        ("éiPhone", "iPhone"),  # a non-ASCII letter before: mid-word
        ("ResNet", "Net"),
        ("The model", "The"),  # plain capitalised word: no name shape
        ("in 2024", "2024"),
    ],
)
def test_methods_candidate_words_skips(text, word):
    assert word not in [w for _, w in mp.candidate_words(text)]


def test_methods_spans_cover_nested_and_disjoint():
    spans = mt._Spans([(10, 20), (0, 50), (60, 70)])
    assert spans.cover(12, 18) and spans.cover(30, 40) and spans.cover(60, 70)
    assert not spans.cover(45, 55) and not spans.cover(65, 75) and not spans.cover(80, 81)


# -- lexicon phrases: the spans a spaCy PhraseMatcher finds -----------------------------------

PHRASES = [
    "R-CNN",
    "Faster R-CNN",
    "ResNet",
    "BERT",
    "Adam",
    "U-Net++",
    "Graph Neural Network",
    "long short-term memory",
    "A B C D E F G H I J",
]
PHRASE_TEXTS = [
    "Faster R-CNN and R - CNN beat ResNet-50, ResNet. and RoBERTa (BERT).",
    "A graph  neural network, a Graph Neural Network and GRAPH NEURAL NETWORK.",
    "Long Short-Term Memory and long short - term memory; U-Net++ vs U-Net.",
    "İstanbul Graph Neural Network",  # lower case longer than the text: the matcher is asked
    "ΣΟΦΙΑ Graph Neural Network",  # a final sigma: the matcher is asked
    "A B C D E F G H I J and a b c d e f g h i j",  # too many tokens for the automaton
]


@pytest.mark.parametrize("attr", ["ORTH", "LOWER"])
@pytest.mark.parametrize("text", PHRASE_TEXTS)
def test_phrases_finder_finds_what_the_phrase_matcher_finds(pipeline, attr, text):

    nlp = pipeline.nlp
    finder, matcher = PhraseFinder(nlp.vocab, attr), PhraseMatcher(nlp.vocab, attr=attr)
    finder.add([nlp.make_doc(p) for p in PHRASES])
    matcher.add("P", [nlp.make_doc(p) for p in PHRASES])
    doc = nlp.make_doc(text)
    expected = sorted((doc[s:e].start_char, doc[s:e].end_char) for _, s, e in matcher(doc))
    assert expected  # each text holds a phrase
    assert sorted(finder(doc, text)) == expected


@pytest.mark.parametrize("attr", ["ORTH", "LOWER"])
def test_phrases_finder_checks_tokens_when_chunks_do_not_tell(pipeline, attr):
    """Two spaces make a space token; "R-CNN" is one chunk but several tokens."""
    nlp = pipeline.nlp
    phrases = ["Mask  SegNet", "R-CNN", "Fast R-CNN", "SegNet"]
    finder, matcher = PhraseFinder(nlp.vocab, attr), PhraseMatcher(nlp.vocab, attr=attr)
    finder.add([nlp.make_doc(p) for p in phrases])
    matcher.add("P", [nlp.make_doc(p) for p in phrases])
    text = "Mask  SegNet, Mask SegNet, Fast R-CNN, Fast  R-CNN, SegNet's SegNet-2 (R-CNN)."
    doc = nlp.make_doc(text)
    expected = sorted((doc[s:e].start_char, doc[s:e].end_char) for _, s, e in matcher(doc))
    assert (0, 12) in expected and len(expected) >= 7
    assert sorted(finder(doc, text)) == expected


def test_phrases_chunks_say_when_the_spelling_gives_the_tokens():
    assert phrases._chunks("Fast R-CNN", {("Fast", "R-CNN")}) == (2, True)
    assert phrases._chunks("Fast R-CNN", {("Fast", "R", "-", "CNN")}) == (2, False)
    assert phrases._chunks("Mask  R-CNN", {("Mask", " ", "R-CNN")}) == (-1, False)


def test_phrases_spellings_vary_the_gaps():
    assert list(spellings(("R", "-", "CNN"))) == ["R-CNN", "R- CNN", "R -CNN", "R - CNN"]
    assert list(spellings(("BERT",))) == ["BERT"]


def test_phrases_finder_agrees_with_the_phrase_matcher_on_the_seeds(pipeline):
    papers = list(read_papers([shared_path("corpus", "seeds")], RunReport()))
    nlp, forms = pipeline.nlp, []
    for entry in read_entries(DATA / "methods.jsonl", "Method"):
        forms += [entry.name, *entry.aliases]
    for attr in ("ORTH", "LOWER"):
        finder, matcher = PhraseFinder(nlp.vocab, attr), PhraseMatcher(nlp.vocab, attr=attr)
        finder.add([nlp.make_doc(f) for f in forms])
        matcher.add("P", [nlp.make_doc(f) for f in forms])
        for paper in papers:
            document = pipeline.document(paper)
            doc = document.doc
            expected = {(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in matcher(doc)}
            assert set(finder(doc, document.text)) == expected, paper.id


def _cue_words_by_search(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Every cue word starting in text[begin:end], by str.find over the lower-cased text."""
    low, found = text.lower(), []
    for i, word in enumerate(mp.CUE_WORDS):
        at = low.find(word, begin)
        while 0 <= at < end:
            found.append((at, mp.CUES_OF_WORD[i]))
            at = low.find(word, at + 1)
    return sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Unlike prior work, we propose X, built upon the recently named Y, and compare with Z.",
        "We Use the Widely used model. Thanwith withheld usefulness, compared vs. baselines.",
        "The state-of-the-art methods, such as DARTS, were outperformed by our network, RNet.",
    ],
)
def test_methods_cue_words_between_finds_every_word_starting_in_the_window(text):
    cues = mp.CueWords(text)
    for begin in range(0, len(text), 7):
        for end in (begin, begin + 5, begin + 40, len(text)):
            expected = _cue_words_by_search(text, begin, end)
            assert sorted(cues.between(begin, end)) == expected, (begin, end)


def test_methods_cue_words_everywhere_with_dotless_i():
    assert mp.CueWords("WE PROPOSE İX").between(3, 10) == [(3, mp.ALL_CUES)]


def test_phrases_finder_without_a_dfa_finds_the_same(pipeline, monkeypatch):
    import extractors.phrases

    nlp = pipeline.nlp
    fast = PhraseFinder(nlp.vocab, "ORTH")
    fast.add([nlp.make_doc(p) for p in PHRASES])
    fast(nlp.make_doc("x"), "x")  # its automaton is built now, as a DFA
    monkeypatch.setattr(extractors.phrases, "DFA_PATTERNS", 0)  # as for a long user lexicon
    slow = PhraseFinder(nlp.vocab, "ORTH")
    slow.add([nlp.make_doc(p) for p in PHRASES])
    for text in PHRASE_TEXTS:
        doc = nlp.make_doc(text)
        assert sorted(slow(doc, text)) == sorted(fast(doc, text))
