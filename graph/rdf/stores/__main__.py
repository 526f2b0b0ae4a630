"""A query worker's child process: ``python -m graph.rdf.stores STORE [PARENT_PID]``.

It opens the Oxigraph store read-only (the parent holds the store's lock) and answers the
parent's queries (see :class:`graph.rdf.stores.workers.QueryWorker`).
"""

from __future__ import annotations

import os
import sys

import pyoxigraph as ox

from .oxigraph import OxigraphStore
from .workers import answer_queries

_opened: list[OxigraphStore] = []  # the store stays open (and referenced) while the child runs


def _open(path: str) -> ox.Store:
    store = OxigraphStore(path, writable=False, lock=False)  # the parent holds the lock
    _opened.append(store)
    return store.store


if __name__ == "__main__":  # pragma: no cover
    sys.exit(answer_queries(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else os.getppid(), _open))
