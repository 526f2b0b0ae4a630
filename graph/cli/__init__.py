"""The ``newsgraph`` command line: a thin layer over the library.

It parses arguments, shows progress and turns library errors into one-line messages. Exit
status: 0 success; 1 an error stopped the command; 3 the command finished but skipped some
input (each skipped file was named on stderr).

The commands live in modules by job: ``common`` (the typer apps, exit codes, errors, progress,
shared options), ``building`` (build, extract, remove), ``graphs`` (query, render, export,
entities, timeline, validate, serve) and ``evaluation`` (the eval group). Importing this package
registers every command; the heavy libraries load only inside a command's body.
"""

from __future__ import annotations

import typer

from . import building, evaluation, graphs  # noqa: F401  (importing a module registers its commands)
from .common import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, app, eval_app

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_SKIPPED", "app", "eval_app", "main"]

# `newsgraph --help` lists the commands in this order, whichever module defines each
_COMMAND_ORDER = (
    "build",
    "extract",
    "query",
    "render",
    "export",
    "entities",
    "remove",
    "timeline",
    "validate",
    "serve",
)


def _listed_order(info: typer.models.CommandInfo) -> int:
    """Where ``newsgraph --help`` lists a command: the order above; a command not named there last."""
    name = getattr(info.callback, "__name__", "")
    return _COMMAND_ORDER.index(name) if name in _COMMAND_ORDER else len(_COMMAND_ORDER)


app.registered_commands.sort(key=_listed_order)


def main() -> None:
    """Console-script entry point."""
    app()
