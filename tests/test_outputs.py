"""Outputs are written atomically: an interrupted write leaves the old file as it was."""

from __future__ import annotations

import pytest

from graph.outputs import atomic_output, write_text_atomic


def test_interrupted_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "graph.ttl"
    write_text_atomic(target, "old")
    with pytest.raises(RuntimeError):
        with atomic_output(target, "w") as handle:
            handle.write("half of the new")
            raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_new_files_get_normal_permissions(tmp_path):
    target = tmp_path / "x" / "page.html"
    write_text_atomic(target, "<p>hi</p>")
    assert target.read_text() == "<p>hi</p>"
    assert target.stat().st_mode & 0o644 == 0o644
