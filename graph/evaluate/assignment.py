"""The one-to-one assignment with the largest total weight (Kuhn-Munkres), for CEAF-e."""

from __future__ import annotations

import math
from collections.abc import Sequence


def max_assignment(weights: Sequence[Sequence[float]]) -> tuple[float, list[tuple[int, int]]]:
    """The one-to-one assignment of rows to columns with the largest total weight.

    Kuhn-Munkres (the O(n²m) shortest-augmenting-path form) on a rectangular matrix of
    non-negative weights; returns the total and the (row, column) pairs used.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return 0.0, []
    transposed = rows > cols
    matrix = [list(col) for col in zip(*weights, strict=True)] if transposed else [list(r) for r in weights]
    n, m = len(matrix), len(matrix[0])
    top = max(max(row) for row in matrix)
    cost = [[top - w for w in row] for row in matrix]  # minimise cost = maximise weight
    inf = math.inf
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    match = [0] * (m + 1)  # match[j] = row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j] = current
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [(match[j] - 1, j - 1) for j in range(1, m + 1) if match[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    pairs.sort()
    total = math.fsum(weights[r][c] for r, c in pairs)
    return total, pairs
