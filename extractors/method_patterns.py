"""The patterns and word lists of :mod:`extractors.methods`, its word scan and its cue index.

Every pattern is a named constant with a comment showing one string it matches and one it must
not (tests/test_methods.py holds them in a table). The context cues that read the text before a
name come with the words their matches start with (:data:`CUE_KEYS`), so the extractor tries a
cue only where one of those words is (:class:`CueWords`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from operator import methodcaller

import ahocorasick_rs

from extractors.shapes import normalise

# A word with a capital or a digit: the only words worth a shape test. Matches "HieraEdgeNet",
# "YOLOv4"; must not match "network".
CANDIDATE_WORD = re.compile(
    r"(?<![\w\-+/])[A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*(?:(?:[-.'’]|/(?=\d))[A-Za-z0-9]+)*"
    r"(?:\+\+|\+(?![\w]))?"
)

# What ends a CANDIDATE_WORD: no letter or digit next, no part it would join ("-50", ".5", "/16")
# and no "+" it would keep. Matches after "The" in "The model"; must not match after "ResNet" in
# "ResNet-50".
WORD_END = r"(?![A-Za-z0-9]|[-.'’][A-Za-z0-9]|/\d|\+(?:\+|(?!\w)))"

# Where a CANDIDATE_WORD worth a shape test starts, found fast: the pattern opens with a character
# class, so re skips in C to the next capital or digit instead of trying CANDIDATE_WORD's
# look-behind at every position. The first branch is a whole word that starts with a capital or
# a digit, unless it is plain: a capital and lower-case letters ("The") or only digits ("2024"),
# which have no name shape and hold no other word. The second branch is a capital or digit
# right after a lower-case letter, where a word such as "iPhone" may start further back.
# Matches "ResNet" and the "P" of "iPhone"; must not match "The", "2024", the "N" of "ResNet"
# or anything in "network".
WORD_START = re.compile(
    r"[A-Z0-9](?:(?<![\w\-+/][A-Z0-9])"
    rf"(?!(?<=[A-Z])[a-z]*{WORD_END}|(?<=\d)\d*{WORD_END})"
    r"(?P<word>[A-Za-z0-9]*(?:(?:[-.'’]|/(?=\d))[A-Za-z0-9]+)*(?:\+\+|\+(?![\w]))?)"
    r"|(?<=[a-z][A-Z0-9]))"
)

# An ASCII text's character classes, one byte per character: every capital becomes "A" and
# every digit "0"; the rest stays. The patterns below read only these classes, so they match
# the classes of a text where WORD_START matches the text, but start with one literal byte,
# which re finds far faster than a character class such as [A-Z0-9] (a tight loop instead of a
# class test per character): candidate_words is a third faster this way.
ASCII_CLASSES = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", b"A" * 26 + b"0" * 10)
# WORD_END and the rest of a word over classes ("’" is not ASCII, so it is left out)
_END_B = rb"(?![Aa-z0]|[-.'][Aa-z0]|/0|\+(?:\+|(?!\w)))"
_REST_B = rb"(?P<word>[Aa-z0]*(?:(?:[-.']|/(?=0))[Aa-z0]+)*(?:\+\+|\+(?!\w))?)"

# WORD_START at a capital, over classes: matches "aaa AaaAaa" (the ResNet) and "aaa aAaaaa"
# (the iPhone); must not match "Aaa aaaaaaa" (The network).
CAPITAL_START = re.compile(
    rb"A(?:(?<![\w\-+/]A)(?![a-z]*" + _END_B + rb")" + _REST_B + rb"|(?<=[a-z]A))"
)

# WORD_START at a digit, over classes: matches "a 0A aaaa" (a 3D scan) and "00.0" (12.5); must
# not match "aa 0000," (in 2024,).
DIGIT_START = re.compile(rb"0(?:(?<![\w\-+/]0)(?!0*" + _END_B + rb")" + _REST_B + rb"|(?<=[a-z]0))")

# A variant after a lexicon name: "-50", "v4", "-B/16", "++", "-Large"; matches "-50" of
# "ResNet-50"; must not match "-based" of "BERT-based".
VARIANT = re.compile(
    r"(?:-?(?:[vV]?\d+(?:\.\d+)?[a-z]?|[A-Z]{1,2}(?:/\d+)?)(?![\w])|\+\+|"
    r"-(?:Base|Large|Small|Tiny|Huge|XL|XXL|Mini|Nano|Instruct|Chat))+(?![\w-])"
)

# A trailing affix that is not part of a name: "-based", "-like", "'s"; matches "-based" of
# "DNN-based"; must not match "-Net".
AFFIX = re.compile(r"(?:-(?:based|like|style|type|driven|guided|inspired|aware|only|free)|['’]s)$")

# "we propose", "this paper introduces": matches "In this work, we propose"; must not match
# "previous works proposed" (no "we"/"this paper").
PROPOSE_CUE = re.compile(
    r"\b(?:we|this (?:paper|work|study|article|letter)|here|our (?:paper|work))\b[^.;]{0,40}?\b"
    r"(?:propose|proposes|(?<!the )(?<!our )proposed|introduce|introduces|introduced|"
    r"present|presents|presented|"
    r"develop|develops|developed|design|designs|designed|devise|devises|devised|build|builds|"
    r"construct|constructs|formulate|formulates|establish|establishes|put forward|contribute|"
    r"term|name|call|dub|coin)\b"
    # a second verb of the paper's own sentence: "we take a further step ... and propose X"
    r"|\band\s+(?:then\s+)?(?:propose|proposes|introduce|introduces|present|presents)\b",
    re.IGNORECASE,
)

# A name a propose cue introduces, with an appositive saying it is a method, read right after
# the cue's verb: matches "Maestro, a framework for" and "Crossway Diffusion, a simple yet
# effective method"; must not match "a new framework, a ..." (no capital) or "Maestro, which".
INTRODUCED_NAME = re.compile(
    r"(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*(?:\([^()]{1,60}\)\s*)?,\s*"
    r"(?:a|an)\s+(?:[\w-]+\s+){0,5}?(?:framework|method|approach|model|architecture|algorithm|"
    r"network|system|technique|module|pipeline|strategy|mechanism|paradigm|scheme|agent|"
    r"procedure|optimizer|library|toolkit)s?\b"
)
# The verbs of that cue, as found in the text's lower case, and its subject right before the
# verb: matches "we ", "In this work, we further " and "... and " before "propose"; must not match
# "Prior work " (another's proposal).
INTRODUCING_VERBS = ("propose ", "present ", "introduce ")
INTRODUCING_SUBJECT = re.compile(
    r"\b(?:we|here|this (?:paper|work|study)|and)\s+(?:\w+\s+)?$", re.IGNORECASE
)

# A naming cue right before the name: matches "a framework named ", "a method called the ",
# "our proposed network, ", "The resulting approach, "; must not match "name of" or
# "our experiments, ".
NAMING_CUE = re.compile(
    r"(?:(?:\bnamed|\bcalled|\bdubbed|\btermed|\bcoined)(?:\s+the)?|\bdenoted(?: as| by)?|"
    r"\breferred to as|\bnamely|\bentitled|\bour|\bthe proposed|\bthe new|"
    # "our proposed network and procedure, X", "the resulting approach, X": the paper's own
    # thing, then its name
    r"\b(?:our|the resulting)\s+(?:proposed\s+|new\s+|novel\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:network|model|method|approach|framework|architecture|algorithm|system|procedure)"
    r"(?:\s+and\s+[\w-]+)?(?=\s*,)|"
    # "Its core module, the X": a part the paper introduces, named
    r"\b(?:core|key|main|central)\s+(?:module|component)s?(?:\s*,\s*the|\s+is\s+the))"
    r"\s*[,:]?\s*[\"“'`‘]*(?:\\[a-z]+\{)*$",  # and LaTeX markup: "termed \textbf{\emph{"
    re.IGNORECASE,
)

# An appositive introduction right after the name: matches ", a novel framework"; must not match
# ", a widely used".
APPOSITIVE_NEW = re.compile(
    r"^[\"”'’`]*\s*(?:\([^()]{1,60}\)\s*)?(?:,|--|—|–|:|\bis)\s*(?:a|an|the first)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:novel|new|simple|unified|general|generic|lightweight|efficient|"
    r"scalable|first|principled|plug-and-play|effective|flexible|powerful)\b",
    re.IGNORECASE,
)

# The first character after the leading quotes and white space of an APPOSITIVE_NEW match, and
# after the white space of a PASSIVE_PROPOSED one ("İ" and "ı" match "i" case-insensitively);
# "" (nothing after the name) is in every string, so an empty rest is tried.
QUOTES = "\"”'’`"
APPOSITIVE_FIRST = "(,-—–:iIİı"
PASSIVE_FIRST = "(,iIaAwWhHİı"

# "(ours)" or "our" marker after a name: matches " (ours)"; must not match " (2019)".
OURS_AFTER = re.compile(r"^\s*\((?:ours|proposed)\)", re.IGNORECASE)

# "X is proposed" after a name (and its definition or an appositive): matches " (SAN) is
# proposed", ", an inference-time routing mechanism that exploits it, is introduced"; must not
# match " is used", ", a baseline, is used", " has been proposed as" or " was recently proposed"
# (someone else's work; " has been proposed in this study" is the paper's).
_MADE = "(?:proposed|introduced|presented|developed|designed|devised)"
PASSIVE_PROPOSED = re.compile(
    r"^\s*(?:\([^()]{1,60}\)\s*)?(?:,\s*(?:a|an)\s[^.;()]{1,100}?,\s*)?"
    r"(?:(?:is|are|was|were)\s+(?!(?:recently|previously|originally|initially)\b)(?:\w+ly\s+)?"
    rf"{_MADE}\b|(?:has|have)\s+been\s+{_MADE}\s+(?:in|by)\s+(?:this|our)\b)",
    re.IGNORECASE,
)

# A module noun after a defined name ("the Synergistic Edge Fusion (SEF) module"), marking a part
# the paper introduces: matches " module"; must not match " model of".
MODULE_AFTER = re.compile(
    r"^\)?\s*(?:module|block|unit|layer|component|branch|mechanism)s?\b", re.IGNORECASE
)

# Cues that the name exists already: matches "the recently proposed "; must not match "we propose".
EXISTING_CUE = re.compile(
    r"\b(?:recently|previously|originally|widely|commonly|popular|existing|prior|classic|"
    r"standard|well-known|conventional|vanilla|original)\s+(?:used\s+|adopted\s+|proposed\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)

# "we propose X" with nothing between: matches "we present "; must not match "we use ".
DIRECT_PROPOSE = re.compile(r"\bwe\s+(?:propose|present|introduce)\s+(?:the\s+)?$", re.I)

# Comparison cues before a name: matches "outperforms ", "compared with "; must not match "we use".
BASELINE_CUE = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat\w*|compared? (?:with|to|against)|comparison (?:with|to)|"
    r"than|over|versus|vs\.?|baselines?(?: such as| including)?|unlike|competitors?|"
    r"state-of-the-art methods?(?: such as| like| including)?)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)

# Use cues before a name: matches "based on ", "built upon the "; must not match "compared to".
COMPONENT_CUE = re.compile(
    r"\b(?:based on|built (?:on|upon)|on top of|using|uses?|adopt\w*|leverag\w*|employ\w*|"
    r"utili[sz]\w*|extends?|extending|integrat\w*|incorporat\w*|with|initiali[sz]ed (?:from|with)|"
    r"fine-tun\w*)\s+(?:a|an|the|pre-?trained)?\s*$",
    re.IGNORECASE,
)

# A backbone-like noun right after a name: matches " backbone"; must not match " background".
COMPONENT_AFTER = re.compile(r"^[-\s](?:backbones?|encoders?|decoders?|features)\b", re.IGNORECASE)

# A method noun right after an acronym makes it a method: matches " architecture"; must not match
# " dataset".
METHOD_NOUN_AFTER = re.compile(  # used with .match(text, pos)
    r"[-\s](?:models?|architectures?|networks?|algorithms?|frameworks?|backbones?|optimi[sz]ers?|"
    r"detectors?|classifiers?|baselines?|variants?|family|encoders?)\b",
    re.IGNORECASE,
)

# Words after a name that make it data, not a method: matches " dataset", "-Bench"; must not match
# " data augmentation".
# An appositive calling a name a measure or data: matches ", a task-adaptive metric",
# " (Long Form), the first benchmark", ", a large-scale, curated dataset"; must not match ", a
# benchmark-driven method" or ", a detector".
KIND_APPOSITIVE = re.compile(  # used with .match(text, pos)
    r"(?:\s\([^()]{1,80}\))?,\s(?:a|an|the\sfirst)\s(?:[\w\-]+,?\s){0,4}?"
    r"(?:metric|measure|score|data\s?set|benchmark|corpus|suite|leaderboard)s?(?![\w-])",
    re.IGNORECASE,
)

DATA_AFTER = re.compile(  # used with .match(text, pos), which anchors at pos
    r"\)?[-\s](?:data ?sets?|benchmarks?|corpus|corpora|challenge|database|leaderboard|suite|"
    r"splits?|test set|validation set|training set|images|videos|library|toolkit|toolbox|"
    r"package|platform|API|scores?|metrics?|measures?|distance|index|"
    r"(?:[\w-]+\s)?(?:tasks?|problems?|settings?))\b",
    re.IGNORECASE,
)

# Words every match of a context cue starts with (in lower case), so a cue is tried on a window
# only where one of them starts (:class:`CueWords`); most windows hold none. PROPOSE_CUE keeps
# its verbs, which its matches hold but do not start with: its subjects ("we", "here") are in too
# many words; it is tried on the whole window when one of them is there.
CUE_KEYS: dict[re.Pattern[str], tuple[str, ...]] = {
    EXISTING_CUE: (
        "recently",
        "previously",
        "original",
        "widely",
        "commonly",
        "popular",
        "existing",
        "prior",
        "classic",
        "standard",
        "well-known",
        "conventional",
        "vanilla",
    ),
    NAMING_CUE: (
        "named",
        "called",
        "dubbed",
        "termed",
        "coined",
        "denoted",
        "referred to as",
        "namely",
        "entitled",
        "our",
        "the proposed",
        "the new",
        "the resulting",
        "core",
        "key",
        "main",
        "central",
    ),
    PROPOSE_CUE: (
        "propose",
        "introduce",
        "present",
        "develop",
        "design",
        "devise",
        "build",
        "construct",
        "formulate",
        "establish",
        "put forward",
        "contribute",
        "term",
        "name",
        "call",
        "dub",
        "coin",
    ),
    BASELINE_CUE: (
        "outperform",
        "surpass",
        "beat",
        "compare",
        "comparison",
        "than",
        "over",
        "versus",
        "vs",
        "baseline",
        "unlike",
        "competitor",
        "state-of-the-art",
    ),
    COMPONENT_CUE: (
        "based on",
        "built ",
        "on top of",
        "using",
        "use",
        "adopt",
        "leverag",
        "employ",
        "utili",
        "extend",
        "integrat",
        "incorporat",
        "with",
        "initiali",
        "fine-tun",
    ),
}

# What separates the words of a long form: matches " " and "-"; must not match "_".
LONG_FORM_WORDS = re.compile(r"[\s\-]+")

# The head noun of a long form that names a method: matches "Hierarchical Edge Module"; must not
# match "magnetic resonance imaging".
# The plural head of a family's lower-case name: "large vision-language models", "graph neural
# networks"; not "graph neural network" (one, which may be a paper's own).
FAMILY_END = re.compile(r"\b(?:models|networks|nets|algorithms|methods|systems|machines|"
                        r"transformers|agents)$")
METHOD_HEAD = re.compile(
    r"(?:net|nets|network|networks|model|models|module|modules|block|blocks|layer|layers|unit|"
    r"units|mechanism|attention|transformer|transformers|former|encoder|decoder|autoencoder|"
    r"algorithm|method|approach|framework|architecture|system|search|learning|training|"
    r"optimi[sz]ation|optimi[sz]er|loss|regulari[sz]ation|strategy|scheme|pipeline|procedure|"
    r"technique|machine|memory|fusion|aggregation|embeddings?|estimator|sampler|sampling|"
    r"classifier|detector|tracker|filtering|compression|distillation|pruning|quantization|"
    r"adapters?|adaptation|tuning|decomposition|transform|policy|agent|solver|head|convolutions?|"
    r"pooling|normali[sz]ation|gate|kernel|operator|generator|discriminator|mapping|propagation|"
    r"selection|routing|parametri[sz]ations?|diffusion|inference|completion|traversal|"
    r"generation|translation|fine-tuning|descent|gradient|mixer|perceptron|machine)$",
    re.IGNORECASE,
)

# A long form naming a part of the paper's method: matches "Hierarchical Edge Module"; must not
# A long form naming a measure the paper defines, not a method: matches "Context Divergence
# Score", "Evidence-Grounded F1"; must not match "Focal Loss" or "Score Distillation Sampling".
MEASURE_FORM = re.compile(
    r"\b(?:score|metric|index|measure|ratio|rate|distance|error|accuracy|coefficient|F1)s?$",
    re.IGNORECASE,
)

# match "Graph Neural Network".
MODULE_HEAD = re.compile(r"\b(?:module|block|layer|mechanism)s?$", re.IGNORECASE)

# Title "X: rest" naming the paper's system: matches "DiffGraph: Heterogeneous ..."; must not
# match "Why do models fail? An analysis" (no colon).
TITLE_NAME = re.compile(r"^\s*([^:?!]{1,60}?)\s*[:：]\s+\S")

# A title whose rest announces data or a survey, not a system: matches "A Benchmark for ...";
# must not match "A Framework for ...".
TITLE_NOT_SYSTEM = re.compile(r"\b(?:dataset|benchmark|corpus|survey|review|tutorial)\b", re.I)

# Generic title prefixes that are not names: matches "Revisiting"; must not match "Maestro".
TITLE_GENERIC = re.compile(
    r"^(?:revisiting|rethinking|towards?|beyond|understanding|on|why|how|what|when|introducing|"
    r"position|survey|review|tutorial|overview|perspective|commentary|benchmarking|"
    r"case study|note|erratum|technical report|appendix)\b",
    re.IGNORECASE,
)

# Names that look coined but are libraries, hardware, organisations, venues, formats or measures.
NOT_METHODS = frozenset(
    normalise(w)
    for w in """PyTorch TensorFlow JAX Keras scikit-learn sklearn PaddlePaddle MXNet Caffe Theano
    HuggingFace Transformers-library CUDA cuDNN OpenCV ONNX TensorRT MATLAB NumPy SciPy pandas
    GitHub GitLab arXiv YouTube LaTeX OpenAI DeepMind NVIDIA Google Microsoft Meta Amazon IBM
    Intel AMD Apple Baidu Alibaba Tencent Huawei GPU GPUs CPU CPUs TPU TPUs FPGA FPGAs ASIC ASICs
    A100 V100 H100 RTX GTX Jetson IoT iOS macOS NeurIPS ICML ICLR CVPR ICCV ECCV AAAI IJCAI KDD
    ACL EMNLP NAACL WWW SIGIR IEEE ACM FP16 FP32 FP8 BF16 INT8 INT4 INT2 COVID-19 SARS-CoV-2
    mAP AP AP50 AP75 mIoU IoU FLOPs GFLOPs TFLOPs MACs PSNR SSIM LPIPS FID BLEU ROUGE METEOR
    CIDEr AUC AUROC ROC F1 MSE RMSE MAE-metric SOTA AI ML DL NLP CV API APIs SDK RGB RGB-D MRI
    CT PET fMRI EEG ECG LiDAR ReLU GELU SiLU softmax L1 L2 USA UK EU PhD DNA RNA IID OOD MCU MCUs
    DAG DAGs kNN KNN""".split()  # noqa: SIM905
)


# One bit per cue in CUE_KEYS, so that the cues whose words occur in a window are one int.
CUE_BIT = {cue: 1 << i for i, cue in enumerate(CUE_KEYS)}
EXISTING, NAMING, PROPOSE, BASELINE, COMPONENT = (
    CUE_BIT[c] for c in (EXISTING_CUE, NAMING_CUE, PROPOSE_CUE, BASELINE_CUE, COMPONENT_CUE)
)
ALL_CUES = sum(CUE_BIT.values())
CUE_WORDS = list(dict.fromkeys(key for keys in CUE_KEYS.values() for key in keys))
CUES_OF_WORD = [sum(CUE_BIT[c] for c in CUE_KEYS if w in CUE_KEYS[c]) for w in CUE_WORDS]


# The cue words, found in a window's lower case by one small automaton (a DFA of a few
# kilobytes, which stays in the CPU's caches); a window holds no cue word longer than this.
CUE_FINDER = ahocorasick_rs.AhoCorasick(CUE_WORDS, implementation=ahocorasick_rs.Implementation.DFA)
CUE_WORD_MAX = max(map(len, CUE_WORDS))


class CueWords:
    """Where the :data:`CUE_KEYS` words start in a window of one text, read in the text's lower
    case when the window is asked for: a cue pattern can match a window only if one of its words
    starts there. Case-insensitive patterns also match "ı", "ſ" and "İ" for "i", "s" and "i",
    which lower-casing does not give, so in a text with one of them every cue is tried."""

    def __init__(self, text: str) -> None:
        self.everywhere = not text.isascii() and any(c in text for c in "ıſİ")
        # one character per character: only "İ" lower-cases to two, and then every cue is tried
        self.low = text.lower()

    def between(self, begin: int, end: int) -> list[tuple[int, int]]:
        """``(start, cue bits)`` of the cue words starting in ``text[begin:end]`` (a few at most);
        one word of every cue at ``begin`` where every cue is tried."""
        if self.everywhere:
            return [(begin, ALL_CUES)]
        window = self.low[begin : end + CUE_WORD_MAX - 1]  # holds every word starting before end
        found = CUE_FINDER.find_matches_as_indexes(window, overlapping=True)
        return [(begin + start, CUES_OF_WORD[i]) for i, start, _ in found if begin + start < end]

    def search(
        self,
        words: Sequence[tuple[int, int]],
        bit: int,
        cue: re.Pattern[str],
        window: str,
        offset: int,
    ) -> bool:
        """``cue.search(window)`` for a window of the text starting at ``offset``, given the
        window's :meth:`between` words: tried only where one of the cue's words (``bit``)
        starts. (The bit is passed, not looked up: hashing a Pattern hashes its code.)"""
        if self.everywhere:
            return cue.search(window) is not None
        for start, cues in words:
            if cues & bit and start >= offset and cue.match(window, start - offset):
                return True
        return False


def candidate_words(text: str) -> Iterator[tuple[int, str]]:
    """``(start, word)`` of each :data:`CANDIDATE_WORD` match, as its ``finditer`` gives them,
    but for the plain words :data:`WORD_START` passes over ("The", "2024").

    An ASCII text is read through its :data:`ASCII_CLASSES`, its capitals and its digits apart
    (two scans, merged by position: a word one of them finds inside a word of the other is
    dropped below, as a word inside the word before is)."""
    if text.isascii():
        classes = text.encode("ascii").translate(ASCII_CLASSES)
        matches = [*CAPITAL_START.finditer(classes), *DIGIT_START.finditer(classes)]
        matches.sort(key=_START)
    else:
        matches = list(WORD_START.finditer(text))
    end = 0
    for match in matches:
        start = match.start()
        if match.lastindex:  # a word starting with a capital or digit
            word = text[start : match.end()]
        else:  # a capital after lower-case letters: the word may start where they start
            while start and "a" <= text[start - 1] <= "z":
                start -= 1
            whole = CANDIDATE_WORD.match(text, start)
            if whole is None:
                continue
            word = whole.group()
        if start >= end:  # not inside the word before ("U.iPhone")
            end = start + len(word)
            yield start, word


_START = methodcaller("start")


# The gap between two listed names: matches ", ", " and ", ", and ", " or ", "/"; must not match
# " is ".
COORDINATION_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|/)\s*")
# A COORDINATION_GAP without its white space is one of these, or "," then "and" or "or"
LIST_WORDS = frozenset({",", "/", "and", "or", "&"})


# A comparison, a second clause, a use or an appositive (", a ...", which describes the name
# before it) between a propose cue and a name: matches " that uses ", " approach leveraging ",
# " baselines by adapting ", " module into the ", " Mix-QVLA, a mixed-precision "; must not
# match " a new detector, ".
INTERRUPTION = re.compile(
    r"\b(?:than|compared|outperform\w*|surpass\w*|over|unlike|such as|e\.g\.|including|"
    r"like|based on|built (?:on|upon)|upon|extends?|with|using|from|of|to|into|on|by|which|that|"
    r"via|leverag\w*|utili[sz]\w*|employ\w*|exploit\w*|adapt(?:s|ed|ing)|"
    r"where|while|and (?:evaluate|compare|show|demonstrate))\b|\w,\s(?:a|an)\s",
    re.IGNORECASE,
)
# A purpose between a propose cue and a name: " PTQ framework for " (VLA is what it is for);
# it does not interrupt a name given after a comma ("a framework for X, Weigh And Select").
PURPOSE = re.compile(r"\bfor\b", re.IGNORECASE)
# A second object proposed with the first: ", and a lightweight framework " (ARMOR); the link
# starts again after it. Must not match "and evaluate".
NEXT_OBJECT = re.compile(r"\band\s(?:a|an|our)\s", re.IGNORECASE)
