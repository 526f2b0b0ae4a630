"""Records (dicts of plain values) as the text the command line prints: CSV, TSV or JSON.

``newsgraph extract``, ``newsgraph entities`` and ``newsgraph eval carb`` print their results
through here, so every command that offers ``--format csv`` writes the same CSV dialect.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence

from .errors import UnknownNameError

__all__ = ["RECORD_FORMATS", "cell_text", "format_records"]

RECORD_FORMATS = ("csv", "tsv", "json", "jsonl")


def cell_text(value: object) -> str:
    """A value as one table cell: no value is empty, booleans as in JSON, lists joined by ``; ``,
    whitespace (newlines, tabs) collapsed to single spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(cell_text(item) for item in value)
    return " ".join(str(value).split())


def format_records(
    records: Iterable[Mapping[str, object]], columns: Sequence[str], fmt: str, *, header: bool = True
) -> str:
    """``records`` as text: ``csv`` (RFC 4180, a header line), ``tsv`` (a header line, one
    record a line), ``json`` (an indented array) or ``jsonl`` (one object a line). CSV and TSV
    hold ``columns`` only (``header=False``: no header line, for a table written in parts);
    JSON holds whole records."""
    rows = list(records)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if fmt == "tsv":
        lines = [list(columns)] if header else []
        lines.extend([cell_text(row.get(column)) for column in columns] for row in rows)
        return "".join("\t".join(cells) + "\n" for cells in lines)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if header:
            writer.writerow(columns)
        writer.writerows([cell_text(row.get(column)) for column in columns] for row in rows)
        return buffer.getvalue()
    raise UnknownNameError("record format", fmt, RECORD_FORMATS)
