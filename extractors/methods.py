"""Named methods, and whether this paper proposes them.

Evidence, strongest first:

- a curated lexicon of established methods (``data/methods.jsonl`` plus user entries of type
  Method), extended over a trailing variant ("ResNet" + "-50", "YOLO" + "v4");
- an abbreviation definition whose long form ends in a method head noun ("Hierarchical Edge
  Module (HEM)"), or any definition made while proposing ("we propose ... (DiffGraph)");
- the title pattern "X: ..." naming the paper's system;
- introduction cues ("we propose / introduce / present X", "named / called / dubbed X",
  "X, a novel ...", "our X") and use cues ("outperforms X", "compared with X", "based on X",
  "X backbone"), and coordination ("X, Y and Z") with a method already found;
- the word's shape (:mod:`extractors.shapes`): CamelCase, letters with digits, -Net/-Former
  suffixes, version marks. An all-capitals acronym needs one more piece of evidence.

Generic families are concepts and datasets/metrics belong to their extractors: a candidate
inside a Concept, Dataset, Metric, Task or Code mention found earlier is dropped, as is one
followed by "dataset"/"benchmark". Every occurrence of an accepted name becomes a mention, with
``attrs = {"proposed", "role", "long_form"}``; the role is the strongest any occurrence shows.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from spacy.language import Language

from extractors.base import (
    ABBREVIATION,
    CODE,
    CONCEPT,
    DATASET,
    METHOD,
    METRIC,
    TASK,
    Document,
    Mention,
)
from extractors.concepts import Entry
from extractors.phrases import PhraseFinder
from extractors.shapes import Shape, normalise, shape_of

BLOCKING = (CONCEPT, DATASET, METRIC, TASK, CODE)
# Passed as a role to :meth:`_Scan.accept`: "the role the candidate's own context shows", which
# costs a dozen regex searches and is read only for the candidates that need it.
OWN = "own"
ROLES = ("mentioned", "component", "baseline", "proposed")  # weakest to strongest

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
    r"term|name|call|dub|coin)\b",
    re.IGNORECASE,
)

# A naming cue right before the name: matches "a framework named ", "our proposed network, ";
# must not match "name of" or "our experiments, ".
NAMING_CUE = re.compile(
    r"(?:\bnamed|\bcalled|\bdubbed|\btermed|\bcoined|\bdenoted(?: as| by)?|\breferred to as|"
    r"\bnamely|\bentitled|\bour|\bthe proposed|\bthe new|"
    # "our proposed network and procedure, X": the paper's own thing, then its name
    r"\bour\s+(?:proposed\s+|new\s+|novel\s+)?(?:[\w-]+\s+){0,2}?(?:network|model|method|"
    r"approach|framework|architecture|algorithm|system|procedure)(?:\s+and\s+[\w-]+)?(?=\s*,))"
    r"\s*[,:]?\s*[\"“'`‘]*$",
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
PASSIVE_FIRST = "(iIaAwWhHİı"

# "(ours)" or "our" marker after a name: matches " (ours)"; must not match " (2019)".
OURS_AFTER = re.compile(r"^\s*\((?:ours|proposed)\)", re.IGNORECASE)

# "X is proposed" after a name (and its definition): matches " (SAN) is proposed"; must not match
# " is used".
PASSIVE_PROPOSED = re.compile(
    r"^\s*(?:\([^()]{1,60}\)\s*)?(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?"
    r"(?:proposed|introduced|presented|developed|designed|devised)\b",
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
DATA_AFTER = re.compile(  # used with .match(text, pos), which anchors at pos
    r"\)?[-\s](?:data ?sets?|benchmarks?|corpus|corpora|challenge|database|leaderboard|suite|"
    r"splits?|test set|validation set|training set|images|videos|library|toolkit|toolbox|"
    r"package|platform|API|scores?|metrics?|measures?|distance|index|"
    r"(?:[\w-]+\s)?(?:tasks?|problems?|settings?))\b",
    re.IGNORECASE,
)

# Words every match of a context cue starts with (in lower case), so a cue is tried on a window
# only where one of them starts (:class:`_CueWords`); most windows hold none. PROPOSE_CUE keeps
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


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    shape: Shape
    lexicon: bool = False
    long_form: str | None = None
    long_span: tuple[int, int] | None = None
    title_name: bool = False
    entity: str | None = None  # the lexicon entry's name: joins "ResNet" and "residual networks"
    cue: str | None = OWN  # the role its own context shows, read on first need (role_at)
    key: str = field(init=False)  # normalise(text): the name's identity, asked for often

    def __post_init__(self) -> None:
        self.key = normalise(self.text)


class MethodExtractor:
    """Named methods with ``proposed`` and ``role`` from the evidence listed above."""

    name = "methods"
    labels = (METHOD,)

    def __init__(self, nlp: Language, entries: Iterable[Entry]) -> None:
        self._exact = PhraseFinder(nlp.vocab, attr="ORTH")
        # the cue words are read in the same pass as the lower-case forms
        self._lower = PhraseFinder(nlp.vocab, attr="LOWER", keys=_CUE_WORDS)
        self._known: dict[str, str] = {}  # normalised name or alias -> the entry's name
        for entry in entries:
            forms = (entry.name, *entry.aliases)
            for form in forms:
                self._known.setdefault(normalise(form), entry.name)
            exact = [f for f in forms if " " not in f or f[:1].isupper()]
            exact += [f + "s" for f in exact if f[-1:].isalpha() and f[-1:] != "s"]
            lower = [f for f in forms if " " in f and len(f) > 8]
            self._exact.add([nlp.make_doc(f) for f in exact])
            if lower:
                self._lower.add([nlp.make_doc(f) for f in lower])

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterator[Mention]:
        scan = _Scan(document, found, self)
        yield from scan.run()

    def entry_of(self, text: str) -> str | None:
        key = normalise(text)
        return self._known.get(key) or self._known.get(key[:-1] if key.endswith("s") else key)

    def known(self, text: str) -> bool:
        return normalise(text) in self._known or normalise(text.rstrip("s")) in self._known

    def read(self, document: Document) -> tuple[list[tuple[int, int]], _CueWords]:
        """The spans of lexicon forms in a document, and where its cue words are."""
        text = document.text
        lower, cues = self._lower.find(document.doc, text)
        return self._exact(document.doc, text) + lower, _CueWords(text, cues)


class _Scan:
    """One document's pass: candidates, then evidence, then mentions."""

    def __init__(self, document: Document, found: Sequence[Mention], owner: MethodExtractor):
        self.doc = document
        self.text = document.text
        self.owner = owner
        self.blocked = _Spans([(m.start, m.end) for m in found if m.label in BLOCKING])
        # "CIFAR-10/100" begins with a dataset name: data written in shorthand, not a method
        self.data_starts = {m.start for m in found if m.label == DATASET}
        self.abbrs = [m for m in found if m.label == ABBREVIATION]
        self.long_spans = [(a.attrs["long_start"], a.attrs["long_end"]) for a in self.abbrs]
        self.sent_starts = [start for start, _ in document.sentences()]
        spans, self.cues = owner.read(document)
        self.lexicon = spans

    # -- candidates ----------------------------------------------------------------------------

    def candidates(self) -> dict[tuple[int, int], _Candidate]:
        text = self.text
        out: dict[tuple[int, int], _Candidate] = {}
        for start, end in self.lexicon:
            variant = VARIANT.match(text, end)
            if variant and not text[start:end].endswith("s"):
                end = variant.end()
            out[(start, end)] = _Candidate(
                start,
                end,
                text[start:end],
                Shape.STRONG,
                lexicon=True,
                entity=self.owner.entry_of(text[start:end]),
            )
        longer = _Spans([(c.start, c.end) for c in out.values()] + self.long_spans)
        for start, word in candidate_words(text):
            if "-" in word or "'" in word or "’" in word:  # what AFFIX needs: skip it otherwise
                affix = AFFIX.search(word)
                if affix:
                    word = word[: affix.start()]
            shape = shape_of(word)  # cached per word, so tested before the span checks
            end = start + len(word)
            # inside a lexicon match or an abbreviation's long form: part of a longer name
            if shape is Shape.NONE or (start, end) in out or longer.cover(start, end):
                continue
            out[(start, end)] = _Candidate(start, end, word, shape)
        for abbr in self.abbrs:
            key = (abbr.start, abbr.end)
            cand = out.get(key) or _Candidate(abbr.start, abbr.end, abbr.text, shape_of(abbr.text))
            cand.long_form = abbr.attrs["long_form"]
            cand.long_span = (abbr.attrs["long_start"], abbr.attrs["long_end"])
            out[key] = cand
        self._title_candidate(out)
        return out

    def _title_candidate(self, out: dict[tuple[int, int], _Candidate]) -> None:
        title = self.doc.title
        if ":" not in title and "：" not in title:  # what TITLE_NAME needs
            return
        match = TITLE_NAME.match(title)
        if not match or TITLE_NOT_SYSTEM.search(title[match.end(1) :][:60]):
            return
        name = match.group(1)
        words = name.split()
        if (
            len(words) > 4
            or TITLE_GENERIC.match(name)
            or not all(w[:1].isupper() or w[:1].isdigit() for w in words)
        ):
            return
        start, end = match.start(1), match.end(1)
        abstract = self.doc.abstract
        strong = any(shape_of(w) is Shape.STRONG for w in words)
        # multi-word or plain capitalised names must be used again in the abstract
        plain = not strong and (len(words) > 1 or shape_of(name) is Shape.NONE)
        if plain and name.casefold() not in abstract.casefold():
            return
        cand = out.get((start, end)) or _Candidate(start, end, name, shape_of(name))
        cand.title_name = True
        out[(start, end)] = cand

    # -- evidence ------------------------------------------------------------------------------

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, pos) - 1
        start = self.sent_starts[i] if i >= 0 else 0
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return start, end

    def is_blocked(self, cand: _Candidate) -> bool:
        if cand.start in self.data_starts or self.blocked.cover(cand.start, cand.end):
            return True
        return bool(cand.long_span) and self.blocked.cover(*cand.long_span)

    def role_at(self, cand: _Candidate) -> str | None:
        """The role this occurrence's context shows, or None without any cue.

        A defined name is read from where its definition starts: "we propose Weigh And Select
        (WAS)" proposes WAS.
        """
        text = self.text
        anchor = cand.start
        if cand.long_span and cand.long_span[0] < cand.start:
            anchor = cand.long_span[0]
        s_start, s_end = self.sentence_bounds(anchor)
        low = max(s_start, anchor - 120)
        before = text[low:anchor]
        after = text[cand.end : min(s_end, cand.end + 80)]
        cues = self.cues
        words = cues.between(low, anchor)  # cue words in before: mostly none
        near_40, near_60 = max(low, anchor - 40), max(low, anchor - 60)  # before[-40:], [-60:]
        if words and cues.search(words, EXISTING, EXISTING_CUE, before[-40:], near_40):
            return "component"
        first = after.lstrip()[:1]  # what OURS_AFTER and PASSIVE_PROPOSED start with
        if (
            cand.title_name
            or (first == "(" and OURS_AFTER.match(after))
            or (words and cues.search(words, NAMING, NAMING_CUE, before, low))
        ):
            return "proposed"
        if (
            after.lstrip(QUOTES).lstrip()[:1] in APPOSITIVE_FIRST and APPOSITIVE_NEW.match(after)
        ) or (first in PASSIVE_FIRST and PASSIVE_PROPOSED.match(after)):
            return "proposed"
        if (
            cand.long_form
            and not self.owner.known(cand.text)
            and (MODULE_AFTER.match(after) or MODULE_HEAD.search(cand.long_form))
        ):
            return "proposed"
        if any(bits & PROPOSE for _, bits in words):
            cue_ends = [m.end() for m in PROPOSE_CUE.finditer(before)]
            if cue_ends and not _interrupted(before[cue_ends[-1] :]):
                return "proposed"
        if words and cues.search(words, BASELINE, BASELINE_CUE, before[-60:], near_60):
            return "baseline"
        if (words and cues.search(words, COMPONENT, COMPONENT_CUE, before[-40:], near_40)) or (
            after[1:2] in "bBeEdDfF" and COMPONENT_AFTER.match(after)
        ):
            return "component"
        return None

    def _introduces(self, cand: _Candidate) -> bool:
        """The title names it, or "we propose/present X" right before it."""
        anchor = cand.long_span[0] if cand.long_span else cand.start
        s_start, _ = self.sentence_bounds(anchor)
        before = self.text[s_start:anchor]
        if cand.title_name or DIRECT_PROPOSE.search(before[-40:]):
            return True
        return bool(NAMING_CUE.search(before) and PROPOSE_CUE.search(before))

    def own_role(self, cand: _Candidate) -> str | None:
        """:meth:`role_at` of the candidate, computed once."""
        if cand.cue == OWN:
            cand.cue = self.role_at(cand)
        return cand.cue

    def accept(self, cand: _Candidate, role: str | None = OWN) -> bool:
        """Whether the candidate names a method, given the role its context shows."""
        key = cand.key
        if not key or key in NOT_METHODS or self.is_blocked(cand):
            return False
        if DATA_AFTER.match(self.text, cand.end):
            return False
        if cand.lexicon:
            return True
        if cand.long_form is not None:
            return self._accept_definition(cand, self.own_role(cand) if role == OWN else role)
        if cand.title_name:
            return True
        if self.owner.known(cand.text):
            return True
        if cand.shape is Shape.STRONG:
            return True
        if cand.shape is Shape.ACRONYM:
            role = self.own_role(cand) if role == OWN else role
            return (
                role is not None
                and role != "component"
                or bool(METHOD_NOUN_AFTER.match(self.text, cand.end))
            )
        return False

    def _accept_definition(self, cand: _Candidate, role: str | None) -> bool:
        long_form = cand.long_form or ""
        if self.owner.known(long_form) or self.owner.known(cand.text):
            return True
        head = LONG_FORM_WORDS.split(long_form.strip())[-1]
        if METHOD_HEAD.search(head):
            return True
        return role == "proposed" and any(w[:1].isupper() for w in long_form.split())

    # -- output --------------------------------------------------------------------------------

    def run(self) -> Iterator[Mention]:
        cands = self.candidates()
        roles: dict[str, str] = {}
        long_forms: dict[str, str] = {}
        rejected: set[str] = set()
        entities: dict[str, str] = {}
        ordered = sorted(cands.values(), key=lambda c: (c.start, -c.end))
        for cand in ordered:
            if cand.long_form is not None and not self.accept(cand):
                rejected.add(cand.key)
        for cand in ordered:
            key = cand.key
            if key in rejected or not self.accept(cand):
                continue
            best = roles.get(key, "mentioned")
            if best != "proposed":  # else the strongest role is there: no context to read
                role = self.own_role(cand)
                if cand.lexicon and role == "proposed" and not self._introduces(cand):
                    role = "component"  # "a model called LLaVA": an established name, not new
                best = max(best, role or "mentioned", key=ROLES.index)
            roles[key] = best
            if cand.long_form:
                long_forms.setdefault(key, cand.long_form)
            if cand.entity:
                entities.setdefault(key, cand.entity)
        self._coordinate(ordered, roles, rejected)
        for cand in ordered:
            key = cand.key
            if key not in roles:
                continue
            role = roles[key]
            yield Mention(
                METHOD,
                cand.text,
                cand.start,
                cand.end,
                MethodExtractor.name,
                {
                    "proposed": role == "proposed",
                    "role": role,
                    "long_form": long_forms.get(key),
                    "entity": entities.get(key),
                },
            )

    def _coordinate(self, ordered: list[_Candidate], roles: dict[str, str], rejected: set) -> None:
        """ "X, Y and Z": acronyms listed beside an accepted method are methods too."""
        for left, right in zip(ordered, ordered[1:], strict=False):
            gap = self.text[left.end : right.start]
            core = gap.strip()  # what COORDINATION_GAP leaves between its white space
            if (
                core not in LIST_WORDS
                and not (core[:1] == "," and core.endswith(("and", "or")))
                or not COORDINATION_GAP.fullmatch(gap)
            ):
                continue
            lkey, rkey = left.key, right.key
            for known, other, cand in ((lkey, rkey, right), (rkey, lkey, left)):
                if (
                    known in roles
                    and other not in roles
                    and other not in rejected
                    and cand.shape is not Shape.NONE
                    and self.accept(cand, roles[known])
                ):
                    roles[other] = "baseline" if roles[known] == "baseline" else "mentioned"


# One bit per cue in CUE_KEYS, so that the cues whose words occur in a window are one int.
CUE_BIT = {cue: 1 << i for i, cue in enumerate(CUE_KEYS)}
EXISTING, NAMING, PROPOSE, BASELINE, COMPONENT = (
    CUE_BIT[c] for c in (EXISTING_CUE, NAMING_CUE, PROPOSE_CUE, BASELINE_CUE, COMPONENT_CUE)
)
ALL_CUES = sum(CUE_BIT.values())
_CUE_WORDS = list(dict.fromkeys(key for keys in CUE_KEYS.values() for key in keys))
_CUES_OF_WORD = [sum(CUE_BIT[c] for c in CUE_KEYS if w in CUE_KEYS[c]) for w in _CUE_WORDS]


class _CueWords:
    """Where the :data:`CUE_KEYS` words start in one text, found in its lower case (with the
    lexicon forms): a cue pattern can match a window only if one of its words starts there.
    Case-insensitive patterns also match "ı", "ſ" and "İ" for "i", "s" and "i", which
    lower-casing does not give, so in a text with one of them every cue is tried."""

    def __init__(self, text: str, found: list[tuple[int, int]]) -> None:
        """``found``: ``(start, index in _CUE_WORDS)`` of each cue word in ``text``."""
        self.everywhere = not text.isascii() and any(c in text for c in "ıſİ")
        self.pairs = sorted((start, _CUES_OF_WORD[i]) for start, i in found)
        self.starts = [start for start, _ in self.pairs]

    def between(self, low: int, end: int) -> list[tuple[int, int]]:
        """``(start, cue bits)`` of the cue words starting in ``text[low:end]`` (a few at most);
        one word of every cue at ``low`` where every cue is tried."""
        if self.everywhere:
            return [(low, ALL_CUES)]
        return self.pairs[bisect_left(self.starts, low) : bisect_left(self.starts, end)]

    def search(
        self, words: list[tuple[int, int]], bit: int, cue: re.Pattern[str], window: str, offset: int
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


class _Spans:
    """Character spans, asked whether one of them covers a range: a binary search over the
    spans sorted by start, with the furthest end reached so far (nested spans are common)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))

    def cover(self, start: int, end: int) -> bool:
        """Whether a span starts at or before ``start`` and ends at or after ``end``."""
        i = bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end


def candidate_words(text: str) -> Iterator[tuple[int, str]]:
    """``(start, word)`` of each :data:`CANDIDATE_WORD` match, as its ``finditer`` gives them,
    but for the plain words :data:`WORD_START` passes over ("The", "2024")."""
    end = 0
    for match in WORD_START.finditer(text):
        start = match.start()
        if match.lastindex:  # a word starting with a capital or digit
            word = match.group()
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


# The gap between two listed names: matches ", ", " and ", ", and ", " or ", "/"; must not match
# " is ".
COORDINATION_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|/)\s*")
# A COORDINATION_GAP without its white space is one of these, or "," then "and" or "or"
LIST_WORDS = frozenset({",", "/", "and", "or", "&"})


# A comparison or a second clause between a propose cue and a name: matches " that uses ";
# must not match " a new detector, ".
INTERRUPTION = re.compile(
    r"\b(?:than|compared|outperform\w*|surpass\w*|over|unlike|such as|e\.g\.|including|"
    r"like|based on|built (?:on|upon)|upon|extends?|with|using|from|of|to|on|which|that|"
    r"where|while|and (?:evaluate|compare|show|demonstrate))\b",
    re.IGNORECASE,
)


def _interrupted(between: str) -> bool:
    """A comparison or a second clause between a propose cue and a name breaks the link."""
    return INTERRUPTION.search(between) is not None
