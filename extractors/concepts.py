"""Generic method families and techniques ("convolutional neural network", "MoE") as concepts.

The guideline keeps generic families out of the methods: "CNN", "GNNs", "large language
models", "diffusion models", "transformer-based" models name no single paper's method. They
are matched from a curated lexicon (``data/concepts.jsonl``, plus user entries of type
Concept) and reported under one lower-case canonical phrase in ``attrs["canonical"]``.
Multi-word phrases match case-insensitively, with a plural ``-s``; one-word entries and
acronyms match as written (and capitalised), so "Transformer" the architecture stays a method
while "transformer-based" is a concept. An acronym the text defines from a concept's long form
("Graph Neural Networks (GNNs)") becomes that concept too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extractors.base import ABBREVIATION, CONCEPT, Document, Mention
from extractors.shapes import normalise

DATA = Path(__file__).parent / "data"
# Prefix of the match label of forms matched as written ("=CNN"); any-case forms are
# labelled by their canonical name alone.
EXACT = "="


class Entry(NamedTuple):
    """One lexicon entry as the matching extractors need it (methods and concepts)."""

    name: str
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = False


def read_entries(path: Path, kind: str) -> list[Entry]:
    """The entries of type ``kind`` in a JSONL lexicon ``{"name", "aliases", "type"}``."""
    entries = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("type", kind) == kind and row.get("name"):
                aliases = tuple(a for a in row.get("aliases") or () if a)
                entries.append(Entry(row["name"], aliases, bool(row.get("case_sensitive"))))
    return entries


class ConceptExtractor:
    """Lexicon phrases for generic techniques, each mapped to its canonical name."""

    name = "concepts"
    labels = (CONCEPT,)

    def __init__(self, nlp: Language, entries: Iterable[Entry]) -> None:
        # One LOWER phrase matcher for every form: a form matched as written is checked
        # against its spellings afterwards (one pass over the tokens, not two).
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._canonical: dict[str, str] = {}  # normalised surface form -> canonical name
        lower: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        for entry in entries:
            canonical = entry.name.lower() if not entry.case_sensitive else entry.name
            for form in (entry.name, *entry.aliases):
                self._canonical.setdefault(normalise(form), canonical)
                if _is_exact_form(form) or entry.case_sensitive:
                    variants = {form, form + "s"} if form[-1:].islower() else {form}
                    if not entry.case_sensitive and form[:1].islower():
                        variants |= {v[:1].upper() + v[1:] for v in variants}
                    exact.setdefault(canonical, []).extend(sorted(variants))
                else:
                    variants = {form} if form.endswith("s") else {form, form + "s"}
                    lower.setdefault(canonical, []).extend(sorted(variants))
        # match label -> (canonical name, None for any case or the spellings without spaces)
        self._labels: dict[int, tuple[str, frozenset[str] | None]] = {}
        for canonical, forms in lower.items():
            self._add(nlp, canonical, canonical, forms, None)
        for canonical, forms in exact.items():
            spellings = frozenset(f.replace(" ", "") for f in forms)
            self._add(nlp, EXACT + canonical, canonical, forms, spellings)
        self._last: tuple[Doc, list[tuple[int, int, int]]] | None = None  # the last matches
        self.shared = SharedLower(self, nlp)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matcher's matches in ``doc``, the last document's kept (see :class:`SharedLower`)."""
        last = self._last  # read once: another thread may replace it
        if last is None or last[0] is not doc:
            last = self._last = (doc, self._matcher(doc))
        return last[1]

    def _add(self, nlp: Language, label: str, canonical: str, forms: list[str],
             spellings: frozenset[str] | None) -> None:
        self._matcher.add(label, [nlp.make_doc(f) for f in forms])
        self._labels[nlp.vocab.strings[label]] = (canonical, spellings)

    def canonical(self, surface: str) -> str | None:
        """The canonical concept a surface form names, if any."""
        return self._canonical.get(normalise(surface))

    def __call__(self, document: Document, found: Sequence[Mention]) -> Iterator[Mention]:
        doc, text, labels = document.doc, document.text, self._labels
        matches = self.matches(doc)
        seen: set[tuple[int, int]] = set()
        # any-case forms first, then forms as written, each in the matcher's order: the order
        # (and so the canonical name a span gets) of the two matchers this replaced
        for as_written in (False, True):
            for match_id, start, end in matches:
                label = labels.get(match_id)  # None for a phrase of the shared pass
                if label is None or (label[1] is not None) != as_written:
                    continue
                canonical, spellings = label
                # offsets from the first and last tokens: ``doc[start:end]`` would build a
                # Span and, for its text, a Token object per word
                first, last = doc[start], doc[end - 1]
                key = (first.idx, last.idx + len(last))
                if key in seen:
                    continue
                surface = text[key[0] : key[1]]
                # LOWER matched, so tokens are as many and as long: the same characters
                # between the single spaces means ORTH matches too
                if spellings is not None and surface.replace(" ", "") not in spellings:
                    continue
                seen.add(key)
                yield self._mention(surface, *key, canonical)
        for abbr in found:
            if abbr.label != ABBREVIATION:
                continue
            canonical = self.canonical(abbr.attrs["long_form"])
            if canonical and (abbr.start, abbr.end) not in seen:
                seen.add((abbr.start, abbr.end))
                yield self._mention(abbr.text, abbr.start, abbr.end, canonical)

    def _mention(self, text: str, start: int, end: int, canonical: str) -> Mention:
        return Mention(CONCEPT, text, start, end, self.name, {"canonical": canonical})


class SharedLower:
    """Another extractor's phrases found by the concepts' matcher, in the pass it makes over
    each document anyway: a :class:`~extractors.phrases.PhraseFinder` in what it finds (``add``
    phrases, then call for a document's spans), not in the order (the matcher's, by start).

    The matcher compares LOWER values; a finder on ORTH (:attr:`orth`, made with the LOWER one)
    keeps a match only if its tokens as written are one of its phrases' (an ORTH match is a
    LOWER match whose tokens are a phrase's as written). The method extractor, which runs after
    the concepts, reads its lexicon forms here instead of making passes of its own."""

    def __init__(self, owner: ConceptExtractor, nlp: Language, attr: str = "LOWER") -> None:
        self._owner, self._matcher = owner, owner._matcher
        # a match label no concept has: the canonical names and "=" + each of them are taken
        name = "+shared" if attr == "LOWER" else "+shared-orth"
        taken = {nlp.vocab.strings[key] for key in owner._labels}
        while name in taken:
            name += "+"
        self._name, self._label = name, nlp.vocab.strings.add(name)
        # ORTH: the phrases' tokens as written; None on LOWER, where every match is kept
        self._written: set[tuple[str, ...]] | None = set() if attr == "ORTH" else None
        if attr == "LOWER":
            self.orth = SharedLower(owner, nlp, "ORTH")

    def add(self, phrases: list[Doc]) -> None:
        """Add phrases, each a Doc made by the pipeline's tokeniser (``nlp.make_doc``)."""
        self._owner._last = None
        self._matcher.add(self._name, phrases)
        if self._written is not None:
            self._written.update(tuple(t.orth_ for t in phrase) for phrase in phrases)

    def __call__(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """``(start_char, end_char)`` of the added phrases in ``doc`` (whose text is ``text``)."""
        spans, written = [], self._written
        for match_id, start, end in self._owner.matches(doc):
            if match_id != self._label:
                continue
            # Token objects for these matches only: a few hundred on the seeds
            if written is not None and _orths(doc, start, end) not in written:
                continue
            last = doc[end - 1]
            spans.append((doc[start].idx, last.idx + len(last)))
        return spans


def _orths(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(doc[i].orth_ for i in range(start, end))


def _is_exact_form(form: str) -> bool:
    """One-word forms and acronyms match as written: "CNN", "dropout", "MoE"."""
    return " " not in form and "-" not in form or any(c.isupper() for c in form[1:])
