"""What the next incremental build of an Oxigraph store needs, kept next to it: ``DIR/newsgraph-index.pickle``.

A build that adds one article to a big store must not read every article's entity evidence and support again.
So every build into an Oxigraph folder leaves, next to the store, its :class:`BuildState`: the merged
:class:`~graph.resolve.EntityIndex` (names, types, counts of every entity; not the list of articles naming it,
which grows with the store and lives in the store as ``nkg:mentionedIn``), the relation and role labels in use,
for every position slot the records its holdings are read from (:class:`graph.rdf.support.Ledger`'s
``slot_records``), the last article in build order, and the store's size after the build (its census). Its size
grows with the entities and positions, not with the articles.

The state is written after the store's update has committed (temporary file, then rename) and removed before an
update starts; a state whose census is not the store's is ignored. So a state is either the one of the store as it
is, or absent, and a build without one reads the store in full (:func:`graph.corpus.write_articles`) and leaves a
new one. It is read with an unpickler that builds nothing but the index's own classes, sets, counters and dicts.
"""

from __future__ import annotations

import contextlib
import io
import json
import pickle
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..outputs import atomic_output
from ..resolve import EntityIndex

__all__ = ["STATE_FILE", "BuildState", "drop_state", "read_state", "write_state"]

STATE_FILE = "newsgraph-index.pickle"
_VERSION = 1
#: what a state file may build: the index, its per-entity accumulators, and plain containers
_ALLOWED = {
    ("graph.resolve.entities", "EntityIndex"),
    ("graph.resolve.entities", "_Accumulator"),
    ("graph.rdf.index_store", "BuildState"),
    ("collections", "Counter"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
}


@dataclass
class BuildState:
    """The part of a store an incremental build reads: see the module's description."""

    index: EntityIndex
    relations: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    #: position slot (role, organisation) -> the N-Triples terms its holdings are read by: the objects of position
    #: facts (``ent:chief_executive_of_Acme``) and membership records (``ent:membership/…``)
    slots: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    tail: str | None = None  # the last article in build order
    quads: int = -1  # the store's census when the state was written


class _Pickler(pickle.Pickler):
    """Pickles an :class:`EntityIndex` without each entity's set of articles (it grows with the store; the store
    holds it as ``nkg:mentionedIn``)."""

    def reducer_override(self, obj: Any) -> Any:
        if type(obj).__name__ == "_Accumulator" and isinstance(getattr(obj, "documents", None), set):
            state = dict(vars(obj))
            state["documents"] = set()
            return (_newobj, (type(obj),), state)
        return NotImplemented


def _newobj(cls: type, *args: Any) -> Any:
    return cls.__new__(cls, *args)


_newobj.__name__ = "__newobj__"  # pickled as the NEWOBJ opcode: no function is looked up when it is read


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a build state")
        if module == "collections":
            return Counter
        return super().find_class(module, name)


def _census(folder: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        return int(json.loads((folder / "newsgraph-store.json").read_text(encoding="utf-8"))["quads"])
    return None


def read_state(folder: str | Path) -> BuildState | None:
    """The build state next to the store in ``folder``, or None when there is none, it cannot be read, or it is
    not the state of the store as it is (another census)."""
    path = Path(folder) / STATE_FILE
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        version, state = _Unpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - any unreadable state is no state: the build reads the store instead
        return None
    if version != _VERSION or not isinstance(state, BuildState) or not isinstance(state.index, EntityIndex):
        return None
    if state.quads != _census(Path(folder)):
        return None
    return state


def write_state(folder: str | Path, state: BuildState) -> None:
    """Write ``state`` next to the store (after its update committed): temporary file, then rename."""
    census = _census(Path(folder))
    if census is None:
        return  # a store without a census (not written by newsgraph): its next build reads it in full
    state.quads = census
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((_VERSION, state))
    with atomic_output(Path(folder) / STATE_FILE, "wb") as handle:
        handle.write(buffer.getvalue())


def drop_state(folder: str | Path) -> None:
    """Remove the state before the store changes: a build that fails half way leaves none rather than a wrong one."""
    (Path(folder) / STATE_FILE).unlink(missing_ok=True)
