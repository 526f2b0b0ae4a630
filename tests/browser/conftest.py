"""One headless Chromium for all browser tests; each test gets fresh pages with the network blocked.

Without Chromium or Playwright the tests skip with the reason; with NEWSGRAPH_REQUIRE_BROWSER=1
(set by .ci/run) they fail instead, so CI cannot pass without running them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from graph.outputs import write_text_atomic
from graph.view import network_from_rdf, render_html

from .chromium import block_network, find_chromium, launch

REQUIRED = os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1"
#: the page has set itself up and the browser has painted the first frame
READY = "() => window.newsgraphReady === true && window.newsgraphDrawn === true"
STABLE = "() => window.newsgraphStable === true"


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason}; NEWSGRAPH_REQUIRE_BROWSER=1 says the browser tests must run", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
    executable = find_chromium()
    if executable is None:
        _unavailable("Chromium not found (apt-get install chromium, or set NEWSGRAPH_CHROMIUM to its path)")
    with sync_playwright() as playwright:
        try:
            instance = launch(playwright, executable)
        except Exception as exc:  # noqa: BLE001 - any failure to start means no browser
            _unavailable(f"Chromium at {executable} did not start: {exc}")
        yield instance
        instance.close()


@dataclass
class Loaded:
    """A page opened from a file, with what it tried to fetch and what went wrong in it."""

    page: Any
    blocked: list[str]
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture()
def open_page(browser: Any) -> Iterator[Callable[..., Loaded]]:
    """``open_page(path)``: load a page from file:// with every other request blocked, wait
    until it is drawn; the page is closed after the test."""
    contexts = []

    def load(path: Path, *, stable: bool = True, width: int = 1280, height: int = 800) -> Loaded:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        loaded = Loaded(page=page, blocked=block_network(page))
        page.on("pageerror", lambda exc: loaded.errors.append(str(exc)))
        page.on("console", lambda message: loaded.console.append(f"{message.type}: {message.text}"))

        def dialog(d: Any) -> None:
            loaded.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function(READY, timeout=30_000)
        if stable:
            page.wait_for_function(STABLE, timeout=30_000)
        return loaded

    yield load
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def sample_network(sample_dataset):
    return network_from_rdf(sample_dataset)


@pytest.fixture(scope="session")
def sample_page(tmp_path_factory, sample_network) -> Path:
    """The page of the bundled article, rendered as ``newsgraph build`` does."""
    path = tmp_path_factory.mktemp("pages") / "sample.html"
    write_text_atomic(path, render_html(sample_network, title="newsgraph: sample"))
    return path


# --- helpers shared by the tests


def edge_point(loaded: Loaded, edge_id: str) -> dict[str, float]:
    """A point in page coordinates on the edge, where the network finds that edge and no node."""
    point = loaded.js(
        """(id) => {
        var e = edges.get(id), p = network.getPositions([e.from, e.to]);
        for (var t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
            var c = {x: p[e.from].x + t * (p[e.to].x - p[e.from].x), y: p[e.from].y + t * (p[e.to].y - p[e.from].y)};
            var d = network.canvasToDOM(c);
            if (network.getEdgeAt(d) === id && network.getNodeAt(d) === undefined) return d;
        }
        return null;
    }""",
        edge_id,
    )
    assert point is not None, f"no free point on edge {edge_id}"
    box = loaded.page.locator("#mynetwork").bounding_box()
    return {"x": box["x"] + point["x"], "y": box["y"] + point["y"]}


def node_point(loaded: Loaded, node_id: str, *, free: bool = True) -> dict[str, float]:
    """A point in page coordinates where the network finds that node (nodes and labels may
    overlap); with ``free=False`` simply the node's centre."""
    point = loaded.js(
        """([id, free]) => {
        var c = network.getPositions([id])[id], r = network.getBoundingBox(id);
        if (!free) return network.canvasToDOM(c);
        var reach = Math.min(r.right - c.x, c.y - r.top) * 0.8;
        for (var k = 0; k < 25; k++) {
            var angle = k * 2.4, distance = reach * Math.sqrt(k / 25);
            var d = network.canvasToDOM({x: c.x + distance * Math.cos(angle), y: c.y + distance * Math.sin(angle)});
            if (network.getNodeAt(d) === id) return d;
        }
        return null;
    }""",
        [node_id, free],
    )
    assert point is not None, f"node {node_id} is hidden under others"
    box = loaded.page.locator("#mynetwork").bounding_box()
    return {"x": box["x"] + point["x"], "y": box["y"] + point["y"]}


def physics_off(loaded: Loaded) -> None:
    """Untick the page's physics box (the layout stops moving) unless it is unticked already."""
    if loaded.page.is_checked("#ng-physics"):
        loaded.page.click("#ng-physics")
    loaded.page.wait_for_function("""() => { var a = JSON.stringify(network.getPositions());
        return new Promise(r => setTimeout(() => r(a === JSON.stringify(network.getPositions())), 150)); }""")
