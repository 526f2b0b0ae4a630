"""Every notebook under notebooks/ runs top to bottom without error (so it never rots)."""

from __future__ import annotations

import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    scratch = tmp_path / "tmp"  # the kernel's temporary directory: a notebook leaves nothing there
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setenv("NEWSGRAPH_OUT", str(tmp_path))  # the kernel inherits it: nothing is written into the tree

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    errors = [
        o
        for cell in notebook.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors
    assert all(cell.get("execution_count") for cell in notebook.cells if cell.cell_type == "code")
    assert not [p.name for p in scratch.iterdir() if p.name.startswith("newsgraph-")], "the notebook left files behind"


def test_explore_notebook_stays_small_and_quiet(tmp_path, monkeypatch):
    """The views are framed from the files they were written to, not inlined: executed, the
    notebook is small (it was 2.4 MB with four copies of vis-network) and warns about nothing."""
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("NEWSGRAPH_OUT", str(tmp_path))  # the pages go there, not into the working tree
    path = ROOT / "notebooks" / "explore.ipynb"
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert len(nbformat.writes(notebook)) < 50_000
    frames = [o["data"]["text/html"] for o in outputs if "<iframe" in o.get("data", {}).get("text/html", "")]
    assert len(frames) == 3 and all("vis-network" not in frame for frame in frames)
