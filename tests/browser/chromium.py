"""Headless Chromium for the browser tests and the render benchmark (Playwright, no downloads).

Playwright drives the system's Chromium (Debian's ``chromium`` package) through
``executable_path``; ``playwright install`` is never needed. Every request that is not a
``file:`` or ``data:`` URL is aborted and recorded, so a page that works here works offline.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM_ARGS", "find_chromium", "launch", "block_network"]

#: root in a container needs --no-sandbox; the rest keep Chromium from calling home
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


def find_chromium() -> str | None:
    """``$NEWSGRAPH_CHROMIUM``, else chromium / chromium-browser on the PATH, else None."""
    configured = os.environ.get("NEWSGRAPH_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def launch(playwright: Any, executable: str) -> Any:
    """A headless Chromium browser."""
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def block_network(page: Any) -> list[str]:
    """Abort every request that is not file: or data:; the returned list collects their URLs."""
    blocked: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(("file:", "data:")):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    return blocked
