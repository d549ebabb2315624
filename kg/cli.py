"""The ``kg`` command line: thin click commands over the library.

Exit codes: 0 success (records skipped for bad input are reported, not fatal);
1 a kg error (store, schema, evaluation); 2 unusable input or options, or the
first bad record under ``--strict``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., Any])
FORMAT_CHOICES = ["auto", "listing", "jsonl", "json", "csv", "tsv"]


def handle_errors(func: F) -> F:
    """Turn kg errors into a message on stderr and the error's exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as error:
            click.secho(f"Error: {error}", fg="red", err=True)
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]


def input_options(func: F) -> F:
    """Options shared by the commands that read papers."""
    for decorator in reversed(
        [
            click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path)),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(FORMAT_CHOICES),
                default="auto",
                show_default=True,
                help="Input format; detected from name and content.",
            ),
            click.option(
                "--field",
                "fields",
                multiple=True,
                metavar="OURS=THEIRS",
                help="Map an input field, e.g. --field abstract=paperAbstract.",
            ),
            click.option(
                "--strict",
                is_flag=True,
                help="Stop at the first bad record instead of skipping it.",
            ),
            click.option(
                "--lexicon",
                "lexicons",
                multiple=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path),
                help="Extra lexicon (JSONL name/aliases/type, or a name list TSV).",
            ),
            click.option(
                "--workers",
                type=click.IntRange(1),
                default=1,
                show_default=True,
                help="Extraction processes.",
            ),
        ]
    ):
        func = decorator(func)
    return func


def field_map(fields: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for item in fields:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours or not theirs:
            raise click.BadParameter(f"{item!r} is not OURS=THEIRS", param_hint="--field")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def progress(total: int | None = None, unit: str = "paper") -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, file=sys.stderr, disable=None, dynamic_ncols=True)


def report_problems(report: Any, limit: int = 20) -> None:
    """Print skipped records (file:line: reason) and the reconciliation on stderr."""
    for problem in report.problems[:limit]:
        click.secho(f"skipped {problem}", fg="yellow", err=True)
    if len(report.problems) > limit:
        click.echo(f"... and {len(report.problems) - limit} more (see summary.json)", err=True)
    click.echo(
        f"records read {report.records_read} = papers kept {report.papers_kept}"
        f" + duplicates merged {report.duplicates_merged}"
        f" + records skipped {report.records_skipped}",
        err=True,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """kg: build a knowledge graph of ML papers, methods, datasets, tasks, metrics,
    results and code links from paper abstracts, and query it.

    \b
    Example:
        kg build papers.jsonl --out out
        kg query --db out "MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset) RETURN d.name, count(p)"
    """


@cli.command()
@input_options
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Build folder (created; building again into it adds papers).",
)
@click.option("--no-rdf", is_flag=True, help="Do not write graph.ttl.")
@handle_errors
def build(
    inputs: tuple[Path, ...],
    fmt: str,
    fields: tuple[str, ...],
    strict: bool,
    lexicons: tuple[Path, ...],
    workers: int,
    out: Path,
    no_rdf: bool,
) -> None:
    """Ingest, extract, resolve and load INPUTS into a queryable graph in --out.

    INPUTS are files or folders: listing pages (.txt), JSON Lines, JSON, CSV/TSV.
    The folder gets extractions.jsonl, the embedded graph store, graph.ttl,
    overview.html (open it in a browser) and summary.json.

    \b
    Example:
        kg build ../shared/corpus/seeds --out out
    """
    from kg.build import BuildOptions
    from kg.build import build as run_build

    with progress() as bar:
        options = BuildOptions(
            fmt=fmt,
            field_map=field_map(fields),
            strict=strict,
            lexicons=lexicons,
            workers=workers,
            rdf=not no_rdf,
            on_paper=bar.update,
        )
        result = run_build(inputs, out, options)
    report_problems(result.report)
    summary = result.summary
    click.echo(
        f"Built {out}: {summary['report']['papers_kept']} distinct papers "
        f"({summary['already_in_build']} already in the build)"
    )
    width = max(len(name) for name in summary["counts"])
    for name, count in summary["counts"].items():
        click.echo(f"  {name:<{width}}  {count}")
    for kind in ("datasets", "methods"):
        top = ", ".join(f"{e['name']} ({e['papers']})" for e in summary[f"top_{kind}"])
        click.echo(f"Most-used {kind}: {top or '-'}")


@cli.command()
@input_options
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the extraction records (JSON Lines; '-' for stdout).",
)
@handle_errors
def extract(
    inputs: tuple[Path, ...],
    fmt: str,
    fields: tuple[str, ...],
    strict: bool,
    lexicons: tuple[Path, ...],
    workers: int,
    output: Path,
) -> None:
    """Extract methods, datasets, tasks, metrics, results and code links from INPUTS.

    Writes one record per distinct paper in the gold format plus evidence.

    \b
    Example:
        kg extract ../shared/corpus/arxiv-ml-2026-06a.jsonl -o extractions.jsonl --workers 2
    """
    from kg.build import BuildOptions, extract_stream
    from kg.ingest import Ingest
    from kg.records import RunReport

    report = RunReport()
    papers = Ingest(inputs, report, fmt=fmt, field_map=field_map(fields), strict=strict)
    handle = sys.stdout if str(output) == "-" else output.open("w", encoding="utf-8")
    try:
        with progress() as bar:
            options = BuildOptions(lexicons=lexicons, workers=workers, on_paper=bar.update)
            for record in extract_stream(papers, options):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if handle is not sys.stdout:
            handle.close()
    report_problems(report)


@cli.command(name="eval")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold annotations (JSON Lines, the format of ../shared/gold/dev.jsonl).",
)
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Predictions to score; default: extract from the gold file's own text.",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra lexicon used when extracting.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@handle_errors
def evaluate(gold: Path, pred: Path | None, lexicons: tuple[Path, ...], as_json: bool) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per kind.

    \b
    Example:
        kg eval --gold ../shared/gold/dev.jsonl
        kg eval --gold ../shared/gold/dev.jsonl --lexicon ../shared/lexicons/pwc_datasets.jsonl
    """
    from kg.evaluate import load_jsonl, score

    gold_records = load_jsonl(gold)
    if pred is not None:
        predictions = load_jsonl(pred)
    else:
        from kg.extract import extract_papers
        from kg.records import Paper

        papers = [
            Paper(id=g["id"], title=g.get("title") or "", abstract=g.get("abstract") or "")
            for g in gold_records
        ]
        predictions = list(extract_papers(papers, lexicons=lexicons))
    result = score(gold_records, predictions)
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json else result.to_table())


def parse_params(params: Sequence[str]) -> dict[str, Any]:
    """``k=v`` pairs; a value that parses as JSON (numbers, lists, true) is taken as JSON."""
    out: dict[str, Any] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def render(columns: list[str], rows: list[list[Any]], fmt: str) -> str:
    """Rows as an aligned table, CSV, or a JSON array of objects."""
    if fmt == "json":
        return json.dumps(
            [dict(zip(columns, row, strict=True)) for row in rows],
            indent=2,
            ensure_ascii=False,
            default=str,
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buffer.getvalue().rstrip("\n")
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    lines = [
        " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
        "-+-".join("-" * w for w in widths),
    ]
    for row in cells:
        lines.append(" | ".join(_clip(c, w).ljust(w) for c, w in zip(row, widths, strict=True)))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _clip(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command()
@click.argument("cypher", required=False)
@click.option("--db", type=click.Path(file_okay=False, path_type=Path),
              help="Build folder written by kg build --out.")
@click.option("--name", "query_name", metavar="NAME",
              help="Run a query of the library (see --list) instead of CYPHER.")
@click.option("--list", "list_queries", is_flag=True,
              help="List the library's queries with their parameters.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter, used as $NAME in the query.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@handle_errors
def query(cypher: str | None, db: Path | None, query_name: str | None, list_queries: bool,
          params: tuple[str, ...], fmt: str) -> None:
    """Run a Cypher query, or a named query of the library, on the embedded store.

    No server is needed. Parameters are passed with --param and used as $NAME.

    \b
    Example:
        kg query --db out "MATCH (d:Dataset) RETURN d.name, d.papers ORDER BY d.papers DESC"
        kg query --list
        kg query --db out --name leaderboard --param dataset=ImageNet --param metric=accuracy
    """
    from kg import library

    if list_queries:
        for item in library.library().values():
            click.echo(click.style(item.name, bold=True) + f"  {item.description}")
            for param in item.params:
                default = "" if param.default is None else f" (default {param.default})"
                click.echo(f"    --param {param.name}=…  {param.help}{default}")
        return
    if (cypher is None) == (query_name is None):
        raise click.UsageError("give either CYPHER or --name NAME (or --list)")
    if db is None:
        raise click.UsageError("--db DIR is required: the folder kg build --out wrote")
    given = parse_params(params)
    if query_name:
        item = library.get(query_name)
        cypher, given = item.cypher, item.arguments(given)
    from kg.store import Store

    with Store(db) as store:
        columns, rows = store.query(cypher, given)
    click.echo(render(columns, rows, fmt))


@cli.command()
@click.argument("node")
@click.argument("other", required=False)
@click.option("--db", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Build folder written by kg build --out.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True,
              help="Evidence rows to show per node.")
@click.option("--json", "as_json", is_flag=True, help="Print the evidence as JSON.")
@handle_errors
def explain(node: str, other: str | None, db: Path, limit: int, as_json: bool) -> None:
    """Show the evidence for a node (by id or name), or for the relationships
    between NODE and OTHER: paper, relationship, sentence, offsets, extractor.

    \b
    Example:
        kg explain --db out ImageNet
        kg explain --db out arxiv:2601.00001 ResNet-50
    """
    from kg.explain import explain as run_explain
    from kg.store import Store

    with Store(db) as store:
        explanations = run_explain(store, node, other)
    if as_json:
        click.echo(json.dumps([{"label": e.label, "node": e.node, "evidence": e.evidence[:limit]}
                               for e in explanations], indent=2, ensure_ascii=False))
        return
    for item in explanations:
        aliases = item.node.get("aliases") or []
        click.secho(f"{item.label} {item.node['id']}: {item.node['name']}", bold=True)
        if aliases:
            click.echo(f"  aliases: {', '.join(aliases)}")
        click.echo(f"  {len(item.evidence)} relationship(s) with evidence")
        for ev in item.evidence[:limit]:
            click.echo(f"  - ({ev['source']})-[:{ev['type']}]->({ev['target']})  "
                       f"{ev['field']}[{ev['char_start']}:{ev['char_end']}] by {ev['extractor']}")
            click.echo(f"      \"{_clip(ev['sentence'] or '', 160)}\"")
        if len(item.evidence) > limit:
            click.echo(f"  ... {len(item.evidence) - limit} more (--limit)")


@cli.group()
def check() -> None:
    """Checks on a built graph, for curators."""


@check.command(name="duplicates")
@click.option("--db", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Build folder written by kg build --out.")
@click.option("--label", "labels", multiple=True,
              type=click.Choice(["Method", "Dataset", "Task", "Metric", "Concept"]),
              help="Only these labels (repeatable); default all entity labels.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@handle_errors
def check_duplicates(db: Path, labels: tuple[str, ...], fmt: str) -> None:
    """List nodes of one label that probably denote the same thing.

    Reasons: names equal but for plurals or a leading "the", a form shared by two
    nodes, or long names one edit apart. Review them; kg explain shows the evidence.

    \b
    Example:
        kg check duplicates --db out
        kg check duplicates --db out --label Dataset --format json
    """
    from kg.duplicates import ENTITY_LABELS, candidates
    from kg.store import Store

    with Store(db) as store:
        found = candidates(store, labels or ENTITY_LABELS)
    columns = ["label", "first", "second", "reason", "first_id", "second_id"]
    rows = [[c.label, c.first_name, c.second_name, c.reason, c.first, c.second] for c in found]
    click.echo(render(columns, rows, fmt))


@cli.group()
def export() -> None:
    """Export a built graph to other formats."""


@export.command(name="rdf")
@click.option(
    "--db",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Build folder written by kg build --out.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write ('-' for stdout).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "nq", "jsonld", "xml"]),
    default="ttl",
    show_default=True,
    help="RDF serialisation; nt and nq stream in constant memory.",
)
@click.option(
    "--base-iri",
    default="https://example.org/kg/",
    show_default=True,
    help="Base under which node IRIs are minted.",
)
@handle_errors
def export_rdf(db: Path, output: Path, fmt: str, base_iri: str) -> None:
    """Export the graph as RDF (Turtle, N-Triples, N-Quads, JSON-LD or RDF/XML) with evidence.

    Terms from schema/ontology.ttl (kg:) with the standard vocabularies they
    specialise (Dublin Core, FaBiO, DCAT, schema.org, PROV, Linked Papers With
    Code); each extracted relationship's evidence is a kg:Evidence node.

    \b
    Example:
        kg export rdf --db out -o graph.ttl
        kg export rdf --db out -o graph.nt --format nt --base-iri https://data.example.org/ml/
    """
    from kg.rdf import export as rdf_export
    from kg.store import Store

    with Store(db) as store:
        target = sys.stdout.buffer if str(output) == "-" else output
        count = rdf_export(store, target, fmt, base_iri)
    click.echo(f"Wrote {count} triples to {output}", err=True)


@export.command(name="neo4j-csv")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--db", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Build folder written by kg build --out.")
@click.option("--database", default="neo4j", show_default=True,
              help="Database name written into import.sh.")
@handle_errors
def export_neo4j_csv(outdir: Path, db: Path, database: str) -> None:
    """Write CSV files and import.sh for neo4j-admin database import full.

    One node file per label and one relationship file per type, with
    neo4j-admin headers, plus schema.cypher (constraints) to run afterwards.

    \b
    Example:
        kg export neo4j-csv --db out neo4j-import && neo4j-import/import.sh
    """
    from kg.neo4j_csv import export as csv_export
    from kg.store import Store

    with Store(db) as store:
        counts = csv_export(store, outdir, database)
    total = sum(counts.values())
    click.echo(f"Wrote {total} rows in {len(counts)} files to {outdir}; run {outdir}/import.sh")


@cli.command()
@click.argument("sparql_query", metavar="QUERY")
@click.option("--db", type=click.Path(file_okay=False, path_type=Path),
              help="Build folder written by kg build --out.")
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path),
              help="An RDF file instead (.ttl, .nt, .nq, .jsonld, .rdf).")
@click.option("--store", "store_name", type=click.Choice(["auto", "rdflib", "oxigraph"]),
              default="auto", show_default=True,
              help="SPARQL engine; auto takes Oxigraph for large graphs.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Output format.")
@handle_errors
def sparql(sparql_query: str, db: Path | None, data: Path | None, store_name: str,
           fmt: str) -> None:
    """Run a SPARQL query over a build folder or an RDF export.

    Terms are those of schema/ontology.ttl (prefix kg: <https://w3id.org/kg-ml/vocab#>);
    twins of the Cypher library are in cypher/sparql/.

    \b
    Example:
        kg sparql --db out "PREFIX kg: <https://w3id.org/kg-ml/vocab#>
          SELECT ?d (COUNT(?p) AS ?n) WHERE { ?p kg:evaluatesOn/kg:name ?d }
          GROUP BY ?d ORDER BY DESC(?n) LIMIT 5"
        kg sparql --data graph.nt --store oxigraph "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    """
    from kg import sparql as engine

    backend = engine.open_graph(db=db, data=data, store=store_name)
    answer = engine.query(backend, sparql_query)
    click.echo(render(answer.columns, answer.rows, fmt))


@cli.group()
def load() -> None:
    """Load a built graph into a database server."""


@load.command(name="neo4j")
@click.option("--db", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Build folder written by kg build --out.")
@click.option("--uri", envvar="NEO4J_URI", metavar="URI",
              help="Bolt URI of the server [env NEO4J_URI; default neo4j://localhost:7687].")
@click.option("--database", default="neo4j", show_default=True, help="Neo4j database to load into.")
@click.option("--batch-size", type=click.IntRange(1), default=1000, show_default=True,
              help="Rows per write transaction.")
@click.option("--dry-run", is_flag=True,
              help="Print the statements and row counts; connect to nothing.")
@handle_errors
def load_neo4j(db: Path, uri: str | None, database: str, batch_size: int, dry_run: bool) -> None:
    """Load the graph into a running Neo4j over Bolt (constraints, then MERGE in batches).

    The server and credentials come from NEO4J_URI (default
    neo4j://localhost:7687), NEO4J_USERNAME (default neo4j) and NEO4J_PASSWORD;
    without NEO4J_PASSWORD the password is asked for, never echoed.
    Loading merges on node keys, so running it twice changes nothing and an
    interrupted load is finished by running it again.

    \b
    Example:
        export NEO4J_URI=neo4j://localhost:7687 NEO4J_USERNAME=neo4j
        kg load neo4j --db out          # prompts for the password
        kg load neo4j --db out --dry-run
    """
    from kg import neo4j_load
    from kg.store import Store

    with Store(db) as store:
        if dry_run:
            _print_plan(neo4j_load.dry_run(store, batch_size))
            return
        credentials = _ask_missing(neo4j_load.credentials_from_env(), uri)
        total = sum(store.counts().values())
        with neo4j_load.connect(credentials, database) as session, progress(total, "row") as bar:
            report = neo4j_load.load(
                store, session, batch_size=batch_size,
                progress=lambda batch: bar.update(len(batch.rows) if batch.kind != "schema" else 0),
            )
    rows = sum(report.rows.values())
    click.echo(f"Loaded {rows} rows in {report.transactions} transactions into {session.where}")


def _print_plan(batches: Any) -> None:
    """Each distinct statement once, with its batches and rows."""
    seen: dict[str, list[int]] = {}
    for statement, rows in batches:
        seen.setdefault(statement, []).append(rows)
    for statement, sizes in seen.items():
        if any(sizes):
            click.echo(f"// {len(sizes)} batches, {sum(sizes)} rows")
        click.echo(statement + ";")


def _ask_missing(credentials: Any, uri: str | None) -> Any:
    """Ask for the password when the environment has none; it is never echoed."""
    from kg import neo4j_load

    password = credentials.password or click.prompt("Neo4j password", hide_input=True, err=True)
    return neo4j_load.Credentials(uri or credentials.uri, credentials.user, password)


@cli.command()
@click.option("--db", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Build folder written by kg build --out.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write.")
@click.option("--query", "cypher", metavar="CYPHER",
              help="Show the nodes (or paths) this Cypher query returns.")
@click.option("--paper", "papers", multiple=True, metavar="ID",
              help="Start from this paper (id or arXiv id; repeatable).")
@click.option("--method", "methods", multiple=True, metavar="NAME",
              help="Start from this method (name or alias, any case; repeatable).")
@click.option("--dataset", "datasets", multiple=True, metavar="NAME",
              help="Start from this dataset (name or alias, any case; repeatable).")
@click.option("--depth", type=click.IntRange(0), default=None,
              help="Hops to grow from the start nodes [default: 1 from a paper, "
                   "2 from a method or dataset, 0 for --query].")
@click.option("--max-nodes", type=click.IntRange(1), default=300, show_default=True,
              help="Show at most this many nodes (nearest first); the page says when it cuts.")
@click.option("--title", help="Page title [default: from the selection].")
@handle_errors
def viz(db: Path, output: Path, cypher: str | None, papers: tuple[str, ...],
        methods: tuple[str, ...], datasets: tuple[str, ...], depth: int | None,
        max_nodes: int, title: str | None) -> None:
    """Write an interactive graph page (one HTML file that works offline).

    Nodes take the colours of cypher/style.grass; hover for properties and
    evidence, click to highlight neighbours, search by name. Without a
    selection the page shows the most connected methods and datasets.

    \b
    Example:
        kg viz --db out --dataset ImageNet -o imagenet.html
        kg viz --db out --paper arxiv:2601.00001 --depth 2 -o paper.html
        kg viz --db out --query "MATCH (p:Paper)-[:PROPOSES]->(m:Method) RETURN p, m" -o new.html
    """
    from kg import viz as kg_viz
    from kg.store import Store

    selection = kg_viz.Selection(papers, methods, datasets, cypher, depth, max_nodes)
    named = [*papers, *methods, *datasets] or (["query"] if cypher else ["overview"])
    with Store(db) as store:
        graph = kg_viz.select(store, selection)
    kg_viz.write_page(graph, output, title or f"kg: {', '.join(named)}")
    if graph.message:
        click.secho(graph.message, fg="yellow", err=True)
    click.echo(f"Wrote {len(graph.nodes)} nodes and {len(graph.edges)} relationships to {output}")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
