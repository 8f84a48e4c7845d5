"""Helpers for the real-browser tests: Debian's Chromium, a local server, a request log.

Nothing here downloads a browser: Playwright drives the system Chromium (``make test``
installs it where missing), and every request for a host other than 127.0.0.1 is recorded
and aborted before it leaves the machine.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socketserver import BaseRequestHandler
from typing import Any, Final
from urllib.parse import urlsplit

import pytest
from filelock import FileLock
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    Playwright,
    Request,
    Response,
    Route,
    sync_playwright,
)

from generator.build.pipeline import build_site
from generator.paths import Paths

ROOT: Final = Path(__file__).resolve().parents[1]
ARTIFACTS: Final = ROOT / "test-artifacts"
SCREENSHOTS: Final = ARTIFACTS / "screenshots"
HOST: Final = "127.0.0.1"
SCHEMES: Final = ("light", "dark")
VIEWPORT: Final = {"width": 1280, "height": 900}
TIMEOUT_MS: Final = 15_000

MISSING_CHROMIUM: Final = (
    "Chromium is not installed, and the browser tests need it (they do not download one). "
    "Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or run `make test` "
    "as root, which installs it."
)
LAUNCH_ARGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
LOCAL_SCHEMES: Final = frozenset({"data", "blob", "about"})  # never leave the page


def chromium_path() -> str:
    """The system Chromium; fails the calling test (never skips) when there is none."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None
    )
    if found is None:
        pytest.fail(MISSING_CHROMIUM, pytrace=False)
    return found


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=chromium_path(), args=list(LAUNCH_ARGS), headless=True
    )


def shared_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalog built once per test session, shared by the pytest-xdist workers.

    Under xdist every worker has its own base temp folder inside one per-session folder;
    the first worker to take the lock builds there and the others reuse its ``site/``.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    root = base / "browser-build"
    done = root / "built"
    with FileLock(str(base / "browser-build.lock")):
        if not done.is_file():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            build_site(Paths.default().moved(docs=root / "docs", site=root / "site"))
            done.touch()
    return root / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` over HTTP on 127.0.0.1 (a free port); yields the base URL."""
    with serve_with(functools.partial(_QuietHandler, directory=str(directory))) as url:
        yield url


@contextmanager
def serve_with(handler: Callable[..., BaseRequestHandler], path: str = "/") -> Iterator[str]:
    """A server of ``handler`` on 127.0.0.1 (a free port); yields the URL of ``path``."""
    server = ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == HOST


@dataclass
class Log:
    """What the pages of one browser context did since the last ``clear``."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # requested from another host: aborted
    failed: list[str] = field(default_factory=list)  # local responses with an error status

    def clear(self) -> None:
        for entries in (
            self.console_errors,
            self.page_errors,
            self.requests,
            self.foreign,
            self.failed,
        ):
            entries.clear()

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def on_page_error(self, error: Error) -> None:
        self.page_errors.append(f"{error.name}: {error.message}")

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        if not is_local(request.url):
            self.foreign.append(request.url)

    def on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def on_route(self, route: Route) -> None:
        """Everything for 127.0.0.1 goes through; anything else is stopped here."""
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")


@dataclass
class Tab:
    """One context (one colour scheme) and the page reused by every test in that scheme."""

    context: BrowserContext
    page: Page
    log: Log
    base_url: str

    @classmethod
    def open(cls, browser: Browser, base_url: str, scheme: str) -> Tab:
        context = browser.new_context(
            viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]},
            color_scheme="dark" if scheme == "dark" else "light",
            service_workers="block",
            reduced_motion="reduce",
        )
        context.set_default_timeout(TIMEOUT_MS)
        log = Log()
        context.route("**/*", log.on_route)
        context.on("request", log.on_request)
        context.on("response", log.on_response)
        page = context.new_page()
        page.on("console", log.on_console)
        page.on("pageerror", log.on_page_error)
        return cls(context, page, log, base_url)

    def visit(self, path: str) -> Page:
        """Loads ``path`` (relative to the site root) with a fresh log; fonts and images done."""
        self.log.clear()
        response = self.page.goto(self.base_url + path, wait_until="load")
        assert response is not None, f"{path}: no response"
        assert response.ok, f"{path}: HTTP {response.status}"
        # Lazy images below the fold would never load (and decode() never settle) in a
        # window nobody scrolls: load them now; and never wait longer than the timeout.
        self.page.evaluate(
            """async (timeout) => {
                for (const img of document.images) img.loading = "eager";
                const settled = Promise.all([document.fonts.ready, ...Array.from(
                    document.images,
                    (img) => img.complete ? null : img.decode().catch(() => null))]);
                await Promise.race([settled, new Promise((done) => setTimeout(done, timeout))]);
            }""",
            TIMEOUT_MS,
        )
        return self.page

    def close(self) -> None:
        self.context.close()


# --- fixtures: one build, one server, one browser, one context per colour scheme ---------
# tests/conftest.py registers this module as a plugin, so every browser test module asks
# for them by name; one that needs another site (test_browser_not_found) overrides them.


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium_path()  # fails at once, before the build, when Chromium is missing
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(tmp_path_factory)


@pytest.fixture(scope="module")
def tabs(browser: Browser, site: Path) -> Iterator[dict[str, Tab]]:
    with serve(site) as base_url:
        opened = {scheme: Tab.open(browser, base_url, scheme) for scheme in SCHEMES}
        yield opened
        for tab in opened.values():
            tab.close()
