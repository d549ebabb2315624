"""The one way to reach the data files the package needs (``schema/``, ``cypher/``).

In a wheel they are installed as ``kg/_data/schema`` and ``kg/_data/cypher``;
in a source checkout (or an editable install) they are the top-level folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder ``schema`` or ``cypher``, installed or in the checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kg data folder {name!r} is missing from the installation")


def data_file(folder: str, filename: str) -> Path:
    """A file inside ``schema`` or ``cypher``."""
    return data_dir(folder) / filename
