"""Evaluation measures named in the text, as written without their value.

A curated list (and user lexicons) matched case-insensitively for words
("top-1 accuracy", "Dice score") and exactly for forms with a capital past the
first letter ("AP", "mAP", "IS", "EM" — so "mAP" never matches "map"), also when
glued to a value ("FID=9.91"); plus the shapes of parameterised metrics ("mAP@0.5",
"AP50", "Recall@10", "pass@1"). "parameters" counts as a measure only when a number or
a comparison goes with it ("25M parameters", "fewer parameters").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from extractors.base import METRIC, Document, Mention
from extractors.lexicon import Lexicon, load_lexicons, usable
from extractors.tasks import DESCRIBING, NOT_MODIFIERS

# "mAP@0.5", "mAP@0.5:0.95", "AP50", "AP_{75}", "Recall@10", "Hits@1", "pass@1"; not "AP" alone.
PARAMETERISED = re.compile(
    r"\b(?:mAP|AP|Recall|R|Hits|NDCG|P|Precision|Acc|pass|F1)(?:@\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)?"
    r"|_?\{?(?:50|75)\}?|@\{?\d+\}?)(?![\w.])")
# A name glued to its value: matches "FID" in "FID=9.91", "IS" in "(IS=8.81"; not "x" in "x = y".
GLUED = re.compile(r"(?<![\w\-])([A-Za-z][A-Za-z0-9@\-]{1,15})(?==\s?\d)")
# "25M parameters", "12.83 million parameters", "fewer parameters", "number of parameters";
# not "model parameters are".
PARAMETERS = re.compile(
    r"(?:\d+(?:\.\d+)?\s?(?:[KMB]|million|billion)?\s|fewer\s|less\s|number\sof\s|more\s)"
    r"(parameters|params)\b",
    re.IGNORECASE)


class MetricExtractor:
    """Metrics from the lexicon and parameterised metric shapes."""

    name = "metrics"
    labels = (METRIC,)

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None) -> None:
        lexicon = lexicon or load_lexicons()
        self.canonical: dict[str, str] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact, lower = [], []
        for entry in lexicon.of(METRIC):
            for form in entry.forms:
                if not usable(form, METRIC, entry.curated) or form.lower() == "parameters":
                    continue
                # a capital past the first letter makes a form case-sensitive: "mAP" and "AP"
                # must not match the words "map" and "ap"; "Dice score" matches "dice score"
                short = " " not in form and form[1:] != form[1:].lower()
                key = form if short else form.lower()
                if key in self.canonical:
                    continue
                self.canonical[key] = entry.name
                (exact if short else lower).append(nlp.make_doc(form))
        self.exact.add(METRIC, exact)
        self.lower.add(METRIC, lower)

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        doc, text = document.doc, document.text
        spans: dict[tuple[int, int], str] = {}
        for matcher in (self.exact, self.lower):
            for _, start, end in matcher(doc):
                span = doc[start:end]
                spans[(span.start_char, span.end_char)] = "lexicon"
        for match in GLUED.finditer(text):  # "FID=9.91" is one token: the matchers miss it
            word = match.group(1)
            if word in self.canonical or word.lower() in self.canonical:
                spans.setdefault((match.start(1), match.end(1)), "lexicon")
        for match in PARAMETERISED.finditer(text):
            spans[(match.start(), match.end())] = "shape"
        for match in PARAMETERS.finditer(text):
            spans[(match.start(1), match.end(1))] = "parameters"
        spans = {_qualified(text, s, e): how for (s, e), how in spans.items()}
        out = []
        for (s, e), how in sorted(spans.items()):
            surface = text[s:e]
            if any(s < e2 and s2 < e and (e2 - s2) > (e - s) for s2, e2 in spans):
                continue  # inside a longer metric: "top-1 accuracy" over "accuracy"
            attrs = {"how": how}
            key = surface if surface in self.canonical else surface.lower()
            if key in self.canonical and self.canonical[key].lower() != surface.lower():
                attrs["canonical"] = self.canonical[key]
            out.append(Mention(METRIC, surface, s, e, self.name, attrs))
        return out


# Measures a paper often qualifies: "segmentation accuracy", "zero-shot transfer accuracy",
# "wall-time training cost", "execution time".
WEAK = {"high", "low", "higher", "lower", "good", "best", "top", "overall", "average", "final",
        "total", "competitive", "comparable", "remarkable", "excellent", "promising", "similar",
        "same", "mean", "inference", "run", "runtime", "full", "requisite", "required",
        "desired", "strong", "fair", "reasonable", "acceptable", "original", "baseline"}
EVALUATIVE = re.compile(r"(?:ful|ous|ible|able)$")  # "graceful", "remarkable": praise, not a name
QUALIFIABLE = {"accuracy", "error", "cost", "time", "memory", "speedup", "distance", "delay"}
MODIFIER = re.compile(r"([a-z][a-z\-]+)\s$")


def _qualified(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a qualifiable measure over up to three modifiers before it ("top-1" stays)."""
    if text[start:end].lower() not in QUALIFIABLE:
        return start, end
    for _ in range(3):
        word = MODIFIER.search(text, max(0, start - 30), start)
        if not word or word.end() != start or word.group(1) in NOT_MODIFIERS or DESCRIBING.match(
                word.group(1)) or word.group(1) in WEAK or EVALUATIVE.search(word.group(1)):
            break
        start = word.start(1)
    return start, end

