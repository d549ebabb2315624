"""The patterns and word lists the dataset extractor reads (``extractors.datasets``).

Regexes are named with a comment showing a string they match and one they must not; name
shapes are built from a few parts (STRONG, TITLE, NAME, TITLED) so every cue reads names alike.
"""

from __future__ import annotations

import re

# One word inside a name: letters, digits, ' + - and inner dots ("v0.02"), never a final dot.
_CH = r"(?:[\w'+\-]|\.(?=\w))"
# A name-shaped word: inner capital or digit, or an acronym, or lower-first with a capital.
# Matches "CIFAR-10", "TextVQA", "WMT'14", "nuScenes", "DFN-2B"; not "Dataset" or "the".
STRONG = rf"(?:[A-Z][A-Za-z]*[A-Z0-9]{_CH}*|[A-Z][A-Za-z]*-{_CH}+|[a-z]+[A-Z]{_CH}*)"
# An ordinary capitalised word: "Taskonomy", "Amazon"; not "AB" (too short) or "amazon".
TITLE = r"[A-Z][a-z]{2,}"
# A word that may continue a name: "2018", "v0.02", "Commands"; not "and".
_MORE = rf"(?:{STRONG}|{TITLE}|\d+(?:\.\d+)?\b|v\d+(?:\.\d+)*)"
# A name led by a name-shaped word: "Google Speech Commands v0.02" is not one, "GSC v2" is.
NAME = rf"{STRONG}(?:\s{_MORE}){{0,2}}"
# A name that may be plain capitalised words, only where a cue says it is a name.
TITLED = rf"(?:{STRONG}|{TITLE})(?:\s{_MORE}){{0,3}}"
# "(SHD)", "(GSC)": an abbreviation right after a name; not "(see below)".
ABBR = r"\([A-Za-z][\w\-]{1,10}\)"
SEP = r"(?:,\s(?:and\s|or\s)?|\s(?:and|or|&)\s)"
# Verbs of findings, which may follow the names experiments were on: "CALVIN show that".
FINDINGS = (r"(?:show|shows|showed|demonstrate|demonstrates|demonstrated|reveal|reveals|confirm|"
            r"confirms|indicate|indicates|verify|verifies|suggest|suggests|highlight|highlights|"
            r"prove|proves|validate|validates)")
SEP_ENDS = (", ", " and ", " or ", " & ", " the ")  # how text before a SEP (and "the") ends

# What the one pass over a text (the lexicon's automaton) also reports, besides lexicon forms:
# where cue words start (CUE_AT then reads the word: "dataset" finds "datasets"); the
# lower-case "challenge" is no cue ("remains a challenge"), "the LiTS 2017 Challenge" is.
CUE_KEYS = ("dataset", "data set", "database", "benchmark", "corpus", "corpora", "Dataset",
            "Data set", "Data Set", "DataSet", "Database", "Benchmark", "Corpus", "Corpora",
            "Challenge", "Suite", "Treebank", "Collection")
# Where a score may be "on" or "for" a name (ON_NAME reads it): " on A", " for the Z"; a
# capital after, as most names a score is on have (few hits, so few reads).
SCORE_KEYS = tuple(f" {word} {the}{capital}" for word in ("on", "for") for the in ("", "the ")
                   for capital in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Where a cue word may be glued into a name: "MMBench", "SWE-bench", "DrBenchmark" (with the
# capitalised CUE_KEYS preceded by a letter or digit: "FooDataset"); GLUED_NAME reads the word.
GLUED_KEYS = ("Bench", "-bench")
# A name a cue word closes, read from the word's start: "MMBench", "T2I-CompBench", "SWE-bench",
# "RTV-Bench", "PIE-Bench++", "DrBenchmark", "VideoCorpus-2"; not "low-data-datasets" (no
# capital, checked apart) or "Benchmarking" (the cue word goes on).
GLUED_NAME = re.compile(r"[\w+.\-]*?(?:Bench|-bench|Benchmark|Dataset|Corpus|Suite)"
                        r"(?:-?\d+[A-Za-z]?|-[A-Z][\w.]*)?\+*(?![\w\-])")
# Where shorthand may be: "/1", ",1" (SHORTHAND reads it); not ", 1".
SHORTHAND_KEYS = tuple(f"{sep}{digit}" for sep in "/," for digit in "0123456789")
# The cue word at a found position, read to its end: "datasets", "benchmark"; not "benchmarking".
CUE_AT = re.compile(r"(?:data\s?sets?|benchmarks?|corpus|corpora|challenges?|suites?|"
                    r"treebanks?|databases?)\b", re.IGNORECASE)
# Names right before a cue: "the CIFAR-10, CIFAR-100 and SVHN " before "datasets", "Amazon "
# before "datasets", "Google Speech Commands v0.02 (GSC) " before "benchmarks".
LIST_BEFORE = re.compile(rf"(?<![\w'\-.])((?:{TITLED})(?:{SEP}(?:the\s)?(?:{TITLED}))*)"
                         rf"(?:\s{ABBR})?\s$")
# Read in a reversed window, the nearest thing before a cue that no list of names (LIST_BEFORE,
# COORD_BEFORE, CAPITAL_CUE_BEFORE, VARIANT_BEFORE) can hold: a character names never have
# (";", "/"), a "." before no letter, a lower-case word other than "and", "or", "the". Those
# searches need not start before it. Matches "no" in " CIFAR-10 no" (" on" reversed);
# not "eht" ("the") or "01-RAFIC".
NO_NAME_REVERSED = re.compile(r"[^\w\s'+\-.,&()]|(?<=\W)\.|"
                              r"(?<![^\s,])(?!(?:dna|ro|eht)(?:\s|$))[a-z]+(?=\s|$)")
# A name, then one or two lower-case words, before a cue: "the COCO detection " before
# "benchmark"; not "Bayesian optimization " (not name-shaped).
MODIFIED_BEFORE = re.compile(
    rf"(?<![\w'\-.])({STRONG})\s(?:(?!(?:a|an|the|is|are|was|were|be|remains?|of|on|in|for|to|"
    rf"and|or|with|as|by|from|that|this|which|its|their|our|across|over|under|within|via|"
    rf"through|using|into|among|between|against|per|vs)\s)[a-z][\w\-]*\s){{1,2}}$")
# Words before one name that make it a kind of data: "a", "a hyperspectral", "a large-scale
# synthetic" (before "QA benchmark", "SID dataset"); "Chain of" (a name cut short); not "the".
KIND_BEFORE = re.compile(r"(?:.*\b(?:a|an)(?:\s[a-z\d][\w,\-]*){0,2}|.*\bof)$", re.IGNORECASE)
# "a " or "an " right before a name: "a QA benchmark", "a Multi-Cam Video Dataset" are kinds.
INDEFINITE = re.compile(r"\b(?:a|an)\s$", re.IGNORECASE)
# An article or "new" shortly before a cue, which lets "dataset, X" name it: "a newly collected ".
INTRO_NEAR = re.compile(r"\b(?:a|an|new|newly|novel)\b")
# Capitalised words before a capitalised cue, which joins the name: "Berkeley DeepDrive " before
# "Dataset", "WAD 2018 " before "Challenge"; not "the " before "Dataset".
CAPITAL_CUE_BEFORE = re.compile(rf"(?<![\w'\-.])((?:{TITLED})\s)$")
# One name of a list, a capitalised cue word kept: "Spiking Heidelberg Dataset", "SVHN".
ITEM = re.compile(rf"(?:{TITLED})(?:\s(?:Data\s?[Ss]ets?|Benchmarks?|Corpus|Challenge))?")
# A word whose capital says nothing at a sentence start or in a title: "Taskonomy",
# "Fine-Grained", "Self-Contained"; not "HOI-Edit" or "CelebA".
PLAIN_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*$")
# "NAME, a new " / "NAME, a large-scale, curated " / "NAME (Its Long Form), the first " before
# a cue word: the name is what the cue word describes; not "the " alone before it, nor "X, a
# challenge unmet by existing " (a phrase between).
INTRODUCED_BEFORE = re.compile(
    rf"(?<![\w'\-.])({NAME})(?:\s\([^()]{{1,80}}\))?,\s(?:a|an|the\sfirst)\s"
    r"(?:(?!(?:by|of|for|with|from|that|which|to|on|in|and|or|than)\s)[\w\-]+,?\s){0,5}$")
# After a cue: "such as MNIST, SVHN and STL-10", ": the Spiking Heidelberg Dataset (SHD), ...",
# " (including KHATT (Arabic), IAM (English)", " (LEVIR-CD, S2Looking, and CLCD)", after a plural
# cue ", EgoPER and CaptainCook4D," (a bare comma: checked by the caller); not "such as ours".
LIST_AFTER = re.compile(
    rf"(?:\s\([^(),]*\))?(?:,?\s\(?(?:such\sas|including|like|namely|e\.g\.,?|i\.e\.,?)\s|:\s"
    rf"|\s\((?=[^()]*,)|,\s)(?:the\s)?"
    rf"((?:{TITLED})(?:\s{ABBR})?(?:{SEP}(?:the\s)?(?:its\s[\w\-]+\s[\w\-]+\s)?(?:{TITLED})"
    rf"(?:\s{ABBR})?)*)")
# A list after a cue (and its abbreviation) set off by a comma alone: ", EgoPER and",
# " (SHD), the"; not ", such as", ", e.g." or ": the".
BARE_COMMA = re.compile(r"(?:\s\([^(),]*\))?,\s(?!such\sas|including|like|namely|e\.g\.|i\.e\.)")
# How a list after a cue starts (a cheap test before LIST_AFTER): " such as", ": ", " (", ", ".
LIST_OPENERS = (" such as", ", such as", " including", ", including", " like", " namely",
                ", namely", " e.g.", ", e.g.", " i.e.", ", i.e.", ":", " (", ", ")
# After a cue, a name: "dataset DFN-2B", "a new dataset, called Foo-1M"; not "dataset size".
NAMED_AFTER = re.compile(rf"(,?)\s(?:(?:called|named|dubbed|termed)\s)?({NAME})(?![\w\-])")
# A score, one of the few words before "on X" / "for X": "59.7" in "59.7 mIoU on ", "74.5%";
# not "v1.5" or "(12".
SCORE_WORD = re.compile(r"\d+(?:\.\d+)?(?:\\?%)?$")
# What may follow a name a score is "on": an end of clause or a small word; matches "." or
# " and", must not match " backbones" ("2% on ResNet-50 backbones" names a model).
SCORE_NAME_END = re.compile(r"[.,;:)]|$|\s(?:\(|and|or|with|under|using|at|in|for|while|when|"
                            r"compared|than|after|before|without|across|respectively|vs)\b")
# A size or variant suffix of a model name: "-50" of "ResNet-50", "-7B", "-L"; not "-Bench".
SIZE_SUFFIX = re.compile(r"[-\s](?:\d+(?:\.\d+)?[A-Za-z]?|[SBLHT]|Base|Large|Small|Tiny|mini|"
                         r"[a-z]?\d+[a-z]?-mini)$")
# A version mark closing a name: "v5" of "YOLOv5", " v2" of "GSC v2"; not "MNIST" or "v" alone.
VERSION_SUFFIX = re.compile(r"\s?v\d+(?:\.\d+)*$")
DIGIT = re.compile(r"\d")
# Small words that are no metric: "35% of cases for GPT-4o-mini".
SMALL = frozenset("of in on the a an for to and or at by with from than".split())  # noqa: SIM905
# A bare acronym: "PZ", "ABR"; not "NuImages" or "COCO-20".
ACRONYM = re.compile(r"[A-Z]{2,5}$")
ON_NAME = re.compile(rf" (on|for) (?:the )?({NAME})(?![\w\-])")
# An evaluation said to be "on" what follows, read before " on X": "Extensive experiments ",
# "results ", "We evaluate our method ", "experiments are conducted ", "new zero-shot SOTA ";
# not "we build " or "experiments, we rely " (a clause break).
EVALUATED_BEFORE = re.compile(
    r"\b(?:experiments?|evaluations?|evaluate[sd]?|evaluating|results|tested|tests|validated|"
    r"validate|validation|benchmarked|assessed|studies|SOTA|state-of-the-art|state\sof\sthe\sart)"
    r"(?:\s(?:are\s|were\s|is\s|was\s)?"
    r"(?:conducted|performed|carried\sout|done))?(?:\s(?!on\b)[\w\-]+){0,3}$", re.IGNORECASE)
# What may follow a name an evaluation is on: an end of clause, a list, a cue word, or a verb
# of the findings: "." or " show"; not " backbones" or " models" (models are evaluated too).
EVALUATED_NAME_END = re.compile(
    rf"[.,;:)]|$|\s(?:\(|and|or|&|datasets?|benchmarks?|corpora|corpus|{FINDINGS})\b")
# A sentence opened by what its results are on: "On LIBERO, Mix-QVLA reduces", "Across
# Office-31, Office-Home, and VisDA-2017, it improves" (the rest by coordination); not "On the
# other hand," (not name-shaped) or "Once" (not the word).
SENTENCE_ON = re.compile(rf"\b(?:On|Across)\s(?:the\s)?({NAME}),\s")
# A model's parameter count closing a name: "Llama-3.1-70B", "R1-Distill-Llama-70B", "Dense
# 1.5B"; not "LAION-5B" (its only number: a dataset's size) or "ImageNet-1K".
PARAMETER_COUNT = re.compile(r"(?:\d.*[-\s]|\s)\d+(?:\.\d+)?B$")
# Words one of which a title naming its dataset has (a cheap test before TITLE_NAME).
TITLE_CUES = ("data", "benchmark", "corp", "suite", "treebank")
# A title naming its dataset: "FooBench: A Benchmark for ..."; not "FooNet: Fast Detection".
TITLE_NAME = re.compile(rf"^({NAME})(?::|\s-)\s")
# One or two capitalised words right before a known name, making a variant of it: "Rotated "
# before "MNIST", "Spiking Speech " before "Commands"; not "on " or "the ".
VARIANT_BEFORE = re.compile(rf"(?<![\w'\-.])((?:{TITLE}|{STRONG})(?:\s{TITLE})?)\s$")
# Coordination with a found dataset, to the right: ", and Taskonomy." / " and COCO datasets";
# " and CALVIN show" (findings); not " and ResNet-50 achieves" (another verb).
COORD_AFTER = re.compile(rf"{SEP}(?:the\s)?({TITLED})(?=[.,;:)]|\s(?:and|or|&)\s|\s\(|"
                         rf"\s(?:data\s?sets?|benchmarks?|respectively|{FINDINGS})\b|$)")
COORD_BEFORE = re.compile(rf"(?<![\w'\-.])({TITLED}){SEP}(?:the\s)?$")
# "CIFAR-10/100" -> CIFAR-10, CIFAR-100; "ImageNet-1K/22K"; "CIFAR-10,100"; not "10/100
# epochs", "CIFAR-10, 16.39%" or "ResNet-18/50" (a method, checked apart).
SHORTHAND = re.compile(r"\b([A-Z][A-Za-z]*-?)(\d+[KkMB]?)(?:/|,)(\d+[KkMB]?)\b"
                       r"(?![.,]\d|\s?%|\s?(?:epochs|ms|steps)\b)")
# Split and version suffixes glued to a known name: " test-dev", "-1K", " val2017", " v2".
# Not " dev-other" (LibriSpeech's own split names) or " test split" (the word, not a name).
SPLIT = re.compile(r"(?:[\s-]test-(?:dev|std)|[\s-](?:test|val|dev|train)(?:\d{4})?"
                   r"(?!\s(?:splits?|sets?|data)\b)|-\d+[KkMB]?|\s?v\d+(?:\.\d+)?)(?![\w-])")
# Introduced by the paper, read before the name: "we also release a new 2 billion example
# dataset ", "we introduce ", "we first introduce ", "we construct a new ", "a newly collected
# dataset, ", "our best performing dataset ";
# not "we evaluate on " or "we introduce a loss and evaluate it on ".
PROPOSE_BEFORE = re.compile(
    r"(?:\b(?:we|this\spaper|this\swork)\s(?:(?:also|further|then|first|now|\w+ly)\s)?"
    r"(?:introduce|present|release|propose|construct|build|create|curate|collect|contribute|"
    r"develop|design|establish)[sd]?\s(?:(?:a|an|the|our)\s(?:(?:new|novel)\s)?)?"
    r"(?:(?:[\w\-]+\s){0,6}?(?:data\s?sets?|benchmarks?|corpus|"
    r"suite)(?:,|\s(?:called|named|dubbed|termed))?\s)?"
    r"|\b(?:a|an)\s(?:new|newly\s\w+|novel)\s(?:[\w\-]+\s){0,5}?(?:data\s?set|benchmark|corpus|"
    r"suite),?\s(?:(?:called|named|dubbed|termed)\s)?"
    r"|\bour\s(?:[\w\-]+\s){0,3}?(?:data\s?set|benchmark|corpus),?\s)$", re.IGNORECASE)
# Words one of which PROPOSE_BEFORE needs: a cheap test before the search.
PROPOSE_HINTS = ("we ", "this ", "new", "novel", "our ")
# Introduced, read after the name: ", a new benchmark", " (ours), the first dataset",
# " (Its Long Form), a novel corpus";
# not ", a widely used dataset".
PROPOSE_AFTER = re.compile(r"(?:\s\([^()]{1,80}\))?,?\s(?:a|an|the\sfirst)\s(?:new|novel|first)\b",
                           re.IGNORECASE)

# Capitalised words that start a span but never a dataset name; dropped from a name's front.
STOP = frozenset("""We Our This The These Those In On For To A An It Its Results Code Table Fig
    Figure Section Appendix Experiments Experimental Extensive All Both Each Such Unlike Compared
    However Moreover Furthermore Finally Specifically Using With By From As At And Or Existing
    Previous Prior Popular Standard Public Several Various Multiple Many Most Other Recent Large
    New Novel Real Synthetic Comprehensive Evaluation Evaluations Additionally Also Then When While
    Here Through Across Over Under Based Further Notably Empirical Two Three Four Five
    """.split())  # noqa: SIM905
# Words before a plural cue that make it a category, not a name: "various public MTL datasets".
QUANTIFIERS = frozenset("""various several many multiple public publicly popular standard
    different other existing numerous some these those all few two three four five six seven
    eight nine ten real-world diverse benchmark large small""".split())  # noqa: SIM905
# Acronyms of hardware and units that cues would otherwise take: "2x faster on GPU".
HARDWARE = frozenset(
    "GPU GPUs CPU CPUs TPU TPUs NPU FPGA ASIC MCU RAM GB MB TB FPS API SOTA".split())  # noqa: SIM905
LANGUAGES = frozenset("""English German French Chinese Spanish Japanese Korean Arabic Russian
    Hindi Portuguese Italian Dutch Turkish Vietnamese Romanian Czech Finnish Polish Persian Hebrew
    Urdu Bengali Swahili Greek Thai Indonesian Ukrainian Swedish Danish Norwegian""".split())  # noqa: SIM905
# Acronyms of fields and tasks, which name a kind of data before a cue ("an OCR dataset").
FIELD_ACRONYMS = frozenset("""QA VQA OCR NLU NLP NLI NER ASR TTS MT HOI RE POS SLAM MRC ReID
    VLM VLMs LLM LLMs RL CV ML AI KG KGQA ODQA MTL""".split())  # noqa: SIM905
# A direction or language pair: "English-to-German", "Text-to-SQL", "En-De"; not "Fashion-MNIST".
LANGUAGE_PAIR = re.compile(r"^[\w.]+-to-[\w.]+$|^[A-Z][a-z]-[A-Z][a-z]$")
# An ordinary hyphenated word or a modifier: "Large-scale", "Real-world", "ImageNet-pretrained",
# "CNN-based"; not "Fashion-MNIST" or "ogbn-arxiv" (a lexicon form, never guarded).
MODIFIER = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)+$|-(?:based|pretrained|pre-trained|trained|"
                      r"style|like|level|scale|wise|specific|only|free|aware|driven|guided|"
                      r"supervised|augmented|generated|related|shot|class|modal|[a-z]+ing)$")
# A user-list form that may be an ordinary word or another acronym: "SPOT", "SVD", "Yelp",
# "arXiv"; such forms (and letter-digit codes such as "M4") count only where a cue names them.
WEAK_FORM = re.compile(r"^(?:[A-Z]{2,5}|[A-Z][a-z]+|[a-z]{1,4}[A-Z][a-z]+|.{1,3})$")
