"""Nothing lost (issue 8): ``newsgraph build`` killed with SIGKILL at random points leaves the
previous ``OUT/graph.ttl`` or ``--store`` as it was, complete and loadable, and a re-run completes.

Each test builds version 1 of a corpus of short articles, then starts builds of version 2 (the
same ids, other text) and kills them: the first just as it starts writing (the Turtle export's
temporary file appears; the store's build marker appears), the others after a random part
(seeded) of the time version 1 took. After every kill the output must be exactly version 1's,
or exactly version 2's where the kill came after the new output was in place; which one is
checked once a last, uninterrupted build of version 2 has shown what version 2's output is.
Output files are compared byte for byte, stores as sorted N-Quads dumps.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest

from graph.rdf.stores import BUILDING_FILE, ROLLBACK_SUFFIX, OxigraphStore

from .conftest import ROOT, newsgraph_command

pytestmark = pytest.mark.slow  # builds killed at random moments, each a fresh interpreter loading spaCy

SEED = 8
ARTICLES = 150
KILLS = 3  # one as the build starts writing, the others at random times

PEOPLE = [
    "Aigerim Tulegenova",
    "Nursultan Nazarbayev",
    "Maulen Ashimbayev",
    "Kassym-Jomart Tokayev",
    "Anna Smith",
    "John Carter",
    "Dana Bekova",
    "Marat Sadykov",
    "Erlan Karin",
    "Gulnar Ospanova",
]
BODIES = [
    "the Senate",
    "Nur Otan Party",
    "the Ministry of Finance",
    "the city council",
    "the National Bank",
    "the Mazhilis",
    "the Akimat of Almaty",
]
PLACES = ["Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Pavlodar"]
VERBS = ["met", "criticised", "thanked", "visited", "praised", "invited", "called"]


def write_corpus(folder: Path, seed: int) -> Path:
    """``ARTICLES`` short news articles, ``article-000.txt`` ...; another seed, other text."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for number in range(ARTICLES):
        sentences = [
            f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(PEOPLE + BODIES)} in {rng.choice(PLACES)}."
            for _ in range(3)
        ]
        sentences.append(
            f"{rng.choice(BODIES).capitalize()} said that {rng.choice(PEOPLE)} would visit "
            f"{rng.choice(PLACES)} next week."
        )
        (folder / f"article-{number:03d}.txt").write_text(" ".join(sentences), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("kill-corpus")
    return write_corpus(base / "v1", SEED), write_corpus(base / "v2", SEED + 1)


def _build(*args: str, cwd: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [*newsgraph_command(), "build", *args, "--quiet"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen) -> float:
    started = time.monotonic()
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr[-2000:]
    return time.monotonic() - started


def _kill_after(process: subprocess.Popen, delay: float) -> int:
    """SIGKILL the build after ``delay`` seconds (unless it finished first); its exit status."""
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
    process.stderr.close()
    return process.returncode


def _kill_when(process: subprocess.Popen, started_writing: Callable[[], bool]) -> int:
    """SIGKILL the build as soon as ``started_writing()``; its exit status."""
    while process.poll() is None and not started_writing():
        time.sleep(0.002)
    return _kill_after(process, 0)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_outcomes(outcomes: list[tuple[int, str]], old: str, new: str) -> None:
    """Every kill left the old or the new output, never anything else; at least one kill came
    while the build was running and before it had put its output in place."""
    assert old != new, "version 2 builds another graph than version 1"
    assert [digest for _, digest in outcomes if digest not in (old, new)] == [], "a kill left a damaged output"
    assert any(status == -signal.SIGKILL and digest == old for status, digest in outcomes), (
        f"no kill interrupted a build: {outcomes}"
    )


def test_killed_builds_leave_the_previous_graph_ttl(versions, tmp_path):
    v1, v2 = versions
    out = tmp_path / "out"
    took = _finish(_build(str(v1), "-o", str(out), cwd=tmp_path))
    old = _digest((out / "graph.ttl").read_bytes())
    rng = random.Random(SEED)
    outcomes = []
    for kill in range(KILLS):
        process = _build(str(v2), "-o", str(out), cwd=tmp_path)
        if kill == 0:
            exporting = f".graph.ttl.{process.pid}.*.tmp"  # the temporary file of its Turtle export
            status = _kill_when(process, lambda pattern=exporting: any(out.glob(pattern)))
            assert status == -signal.SIGKILL and any(out.glob(exporting)), "not killed while exporting"
        else:
            status = _kill_after(process, rng.uniform(0.05, 0.95) * took)
        data = (out / "graph.ttl").read_bytes()
        assert list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE)), "graph.ttl is empty"  # or raises
        outcomes.append((status, _digest(data)))
    _finish(_build(str(v2), "-o", str(out), cwd=tmp_path))
    _check_outcomes(outcomes, old, _digest((out / "graph.ttl").read_bytes()))
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "report.json"], (
        "the re-run left a killed build's staging store or temporary files behind"
    )


def _dump(folder: Path) -> str:
    """Open the store as any reader would (which puts back what an interrupted build changed)
    and digest its sorted N-Quads."""
    with OxigraphStore(folder) as store:
        lines = store.store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    assert not (folder / BUILDING_FILE).exists() and lines
    return _digest("\n".join(sorted(lines)).encode("utf-8"))


def test_killed_builds_leave_the_previous_store(versions, tmp_path):
    v1, v2 = versions
    folder, out = tmp_path / "corpus.oxigraph", tmp_path / "out"
    took = _finish(_build(str(v1), "--store", str(folder), "-o", str(out), cwd=tmp_path))
    old = _dump(folder)
    rng = random.Random(SEED + 1)
    outcomes = []
    for kill in range(KILLS):
        process = _build(str(v2), "--store", str(folder), "-o", str(out), cwd=tmp_path)
        if kill == 0:
            status = _kill_when(process, (folder / BUILDING_FILE).exists)
            assert status == -signal.SIGKILL and (folder / BUILDING_FILE).exists(), "not killed while building"
        else:
            status = _kill_after(process, rng.uniform(0.05, 0.95) * took)
        outcomes.append((status, _dump(folder)))
    _finish(_build(str(v2), "--store", str(folder), "-o", str(out), cwd=tmp_path))
    _check_outcomes(outcomes, old, _dump(folder))
    assert not list(tmp_path.glob(f".*{ROLLBACK_SUFFIX}")), "a checkpoint was left behind"
