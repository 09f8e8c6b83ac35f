"""Every error this package raises on purpose, under one base, each with its exit code.

The ``analysis`` command exits with the code of the error that stopped it:

====  =====================================================================================
code  meaning
====  =====================================================================================
0     success: every page asked for is published (or unchanged)
1     a report failed or the run could not complete: a notebook raised, a kernel died or
      did not start, the renderer could not prepare, another run held the lock too long
2     bad usage or bad input: an option, a parameter, a params file, the seeds, a file to
      ingest, an output folder that cannot be written; nothing was rendered or written
130   interrupted (Ctrl-C or SIGTERM); what was published before stays intact
====  =====================================================================================

>>> LedgerError([]).exit_code, RenderError("x").exit_code
(2, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

#: The command succeeded.
EXIT_OK = 0
#: A report failed, or the run could not complete (not the user's input).
EXIT_FAILED = 1
#: Bad usage or bad input.
EXIT_USAGE = 2
#: Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130


#: How much of a long value a message shows (a 1 MB evidence string is not echoed whole).
MAX_MESSAGE_CHARS = 400


def cut(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text``, cut to ``limit`` characters with its full size said.

    >>> cut("x" * 1000, 10)
    'xxxxxxxxxx... [1,000 characters; 990 cut]'
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text):,} characters; {len(text) - limit:,} cut]"


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
        return ": ".join([", ".join(parts), cut(self.message)])


class AnalysisError(Exception):
    """Base class of the errors this package raises; ``exit_code`` is the command's."""

    exit_code: ClassVar[int] = EXIT_USAGE


class LedgerError(AnalysisError):
    """The seeds (sources and fact ledgers) have problems; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        # By file, then line: a file's own problems (no line) first, each file's in order.
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the seeds:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


class ParameterError(AnalysisError):
    """A report parameter, a params file or a command-line option is unknown or wrong."""


class IngestError(AnalysisError):
    """A file cannot be ingested; the message names the file and what is wrong."""


class RenderError(AnalysisError):
    """A report failed to render (a cell raised, its kernel died), or the renderer could not
    prepare. Not the user's input: exit 1."""

    exit_code: ClassVar[int] = EXIT_FAILED


class KernelStartError(RenderError):
    """A report's kernel did not start (or died while importing the notebooks' modules)."""


class LockTimeout(AnalysisError):
    """Another run held the output folder's lock for longer than this run would wait."""

    exit_code: ClassVar[int] = EXIT_FAILED


class NotFound(LookupError):
    """Evidence words are not in their source's text, or are there more than once.

    Not an :class:`AnalysisError`: the ledger's builder turns it into a :class:`Problem`.
    """
