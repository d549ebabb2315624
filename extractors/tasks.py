"""Tasks a paper addresses or evaluates on, as lower-case leaderboard-style names.

Two sources: the curated task list (and user lexicons), matched case-insensitively;
and the shape every leaderboard task shares — one to four modifier words before a
task head noun ("object detection", "multi-center PET image synthesis",
"cross-domain sequential recommendation") — taken in the title, or in the abstract
when a task cue stands near ("task", "for", "on", "tackle", "such as") or the phrase
is coordinated with a task already taken. Head words are found with the lexicon's
phrase matcher, so the text is scanned once; the modifiers are read backwards from
each head.

Names follow the guideline: leading words that describe rather than name are
trimmed ("accurate", "including", "COCO"), a defined acronym is spelled out
("CTR prediction" -> "click-through rate prediction", the surface kept as an alias),
and coordinated modifiers or heads are distributed ("image and video generation",
"image clustering and retrieval"). Names from a user's public list are taken only
where a shape would be (a cue near) and never when they name a learning paradigm.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractors.base import ABBREVIATION, DATASET, TASK, Document, Mention
from extractors.lexicon import (
    DATA,
    CaseFormMatcher,
    Lexicon,
    folded,
    load_lexicons,
    read_lexicon,
    usable,
)
from extractors.task_patterns import (
    ACRONYM_WORD,
    ACTION,
    ADJECTIVE,
    BACKGROUND,
    CAPITAL,
    COORDINATION,
    CUE,
    CUE_KEYS,
    DESCRIBES_A_METHOD,
    DESCRIBING,
    DROPPED,
    HEADS,
    LISTED,
    LISTED_BEFORE,
    LY,
    NAMES,
    NAMING,
    NEXT_WORD,
    NOT_MODIFIERS,
    PARADIGM,
    PAREN_ACRONYM,
    PLURAL_HEADS,
    SHAPED,
    STOPS,
    SUBJECTS,
    TASK_AFTER,
    TITLE_WORD,
    USED,
    VERBS,
    british,
    piece_flags,
)


@dataclass(slots=True)
class Candidate:
    """A task phrase: its span, its lower-case name, and whether a cue stands near."""

    start: int
    end: int
    name: str
    cued: bool
    lexicon: bool = False  # from the curated list or a user's list
    bare: bool = False  # a head alone ("segmentation"): taken only in a list of tasks


class TaskExtractor:
    """Tasks from the lexicon and the modifier + head shape."""

    name = "tasks"
    labels = (TASK,)

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        lexicon = lexicon or load_lexicons()
        concept_list = list(read_lexicon(DATA / "concepts.jsonl"))
        concepts = {f.lower() for e in concept_list for f in e.forms}
        self.canonical: dict[str, str] = {}
        self.weak: set[str] = set()  # forms only a user's (public, noisy) list gives
        for entry in lexicon.of(TASK):
            for form in entry.forms:
                key = _written(form)
                if not usable(form, TASK, entry.curated) or key in self.canonical:
                    continue
                if not entry.curated and not _task_like(key.lower(), concepts):
                    continue
                for spelling in dict.fromkeys((key, british(key))):  # "language modelling"
                    if spelling == key or spelling not in self.canonical:
                        self.canonical[spelling] = entry.name.lower()
                        if not entry.curated:
                            self.weak.add(spelling)
        # the guideline's concepts ("retrieval-augmented generation") are no task, unless the
        # task list has the concept too ("unsupervised domain adaptation", a "domain adaptation")
        self.concepts = {f.lower() for e in concept_list for f in e.forms
                         if e.name.lower() not in self.canonical}
        # lexicon forms and head words under the case rule (the "ner" of "learner" is no
        # "NER"), in the pass over the text shared with datasets and metrics
        self.matcher = CaseFormMatcher([*self.canonical, *sorted(HEADS | PLURAL_HEADS)],
                                       shared=lexicon.shared)

    def _known(self, reader: _Reader, start: int, end: int, surface: str) -> Candidate:
        """A lexicon name: curated ones hold unless they are a field's background or modify a
        noun ("a recommendation prompt"); a public list's need a cue, like a shape."""
        if surface in self.weak:
            cued = reader.cued(start, end) and not DESCRIBES_A_METHOD.match(reader.low, end)
        else:
            cued = not reader.background(start)
        if " " not in surface and reader.modifies_next(end):
            cued = False
        return Candidate(start, end, self.canonical[surface], cued, True)

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        text = document.text
        reader = _Reader(document, found)
        candidates: list[Candidate] = []
        for s, e, form in self.matcher.finditer(text):
            if form in self.canonical and text[s - 1:s] != "-":  # not "sequential-recommendation"
                candidates.append(self._known(reader, s, e, form))  # first: wins an equal span
            if form in ANY_HEAD:
                candidates.extend(reader.shapes(s, e))
        candidates = [c for c in candidates if c.lexicon or c.name not in self.concepts]
        _extending_known(candidates)
        taken = _coordinated(text, candidates)
        out = []
        for c in _outermost(taken):
            attrs = {"canonical": c.name}
            out.append(Mention(TASK, text[c.start:c.end], c.start, c.end, self.name, attrs))
        return out


ANY_HEAD = HEADS | PLURAL_HEADS


def _written(form: str) -> str:
    """A task name as a text writes it: Title Case words lower-cased ("Image Super-Resolution"
    -> "image super-resolution"), acronyms kept ("NER", "3D", "person ReID")."""
    return " ".join(w.lower() if all(p[1:] == p[1:].lower() for p in w.split("-")) else w
                    for w in form.split(" "))


def _task_like(name: str, concepts: set[str]) -> bool:
    """Whether a public list's name reads as a task: it ends in an action noun ("keyword
    spotting", "image inpainting") and starts with no describing word. "Few-shot learning" is
    a concept, and "recommendation systems", "real-time object detection" or "general
    knowledge" are no task names, whatever a list says."""
    words = name.split()
    if name in concepts or PARADIGM.search(name) or not ACTION.search(words[-1]):
        return False
    first = words[0]
    return len(words) == 1 or not (first in NOT_MODIFIERS or DESCRIBING.match(first)
                                   or ADJECTIVE.search(first))


class _Reader:
    """Reads task phrases backwards from a head word in one document."""

    def __init__(self, document: Document, found: Sequence[Mention]) -> None:
        self.text = document.text
        # the lexicon and cue patterns read the lower-cased text (cheaper than case-insensitive
        # patterns)
        self.low = folded(self.text)
        self.title_end = document.title_end
        self.document = document
        self._starts: set[int] | None = None
        # "COCO object detection": a dataset named before a task is not part of its name
        self.named: set[int] = set()
        self.long: dict[str, str] = {}  # acronym -> long form, on one line (not a title)
        for m in found:  # one pass over what earlier extractors found
            if m.label == DATASET:
                self.named.add(m.start)
            elif m.label == ABBREVIATION and "\n" not in m.attrs.get("long_form", "\n"):
                self.long[m.text] = m.attrs["long_form"]

    def shapes(self, head_start: int, head_end: int) -> list[Candidate]:
        """The phrase ending at a head word, and a second one when modifiers or heads are
        coordinated ("image and video generation", "image clustering and retrieval")."""
        text = self.text
        head = text[head_start:head_end]
        if head[-1] == "s" and head[:-1].lower() in HEADS:
            head = head[:-1]  # "fine-grained classifications"
        title_case = head[0].isupper()
        if title_case and head_start > self.title_end and not self._title_phrase(head_start):
            return []
        found = self._modifiers(head_start, title_case)
        out = []
        named = self._candidate(found, head, head_end)
        if named:
            out.append(named)
        low = max(0, head_start - 40)
        shared = None
        if text.find(" and ", low, head_start) >= 0 or text.find(" or ", low, head_start) >= 0:
            shared = self._shared_head(head_start, head_end, title_case)
            if shared:
                out.append(shared)
        if not found[0] and shared is None and not title_case and (text.startswith(
                LISTED, head_end) or text.endswith(LISTED_BEFORE, 0, head_start)):
            out.append(Candidate(head_start, head_end, head, False, bare=True))  # "x, segmentation"
        return out

    def _title_phrase(self, head_start: int) -> bool:
        """A capitalised head in the abstract needs a capitalised word before it."""
        before = self.text[max(0, head_start - 30):head_start].split()
        return bool(before) and bool(TITLE_WORD.fullmatch(before[-1]))

    def _modifiers(self, head_start: int, title_case: bool) -> tuple[list[tuple[int, str]], str]:
        """The naming words before the head, in the same line, each with its offset, and the
        word where the name stops ("" at a line start). Read one word at a time backwards (a
        parenthesised acronym right before the head is stepped over): most heads have few."""
        text = self.text
        if head_start < 2 or text[head_start - 1] != " ":
            return [], ""  # glued to the word before ("sequential-recommendation")
        low = head_start - 90 if head_start > 90 else 0
        line = text.rfind("\n", low, head_start) + 1
        bounded = line > 0 or low == 0  # the window starts at a line start, not mid-word
        if line > low:
            low = line
        coined = title_case and head_start > self.title_end  # "Labeling Instruction Generation"
        words: list[tuple[int, str]] = []
        end = head_start - 1
        while len(words) < 5 and end > low:
            space = text.rfind(" ", low, end)
            if space < 0 and not bounded:
                break
            at = space + 1 if space >= 0 else low
            piece = text[at:end]
            end = space
            if not words and piece[:1] == "(" and at > 0 and PAREN_ACRONYM.fullmatch(piece):
                long = self.long.get(piece[1:-1], "")
                if long and text.endswith(long, 0, at - 1):  # "Click-Through-Rate (CTR)"
                    return [(at - 1 - len(long), long)], ""
                continue  # "(CTR)" stays in the surface, not in the name
            flags = piece_flags(piece)
            if not flags & SHAPED and not (flags & CAPITAL and self._capital(at, title_case)):
                break  # "image,", "(see", a capitalised word in a lower-case phrase
            if flags & STOPS or at in self.named or not (flags & NAMES or coined or (
                    flags & LY and words and NAMING.search(words[-1][1].lower()))):
                return words[::-1], piece  # see _naming
            words.append((at, piece))
            if space < 0:
                break
        return words[::-1], ""

    def _capital(self, at: int, title_case: bool) -> bool:
        """Whether a capitalised word can modify: in a Title Case phrase or a sentence's
        first word."""
        if title_case:
            return True
        if self._starts is None:  # sentence starts, needed for few documents
            self._starts = {s for s, _ in self.document.sentences()}
        return at in self._starts or at - 1 in self._starts

    def _naming(self, flags: int, at: int, coined: bool, after: str) -> bool:
        """Whether a word can be part of the name: not "the", "accurate", "two-stage",
        "including", a verb or a dataset; describing words stay in a capitalised abstract phrase
        (a coined name: "Labeling Instruction Generation") and before a naming word ("weakly
        supervised"); ``after`` is the word that follows."""
        if flags & STOPS or at in self.named:
            return False
        if flags & NAMES or coined:
            return True
        return bool(flags & LY) and bool(NAMING.search(after.lower()))

    def _word(self, piece: str, at: int, title_case: bool) -> bool:
        """Whether a piece is shaped like a modifier (see :meth:`_modifiers`)."""
        flags = piece_flags(piece)
        return bool(flags & SHAPED) or bool(flags & CAPITAL) and self._capital(at, title_case)

    def _names(self, at: int, word: str, title_case: bool, after: str) -> bool:
        return self._naming(piece_flags(word), at, title_case and at > self.title_end, after)

    def _candidate(self, found: tuple[list[tuple[int, str]], str], head: str,
                   end: int) -> Candidate | None:
        """The name from the naming words before the head, acronyms spelled out; the cue."""
        words, cut = found
        if words and cut.lower() in SUBJECTS:
            words = words[1:]  # "we formulate HHI generation": the verb is no part of the name
        if not words or cut in USED:
            return None  # "utilizing neural machine translation": a method used
        if len(words) == 1 and piece_flags(words[0][1]) & ACRONYM_WORD \
                and words[0][1] not in self.long:
            return None  # "COCO detection", "LLM adaptation": a name, not a kind of data
        start = words[0][0]
        named = [self.long.get(w, w) for _, w in words if w.lower() not in DROPPED]
        name = " ".join(named).lower().removeprefix("per-") + " " + head.lower()
        cued = start < self.title_end or self.cued(start, end)
        if cued and DESCRIBES_A_METHOD.match(self.low, end):
            cued = False  # "an adaptive relation modeling network"
        return Candidate(start, end, name, cued)

    def modifies_next(self, end: int) -> bool:
        """Whether a lower-case content word follows: "recommendation prompt"."""
        match = NEXT_WORD.match(self.text, end)
        return bool(match) and match.group(1) not in NOT_MODIFIERS and match.group(1) not in VERBS \
            and not match.group(1).endswith("ly")

    def background(self, start: int) -> bool:
        return self.low.endswith("in ", 0, start) and bool(  # the regex ends in "in "
            BACKGROUND.search(self.low, start - 30 if start > 30 else 0, start))

    def cued(self, start: int, end: int) -> bool:
        """A task cue shortly before or after: "for X", "on the X task", "X, which aims to";
        not a field's background ("recent advances in X")."""
        low = self.low
        begin = start - 40 if start > 40 else 0
        window = low[begin - 1 if begin else 0:end + 13]  # a common cue's spaces may stick out
        # the commonest cues by three plain tests (cheaper than a generator over a tuple)
        if " for " not in window and " on " not in window and " in " not in window and not (
                any(key in window for key in CUE_KEYS) and CUE.search(low, begin, end + 12)):
            after = low[end:end + 48]  # the regex only where one of its words is
            if "task" not in after and "problem" not in after and "aim" not in after \
                    or not TASK_AFTER.match(low, end):
                return False
        return not self.background(start)

    def _shared_head(self, head_start: int, head_end: int, title_case: bool) -> Candidate | None:
        """A name whose modifier or head is coordinated with another's: "image" in "image and
        video generation" names "image generation"; "retrieval" in "image clustering and
        retrieval" names "image retrieval". The mention spans the word that differs."""
        text = self.text
        before = text[max(0, head_start - 60):head_start].split(" ")
        if len(before) < 4 or before[-1] != "":
            return None
        head = text[head_start:head_end]
        if before[-3] in ("and", "or") and before[-2].lower() not in HEADS:  # "image and video"
            left = before[-4]
            at = head_start - len(before[-2]) - len(before[-3]) - len(left) - 3
            if left.lower() in HEADS or not self._word(left, at, title_case) or (
                    len(before) > 4 and self._word(before[-5], 0, title_case)
                    and before[-5].lower() not in NOT_MODIFIERS):
                return None  # "Visual Perception and Multimodal Understanding"
            if not self._names(at, left, title_case, before[-3]):
                return None
            found = self._candidate(([(at, left)], before[-5] if len(before) > 4 else ""),
                                    head, head_end)
            return found and Candidate(at, at + len(left), found.name, found.cued)
        if before[-2] in ("and", "or") and before[-3].lower() in HEADS:  # "clustering and"
            other = head_start - len(before[-2]) - len(before[-3]) - 2
            found = self._candidate(self._modifiers(other, title_case), head, head_end)
            return found and Candidate(head_start, head_end, found.name, found.cued)
        return None


def _extending_known(candidates: list[Candidate]) -> None:
    """A phrase that ends in a task the lexicon knows names a kind of it, so it is a task where
    the known one is: "open-set domain adaptation" with "domain adaptation" inside."""
    known = {c.end for c in candidates if c.cued and c.lexicon}
    for c in candidates:
        if not c.cued and not c.bare and c.end in known:
            c.cued = True


def _coordinated(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Cued candidates, and uncued ones coordinated with one already taken: "skin lesion
    segmentation, abdominal multi-organ segmentation, and polyp segmentation"."""
    changed = True
    while changed:
        changed = False
        for c in candidates:
            if c.cued:
                continue
            for t in candidates:
                if t.cued and (0 <= c.start - t.end <= 25 and COORDINATION.fullmatch(
                        text, t.end, c.start) or 0 <= t.start - c.end <= 25
                        and COORDINATION.fullmatch(text, c.end, t.start)):
                    c.cued = changed = True
                    break
    return [c for c in candidates if c.cued]


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates not inside a longer one ("image segmentation" inside "medical image
    segmentation"), by one sorted sweep; the first of equal spans wins."""
    out: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out
