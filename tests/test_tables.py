"""graph.tables: the CSV, TSV and JSON the commands print."""

from __future__ import annotations

import csv
import io
import json

import pytest

from graph.errors import UnknownNameError
from graph.tables import cell_text, format_records

RECORDS = [
    {"name": 'Kaz "A", Co', "n": 2, "ok": True, "tags": ["a", "b"], "none": None},
    {"name": "line\nbreak\tand tab", "n": 0, "ok": False, "tags": [], "none": None},
]
COLUMNS = ["name", "n", "ok", "tags", "none"]


def test_cells_are_one_line_of_plain_text():
    assert [cell_text(v) for v in (None, True, False, ["a", 1], " a\n b\t")] == ["", "true", "false", "a; 1", "a b"]


def test_csv_round_trips_through_the_csv_module():
    rows = list(csv.DictReader(io.StringIO(format_records(RECORDS, COLUMNS, "csv"))))
    assert rows == [
        {"name": 'Kaz "A", Co', "n": "2", "ok": "true", "tags": "a; b", "none": ""},
        {"name": "line break and tab", "n": "0", "ok": "false", "tags": "", "none": ""},
    ]


def test_tsv_has_a_header_and_one_line_a_record_unless_told():
    text = format_records(RECORDS, COLUMNS, "tsv")
    assert [line.split("\t") for line in text.splitlines()] == [
        COLUMNS,
        ['Kaz "A", Co', "2", "true", "a; b", ""],
        ["line break and tab", "0", "false", "", ""],
    ]
    assert format_records(RECORDS, COLUMNS, "tsv", header=False) == "".join(text.splitlines(keepends=True)[1:])


def test_json_keeps_whole_records():
    assert json.loads(format_records(RECORDS, ["name"], "json")) == RECORDS
    assert [json.loads(line) for line in format_records(RECORDS, ["name"], "jsonl").splitlines()] == RECORDS
    with pytest.raises(UnknownNameError, match="Available: csv, json, jsonl, tsv"):
        format_records(RECORDS, COLUMNS, "xlsx")
