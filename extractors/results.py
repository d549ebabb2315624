"""Reported absolute scores: a metric, a value with its unit or ± part, and the dataset.

Built on the metric, dataset and method mentions found before. A metric named once is the
same metric wherever its form recurs in the text ("(IS=8.81pm0.10, FID=9.91)"), whether or
not a tokeniser split it there. A result is a metric with a value

- after it: "a Dice score of 0.8013 ± 0.0243", "mean Average Precision (mAP@0.5) of 0.9501",
  "accuracy: 96%", "FID=9.91", "an mIoU of 86.18%, and 97.84%";
- or before it: "55.6 mIoU", "91.2% top-1 accuracy", "83.0% zero-shot transfer accuracy",
  "12.83 million parameters";
- or chained after either: "2.26% test error on CIFAR-10, 16.39% on CIFAR-100 and 23.4% on
  ImageNet" gives three results of the one metric.

The dataset is the one named in the same clause ("on ADE20K", "an ImageNet accuracy of"), else
the dataset of the sentence before when this one names no data at all. The method is the
nearest method named before the value in the sentence, else the paper's proposed method.
Relative claims are not results: "improves by 3.2 AP", "by 7.06 mAP for X and 12.9 mAP for
Y", "20% fewer", "0.76% accuracy loss", "+1.5 mIoU", "1%-2%", "10x faster".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from extractors.base import DATASET, METHOD, METRIC, RESULT, Document, Mention

# A score as written: "0.8013 ± 0.0243", "88.0%", "55.6", "0.6211 \\pm 0.0309", "8.81pm0.10",
# "4M+", "12.83 million", "17.1 ms", "1.2 GPU days", "$0.714$", "\\textbf{0.940}"; not the "3"
# of "3.2x" (checked after). LATEX_OPEN is the "$" or "\\textbf{" before a value in LaTeX.
LATEX_OPEN = r"(?:\$|\\textbf\{)?"
LATEX_PAIRS = (("$", "$"), ("\\textbf{", "}"))
VALUE = (rf"{LATEX_OPEN}\d+(?:\.\d+)?(?:\s?\\?%)?"
         r"(?:(?:\s?(?:±|\\pm|\+/-|\+-)\s?|pm)\d+(?:\.\d+)?(?:\s?\\?%)?)?"
         r"(?:\s(?:million|billion|ms|GPU[\s-]days|hours)\b|[KMB]\+?(?![\w]))?(?:\$|\})?")
# What may not follow a value: letters, digits, a range, a multiplier, a comparison. Matches
# "x faster" after "3.2", "-2%" after "1%"; must not match " on COCO" or a sentence's full stop.
NOT_AFTER_VALUE = re.compile(r"\w|\.\d|[-–]\d|\s?(?:x|×|times|fewer|less|more|lower|higher)\b")
# After a metric: " of 0.95", ": 96%", "=9.91", " score of", "s of 0.8965" (a plural),
# " (mAP@0.5) of 0.9501", " reaching 88.0%", " of up to 95%", " 0.748"; not " of the model"
# or " 10 times".
AFTER_METRIC = re.compile(
    r"(?:s(?!\w))?(?:\s?scores?)?(?:\s?\([^()]{1,40}\))?"
    r"(?:\s(?:of|is|was|were|reaches|reaching|achieves|at)\s|\s?[:=]\s?"
    rf"|\s(?={LATEX_OPEN}\d+(?:\.\d|\s?\\?%)))"  # a score right after: "AUROC 0.748", "F1 91%"
    r"(?:(?:about|around|approximately|up\sto|only|over|nearly|roughly|just)\s)?"
    rf"({VALUE})")
# Before a metric, with up to three modifier words: "55.6 ", "91.2% ", "83.0% zero-shot
# transfer "; not "by 3.2 " (relative, checked apart), "20% of the " (function words) or
# "22K without sacrificing " (verbs).
BEFORE_METRIC = re.compile(
    rf"(?<![\w.\-+/])({VALUE})\s(?:(?!(?:of|by|on|in|for|with|to|than|and|or|at|from|the|a|an|"
    r"without|within|while|when|where|which|that|fewer|less|more|lower|higher|[a-z]+ing)\s)"
    r"[a-z][\w\-]*\s){0,3}$")
# Further values of one metric: " and 97.84%", ", 0.6211 ± 0.0309"; not " and 12 layers".
MORE_VALUES = re.compile(rf"(?:,\s?|\s(?:and|or|vs\.?)\s|,\sand\s)({VALUE})(?!\w|\.\d)")
# A chained value of the same metric: " on CIFAR-10, 16.39%" before " on"; not ", 16 layers".
CHAINED = re.compile(rf"(?:\s(?:on|for|in)\s[^,;()]{{1,50}}?)(?:,\s(?:and\s)?|\sand\s)({VALUE})"
                     r"(?=\s(?:on|for|in)\s)")
# A digit, which every VALUE starts with: BEFORE_METRIC is searched from the first one before
# a metric, if any. Matches the "5" of "55.6 mIoU"; must not match "the mIoU".
DIGIT = re.compile(r"\d")
# Words that make the next number relative: "improves by ", "by up to ", "gain of ", "+", a
# verb of change right before it ("lose up to ", "drops ", "improved "); not "achieves ".
RELATIVE = re.compile(
    r"(?:\bby|\bgains?\s(?:of|in)|\bimprovements?\s(?:of|in)|\bincreases?\s(?:of|in)|"
    r"\breductions?\s(?:of|in)|\bdrops?\s(?:of|in)|\bboosts?|\boutperform\w*|[+↑↓−]|"
    r"\bmargin\sof|\b(?:lose|loses|losing|lost|drops?|dropped|decreases?|decreased|degrades?|"
    r"degraded|reduces?|reduced|improves?|improved|increases?|increased|gains?|gained|boosted))"
    r"\s?(?:(?:up\sto|only|about|around|nearly|roughly|over|at\sleast)\s)?$",
    re.IGNORECASE)
# Lower-case substrings one of which every RELATIVE match holds: a cheap test before it.
RELATIVE_KEYS = ("by", "gain", "improve", "increase", "reduc", "drop", "boost", "outperform",
                 "margin", "los", "decrease", "degrade", "+", "↑", "↓", "−")
# The four non-ASCII letters IGNORECASE equates with ASCII ones: matches "ſ" (long s, = "s")
# and "İ" (= "i"); must not match "é". A text holding one skips the RELATIVE_KEYS test.
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
# A number listed after a relative one: "by 7.06 mAP for NuImages and ", "improvements of
# 11.1% Acc on X, 14.6 BLEU on Y, and "; not "by 2 and" (no value between).
RELATIVE_CHAIN = re.compile(
    rf"\b(?:by|(?:improvements?|gains?|increases?)\sof)\s(?:about\s|around\s|up\sto\s)?{VALUE}"
    r"(?:[^.;]|\.\d){1,100}?(?:,\s(?:and\s)?|\sand\s)$", re.IGNORECASE)
# Words after a value or metric that make it relative: " fewer", "% lower", " loss", " gain".
RELATIVE_AFTER = re.compile(
    r"\s?(?:%\s)?(?:fewer|less|more|lower|higher|faster|slower|improvements?|gains?|better|"
    r"worse|relative|absolute|points?|pp|loss|drops?|degradation|reductions?|increases?|"
    r"boosts?|speedups?|overhead|margin)\b", re.IGNORECASE)
# Where a clause ends, so a dataset beyond it belongs to another claim: "; ", ", while".
CLAUSE_END = re.compile(r"[;]|,\s(?:while|whereas|and\s(?:the|a|an))\b|\bwhile\b")
# A preposition right before a dataset after the value: " on ", " for the ", ") on the ".
PREPOSITION = re.compile(r"\b(?:on|for|in|over|across|using)\s(?:the\s|both\s)?$")
# Words saying a sentence is about some data, so the last sentence's dataset is not carried
# over: "dataset", "benchmark", "data", "test split"; "database" is one too, rightly.
DATA_WORD = re.compile(r"\b(?:data|benchmark|corpus|split|test\s?set|validation\sset)",
                       re.IGNORECASE)
# Metrics that count model size or compute: a result only beside a score or after "only".
COUNT_METRIC = re.compile(r"(?i:param\w*|(?:G|T|M)?FLOPs?|MACs?)$")

Span = tuple[int, int]


class ResultExtractor:
    """Results from metric mentions and the numbers next to them."""

    name = "results"
    labels = (RESULT,)

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        text = document.text
        named = [m for m in found if m.label == METRIC]
        if not named:
            return []
        metrics = _metric_spans(text, named)
        context: _Context | None = None  # built at the first value: most metrics have none
        out, seen = [], set()
        for ms, me in metrics:
            for s, e, anchored in _values(text, ms, me):
                if (s, e) in seen:
                    continue
                seen.add((s, e))
                context = context or _Context(document, found)
                lo, hi = (min(s, ms), max(e, me)) if anchored else (s, e)
                attrs = {
                    "metric": text[ms:me],
                    "value": text[s:e].strip(),
                    "dataset": context.dataset(lo, hi),
                    "method": context.method(s),
                }
                out.append(Mention(RESULT, text[s:e], s, e, self.name, attrs))
        if context is None:
            return []
        return [m for m in out if _scored(m, out, context)]


def _metric_spans(text: str, metrics: list[Mention]) -> list[Span]:
    """Every metric mention, and every other place its form recurs as a whole word."""
    spans = {(m.start, m.end) for m in metrics}
    for form in {m.text for m in metrics}:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            whole = (at == 0 or not text[at - 1].isalnum()) and not text[end:end + 1].isalnum()
            if whole and (at, end) not in spans and not any(s < end and at < e for s, e in spans):
                spans.add((at, end))
            at = text.find(form, end)
    return sorted(spans)


def _values(text: str, ms: int, me: int) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, next_to_metric)`` of each value the metric at ``ms:me`` scores."""
    for s, e, next_to_metric in _spans(text, ms, me):
        yield (*_as_written(text, s, e), next_to_metric)


def _as_written(text: str, s: int, e: int) -> Span:
    """A value's span with its LaTeX opener and closer both or neither: "$0.69$" (a value read
    from its first digit takes the "$" before it), "0.94" of "0.94}" (a brace closing more)."""
    value = text[s:e]
    for opener, closer in LATEX_PAIRS:
        if value.endswith(closer) and not value.startswith(opener):
            return (s - len(opener), e) if text.endswith(opener, 0, s) else (s, e - len(closer))
    return s, e


def _spans(text: str, ms: int, me: int) -> Iterator[tuple[int, int, bool]]:
    last = -1
    if (after := AFTER_METRIC.match(text, me)) and _absolute(text, *after.span(1)):
        s, e = after.span(1)
        yield s, e, True
        last = e
        while (more := MORE_VALUES.match(text, e)) and _absolute(text, *more.span(1)):
            s, e = more.span(1)
            if text[s:e].isdigit():  # " and 12 layers": a count
                break
            yield s, e, False
        last = e
    digit = DIGIT.search(text, max(0, ms - 60), ms)  # no digit, no value: most metrics
    before = digit and BEFORE_METRIC.search(text, digit.start(), ms)
    if before and last < 0:
        s, e = before.span(1)
        relative = RELATIVE_AFTER.match(text, me) or not _absolute(text, s, e)
        if not relative and not text[s:e].strip().isdigit():  # "14 datasets" is a count
            yield s, e, True
            last = me
    while last >= 0 and (chained := CHAINED.match(text, last)):
        s, e = chained.span(1)
        if _absolute(text, s, e):
            yield s, e, False
        last = e


def _scored(result: Mention, results: list[Mention], context: _Context) -> bool:
    """A parameter or FLOP count is a result beside a score of the same sentence or after
    "only" ("with only 4M+ parameters"); alone it describes a model ("a 7B-parameter LLM")."""
    if not COUNT_METRIC.search(result.attrs["metric"]):
        return True
    lo, hi = context.sentence(result.start)
    if "only" in context.text[max(lo, result.start - 12):result.start]:
        return True
    return any(lo <= r.start < hi and not COUNT_METRIC.search(r.attrs["metric"]) for r in results)


def _absolute(text: str, s: int, e: int) -> bool:
    """Not a relative claim: no "by"/"+"/"gain of" before, no "fewer"/"x"/"loss" after."""
    if NOT_AFTER_VALUE.match(text, e) or RELATIVE_AFTER.match(text, e):
        return False
    window = text[max(0, s - 150):s]
    return not (_relative_before(window[-25:]) or _chained_relative(window))


def _relative_before(tail: str) -> bool:
    """RELATIVE matches ``tail``, tried only when ``tail`` holds one of its keys."""
    if tail.isascii() or not FOLDS_TO_ASCII.search(tail):
        lowered = tail.lower()
        if not any(key in lowered for key in RELATIVE_KEYS):
            return False
    return RELATIVE.search(tail) is not None


def _chained_relative(window: str) -> bool:
    """RELATIVE_CHAIN matches ``window``, tried only when it ends as the pattern does: in a
    space after a comma or after "and"."""
    if not window[-1:].isspace():
        return False
    if window[-2:-1] != "," and window[-4:-1].lower() != "and":
        return False
    return RELATIVE_CHAIN.search(window) is not None


class _Context:
    """Datasets, methods and sentence bounds of one document, for placing each result."""

    def __init__(self, document: Document, found: Sequence[Mention]) -> None:
        self.text = document.text
        self.sentences = document.sentences()
        self.starts = [s for s, _ in self.sentences]
        self.datasets = sorted((m for m in found if m.label == DATASET), key=lambda m: m.start)
        self.methods = sorted((m for m in found if m.label == METHOD), key=lambda m: m.start)
        self.proposed = next((m.text for m in self.methods if m.attrs.get("proposed")), None)

    def sentence(self, offset: int) -> Span:
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def dataset(self, start: int, end: int) -> str | None:
        """Named right before ("an ImageNet accuracy of"), after ("on X"), earlier in the
        clause, or in the sentence before when this one names no data."""
        text, (lo, hi) = self.text, self.sentence(start)
        in_sentence = [d for d in self.datasets if lo <= d.start < hi]
        adjacent = [d for d in in_sentence if text[d.end:start] == " "]
        if adjacent:
            return adjacent[-1].text
        for d in in_sentence:
            if end <= d.start <= end + 60 and PREPOSITION.search(text, end, d.start) and (
                    not CLAUSE_END.search(text, end, d.start)):
                return d.text
        before = [d for d in in_sentence if d.end <= start
                  and not CLAUSE_END.search(text, d.end, start)]
        if before:
            return before[-1].text
        if in_sentence or DATA_WORD.search(text, lo, hi):
            return None
        i = bisect_right(self.starts, start) - 1
        before_lo = self.starts[i - 1] if i > 0 else lo
        previous = {d.text for d in self.datasets if before_lo <= d.start < lo}
        return previous.pop() if len(previous) == 1 else None

    def method(self, start: int) -> str | None:
        lo, _ = self.sentence(start)
        before = [m for m in self.methods if lo <= m.start and m.end <= start]
        return before[-1].text if before else self.proposed
