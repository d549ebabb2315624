"""RDF export speed: triples per second for N-Triples (streamed) and Turtle (one rdflib graph).

Builds the graph of each corpus into a temporary folder (not timed), then times
``kg.rdf.export`` per format, best of ``--passes``.

    python bench/rdf.py                  # seeds and the arXiv file
    python bench/rdf.py --corpus seeds --passes 1

Needs ../shared/corpus beside the checkout; says so and exits 0 when absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "seeds": REPO.parent / "shared" / "corpus" / "seeds",
    "arxiv": REPO.parent / "shared" / "corpus" / "arxiv-ml-2026-06a.jsonl",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from kg.build import BuildOptions, build
    from kg.rdf import export
    from kg.store import Store

    names = list(CORPORA) if args.corpus == "all" else [args.corpus]
    for name in names:
        source = CORPORA[name]
        if not source.exists():
            print(f"no corpus at {source}; skipped")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            build([source], out, BuildOptions(rdf=False))
            with Store(out) as store:
                for fmt in ("nt", "ttl"):
                    best, count = float("inf"), 0
                    for _ in range(max(1, args.passes)):
                        start = time.perf_counter()
                        count = export(store, Path(tmp) / f"graph.{fmt}", fmt)
                        best = min(best, time.perf_counter() - start)
                    print(f"{name:6s} {fmt:4s} {count:>9,} triples in {best:6.2f}s = "
                          f"{count / best:>9,.0f} triples/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
