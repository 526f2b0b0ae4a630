"""The view's commands (render, export to GraphML/GEXF), and the render benchmark script."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph.cli import app

from ..conftest import SAMPLE_ID
from .conftest import page_data

# ------------------------------------------------------------------------------ commands


@pytest.fixture(scope="module")
def sample_ttl(tmp_path_factory, sample_dataset):
    from graph.rdf.io import write_graph

    return write_graph(sample_dataset, tmp_path_factory.mktemp("render") / "graph.ttl")


def test_render_command_says_what_the_view_left_out(sample_ttl, tmp_path):
    out = tmp_path / "top.html"
    result = CliRunner().invoke(app, ["render", str(sample_ttl), "-o", str(out), "--max-nodes", "3"])
    assert result.exit_code == 0, result.output
    assert "newsgraph: showing the 3 most connected of" in result.stderr and "left out" in result.stderr
    assert "showing the 3 most connected of" in out.read_text(encoding="utf-8")
    assert len(page_data(out.read_text(encoding="utf-8"), "nodes")) == 3


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--since", "yesterday"], "--since 'yesterday' is not a date"),
        (["--focus", "Nobody Atall"], "No entity named 'Nobody Atall'"),
        (["--class", "Planet"], "Unknown class 'Planet'. Available:"),
        (["--article", "elsewhere"], f"No article 'elsewhere' in the graph. Articles: {SAMPLE_ID}"),
    ],
)
def test_render_command_errors_are_one_line(sample_ttl, tmp_path, arguments, message):
    result = CliRunner().invoke(app, ["render", str(sample_ttl), "-o", str(tmp_path / "x.html"), *arguments])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"newsgraph: error: {result.stderr.split('error: ', 1)[1].strip()}"]
    assert message in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_export_command_writes_gephi_formats(sample_ttl, tmp_path):
    for name, fmt in (("g.graphml", None), ("g.xml", "gexf")):
        arguments = ["export", str(sample_ttl), "-o", str(tmp_path / name)] + (["--format", fmt] if fmt else [])
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 0, result.output
    assert (
        nx.read_graphml(tmp_path / "g.graphml").number_of_nodes()
        == nx.read_gexf(tmp_path / "g.xml").number_of_nodes()
        > 0
    )


# ------------------------------------------------------------------------------ the benchmark script stays runnable


def test_render_benchmark_runs_on_a_small_graph(tmp_path, capsys):
    from tests.benchmarks.render_benchmark import main, synthetic_network

    network = synthetic_network(400, 800, seed=3)
    assert (network.number_of_nodes(), network.number_of_edges()) == (400, 800)
    assert all(
        d["evidence"] and d["evidence"][0][1] in network.graph["articles"] for _, _, d in network.edges(data=True)
    )
    report = main(["--nodes", "400", "--edges", "800", "--no-browser", "--json", "--out", str(tmp_path)])
    assert json.loads(capsys.readouterr().out) == report
    assert (report["nodes"], report["edges"]) == (400, 800) and (tmp_path / "benchmark.html").is_file()


def test_render_command_lists_candidates_for_a_focus_that_matches_nothing(sample_ttl, tmp_path):
    result = CliRunner().invoke(
        app, ["render", str(sample_ttl), "-o", str(tmp_path / "x.html"), "--focus", "Nazarbaev"]
    )
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        (
            "newsgraph: error: No entity named 'Nazarbaev' in the graph (matched against labels and aliases). "
            "Closest names: Nursultan Nazarbayev"
        )
    ]
