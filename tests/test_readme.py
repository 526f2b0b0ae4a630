"""The README stays true: every command is documented with an example; the quick start is what CI runs."""

from __future__ import annotations

import re

import pytest
import typer.main

from graph.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    click_app = typer.main.get_command(app)
    names = []
    for name, command in click_app.commands.items():  # type: ignore[attr-defined]
        if hasattr(command, "commands"):
            names.extend(f"{name} {sub}" for sub in command.commands)
        else:
            names.append(name)
    return sorted(names)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_a_readme_section_and_example(command):
    assert f"### `newsgraph {command}`" in README
    blocks = "\n".join(re.findall(r"```bash\n(.*?)```", README, re.S))
    assert f"newsgraph {command}" in blocks


def test_quick_start_blocks_are_marked_for_ci():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for marker in ("<!-- ci: quickstart -->", "<!-- ci: tests -->"):
        assert marker in README and marker.split(":")[1].split()[0] in ci


def test_the_python_functions_are_not_replaced_by_their_modules():
    """``graph.build`` imports the module ``graph.extractors``; the README's next line calls the
    function ``graph.extract``. Importing a submodule must not replace the function of its name."""
    import importlib

    import graph

    for name in ("build", "extract", "query", "render", "load"):
        for module in ("graph.extractors", "graph.query", "graph.view", "graph.pipeline", "graph.corpus"):
            importlib.import_module(module)
        assert callable(getattr(graph, name)), f"graph.{name} is {getattr(graph, name)!r}"
