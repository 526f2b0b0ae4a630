"""Render benchmark: a synthetic news-like entity graph (20,000 nodes, 40,000 edges by default)
is laid out and written as the HTML network view, then opened in headless Chromium; with
``--corpora``, also real builds of 1, 10 and 1,000 articles (the bundled one, and generated news
from ``news_corpus.py`` built with ``newsgraph build``), one table row each.

Not a test (timings depend on the machine); run it by hand:

    python tests/benchmarks/render_benchmark.py                    # 20k nodes, 40k edges
    python tests/benchmarks/render_benchmark.py --corpora --out /tmp/bench   # the table of the README
    python tests/benchmarks/render_benchmark.py --nodes 5000 --edges 10000 --json
    python tests/benchmarks/render_benchmark.py --no-browser       # Python side only

What a reader sees in the first frame (labelled nodes on screen, overlapping labels, the
smallest label in CSS pixels) is measured as in ``tests/browser/test_readable.py``; the frame
rate while panning moves the camera every animation frame for 1.5 s, as a drag does.

It reports the time to build and write the page (layout included),
and in Chromium, with every network request blocked, the time until the page is interactive
(the target: 5 s): from navigation start until the first frame is drawn and a search typed
into the page has selected its node. It also reports how long one full redraw takes and the
median frame while the view is dragged (large views hide edges while dragging or zooming).

The graph imitates a corpus: each article links about ten entities (its own, plus a couple of
popular ones drawn from a Zipf distribution, so hubs emerge); one article in ten stands alone.
Node and edge attributes are those :func:`graph.view.network_from_rdf` produces.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from graph.outputs import write_text_atomic  # noqa: E402
from graph.view import render_html  # noqa: E402

_KINDS = (
    ["Person"] * 6
    + ["Organization"] * 3
    + ["Place"] * 2
    + ["PoliticalParty", "GovernmentBody", "Event", "Programme"]
    + ["Concept"] * 5
)
_FIRST = [
    "Aliya",
    "Berik",
    "Dana",
    "Erlan",
    "Gulnar",
    "Kanat",
    "Madina",
    "Nurlan",
    "Saule",
    "Timur",
    "Anna",
    "Peter",
    "Maria",
    "John",
    "Olga",
    "Ivan",
    "Sara",
    "Omar",
    "Lena",
    "Yusuf",
]
_LAST = [
    "Abenov",
    "Bekova",
    "Dosanov",
    "Ermekova",
    "Iskakov",
    "Kasymova",
    "Mukanov",
    "Nurova",
    "Omarov",
    "Sarsenova",
    "Smith",
    "Novak",
    "Garcia",
    "Khan",
    "Ivanova",
    "Brown",
]
_ORG = ["Institute", "Council", "Agency", "Fund", "Union", "Committee", "Bank", "Ministry", "Party", "Centre"]
_VERBS = [
    "meet",
    "commission",
    "criticise",
    "support",
    "visit",
    "appoint",
    "sign",
    "announce",
    "implement",
    "discuss",
    "nominate",
    "fund",
    "invite",
    "thank",
    "praise",
]


def _name(kind: str, i: int) -> str:
    if kind == "Person":
        return f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST)) % len(_LAST)]} {i}"
    if kind in ("Organization", "PoliticalParty", "GovernmentBody"):
        return f"{_LAST[i % len(_LAST)]} {_ORG[(i // len(_LAST)) % len(_ORG)]} {i}"
    if kind == "Place":
        return f"Place {i}"
    return f"{kind.lower()} {i}"


def synthetic_network(
    nodes: int = 20_000, edges: int = 40_000, *, seed: int = 7, per_article: int = 10, hubs: int = 2, alone: float = 0.1
) -> nx.MultiDiGraph:
    """A news-like entity network with ``nodes`` nodes and ``edges`` edges (exactly, when the
    numbers allow it), shaped like :func:`graph.view.network_from_rdf`'s output."""
    rng = np.random.default_rng(seed)
    popularity = 1.0 / (np.arange(nodes) + 5.0) ** 1.1
    popularity /= popularity.sum()
    pairs: dict[tuple[int, int], int] = {}
    fresh = 0
    article = 0
    while len(pairs) < edges:
        own = list(range(fresh, min(nodes, fresh + per_article - hubs)))
        fresh += len(own)
        if rng.random() > alone or len(own) < 2:
            own += [
                int(x)
                for x in rng.choice(nodes, size=hubs if len(own) >= 2 else per_article, p=popularity, replace=False)
            ]
        members = list(dict.fromkeys(own))
        if len(members) < 2:
            continue
        rng.shuffle(members)
        links = [(members[i], members[int(rng.integers(0, i))]) for i in range(1, len(members))]
        links += [tuple(int(x) for x in rng.choice(members, 2, replace=False)) for _ in range(len(members))]
        for a, b in links:
            if a != b and (a, b) not in pairs and len(pairs) < edges:
                pairs[(a, b)] = article
        article += 1
    network = nx.MultiDiGraph()
    kinds = [_KINDS[int(k)] for k in rng.integers(0, len(_KINDS), nodes)]
    for i in range(nodes):
        aliases = [f"{_name(kinds[i], i).split()[-2]} {i}"] if kinds[i] == "Person" and i % 3 == 0 else []
        network.add_node(
            f"https://w3id.org/newsgraph/entity/e{i}",
            label=_name(kinds[i], i),
            type=kinds[i],
            aliases=aliases,
            documents=[],
            facts=0,
        )
    ids = [f"https://w3id.org/newsgraph/entity/e{i}" for i in range(nodes)]
    articles = {}
    for number in range(article):
        day = 1 + number % 28
        articles[f"article-{number}"] = {
            "title": f"Report {number}",
            "url": f"https://news.example/{number}",
            "date": f"2024-{1 + number % 12:02d}-{day:02d}",
        }
    for k, ((a, b), number) in enumerate(sorted(pairs.items())):
        verb = _VERBS[k % len(_VERBS)]
        doc = f"article-{number}"
        date = articles[doc]["date"]
        confidence = round(0.5 + 0.5 * ((k * 7919) % 100) / 100, 2)
        text = (
            f"{network.nodes[ids[a]]['label']} will {verb} {network.nodes[ids[b]]['label']} "
            f"next week, the press service reported on {date}."
        )
        network.add_edge(
            ids[a],
            ids[b],
            key=f"rel:{verb}|False|",
            predicate=f"https://w3id.org/newsgraph/relation/{verb}",
            relation=verb,
            negated=False,
            modality="",
            evidence=[(text, doc, date, confidence)],
            confidence=confidence,
        )
        for node in (ids[a], ids[b]):
            data = network.nodes[node]
            data["facts"] += 1
            if doc not in data["documents"]:
                data["documents"].append(doc)
    network.graph["articles"] = articles
    return network


_READY = "window.newsgraphReady === true && window.newsgraphDrawn === true"


def measure_browser(
    page_path: Path, search_for: str, *, viewport: tuple[int, int] = (1280, 800), shot: Path | None = None
) -> dict[str, float]:
    """Open the page in headless Chromium with the network blocked; seconds and milliseconds."""
    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import block_network, find_chromium, launch
    from tests.browser.measure import LABELS_JS, PAN_FPS_JS

    executable = find_chromium()
    if executable is None:
        raise SystemExit("Chromium not found (install Debian's chromium or set NEWSGRAPH_CHROMIUM)")
    with sync_playwright() as playwright:
        browser = launch(playwright, executable)
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            blocked = block_network(page)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            started = time.perf_counter()
            page.goto(page_path.resolve().as_uri(), wait_until="load", timeout=120_000)
            page.wait_for_function(_READY, timeout=120_000)
            drawn = time.perf_counter()
            labels = page.evaluate(LABELS_JS)  # the first frame, as the reader gets it
            if shot:
                page.screenshot(path=str(shot))
            page.fill("#ng-search", search_for)
            page.wait_for_function(
                "(name) => network.getSelectedNodes().length === 1 && "
                "nodes.get(network.getSelectedNodes()[0]).fullLabel === name",
                arg=search_for,
                timeout=60_000,
            )
            searched = time.perf_counter()
            first_frame_ms = page.evaluate("window.newsgraphDrawnAt")
            loaded_ms = page.evaluate("window.newsgraphLoadedAt")
            page.fill("#ng-search", "")
            page.evaluate("() => { network.unselectAll(); network.fit({animation: false}); }")
            page.wait_for_timeout(200)
            pan = page.evaluate(PAN_FPS_JS)
            counts = page.evaluate("[nodes.length, edges.length]")
            redraw = page.evaluate("""() => { network.fit({animation: false});
                var t = performance.now(); network.redraw(); return performance.now() - t; }""")
            # frames drawn while the view is dragged (edges hidden on large views)
            page.evaluate("""() => { window.benchFrames = []; var start;
                network.on('beforeDrawing', () => { start = performance.now(); });
                network.on('afterDrawing', () => { window.benchFrames.push(performance.now() - start); }); }""")
            box = page.locator("#mynetwork").bounding_box()
            x, y = box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6
            page.mouse.move(x, y)
            page.mouse.down()
            page.mouse.move(x + 200, y + 120, steps=12)
            page.mouse.up()
            page.wait_for_timeout(300)
            frames = sorted(page.evaluate("window.benchFrames"))
            if errors or blocked:
                raise SystemExit(f"page errors {errors} or network requests {blocked}")
        finally:
            browser.close()
    return {
        "first_frame_ms": round(first_frame_ms, 1),
        "all_loaded_ms": round(loaded_ms, 1),
        "drawn_s": round(drawn - started, 3),
        "interactive_s": round(searched - started, 3),
        "search_s": round(searched - drawn, 3),
        "full_redraw_ms": round(redraw, 1),
        "drag_frame_ms": round(frames[len(frames) // 2], 1) if frames else None,
        "drag_frames": len(frames),
        "pan_fps": pan["fps"],
        "pan_draw_ms_p90": pan["draw_ms_p90"],
        "labelled": labels["labelled"],
        "overlaps": labels["overlaps"],
        "min_label_px": labels["min_label_px"],
        "outside": labels["outside"],
        "page_nodes": counts[0],
        "page_edges": counts[1],
    }


def build_corpus(articles: int, out: Path) -> Path:
    """graph.ttl of ``articles`` articles (1: the bundled one; else generated news), built once."""
    import subprocess

    from tests.benchmarks.news_corpus import write_corpus

    folder = out / f"corpus-{articles}"
    if (folder / "graph.ttl").is_file():
        return folder / "graph.ttl"
    folder.mkdir(parents=True, exist_ok=True)
    source = ROOT / "data" / "articles" if articles == 1 else write_corpus(folder / "news.jsonl", articles)
    subprocess.run(
        [sys.executable, "-m", "graph", "build", str(source), "-o", str(folder), "--processes", "2"],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return folder / "graph.ttl"


def measure_corpus(
    name: str, network: nx.MultiDiGraph, out: Path, *, browser: bool = True, shot: Path | None = None, repeat: int = 1
) -> dict[str, object]:
    """One row of the table; with ``repeat``, each number is the median of that many runs (a
    busy machine makes single timings noisy)."""
    runs = [_measure_corpus(name, network, out, browser=browser, shot=shot if k == 0 else None) for k in range(repeat)]
    row = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            values = sorted(r[key] for r in runs if isinstance(r.get(key), (int, float)))
            row[key] = values[len(values) // 2]
    return row


def _measure_corpus(
    name: str, network: nx.MultiDiGraph, out: Path, *, browser: bool = True, shot: Path | None = None
) -> dict[str, object]:
    page_path = out / f"{name}.html"
    started = time.perf_counter()
    page = render_html(network, title=f"newsgraph: {name}")
    built = time.perf_counter() - started
    write_text_atomic(page_path, page)
    report: dict[str, object] = {
        "view": name,
        "nodes": network.number_of_nodes(),
        "edges": network.number_of_edges(),
        "render_html_s": round(built, 3),
        "page_mb": round(len(page.encode("utf-8")) / 1e6, 2),
    }
    if browser:
        hub = max(network.degree, key=lambda item: (item[1], item[0]))[0]
        report.update(measure_browser(page_path, network.nodes[hub]["label"], shot=shot))
    return report


_COLUMNS = [
    "view",
    "nodes",
    "edges",
    "page_nodes",
    "labelled",
    "overlaps",
    "min_label_px",
    "first_frame_ms",
    "all_loaded_ms",
    "interactive_s",
    "pan_fps",
    "pan_draw_ms_p90",
    "drag_frame_ms",
    "page_mb",
    "render_html_s",
]


def corpora(
    out: Path, *, shots: Path | None = None, nodes: int = 20_000, edges: int = 40_000, repeat: int = 1
) -> list[dict[str, object]]:
    from rdflib import Dataset

    from graph.view import network_from_rdf

    rows = []
    for articles in (1, 10, 1000):
        graph = Dataset(default_union=True)
        graph.parse(build_corpus(articles, out), format="turtle")
        name = f"{articles}-article" + ("s" if articles > 1 else "")
        shot = shots / f"view-{name}.png" if shots else None
        rows.append(measure_corpus(name, network_from_rdf(graph), out, shot=shot, repeat=repeat))
    shot = shots / f"view-{nodes // 1000}k-nodes.png" if shots else None
    rows.append(measure_corpus(f"{nodes} nodes", synthetic_network(nodes, edges), out, shot=shot, repeat=repeat))
    print("| " + " | ".join(_COLUMNS) + " |")
    print("|" + "---|" * len(_COLUMNS))
    for row in rows:
        print("| " + " | ".join(str(row.get(c, "")) for c in _COLUMNS) + " |")
    return rows


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=20_000)
    parser.add_argument("--edges", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None, help="folder for the page (default: a temporary one)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurement")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--corpora",
        action="store_true",
        help="measure 1, 10 and 1,000 built articles and the synthetic graph, as a table",
    )
    parser.add_argument("--screenshots", type=Path, default=None, help="with --corpora: a PNG of each first frame here")
    parser.add_argument("--repeat", type=int, default=1, help="with --corpora: the median of this many runs per view")
    args = parser.parse_args(argv)
    if args.corpora:
        out = args.out or Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
        out.mkdir(parents=True, exist_ok=True)
        rows = corpora(out, shots=args.screenshots, nodes=args.nodes, edges=args.edges, repeat=args.repeat)
        if args.json:
            print(json.dumps(rows))
        return {"rows": rows}

    started = time.perf_counter()
    network = synthetic_network(args.nodes, args.edges, seed=args.seed)
    generated = time.perf_counter() - started

    out = args.out or Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    page_path = out / "benchmark.html"
    started = time.perf_counter()
    page = render_html(network, title=f"benchmark: {args.nodes} nodes, {args.edges} edges")
    built = time.perf_counter() - started
    write_text_atomic(page_path, page)
    written = time.perf_counter() - started

    report: dict[str, object] = {
        "nodes": network.number_of_nodes(),
        "edges": network.number_of_edges(),
        "generate_s": round(generated, 3),
        "render_html_s": round(built, 3),
        "written_s": round(written, 3),
        "page_mb": round(len(page.encode("utf-8")) / 1e6, 2),
        "page": str(page_path),
    }
    if not args.no_browser:
        hub = max(network.degree, key=lambda item: (item[1], item[0]))[0]
        report.update(measure_browser(page_path, network.nodes[hub]["label"]))
    if args.json:
        print(json.dumps(report))
    else:
        width = max(len(k) for k in report)
        for key, value in report.items():
            print(f"{key:<{width}}  {value}")
    return report


if __name__ == "__main__":
    main()
