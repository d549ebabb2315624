"""Lexicons: curated name lists shipped in ``extractors/data`` plus user files (``--lexicon``).

User files are JSON Lines ``{"name", "aliases", "type"}`` (type Method, Dataset,
Task, Metric or Concept), or the public name lists' TSV shapes: ``name<TAB>count``
with the type taken from the file name (``*_datasets.tsv``, ``*_tasks.tsv``,
``*_metrics.tsv``), or ``type<TAB>name<TAB>count`` (SciREX; Material = Dataset).
Public lists are noisy, so entries from user files are matched only in shapes
that are unlikely to be ordinary words (see :func:`usable`); the shipped lists
are curated and always used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick_rs

from kg.errors import InputError

DATA = Path(__file__).parent / "data"
SHIPPED = {"Dataset": "datasets.jsonl", "Task": "tasks.jsonl", "Metric": "metrics.jsonl"}
TYPES = ("Method", "Dataset", "Task", "Metric", "Concept")
TSV_TYPES = {"datasets": "Dataset", "tasks": "Task", "metrics": "Metric", "methods": "Method"}
SCIREX_TYPES = {"Material": "Dataset", "Method": "Method", "Task": "Task", "Metric": "Metric"}
# A distinctive name: has a capital after the first letter or a digit ("ImageNet", "CIFAR-10",
# "ogbn-arxiv"); not an ordinary word ("Score", "Images", "time").
DISTINCTIVE = re.compile(r"^(?=.*(?:[A-Za-z].*[A-Z]|\d)).{2,60}$")


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    source: str = ""
    curated: bool = True

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Lexicon:
    """Entries by type, and the one pass over a text the matchers built on them share."""

    entries: dict[str, list[Entry]] = field(default_factory=lambda: {t: [] for t in TYPES})
    shared: SharedPass = field(default_factory=lambda: SharedPass(), compare=False, repr=False)

    def add(self, entry: Entry) -> None:
        self.entries.setdefault(entry.type, []).append(entry)

    def of(self, kind: str) -> list[Entry]:
        return self.entries.get(kind, [])


def usable(form: str, kind: str, curated: bool) -> bool:
    """Whether a form may be matched: curated forms always; public-list forms when distinctive
    (datasets, methods) or several words long (tasks, metrics)."""
    if curated:
        return True
    if kind in ("Dataset", "Method"):
        return bool(DISTINCTIVE.match(form))
    return len(form.split()) >= 2 and len(form) <= 60


def _jsonl(path: Path) -> Iterator[Entry]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                name, kind = raw["name"], raw.get("type", "Dataset")
                aliases = tuple(raw.get("aliases") or ())
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise InputError(f"{path}:{number}: not a lexicon entry ({error})") from None
            if kind not in TYPES or not isinstance(name, str) or not name.strip():
                raise InputError(f"{path}:{number}: type must be one of {', '.join(TYPES)} "
                                 "and name a non-empty string")
            yield Entry(name, kind, tuple(a for a in aliases if isinstance(a, str)),
                        raw.get("source", str(path)), curated=path.parent == DATA)


def _tsv(path: Path) -> Iterator[Entry]:
    stem = path.stem.lower()
    kind = next((t for key, t in TSV_TYPES.items() if stem.endswith(key)), None)
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            cells = line.rstrip("\n").split("\t")
            if len(cells) == 3 and not cells[0][:1].islower() and cells[2].strip().isdigit():
                if cells[0] in SCIREX_TYPES:  # other SciREX types ("Unknown") are not ours
                    yield Entry(cells[1], SCIREX_TYPES[cells[0]], (), str(path), curated=False)
            elif len(cells) == 2 and kind:
                yield Entry(cells[0], kind, (), str(path), curated=False)
            elif line.strip():
                raise InputError(f"{path}:{number}: expected name<TAB>count (type from the file "
                                 "name) or type<TAB>name<TAB>count")


def read_lexicon(path: Path) -> Iterator[Entry]:
    """Entries of one lexicon file (JSONL or TSV)."""
    if not path.is_file():
        raise InputError(f"{path}: no such lexicon file")
    return _tsv(path) if path.suffix.lower() in (".tsv", ".tab") else _jsonl(path)


def load_lexicons(paths: Sequence[Path] = (), use_shipped: bool = True) -> Lexicon:
    """The shipped curated lists (datasets, tasks, metrics) plus ``paths``."""
    lexicon = Lexicon()
    files = [DATA / name for name in SHIPPED.values()] if use_shipped else []
    for path in [*files, *map(Path, paths)]:
        for entry in read_lexicon(path):
            lexicon.add(entry)
    return lexicon


DFA_PATTERNS = 3000  # the most strings an automaton here is compiled to a DFA for


class SharedPass:
    """One case-sensitive Aho-Corasick pass over a text for several matchers.

    The dataset, task and metric extractors each look for their strings in the same text, one
    after the other. Three automata cost three passes and, worse, bring three sets of tables
    back into the processor's cache for every document (that, not the reading, is most of their
    cost in a pipeline); one automaton over all their strings reads the text once. Each matcher
    holds a group: a range of the automaton's pattern indexes, its strings in its order (an
    automaton reports a string listed twice twice, so groups never mix). The hits of the last
    text read are kept for the next matcher that asks about the same text.
    """

    def __init__(self) -> None:
        self._groups: list[tuple[str, ...]] = []
        self._bounds: list[tuple[int, int]] = []  # group -> (first, last + 1) pattern index
        self._automaton: ahocorasick_rs.AhoCorasick | None = None  # None: no strings at all
        self._stale = True  # the groups changed since the automaton was built
        self._text: str | None = None
        self._hits: list[tuple[int, int, int]] = []

    def group(self) -> int:
        """A new, empty group."""
        self._groups.append(())
        self._stale = True
        return len(self._groups) - 1

    def set(self, group: int, strings: Sequence[str]) -> None:
        """The strings of a group (the automaton is built again on the next read if they
        changed)."""
        strings = tuple(strings)
        if strings != self._groups[group]:
            self._groups[group] = strings
            self._stale = True

    def read(self, text: str, group: int) -> tuple[list[tuple[int, int, int]], int, int]:
        """``(index, start, end)`` of every occurrence of every string of every group in
        ``text``, in the order their ends come, and the index range of ``group``."""
        if self._stale:
            self._build()
        if text != self._text:  # the same string object: its hits are known
            automaton = self._automaton
            self._hits = automaton.find_matches_as_indexes(text, overlapping=True) \
                if automaton is not None else []
            self._text = text
        return (self._hits, *self._bounds[group])

    def _build(self) -> None:
        patterns = [string for strings in self._groups for string in strings]
        at, self._bounds = 0, []
        for strings in self._groups:
            self._bounds.append((at, at + len(strings)))
            at += len(strings)
        # a DFA reads three times faster than an NFA but grows with the strings: a few
        # thousand take ~10 MB, so long public lists keep the NFA
        kind = ahocorasick_rs.Implementation.DFA if len(patterns) <= DFA_PATTERNS else None
        self._automaton = ahocorasick_rs.AhoCorasick(patterns, implementation=kind) \
            if patterns else None  # (an automaton of nothing cannot be built)
        self._stale, self._text = False, None


class FormMatcher:
    """Exact-case forms found in raw text in one pass, whatever a tokeniser would make of it.

    spaCy keeps "ADE20K." or "ImageNet-1K/22K" as one token, so token matchers miss names at
    a sentence end or in shorthand. Here every form goes into one Aho-Corasick automaton
    (``ahocorasick_rs``, in Rust), which reads a text once and returns every occurrence of
    every form; a form matches where it starts and ends at a letter/digit boundary. ``keys``
    are further strings reported wherever they occur, bounded or not (" on ", "dataset"), so
    a caller reads each text once for everything it looks for. The automaton is ``shared``'s
    (see :class:`SharedPass`), one of its own by default.
    """

    def __init__(self, forms: Iterable[str] = (), keys: Iterable[str] = (),
                 shared: SharedPass | None = None) -> None:
        self.keys = list(dict.fromkeys(keys))
        self.forms: list[str] = []
        self._shared = shared or SharedPass()
        self._group = self._shared.group()
        self._changed = True  # forms added since the shared pass last had them
        for form in forms:
            self.add(form)

    def add(self, form: str) -> None:
        if form not in self.keys and form not in self.forms:
            self.forms.append(form)
            self._changed = True

    def scan(self, text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
        """``(start, end, form)`` of each bounded form match, and ``(start, key)`` of each key
        occurrence, both in text order."""
        if self._changed:
            self._shared.set(self._group, [*self.keys, *self.forms])
            self._changed = False
        hits, first, last = self._shared.read(text, self._group)
        n_keys, forms, keys = len(self.keys), [], []
        for i, start, end in hits:
            if i < first or i >= last:
                continue  # another matcher's
            i -= first
            if i < n_keys:
                keys.append((start, self.keys[i]))
            elif (start == 0 or not text[start - 1].isalnum()) and (
                    end == len(text) or not text[end].isalnum()):
                forms.append((start, end, self.forms[i - n_keys]))
        return forms, keys

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` of every bounded match ("MS COCO" and the "COCO" in it)."""
        return self.scan(text)[0]


class CaseFormMatcher:
    """Forms found under the case rule, by one case-sensitive Aho-Corasick pass over a text.

    An all-lower form matches in any case ("accuracy" finds "Accuracy"). A word of a form
    with an upper-case letter matches only as written: "mAP" finds neither "map" nor "MAP",
    "NER" not the "ner" of "learner"; such a form's all-lower words may be capitalised
    ("Dice score" finds "Dice Score", not "dice score"). Matches start and end at a
    letter/digit boundary, and overlapping ones are all reported ("object detection" and its
    "detection").

    The automaton holds only the last word of each form (its anchor), in the spellings the
    rule allows ("accuracy", "Accuracy", "ACCURACY"; "mAP"); the form is then read back from
    where its anchor ends. A small automaton stays in the processor's cache between
    documents, and a case-sensitive one never stops at the "is" of "this" for "IS". The
    automaton is ``shared``'s (see :class:`SharedPass`), one of its own by default.
    """

    def __init__(self, forms: Iterable[str] = (), shared: SharedPass | None = None) -> None:
        self.lower: set[str] = set()  # all-lower forms
        self.surfaces: dict[str, str] = {}  # each spelling of a cased form -> the form
        self._anchors: dict[str, set[int]] = {}  # anchor spelling -> lengths of its forms
        self._shared = shared or SharedPass()
        self._group = self._shared.group()
        # per anchor (in the shared group's order): the forms it spells alone, the lengths of
        # longer forms ending in it; None once a form is added, made again on the next search
        self._plans: list[tuple[tuple[str, ...], tuple[int, ...]]] | None = None
        for form in forms:
            self.add(form)

    def add(self, form: str) -> None:
        if form == form.lower():
            self.lower.add(form)
            last = form.rsplit(" ", 1)[-1]
            anchors = {last, _capitalised(last), _titled(last), last.upper()}
        else:
            anchors = set()
            for surface in case_variants(form):
                self.surfaces.setdefault(surface, form)
                anchors.add(surface.rsplit(" ", 1)[-1])
        for anchor in anchors:
            self._anchors.setdefault(anchor, set()).add(len(form))
        self._plans = None

    def form_of(self, surface: str) -> str | None:
        """The form ``surface`` is a spelling of, or None."""
        low = surface.lower()
        return low if low in self.lower else self.surfaces.get(surface)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` of every match, in the order their anchors end."""
        if not self._anchors:
            return []
        if self._plans is None:
            self._shared.set(self._group, list(self._anchors))
            self._plans = [self._plan(a) for a in self._anchors]
        plans = self._plans
        hits, first, last = self._shared.read(text, self._group)
        n, found, lower, surfaces = len(text), [], self.lower, self.surfaces
        for i, s, e in hits:
            if i < first or i >= last or (s and text[s - 1].isalnum()) or (
                    e < n and text[e].isalnum()):
                continue  # another matcher's, or inside a word
            alone, longer = plans[i - first]
            for form in alone:
                found.append((s, e, form))
            for length in longer:
                start = e - length
                if start < 0 or (start and text[start - 1].isalnum()):
                    continue
                piece = text[start:e]
                low = piece.lower()
                if low in lower:
                    found.append((start, e, low))
                form = surfaces.get(piece)
                if form is not None:
                    found.append((start, e, form))
        return found

    def _plan(self, anchor: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The forms an anchor spells by itself, and the lengths of longer forms ending in it."""
        low = anchor.lower()
        alone = tuple(f for f in (low if low in self.lower else None, self.surfaces.get(anchor))
                      if f is not None)
        longer = tuple(sorted(n for n in self._anchors[anchor] if n != len(anchor)))
        return alone, longer


def case_variants(form: str) -> list[str]:
    """The spellings :class:`CaseFormMatcher` accepts for a form with a capital: as listed;
    with any of its first three all-lower words capitalised; with all of them capitalised
    (hyphen parts too: "person Re-Identification" -> "Person Re-Identification")."""
    words = form.split(" ")
    lower = [i for i, w in enumerate(words) if w != w.upper() and w == w.lower()]
    variants = {form: None}
    for mask in range(1 << min(3, len(lower))):
        copy = list(words)
        for bit, i in enumerate(lower[:3]):
            if mask >> bit & 1:
                copy[i] = _capitalised(copy[i])
        variants[" ".join(copy)] = None
    titled = list(words)
    for i in lower:
        titled[i] = _titled(words[i])
    variants[" ".join(titled)] = None
    return list(variants)


def _titled(word: str) -> str:
    """Each hyphen part capitalised but for short function words after the first, as titles
    write them: "super-resolution" -> "Super-Resolution", "text-to-speech" -> "Text-to-Speech"."""
    parts = word.split("-")
    return "-".join([_capitalised(parts[0])] + [p if p in TITLE_SMALL_WORDS else _capitalised(p)
                                                for p in parts[1:]])


TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "for",
                               "by", "with", "at", "as", "vs"})


def _capitalised(word: str) -> str:
    """The word with its first letter in upper case: "image" -> "Image", "3d" -> "3D"."""
    for i, char in enumerate(word):
        if char.isalpha():
            return word[:i] + char.upper() + word[i + 1:]
    return word


def folded(text: str) -> str:
    """``text`` lower-cased with its length kept, so offsets into it hold in ``text``: the rare
    character whose lower case is longer ("İ") stays as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
