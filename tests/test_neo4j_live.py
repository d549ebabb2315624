"""Loading into a live Neo4j, then every library query answering as on the embedded store.

Runs only with ``KG_NEO4J_URI`` (and ``KG_NEO4J_USER``, ``KG_NEO4J_PASSWORD``,
optionally ``KG_NEO4J_DATABASE``) set, e.g. against
``docker run -p 7687:7687 -e NEO4J_AUTH=neo4j/testpassword neo4j:5``. The
database must be a throwaway one: the tests delete every node with a kg label.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from kg.library import library
from kg.neo4j_load import Credentials, connect, load
from tests.test_library import ARGS

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j_driver():
    neo4j = pytest.importorskip("neo4j")
    uri = os.environ.get("KG_NEO4J_URI")
    if not uri:
        pytest.skip("KG_NEO4J_URI is not set: no Neo4j server to load into")
    credentials = Credentials(uri, os.environ.get("KG_NEO4J_USER", "neo4j"),
                              os.environ.get("KG_NEO4J_PASSWORD"))
    database = os.environ.get("KG_NEO4J_DATABASE", "neo4j")
    driver = neo4j.GraphDatabase.driver(uri, auth=(credentials.user, credentials.password))
    yield driver, credentials, database
    driver.close()


def wipe(driver: Any, database: str, labels: list[str]) -> None:
    for label in labels:  # labels from the schema only
        driver.execute_query(f"MATCH (n:{label}) DETACH DELETE n", database_=database)


def counts(driver: Any, database: str, schema: Any) -> dict[str, int]:
    out = {}
    for label in schema.nodes:
        records, _, _ = driver.execute_query(f"MATCH (n:{label}) RETURN count(n) AS n",
                                             database_=database)
        out[label] = records[0]["n"]
    for rel in schema.relationships.values():
        records, _, _ = driver.execute_query(
            f"MATCH (:{rel.source})-[r:{rel.type}]->(:{rel.target}) RETURN count(r) AS n",
            database_=database)
        out[rel.type] = records[0]["n"]
    return out


def normalised(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows with list cells sorted: collect() promises no order on either engine."""
    return [[sorted(c, key=str) if isinstance(c, list) else c for c in row] for row in rows]


def test_neo4j_live_load_twice_keeps_the_counts_and_queries_agree(neo4j_driver, store):
    driver, credentials, database = neo4j_driver
    wipe(driver, database, list(store.schema.nodes))
    with connect(credentials, database) as session:
        load(store, session, batch_size=2)
        first = counts(driver, database, store.schema)
        assert first == store.counts()
        load(store, session, batch_size=3)
    assert counts(driver, database, store.schema) == first
    for name, query in library().items():
        args = query.arguments(ARGS.get(name, {}))
        records, _, _ = driver.execute_query(query.cypher, args, database_=database)
        expected = normalised(store.query(query.cypher, args)[1])
        assert normalised([list(r.values()) for r in records]) == expected, name
