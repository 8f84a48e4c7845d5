"""``make serve``: the site on localhost, regenerated when a catalog file is saved.

A child process (``generator.build.mkdocs_serve``: MkDocs's live-reload server, serving both
editions as ``make site`` builds them) watches ``docs/`` and reloads the browser. This
process watches what ``docs/`` is generated from (the catalog, the templates, the NumPy
modules, the accuracy report) and regenerates ``docs/`` in place when any of it changes. The
caches make that cheap: only the edited entry is derived and drawn again, and only the files
whose bytes changed are written, so the child rebuilds and the browser reloads once.

Stopping: SIGINT (Ctrl-C) and SIGTERM both stop the child (SIGINT, so that it removes its
own temporary site; killed if it has not exited after :data:`STOP_SECONDS`) and exit with
the shell's convention for a signal, 128 + its number: 130 for SIGINT, 143 for SIGTERM. A
server that exits by itself (its port taken, say) ends the command with status 1.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Final

from generator.build.pipeline import build_docs
from generator.build.progress import Progress
from generator.errors import BuildError, CatalogError, describe
from generator.paths import Paths

POLL_SECONDS: Final = 0.5
# How long the server has to shut down once asked before it is killed.
STOP_SECONDS: Final = 5.0
STOP_SIGNALS: Final = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """A stop signal arrived. A BaseException, like KeyboardInterrupt, so that no ``except
    Exception`` on the way (a stage turning one entry's failure into an error) swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _StopSignals:
    """SIGINT and SIGTERM raise :class:`Stopped` once, at once, except inside
    :meth:`deferred`, where it waits for the end of the block: starting the child or a
    folder and remembering it, or cleaning up, must not be cut in half. Later signals are
    ignored, so that they do not interrupt the cleanup the first one started."""

    def __init__(self) -> None:
        self.received: int | None = None
        self._raised = False
        self._deferring = False

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self.received is not None:
            return
        self.received = signum
        if not self._deferring:
            self._raised = True
            raise Stopped(signum)

    @contextmanager
    def installed(self) -> Iterator[None]:
        previous = {number: signal.signal(number, self.handle) for number in STOP_SIGNALS}
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False
        if self.received is not None and not self._raised:
            self._raised = True
            raise Stopped(self.received)


def serve(paths: Paths, address: str, progress: Progress) -> int:
    """Generate, start the server, then regenerate on every change until stopped."""
    stops = _StopSignals()
    with stops.installed():
        try:
            return _serve(paths, address, progress, stops)
        except Stopped as stopped:
            progress.interrupt()
            print(f"stopped by {stopped}", file=sys.stderr)
            return 128 + stopped.signum


def _serve(paths: Paths, address: str, progress: Progress, stops: _StopSignals) -> int:
    _generate(paths, progress)
    server: subprocess.Popen[bytes] | None = None
    command = [sys.executable, "-m", "generator.build.mkdocs_serve"]
    try:
        with stops.deferred():  # its own process group: Ctrl-C reaches it once, from _stop
            server = subprocess.Popen(
                [*command, "--docs", str(paths.docs.resolve()), "--address", address],
                cwd=paths.root,
                process_group=0,
            )
        return _watch(server, paths, progress, address)
    finally:
        with stops.deferred():
            if server is not None:
                _stop(server)


def _watch(server: subprocess.Popen[bytes], paths: Paths, progress: Progress, address: str) -> int:
    """Regenerate on every change until stopped; 1 when the server exits by itself."""
    print(
        f"serving on http://{address}/ ; watching {paths.catalog} (Ctrl-C stops)", file=sys.stderr
    )
    watched = (paths.catalog, paths.templates, paths.implementations, paths.static)
    seen = _snapshot(watched)
    while server.poll() is None:
        time.sleep(POLL_SECONDS)
        now = _snapshot(watched)
        if now != seen:
            changed = sorted(set(now.items()) ^ set(seen.items()))
            print(f"changed: {', '.join(sorted({p for p, _ in changed}))}", file=sys.stderr)
            seen = now
            _generate(paths, progress)
    print(f"error: the mkdocs server exited with status {server.returncode}", file=sys.stderr)
    return 1


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Ask the server to stop as Ctrl-C would (it then removes its temporary site),
    and kill it if it has not within :data:`STOP_SECONDS`; always reaped."""
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _generate(paths: Paths, progress: Progress) -> None:
    """Regenerate ``docs/``; any error is shown and the previous pages are kept, so one bad
    save never stops the server."""
    try:
        build_docs(paths, progress=progress, in_place=True)
    except (CatalogError, BuildError) as error:
        progress.interrupt()
        print(f"error: {error} (still serving the previous pages)", file=sys.stderr)
    except Exception as error:  # a bug, not the catalog's fault: still keep serving
        progress.interrupt()
        print(
            f"error: the build failed unexpectedly: {describe(error)} (still serving the"
            " previous pages)",
            file=sys.stderr,
        )


def _snapshot(folders: tuple[Path, ...]) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file under the folders."""
    return {str(path): (stat.st_mtime_ns, stat.st_size) for path, stat in _files(folders)}


def _files(folders: tuple[Path, ...]) -> Iterator[tuple[Path, os.stat_result]]:
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path, path.stat()
