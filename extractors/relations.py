"""Comparisons between methods: "X outperforms Y and Z on D in M".

Built on the method, dataset and metric mentions found before. In a sentence
with a comparison cue, the winner is the nearest method named before the cue
in the same clause, or, when the clause speaks of the paper's own work ("our
model", "the proposed approach", "we", "it"), the method the paper proposes.
The losers are the methods named after the cue up to the end of the clause
("outperforms ResNet and DenseNet" gives two comparisons). The dataset and the
metric are the first of each named in the sentence, when there is one. A
sentence without a named loser ("outperforms the state of the art") gives
nothing: the graph links named methods only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

import ahocorasick_rs

from extractors.base import DATASET, METHOD, METRIC, Document, Mention

COMPARISON = "Comparison"  # attrs: winner, loser, dataset, metric

# The verb of a comparison: matches "outperforms", "surpassing", "is better than",
# "performs favorably against", "compares favourably with"; must not match "performance" or
# "better understanding".
CUE = re.compile(
    r"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|"
    r"outclass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|"
    r"(?:is|are|was|were|performs?|performed|performing|works?|does|do)\s+better\s+than|"
    r"superior\s+to|(?:performs?|performed|performing|compares?|compared)\s+favou?rably\s+"
    r"(?:against|with|to))\b",
    re.IGNORECASE,
)
# Lower-case keys one of which every CUE match contains. CUE is tried only where a key is
# (an IGNORECASE regex scanned over a whole text costs more than the rest of this module):
# at the key itself, or for LATE_KEYS at the start of the word before it ("is" of "is better").
CUE_KEYS = ("outperform", "surpass", "beat", "outclass", "exceed", "superior", "better",
            "favorabl", "favourabl")
LATE_KEYS = frozenset({"better", "favorabl", "favourabl"})
# The keys found without overlaps (a leftmost search, which skips to a rare byte at once: half
# the time of an overlapping one). That loses nothing: no key holds another, and a key that
# overlaps the end of the key before it ("surpassuperior") starts inside a word, where CUE
# cannot start (its \b, or for LATE_KEYS the space before the key); the key before it is
# "surpass" or "outclass", never gated, so the gate below reads the text either way
# (test_relations_overlapping_keys_are_never_needed).
CUE_AUTOMATON = ahocorasick_rs.AhoCorasick(
    CUE_KEYS, matchkind=ahocorasick_rs.MatchKind.LeftmostFirst
)
# A text is read for cues only if it holds one of CUE_KEYS, "better" and "superior" counting
# only as "better than" and "superior to" with one space (so "better\nthan" alone is not read,
# though CUE matches it: kept as it always was, for unchanged output).
GATED_KEYS = {"better": "better than", "superior": "superior to"}
# The four non-ASCII letters IGNORECASE equates with ASCII ones: matches "ſ" (long s, = "s")
# and "İ" (whose lower case is two characters, shifting offsets); must not match "é". Where one
# occurs, keys read from the lower-cased text could miss a CUE match: the whole text is scanned.
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
# Where a clause ends: matches "; ", ", while", ", whereas", ", but", ". "; must not match
# the comma of "ResNet, DenseNet and VGG".
CLAUSE_END = re.compile(r";|,?\s(?:while|whereas|but|although|though)\b|\.\s")
# The paper's own work as a subject: matches "our method", "the proposed network", "We",
# "it", "our MedNet"; must not match "prior methods" or "existing approaches".
OWN_WORK = re.compile(
    r"\b(?:our|the\s+proposed|the\s+resulting|this)\s+(?:\w+[\s-]){0,3}?"
    r"(?:method|model|approach|framework|network|architecture|algorithm|system|design|"
    r"detector|technique|pipeline|module|variant|solution)s?\b|\b(?:we|it)\b",
    re.IGNORECASE,
)


class ComparisonExtractor:
    """Method-beats-method statements with the dataset and metric of the sentence."""

    name = "comparisons"
    labels = (COMPARISON,)

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        text = document.text
        lowered = text.lower()
        keys = CUE_AUTOMATON.find_matches_as_indexes(lowered)
        if not any(CUE_KEYS[i] not in GATED_KEYS or GATED_KEYS[CUE_KEYS[i]] in lowered
                   for i, _, _ in keys):
            return []  # most abstracts
        cues = list(_cues(text, keys))
        if not cues:
            return []
        methods = sorted((m for m in found if m.label == METHOD), key=lambda m: m.start)
        if not methods:
            return []
        proposed = next((m.text for m in methods if m.attrs.get("proposed")), None)
        sentences = document.sentences()
        starts = [start for start, _ in sentences]
        out: list[Mention] = []
        for cue in cues:
            s_start, s_end = sentences[max(0, bisect_right(starts, cue.start()) - 1)]
            clause_start, clause_end = _clause(text, s_start, s_end, cue.start(), cue.end())
            winner = _winner(text, methods, clause_start, cue.start(), proposed)
            if winner is None:
                continue
            context = {
                "dataset": _first(found, DATASET, s_start, s_end),
                "metric": _first(found, METRIC, s_start, s_end),
            }
            for loser in methods:
                if cue.end() <= loser.start and loser.end <= clause_end and loser.text != winner:
                    attrs = {"winner": winner, "loser": loser.text, **context}
                    span = text[cue.start() : loser.end]
                    out.append(Mention(COMPARISON, span, cue.start(), loser.end, self.name, attrs))
        return out


def _cues(text: str, keys: list[tuple[int, int, int]]) -> Iterator[re.Match[str]]:
    """What ``CUE.finditer(text)`` gives, trying CUE only where it can start; ``keys`` are
    CUE_AUTOMATON's matches over ``text.lower()``."""
    if not text.isascii() and FOLDS_TO_ASCII.search(text):
        yield from CUE.finditer(text)
        return
    end = 0
    for start in _cue_starts(text, keys):
        if start >= end and (cue := CUE.match(text, start)) is not None:
            end = cue.end()
            yield cue


def _cue_starts(text: str, keys: list[tuple[int, int, int]]) -> list[int]:
    """Offsets where a CUE match may start, in order: every match holds a key of CUE_KEYS."""
    starts = set()
    for i, start, _ in keys:
        if CUE_KEYS[i] not in LATE_KEYS:
            starts.add(start)
            continue
        word_end = start
        while word_end > 0 and text[word_end - 1].isspace():
            word_end -= 1
        word_start = word_end
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "_"):
            word_start -= 1  # back to CUE's leading \b
        if word_start < word_end < start:
            starts.add(word_start)
    return sorted(starts)


def _clause(text: str, s_start: int, s_end: int, c_start: int, c_end: int) -> tuple[int, int]:
    """The clause around a cue: from the last clause break before it to the next after it."""
    before = [m.end() for m in CLAUSE_END.finditer(text, s_start, c_start)]
    after = CLAUSE_END.search(text, c_end, s_end)
    return (before[-1] if before else s_start), (after.start() if after else s_end)


def _winner(
    text: str, methods: list[Mention], start: int, cue: int, proposed: str | None
) -> str | None:
    """The subject nearest the cue: a named method, or the paper's own work ("our model")."""
    before = [m for m in methods if start <= m.start and m.end <= cue]
    own = [m.start() for m in OWN_WORK.finditer(text, start, cue)]
    if before and (not own or before[-1].start > own[-1]):
        nearest = before[-1]
        # "Our model, built on ResNet, outperforms": the method sits in an aside of the subject
        aside = own and "," in text[own[-1] : nearest.start] and "," in text[nearest.end : cue]
        if not (aside and proposed):
            return nearest.text
    return proposed if own else None


def _first(found: Sequence[Mention], label: str, start: int, end: int) -> str | None:
    inside = [m for m in found if m.label == label and start <= m.start < end]
    return min(inside, key=lambda m: m.start).text if inside else None
