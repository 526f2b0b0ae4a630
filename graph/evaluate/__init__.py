"""Scorers for newsgraph's output against benchmarks: CaRB (Open IE), and more to come.

Each scorer lives in its own module; this package re-exports their public names.
"""

from __future__ import annotations

from .carb import (
    CarbScore,
    CarbTuple,
    format_carb_lines,
    read_carb_gold,
    read_carb_predictions,
    read_openie5_output,
    score_carb,
)

__all__ = [
    "CarbScore",
    "CarbTuple",
    "format_carb_lines",
    "read_carb_gold",
    "read_carb_predictions",
    "read_openie5_output",
    "score_carb",
]
