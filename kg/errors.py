"""Errors raised by kg.

The tree::

    KgError                      base of everything kg raises on purpose
    ├── InputError               a user's input cannot be read at all (missing file, bad option)
    │   └── RecordError          one record is malformed (file, line, reason); skipped, or --strict
    ├── SchemaError              a label, type or property the schema does not declare
    ├── StoreError               the embedded store cannot be opened or queried
    └── EvalError                a gold or prediction file cannot be scored

The CLI turns each into a message and an exit code; nothing here prints.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg raises on purpose."""

    exit_code = 1


class InputError(KgError):
    """An input cannot be used at all."""

    exit_code = 2


class RecordError(InputError):
    """One record of an input is malformed."""

    def __init__(self, file: str, line: int, reason: str) -> None:
        super().__init__(f"{file}:{line}: {reason}")
        self.file = file
        self.line = line
        self.reason = reason


class SchemaError(KgError):
    """Something does not fit the graph schema declared in ``schema/``."""


class StoreError(KgError):
    """The embedded graph store failed."""


class EvalError(KgError):
    """Gold or prediction data cannot be scored."""
