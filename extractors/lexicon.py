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
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

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
    """Entries by type, and an index from every form (exact case) to its entry."""

    entries: dict[str, list[Entry]] = field(default_factory=lambda: {t: [] for t in TYPES})

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


# The anchor of a form or a text position: a run starting with a capital (a one-character-class
# start keeps the scan fast). Matches "ImageNet" in "miniImageNet", "DPW" in "3DPW", "CIFAR" in
# "CIFAR-10"; must not match "arxiv" (no capital).
ANCHOR = re.compile(r"[A-Z][A-Za-z0-9]*")


class FormMatcher:
    """Exact-case forms found in raw text, whatever a tokeniser would make of it.

    spaCy keeps "ADE20K." or "ImageNet-1K/22K" as one token, so token matchers miss names at
    a sentence end or in shorthand. Here each form is indexed by an anchor (its longest run
    starting with a capital): a text is read with one ``findall`` of its anchors and
    a set intersection, and only anchors some form starts with are looked at further. Forms
    without a capital ("ogbn-arxiv", "ogbg-molhiv") are grouped by their first three
    characters, one ``find`` per group. A match starts and ends at a letter/digit boundary.
    """

    def __init__(self, forms: Iterable[str] = ()) -> None:
        self.by_anchor: dict[str, list[tuple[str, int]]] = {}  # anchor -> (form, its offset)
        self.plain: dict[str, list[str]] = {}  # first three characters -> forms
        for form in forms:
            self.add(form)

    def add(self, form: str) -> None:
        anchors = list(ANCHOR.finditer(form))
        if not anchors:
            self.plain.setdefault(form[:3], []).append(form)
            return
        # the longest anchor is the rarest in texts: "Pile" of "The Pile", "COCO" of "MS COCO"
        anchor = max(anchors, key=lambda m: len(m.group()))
        forms = self.by_anchor.setdefault(anchor.group(), [])
        forms.append((form, anchor.start()))
        forms.sort(key=lambda pair: -len(pair[0]))  # longest first: "MS COCO" before "COCO"

    def finditer(self, text: str, anchors: set[str] | None = None
                 ) -> Iterator[tuple[int, int, str]]:
        """``(start, end, form)`` of every match: at each place, the longest form there.

        ``anchors`` is ``set(ANCHOR.findall(text))`` when the caller has it already."""
        seen: set[int] = set()
        # set.intersection walks the smaller side: the text's few anchors, not the lexicon's
        for anchor in (anchors or set(ANCHOR.findall(text))).intersection(self.by_anchor):
            at = text.find(anchor)
            while at >= 0:
                for form, offset in self.by_anchor[anchor]:
                    start = at - offset
                    if start not in seen and _bounded(text, start, form):
                        seen.add(start)
                        yield start, start + len(form), form
                        break
                at = text.find(anchor, at + 1)
        for prefix, forms in self.plain.items():
            at = text.find(prefix)
            while at >= 0:
                for form in forms:
                    if at not in seen and _bounded(text, at, form):
                        yield at, at + len(form), form
                at = text.find(prefix, at + 1)


def _bounded(text: str, start: int, form: str) -> bool:
    end = start + len(form)
    return (start >= 0 and text.startswith(form, start)
            and (start == 0 or not text[start - 1].isalnum())
            and (end == len(text) or not text[end].isalnum()))


class SharedMatcher:
    """One lower-case phrase matcher that several extractors of a pipeline add patterns to,
    each under its own keys, so a document is matched once for all of them; each extractor
    keeps the matches of its keys. The last document's matches are remembered."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.strings = nlp.vocab.strings
        self._doc: Doc | None = None
        self._matches: list[tuple[int, int, int]] = []

    def add(self, key: str, patterns: list[Doc]) -> int:
        """Add ``patterns`` under ``key``; returns the key's hash, as the matches carry it."""
        self.matcher.add(key, patterns)
        self._doc = None
        return self.strings[key]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(key, start token, end token)`` of every pattern of every key in ``doc``."""
        if doc is not self._doc:
            self._matches, self._doc = self.matcher(doc), doc
        return self._matches


_SHARED: WeakKeyDictionary[Language, SharedMatcher] = WeakKeyDictionary()


def shared_matcher(nlp: Language) -> SharedMatcher:
    """The :class:`SharedMatcher` of ``nlp`` (made on first use, gone with ``nlp``)."""
    if nlp not in _SHARED:
        _SHARED[nlp] = SharedMatcher(nlp)
    return _SHARED[nlp]
