"""Load a built graph into a running Neo4j over Bolt: constraints, then MERGE in batches.

Every statement comes from the schema (labels and types never come from data)
and carries its rows as the ``$rows`` parameter; each batch is one managed
write transaction, so the driver retries transient failures. MERGE on the node
key makes a load idempotent: loading twice leaves the same counts, loading a
bigger graph adds to it, and a load interrupted half-way is completed by
running it again.

The loader talks to a :class:`Session` (``execute_write(work)``, where ``work``
calls ``tx.run(statement, parameters)``): :class:`BoltSession` over the
official driver, or :class:`RecordingSession`, a public test double that
records statements and batch boundaries, keeps an in-memory graph of what was
merged, and can be told to fail at transaction N.

Errors::

    KgError
    └── Neo4jError                  the server failed or refused the load
        ├── Neo4jUnavailableError   no server answers at the URI, or it went away
        ├── Neo4jAuthError          the server refused the user name or password
        └── Neo4jDatabaseError      the database does not exist on the server

No message ever contains the password: credentials come from the environment
(``credentials_from_env``) or a prompt, never from argv, and are never logged.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit, urlunsplit

from neo4j import GraphDatabase
from neo4j import exceptions as bolt

from kg.errors import InputError, KgError, SchemaError
from kg.schema import IDENTIFIER, Schema, neo4j_constraints, neo4j_indexes
from kg.store import Store

ENV_URI, ENV_USER, ENV_PASSWORD = "NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD"
DEFAULT_URI, DEFAULT_USER, DEFAULT_DATABASE = "neo4j://localhost:7687", "neo4j", "neo4j"
DEFAULT_BATCH_SIZE = 1000
DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
DRIVER_ERRORS = (bolt.Neo4jError, bolt.DriverError)

T = TypeVar("T")

# The driver logs connection failures as warnings; the CLI reports them itself,
# so keep the logging module's last-resort handler from printing them twice.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


class Neo4jError(KgError):
    """Loading into Neo4j failed; the message says where and what to do."""


class Neo4jUnavailableError(Neo4jError):
    """No Neo4j server answers at the URI, or the connection was lost."""


class Neo4jAuthError(Neo4jError):
    """The server refused the credentials (or none were given)."""

    exit_code = 2


class Neo4jDatabaseError(Neo4jError):
    """The database named for the load does not exist on the server."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Credentials:
    """Where and as whom to connect; ``None`` marks what the environment did not give."""

    uri: str | None
    user: str | None
    password: str | None = field(default=None, repr=False)

    def missing(self) -> list[str]:
        """The environment variables still to be asked for, in prompt order."""
        values = {ENV_URI: self.uri, ENV_USER: self.user, ENV_PASSWORD: self.password}
        return [name for name, value in values.items() if not value]


def credentials_from_env(environ: Mapping[str, str] | None = None) -> Credentials:
    """``NEO4J_URI``, ``NEO4J_USERNAME`` and ``NEO4J_PASSWORD``; the CLI prompts for the rest."""
    env = os.environ if environ is None else environ
    return Credentials(env.get(ENV_URI), env.get(ENV_USER), env.get(ENV_PASSWORD))


# ---------------------------------------------------------------- statements


def _identifier(name: str) -> str:
    if not IDENTIFIER.match(name):
        raise SchemaError(f"{name!r} is not a plain identifier and cannot reach a statement")
    return name


def schema_statements(schema: Schema) -> list[str]:
    """Uniqueness constraints on every key, then the name indexes (``cypher/schema.cypher``)."""
    return [s.rstrip(";") for s in [*neo4j_constraints(schema), *neo4j_indexes(schema)]]


def node_statement(schema: Schema, label: str) -> str:
    """MERGE one label's rows ``{id, props}`` on its key."""
    node = schema.node(label)
    return (
        f"UNWIND $rows AS row MERGE (n:{_identifier(node.label)} "
        f"{{{_identifier(node.key)}: row.id}}) SET n += row.props"
    )


def rel_statement(schema: Schema, rel_type: str) -> str:
    """MERGE one type's rows ``{source, target, props}`` between nodes found by key."""
    rel = schema.rel(rel_type)
    src, dst = schema.node(rel.source), schema.node(rel.target)
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{_identifier(src.label)} {{{_identifier(src.key)}: row.source}}) "
        f"MATCH (b:{_identifier(dst.label)} {{{_identifier(dst.key)}: row.target}}) "
        f"MERGE (a)-[r:{_identifier(rel.type)}]->(b) SET r += row.props"
    )


@dataclass(frozen=True, slots=True)
class Batch:
    """One transaction's worth: a statement and the rows it carries (none for schema)."""

    kind: str  # "schema", "nodes" or "relationships"
    target: str  # the label or relationship type; "schema" for constraints and indexes
    number: int  # 1-based within the target
    cypher: str
    rows: list[dict[str, Any]]

    @property
    def parameters(self) -> dict[str, Any]:
        return {} if self.kind == "schema" else {"rows": self.rows}


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def plan(store: Store, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Batch]:
    """Every batch a load sends, in order: schema, nodes per label, relationships per type."""
    if batch_size < 1:
        raise InputError(f"batch size must be at least 1, not {batch_size}")
    schema = store.schema
    for number, statement in enumerate(schema_statements(schema), 1):
        yield Batch("schema", "schema", number, statement, [])
    for label, node in schema.nodes.items():
        cypher = node_statement(schema, label)
        rows = (
            {"id": row[node.key], "props": {k: v for k, v in row.items() if k != node.key}}
            for row in store.nodes(label)
        )
        for number, chunk in enumerate(_chunks(rows, batch_size), 1):
            yield Batch("nodes", label, number, cypher, chunk)
    for rel_type in schema.relationships:
        cypher = rel_statement(schema, rel_type)
        edges = (
            {"source": row.pop("source"), "target": row.pop("target"), "props": row}
            for row in store.edges(rel_type)
        )
        for number, chunk in enumerate(_chunks(edges, batch_size), 1):
            yield Batch("relationships", rel_type, number, cypher, chunk)


def dry_run(store: Store, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple[str, int]]:
    """Each statement a load would send with its row count; nothing is sent."""
    for batch in plan(store, batch_size):
        yield batch.cypher, len(batch.rows)


# ---------------------------------------------------------------- the seam


class Runner(Protocol):
    """What a transaction function sees: the driver's ManagedTransaction fits."""

    def run(self, statement: str, parameters: dict[str, Any]) -> Any: ...


class Session(Protocol):
    """A place to send write transactions; ``where`` names it in error messages."""

    where: str

    def execute_write(self, work: Callable[[Runner], T]) -> T: ...


@dataclass(slots=True)
class LoadReport:
    rows: dict[str, int] = field(default_factory=dict)  # rows sent per label and type
    transactions: int = 0


def _write(batch: Batch) -> Callable[[Runner], None]:
    def work(tx: Runner) -> None:
        tx.run(batch.cypher, batch.parameters)

    return work


def load(
    store: Store,
    session: Session,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[Batch], None] | None = None,
) -> LoadReport:
    """Send the graph in ``store`` through ``session``; ``progress`` hears each committed batch."""
    report = LoadReport()
    for batch in plan(store, batch_size):
        try:
            session.execute_write(_write(batch))
        except (Neo4jError, *DRIVER_ERRORS) as error:
            raise _stopped(error, session.where, batch, report) from error
        report.transactions += 1
        if batch.kind != "schema":
            report.rows[batch.target] = report.rows.get(batch.target, 0) + len(batch.rows)
        if progress is not None:
            progress(batch)
    return report


def _stopped(error: Exception, where: str, batch: Batch, report: LoadReport) -> Neo4jError:
    known = error if isinstance(error, Neo4jError) else translate_error(error, where)
    if isinstance(known, (Neo4jAuthError, Neo4jDatabaseError)):
        return known  # fixed by the user's options, not by rerunning
    done = sum(report.rows.values())
    return type(known)(
        f"{known} (stopped at {batch.target} batch {batch.number} after {report.transactions} "
        f"transactions, {done} rows; run the load again to finish: it merges, never duplicates)"
    )


def translate_error(error: Exception, where: str, *, secrets: Iterable[str] = ()) -> Neo4jError:
    """A driver error as a kg error that says what to check; ``secrets`` are blanked out."""
    reason = _reason(error)
    if isinstance(error, bolt.AuthError):
        out: Neo4jError = Neo4jAuthError(
            f"{where} refused the credentials: check {ENV_USER} and {ENV_PASSWORD}"
        )
    elif isinstance(error, bolt.ClientError) and error.code == DATABASE_NOT_FOUND:
        out = Neo4jDatabaseError(
            f"{where}: no such database; create it (CREATE DATABASE name) or choose another "
            f"with --database"
        )
    elif isinstance(error, (bolt.ServiceUnavailable, bolt.SessionExpired)):
        out = Neo4jUnavailableError(
            f"cannot reach {where}: {reason}. Is the server running, and is the URI right "
            f"(--uri or {ENV_URI})?"
        )
    else:
        out = Neo4jError(f"{where} failed: {reason}")
    return type(out)(redact(str(out), secrets))


def _reason(error: Exception) -> str:
    """The driver's own text, or for a server error its message and code."""
    text = Exception.__str__(error)
    if not text and isinstance(error, bolt.Neo4jError):
        text = f"{error.message} [{error.code}]"
    return text or type(error).__name__


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


# ---------------------------------------------------------------- over Bolt


def describe(uri: str, database: str, user: str | None) -> str:
    """``Neo4j at neo4j://host:7687 (database 'neo4j', user 'neo4j')``, userinfo dropped."""
    parts = urlsplit(uri)
    shown = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return f"Neo4j at {shown} (database {database!r}, user {user!r})"


class BoltSession:
    """A :class:`Session` over one driver session bound to an explicit database."""

    def __init__(self, session: Any, where: str, secrets: Iterable[str] = ()) -> None:
        self._session, self.where, self._secrets = session, where, tuple(secrets)

    def execute_write(self, work: Callable[[Runner], T]) -> T:
        try:
            return self._session.execute_write(work)
        except DRIVER_ERRORS as error:
            raise translate_error(error, self.where, secrets=self._secrets) from error


@contextmanager
def connect(
    credentials: Credentials, database: str = DEFAULT_DATABASE, **config: Any
) -> Iterator[BoltSession]:
    """Open a driver, check the server and credentials, and yield a session on ``database``."""
    uri = credentials.uri or DEFAULT_URI
    user = credentials.user or DEFAULT_USER
    where = describe(uri, database, user)
    if not credentials.password:
        raise Neo4jAuthError(f"no password for {where}: set {ENV_PASSWORD}")
    secrets = (credentials.password, urlsplit(uri).password or "")
    try:
        driver = GraphDatabase.driver(uri, auth=(user, credentials.password), **config)
    except (ValueError, bolt.ConfigurationError) as error:
        raise Neo4jError(redact(f"cannot use the URI of {where}: {error}", secrets)) from None
    try:
        try:
            driver.verify_connectivity()
        except DRIVER_ERRORS as error:
            raise translate_error(error, where, secrets=secrets) from error
        with driver.session(database=database) as session:
            yield BoltSession(session, where, secrets)
    finally:
        driver.close()


# ---------------------------------------------------------------- the test double

# The loader's two statement shapes, as node_statement and rel_statement write them.
_NODE_MERGE = re.compile(r"MERGE \(n:(\w+) \{\w+: row\.id\}\)")
_REL_MERGE = re.compile(
    r"MATCH \(a:(\w+) \{\w+: row\.source\}\) MATCH \(b:(\w+) \{\w+: row\.target\}\) "
    r"MERGE \(a\)-\[r:(\w+)\]->\(b\)"
)


@dataclass(slots=True)
class MemoryGraph:
    """What a :class:`RecordingSession` committed: schema statements, nodes, relationships."""

    schema: set[str] = field(default_factory=set)
    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    relationships: dict[str, dict[tuple[str, str], dict[str, Any]]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            **{k: len(v) for k, v in self.nodes.items()},
            **{k: len(v) for k, v in self.relationships.items()},
        }

    def apply(self, statement: str, parameters: dict[str, Any]) -> None:
        """Run one loader statement the way Neo4j would (MATCH misses skip the row)."""
        rows = parameters.get("rows", [])
        if statement.startswith(("CREATE CONSTRAINT", "CREATE INDEX")):
            self.schema.add(statement)
        elif match := _REL_MERGE.search(statement):
            src, dst, rel_type = match.groups()
            merged = self.relationships.setdefault(rel_type, {})
            for row in rows:
                if row["source"] in self.nodes.get(src, {}) and row["target"] in self.nodes.get(
                    dst, {}
                ):
                    _set(merged.setdefault((row["source"], row["target"]), {}), row["props"])
        elif match := _NODE_MERGE.search(statement):
            merged_nodes = self.nodes.setdefault(match.group(1), {})
            for row in rows:
                _set(merged_nodes.setdefault(row["id"], {}), row["props"])
        else:
            raise ValueError(f"MemoryGraph cannot run: {statement}")


def _set(target: dict[str, Any], props: dict[str, Any]) -> None:
    """``SET x += props``: null removes the property."""
    for key, value in props.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value


class _RecordingTx:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def run(self, statement: str, parameters: dict[str, Any]) -> None:
        self.calls.append((statement, parameters))


class RecordingSession:
    """A :class:`Session` that records each transaction and applies it to a :class:`MemoryGraph`.

    ``fail_at=N`` makes the N-th transaction raise ``error`` (by default the
    driver's ``ServiceUnavailable``, as after the driver's retries ran out)
    without committing it; it fails once. Share ``graph`` between sessions to
    model a rerun against the same database.
    """

    where = "a recording session"

    def __init__(
        self,
        graph: MemoryGraph | None = None,
        *,
        fail_at: int | None = None,
        error: Exception | None = None,
    ) -> None:
        self.graph = graph if graph is not None else MemoryGraph()
        self.fail_at = fail_at
        self.error = error or bolt.ServiceUnavailable("connection lost (injected)")
        self.attempts = 0
        self.transactions: list[list[tuple[str, dict[str, Any]]]] = []

    @property
    def statements(self) -> list[str]:
        return [statement for tx in self.transactions for statement, _ in tx]

    def execute_write(self, work: Callable[[Runner], T]) -> T:
        self.attempts += 1
        tx = _RecordingTx()
        answer = work(tx)
        if self.attempts == self.fail_at:
            self.fail_at = None
            raise self.error
        for statement, parameters in tx.calls:
            self.graph.apply(statement, parameters)
        self.transactions.append(tx.calls)
        return answer
