"""Evaluation measures named in the text, as written without their value.

A curated list (and user lexicons) matched case-insensitively, except one-word forms with
a capital, matched exactly ("AP", "mAP", "IS" — so "mAP" never matches "map"; phrases such
as "mean Intersection over Union" match in any case), also when glued to a value
("FID=9.91"); the shapes of parameterised metrics ("mAP@0.5", "AP50", "Recall@10",
"pass@1") and of compute budgets ("1.2 GPU days"); "parameters" when a number or a
comparison goes with it ("25M parameters", "fewer parameters"); a measure a paper
qualifies ("segmentation accuracy", "generalization error", "execution time"); and
names a sentence calls a metric ("a metric called Q-T score", "trade-offs between
circuit size and faithfulness").

A lexicon word glued into a compound ("energy-efficient", "low-FLOPs", "high-precision")
describes something else, and so does a number format ("reduced precision") or a
training objective ("MSE loss").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

from extractors.base import ABBREVIATION, METRIC, Document, Mention
from extractors.lexicon import DISTINCTIVE, CaseFormMatcher, Lexicon, load_lexicons
from extractors.task_patterns import DESCRIBING, NEXT_WORD, NOT_MODIFIERS, VERBS

# "mAP@0.5", "mAP@0.5:0.95", "Recall@10", "Hits@1", "pass@1", "R@{5}"; not "user@host" or "AP".
AT_SHAPE = re.compile(
    r"\b(?:mAP|AP|Recall|R|Hits|HR|NDCG|MRR|P|Precision|Acc|pass|F1)"
    r"@\{?\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)?\}?(?![\w.])")
# "AP50", "AP_{75}", "mAP50", "APbox"-free IoU thresholds; not "AP" alone, "APIs" or "mAP2".
AP_SHAPE = re.compile(r"\b(?:mAP|AP)_?\{?(?:50|75)\}?(?![\w.])")
# A name glued to its value: matches "FID" in "FID=9.91", "IS" in "(IS=8.81"; not "x" in "x = y".
GLUED = re.compile(r"(?<![\w\-])([A-Za-z][A-Za-z0-9@\-]{1,15})(?==\s?\d)")
# "25M parameters", "4M+ parameters", "12.83 million parameters", "fewer parameters",
# "number of parameters"; not "model parameters are".
PARAMETERS = re.compile(
    r"(?:\d+(?:\.\d+)?\s?(?:[KMB]|million|billion)?\+?\s|fewer\s|less\s|number\sof\s|more\s)"
    r"(parameters|params)\b",
    re.IGNORECASE)
# A compute budget: "GPU days" in "1.2 GPU days", "GPU-hours" in "300 GPU-hours"; not "GPU memory".
COMPUTE = re.compile(r"\d\s((?:GPU|TPU)[\s\-](?:days|hours))\b")
# A measure the sentence names: "Q-T score" in "a metric called Q-T score to rank", "sharpness"
# in "the metric of sharpness"; not "distance" in "a distance metric".
NAMED = re.compile(r"\bmetrics?,?\s(?:called|named|termed|dubbed)\s((?:[\w\-]+\s){0,2}[\w\-]+)"
                   r"|\bmetric\sof\s((?:[a-z\-]+\s){0,3}[a-z\-]+)")
# "trade-off(s) between X and Y": both are measures ("accuracy" and "inference speed", the
# second read to three words and cut at a function word); not "trade-off between them".
TRADE_OFF = re.compile(r"\btrade-?offs?\s(?:between|among)\s((?:[a-z\-]+\s){0,2}?[a-z\-]+)"
                       r"\sand\s((?:[a-z\-]+\s){0,2}[a-z\-]+)\b")
# Words a measure name ends at: "accuracy" after "the"; "and" and "of" split coordinated measures.
NAME_STOP = frozenset({"the", "a", "an", "and", "or", "of", "our", "their", "its", "in", "on",
                       "with", "for", "to", "by", "as", "than", "compared", "while", "during",
                       "over", "under", "across", "at", "when", "without", "via", "from", "per",
                       "within", "after", "before", "is", "are"})

# Before "precision", a number format rather than the measure: "reduced precision", "low-precision".
NUMBER_FORMAT = re.compile(r"(?:reduced|low|lower|mixed|half|full|single|double|arbitrary|fixed|"
                           r"floating|numerical|numeric|bit)[\s\-]$", re.IGNORECASE)
# After a metric form, a training objective: "MSE loss", "Dice losses" (checked after forms with a
# capital or ending in "error", so "accuracy loss of 1%" stays a measure).
OBJECTIVE = re.compile(r"\s(?:loss|losses|objective)\b")

# Measures a paper often qualifies: "segmentation accuracy", "zero-shot transfer accuracy",
# "wall-time training cost", "execution time".
WEAK = {"high", "low", "higher", "lower", "good", "best", "top", "overall", "average", "final",
        "total", "competitive", "comparable", "remarkable", "excellent", "promising", "similar",
        "same", "mean", "inference", "run", "runtime", "full", "requisite", "required",
        "desired", "strong", "fair", "reasonable", "acceptable", "original", "baseline",
        "small", "large", "larger", "smaller", "lesser", "reduced", "increased", "significant",
        "substantial", "minimal", "maximal", "minimum", "maximum", "extra", "additional",
        "much", "less", "more", "fewer", "significantly", "lowest", "highest", "limited",
        "model", "network", "system", "method"}
# Listed measures whose word has other senses ("Dirichlet energy", "free energy", "energy
# levels"): a measure only beside a value or listed with another measure ("latency, energy,
# and area"); "energy consumption" is one anywhere.
IN_COMPANY = frozenset({"energy"})
# Between two measures of one list: ", ", ", and ", " or ", "/"; not " of the ".
LIST_GAP = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or|&)\s|\s?/\s?")
EVALUATIVE = re.compile(r"(?:ful|ous|ible|able)$")  # "graceful", "remarkable": praise, not a name
QUALIFIABLE = {"accuracy", "error", "cost", "time", "memory", "speedup", "distance", "delay"}
QUALIFIABLE_HEADS = frozenset(QUALIFIABLE | {"errors"})
# "-ing" words that name a process a measure is taken over: "training time", "decoding speed".
PROCESSES = frozenset({"training", "learning", "processing", "computing", "decoding", "encoding",
                       "sampling", "rendering", "serving", "reasoning", "matching", "indexing"})
# The word a piece of text ends in, a measure's qualifier: "segmentation" in "(segmentation";
# not "hese" in "These".
MODIFIER = re.compile(r"(?<![\w\-])([a-z][a-z\-]+)$")
# Measures that are one only with a qualifier and a value or comparison nearby ("training time"
# in "cuts training time by 2x"); not "at test time" or "long short-term memory".
BARE_HEADS = ("error", "errors", "cost", "delay", "time", "memory", "distance")
BARE_HEAD_SET = frozenset(BARE_HEADS)
# Qualifiers of a setting or a moment, not of a measure: "batch size", "test time", "real time".
NOT_QUALIFIERS = frozenset({"test", "real", "long", "short-term", "same", "each", "every", "very",
                            "across", "against", "over", "under", "between", "within", "without",
                            "about", "per", "so", "too", "save", "power-law", "into", "from",
                            "first", "last", "next", "any", "some", "compile", "run", "design",
                            "working", "external", "episodic", "associative", "long-term",
                            "short", "query", "deployment", "linear", "polynomial", "constant",
                            "continuous", "discrete"})
# A third-person verb or a plural, not a qualifier: "reduces", "minimizes"; not "class", "focus".
VERB_LIKE = re.compile(r"[^su]s$")
# A value near a measure: "19.8x", "44%", "60\\%", "2 " of "2 GPUs"; not "1D" or "ResNet-50".
MEASURED = re.compile(r"(?<![\w\-.])\d+(?:\.\d+)?(?:\\?%|x\b|×|\s?times\b|\s)")
# A digit, which every MEASURED value starts with: MEASURED is searched from the first one in a
# window, if any (a one-character class is skipped to at once). Matches the "4" of "44%"; must
# not match "fewer".
DIGIT = re.compile(r"\d")
# A comparison: "reduces", "lesser", "minimizes"; not "reductive".
COMPARED = re.compile(r"\b(?:reduc\w*|lower|lesser|less|higher|fewer|faster|slower|"
                      r"increas\w*|decreas\w*|sav(?:e|es|ing|ings)|cuts?|improv\w*|better|worse|"
                      r"minimi[sz]\w*|speed\s?up)\b", re.IGNORECASE)


class MetricExtractor:
    """Metrics from the lexicon and parameterised metric shapes."""

    name = "metrics"
    labels = (METRIC,)

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        lexicon = lexicon or load_lexicons()
        self.canonical: dict[str, str] = {}  # a form as listed -> its entry's name
        self.weak: set[str] = set()  # forms only a user's (public, noisy) list gives
        # forms and bare heads, found under the case rule: "mAP" never matches "map"
        self.matcher = CaseFormMatcher([*BARE_HEADS, *SHAPE_WORDS], shared=lexicon.shared)
        for entry in lexicon.of(METRIC):
            for form in entry.forms:
                if form.lower() == "parameters" or form in self.canonical \
                        or not _usable(form, entry.curated):
                    continue
                self.canonical[form] = entry.name
                self.matcher.add(form)
                if not entry.curated:
                    self.weak.add(form)

    def form(self, surface: str) -> str | None:
        """The listed form ``surface`` is a way of writing, or None."""
        form = self.matcher.form_of(surface)
        return form if form in self.canonical else None

    def _measure_name(self, long_form: str) -> bool:
        """Whether an acronym's long form names a measure: a listed one ("mean absolute error")
        or a phrase ending in a measure word ("peak signal-to-noise ratio")."""
        words = long_form.lower().split()
        return bool(self.form(long_form) or self.form(long_form.lower())) or bool(
            words and MEASURE_END.search(words[-1]))

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        text = document.text
        spans, heads, cues = self._lexicon(text)
        for at in _find_all(text, "=") if "=" in text else ():  # "FID=9.91": one token
            match = GLUED.search(text, max(0, at - 16), at + 3)
            if match and self.form(match.group(1)):
                spans.setdefault(match.span(1), "lexicon")
        if "@" in text:  # one character: cheaper to look for than to match
            cues.extend((at, "@") for at in _find_all(text, "@"))
        for at, key in cues:
            if key in SHAPES:
                pattern, group, before, after, how = SHAPES[key]
                match = pattern.search(text, max(0, at - before), at + after)
                if match:
                    spans[match.span(group)] = how
        if cues:
            spans.update(dict.fromkeys(_named(text, cues), "named"))
        if heads:
            spans.update(dict.fromkeys(_qualified_heads(text, spans, heads), "qualified"))
        if not spans:  # no measure named: nothing more to do
            return []
        spans = {_qualified(text, s, e): how for (s, e), how in spans.items()}
        defined = {m.text: m.attrs.get("long_form", "") for m in found if m.label == ABBREVIATION}
        out = []
        for s, e in _outermost(spans):
            surface = text[s:e]
            if surface in defined and not self._measure_name(defined[surface]):
                continue  # "Masked Autoencoder (MAE)": this paper's MAE is no error
            attrs = {"how": spans[(s, e)]}
            form = self.form(surface)
            if form and self.canonical[form].lower() != surface.lower():
                attrs["canonical"] = self.canonical[form]
            elif surface.endswith("errors"):  # one entity for "steady-state error(s)"
                attrs["canonical"] = surface[:-1]
            out.append(Mention(METRIC, surface, s, e, self.name, attrs))
        return out

    def _lexicon(self, text: str) -> tuple[dict[tuple[int, int], str], list[tuple[int, int]],
                                           list[tuple[int, str]]]:
        """Lexicon forms; the bare measure heads ("error", "time") found with them; and where
        a word calls for a shape (see :data:`SHAPE_WORDS`)."""
        spans: dict[tuple[int, int], str] = {}
        heads: list[tuple[int, int]] = []
        cues: list[tuple[int, str]] = []
        canonical, weak = self.canonical, self.weak
        for s, e, form in self.matcher.finditer(text):
            if form in BARE_HEAD_SET:
                heads.append((s, e))
            elif form in SHAPE_WORDS:
                cues.append((s + SHAPE_WORDS[form][1], SHAPE_WORDS[form][0]))
            if form not in canonical or _describes_other(text, s, e):
                continue  # "map" is not "mAP"
            # a public list's name ("CNN", "model size") is a measure only with a value
            if form not in weak or _measured(text, max(0, s - 25), e + 25):
                spans[(s, e)] = "lexicon"
        for s, e in [span for span in spans if text[span[0]:span[1]].lower() in IN_COMPANY]:
            if not _measured(text, max(0, s - 25), e + 25) and not _listed(text, s, e, spans):
                del spans[(s, e)]
        return spans, heads, cues


# The last word of a measure's name: "error", "Rates", "score", "operations" (of "multiply-
# accumulate operations", MACs); not "autoencoder", "network" or "maximization".
MEASURE_END = re.compile(r"(?:error|ratio|score|accuracy|distance|index|rate|coefficient|"
                         r"similarity|precision|recall|loss|divergence|gain|measure|metric|"
                         r"value|time|latency|throughput|correlation|deviation|curve|quality|"
                         r"operation|flop|parameter)s?$")


def _find_all(text: str, needle: str) -> Iterable[int]:
    """Offsets of ``needle`` in ``text``: a substring scan instead of a regex over the text."""
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


# Shapes found by regex only in a window around a key they contain, found by the lexicon scan
# (a word holding the key) or a substring search ("@"): key -> (pattern, group, window before,
# window after, how), the windows counted from the key ("aram" in "parameters").
SHAPES = {
    "@": (AT_SHAPE, 0, 10, 16, "shape"),
    "AP": (AP_SHAPE, 0, 1, 9, "shape"),
    "aram": (PARAMETERS, 1, 30, 12, "parameters"),
    "PU": (COMPUTE, 1, 12, 12, "shape"),
}
# Patterns matched where a word naming a measure starts: key -> pattern.
NAMING = {"metric": NAMED, "trade": TRADE_OFF}
# Words the lexicon scan also looks for -> (the key they lead to, the key's offset in them).
SHAPE_WORDS = {
    **dict.fromkeys(["AP", "AP50", "AP75"], ("AP", 0)),
    **dict.fromkeys(["mAP", "mAP50", "mAP75"], ("AP", 1)),
    **dict.fromkeys(["parameters", "params"], ("aram", 1)),
    **dict.fromkeys(["GPU", "TPU"], ("PU", 1)),
    **dict.fromkeys(["metric", "metrics"], ("metric", 0)),
    **dict.fromkeys(["trade-off", "trade-offs", "tradeoff", "tradeoffs"], ("trade", 0)),
}


def _named(text: str, cues: Iterable[tuple[int, str]]) -> Iterable[tuple[int, int]]:
    """Names a sentence calls a metric, and both sides of a trade-off, at the cue words."""
    for at, key in cues:
        pattern = NAMING.get(key)
        match = pattern.match(text, at, at + 90) if pattern else None
        if not match:
            continue
        for group in range(1, (pattern.groups or 0) + 1):
            if match.group(group):
                span = _trim(text, match.start(group), match.end(group))
                if span:
                    yield span


def _usable(form: str, curated: bool) -> bool:
    """Curated forms always; a public list's forms when they look like a measure: one word with
    a capital past its first letter or a digit ("BLEU-4", "mAP@50"), or a phrase ending in a
    measure word or such a word ("top-3 error rate", "Recall @ 10"), so "training data",
    "ImageNet pretrained" or "Accuracy" from a noisy list are never metrics."""
    if curated:
        return True
    words = form.split()
    if not words or len(form) > 60:
        return False
    last = words[-1]
    if len(words) == 1:
        return bool(DISTINCTIVE.match(form)) and sum(c.isalpha() for c in form) >= 2
    return last.lower() in MEASURE_WORDS or bool(DISTINCTIVE.match(last))


# Last words of a measure name: "error rate", "Dice score", "Hausdorff distance".
MEASURE_WORDS = frozenset({"accuracy", "error", "rate", "score", "distance", "precision",
                           "recall", "ratio", "time", "latency", "memory", "cost", "speedup",
                           "throughput", "consumption", "coefficient", "index", "loss",
                           "f1", "auc", "correlation", "similarity", "delay", "size", "count",
                           "usage", "efficiency", "perplexity", "overlap", "gap", "regret"})


def _describes_other(text: str, start: int, end: int) -> bool:
    """A form glued by a hyphen into a longer word ("energy-efficient", "low-FLOPs"), a number
    format ("reduced precision"), a moment ("at inference time") or a training objective
    ("MSE loss")."""
    if (start > 0 and text[start - 1] == "-") or text.startswith("-", end):
        return not text[start:end][-1:].isdigit()  # "top-1"-style forms end in their digit
    if text[start:end].lower() == "precision" and NUMBER_FORMAT.search(text, max(0, start - 12),
                                                                        start):
        return True
    form = text[start:end]
    if form.endswith("time") and text.endswith(" at ", 0, start):
        return True  # "at inference time": a moment, not a measure
    return (form != form.lower() or form.endswith("error")) and bool(OBJECTIVE.match(text, end))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading determiners and praise words, end before a function word: "the circuit
    size" -> "circuit size", "Q-T score to" -> "Q-T score"."""
    words = text[start:end].split(" ")
    while words and (words[0].lower() in NAME_STOP or words[0].lower() in WEAK):
        start += len(words[0]) + 1
        words = words[1:]
    kept = []
    for word in words:
        if word.lower() in NAME_STOP:
            break
        kept.append(word)
    return (start, start + len(" ".join(kept))) if kept else None


def _qualified_heads(text: str, spans: dict[tuple[int, int], str],
                     heads: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """A qualified measure not in the lexicon ("generalization error", "execution time"), taken
    when its qualifier names what is measured and a value is near (or, for errors, a
    comparison: "minimizes steady-state errors")."""
    taken = {e for _, e in spans}
    out = []
    for s, e in heads:
        if e in taken:
            continue
        start, _ = _qualified(text, s, e, QUALIFIABLE_HEADS)
        if start == s:  # no qualifier: most heads
            continue
        first = text[start:s].split(" ", 1)[0].lower()
        if first in NOT_QUALIFIERS or VERB_LIKE.search(first) or _modifies(text, e):
            continue
        low, high = max(0, start - 50), e + 30
        if _measured(text, low, high) or (text.startswith("error", s)
                                                 and COMPARED.search(text, low, high)):
            out.append((start, e))
    return out


def _listed(text: str, s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether another measure found is listed right before or after ``text[s:e]``."""
    return any(LIST_GAP.fullmatch(text, oe, s) or LIST_GAP.fullmatch(text, e, os)
               for os, oe in spans if (os, oe) != (s, e))


def _measured(text: str, start: int, end: int) -> bool:
    """A value (MEASURED) in ``text[start:end]``."""
    digit = DIGIT.search(text, start, end)
    return digit is not None and MEASURED.search(text, digit.start(), end) is not None


def _modifies(text: str, end: int) -> bool:
    """Whether a content word follows, making the head a modifier: "error correction"."""
    word = NEXT_WORD.match(text, end)
    return bool(word) and word.group(1) not in NOT_MODIFIERS and word.group(1) not in VERBS \
        and word.group(1) not in NAME_STOP and not word.group(1).endswith("ly")


def _qualified(text: str, start: int, end: int,
               qualifiable: set[str] | frozenset[str] = frozenset(QUALIFIABLE)
               ) -> tuple[int, int]:
    """Extend a qualifiable measure over up to three modifiers before it ("top-1" stays)."""
    if text[start:end].lower() not in qualifiable:
        return start, end
    for _ in range(3):
        if start < 2 or not text[start - 1].isspace():
            break
        low = start - 31 if start > 31 else 0
        space = text.rfind(" ", low, start - 1)
        if space < 0 and low:
            break  # no word start within reach
        at = _qualifying_tail(text[space + 1:start - 1])
        if at < 0:
            break
        start = space + 1 + at
    return start, end


@lru_cache(maxsize=4096)
def _qualifying_tail(piece: str) -> int:
    """Where the qualifier that ends ``piece`` starts ("segmentation" in "(segmentation"), or
    -1 (cached: the same words qualify measures in many papers)."""
    word = MODIFIER.search(piece)
    return word.start(1) if word and _qualifier(word.group(1)) else -1


def _qualifier(word: str) -> bool:
    """A word that can qualify a measure: "segmentation", "training", "GPU"; not "high",
    "graceful", "reduces" or "the"."""
    if word in PROCESSES:
        return True
    return not (word in NOT_MODIFIERS or word in WEAK or word in VERBS or DESCRIBING.match(word)
                or EVALUATIVE.search(word) or VERB_LIKE.search(word)
                or word.endswith(("ize", "ify")))  # "emphasize final-answer accuracy"


def _outermost(spans: Collection[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside a longer one ("top-1 accuracy" over "accuracy"): one sorted sweep."""
    if len(spans) < 2:
        return list(spans)
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda span: (span[0], -span[1])):
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)  # a longer span starting inside the last one replaces it
            continue
        out.append((s, e))
    return out
