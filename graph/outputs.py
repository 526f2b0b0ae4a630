"""Writing output files atomically: a temporary file in the same folder, then a rename.

An interrupted build never leaves a half-written ``graph.ttl`` or ``graph.html``: the old file
stays until the new one is complete. The temporary file's name carries the writer's process id
(``.graph.ttl.PID.XXXXXXXX.tmp``), so the one a killed process left behind can be told from one
being written and removed (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_output", "write_text_atomic", "remove_stale_temporaries", "process_alive"]


@contextlib.contextmanager
def atomic_output(path: str | Path, mode: str = "wb") -> Iterator[IO]:
    """Open a temporary file next to ``path``; on success it replaces ``path`` (fsync'd)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        handle: IO
        if "b" in mode:
            handle = os.fdopen(fd, mode)
        else:
            handle = os.fdopen(fd, mode, encoding="utf-8", newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 minus the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_output(path, "w") as handle:
        handle.write(text)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (one of another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: str | Path) -> list[Path]:
    """Remove the temporary files that writers killed half way (SIGKILL, power loss) left in
    ``folder``; those of running processes stay. Returns the files removed."""
    removed = []
    for item in Path(folder).glob(".*.tmp"):
        parts = item.name[: -len(".tmp")].rsplit(".", 2)
        if len(parts) == 3 and parts[1].isdigit() and not process_alive(int(parts[1])):
            with contextlib.suppress(FileNotFoundError):
                item.unlink()
                removed.append(item)
    return removed
