"""Reading benchmark files: every line with its number, and one-line errors that name the file and
the line (the scorers' readers share these)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..errors import InputError

__all__ = ["PathLike", "input_error", "numbered_lines"]

PathLike = str | os.PathLike[str]


def input_error(path: PathLike, line: int | None, reason: str) -> InputError:
    """The error for unreadable input: one line, ``path:line: reason``."""
    return InputError(str(path), reason, line=line)


def numbered_lines(path: PathLike) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, line without its newline)`` for every line of ``path`` (universal newlines)."""
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 (opened apart so an OSError names the file; closed by the with below)
    except OSError as exc:
        raise input_error(path, None, f"cannot open: {exc.strerror or exc}") from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                yield number, line.rstrip("\n").rstrip("\r")
        except UnicodeDecodeError as exc:
            raise input_error(path, None, f"not UTF-8 text ({exc.reason})") from exc
