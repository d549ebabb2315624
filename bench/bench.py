"""Speed of kg extract and kg build on the shared corpora, for 1 and 2 workers.

Each measurement runs in a fresh process so peak memory (max RSS of the process
and its workers) is its own. Prints a Markdown table; ``--json`` prints JSON.

    python bench/bench.py                 # all corpora, 1 and 2 workers
    python bench/bench.py --corpus seeds --workers 1

Needs ../shared/corpus beside the checkout; says so and exits 0 when absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "seeds": REPO.parent / "shared" / "corpus" / "seeds",
    "arxiv": REPO.parent / "shared" / "corpus" / "arxiv-ml-2026-06a.jsonl",
}


def measure_one(job: str, corpus: str, workers: int) -> dict:
    """Run one job in this process; report papers, seconds and peak memory."""
    from kg.build import BuildOptions, build
    from kg.extract import extract_papers
    from kg.ingest import Ingest
    from kg.records import RunReport

    source = CORPORA[corpus]
    papers = list(Ingest([source], RunReport()))
    start = time.perf_counter()
    if job == "extract":
        count = sum(1 for _ in extract_papers(papers, workers=workers))
        seconds = time.perf_counter() - start
    else:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            result = build([source], out, BuildOptions(workers=workers))
            seconds = time.perf_counter() - start
            count = result.summary["report"]["papers_kept"]
    peak_kib = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"job": job, "corpus": corpus, "workers": workers, "papers": count,
            "seconds": round(seconds, 3), "papers_per_s": round(count / seconds, 1),
            "peak_mib": round(peak_kib / 1024, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--workers", type=int, action="append")
    parser.add_argument("--job", choices=["extract", "build"], action="append")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", nargs=3, metavar=("JOB", "CORPUS", "WORKERS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        job, corpus, workers = args.one
        print(json.dumps(measure_one(job, corpus, int(workers))))
        return 0
    missing = [str(p) for p in CORPORA.values() if not p.exists()]
    if missing:
        print(f"skipped: shared corpora absent ({', '.join(missing)})")
        return 0
    rows = []
    for job in args.job or ["extract", "build"]:
        for corpus in args.corpus or ["seeds", "arxiv"]:
            for workers in args.workers or [1, 2]:
                out = subprocess.run([sys.executable, __file__, "--one", job, corpus,
                                      str(workers)], check=True, capture_output=True, text=True)
                rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print("| job | corpus | workers | papers | seconds | papers/s | peak MiB |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['job']} | {r['corpus']} | {r['workers']} | {r['papers']} | {r['seconds']} "
              f"| {r['papers_per_s']} | {r['peak_mib']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
