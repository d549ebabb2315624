"""Loading into Neo4j, checked against the recording double: statements, batches, reruns, errors."""

from __future__ import annotations

import math
import re
from contextlib import contextmanager

import pytest
from neo4j import exceptions as bolt

from kg.errors import InputError, KgError, SchemaError
from kg.neo4j_load import (
    DATABASE_NOT_FOUND,
    Credentials,
    MemoryGraph,
    Neo4jAuthError,
    Neo4jDatabaseError,
    Neo4jError,
    Neo4jUnavailableError,
    RecordingSession,
    connect,
    credentials_from_env,
    describe,
    dry_run,
    load,
    node_statement,
    plan,
    rel_statement,
    schema_statements,
    translate_error,
)
from kg.schema import NodeType, Schema, load_schema
from kg.store import Store
from tests.conftest import entity, record

PASSWORD = "s3cret-Pa55"
# The label or type a loader statement writes: "MERGE (n:Paper", "MATCH (a:Paper", "[r:USES]".
WRITTEN = re.compile(r"\((?:n|a|b):(\w+) |\[r:(\w+)\]|FOR \(n:(\w+)\)")


class DatabaseNotFound(bolt.ClientError):
    """What the driver raises for a missing database (the server's code, without a server)."""

    code = DATABASE_NOT_FOUND


def build_store(folder, records) -> Store:
    from kg.graph import GraphBuilder
    from kg.records import RunReport

    builder = GraphBuilder(RunReport())
    builder.index_records(records)
    with Store.create(folder) as created:
        created.load(builder.items(records))
    return Store(folder)


def loaded(store, graph=None, **options) -> RecordingSession:
    session = RecordingSession(graph)
    load(store, session, **options)
    return session


def test_neo4j_load_statements_are_the_documented_merges():
    schema = load_schema()
    assert node_statement(schema, "Paper") == (
        "UNWIND $rows AS row MERGE (n:Paper {id: row.id}) SET n += row.props")
    assert rel_statement(schema, "USES") == (
        "UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Method {id: row.target}) "
        "MERGE (a)-[r:USES]->(b) SET r += row.props")
    assert schema_statements(schema)[0] == (
        "CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE")


def test_neo4j_load_labels_and_types_only_from_the_schema():
    schema = load_schema()
    with pytest.raises(SchemaError, match="not declared"):
        node_statement(schema, "Paper) DETACH DELETE (n")
    with pytest.raises(SchemaError, match="not declared"):
        rel_statement(schema, "USES]->() DELETE r //")
    forged = Schema({"X) DELETE (n": NodeType("X) DELETE (n", "id", {"id": "string"}, "")}, {}, {})
    with pytest.raises(SchemaError, match="plain identifier"):
        node_statement(forged, "X) DELETE (n")


def test_neo4j_load_sends_constraints_first_then_nodes_then_relationships(store):
    session = loaded(store, batch_size=2)
    schema = store.schema
    statements = session.statements
    declared = schema_statements(schema)
    assert statements[: len(declared)] == declared
    assert all(s.startswith("CREATE CONSTRAINT") for s in statements[: len(schema.nodes)])
    kinds = ["schema" if s.startswith("CREATE") else "rel" if "MATCH" in s else "node"
             for s in statements]
    assert kinds == sorted(kinds, key=["schema", "node", "rel"].index)
    written = {name for s in statements for match in WRITTEN.finditer(s) for name in match.groups()
               if name}
    assert written <= set(schema.nodes) | set(schema.relationships)
    allowed = set(schema_statements(schema)) | {node_statement(schema, x) for x in schema.nodes}
    allowed |= {rel_statement(schema, t) for t in schema.relationships}
    assert set(statements) <= allowed


def test_neo4j_load_batches_respect_the_batch_size(store):
    session = loaded(store, batch_size=2)
    counts = store.counts()
    sent: dict[str, list[int]] = {}
    for tx in session.transactions:
        assert len(tx) == 1  # one statement per transaction: a batch boundary
        statement, params = tx[0]
        if params:
            target = next(n for m in WRITTEN.finditer(statement) for n in m.groups() if n)
            target = target if "MERGE (n:" in statement else statement.split("[r:")[1].split("]")[0]
            sent.setdefault(target, []).append(len(params["rows"]))
    for target, sizes in sent.items():
        assert all(1 <= size <= 2 for size in sizes)
        assert sum(sizes) == counts[target]
        assert len(sizes) == math.ceil(counts[target] / 2)
    assert session.graph.counts() == {k: v for k, v in counts.items() if v}


def test_neo4j_load_sends_rows_as_parameters(store):
    session = loaded(store, batch_size=2)
    paper_batch = next(p for tx in session.transactions for s, p in tx if "MERGE (n:Paper" in s)
    first = paper_batch["rows"][0]
    assert first["id"] == "p1" and "id" not in first["props"]
    assert first["props"]["title"] == "LatticeNet" and first["props"]["year"] == 2026
    uses = next(p for tx in session.transactions for s, p in tx if "[r:USES]" in s)
    row = uses["rows"][0]
    assert set(row) == {"source", "target", "props"}
    assert row["props"]["extractor"] == "test" and row["props"]["role"] in {"baseline", "component"}
    assert session.graph.nodes["Method"]["method:latticenet"]["name"] == "LatticeNet"


def test_neo4j_load_twice_sends_the_same_and_keeps_the_counts(store):
    graph = MemoryGraph()
    first = loaded(store, graph, batch_size=3)
    counts = graph.counts()
    second = loaded(store, graph, batch_size=3)
    assert second.transactions == first.transactions
    assert graph.counts() == counts


def test_neo4j_load_bigger_graph_adds(tmp_path, two_papers, store):
    graph = MemoryGraph()
    loaded(store, graph)
    third = record("p3", "Third", methods=[entity("ViT", proposed=True)],
                   datasets=[entity("ImageNet")])
    with build_store(tmp_path / "bigger", [*two_papers, third]) as bigger:
        loaded(bigger, graph)
        assert graph.counts() == {k: v for k, v in bigger.counts().items() if v}
    assert graph.counts()["Paper"] == 3


@pytest.mark.parametrize("where", ["schema", "nodes", "relationships", "last"])
def test_neo4j_load_interrupted_then_rerun_completes(store, where):
    kinds = [batch.kind for batch in plan(store, batch_size=2)]
    fail_at = len(kinds) if where == "last" else kinds.index(where) + 2  # 1-based, mid-phase
    graph = MemoryGraph()
    interrupted = RecordingSession(graph, fail_at=fail_at)
    with pytest.raises(Neo4jUnavailableError, match="run the load again") as caught:
        load(store, interrupted, batch_size=2)
    assert f"after {fail_at - 1} transactions" in str(caught.value)
    assert len(interrupted.transactions) == fail_at - 1  # the failed batch was not committed
    complete = {k: v for k, v in store.counts().items() if v}
    assert graph.counts() != complete
    loaded(store, graph, batch_size=2)
    assert graph.counts() == complete


def test_neo4j_load_progress_hears_every_committed_batch(store):
    heard = []
    session = RecordingSession()
    report = load(store, session, batch_size=2, progress=heard.append)
    assert len(heard) == len(session.transactions) == report.transactions
    assert sum(len(b.rows) for b in heard) == sum(report.rows.values()) == sum(
        store.counts().values())
    assert [b.number for b in heard if b.target == "Paper"] == [1]


def test_neo4j_load_dry_run_lists_what_a_load_sends(store):
    planned = list(dry_run(store, batch_size=2))
    session = loaded(store, batch_size=2)
    assert planned == [(s, len(p.get("rows", []))) for tx in session.transactions for s, p in tx]
    assert sum(rows for _, rows in planned) == sum(store.counts().values())


def test_neo4j_load_rejects_a_batch_size_below_one(store):
    with pytest.raises(InputError, match="at least 1"):
        list(dry_run(store, batch_size=0))


@pytest.mark.parametrize("error, kind, hint", [
    (bolt.ServiceUnavailable("Couldn't connect to localhost:7687"), Neo4jUnavailableError,
     "Is the server running"),
    (bolt.AuthError("The client is unauthorized due to authentication failure."),
     Neo4jAuthError, "check NEO4J_USERNAME and NEO4J_PASSWORD"),
    (DatabaseNotFound("Database does not exist. Database name: 'kg'."), Neo4jDatabaseError,
     "--database"),
    (bolt.TransientError("Deadlock detected"), Neo4jError, "Deadlock detected"),
])
def test_neo4j_load_errors_say_what_to_check(store, error, kind, hint):
    with pytest.raises(kind, match=re.escape(hint)) as caught:
        load(store, RecordingSession(fail_at=1, error=error))
    assert isinstance(caught.value, KgError) and caught.value.__cause__ is error
    assert PASSWORD not in str(caught.value)


def test_neo4j_load_error_messages_never_contain_the_password():
    leaky = bolt.ServiceUnavailable(f"echoing {PASSWORD}")
    assert PASSWORD not in str(translate_error(leaky, "Neo4j", secrets=[PASSWORD]))
    where = describe(f"neo4j://neo4j:{PASSWORD}@db.example:7687", "kg", "neo4j")
    assert PASSWORD not in where and "neo4j://db.example:7687" in where
    credentials = Credentials("neo4j://x", "neo4j", PASSWORD)
    assert PASSWORD not in repr(credentials)


def open_and_close(credentials: Credentials, database: str = "kg") -> None:
    with connect(credentials, database, connection_timeout=2):
        pass


def test_neo4j_load_unreachable_server_is_a_clear_error():
    credentials = Credentials("bolt://127.0.0.1:9", "neo4j", PASSWORD)
    reach = "cannot reach Neo4j at bolt://127.0.0.1:9"
    with pytest.raises(Neo4jUnavailableError, match=reach) as e:
        open_and_close(credentials)
    assert "database 'kg'" in str(e.value) and PASSWORD not in str(e.value)


def test_neo4j_load_password_in_the_uri_is_blanked_from_the_driver_message():
    credentials = Credentials(f"bolt://neo4j:{PASSWORD}@127.0.0.1:9", "neo4j", "other")
    with pytest.raises(Neo4jError, match="userinfo is not supported") as e:
        open_and_close(credentials)
    assert PASSWORD not in str(e.value) and "***" in str(e.value)


def test_neo4j_load_needs_a_password():
    with pytest.raises(Neo4jAuthError, match="set NEO4J_PASSWORD"):
        open_and_close(Credentials("bolt://127.0.0.1:9", "neo4j", None))


def test_neo4j_load_credentials_from_the_environment():
    env = {"NEO4J_URI": "neo4j://db:7687", "NEO4J_USERNAME": "kg", "NEO4J_PASSWORD": PASSWORD}
    assert credentials_from_env(env) == Credentials("neo4j://db:7687", "kg", PASSWORD)
    assert credentials_from_env(env).missing() == []
    assert credentials_from_env({"NEO4J_URI": "neo4j://db"}).missing() == [
        "NEO4J_USERNAME", "NEO4J_PASSWORD"]


# ---------------------------------------------------------------- the command


@pytest.fixture
def built(tmp_path, two_papers):
    folder = tmp_path / "db"
    build_store(folder, two_papers).close()
    return folder


def test_neo4j_load_cli_dry_run_connects_to_nothing(built, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli

    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    result = CliRunner().invoke(cli, ["load", "neo4j", "--db", str(built), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "CREATE CONSTRAINT paper_id" in result.output
    assert "UNWIND $rows AS row MERGE (n:Paper {id: row.id})" in result.output
    assert "// 1 batches, 2 rows" in result.output


def test_neo4j_load_cli_prompts_for_the_password_and_loads(built, monkeypatch):
    from click.testing import CliRunner

    from kg import neo4j_load
    from kg.cli import cli

    seen: dict[str, Credentials] = {}
    session = RecordingSession()

    @contextmanager
    def fake_connect(credentials, database="neo4j", **config):
        seen["credentials"], seen["database"] = credentials, database
        yield session

    monkeypatch.setattr(neo4j_load, "connect", fake_connect)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("NEO4J_USERNAME", "reader")
    args = ["load", "neo4j", "--db", str(built), "--uri", "bolt://db:7687", "--database", "kg"]
    result = CliRunner().invoke(cli, args, input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert seen["credentials"] == Credentials("bolt://db:7687", "reader", PASSWORD)
    assert seen["database"] == "kg"
    assert PASSWORD not in result.output
    with Store(built) as store:
        assert session.graph.counts()["Paper"] == store.counts()["Paper"] == 2


def test_neo4j_load_cli_unreachable_server_is_exit_1_without_traceback(built, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli

    monkeypatch.setenv("NEO4J_PASSWORD", PASSWORD)
    result = CliRunner().invoke(
        cli, ["load", "neo4j", "--db", str(built), "--uri", "bolt://127.0.0.1:9"]
    )
    assert result.exit_code == 1
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output and PASSWORD not in result.output
