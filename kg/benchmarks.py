"""Benchmarks: which task a paper evaluates on each dataset it uses.

A benchmark is a (task, dataset) pair, as on Papers with Code's leaderboards.
Abstracts rarely say "image classification on ImageNet" in one phrase, so the
pair is read from where things are mentioned: a dataset is paired with the
task named right next to it ("image classification on ImageNet"), and otherwise with the
paper's main task — the task named in the title, else the only task the paper
names. Where that is unclear (several tasks, none in the title or the
dataset's sentence) the dataset gets no benchmark: a wrong pairing would put
results on the wrong leaderboard. Datasets without a benchmark still carry
their results.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

NEAR = 16  # characters between: " on the ", " for ", not a task named clauses away


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
    """The task named in the title, else the only task the paper names; None when unclear."""
    for task in tasks:
        if any(field == "title" for field, _, _ in _places(task)):
            return task
    return tasks[0] if len(tasks) == 1 else None


def pairings(record: dict[str, Any]) -> Iterator[Pairing]:
    """One pairing per dataset of the record that can be given a task."""
    tasks = [t for t in record.get("tasks") or [] if isinstance(t, dict)]
    if not tasks:
        return
    fallback = main_task(tasks)
    placed = [(place, task) for task in tasks for place in _places(task)]
    for dataset in record.get("datasets") or []:
        if not isinstance(dataset, dict):
            continue
        evidence = dataset.get("evidence") or [None]
        chosen, where = fallback, evidence[0]
        for ev in evidence:
            near = _nearest(placed, ev) if ev else None
            if near is not None:
                chosen, where = near, ev
                break
        if chosen is not None:
            yield Pairing(chosen, dataset, where)


def _nearest(placed: list[tuple[tuple[str, str, int], dict[str, Any]]],
             ev: dict[str, Any]) -> dict[str, Any] | None:
    """The task named right next to a dataset mention: "image classification on ImageNet",
    "COCO for object detection" — at most ``NEAR`` characters between the two names."""
    where = (ev.get("field", ""), ev.get("sentence", ""))
    start, end = ev.get("start", 0), ev.get("end", ev.get("start", 0))
    close = []
    for task in {id(t): t for _, t in placed}.values():
        for tev in task.get("evidence") or []:
            if (tev.get("field", ""), tev.get("sentence", "")) != where:
                continue
            t_start, t_end = tev.get("start", 0), tev.get("end", tev.get("start", 0))
            gap = start - t_end if t_end <= start else t_start - end
            if 0 <= gap <= NEAR:
                close.append((gap, t_start, task))
    return min(close, key=lambda item: item[:2])[2] if close else None
