"""The embedded Cypher store: LadybugDB tables generated from the schema.

A build spools nodes and edges into one Parquet file per table (streaming,
constant memory), then bulk-loads them with ``COPY``: node tables first, then
relationship tables. Queries go through :meth:`Store.query` with parameters;
labels and types reach a statement only from the schema.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa
import pyarrow.parquet as pq

from kg.errors import StoreError
from kg.model import Edge, Node
from kg.schema import Schema, load_schema

DB_FILE = "graph.lbdb"
LADYBUG_TYPES = {
    "string": "STRING",
    "int": "INT64",
    "float": "DOUBLE",
    "bool": "BOOLEAN",
    "string[]": "STRING[]",
}
ARROW_TYPES = {
    "string": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "string[]": pa.list_(pa.string()),
}


def db_path(directory: str | Path) -> Path:
    """The database file inside a build folder (``kg build --out DIR``)."""
    return Path(directory) / DB_FILE


def table_ddl(schema: Schema) -> list[str]:
    """CREATE statements for every node and relationship table of the schema."""
    statements = []
    for node in schema.nodes.values():
        columns = ", ".join(f"{p} {LADYBUG_TYPES[t]}" for p, t in node.properties.items())
        statements.append(f"CREATE NODE TABLE {node.label}({columns}, PRIMARY KEY({node.key}))")
    for rel in schema.relationships.values():
        props = schema.rel_properties(rel.type)
        columns = "".join(f", {p} {LADYBUG_TYPES[t]}" for p, t in props.items())
        statements.append(
            f"CREATE REL TABLE {rel.type}(FROM {rel.source} TO {rel.target}{columns})"
        )
    return statements


class _Spool:
    """One Parquet file per table, written in row batches."""

    def __init__(self, folder: Path, schema: Schema, batch_rows: int) -> None:
        self.folder, self.schema, self.batch_rows = folder, schema, batch_rows
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self.counts: dict[str, int] = {}

    def _columns(self, table: str) -> dict[str, str]:
        if table in self.schema.nodes:
            return self.schema.nodes[table].properties
        return {"from": "string", "to": "string", **self.schema.rel_properties(table)}

    def add(self, item: Node | Edge) -> None:
        if isinstance(item, Node):
            table, row = item.label, {**item.props, "id": item.id}
        else:
            table, row = item.type, {**item.props, "from": item.source, "to": item.target}
        rows = self._rows.setdefault(table, [])
        rows.append(row)
        self.counts[table] = self.counts.get(table, 0) + 1
        if len(rows) >= self.batch_rows:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._rows.get(table)
        if not rows:
            return
        columns = self._columns(table)
        arrow_schema = pa.schema([(name, ARROW_TYPES[kind]) for name, kind in columns.items()])
        batch = pa.RecordBatch.from_pylist(
            [{name: row.get(name) for name in columns} for row in rows], schema=arrow_schema
        )
        if table not in self._writers:
            self._writers[table] = pq.ParquetWriter(self.folder / f"{table}.parquet", arrow_schema)
        self._writers[table].write_batch(batch)
        rows.clear()

    def close(self) -> dict[str, Path]:
        for table in list(self._rows):
            self._flush(table)
        for writer in self._writers.values():
            writer.close()
        return {table: self.folder / f"{table}.parquet" for table in self._writers}


class Store:
    """A LadybugDB database holding one kg graph."""

    def __init__(
        self, directory: str | Path, *, schema: Schema | None = None, read_only: bool = True
    ) -> None:
        self.path = db_path(directory)
        self.schema = schema or load_schema()
        if read_only and not self.path.exists():
            raise StoreError(f"no kg graph in {directory}: run 'kg build INPUT --out {directory}'")
        try:
            self._db = ladybug.Database(str(self.path), read_only=read_only)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as error:
            raise StoreError(f"cannot open the graph store {self.path}: {error}") from error

    @classmethod
    def create(cls, directory: str | Path, schema: Schema | None = None) -> Store:
        """A new, empty store with the schema's tables (an old one is replaced)."""
        path = db_path(directory)
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in (path, path.with_name(path.name + ".wal")):
            if stale.is_dir():
                shutil.rmtree(stale)
            elif stale.exists():
                stale.unlink()
        store = cls(directory, schema=schema, read_only=False)
        for statement in table_ddl(store.schema):
            store._conn.execute(statement)
        return store

    def load(self, items: Iterable[Node | Edge], batch_rows: int = 50_000) -> dict[str, int]:
        """Bulk-load nodes and edges; returns the row count per table."""
        with tempfile.TemporaryDirectory(prefix="kg-spool-", dir=self.path.parent) as tmp:
            spool = _Spool(Path(tmp), self.schema, batch_rows)
            for item in items:
                spool.add(item)
            files = spool.close()
            order = [t for t in self.schema.nodes if t in files]
            order += [t for t in self.schema.relationships if t in files]
            for table in order:
                self._copy(table, files[table], batch_rows)
            return dict(spool.counts)

    def _copy(self, table: str, spooled: Path, batch_rows: int) -> None:
        """COPY a spooled table in batches; LadybugDB scans the local Arrow table ``batch``."""
        for record_batch in pq.ParquetFile(spooled).iter_batches(batch_size=batch_rows):
            batch = pa.Table.from_batches([record_batch])  # noqa: F841 (read by the COPY)
            try:
                self._conn.execute(f"COPY {table} FROM batch")
            except RuntimeError as error:
                raise StoreError(f"loading {table} failed: {error}") from error

    def query(
        self, cypher: str, params: Mapping[str, Any] | None = None
    ) -> tuple[list[str], list[list[Any]]]:
        """Run one Cypher statement; returns column names and all rows."""
        result = self._execute(cypher, params)
        return result.get_column_names(), result.get_all()

    def stream(self, cypher: str, params: Mapping[str, Any] | None = None) -> Iterator[list[Any]]:
        """Run one Cypher statement and yield its rows one at a time."""
        result = self._execute(cypher, params)
        while result.has_next():
            yield result.get_next()

    def _execute(self, cypher: str, params: Mapping[str, Any] | None) -> Any:
        try:
            result = self._conn.execute(cypher, dict(params or {}))
        except RuntimeError as error:
            raise StoreError(str(error)) from error
        return result[-1] if isinstance(result, list) else result  # the last statement answers

    def nodes(self, label: str) -> Iterator[dict[str, Any]]:
        """Every node of one label as a property dict (label from the schema only)."""
        props = list(self.schema.node(label).properties)
        columns = ", ".join(f"n.{p} AS {p}" for p in props)
        for row in self.stream(f"MATCH (n:{label}) RETURN {columns} ORDER BY n.id"):
            yield dict(zip(props, row, strict=True))

    def edges(self, rel_type: str) -> Iterator[dict[str, Any]]:
        """Every relationship of one type: ``source``, ``target`` and its properties."""
        rel = self.schema.rel(rel_type)
        props = list(self.schema.rel_properties(rel_type))
        columns = "".join(f", r.{p} AS {p}" for p in props)
        for row in self.stream(
            f"MATCH (a:{rel.source})-[r:{rel.type}]->(b:{rel.target}) "
            f"RETURN a.id AS source, b.id AS target{columns} ORDER BY source, target"
        ):
            yield dict(zip(["source", "target", *props], row, strict=True))

    def counts(self) -> dict[str, int]:
        """Rows per node label and relationship type."""
        out = {}
        for label in self.schema.nodes:
            out[label] = self.query(f"MATCH (n:{label}) RETURN count(n)")[1][0][0]
        for rel in self.schema.relationships.values():
            out[rel.type] = self.query(
                f"MATCH (:{rel.source})-[r:{rel.type}]->(:{rel.target}) RETURN count(r)"
            )[1][0][0]
        return out

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
