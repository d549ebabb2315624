"""Resolve: surface forms of methods, datasets, tasks and metrics into one node per real thing.

The :class:`EntityIndex` is the one structure of a build that grows with the
corpus: every surface form seen per label, grouped into entities by normalised
form (NFKC, case, hyphens and spaces, plurals, British and American spelling), by
the aliases a paper gives, and by abbreviation definitions pooled across papers —
except that an acronym whose definitions disagree is split into one node per
definition. Ids are the
normalised names, so they do not depend on input order or machine.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import combinations
from os.path import commonprefix
from typing import Any

from kg.model import Node

# Record key -> node label of the entity kinds resolved here.
ENTITY_KINDS: dict[str, str] = {
    "methods": "Method",
    "datasets": "Dataset",
    "tasks": "Task",
    "metrics": "Metric",
    "concepts": "Concept",
}

NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normalise(name: str) -> str:
    """The matching form of a name: NFKC, case-folded, letters and digits only."""
    return NOT_ALNUM.sub("", unicodedata.normalize("NFKC", name).casefold())


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_key(name: str) -> str:
    """The id suffix of an entity: its normalised name, or a hash when nothing is left.

    A "+" is part of a name ("U-Net++" is not "U-Net", "DeepLabv3+" not "DeepLabv3"), so it
    is spelled out before the other punctuation goes.
    """
    return normalise(name.replace("+", "plus")) or "h" + short_hash(name)


# A lower-case plural "s" after a stem of three or more: "Transformers", "GRUs", "ViTs",
# "diffusion models"; not "DARTS" (capital S), "loss" (double s), "Bus" (short stem).
PLURAL_END = re.compile(r"(?<=[A-Za-z0-9]{2}[A-Za-rt-z0-9])s$")


# British spellings and their American twins ("language modelling" = "language modeling"). Both
# sides of each pair are folded the same way, so a rule can only merge two forms that differ by
# it; the guards keep short words out ("wise", "four", "fell").
SPELLING_FOLDS = (
    # "normalisation", "optimised", "analyse" -> "z"; not "wise", "analysis" (no ending listed)
    (re.compile(r"(?<=[a-z]{2}[iy])s(?=(?:e|ed|es|ing|er|ers|ation|ations)\b)", re.I), "z"),
    # "modelling", "labelled", "modeller" -> one "l"; not "controlling" (o before the ll)
    (re.compile(r"(?<=[a-z][ae])ll(?=(?:ing|ed|er|ers)\b)", re.I), "l"),
    # "behaviour", "neighbours", "colour" -> "or"; not "four", "hour" (one letter before)
    (re.compile(r"(?<=[a-z]{2})our(?=s?\b)", re.I), "or"),
)


def fold_spelling(name: str) -> str:
    """``name`` with British spellings in their American form, for grouping only."""
    for pattern, replacement in SPELLING_FOLDS:
        name = pattern.sub(replacement, name)
    return name


def group_key(name: str) -> str:
    """The key forms are grouped by: the entity key of the singular form, spelling folded."""
    return entity_key(fold_spelling(PLURAL_END.sub("", name.strip())))


def _forms(entity: dict[str, Any] | str) -> list[str]:
    if isinstance(entity, str):
        return [entity]
    return [entity["name"], *entity.get("aliases", [])]


# An acronym-like form: "SGM", "CSPNet", "PC-DARTS", "ViT-B"; not "ImageNet-1K images" or "adam".
ACRONYM_SHAPE = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9+.\-]{0,14}$")


def is_acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` ("SGM" / "score-based generative model"):
    acronym-shaped, starting with the long form's initial, its letters in order in it."""
    words = [word.lower() for word in re.findall(r"[A-Za-z0-9]+", long)]
    if not ACRONYM_SHAPE.match(short) or len(words) < 2 or len(long) <= len(short):
        return False
    letters = [ch for ch in short.lower() if ch.isalnum()]
    if short.lower() in words or letters[0] != words[0][0]:  # "COCO" in "MS COCO": an alias
        return False
    rest = iter(" ".join(words))  # the letters appear in order (Schwartz & Hearst 2003)
    return all(ch in rest for ch in letters)


def initials(phrase: str) -> str:
    """Word initials; an acronym inside the phrase gives all its capitals ("mean IoU" -> "miou")."""
    out = []
    for word in re.findall(r"[A-Za-z0-9]+", phrase):
        acronym = len(word) <= 5 and sum(c.isupper() for c in word) >= 2  # "IoU", "CNN"
        out.append(word if acronym else word[0])
    return "".join(out).casefold()


def same_expansion(a: str, b: str, acronym: str = "") -> bool:
    """Whether two long forms of one acronym mean the same: word by word the same stems
    ("low-rank adaptation" / "low-rank adapters"), one spelling an acronym out ("mean IoU" /
    "mean intersection over union"), or nearly the same letters (a typo). "Fully connected
    network" and "fully convolutional network" share initials but not stems: they differ.
    Given the ``acronym``, only the words its letters stand for count: "gradient-weighted class
    activation mapping" and "gradient based class activation maps" both give Grad-CAM."""
    if SequenceMatcher(None, normalise(a), normalise(b)).ratio() >= 0.85:
        return True
    words_a, words_b = (re.findall(r"[a-z0-9]+", x.casefold()) for x in (a, b))
    if _aligned(words_a, words_b):
        return True
    letters = normalise(acronym)
    spelled_a, spelled_b = _spelled(letters, words_a), _spelled(letters, words_b)
    return bool(spelled_a) and len(spelled_a) == len(spelled_b) and all(
        _same_stem(x, y) for x, y in zip(spelled_a, spelled_b, strict=True))


def _spelled(letters: str, words: list[str]) -> list[str]:
    """The words an acronym's letters stand for, each giving one or more leading letters
    ("gradcam" over "gradient weighted class activation mapping" skips "weighted"); [] when the
    letters cannot all be placed."""
    used, rest = [], letters
    for word in words:
        if rest and word[0] == rest[0]:
            take = len(commonprefix([word, rest]))
            used.append(word)
            rest = rest[take:]
    return used if not rest else []


def _aligned(a: list[str], b: list[str]) -> bool:
    """Word by word the same stem, or one word the initials of a run of the other's words."""
    if not a or not b:
        return not a and not b
    if _same_stem(a[0], b[0]) and _aligned(a[1:], b[1:]):
        return True
    for short, long in ((a, b), (b, a)):
        for k in range(2, min(5, len(long)) + 1):
            if short[0] == "".join(w[0] for w in long[:k]) and _aligned(short[1:], long[k:]):
                return True
    return False


def _same_stem(x: str, y: str) -> bool:
    """ "adaptation" / "adapters", "maps" / "mapping"; not "connected" / "convolutional"."""
    common = len(commonprefix([x, y]))
    return common >= min(4, len(x), len(y)) or common >= max(3, 0.6 * min(len(x), len(y)))


TYPO_MIN_LENGTH = 6  # shorter names one edit apart are as often two names ("GAN" / "GIN")


def one_edit_apart(a: str, b: str) -> bool:
    """One substitution, insertion or deletion turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller key is the root: independent of input order
            self.parent[max(ra, rb)] = min(ra, rb)


class EntityIndex:
    """The resolution index: every surface form seen per label, grouped into entities.

    Forms that one paper gives for one entity (a name and its aliases) are
    united. An acronym and the long form a paper defines for it are united only
    when every paper that defines the acronym agrees on the long form; when the
    long forms disagree (two papers coin "SGM" for different things) each long
    form stays its own node, named by the acronym, and a bare use of the acronym
    stays apart. An entity's ``name`` is its most frequent surface form (ties
    broken alphabetically), so the result does not depend on input order.
    """

    def __init__(self) -> None:
        self._groups: dict[str, _UnionFind] = defaultdict(_UnionFind)
        self._surface: dict[str, dict[str, Counter[str]]] = defaultdict(
            lambda: defaultdict(Counter)
        )
        self._papers: dict[str, Counter[str]] = defaultdict(Counter)
        # label -> acronym key -> long-form keys papers defined for it
        self._definitions: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._ambiguous: dict[str, set[str]] = defaultdict(set)
        self._resolved: dict[str, dict[str, str]] | None = None

    def add_record(self, record: dict[str, Any]) -> None:
        for key, label in ENTITY_KINDS.items():
            for entity in record.get(key) or []:
                keys = [group_key(form) for form in _forms(entity) if form.strip()]
                if not keys:
                    continue
                for form in _forms(entity):
                    if form.strip():
                        self._surface[label][group_key(form)][form] += 1
                forms = [form for form in _forms(entity) if form.strip()]
                expansions = []
                for form, other in zip(forms[1:], keys[1:], strict=True):
                    if is_acronym_of(forms[0], form):
                        self._definitions[label][keys[0]].add(form)  # decided in _resolve
                        expansions.append(other)
                    else:
                        self._groups[label].union(keys[0], other)
                for other in expansions[1:]:  # one paper's long forms of one acronym are one thing
                    self._groups[label].union(expansions[0], other)
            if label in ("Method", "Dataset"):
                self._unite_typos(label, record.get(key) or [])
        for result in record.get("results") or []:  # a result may name what no list holds
            for attr, label in (("method", "Method"), ("dataset", "Dataset"), ("metric", "Metric")):
                name = result.get(attr)
                if name and name.strip() and group_key(name) not in self._surface[label]:
                    self._surface[label][group_key(name)][name] += 1
        self._resolved = None

    def _unite_typos(self, label: str, entities: list[Any]) -> None:
        """Two names one paper proposes that are one edit apart are one name mistyped
        ("PatternNet" / "PatterNet"); a proposed name next to an existing one ("ControlNeXt"
        after "ControlNet") is not."""
        coined = sorted({group_key(e["name"]) for e in entities
                         if isinstance(e, dict) and e.get("proposed") and e.get("name")})
        for a, b in combinations(coined, 2):
            if min(len(a), len(b)) >= TYPO_MIN_LENGTH and one_edit_apart(a, b) and (
                    re.sub(r"\d", "", a) != re.sub(r"\d", "", b)):
                self._groups[label].union(a, b)

    def _resolve(self) -> dict[str, dict[str, str]]:
        """Map (label, form key) -> node id, choosing each group's canonical name."""
        resolved: dict[str, dict[str, str]] = {}
        self._names: dict[str, tuple[str, list[str]]] = {}
        for label, surface in self._surface.items():
            conflicts = self._unite_definitions(label)
            groups: dict[str, list[str]] = defaultdict(list)
            for form_key in surface:
                groups[self._groups[label].find(form_key)].append(form_key)
            table = resolved.setdefault(label, {})
            for members in groups.values():
                counts: Counter[str] = Counter()
                for form_key in members:
                    counts.update(surface[form_key])
                name = min(counts, key=lambda form: (-counts[form], form))
                node_id = f"{label.lower()}:{entity_key(name)}"
                aliases = sorted(set(counts) - {name})
                self._names[node_id] = (name, aliases)
                for form_key in members:
                    table[form_key] = node_id
            self._name_split_nodes(label, conflicts, table)
        return resolved

    def _unite_definitions(self, label: str) -> dict[str, set[str]]:
        """Unite each acronym with its long form when all definitions agree; return the rest."""
        groups = self._groups[label]
        conflicts = {}
        for acronym, long_forms in sorted(self._definitions[label].items()):
            keys = sorted({group_key(form) for form in long_forms})
            if all(same_expansion(a, b, acronym)
                   for a, b in combinations(sorted(long_forms), 2)):
                for key in keys:
                    groups.union(acronym, key)
                continue
            roots = {groups.find(key) for key in keys}
            if len(roots) == 1:
                groups.union(acronym, keys[0])
            else:
                conflicts[acronym] = roots
        self._ambiguous[label] = set(conflicts)
        return conflicts

    def _name_split_nodes(self, label: str, conflicts: dict[str, set[str]],
                          table: dict[str, str]) -> None:
        """A long form of a disputed acronym is named by the acronym, the long form an alias."""
        for acronym, roots in conflicts.items():
            short = min(self._surface[label][acronym], key=lambda f: (
                -self._surface[label][acronym][f], f))
            for root in roots:
                node_id = table[root]
                name, aliases = self._names[node_id]
                self._names[node_id] = (short, sorted({*aliases, name} - {short}))

    def node_id(self, label: str, *forms: str) -> str:
        """The id of the entity that a paper's surface forms (name first) belong to.

        A disputed acronym resolves through the paper's own long form when it gives one.
        """
        if self._resolved is None:
            self._resolved = self._resolve()
        table, ambiguous = self._resolved[label], self._ambiguous[label]
        keys = [group_key(form) for form in forms]
        for key in keys:
            if key not in ambiguous:
                return table[key]
        return table[keys[0]]

    def find(self, label: str, form: str) -> str | None:
        """The node id a surface form resolves to, or None when no paper used the form."""
        if self._resolved is None:
            self._resolved = self._resolve()
        return self._resolved.get(label, {}).get(group_key(form))

    def name_of(self, node_id: str) -> str:
        if self._resolved is None:
            self._resolved = self._resolve()
        return self._names[node_id][0]

    def count_paper(self, node_id: str) -> None:
        self._papers[node_id.split(":", 1)[0]][node_id] += 1

    def nodes(self) -> Iterator[Node]:
        if self._resolved is None:
            self._resolved = self._resolve()
        for node_id in sorted(self._names):
            name, aliases = self._names[node_id]
            label = node_id.split(":", 1)[0].capitalize()
            papers = self._papers[label.lower()][node_id]
            yield Node(label, node_id, {"name": name, "aliases": aliases, "papers": papers})
