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

The patterns and word lists live in :mod:`extractors.method_patterns`, with the index of where
the cue words are (:class:`~extractors.method_patterns.CueWords`), so each cue pattern is tried
only where it can match; lexicon forms are found by :class:`extractors.phrases.PhraseFinder`
(in the pipeline, by the concepts' matcher: :class:`~extractors.concepts.SharedLower`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from spacy.language import Language
from spacy.tokens import Doc

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
from extractors.concepts import Entry, SharedLower
from extractors.method_patterns import (
    AFFIX,
    APPOSITIVE_FIRST,
    APPOSITIVE_NEW,
    BASELINE,
    BASELINE_CUE,
    COMPONENT,
    COMPONENT_AFTER,
    COMPONENT_CUE,
    COORDINATION_GAP,
    DATA_AFTER,
    DIRECT_PROPOSE,
    EXISTING,
    EXISTING_CUE,
    FAMILY_END,
    INTERRUPTION,
    INTRODUCED_NAME,
    INTRODUCING_SUBJECT,
    INTRODUCING_VERBS,
    KIND_APPOSITIVE,
    LIST_WORDS,
    LONG_FORM_WORDS,
    MEASURE_FORM,
    METHOD_HEAD,
    METHOD_NOUN_AFTER,
    MODULE_AFTER,
    MODULE_HEAD,
    NAMING,
    NAMING_CUE,
    NEXT_OBJECT,
    NOT_METHODS,
    OURS_AFTER,
    PASSIVE_FIRST,
    PASSIVE_PROPOSED,
    PROPOSE,
    PROPOSE_CUE,
    PURPOSE,
    QUOTES,
    TITLE_GENERIC,
    TITLE_NAME,
    TITLE_NOT_SYSTEM,
    VARIANT,
    CueWords,
    candidate_words,
)
from extractors.phrases import PhraseFinder
from extractors.shapes import Shape, normalise, shape_of

BLOCKING = frozenset((CONCEPT, DATASET, METRIC, TASK, CODE))
# Passed as a role to :meth:`_Scan.accept`: "the role the candidate's own context shows", which
# costs a dozen regex searches and is read only for the candidates that need it.
OWN = "own"
ROLES = ("mentioned", "component", "baseline", "proposed")  # weakest to strongest
RANK = {role: rank for rank, role in enumerate(ROLES)}


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    shape: Shape
    key: str  # normalise(text): the name's identity, asked for often
    lexicon: bool = False
    long_form: str | None = None
    long_span: tuple[int, int] | None = None
    title_name: bool = False
    introduced: bool = False  # named right after "we propose", with ", a ... method" after it
    entity: str | None = None  # the lexicon entry's name: joins "ResNet" and "residual networks"
    cue: str | None = OWN  # the role its own context shows, read on first need (role_at)
    verdict: bool | None = None  # accept() given that role, once asked


class MethodExtractor:
    """Named methods with ``proposed`` and ``role`` from the evidence listed above."""

    name = "methods"
    labels = (METHOD,)

    def __init__(
        self,
        nlp: Language,
        entries: Iterable[Entry],
        lower: SharedLower | None = None,
        other_kinds: Iterable[str] = (),
    ) -> None:
        # names of tasks and measures ("ASR", "OCR", "BLEU"): no method, whatever the cues say
        self.other_keys = frozenset(normalise(form) for form in other_kinds)
        # the forms may be found in the concepts' pass over each document (the pipeline shares
        # it, as written and in any case), else by passes of our own
        self._exact = lower.orth if lower else PhraseFinder(nlp.vocab, attr="ORTH")
        self._lower = lower or PhraseFinder(nlp.vocab, attr="LOWER")
        self._known: dict[str, str] = {}  # normalised name or alias -> the entry's name
        # the same words are looked up in every document: remembered (see _is_known)
        self.known = lru_cache(maxsize=1 << 14)(self._is_known)
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

    def _is_known(self, text: str) -> bool:
        """Whether ``text`` (or it without a plural "s") is a lexicon name or alias."""
        return normalise(text) in self._known or normalise(text.rstrip("s")) in self._known

    def read(self, doc: Doc, text: str) -> tuple[list[tuple[int, int]], CueWords]:
        """The spans of lexicon forms in a document, and where its cue words are."""
        return self._exact(doc, text) + self._lower(doc, text), CueWords(text)


class _Scan:
    """One document's pass: candidates, then evidence, then mentions."""

    def __init__(self, document: Document, found: Sequence[Mention], owner: MethodExtractor):
        self.doc = document
        self.text = document.text
        self.owner = owner
        blocked: list[tuple[int, int]] = []
        # "CIFAR-10/100" begins with a dataset name: data written in shorthand, not a method
        self.data_starts: set[int] = set()
        # what the paper releases as data, or a listed dataset, is no method elsewhere in it
        self.data_keys: set[str] = set()
        self.abbrs: list[Mention] = []
        for m in found:  # one pass over what the earlier extractors found
            if m.label in BLOCKING:
                blocked.append((m.start, m.end))
                if m.label == DATASET:
                    self.data_starts.add(m.start)
                    if m.attrs.get("proposed") or m.attrs.get("how") == "lexicon":
                        self.data_keys.add(normalise(m.text))
            elif m.label == ABBREVIATION:
                self.abbrs.append(m)
        self.blocked = _Spans(blocked)
        self.defined = {a.text: a.attrs.get("long_form") or "" for a in self.abbrs}
        self.long_spans = [(a.attrs["long_start"], a.attrs["long_end"]) for a in self.abbrs]
        self.sent_starts = [start for start, _ in document.sentences()]
        # where each sentence ends: the next one's start, the text's end after the last
        self.sent_ends = self.sent_starts[1:] + [len(self.text)]
        self.lexicon, self.cues = owner.read(document.doc, self.text)

    # -- candidates ----------------------------------------------------------------------------

    def candidates(self) -> dict[tuple[int, int], _Candidate]:
        text = self.text
        out: dict[tuple[int, int], _Candidate] = {}
        for start, end in self.lexicon:
            variant = VARIANT.match(text, end)
            if variant and not text[start:end].endswith("s"):
                end = variant.end()
            name = text[start:end]
            out[(start, end)] = _Candidate(
                start,
                end,
                name,
                Shape.STRONG,
                normalise(name),
                lexicon=True,
                entity=self.owner.entry_of(name),
            )
        # inside a lexicon match (its own span included) or an abbreviation's long form: part
        # of a longer name. The words come by start, so the spans starting at or before a word
        # are walked once, with the furthest end they reach (a merge, not a search per word).
        longer = sorted([*out, *self.long_spans])  # out's keys are the lexicon spans
        longer.append((len(text) + 1, 0))  # a sentinel starting after every word
        following, reach, i = longer[0][0], -1, 0
        for start, word in candidate_words(text):
            named = _named(word)  # cached per word: None for no shape or a word never a method
            if named is None:
                continue
            while following <= start:
                reach = max(reach, longer[i][1])
                i += 1
                following = longer[i][0]
            word, shape, key = named
            end = start + len(word)
            if reach >= end:
                continue
            out[(start, end)] = _Candidate(start, end, word, shape, key)
        for abbr in self.abbrs:
            key = (abbr.start, abbr.end)
            cand = out.get(key) or _Candidate(
                abbr.start, abbr.end, abbr.text, shape_of(abbr.text), normalise(abbr.text)
            )
            cand.long_form = abbr.attrs["long_form"]
            cand.long_span = (abbr.attrs["long_start"], abbr.attrs["long_end"])
            out[key] = cand
        self._title_candidate(out)
        self._introduced_candidates(out)
        return out

    def _introduced_candidates(self, out: dict[tuple[int, int], _Candidate]) -> None:
        """Names without a name's shape that "we propose" introduces with an appositive saying
        what kind of method they are ("we propose Maestro, a framework for ...")."""
        text, low = self.text, self.cues.low
        for verb in INTRODUCING_VERBS:
            at = low.find(verb)
            while at != -1:
                after = at + len(verb)
                match = INTRODUCED_NAME.match(text, after)
                if match and INTRODUCING_SUBJECT.search(text, max(0, at - 40), at):
                    start, end = match.span(1)
                    name = match.group(1)
                    cand = out.get((start, end)) or _Candidate(
                        start, end, name, shape_of(name), normalise(name)
                    )
                    cand.introduced = True
                    out[(start, end)] = cand
                at = low.find(verb, after)

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
        cand = out.get((start, end)) or _Candidate(
            start, end, name, shape_of(name), normalise(name)
        )
        cand.title_name = True
        out[(start, end)] = cand

    # -- evidence ------------------------------------------------------------------------------

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, pos) - 1
        if i < 0:  # before the first sentence (or no sentences)
            return 0, self.sent_starts[0] if self.sent_starts else len(self.text)
        return self.sent_starts[i], self.sent_ends[i]

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
        anchor, end = cand.start, cand.end
        if cand.long_span and cand.long_span[0] < anchor:
            anchor = cand.long_span[0]
        s_start, s_end = self.sentence_bounds(anchor)
        low = anchor - 120 if anchor - 120 > s_start else s_start
        if anchor < cand.start and text.startswith(")", end):  # read after "Long Form (LF)"
            end += 1
        after = text[end : end + 120 if end + 120 < s_end else s_end]
        cues = self.cues
        words = cues.between(low, anchor)  # cue words in text[low:anchor]: mostly none
        bits = 0  # the cues one of those words starts: only those can match
        if words:  # else only what follows the name (or its title) can show a role
            for _, word_bits in words:
                bits |= word_bits
            before = text[low:anchor]  # read only by the cues; before[-40:] starts at near_40
            near_40 = anchor - 40 if anchor - 40 > low else low
            if bits & EXISTING and cues.search(
                words, EXISTING, EXISTING_CUE, before[-40:], near_40
            ):
                return "component"
            if bits & NAMING and cues.search(words, NAMING, NAMING_CUE, before, low):
                return "proposed"
        first = after.lstrip()[:1]  # what OURS_AFTER and PASSIVE_PROPOSED start with
        if (
            cand.title_name
            or (first == "(" and OURS_AFTER.match(after))
            or (
                after.lstrip(QUOTES).lstrip()[:1] in APPOSITIVE_FIRST
                and APPOSITIVE_NEW.match(after)
            )
            or (first in PASSIVE_FIRST and PASSIVE_PROPOSED.match(after))
        ):
            return "proposed"
        if (
            cand.long_form
            and not self.owner.known(cand.text)
            and (MODULE_AFTER.match(after) or MODULE_HEAD.search(cand.long_form))
        ):
            return "proposed"
        if bits:
            if bits & PROPOSE:
                cue_ends = [m.end() for m in PROPOSE_CUE.finditer(before)]
                if cue_ends and not _interrupted(before[cue_ends[-1] :]):
                    return "proposed"
            near_60 = anchor - 60 if anchor - 60 > low else low  # where before[-60:] starts
            if bits & BASELINE and cues.search(
                words, BASELINE, BASELINE_CUE, before[-60:], near_60
            ):
                return "baseline"
            if bits & COMPONENT and cues.search(
                words, COMPONENT, COMPONENT_CUE, before[-40:], near_40
            ):
                return "component"
        if after[1:2] in "bBeEdDfF" and COMPONENT_AFTER.match(after):
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
        """Whether the candidate names a method, given the role its context shows (by default
        its own, and then the answer is kept: definitions are asked twice)."""
        if role != OWN:
            return self._accept(cand, role)
        if cand.verdict is None:
            cand.verdict = self._accept(cand, OWN)
        return cand.verdict

    def _accept(self, cand: _Candidate, role: str | None) -> bool:
        key = cand.key
        if not key or key in NOT_METHODS or key in self.data_keys or self.is_blocked(cand):
            return False
        if DATA_AFTER.match(self.text, cand.end) or KIND_APPOSITIVE.match(self.text, cand.end):
            return False  # "X dataset", "X, a task-adaptive metric": data or a measure
        if cand.lexicon:
            return True
        if key in self.owner.other_keys and cand.long_form is None and (
            cand.text not in self.defined
        ):
            return False  # "our ASR model": a task, unless the paper defines it ("DICE (...)")
        if cand.long_form is not None:
            return self._accept_definition(cand, cand.long_form, role)
        if (long_form := self.defined.get(cand.text)) is not None:
            # what the paper defines the name as decides ("text-to-image (T2I)": no method)
            return self._accept_definition(cand, long_form, role)
        if cand.title_name or cand.introduced:
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

    def _accept_definition(self, cand: _Candidate, long_form: str, role: str | None) -> bool:
        """A known name or long form, a long form ending in a method noun, or a capitalised
        long form the paper proposes; ``role`` OWN is read only if needed. A lower-case plural
        long form names a family ("large vision-language models (LVLMs)"), a method only when
        the paper proposes it ("PHNNs: ...", parameterized hypercomplex neural networks)."""
        if self.owner.known(long_form) or self.owner.known(cand.text):
            return True
        rest = long_form[1:]  # the first letter may be a sentence's capital
        family = rest == rest.lower() and FAMILY_END.search(long_form) is not None
        if not family and _method_head(long_form):
            return True
        if role == OWN:
            role = self.own_role(cand)
        if family:  # the definition decides for every mention: the title may name it
            return role == "proposed" or self.text.startswith((cand.text + ":", cand.text + " -"))
        return (
            role == "proposed"
            and any(w[:1].isupper() for w in long_form.split())
            and not MEASURE_FORM.search(long_form)  # "Context Divergence Score (CDS)": a measure
        )

    # -- output --------------------------------------------------------------------------------

    def run(self) -> Iterator[Mention]:
        cands = self.candidates()
        roles: dict[str, str] = {}
        long_forms: dict[str, str] = {}
        rejected: set[str] = set()
        entities: dict[str, str] = {}
        # by start, the longest first: sorted by end, longest first, then (stably) by start
        spans = sorted(cands, key=itemgetter(1), reverse=True)
        spans.sort(key=itemgetter(0))
        ordered = [cands[span] for span in spans]
        for abbr in self.abbrs:  # the candidates with a long form: a rejected one rejects its name
            cand = cands[(abbr.start, abbr.end)]
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
                if role and RANK[role] > RANK[best]:
                    best = role
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
            if (left.key in roles) == (right.key in roles):  # one must be in, the other not
                continue
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


class _Spans:
    """Character spans, asked whether one of them covers a range: a binary search over the
    spans sorted by start, with the furthest end reached so far (nested spans are common)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = list(map(itemgetter(0), spans))
        self.reach = list(accumulate(map(itemgetter(1), spans), max))

    def cover(self, start: int, end: int) -> bool:
        """Whether a span starts at or before ``start`` and ends at or after ``end``."""
        i = bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end


@lru_cache(maxsize=1 << 16)
def _name_shape(word: str) -> tuple[str, Shape, str]:
    """A candidate word without a trailing :data:`AFFIX` ("DNN" of "DNN-based"), its shape and
    its key (:func:`normalise`)."""
    if "-" in word or "'" in word or "’" in word:  # what AFFIX needs: skip it otherwise
        affix = AFFIX.search(word)
        if affix:
            word = word[: affix.start()]
    return word, shape_of(word), normalise(word)


@lru_cache(maxsize=1 << 16)
def _named(word: str) -> tuple[str, Shape, str] | None:
    """:func:`_name_shape` of a candidate word, or None where it has no name shape or is one of
    :data:`NOT_METHODS`: such a word is never accepted, and its key never joins the accepted
    names, so left out it changes no list gap either (its text lies in the gap)."""
    named = _name_shape(word)
    return None if named[1] is Shape.NONE or named[2] in NOT_METHODS else named


@lru_cache(maxsize=1 << 12)
def _method_head(long_form: str) -> bool:
    """Whether a long form's last word is a method noun ("Hierarchical Edge Module")."""
    return METHOD_HEAD.search(LONG_FORM_WORDS.split(long_form.strip())[-1]) is not None


def _interrupted(between: str) -> bool:
    """A comparison, a second clause, an appositive or a purpose between a propose cue and a
    name breaks the link; a second object ("..., and a framework X") starts it again."""
    objects = list(NEXT_OBJECT.finditer(between))
    if objects:
        between = between[objects[-1].end():]
    if INTERRUPTION.search(between):
        return True
    return not between.rstrip().endswith(",") and PURPOSE.search(between) is not None
