"""Outputs are written atomically: an interrupted write leaves the old file as it was."""

from __future__ import annotations

import pytest

from graph.outputs import atomic_output, process_alive, remove_stale_temporaries, write_text_atomic


def test_interrupted_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "graph.ttl"
    write_text_atomic(target, "old")
    with pytest.raises(RuntimeError), atomic_output(target, "w") as handle:
        handle.write("half of the new")
        raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_new_files_get_normal_permissions(tmp_path):
    target = tmp_path / "x" / "page.html"
    write_text_atomic(target, "<p>hi</p>")
    assert target.read_text() == "<p>hi</p>"
    assert target.stat().st_mode & 0o644 == 0o644


def test_temporaries_of_killed_writers_are_removed_and_live_ones_kept(tmp_path):
    import os
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)  # finished and reaped: no process has this id now (or, rarely, a new one)
    stale = tmp_path / f".graph.ttl.{dead_pid}.abcd1234.tmp"
    live = tmp_path / f".graph.ttl.{os.getpid()}.efgh5678.tmp"
    unrelated = tmp_path / ".notes.tmp"
    for path in (stale, live, unrelated):
        path.write_text("half written", encoding="utf-8")
    with atomic_output(tmp_path / "graph.ttl", "w") as handle:
        handle.write("being written")
        (writing,) = [p for p in tmp_path.iterdir() if p.name.startswith(f".graph.ttl.{os.getpid()}.") and p != live]
        removed = remove_stale_temporaries(tmp_path)
        assert writing.exists()
    assert removed == ([] if process_alive(dead_pid) else [stale])
    assert (
        live.exists() and unrelated.exists() and (tmp_path / "graph.ttl").read_text(encoding="utf-8") == "being written"
    )
