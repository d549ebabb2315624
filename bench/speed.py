"""Extraction speed on one core: abstracts per second of ``Pipeline.extract_many``.

The pipeline is built once and not timed. The first pass over the corpus is "cold" (every word
is new to the vocabulary, as in a real run); later passes are "warm". With ``--extractors`` the
time of each extractor (warm, best pass) is printed too.

    python bench/speed.py                      # the 463 seed papers
    python bench/speed.py --corpus arxiv --passes 2 --extractors

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
    for i in range(max(1, args.passes)):
        start = time.perf_counter()
        pipeline.extract_many(papers)
        seconds = time.perf_counter() - start
        label = "cold" if i == 0 else "warm"
        print(
            f"pass {i + 1} ({label}): {len(papers)} abstracts in {seconds:.3f}s "
            f"= {len(papers) / seconds:,.0f} abstracts/s"
        )
    if args.extractors:
        for name, seconds in per_extractor(pipeline, papers).items():
            print(f"  {name:14s} {seconds * 1000:7.1f} ms  ({len(papers) / seconds:,.0f}/s alone)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
