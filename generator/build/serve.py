"""``make serve``: the site on localhost, regenerated when a catalog file is saved.

``mkdocs serve`` (a child process) watches ``docs/`` and reloads the browser. This process
watches what ``docs/`` is generated from (the catalog, the templates, the NumPy modules,
the accuracy report) and regenerates ``docs/`` in place when any of it changes. The caches
make that cheap: only the edited entry is derived and drawn again, and only the files whose
bytes changed are written, so mkdocs rebuilds and the browser reloads once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from generator.build.pipeline import build_docs
from generator.build.progress import Progress
from generator.errors import BuildError, CatalogError
from generator.paths import Paths

POLL_SECONDS: Final = 0.5


def serve(paths: Paths, address: str, progress: Progress) -> int:
    """Generate, start ``mkdocs serve``, then regenerate on every change until Ctrl-C."""
    _generate(paths, progress)
    with tempfile.TemporaryDirectory(prefix="activations-serve-") as scratch:
        # The site's configuration, with docs_dir pointing at the folder generated here.
        config = Path(scratch) / "mkdocs.yml"
        config.write_text(f"INHERIT: {paths.mkdocs_config}\ndocs_dir: {paths.docs.resolve()}\n")
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", address]
        server = subprocess.Popen([*command, "-f", str(config)], cwd=paths.root)
        return _watch(server, paths, progress, address)


def _watch(server: subprocess.Popen[bytes], paths: Paths, progress: Progress, address: str) -> int:
    print(
        f"serving on http://{address}/ ; watching {paths.catalog} (Ctrl-C stops)", file=sys.stderr
    )
    watched = (paths.catalog, paths.templates, paths.implementations, paths.static)
    try:
        seen = _snapshot(watched)
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(watched)
            if now != seen:
                changed = sorted(set(now.items()) ^ set(seen.items()))
                print(f"changed: {', '.join(sorted({p for p, _ in changed}))}", file=sys.stderr)
                seen = now
                _generate(paths, progress)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return 0


def _generate(paths: Paths, progress: Progress) -> None:
    """Regenerate ``docs/``; a catalog error is shown and the previous pages are kept."""
    try:
        build_docs(paths, progress=progress, in_place=True)
    except (CatalogError, BuildError) as error:
        progress.interrupt()
        print(f"error: {error} (still serving the previous pages)", file=sys.stderr)


def _snapshot(folders: tuple[Path, ...]) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file under the folders."""
    return {str(path): (stat.st_mtime_ns, stat.st_size) for path, stat in _files(folders)}


def _files(folders: tuple[Path, ...]) -> Iterator[tuple[Path, os.stat_result]]:
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path, path.stat()
