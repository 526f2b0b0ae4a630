"""The memory store: an rdflib ``Dataset`` (the default for a few articles)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from rdflib import Dataset, URIRef

from ..io import write_graph
from ..namespaces import bind_prefixes
from ..sparql import run_rdflib_query
from .base import GraphStore, Quad, RawResult, check_graph

__all__ = ["MemoryStore"]


class MemoryStore(GraphStore):
    """An rdflib ``Dataset`` in memory: the default for a few articles."""

    def __init__(self, dataset: Dataset | None = None) -> None:
        self.dataset = dataset if dataset is not None else Dataset(default_union=True)
        bind_prefixes(self.dataset)
        self.location = "memory"

    def __len__(self) -> int:
        return sum(1 for _ in self.dataset.quads((None, None, None, None)))

    def execute(
        self, query: str, *, timeout: float | None = None, max_rows: int | None = None, union: bool = True
    ) -> RawResult:
        return run_rdflib_query(self.dataset, query, timeout=timeout, max_rows=max_rows)

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Quad]]) -> None:
        staged = {name: [q for q in quads if check_graph(q[3], name)] for name, quads in graphs.items()}
        for name, quads in staged.items():  # nothing below raises: the change is all or nothing
            self.dataset.remove_graph(self.dataset.graph(name))
            self.dataset.addN((s, p, o, self.dataset.graph(name)) for s, p, o, _ in quads)

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        return write_graph(self.dataset, path, fmt)

    def to_dataset(self) -> Dataset:
        return self.dataset
