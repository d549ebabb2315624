"""The main job: ingest -> extract -> graph -> embedded store (+ RDF and a summary).

A build folder holds ``extractions.jsonl`` (the source of truth: one extraction
record per distinct paper), the LadybugDB file, ``graph.ttl``,
``overview.html`` (an offline page of the most connected methods and datasets
with their papers, see :mod:`kg.viz`) and ``summary.json``. Building again
into the same folder adds the new papers to the records already there and
regenerates the graph from all of them, so "A then B" gives the same graph as
"A + B".
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.graph import GraphBuilder
from kg.ingest import Ingest
from kg.records import Paper, RunReport
from kg.store import Store

EXTRACTIONS = "extractions.jsonl"
SUMMARY = "summary.json"
RDF_FILE = "graph.ttl"
OVERVIEW_FILE = "overview.html"
TOP_N = 10


@dataclass
class BuildOptions:
    fmt: str = "auto"
    field_map: Mapping[str, str] | None = None
    strict: bool = False
    lexicons: Sequence[Path] = ()
    workers: int = 1
    rdf: bool = True
    on_paper: Callable[[], None] | None = None  # progress callback, one call per paper


@dataclass
class BuildResult:
    out: Path
    report: RunReport
    summary: dict[str, Any] = field(default_factory=dict)


def read_extractions(path: Path) -> Iterator[dict[str, Any]]:
    """Stream the extraction records of a build folder or a ``kg extract`` file."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def extract_stream(papers: Iterable[Paper], options: BuildOptions) -> Iterator[dict[str, Any]]:
    """Extraction records for ``papers``, with the progress callback called per paper."""
    from kg.extract import extract_papers  # spaCy loads only when extraction runs

    for record in extract_papers(papers, lexicons=options.lexicons, workers=options.workers):
        if options.on_paper:
            options.on_paper()
        yield record


def pipeline_fingerprint(lexicons: Sequence[Path] = ()) -> str:
    """A digest of everything extraction depends on: extractor code, shipped and user lexicons.

    Records stamped with another fingerprint were made by another version of the
    extractors (or other lexicons) and are extracted again, so upgrading kg and
    rebuilding a folder never mixes old and new extractions.
    """
    import extractors
    import kg.extract

    package = Path(extractors.__file__).parent
    files = sorted(p for p in package.rglob("*") if p.suffix in {".py", ".jsonl", ".tsv", ".json"})
    digest = hashlib.sha1()
    for path in [Path(kg.extract.__file__), *files, *map(Path, lexicons)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _paper_of(record: dict[str, Any]) -> Paper:
    """The paper an extraction record was made from (to extract it again)."""
    fields = ("id", "title", "abstract", "arxiv_id", "authors", "categories", "date", "url")
    return Paper(**{name: record.get(name) for name in fields if record.get(name) is not None})


def _with_sources(record: dict[str, Any], extra: Mapping[str, list[Any]]) -> dict[str, Any]:
    more = [str(source) for source in extra.get(record["id"], [])]
    if more:
        record["sources"] = list(dict.fromkeys([*record.get("sources", []), *more]))
    return record


def update_extractions(
    inputs: Sequence[str | Path], out: Path, options: BuildOptions, report: RunReport
) -> int:
    """Extract the papers of ``inputs`` not yet in ``out`` and merge them into its records.

    Returns how many papers were already in the build folder.
    """
    target = out / EXTRACTIONS
    stamp = pipeline_fingerprint(options.lexicons)
    known, stale = set(), set()
    for record in read_extractions(target):
        (known if record.get("pipeline") == stamp else stale).add(record["id"])
    ingest = Ingest(
        inputs, report, fmt=options.fmt, field_map=options.field_map, strict=options.strict
    )
    seen_again: dict[str, list[Any]] = {}

    def papers() -> Iterator[Paper]:
        for paper in ingest:
            if paper.id in known or paper.id in stale:
                seen_again[paper.id] = list(paper.sources)
            if paper.id not in known:
                yield paper
        for record in read_extractions(target):  # older extractions of papers not read now
            if record["id"] in stale and record["id"] not in seen_again:
                yield _paper_of(record)

    staged = out / (EXTRACTIONS + ".new")
    with staged.open("w", encoding="utf-8") as handle:
        for record in extract_stream(papers(), options):
            record["pipeline"] = stamp
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    extra = {**seen_again}
    for paper_id, sources in ingest.extra_sources.items():
        extra.setdefault(paper_id, []).extend(sources)
    merged = out / (EXTRACTIONS + ".tmp")
    with merged.open("w", encoding="utf-8") as handle:
        for path in (target, staged):
            for record in read_extractions(path):
                if path == target and record["id"] in stale:
                    extra.setdefault(record["id"], []).extend(record.get("sources") or [])
                    continue  # replaced by its new extraction in the staged file
                handle.write(json.dumps(_with_sources(record, extra), ensure_ascii=False) + "\n")
    os.replace(merged, target)
    staged.unlink()
    return len(seen_again)


def build_graph(out: Path, report: RunReport) -> dict[str, int]:
    """(Re)generate the embedded store of ``out`` from its extraction records."""
    records = out / EXTRACTIONS
    builder = GraphBuilder(report)
    builder.index_records(read_extractions(records))
    with Store.create(out) as store:
        store.load(builder.items(read_extractions(records)))
        return store.counts()


def top_entities(store: Store, label: str, n: int = TOP_N) -> list[dict[str, Any]]:
    """The entities of ``label`` used by the most papers."""
    _, rows = store.query(
        f"MATCH (e:{store.schema.node(label).label}) WHERE e.papers > 0 "
        "RETURN e.name, e.papers ORDER BY e.papers DESC, e.name LIMIT $n",
        {"n": n},
    )
    return [{"name": name, "papers": papers} for name, papers in rows]


def build(
    inputs: Sequence[str | Path], out: str | Path, options: BuildOptions | None = None
) -> BuildResult:
    """Run the whole pipeline into the folder ``out``."""
    options = options or BuildOptions()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = RunReport()
    already = update_extractions(inputs, out, options, report)
    counts = build_graph(out, report)
    with Store(out) as store:
        summary = {
            "inputs": [str(path) for path in inputs],
            "report": report.to_dict(),
            "already_in_build": already,
            "counts": counts,
            "top_datasets": top_entities(store, "Dataset"),
            "top_methods": top_entities(store, "Method"),
        }
        if options.rdf:
            from kg.rdf import export

            summary["rdf_triples"] = export(store, out / RDF_FILE, "ttl")
        from kg.viz import write_overview

        write_overview(store, out / OVERVIEW_FILE)  # capped: a few queries, one page
    (out / SUMMARY).write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    return BuildResult(out, report, summary)
