"""Extraction speed on one core: abstracts per second of ``Pipeline.extract_many``.

The pipeline is built once and not timed. The first pass over the corpus is "cold" (every word
is new to the vocabulary, as in a real run); later passes are "warm". Each pass is timed by the
wall clock and by the process's CPU time: the pipeline runs in one thread, so CPU time is the
time of one core, and it does not count the time other programs on a shared machine take from
it. The last line gives the best warm pass. With ``--extractors`` the time of each extractor
(warm) is printed too.

A long run sits between the two: after some thousands of abstracts the vocabulary holds the
field's words, but each new abstract still brings a few the tokenizer has not seen.
``--warm-on arxiv`` measures that: one untimed pass over the other corpus first, so the first
timed pass reads unseen abstracts with a vocabulary warmed on other papers of the field.

    python bench/speed.py                      # the 463 seed papers, 3 passes
    python bench/speed.py --passes 6           # more warm passes: a steadier best figure
    python bench/speed.py --corpus arxiv --passes 2 --extractors
    python bench/speed.py --warm-on arxiv      # unseen seed abstracts, vocabulary warmed on arXiv
    python bench/speed.py --warm-on arxiv --repeat 5   # that first pass on 5 fresh pipelines

The first pass can be seen only once per pipeline, so ``--repeat N`` builds N fresh pipelines
(each warmed again when ``--warm-on`` is given) and reports the best and the median first pass:
on a shared machine the noise only ever adds time, so the best is the figure to compare.

The passes run inside :func:`kg.extract.frozen_heap`, as ``extract_papers`` runs the pipeline:
spaCy's and the pipeline's objects out of the garbage collector's full collections.

Needs ../shared/corpus beside the checkout; says so and exits 0 when absent.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "seeds": REPO.parent / "shared" / "corpus" / "seeds",
    "arxiv": REPO.parent / "shared" / "corpus" / "arxiv-ml-2026-06a.jsonl",
}


def per_extractor(pipeline: object, papers: list) -> dict[str, float]:
    """Seconds each extractor takes over ``papers`` (documents parsed beforehand)."""
    documents = [pipeline.document(paper) for paper in papers]  # type: ignore[attr-defined]
    seconds: dict[str, float] = {}
    for document in documents:
        found: list = []
        for extractor in pipeline.extractors:  # type: ignore[attr-defined]
            start = time.perf_counter()
            found.extend(extractor(document, found))
            seconds[extractor.name] = seconds.get(extractor.name, 0.0) + time.perf_counter() - start
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="seeds")
    parser.add_argument("--passes", type=int, default=3, help="passes over the corpus (>= 1)")
    parser.add_argument("--extractors", action="store_true", help="also time each extractor")
    parser.add_argument("--warm-on", choices=sorted(CORPORA),
                        help="first run one untimed pass over this other corpus")
    parser.add_argument("--repeat", type=int, default=1,
                        help="fresh pipelines to time the first (cold or unseen) pass on")
    args = parser.parse_args()
    needed = [CORPORA[args.corpus]] + ([CORPORA[args.warm_on]] if args.warm_on else [])
    for path in needed:
        if not path.exists():
            print(f"no corpus at {path}; nothing to measure")
            return 0
    sys.path.insert(0, str(REPO))
    from kg.extract import Pipeline, frozen_heap
    from kg.ingest import read_papers
    from kg.records import RunReport

    papers = list(read_papers([CORPORA[args.corpus]], RunReport()))
    warm_on = args.warm_on if args.warm_on != args.corpus else None
    others = list(read_papers([CORPORA[warm_on]], RunReport())) if warm_on else []
    first = "unseen abstracts" if warm_on else "cold"
    firsts: list[float] = []
    warm: list[tuple[float, float]] = []
    for run in range(max(1, args.repeat)):
        pipeline = Pipeline()
        with frozen_heap():  # as extract_papers runs the pipeline
            if others:
                pipeline.extract_many(others)
                if not run:
                    print(f"vocabulary warmed on {warm_on}")
            passes = max(1, args.passes) if run == 0 else 1  # warm passes on the first one
            timings = [_timed(pipeline, papers) for _ in range(passes)]
        for i, (wall, cpu) in enumerate(timings):
            label = "warm" if i else first
            print(
                f"pass {i + 1} ({label}): {len(papers)} abstracts in {wall:.3f}s wall, "
                f"{cpu:.3f}s CPU = {len(papers) / wall:,.0f} abstracts/s wall, "
                f"{len(papers) / cpu:,.0f}/s CPU"
            )
            if i:
                warm.append((wall, cpu))
            else:
                firsts.append(cpu)
    if len(firsts) > 1:
        print(f"{first} pass over {len(firsts)} fresh pipelines: best "
              f"{len(papers) / min(firsts):,.0f} abstracts/s CPU, median "
              f"{len(papers) / statistics.median(firsts):,.0f}")
    if warm:
        wall, cpu = min(w for w, _ in warm), min(c for _, c in warm)
        print(f"best warm pass: {len(papers) / wall:,.0f} abstracts/s wall, "
              f"{len(papers) / cpu:,.0f} abstracts/s CPU (one core)")
    if args.extractors:
        for name, seconds in per_extractor(pipeline, papers).items():
            print(f"  {name:14s} {seconds * 1000:7.1f} ms  ({len(papers) / seconds:,.0f}/s alone)")
    return 0


def _timed(pipeline: object, papers: list) -> tuple[float, float]:
    """Wall and CPU seconds of one ``extract_many`` pass."""
    wall, cpu = time.perf_counter(), time.process_time()
    pipeline.extract_many(papers)  # type: ignore[attr-defined]
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    raise SystemExit(main())
