"""Errors a user can act on: each problem names the file, line, record and field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file.

    ``line`` is 1-based; ``record`` is the record's id (or its position when it has none);
    ``field`` is the field's name, dotted for nested fields.
    """

    file: str
    message: str
    line: int | None = None
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.record is not None:
            parts.append(f"record {self.record!r}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ": ".join([", ".join(parts), self.message])


class AnalysisError(Exception):
    """Base class of the errors this package raises for a user's input."""


class LedgerError(AnalysisError):
    """The seeds (sources and fact ledgers) have problems; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the seeds:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


class ParameterError(AnalysisError):
    """A report parameter is unknown or has a value of the wrong type."""


class RenderError(AnalysisError):
    """A report failed to render."""
