"""Where the shared benchmarks are: ``$NEWSGRAPH_BENCHMARKS``, else ``shared/benchmarks`` in the
first folder above the repository that has one (``../shared/benchmarks`` for the main checkout,
``../../shared/benchmarks`` for a worktree under ``wt/``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def benchmarks_dir() -> Path | None:
    if os.environ.get("NEWSGRAPH_BENCHMARKS"):
        return Path(os.environ["NEWSGRAPH_BENCHMARKS"])
    for folder in ROOT.parents:
        candidate = folder / "shared" / "benchmarks"
        if candidate.is_dir():
            return candidate
    return None


BENCHMARKS = benchmarks_dir()


def benchmark(name: str) -> Path:
    """The folder of one benchmark, or skip the test saying where it was looked for."""
    if BENCHMARKS is None or not (BENCHMARKS / name).is_dir():
        pytest.skip(
            f"benchmark {name!r} not found (looked in shared/benchmarks above {ROOT}; set NEWSGRAPH_BENCHMARKS)"
        )
    return BENCHMARKS / name
