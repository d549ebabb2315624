"""Benchmarks: which task a paper evaluates on each dataset it uses.

A benchmark is a (task, dataset) pair, as on Papers with Code's leaderboards.
Abstracts rarely say "image classification on ImageNet" in one phrase, so the
pair is read from where things are mentioned: a dataset is paired with the
task named in the same sentence (the first one there), and otherwise with the
paper's main task — the task named in the title, else the one the abstract
names most often (earliest on ties). A paper that names no task has no
benchmark; its datasets still carry its results.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple


class Pairing(NamedTuple):
    task: dict[str, Any]  # the task entity of the extraction record
    dataset: dict[str, Any]  # the dataset entity
    evidence: dict[str, Any] | None  # the dataset mention the pair was read from


def _places(entity: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(field, sentence, start) of every mention of an entity, in text order."""
    places = [
        (ev.get("field", ""), ev.get("sentence", ""), ev.get("start", 0))
        for ev in entity.get("evidence") or []
    ]
    return sorted(places, key=lambda p: (p[0] != "title", p[2]))


def main_task(tasks: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The title's task, else the most often named task (the earliest on ties)."""
    if not tasks:
        return None
    for task in tasks:
        if any(field == "title" for field, _, _ in _places(task)):
            return task

    def weight(task: dict[str, Any]) -> tuple[int, int]:
        places = _places(task)
        return (-len(places), places[0][2] if places else 0)

    return min(tasks, key=weight)


def pairings(record: dict[str, Any]) -> Iterator[Pairing]:
    """One pairing per dataset of the record that can be given a task."""
    tasks = [t for t in record.get("tasks") or [] if isinstance(t, dict)]
    fallback = main_task(tasks)
    if fallback is None:
        return
    by_sentence: dict[tuple[str, str], dict[str, Any]] = {}
    placed = sorted(((place, i) for i, task in enumerate(tasks) for place in _places(task)),
                    key=lambda item: (item[0][2], item[1]))
    for (field, sentence, _), i in placed:  # the first task named in a sentence speaks for it
        by_sentence.setdefault((field, sentence), tasks[i])
    for dataset in record.get("datasets") or []:
        if not isinstance(dataset, dict):
            continue
        evidence = dataset.get("evidence") or [None]
        chosen, where = fallback, evidence[0]
        for ev in evidence:
            if ev and (ev.get("field", ""), ev.get("sentence", "")) in by_sentence:
                chosen, where = by_sentence[(ev.get("field", ""), ev.get("sentence", ""))], ev
                break
        yield Pairing(chosen, dataset, where)
