"""The census of an Oxigraph store: how many quads it must hold (``DIR/newsgraph-store.json``), to notice a store
that lost data (a truncated or half-copied folder: RocksDB then opens an older state without complaint).

Every write records the store's size, and, when it is known, the sizes of the graphs it wrote. Opening a store
compares: a small store by counting every quad; a store of more than :data:`CENSUS_SCAN_LIMIT` quads, where
counting takes longer than adding an article (about a second per 2.5 million quads), by the sizes of the graphs
its last update wrote, when the census has them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import URIRef

from ...errors import StoreError
from ...outputs import atomic_output

__all__ = ["CENSUS_FILE", "CENSUS_SCAN_LIMIT", "check_census", "write_census"]

CENSUS_FILE = "newsgraph-store.json"
CENSUS_SCAN_LIMIT = 250_000
_RESTORE = "restore it from a backup or rebuild it"


def check_census(folder: Path, store: Any, graph_size: Callable[[URIRef], int]) -> None:
    """Raise :class:`StoreError` when the store in ``folder`` (a pyoxigraph store) does not hold what its census
    says was written."""
    try:
        census = json.loads((folder / CENSUS_FILE).read_text(encoding="utf-8"))
        expected = {int(census["quads"]), int(census.get("previous", census["quads"]))}
        graphs = {str(name): int(size) for name, size in census.get("graphs", {}).items()}
    except FileNotFoundError:
        return
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise StoreError(f"{folder}: the store is damaged ({CENSUS_FILE} cannot be read); {_RESTORE}") from None
    if graphs and min(expected) > CENSUS_SCAN_LIMIT:
        for name, size in graphs.items():
            if graph_size(URIRef(name)) != size:
                raise StoreError(
                    f"{folder}: the store is damaged: graph <{name}> holds another number of quads than was "
                    f"written (a truncated or half-copied folder?); {_RESTORE}"
                )
        return
    actual = len(store)
    if actual not in expected:
        raise StoreError(
            f"{folder}: the store is damaged: it holds {actual} quads where {max(expected)} were written "
            f"(a truncated or half-copied folder?); {_RESTORE}"
        )


def write_census(folder: Path, quads: int, previous: int | None = None, graphs: dict[str, int] | None = None) -> None:
    """Record the store's size (``previous``: the size before an update that has not committed yet, also fine)
    and the sizes of the graphs an update wrote."""
    record: dict[str, Any] = {"quads": quads, "previous": quads if previous is None else previous}
    if graphs:
        record["graphs"] = graphs
    with atomic_output(folder / CENSUS_FILE, "w") as handle:
        json.dump(record, handle)
        handle.write("\n")
