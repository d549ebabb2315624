"""Instructions of one unseen pass, for comparing two versions on a noisy machine.

Timings on a shared machine vary by ±20% from one second to the next; instruction counts do
not. This script builds the pipeline, warms it on the arXiv sample, then extracts the seed
abstracts once (the unseen pass of ``bench/speed.py --warm-on arxiv``) inside
``functools.reduce``, so that valgrind can count that pass alone::

    PYTHONHASHSEED=0 valgrind --tool=callgrind --toggle-collect=functools_reduce \\
        --callgrind-out-file=/tmp/kg.callgrind python bench/instructions.py

callgrind prints ``Collected : N``, the instructions of the pass, the same on every run of one
version (about 40 times slower than without valgrind: three minutes). Without valgrind the
script only runs the pass.

Needs ../shared/corpus beside the checkout; says so and exits 0 when absent.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
ARXIV = REPO.parent / "shared" / "corpus" / "arxiv-ml-2026-06a.jsonl"


def main() -> int:
    if not (SEEDS.exists() and ARXIV.exists()):
        print(f"no corpus at {SEEDS.parent}; nothing to measure")
        return 0
    sys.path.insert(0, str(REPO))
    from kg.extract import Pipeline, frozen_heap
    from kg.ingest import read_papers
    from kg.records import RunReport

    seeds = list(read_papers([SEEDS], RunReport()))
    arxiv = list(read_papers([ARXIV], RunReport()))
    pipeline = Pipeline()
    with frozen_heap():
        pipeline.extract_many(arxiv)
        # the counted region: everything that runs inside functools.reduce
        functools.reduce(lambda _, papers: pipeline.extract_many(papers), [seeds], None)
    print(f"{len(seeds)} unseen abstracts extracted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
