"""Errors raised by newsgraph.

Every error the library raises derives from :class:`NewsgraphError`; its message is one line
that says what was given and what is allowed, so the CLI can print it as it is. The library
never prints or exits.
"""

from __future__ import annotations

__all__ = [
    "NewsgraphError",
    "InputError",
    "ModelNotFoundError",
    "UnknownNameError",
    "GraphReadError",
    "QueryError",
    "QueryTimeoutError",
    "StoreError",
    "ValidationError",
    "ClusterError",
    "one_line",
]


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises."""


class InputError(NewsgraphError):
    """An input file or record that cannot be read as an article.

    ``path`` names the file, ``line`` the line (JSONL) when known, ``reason`` the problem.
    """

    def __init__(self, path: str, reason: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class ModelNotFoundError(NewsgraphError):
    """No usable spaCy model is installed."""


class UnknownNameError(NewsgraphError, KeyError):
    """A name looked up in a registry (extractor, format, store, ...) that does not exist."""

    def __init__(self, kind: str, name: str, available: list[str] | tuple[str, ...]) -> None:
        self.kind = kind
        self.name = name
        self.available = sorted(available)
        super().__init__(f"Unknown {kind} {name!r}. Available: {', '.join(self.available)}")

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class GraphReadError(NewsgraphError):
    """An RDF file that cannot be read (missing, unknown format, syntax error)."""


class QueryError(NewsgraphError):
    """A SPARQL query that cannot be parsed or run."""


class QueryTimeoutError(QueryError):
    """A SPARQL query that did not finish within its time limit (it was stopped)."""


class StoreError(NewsgraphError):
    """A store that cannot be opened, written or is damaged."""


class ValidationError(NewsgraphError):
    """A graph that does not conform to the newsgraph shapes."""


class ClusterError(NewsgraphError):
    """A distributed build that cannot run: Dask missing, no scheduler, a partition that failed."""


def one_line(exc: BaseException | str, limit: int = 200) -> str:
    """The text of ``exc`` (a third-party error, say) on one line, cut at ``limit`` characters,
    to quote inside a newsgraph error message."""
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
