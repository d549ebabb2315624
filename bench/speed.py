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

Needs ../shared/corpus beside the checkout; says so and exits 0 when absent.
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()
    source = CORPORA[args.corpus]
    if not source.exists():
        print(f"no corpus at {source}; nothing to measure")
        return 0
    sys.path.insert(0, str(REPO))
    from kg.extract import Pipeline
    from kg.ingest import read_papers
    from kg.records import RunReport

    papers = list(read_papers([source], RunReport()))
    pipeline = Pipeline()
    if args.warm_on and args.warm_on != args.corpus:
        if not CORPORA[args.warm_on].exists():
            print(f"no corpus at {CORPORA[args.warm_on]}; nothing to measure")
            return 0
        pipeline.extract_many(list(read_papers([CORPORA[args.warm_on]], RunReport())))
        print(f"vocabulary warmed on {args.warm_on}")
    warm: list[tuple[float, float]] = []
    for i in range(max(1, args.passes)):
        wall, cpu = time.perf_counter(), time.process_time()
        pipeline.extract_many(papers)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        label = "warm" if i else "unseen abstracts" if args.warm_on else "cold"
        print(
            f"pass {i + 1} ({label}): {len(papers)} abstracts in {wall:.3f}s wall, {cpu:.3f}s CPU "
            f"= {len(papers) / wall:,.0f} abstracts/s wall, {len(papers) / cpu:,.0f}/s CPU"
        )
        if i:
            warm.append((wall, cpu))
    if warm:
        wall, cpu = min(w for w, _ in warm), min(c for _, c in warm)
        print(f"best warm pass: {len(papers) / wall:,.0f} abstracts/s wall, "
              f"{len(papers) / cpu:,.0f} abstracts/s CPU (one core)")
    if args.extractors:
        for name, seconds in per_extractor(pipeline, papers).items():
            print(f"  {name:14s} {seconds * 1000:7.1f} ms  ({len(papers) / seconds:,.0f}/s alone)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
