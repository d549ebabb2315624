"""Reported absolute scores: a metric, a value with its unit or ± part, and the dataset.

Built on the metric, dataset and method mentions found before. A result is a
metric mention with a value right after it ("a Dice score of 0.8013 ± 0.0243",
"mAP@0.5 of 0.9501", "accuracy: 96%") or right before it ("55.6 mIoU",
"91.2% top-1 accuracy"). The dataset is the one named in the same clause
("on ADE20K", "an ImageNet accuracy of"); the method is the nearest method named
before the value in the sentence, else the paper's proposed method. Relative
claims ("improves by 3.2 AP", "20% fewer", "a gain of 1.5 mIoU", "10x faster")
are not results.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from extractors.base import DATASET, METHOD, METRIC, RESULT, Document, Mention

# "0.8013 ± 0.0243", "88.0%", "55.6", "0.6211 \\pm 0.0309", "4.1 %"; not "3.2x" or "2024".
VALUE = r"\d+(?:\.\d+)?\s?\\?%?(?:\s?(?:±|\\?pm|\+/-|\+-)\s?\d+(?:\.\d+)?\s?\\?%?)?"
# Further values of one metric: " and 97.84%", ", 0.6211 ± 0.0309"; not " and 12 layers".
MORE_VALUES = re.compile(rf"^(?:,\s?|\s(?:and|or|vs\.?)\s|,\sand\s)({VALUE})(?![\w]|\.\d)")
# After a metric: " of 0.95", ": 96%", " = 55.6", " score of", " reaching 88.0%", " is 0.9".
AFTER_METRIC = re.compile(
    rf"^(?:\s?score)?(?:\s(?:of|is|was|reaches|reaching|=|at)\s|\s?[:=]\s?)(?:about\s|around\s|"
    rf"up\sto\s|only\s|over\s)?({VALUE})(?![\w]|\.\d|\s?(?:x|×|times|fewer|less|more|lower|higher))")
# Before a metric: "55.6 ", "91.2% ", "0.95 in ", "12.83 million ", "83.0% zero-shot transfer ";
# not "by 3.2 " (relative).
BEFORE_METRIC = re.compile(
    rf"(?<![\w.])({VALUE}(?:\s(?:million|billion))?)\s(?:(?:mean|average|the|in|of)\s)?"
    rf"((?:[a-z][a-z\-]+\s){{0,2}})$")
# Words between a value and its metric that make the value a change, not a score.
CHANGE_WORDS = {"improvement", "improvements", "gain", "gains", "boost", "increase", "reduction",
                "drop", "decrease", "on", "in", "over", "than", "higher", "lower", "better",
                "fewer", "less", "more", "relative", "absolute", "points", "point"}
# Words that make a number relative: "improves by", "gain of", "fewer", "+", "increase".
RELATIVE = re.compile(
    r"(?:\bby|\bgains?\s(?:of|in)|\bimprovements?\s(?:of|in)|\bincreases?\s(?:of|in)|"
    r"\breductions?\s(?:of|in)|\bdrops?\s(?:of|in)|\bboosts?|\boutperform\w*|[+↑]|"
    r"\bmargin\sof|\bup\sto)\s?$", re.IGNORECASE)
RELATIVE_AFTER = re.compile(r"^\s?(?:%\s)?(?:fewer|less|more|lower|higher|faster|slower|"
                            r"improvement|gain|better|relative|absolute|points|loss|drop|"
                            r"degradation|reduction|increase|decrease)\b", re.IGNORECASE)
# A value in a chain of relative claims: "by 7.06 mAP for NuImages and " before "12.9 mAP".
RELATIVE_CHAIN = re.compile(
    r"\bby\s[\d.]+\s?%?\s[\w@\-]+(?:\s(?:on|for|in)\s[\w\-']+)?(?:\sand|,)\s?$")
# Between a value or metric and its dataset: matches " on ", " on the ", " in "; not " with ".
ON_DATASET = re.compile(r"^\s(?:on|for|in)\s(?:the\s)?$")
# Another value of the same metric on the next dataset: matches ", 16.39% on", " and 23.4% on";
# must not match ", with 12 layers on" (no value first) or " and 3.2x faster".
CONTINUED = re.compile(rf"^(?:,\s?(?:and\s)?|\sand\s)({VALUE})(?=\s(?:on|for|in)\s)")
DIGIT = re.compile(r"\d")
CLAUSE_END = re.compile(r"[;]|,\s(?:while|whereas|and\s(?:the|a|an))\b|\bwhile\b")


class ResultExtractor:
    """Results from metric mentions and the numbers next to them."""

    name = "results"
    labels = (RESULT,)

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        text = document.text
        metrics = [m for m in found if m.label == METRIC]
        datasets = sorted((m for m in found if m.label == DATASET), key=lambda m: m.start)
        methods = sorted((m for m in found if m.label == METHOD), key=lambda m: m.start)
        proposed = next((m.text for m in methods if m.attrs.get("proposed")), None)
        starts = [start for start, _ in document.sentences()]
        out, seen = [], set()
        for metric in metrics:
            values = list(self._values(text, metric))
            values += _continued(text, datasets, values, metric)
            for s, e in values:
                if (s, e) in seen:
                    continue
                seen.add((s, e))
                sentence = _bounds(starts, len(text), s)
                attrs = {
                    "metric": metric.text,
                    "value": text[s:e].strip(),
                    "dataset": _dataset(text, datasets, sentence, min(s, metric.start),
                                        max(e, metric.end) if s < metric.start else e),
                    "method": _method(methods, sentence, min(s, metric.start)) or proposed,
                }
                out.append(Mention(RESULT, text[s:e], s, e, self.name, attrs))
        return out

    @staticmethod
    def _values(text: str, metric: Mention) -> Iterable[tuple[int, int]]:
        after = AFTER_METRIC.match(text[metric.end:metric.end + 60])
        if after:
            s, e = metric.end + after.start(1), metric.end + after.end(1)
            yield s, e
            while more := MORE_VALUES.match(text[e:e + 40]):
                s, e = e + more.start(1), e + more.end(1)
                if not RELATIVE_AFTER.match(text[e:e + 14]):
                    yield s, e
        before_text = text[max(0, metric.start - 40):metric.start]
        before = BEFORE_METRIC.search(before_text)
        if before:
            s = metric.start - len(before_text) + before.start(1)
            e = metric.start - len(before_text) + before.end(1)
            relative = (CHANGE_WORDS.intersection(before.group(2).split())
                        or RELATIVE.search(text[max(0, s - 25):s])
                        or RELATIVE_AFTER.match(text[metric.end:metric.end + 14])
                        or RELATIVE_CHAIN.search(text[max(0, s - 60):s]))
            if not relative and not text[s:e].strip().isdigit():  # "14 datasets" is a count
                yield s, e


def _continued(text: str, datasets: list[Mention], values: list[tuple[int, int]],
               metric: Mention) -> list[tuple[int, int]]:
    """Values of the same metric on further datasets: "2.26% test error on CIFAR-10, 16.39% on
    CIFAR-100 and 23.4% on ImageNet" gives 16.39% and 23.4% after 2.26%."""
    out: list[tuple[int, int]] = []
    if not values:
        return out
    end = max(values[-1][1], metric.end)
    while True:
        following = [d for d in datasets if end <= d.start <= end + 12
                     and ON_DATASET.match(text[end:d.start])]
        if not following:
            return out
        more = CONTINUED.match(text[following[0].end:following[0].end + 40])
        if not more:
            return out
        s, e = following[0].end + more.start(1), following[0].end + more.end(1)
        out.append((s, e))
        end = e


def _bounds(starts: list[int], length: int, offset: int) -> tuple[int, int]:
    i = bisect_right(starts, offset) - 1
    return starts[max(i, 0)], starts[i + 1] if i + 1 < len(starts) else length


def _dataset(text: str, datasets: list[Mention], sentence: tuple[int, int], start: int,
             end: int) -> str | None:
    """The dataset of the clause: named after the value ("on X"), else just before it."""
    lo, hi = sentence
    adjacent = [d for d in datasets if lo <= d.start and 0 <= start - d.end <= 2]
    if adjacent:  # "an ImageNet accuracy of 88.0%"
        return adjacent[-1].text
    after = [d for d in datasets if end <= d.start < hi and d.start - end <= 40
             and not CLAUSE_END.search(text[end:d.start])]
    if after:
        return after[0].text
    # "60.0 AP on MS COCO and 59.7 mIoU": a dataset after another value belongs to that value
    before = [d for d in datasets if lo <= d.start and d.end <= start
              and not CLAUSE_END.search(text[d.end:start]) and _own(text[d.end:start])]
    if before:
        return before[-1].text
    named = {d.text for d in datasets}
    return named.pop() if len(named) == 1 else None  # the paper's only dataset


def _own(between: str) -> bool:
    """Whether a dataset named before a value is the value's: no other value comes between,
    except inside one parenthesis ("on STL-10 (IS=10.44, FID=22.18)")."""
    return not DIGIT.search(between) or ("(" in between and ")" not in between)


def _method(methods: list[Mention], sentence: tuple[int, int], start: int) -> str | None:
    lo, _ = sentence
    before = [m for m in methods if lo <= m.start and m.end <= start]
    return before[-1].text if before else None
