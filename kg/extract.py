"""Extract: one spaCy pipeline, every extractor in order, one extraction record per paper.

The text every extractor sees is ``title + "\\n\\n" + abstract``
(:func:`extractors.base.join_text`), parsed once by ``spacy.blank("en")`` with the sentence
boundaries of :mod:`kg.sentences`.
Extractors run in a fixed order, each seeing the mentions of those before it: abbreviations
first (later ones read the definitions), then code links, datasets, tasks, metrics, concepts,
methods, and results last. Overlapping entity mentions are resolved here and only here
(:func:`resolve_overlaps`). Mentions of the same thing are then grouped into one entity per
paper (:func:`group_entities`): an abbreviation pair gives ``name`` = short form with the long
form among the aliases; surface forms with the same normalised key (NFKC, case-folded, letters
and digits only) merge.

The record (one dict per paper) is the contract the graph builder and the scorer read::

    {"id", "title", "abstract", "arxiv_id", "authors", "categories", "date", "url", "sources",
     "methods":  [{"name", "aliases", "proposed", "role", "evidence": [EV, ...]}],
     "datasets": [{"name", "aliases", "proposed", "evidence"}],
     "tasks" / "metrics" / "concepts": [{"name", "aliases", "evidence"}],
     "results":  [{"method", "dataset", "metric", "value", "evidence": EV}],
     "comparisons": [{"winner", "loser", "dataset", "metric", "evidence": EV}],
     "code":     [{"url", "kind", "name", "evidence": EV}],
     "code_available": bool}
    EV = {"field": "title"|"abstract", "start", "end", "sentence", "extractor"}

Offsets in evidence are relative to the field they fall in.
"""

from __future__ import annotations

import gc
import importlib
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from multiprocessing import Pool
from operator import attrgetter
from pathlib import Path
from typing import Any

import spacy
from spacy import attrs
from spacy.language import Language
from spacy.tokens import Doc

from extractors.abbreviations import AbbreviationExtractor
from extractors.base import (
    CODE,
    CODE_AVAILABLE,
    CONCEPT,
    DATASET,
    METHOD,
    METRIC,
    RESULT,
    TASK,
    Document,
    Extractor,
    Mention,
    join_text,
)
from extractors.concepts import DATA, ConceptExtractor, Entry, read_entries
from extractors.methods import MethodExtractor
from extractors.relations import COMPARISON, ComparisonExtractor
from extractors.shapes import normalise
from kg import affixes
from kg.records import Paper
from kg.sentences import SENTENCES, SentenceBoundaries  # registers "kg_sentences"

PIPELINE_VERSION = "0.1.0"

# Which record key each entity label fills.
ENTITY_KEYS = {
    METHOD: "methods",
    DATASET: "datasets",
    TASK: "tasks",
    METRIC: "metrics",
    CONCEPT: "concepts",
}
# When two entity mentions overlap and have the same length, the earlier label here wins.
PRIORITY = (CODE, DATASET, METHOD, METRIC, TASK, CONCEPT)
# Extractors written in other modules, loaded when present: (module, class).
OPTIONAL_EXTRACTORS = {
    "datasets": ("extractors.datasets", "DatasetExtractor"),
    "tasks": ("extractors.tasks", "TaskExtractor"),
    "metrics": ("extractors.metrics", "MetricExtractor"),
    "results": ("extractors.results", "ResultExtractor"),
    "code": ("extractors.code_links", "CodeLinkExtractor"),
}


@dataclass(slots=True)
class ParsedDocument(Document):
    """A :class:`Document` that keeps its joined text and sentence offsets.

    ``Doc.text`` rebuilds the string from the tokens on every access and ``Doc.sents`` builds a
    ``Span`` per sentence; the extractors ask for both often, so both are computed once here.
    """

    joined: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)  # (start, end) per sentence
    sentence_starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.joined

    def sentences(self) -> list[tuple[int, int]]:
        return self.spans

    def sentence_text(self, start: int) -> str:
        """The sentence holding offset ``start``, stripped."""
        i = max(0, bisect_right(self.sentence_starts, start) - 1)
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.joined)
        return self.joined[self.sentence_starts[i] : end].strip()


# The lexeme attributes anything reads: the matchers use ORTH (always set) and LOWER, the
# sentence boundaries IS_PUNCT and IS_SPACE; NORM is kept for norm-based matchers. spaCy runs
# every other getter (shape, like_num, is_stop, ...) on each new word it meets, which was half
# the tokenizer's time on unseen text; without them those attributes are left unset.
LEX_ATTRS_READ = frozenset({attrs.LOWER, attrs.NORM, attrs.IS_PUNCT, attrs.IS_SPACE})

# spaCy's tokenizer caches how it split each whitespace-delimited chunk, 10,000 chunks by
# default; abstracts hold more (13,834 in the 463 seed abstracts) and a field's words recur, so
# a larger cache pays. It stays bounded: about 10 MB at most.
TOKENIZER_CACHE = 100_000


def build_nlp() -> Language:
    """``spacy.blank("en")`` with :mod:`kg.sentences`' boundaries; nothing to download."""
    nlp = spacy.blank("en")
    getters = nlp.vocab.lex_attr_getters
    for attr in [a for a in getters if a not in LEX_ATTRS_READ]:
        del getters[attr]
    affixes.install(nlp.tokenizer)  # before the cache fills: setting the searches empties it
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    nlp.add_pipe(SENTENCES)
    return nlp


class Pipeline:
    """Every extractor over one parsed document; records in the format above."""

    def __init__(self, lexicons: Sequence[Path] = (), use_shipped_lexicons: bool = True) -> None:
        self.nlp = build_nlp()
        lexicon_paths = [Path(p) for p in lexicons]
        shared = _load_shared_lexicon(lexicon_paths, use_shipped_lexicons)
        methods = _entries("Method", DATA / "methods.jsonl", lexicon_paths, use_shipped_lexicons)
        concepts = _entries("Concept", DATA / "concepts.jsonl", lexicon_paths, use_shipped_lexicons)
        self.concepts = ConceptExtractor(self.nlp, concepts)
        optional = {key: _optional(key, self.nlp, shared) for key in OPTIONAL_EXTRACTORS}
        chain: list[Extractor | None] = [
            AbbreviationExtractor(),
            optional["code"],
            optional["datasets"],
            optional["tasks"],
            optional["metrics"],
            self.concepts,
            # the methods' lower-case forms are found in the concepts' pass (concepts run first)
            MethodExtractor(
                self.nlp, methods, lower=self.concepts.shared, other_kinds=_curated(shared)
            ),
            ComparisonExtractor(),
            optional["results"],
        ]
        self.extractors: list[Extractor] = [e for e in chain if e is not None]

    def document(self, paper: Paper) -> Document:
        return self._document(paper)

    def _document(self, paper: Paper) -> ParsedDocument:
        """The paper parsed as ``self.nlp`` would, without ``nlp.pipe``'s overhead per text, and
        its sentence spans read from the boundaries as they are set (no ``Span`` per sentence;
        the text at hand, as ``Doc.text`` is slow)."""
        text = join_text(paper.title, paper.abstract)
        doc = self.nlp.make_doc(text)
        boundaries, others = self._components
        spans = boundaries.mark(doc, text)
        for component in others:  # none today
            doc = component(doc)
        starts = [start for start, _ in spans]
        return ParsedDocument(paper.id, paper.title, paper.abstract, doc, text, spans, starts)

    @cached_property
    def _components(self) -> tuple[SentenceBoundaries, list[Callable[[Doc], Doc]]]:
        """The sentence boundaries of ``self.nlp`` and its other components, read once
        (``nlp.pipeline`` builds a list on each access: 3 us, 1.5 ms a pass over the seeds)."""
        others = [component for name, component in self.nlp.pipeline if name != SENTENCES]
        return self.nlp.get_pipe(SENTENCES), others

    def mentions(self, paper: Paper) -> list[Mention]:
        return self._mentions(self.document(paper))

    def _mentions(self, document: Document) -> list[Mention]:
        found: list[Mention] = []
        for extractor in self.extractors:
            found.extend(extractor(document, found))
        return resolve_overlaps(found)

    def extract(self, paper: Paper) -> dict[str, Any]:
        return self._record(paper, self.document(paper))

    def extract_many(self, papers: Sequence[Paper], batch_size: int = 256) -> list[dict]:
        """Records for ``papers`` in order (``batch_size`` is kept for callers; parsing a
        document is the same alone or in a batch, so it no longer batches)."""
        return [self._record(p, self._document(p)) for p in papers]

    def _record(self, paper: Paper, document: Document) -> dict[str, Any]:
        by_label: dict[str, list[Mention]] = {}  # in position order, as resolved
        for m in self._mentions(document):
            by_label.setdefault(m.label, []).append(m)
        evidence = Evidence(document).of
        record: dict[str, Any] = paper.to_dict()
        for label, key in ENTITY_KEYS.items():
            record[key] = group_entities(by_label.get(label, []), evidence)
        results, comparisons = by_label.get(RESULT, []), by_label.get(COMPARISON, [])
        names = _names(record) if results or comparisons else {}  # few records have either
        record["results"] = [_result(evidence, m, names) for m in results]
        record["comparisons"] = _comparisons(evidence, comparisons, names)
        record["code"] = [_code(evidence, m) for m in by_label.get(CODE, [])]
        record["code_available"] = CODE_AVAILABLE in by_label
        return record


# The entity kinds results and comparisons name, by any of their forms.
REFERRED = (METHOD, DATASET)


def _names(record: dict[str, Any]) -> dict[str, dict[str, str]]:
    """For each :data:`REFERRED` label, the key of every form of its entities -> their name."""
    return {
        label: {normalise(form): e["name"]
                for e in record[ENTITY_KEYS[label]] for form in (e["name"], *e["aliases"])}
        for label in REFERRED
    }
# Rank of each entity label among overlapping mentions of the same length (PRIORITY's order).
PRIORITY_RANK = {label: i for i, label in enumerate(PRIORITY)}
# The order a record sorts its mentions in: by position, then label and text for a stable tie.
POSITION = attrgetter("start", "end", "label", "text")


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep one entity mention wherever several overlap: the longest, then by :data:`PRIORITY`.

    Abbreviation definitions, results and code-availability claims describe spans rather than
    claim them, so they pass through untouched. The output is sorted by position.
    """
    mentions = list(mentions)
    ordered = sorted(mentions, key=POSITION)
    if _disjoint([m for m in ordered if m.label in PRIORITY_RANK]):
        return ordered  # no overlap to resolve: most documents
    kept = _longest_first([m for m in mentions if m.label in PRIORITY_RANK])
    return [m for m in ordered if m.label not in PRIORITY_RANK or id(m) in kept]


def _disjoint(claims: list[Mention]) -> bool:
    """Whether no two of ``claims`` (in position order) overlap: each ends before the next
    starts, so ends and starts only grow."""
    end = -1
    for m in claims:
        if m.start < end:
            return False
        end = m.end
    return True


def _longest_first(claims: list[Mention]) -> set[int]:
    """The ids of the claims :func:`resolve_overlaps` keeps (claims in their input order)."""
    claims.sort(key=lambda m: (m.start - m.end, PRIORITY_RANK[m.label], m.start))
    # The spans kept so far, sorted. They do not overlap, so their ends are sorted too, and a
    # mention overlaps one of them exactly when it overlaps the last that starts before it ends.
    taken: list[tuple[int, int]] = []
    kept = set()
    for m in claims:
        before = bisect_left(taken, (m.end,))  # how many kept spans start before m ends
        if before and taken[before - 1][1] > m.start:
            continue
        insort(taken, (m.start, m.end))
        kept.add(id(m))
    return kept


# The attributes of a mention naming other forms of the same thing: an abbreviation's long
# form, a concept's canonical name, a method's lexicon entry.
JOINING = ("long_form", "canonical", "entity")
# A mention's text (mapped over a group's mentions without a Python-level loop).
TEXT = attrgetter("text")
# A mention's evidence dict: an :class:`Evidence`, or (cheaper to call) its bound ``of``.
EvidenceOf = Callable[[Mention], dict[str, Any]]


def group_entities(mentions: Sequence[Mention], evidence: EvidenceOf) -> list[dict[str, Any]]:
    """One entity per thing mentioned: forms joined by abbreviation pairs and equal keys."""
    if not mentions:
        return []
    # each mention's key; a mention whose text has none joins no entity
    keys = list(map(normalise, map(TEXT, mentions)))
    parent: dict[str, str] = {}  # union-find over keys, filled only when forms link
    # (keys come from mentions, one each: a strict zip would only cost a keyword call)
    for m, anchor in zip(mentions, keys):  # noqa: B905
        attrs = m.attrs
        if not attrs:
            continue
        for name in JOINING:
            form = attrs.get(name)
            if not form or (other := normalise(form)) == anchor or not other:
                continue
            if anchor:
                parent[_root(parent, other)] = _root(parent, anchor)
            else:  # the text has no key: the first form that has one links the others
                anchor = other
    if parent:  # every key to its root, each root found once
        for key in parent:
            parent[key] = _root(parent, key)
        keys = [parent.get(key, key) for key in keys]
    groups: dict[str, list[Mention]] = {}
    for m, key in zip(mentions, keys):  # noqa: B905
        if key:
            group = groups.get(key)
            if group is None:
                groups[key] = [m]
            else:
                group.append(m)
    # two entities in three have one mention: _single builds those without _entity's loop
    return [_single(group[0], evidence) if len(group) == 1 else _entity(group, evidence)
            for group in groups.values()]


def _root(parent: dict[str, str], key: str) -> str:
    """The key standing for ``key``'s group in :func:`group_entities`' union-find."""
    while (up := parent.get(key, key)) != key:
        key = up
    return key


# A method's role when its mentions disagree: the first of these any mention has (another
# role ranks after them all).
ROLE_RANK = {role: i for i, role in enumerate(("proposed", "baseline", "component", "mentioned"))}


def _entity(group: list[Mention], evidence: EvidenceOf) -> dict[str, Any]:
    # One loop and no comprehension: two entities in three have one mention, and on Python
    # 3.11 a comprehension or generator is a function call of its own.
    canonical = short = None
    proposed = False
    forms: set[str] = set()
    for m in group:
        forms.add(m.text)
        attrs = m.attrs
        if attrs:
            long_form = attrs.get("long_form")
            if long_form:
                forms.add(long_form)
                short = short or m.text
            canonical = canonical or attrs.get("canonical")
            proposed = proposed or bool(attrs.get("proposed"))
    first = group[0]
    name = canonical or short or first.text
    forms.discard(name)
    entity: dict[str, Any] = {"name": name, "aliases": sorted(forms)}
    if first.label == METHOD or first.label == DATASET:
        entity["proposed"] = proposed
    if first.label == METHOD:
        entity["role"] = _role(group)
    entity["evidence"] = list(map(evidence, group))
    return entity


def _single(m: Mention, evidence: EvidenceOf) -> dict[str, Any]:
    """What :func:`_entity` gives for a group of one mention, ``m``."""
    text, attrs = m.text, m.attrs
    long_form = attrs.get("long_form")
    name = attrs.get("canonical") or text
    aliases = [] if name == text else [text]
    if long_form:
        aliases = sorted({text, long_form} - {name})
    label = m.label
    if label == METHOD:
        return {"name": name, "aliases": aliases, "proposed": bool(attrs.get("proposed")),
                "role": attrs.get("role", "mentioned"), "evidence": [evidence(m)]}
    if label == DATASET:
        return {"name": name, "aliases": aliases, "proposed": bool(attrs.get("proposed")),
                "evidence": [evidence(m)]}
    return {"name": name, "aliases": aliases, "evidence": [evidence(m)]}


def _role(group: list[Mention]) -> str:
    """The role of a method's entity: the best ranked in :data:`ROLE_RANK` any mention has."""
    if len(group) == 1:
        return group[0].attrs.get("role", "mentioned")
    return min([m.attrs.get("role", "mentioned") for m in group], key=_role_rank)


def _role_rank(role: str) -> int:
    return ROLE_RANK.get(role, len(ROLE_RANK))


class Evidence:
    """Where each mention of one document was found, with offsets relative to its field.

    Made once per record: the title's end is read once, and each sentence's stripped text is
    cut once, not once per mention in it (a record holds a dozen mentions in ten sentences, half
    of the mentions sharing a sentence with another); a mention's is then one bisection away.
    """

    __slots__ = ("_document", "_title_end", "_starts", "_sentences")

    def __init__(self, document: Document) -> None:
        self._document = document
        self._title_end = document.title_end
        self._starts = self._sentences = None
        if isinstance(document, ParsedDocument):
            self._starts = document.sentence_starts
            self._sentences = _stripped_sentences(document)

    def of(self, m: Mention) -> dict[str, Any]:
        """The evidence of ``m`` (a bound ``of`` is cheaper to call than the object itself)."""
        start = m.start
        if self._sentences is not None:
            sentence = self._sentences[bisect_right(self._starts, start)]  # type: ignore[arg-type]
        else:
            sentence = self._document.sentence_at(start, m.end).text.strip()
        if start < self._title_end:  # :meth:`Document.field_of`, inlined
            return {"field": "title", "start": start, "end": m.end, "sentence": sentence,
                    "extractor": m.extractor}
        shift = self._title_end + 2
        return {"field": "abstract", "start": start - shift, "end": m.end - shift,
                "sentence": sentence, "extractor": m.extractor}

    __call__ = of


def _stripped_sentences(document: ParsedDocument) -> list[str]:
    """What :meth:`ParsedDocument.sentence_text` gives, indexed by ``bisect_right(starts, offset)``.

    Entry ``k`` is sentence ``k - 1``; entry 0 repeats sentence 0, for an offset before it.
    """
    starts, text = document.sentence_starts, document.joined
    sentences = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    return sentences[:1] + sentences


def _result(evidence: EvidenceOf, m: Mention, names: dict[str, dict[str, str]]) -> dict[str, Any]:
    def entity_name(label: str, value: Any) -> str | None:
        if not value:
            return None
        return names[label].get(normalise(str(value)), str(value))

    return {
        "method": entity_name(METHOD, m.attrs.get("method")),
        "dataset": entity_name(DATASET, m.attrs.get("dataset")),
        "metric": m.attrs.get("metric"),
        "value": m.attrs.get("value"),
        "evidence": evidence(m),
    }


def _comparisons(
    evidence: EvidenceOf, comparisons: Sequence[Mention], names: dict[str, dict[str, str]]
) -> list[dict[str, Any]]:
    """"X outperforms Y" between methods the record keeps, named as the record names them."""
    out = []
    for m in comparisons:
        winner = names[METHOD].get(normalise(m.attrs["winner"]))
        loser = names[METHOD].get(normalise(m.attrs["loser"]))
        if winner and loser and winner != loser:
            out.append({
                "winner": winner,
                "loser": loser,
                "dataset": m.attrs.get("dataset") and names[DATASET].get(
                    normalise(m.attrs["dataset"]), m.attrs["dataset"]),
                "metric": m.attrs.get("metric"),
                "evidence": evidence(m),
            })
    return out


def _code(evidence: EvidenceOf, m: Mention) -> dict[str, Any]:
    return {
        "url": m.attrs.get("url"),
        "kind": m.attrs.get("kind"),
        "name": m.attrs.get("name"),
        "evidence": evidence(m),
    }


def _entries(kind: str, shipped: Path, paths: Sequence[Path], use_shipped: bool) -> list[Entry]:
    entries = read_entries(shipped, kind) if use_shipped else []
    for path in paths:
        if path.suffix == ".jsonl":
            entries.extend(read_entries(path, kind))
    return entries


def _curated(lexicon: Any) -> list[str]:
    """The forms of the shipped task and metric names ("ASR", "BLEU"): never a method."""
    if lexicon is None:
        return []
    return [f for kind in (TASK, METRIC) for e in lexicon.of(kind) if e.curated for f in e.forms]


def _load_shared_lexicon(paths: Sequence[Path], use_shipped: bool) -> Any:
    """The datasets team's :class:`extractors.lexicon.Lexicon`, when that module exists."""
    try:
        module = importlib.import_module("extractors.lexicon")
    except ImportError:
        return None
    load = module.load_lexicons
    try:
        return load(paths, use_shipped=use_shipped)
    except TypeError:
        return load(paths)


def _optional(key: str, nlp: Language, lexicon: Any) -> Extractor | None:
    """Build an extractor from another module if it exists, trying the usual constructors."""
    module_name, class_name = OPTIONAL_EXTRACTORS[key]
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        return None
    attempts: list[Callable[[], Any]] = [
        lambda: cls(nlp=nlp, lexicon=lexicon),
        lambda: cls(lexicon=lexicon),
        lambda: cls(nlp, lexicon),
        lambda: cls(lexicon),
        lambda: cls(),
    ]
    for attempt in attempts:
        try:
            return attempt()
        except TypeError:
            continue
    return None


# -- streaming, optionally over worker processes -----------------------------------------------

_WORKER: Pipeline | None = None


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the objects alive now out of the cyclic garbage collector's sight for a run.

    spaCy, its registries, the lexicons and the rules are some 90,000 objects that outlive any
    run, and every full collection walks them all: 50-120 ms each, which a run holding its
    records triggers every few hundred papers (a fifth of a pass over the seed abstracts when
    it falls in one). ``gc.freeze`` moves them to a generation the collector never visits;
    they are still freed by reference counting, and ``gc.unfreeze`` at the end hands them back.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _init_worker(lexicons: Sequence[Path]) -> None:
    global _WORKER
    _WORKER = Pipeline(lexicons)
    gc.freeze()  # the worker process's pipeline lives as long as the process: see frozen_heap


def _extract_batch(papers: list[Paper]) -> list[dict[str, Any]]:
    assert _WORKER is not None, "worker initialiser did not run"
    return _WORKER.extract_many(papers)


def _batches(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    it = iter(papers)
    while batch := list(islice(it, size)):
        yield batch


def extract_papers(
    papers: Iterable[Paper],
    *,
    lexicons: Sequence[Path] = (),
    workers: int = 1,
    batch_size: int = 256,
) -> Iterator[dict[str, Any]]:
    """Stream extraction records, in input order, over ``workers`` processes.

    Example::

        for record in extract_papers(read_papers(["papers.jsonl"]), workers=4):
            print(record["id"], [m["name"] for m in record["methods"]])
    """
    lexicons = [Path(p) for p in lexicons]
    if workers <= 1:
        pipeline = Pipeline(lexicons)
        with frozen_heap():
            for batch in _batches(papers, batch_size):
                yield from pipeline.extract_many(batch, batch_size)
        return
    chunk = max(1, min(batch_size, 64))  # small tasks keep every worker busy
    with Pool(workers, initializer=_init_worker, initargs=(lexicons,)) as pool:
        for records in pool.imap(_extract_batch, _batches(papers, chunk)):
            yield from records
