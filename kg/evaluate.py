"""Score extraction records against gold annotations, by the rules of ``shared/gold/README.md``.

Names are compared after normalisation (NFKC, case-folded, letters and digits only). Per paper,
a predicted item matches a gold item when any of their forms agree, and matching is one-to-one:
a maximum bipartite matching (augmenting paths), so the order of the lists never changes a score.
Counts are micro-averaged over the gold papers; a paper missing from the predictions is empty.

Kinds: methods, proposed (methods with ``proposed: true`` on both sides), datasets, tasks,
metrics, concepts, results (first number of ``value`` equal, metric names equal or one containing
the other, and the dataset one of the gold dataset's forms when gold names one) and code (URLs
compared after :func:`normalise_url`; a url-less entry by its ``name``). The ``kind`` of matched
code links and ``code_available`` are reported as accuracies.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.errors import EvalError

ENTITY_KINDS = ("methods", "proposed", "datasets", "tasks", "metrics", "concepts")
KINDS = (*ENTITY_KINDS, "results", "code")

# The first number of a value: "88.0%" -> 88.0, "−1,024.5" -> -1024.5; not the "1" of "top-1".
FIRST_NUMBER = re.compile(
    r"(?:(?<![\w.])([-\u2212])|(?<![\w.\-\u2212]))(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)"
)
# A URL scheme: "https://" in "https://github.com/a"; not "github.com:443".
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# Trailing punctuation a URL does not end with: "…/b)." -> "…/b"; not the "/" before ".git".
URL_TRAILING = re.compile(r"[.,;:!?'\"\u2019\u201d)\]}>]+$")


@dataclass
class Score:
    """Matched items, predictions and gold items of one kind, summed over papers."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        """Matched predictions / predictions; 1.0 when nothing was predicted nor expected."""
        return self.tp / self.n_pred if self.n_pred else float(self.n_gold == 0)

    @property
    def recall(self) -> float:
        """Matched gold / gold; 1.0 when nothing was expected nor predicted."""
        return self.tp / self.n_gold if self.n_gold else float(self.n_pred == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold


@dataclass(frozen=True)
class Error:
    """One unmatched item: a false positive ("fp", predicted only) or negative ("fn", gold only)."""

    paper_id: str
    kind: str
    error: str
    item: str


@dataclass
class EvalReport:
    """Scores per kind, the two accuracies, and every unmatched item for error analysis."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    code_kind_correct: int = 0
    code_kind_matched: int = 0
    code_available_correct: int = 0
    papers: int = 0
    unknown_predictions: int = 0  # prediction ids absent from gold, not scored
    errors: list[Error] = field(default_factory=list)

    @property
    def code_kind_accuracy(self) -> float:
        """Share of matched code links whose ``kind`` agrees (0.0 when none matched)."""
        return self.code_kind_correct / self.code_kind_matched if self.code_kind_matched else 0.0

    @property
    def code_available_accuracy(self) -> float:
        return self.code_available_correct / self.papers if self.papers else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "papers": self.papers,
            "unknown_predictions": self.unknown_predictions,
            "scores": {
                kind: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "tp": s.tp,
                    "pred": s.n_pred,
                    "gold": s.n_gold,
                }
                for kind, s in self.scores.items()
            },
            "code_kind_accuracy": self.code_kind_accuracy,
            "code_kind_matched": self.code_kind_matched,
            "code_available_accuracy": self.code_available_accuracy,
            "errors": [asdict(e) for e in self.errors],
        }

    def to_table(self) -> str:
        """An aligned plain-text table: kind, P, R, F1, tp, pred, gold; then the accuracies."""
        header = ("kind", "P", "R", "F1", "tp", "pred", "gold")
        rows = [
            (k, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", *map(str, _counts(s)))
            for k, s in self.scores.items()
        ]
        widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
        lines = [
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
            for r in (header, *rows)
        ]
        lines.append(
            f"code kind accuracy: {self.code_kind_accuracy:.3f} "
            f"({self.code_kind_correct}/{self.code_kind_matched} matched links)"
        )
        lines.append(
            f"code_available accuracy: {self.code_available_accuracy:.3f} "
            f"({self.code_available_correct}/{self.papers} papers)"
        )
        return "\n".join(lines)


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file; blank lines are skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise EvalError(f"{path}: cannot be read: {e}") from e
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(f"{path}:{number}: bad JSON: {e.msg} (column {e.colno})") from e
        if not isinstance(record, dict):
            raise EvalError(f"{path}:{number}: expected a JSON object, got {type(record).__name__}")
        records.append(record)
    return records


def score(gold: Iterable[Mapping[str, Any]], pred: Iterable[Mapping[str, Any]]) -> EvalReport:
    """Score predictions against gold, micro-averaged over the gold papers."""
    predictions = _by_id(pred, "prediction")
    report = EvalReport()
    gold_ids = set()
    for gold_record in _by_id(gold, "gold").values():
        paper = str(gold_record["id"])
        gold_ids.add(paper)
        _score_paper(report, paper, gold_record, predictions.get(paper, {}))
    report.unknown_predictions = len(set(predictions) - gold_ids)
    return report


def normalise_name(name: str) -> str:
    """NFKC, case-folded, letters and digits only: "CIFAR-10" -> "cifar10"."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", name).casefold() if ch.isalnum())


def normalise_url(url: str) -> str:
    """The README's URL key: no scheme, leading ``www.``, trailing punctuation, ``/`` or ``.git``;
    the host lower-cased."""
    url = URL_SCHEME.sub("", url.strip())
    url = url[4:] if url[:4].lower() == "www." else url
    while True:
        before = url
        url = URL_TRAILING.sub("", url).rstrip("/")
        url = url[:-4] if url.lower().endswith(".git") else url
        if url == before:
            break
    host, slash, rest = url.partition("/")
    return host.lower() + slash + rest


def first_number(value: Any) -> Decimal | None:
    """The first number written in a result value, or None."""
    match = FIRST_NUMBER.search(unicodedata.normalize("NFKC", str(value or "")))
    if not match:
        return None
    sign, digits = match.groups()
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    return -number if sign else number


def _score_paper(
    report: EvalReport, paper: str, gold: Mapping[str, Any], pred: Mapping[str, Any]
) -> None:
    report.papers += 1
    for kind in ENTITY_KINDS:
        key = "methods" if kind == "proposed" else kind
        golds, preds = _items(gold, key), _items(pred, key)
        if kind == "proposed":
            golds, preds = [g for g in golds if _proposed(g)], [p for p in preds if _proposed(p)]
        pairs = _match_by_forms([_forms(p) for p in preds], [_forms(g) for g in golds])
        _tally(report, paper, kind, pairs, [_label(p) for p in preds], [_label(g) for g in golds])

    gold_results, pred_results = _items(gold, "results"), _items(pred, "results")
    gold_sets, pred_sets = _dataset_forms(gold), _dataset_forms(pred)
    pairs = max_matching(
        len(pred_results),
        len(gold_results),
        lambda i, j: result_matches(pred_results[i], gold_results[j], pred_sets, gold_sets),
    )
    _tally(report, paper, "results", pairs, *map(_result_labels, (pred_results, gold_results)))

    gold_code, pred_code = _items(gold, "code"), _items(pred, "code")
    gold_keys, pred_keys = [_code_key(c) for c in gold_code], [_code_key(c) for c in pred_code]
    pairs = max_matching(
        len(pred_code), len(gold_code), lambda i, j: pred_keys[i] == gold_keys[j] != ""
    )
    _tally(report, paper, "code", pairs, pred_keys, gold_keys)
    for i, j in pairs.items():
        report.code_kind_matched += 1
        report.code_kind_correct += _get(pred_code[i], "kind") == _get(gold_code[j], "kind")
    report.code_available_correct += bool(pred.get("code_available")) == bool(
        gold.get("code_available")
    )


def result_matches(
    pred: Any,
    gold: Any,
    pred_datasets: Sequence[set[str]] = (),
    gold_datasets: Sequence[set[str]] = (),
) -> bool:
    """Whether a predicted result matches a gold one (the README's three conditions).

    ``*_datasets`` are the forms of each dataset listed in that record, so a result naming a
    dataset by an alias still counts.
    """
    number = first_number(_get(gold, "value"))
    if number is None or first_number(_get(pred, "value")) != number:
        return False
    gold_metric, pred_metric = (normalise_name(_get(r, "metric") or "") for r in (gold, pred))
    if not gold_metric or not pred_metric:
        return False
    if not (gold_metric in pred_metric or pred_metric in gold_metric):
        return False
    gold_dataset = normalise_name(_get(gold, "dataset") or "")
    if not gold_dataset:
        return True
    pred_dataset = normalise_name(_get(pred, "dataset") or "")
    return bool(
        pred_dataset and _expand(gold_dataset, gold_datasets) & _expand(pred_dataset, pred_datasets)
    )


def max_matching(n_pred: int, n_gold: int, matches: Callable[[int, int], bool]) -> dict[int, int]:
    """A maximum one-to-one matching ``{pred index: gold index}`` (Kuhn's augmenting paths)."""
    edges = [[j for j in range(n_gold) if matches(i, j)] for i in range(n_pred)]
    gold_to_pred: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in gold_to_pred or augment(gold_to_pred[j], seen):
                gold_to_pred[j] = i
                return True
        return False

    for i in range(n_pred):
        augment(i, set())
    return {i: j for j, i in gold_to_pred.items()}


def _match_by_forms(
    pred_forms: Sequence[set[str]], gold_forms: Sequence[set[str]]
) -> dict[int, int]:
    return max_matching(
        len(pred_forms), len(gold_forms), lambda i, j: bool(pred_forms[i] & gold_forms[j])
    )


def _tally(
    report: EvalReport,
    paper: str,
    kind: str,
    pairs: Mapping[int, int],
    pred_labels: Sequence[str],
    gold_labels: Sequence[str],
) -> None:
    report.scores[kind].add(len(pairs), len(pred_labels), len(gold_labels))
    matched_gold = set(pairs.values())
    for i, label in enumerate(pred_labels):
        if i not in pairs:
            report.errors.append(Error(paper, kind, "fp", label))
    for j, label in enumerate(gold_labels):
        if j not in matched_gold:
            report.errors.append(Error(paper, kind, "fn", label))


def _by_id(records: Iterable[Mapping[str, Any]], what: str) -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for number, record in enumerate(records, start=1):
        if not isinstance(record, Mapping) or record.get("id") in (None, ""):
            raise EvalError(f"{what} record {number} has no id")
        paper = str(record["id"])
        if paper in out:
            raise EvalError(f"{what} record {number}: paper {paper} appears twice")
        out[paper] = record
    return out


def _items(record: Mapping[str, Any], key: str) -> list[Any]:
    value = record.get(key) or []
    if not isinstance(value, list):
        raise EvalError(f"paper {record.get('id')}: {key!r} is not a list")
    return value


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, Mapping) else None


def _forms(item: Any) -> set[str]:
    """The normalised name and aliases of a string or ``{"name", "aliases"}`` item."""
    if isinstance(item, str):
        names: list[Any] = [item]
    elif isinstance(item, Mapping):
        names = [item.get("name"), *(item.get("aliases") or [])]
    else:
        names = []
    return {n for n in (normalise_name(x) for x in names if isinstance(x, str)) if n}


def _label(item: Any) -> str:
    return item if isinstance(item, str) else str(_get(item, "name"))


def _proposed(item: Any) -> bool:
    return _get(item, "proposed") is True


def _dataset_forms(record: Mapping[str, Any]) -> list[set[str]]:
    return [_forms(d) for d in _items(record, "datasets")]


def _expand(name: str, datasets: Sequence[set[str]]) -> set[str]:
    """All forms of the listed dataset that ``name`` is a form of, or just ``name``."""
    for forms in datasets:
        if name in forms:
            return forms
    return {name}


def _result_labels(results: Sequence[Any]) -> list[str]:
    return [
        f"{_get(r, 'method')} | {_get(r, 'dataset')} | {_get(r, 'metric')} = {_get(r, 'value')}"
        for r in results
    ]


def _code_key(item: Any) -> str:
    """The normalised URL of a code link, or ``name:<name>`` for a url-less one ("" if neither)."""
    url = item if isinstance(item, str) else _get(item, "url")
    if isinstance(url, str) and url.strip():
        return normalise_url(url)
    name = normalise_name(str(_get(item, "name") or ""))
    return f"name:{name}" if name else ""


def _counts(s: Score) -> tuple[int, int, int]:
    return s.tp, s.n_pred, s.n_gold
