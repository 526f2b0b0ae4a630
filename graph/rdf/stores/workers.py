"""Query workers: child processes that answer SPARQL over an Oxigraph store, read-only.

pyoxigraph cannot cancel a running query, so a query with a time limit runs in a child process
(``python -m graph.rdf.stores STORE``) that is killed when the time is up; the next query starts
a fresh one. The SPARQL endpoint keeps a pool of them, which also bounds how many queries run at
once. Requests and answers are pickled frames over the child's stdin and stdout (the child is
ours, so its pickles are trusted).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from ...errors import QueryError, QueryTimeoutError, StoreError
from ..sparql import run_oxigraph_query, timeout_message
from .base import RawResult

__all__ = ["QueryWorker", "QueryRequest", "answer_queries"]

_HEADER = struct.Struct("!I")


@dataclass(frozen=True)
class QueryRequest:
    query: str
    max_rows: int | None = None
    union: bool = True
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            raise EOFError("the query worker stopped")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _receive(stream: IO[bytes]) -> Any:
    (size,) = _HEADER.unpack(_read_exactly(stream, _HEADER.size))
    return pickle.loads(_read_exactly(stream, size))


class QueryWorker:
    """One child process serving queries over the store in ``path``; not shared between threads."""

    def __init__(self, path: str | Path, *, start_timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.start_timeout = start_timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start the child (if it is not running) and wait until it has opened the store."""
        if self.running:
            return
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[3])
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        process = self._process = subprocess.Popen(
            [sys.executable, "-m", "graph.rdf.stores", str(self.path), str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        reply = self._wait(process, self.start_timeout)
        if reply is None:
            self.stop()
            raise StoreError(f"{self.path}: the query worker did not start within {self.start_timeout:g} s")
        if reply[0] != "ready":
            self.stop()
            raise StoreError(reply[-1])

    def _wait(self, process: subprocess.Popen[bytes], timeout: float) -> Any:
        """The child's next reply, None when ``timeout`` passed first."""
        assert process.stdout is not None
        try:
            ready, _, _ = select.select([process.stdout], [], [], max(timeout, 0))
            if not ready:
                return None
            return _receive(process.stdout)
        except (EOFError, OSError, ValueError, pickle.UnpicklingError, struct.error):
            self.stop()  # killed (by stop() from another thread) or crashed
            return ("error", "QueryError", f"{self.path}: the query worker stopped while answering")

    def run(
        self,
        query: str,
        *,
        timeout: float,
        max_rows: int | None = None,
        union: bool = True,
        default_graphs: tuple[str, ...] = (),
        named_graphs: tuple[str, ...] = (),
    ) -> RawResult:
        """Answer ``query`` within ``timeout`` seconds, or kill the child and raise QueryTimeoutError."""
        with self._lock:
            self.start()
            process = self._process
            assert process is not None and process.stdin is not None
            started = time.monotonic()
            try:
                _send(process.stdin, QueryRequest(query, max_rows, union, tuple(default_graphs), tuple(named_graphs)))
            except (OSError, ValueError):
                self.stop()
                raise QueryError(f"{self.path}: the query worker stopped") from None
            reply = self._wait(process, timeout - (time.monotonic() - started))
            if reply is None:
                self.stop()
                raise QueryTimeoutError(timeout_message(timeout))
            if reply[0] == "ok":
                return reply[1]
            error = StoreError if reply[1] == "StoreError" else QueryError
            raise error(reply[2])

    def stop(self) -> None:
        """Kill the child; a query it is running is abandoned. Safe from any thread."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()

    def close(self) -> None:
        self.stop()


def _watch_parent(parent: int) -> None:  # pragma: no cover - runs in the child process
    """End the child when its parent is gone (killed, crashed), even in the middle of a query."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def answer_queries(path: str, parent: int, open_store: Callable[[str], ox.Store]) -> int:  # pragma: no cover
    """The child's side (``python -m graph.rdf.stores STORE PARENT``): open the store with
    ``open_store``, say it is ready, then answer requests from stdin on stdout until stdin closes."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames on the real stdout
    source = sys.stdin.buffer
    try:
        store = open_store(path)
    except StoreError as exc:
        _send(out, ("error", "StoreError", str(exc)))
        return 1
    _send(out, ("ready",))
    while True:
        try:
            request: QueryRequest = _receive(source)
        except EOFError:
            return 0
        try:
            answer = run_oxigraph_query(
                store,
                request.query,
                max_rows=request.max_rows,
                union=request.union,
                where=path,
                default_graphs=list(request.default_graphs),
                named_graphs=list(request.named_graphs),
            )
            _send(out, ("ok", answer))
        except (QueryError, StoreError) as exc:
            _send(out, ("error", type(exc).__name__, str(exc)))
