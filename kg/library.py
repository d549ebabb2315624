"""The Cypher query library in ``cypher/queries``: named, documented, parameterised queries.

Each ``NAME.cypher`` file starts with comment lines::

    // description: Datasets that the most papers evaluate on.
    // param limit: how many rows (default 10)

followed by one Cypher statement in the subset that runs unchanged on the
embedded store and on Neo4j.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.errors import InputError
from kg.resources import data_dir

# "// param limit: how many rows (default 10)" -> ("limit", "how many rows", "10");
# not "// description: …".
PARAM_LINE = re.compile(r"^//\s*param\s+(\w+):\s*(.*?)\s*(?:\(default\s+(.*)\))?\s*$")
DESCRIPTION_LINE = re.compile(r"^//\s*description:\s*(.+)$")


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    help: str
    default: Any


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str

    def arguments(self, given: dict[str, Any]) -> dict[str, Any]:
        """Defaults overlaid by ``given``; an unknown or missing parameter is an InputError."""
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            raise InputError(f"query {self.name} has no parameter {', '.join(unknown)}; "
                             f"it takes: {', '.join(sorted(known)) or 'none'}")
        args = {p.name: p.default for p in self.params}
        args.update(given)
        missing = [name for name, value in args.items() if value is None]
        if missing:
            raise InputError(f"query {self.name} needs --param {missing[0]}=VALUE")
        return args


def _default(raw: str | None) -> Any:
    if raw is None or raw == "none":
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def parse_query(name: str, text: str) -> LibraryQuery:
    description, params, body = "", [], []
    for line in text.splitlines():
        stripped = line.strip()
        if match := DESCRIPTION_LINE.match(stripped):
            description = match.group(1)
        elif match := PARAM_LINE.match(stripped):
            params.append(Param(match.group(1), match.group(2), _default(match.group(3))))
        elif not stripped.startswith("//"):
            body.append(line)
    return LibraryQuery(name, description, tuple(params), "\n".join(body).strip())


@cache
def library() -> dict[str, LibraryQuery]:
    """Every library query by name."""
    folder = data_dir("cypher") / "queries"
    return {path.stem: parse_query(path.stem, path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.cypher"))}


def get(name: str) -> LibraryQuery:
    try:
        return library()[name]
    except KeyError:
        raise InputError(f"no library query {name!r}; 'kg query --list' shows them") from None
