"""Every notebook under notebooks/ runs top to bottom without error (so it never rots).

Each notebook is executed once per test session (a kernel and a build take tens of seconds) and
the tests read the executed copy.
"""

from __future__ import annotations

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow  # a Jupyter kernel per notebook, each building graphs

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """path -> (the executed notebook, its kernel's temporary directory), run on first use."""
    done: dict[str, tuple] = {}

    def run(path):
        if path.name not in done:
            import nbformat
            from nbclient import NotebookClient

            out = tmp_path_factory.mktemp(path.stem)
            scratch = out / "tmp"  # the kernel's temporary directory: a notebook leaves nothing there
            scratch.mkdir()
            with pytest.MonkeyPatch.context() as monkeypatch:
                monkeypatch.setenv("TMPDIR", str(scratch))
                monkeypatch.setenv("NEWSGRAPH_OUT", str(out))  # the kernel inherits it: nothing goes into the tree
                notebook = nbformat.read(path, as_version=4)
                client = NotebookClient(
                    notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
                )
                client.execute()
            done[path.name] = (notebook, scratch)
        return done[path.name]

    return run


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, executed):
    notebook, scratch = executed(path)
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


def test_explore_notebook_stays_small_and_quiet(executed):
    """The views are framed from the files they were written to, not inlined: executed, the
    notebook is small (it was 2.4 MB with four copies of vis-network) and warns about nothing."""
    import nbformat

    notebook, _ = executed(ROOT / "notebooks" / "explore.ipynb")
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert len(nbformat.writes(notebook)) < 50_000
    frames = [o["data"]["text/html"] for o in outputs if "<iframe" in o.get("data", {}).get("text/html", "")]
    assert len(frames) == 3 and all("vis-network" not in frame for frame in frames)
