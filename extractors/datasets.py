"""Named datasets and benchmarks, with ``proposed`` when the paper introduces them.

Evidence, all read from the raw text (a tokeniser keeps "ADE20K." or "ImageNet-1K/22K" whole):

- lexicon forms, exact case (:class:`extractors.lexicon.FormMatcher`), with split and version
  forms glued on ("COCO test-dev", "ImageNet-1K"). Forms from user lists that could be ordinary
  words or other acronyms ("SPOT", "SVD"), and letter-digit codes ("M4"), count only where a
  cue below names them; a capitalised word before a form makes a variant ("Rotated MNIST");
- cue phrases: "the X dataset", "X, Y and Z benchmarks", "the Berkeley DeepDrive Dataset",
  "datasets such as X and Y", "a new dataset, X", "X, a new benchmark", "55.6 mIoU on X",
  and a title "X: A Benchmark for ...";
- shorthand coordination: "CIFAR-10/100", "ImageNet-1K/22K", "CIFAR-10,100";
- coordination with a dataset already found: "on CelebA, and Taskonomy.";
- abbreviations: "the Spiking Heidelberg Dataset (SHD)" gives SHD too.

Names found by cues pass guards: no sentence-initial or stop word ("We", "Large-scale"), no
known method, metric, task or concept form, no unit, formula or hardware word, no language
pair ("English-to-German"), no category modifier ("various public MTL datasets").

A dataset is proposed when the text introduces it: "we introduce/release X", "we release a
new ... dataset X", "a newly collected dataset, X", "our dataset X", "X, a new benchmark".

The patterns and word lists live in :mod:`extractors.dataset_patterns`. Whole-text scans are
few and cheap: one for capitalised words (shared by the lexicon and the capitalised cues),
``str.find`` for cue words, literal-start regexes for scores and shorthand; the rest reads
short windows around what those found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from extractors import dataset_patterns as pat
from extractors.base import ABBREVIATION, DATASET, Document, Mention
from extractors.lexicon import (
    DATA,
    FormMatcher,
    Lexicon,
    load_lexicons,
    read_lexicon,
    usable,
)
from extractors.shapes import SHORT_CODE, is_guarded, normalise


class DatasetExtractor:
    """Datasets from a lexicon, cue phrases, shorthand and coordination."""

    name = "datasets"
    labels = (DATASET,)

    def __init__(self, nlp: object = None, lexicon: Lexicon | None = None) -> None:
        lexicon = lexicon or load_lexicons()
        self.canonical: dict[str, str] = {}
        self.weak: set[str] = set()  # forms that need a cue in their sentence ("M4", "SPOT")
        self.established: set[str] = set()  # forms of the curated list
        self.title_case: set[str] = set()  # user-list forms of plain capitalised words
        self.matcher = FormMatcher(keys=(*pat.CUE_KEYS, *pat.SCORE_KEYS, *pat.SHORTHAND_KEYS,
                                         *pat.GLUED_KEYS),
                                   shared=lexicon.shared)  # one pass with tasks and metrics
        other = _other_forms(lexicon)
        for entry in lexicon.of(DATASET):
            for form in entry.forms:
                if not entry.curated and normalise(form) in other:
                    continue  # "Visual Question Answering" is a task before it is a dataset
                if usable(form, DATASET, entry.curated) and form not in self.canonical:
                    self.canonical[form] = entry.name
                    self.matcher.add(form)
                    if entry.curated:
                        self.established.add(form)
                    elif all(pat.PLAIN_WORD.match(word) for word in form.split()):
                        self.title_case.add(form)
                    if SHORT_CODE.match(form) or (not entry.curated and pat.WEAK_FORM.match(form)):
                        self.weak.add(form)
        self.known = {normalise(form) for form in self.canonical}
        self.verdicts: dict[str, str] = {}  # name -> _name_kind(name), remembered
        self.other = other - self.known

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterable[Mention]:
        text = document.text
        scan = _Scan(document, self.matcher)
        abbreviations = [m for m in found if m.label == ABBREVIATION]
        defined = {m.text: m.attrs.get("long_form", "") for m in abbreviations}
        canonical: dict[tuple[int, int], str] = {}
        spans = self._lexicon(scan, defined, canonical)
        for s, e, how in self._cued(scan):
            if (s, e) not in spans and self._good(scan, s, e) and (
                    how not in READ_FROM_CONTEXT or self._data(text[s:e], defined)):
                spans[(s, e)] = (how, text[s:e])
        for s, e, name in self._shorthand(scan):
            spans.setdefault((s, e), ("shorthand", name))
        if not spans:
            return []
        for s, e in _coordinated(scan, list(spans)):
            if (s, e) not in spans and self._good(scan, s, e) and self._data(text[s:e], defined):
                spans[(s, e)] = ("coordination", text[s:e])
        out = []
        for (s, e), (how, name) in sorted(_with_abbreviations(spans, abbreviations).items()):
            # no paper introduces ImageNet: established names skip the (costly) proposed test
            proposed = name not in self.established and _proposed(scan, s, e)
            attrs: dict[str, object] = {"proposed": proposed, "how": how}
            if how == "abbreviation":
                attrs["long_form"], name = name, text[s:e]
            if (s, e) in canonical or name in self.canonical:
                attrs["canonical"] = canonical.get((s, e)) or self.canonical[name]
            out.append(Mention(DATASET, name, s, e, self.name, attrs))
        return out

    def _lexicon(self, scan: _Scan, defined: dict[str, str], canonical: dict[tuple[int, int], str]
                 ) -> dict[tuple[int, int], tuple[str, str]]:
        """Lexicon forms with split and version suffixes, but not "COCO" in "COCO-Stuff", a weak
        form without a cue, or an acronym the text defines as something else ("Preterm birth
        (PTB)"). A capitalised word before a form makes another dataset: "Rotated MNIST"."""
        spans: dict[tuple[int, int], tuple[str, str]] = {}
        text = scan.text
        for s, e, form in scan.forms:
            if text[e:e + 1] == "-" and text[e + 1:e + 2].isupper() or text[s - 1:s] == "-":
                continue  # "COCO-Stuff", "BLIP-VQA": part of another name
            if form in self.weak or (form in self.title_case and s < scan.title_end):
                continue  # only as a cued name; "Hate Speech" in a title-case title is words
            if not self._data(form, defined):
                continue
            glued = pat.SPLIT.match(text, e)
            e = glued.end() if glued else e
            variant = _capital_before(text, s) and pat.VARIANT_BEFORE.search(
                text, _names_from(text, max(0, s - 40), s), s)
            v = _trim(text, variant.start(1), s) if variant else s
            if v < s and normalise(text[v:e]) not in self.known and self._good(scan, v, e):
                spans[(v, e)] = ("variant", text[v:e])
                continue
            spans[(s, e)] = ("lexicon", text[s:e])
            canonical[(s, e)] = self.canonical[form]
        return spans

    def _data(self, name: str, defined: dict[str, str]) -> bool:
        """False for an acronym the text defines as something else: "open-set domain adaptation
        (ODA)" or "Preterm birth (PTB)" make "ODA" and "PTB" no datasets."""
        long_form = defined.get(name)
        return not long_form or normalise(long_form) in self.known or bool(
            pat.CUE_AT.search(long_form))

    def _cued(self, scan: _Scan) -> Iterable[tuple[int, int, str]]:
        if scan.title_name:
            yield (*scan.title_name, "title")
        yield from _on_scores(scan)
        yield from _evaluated_on(scan)
        yield from _sentence_on(scan)
        yield from _glued(scan)
        for start, end in scan.cues():
            yield from _around_cue(scan, start, end)

    def _good(self, scan: _Scan, s: int, e: int) -> bool:
        """Whether a cued span may name a dataset (the guards of the module docstring)."""
        name = scan.text[s:e]
        verdict = self.verdicts.get(name)
        if verdict is None:
            if len(self.verdicts) > 100_000:  # a long run: forget rather than grow
                self.verdicts.clear()
            verdict = self.verdicts[name] = self._name_kind(name)
        if verdict != "name?":
            return verdict == "known"
        words = name.split()
        if pat.PLAIN_WORD.match(words[0]) and scan.plain_capital(s):
            return False  # a capital that only says "sentence start" or "title case"
        before = scan.text[max(0, s - 20):s].split()
        return not (len(words) == 1 and before and before[-1].lower() in pat.QUANTIFIERS)

    def _name_kind(self, name: str) -> str:
        """What a name is, whatever its context: "known", "other" or "name?"."""
        words = name.split()
        if not words:
            return "other"
        if normalise(name) in self.known:
            return "known"
        family = pat.SIZE_SUFFIX.sub("", name)  # "ResNet-50" is a size of ResNet, a method
        version = pat.VERSION_SUFFIX.sub("", name)  # "YOLOv5" a version of YOLO
        if {normalise(name), normalise(family), normalise(version)} & self.other \
                or name in pat.HARDWARE:
            return "other"
        if pat.MODIFIER.search(words[-1]):
            return "other"
        if any(pat.LANGUAGE_PAIR.match(w) or (is_guarded(w) and not w.isdigit()) for w in words):
            return "other"
        if words[-1] in pat.FIELD_ACRONYMS or (words[0] in pat.LANGUAGES and len(words) <= 2 and (
                len(words) == 1 or pat.ACRONYM.match(words[1]))):
            return "other"  # "QA benchmarks", "English", "Persian NLU": a kind of data
        return "name?"

    def _shorthand(self, scan: _Scan) -> Iterable[tuple[int, int, str]]:
        """'CIFAR-10/100' gives CIFAR-10 and CIFAR-100 (the second spans the '100')."""
        text = scan.text
        for hint in scan.at.get("shorthand", ()):
            match = pat.SHORTHAND.match(text, _word_start(text, hint))
            if not match:
                continue
            first, second = (match.group(1) + match.group(i) for i in (2, 3))
            keys = {normalise(first), normalise(second)}
            if keys & self.other or not (keys & self.known or scan.cued_sentence(match.start())):
                continue
            yield match.start(1), match.end(2), first
            yield match.start(3), match.end(3), second


SENTENCE_ENDS = (". ", "! ", "? ", ".\n", "\n\n")  # what comes before a sentence's first word
# Cues that say where a name stands, not what it is ("experiments on ODA and UNDA", "95% on
# PTB"): a name the text defines as something else is no dataset there.
READ_FROM_CONTEXT = frozenset({"evaluated", "score"})

KEY_KINDS = {**dict.fromkeys(pat.CUE_KEYS, "cue"), **dict.fromkeys(pat.SCORE_KEYS, "score"),
             **dict.fromkeys(pat.SHORTHAND_KEYS, "shorthand"),
             **dict.fromkeys(pat.GLUED_KEYS, "glued")}


class _Scan:
    """One document's text read once by the lexicon's automaton: lexicon forms, and where cue
    words, scores "on" something and shorthand may be; on demand its lower-cased form and
    sentence starts."""

    def __init__(self, document: Document, matcher: FormMatcher) -> None:
        self.text = text = document.text
        self.title_end = title_end = document.title_end
        self._lower: str | None = None
        self.forms, keys = matcher.scan(text)
        self.at: dict[str, list[int]] = {}  # "cue", "score", "shorthand" -> offsets
        for start, key in keys:
            self.at.setdefault(KEY_KINDS[key], []).append(start)
        self.title_name = _title_name(text[:title_end])
        self._document = document
        self._starts: list[int] | None = None

    @property
    def lower(self) -> str:
        """The lower-cased text, made when a proposed test first needs it."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def starts(self) -> list[int]:
        """Sentence starts, read from the document only when a guard asks (most texts: never);
        a parsed document (``kg.extract.ParsedDocument``) has them as a list already."""
        if self._starts is None:
            self._starts = getattr(self._document, "sentence_starts", None) or [
                s for s, _ in self._document.sentences()]
        return self._starts

    def cues(self) -> list[tuple[int, int]]:
        """Start and end of each cue word; not one inside a compound ("low-data-datasets")."""
        text, found = self.text, []
        for at in sorted(set(self.at.get("cue", ()))):
            if at and (text[at - 1].isalnum() or text[at - 1] in "-/_"):
                continue
            if match := pat.CUE_AT.match(text, at):
                found.append((at, match.end()))
        return found

    def sentence(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return (self.starts[i] if i >= 0 else 0), end

    def cued_sentence(self, offset: int) -> bool:
        s, e = self.sentence(offset)
        return bool(pat.CUE_AT.search(self.text, s, e))

    def plain_capital(self, offset: int) -> bool:
        """A capital at a sentence start or in the (title-case) title carries no evidence."""
        if offset < self.title_end:
            return True
        s, _ = self.sentence(offset)
        return not self.text[s:offset].strip()


def _around_cue(scan: _Scan, start: int, end: int) -> Iterable[tuple[int, int, str]]:
    """Names before and after one cue word; a capitalised cue word is part of the name."""
    text, lo = scan.text, max(0, start - 120)
    if text[start].isupper() and not scan.plain_capital(start):
        m = pat.CAPITAL_CUE_BEFORE.search(text, _names_from(text, lo, start), start)
        if m and not pat.INDEFINITE.search(text, max(0, m.start(1) - 4), m.start(1)):
            yield from _items(scan, m.start(1), end, "cue")  # "the Berkeley DeepDrive Dataset"
            return
    # a name needs a capital: most cues ("the proposed dataset") end here, by one C call each
    if not text[max(lo, start - 50):start].islower():
        yield from _before_cue(scan, lo, start, text[end - 1] in "sa")
    if text.startswith(pat.LIST_OPENERS, end) and (m := pat.LIST_AFTER.match(text, end)) and (
            not pat.BARE_COMMA.match(text, end) or _apposed_list(text, end, m)):
        yield from _items(scan, m.start(1), m.end(1), "cue")
    elif not all(map(str.islower, text[end:end + 30].split(maxsplit=3)[:3])) and (  # not all lower
            m := pat.NAMED_AFTER.match(text, end)) and (
            not m.group(1) or pat.INTRO_NEAR.search(text, max(0, start - 40), start)):
        yield from _items(scan, m.start(2), m.end(2), "cue")  # "dataset DFN-2B"


def _apposed_list(text: str, cue_end: int, m: re.Match[str]) -> bool:
    """A list set off by commas after a plural cue word names its data: "two benchmarks,
    EgoPER and CaptainCook4D, we find"; not "on standard benchmarks, ResNet-50 wins"."""
    return (text[cue_end - 1] == "s" and text.startswith((",", "."), m.end(1))
            and (" and " in m[1] or " or " in m[1]))


def _before_cue(scan: _Scan, lo: int, start: int, plural: bool) -> Iterable[tuple[int, int, str]]:
    """Names right before a cue word, unless one kind-like name: "a QA benchmark", "OCR
    benchmarks" name a kind of data ("the DTU and MobileBrick datasets" name two)."""
    text = scan.text
    words = text[max(lo, start - 50):start].split()[-3:]
    if not words:
        return
    for pattern in _worth_trying(text, lo, start, words):
        if m := pattern.search(text, _names_from(text, lo, start)
                               if pattern is pat.LIST_BEFORE else lo, start):
            items = list(_items(scan, m.start(1), m.end(1), "cue"))
            if len(items) == 1 and pattern is not pat.INTRODUCED_BEFORE:
                s, e, _ = items[0]
                previous = text[max(0, s - 30):s].split()[-3:]
                if pat.KIND_BEFORE.match(" ".join(previous)) or (
                        plural and pat.ACRONYM.match(text[s:e]) and previous[-1:] != ["the"]):
                    return
            yield from items
            return


def _worth_trying(text: str, lo: int, start: int, words: list[str]) -> list[re.Pattern[str]]:
    """The patterns that can match before a cue, by cheap tests (each search costs more)."""
    last = words[-1]
    patterns = []
    # "X, a ... Y dataset": X, the name the cue describes, before the names between
    if text.find(", a", lo, start) >= 0 or text.find(", the first", lo, start) >= 0:
        patterns.append(pat.INTRODUCED_BEFORE)
    if last.endswith(")") or not last.islower():
        patterns.append(pat.LIST_BEFORE)
    if last.islower() and not all(map(str.islower, words[:-1])):
        patterns.append(pat.MODIFIED_BEFORE)
    return patterns


def _names_from(text: str, lo: int, start: int) -> int:
    """Where names listed right before ``start`` can begin, at the earliest: after the nearest
    word or character before ``start`` that no name has (``pat.NO_NAME_REVERSED``), else
    ``lo``. A search for names ending at ``start`` tries every offset from where it starts
    (a regex cannot read backwards), so it costs less from here and finds the same match."""
    block = pat.NO_NAME_REVERSED.search(text[lo:start][::-1])
    return start - block.start() if block else lo


def _word_start(text: str, at: int) -> int:
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-"):
        at -= 1
    return at


def _items(scan: _Scan, lo: int, hi: int, how: str) -> Iterable[tuple[int, int, str]]:
    """Each name of a list "A, B (BB) and the C", cleaned of leading stop words."""
    text = scan.text
    for m in pat.ITEM.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        s = _trim(text, s, e)
        if s < e:
            yield s, e, how


def _trim(text: str, s: int, e: int) -> int:
    """Drop leading stop words and anything up to a possessive ("OpenAI's WIT" -> "WIT")."""
    while s < e:
        word = text[s:e].split(maxsplit=1)[0]
        if word in pat.STOP or word.endswith("'s"):
            s += len(word) + 1
        else:
            break
    return s


def _title_name(title: str) -> tuple[int, int] | None:
    """The span of X in a title "X: A Benchmark for ...", else None."""
    if not (":" in title or " - " in title):
        return None
    lower = title.lower()
    if not any(w in lower for w in pat.TITLE_CUES):
        return None
    m = pat.TITLE_NAME.match(title)
    return m.span(1) if m and pat.CUE_AT.search(title, m.end()) else None


def _on_scores(scan: _Scan) -> Iterable[tuple[int, int, str]]:
    """ "59.7 mIoU on ADE20K", "74.5% on MMBench": a score said to be on a named thing."""
    text = scan.text
    for at in scan.at.get("score", ()):  # where " on X" starts: ON_NAME matches from there
        if not pat.DIGIT.search(text, max(0, at - 40), at):
            continue  # no number before: no score (the cheaper test first)
        if not (m := pat.ON_NAME.match(text, at)):
            continue
        words = _score_words(text[max(0, at - 40):at].split())
        if words is None:
            continue
        if m.group(1) == "for" and (pat.ACRONYM.match(m.group(2)) or not words[1:2]
                                    or not words[1][:1].isalpha() or words[1] in pat.SMALL):
            continue  # "19.67% for PZ", "0.313 for Qwen-Image": classes, tasks or models
        if pat.SCORE_NAME_END.match(text, m.end(2)):  # not "on ResNet-50 backbones"
            yield m.start(2), m.end(2), "score"


def _evaluated_on(scan: _Scan) -> Iterable[tuple[int, int, str]]:
    """ "Experiments on LIBERO and CALVIN show", "we evaluate it on SUN-SEG.": a name an
    evaluation is said to be on (the names listed with it follow by coordination)."""
    text = scan.text
    for at in scan.at.get("score", ()):
        if not (m := pat.ON_NAME.match(text, at)) or m.group(1) != "on":
            continue
        lo = max(0, at - 60)
        lo = max(lo, text.rfind(". ", lo, at) + 1)  # within the window: not the whole text back
        if not pat.EVALUATED_BEFORE.search(text, lo, at):
            continue
        if pat.EVALUATED_NAME_END.match(text, m.end(2)):
            yield m.start(2), m.end(2), "evaluated"


def _sentence_on(scan: _Scan) -> Iterable[tuple[int, int, str]]:
    """ "On LIBERO, Mix-QVLA reduces ...": a sentence opened by the name its results are on."""
    text = scan.text
    for opener in ("On ", "Across "):
        at = text.find(opener)
        while at >= 0:
            if (at == 0 or text[at - 2:at] in SENTENCE_ENDS) and (
                    m := pat.SENTENCE_ON.match(text, at)) and not pat.PARAMETER_COUNT.search(m[1]):
                yield m.start(1), m.end(1), "evaluated"
            at = text.find(opener, at + 3)


def _glued(scan: _Scan) -> Iterable[tuple[int, int, str]]:
    """ "MMBench", "SWE-bench", "DrBenchmark": a name with a cue word glued to its end."""
    text = scan.text
    glued = [*scan.at.get("glued", ()),
             *(at for at in scan.at.get("cue", ()) if at and text[at - 1].isalnum())]
    for at in sorted(set(glued)):
        start = _word_start(text, at)
        m = pat.GLUED_NAME.match(text, start)
        if m and start < at < m.end() and any(c.isupper() for c in text[start:at]):
            yield start, m.end(), "glued"


def _score_words(words: list[str]) -> list[str] | None:
    """The score and the words after it, if one of the last four words is a score and no clause
    break follows it: ["59.7", "mIoU"] of "... achieving 59.7 mIoU"."""
    for i in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if pat.SCORE_WORD.match(words[i]):
            return words[i:]
        if any(c in words[i] for c in ",;()"):
            return None
    return None


def _coordinated(scan: _Scan, spans: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """Names listed with a found dataset: "CelebA, and Taskonomy", "NuImages and COCO"."""
    text = scan.text
    for s, e in spans:
        while m := pat.COORD_AFTER.match(text, e):
            s2 = _trim(text, m.start(1), m.end(1))
            yield s2, m.end(1)
            e = m.end(1)
        while text.endswith(pat.SEP_ENDS, max(0, s - 8), s) and (
                m := pat.COORD_BEFORE.search(text, _names_from(text, max(0, s - 60), s), s)):
            yield _trim(text, m.start(1), m.end(1)), m.end(1)
            s = m.start(1)


def _capital_before(text: str, at: int) -> bool:
    """Whether the word before ``at`` starts with a capital (a cheap test before a search)."""
    space = text.rfind(" ", 0, at - 1)
    return at > 1 and text[at - 1] == " " and text[space + 1:space + 2].isupper()


def _with_abbreviations(spans: dict[tuple[int, int], tuple[str, str]],
                        abbreviations: list[Mention]) -> dict[tuple[int, int], tuple[str, str]]:
    """Add the short form of a dataset's long form: "Spiking Heidelberg Dataset (SHD)".

    Only this way round: "Visual Question Answering (VQA)" does not make a task a dataset."""
    out = dict(spans)
    for m in abbreviations:
        ls, le = m.attrs.get("long_start", -1), m.attrs.get("long_end", -1)
        if any(s <= ls < e or ls <= s < le for s, e in spans):
            out[(m.start, m.end)] = ("abbreviation", m.attrs["long_form"])
    return out


def _proposed(scan: _Scan, start: int, end: int) -> bool:
    if start < scan.title_end:  # the title's own name: "CEO-Bench: Can Agents ..."
        return bool(scan.title_name) and scan.title_name[0] == start or (
            start == 0 and scan.text.startswith((":", " -"), end))
    lo = max(0, start - 100)
    hinted = any(scan.lower.find(word, lo, start) >= 0 for word in pat.PROPOSE_HINTS)
    return bool(hinted and pat.PROPOSE_BEFORE.search(scan.text, lo, start)
                or pat.PROPOSE_AFTER.match(scan.text, end))


def _other_forms(lexicon: Lexicon) -> set[str]:
    """Normalised forms of methods, metrics, tasks and concepts: never a cued dataset."""
    forms = {normalise(f) for kind in ("Metric", "Task", "Method", "Concept")
             for entry in lexicon.of(kind) for f in entry.forms}
    for name in ("methods.jsonl", "concepts.jsonl"):
        if (DATA / name).is_file():
            forms.update(normalise(f) for entry in read_lexicon(DATA / name) for f in entry.forms)
    return forms
