"""Skip a build whose inputs have not changed since the last one (a make-style no-op).

Deliberately light on imports: it runs before SymPy, matplotlib and MkDocs are loaded, so
an up-to-date ``make site`` returns in a fraction of a second.

The stamp records the inputs a ``site`` build started from and the ``docs/`` it left, so
anything else that rewrote ``docs/`` since (``serve`` regenerating it in place, ``docs``
from another catalog, a hand edit) makes the next ``site`` build again. Nothing here ever
opens a file that is not a regular one: a FIFO would block the read forever.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

from generator.catalog.files import catalog_files, opened_if_regular
from generator.errors import CatalogError
from generator.paths import Paths

# Everything a build reads besides the catalog: the generator, its templates and assets,
# the site configuration and the pinned versions of what renders it.
_INPUTS: Final = ("generator", "mkdocs.yml", "mkdocs.zh.yml", "package-lock.json", "requirements")
# The one environment variable mkdocs.yml reads: where the site is published (sitemap.xml,
# canonical links and the 404 page's links depend on it).
SITE_URL: Final = "SITE_URL"
# What a digest takes in place of the bytes of anything that is not a regular file.
_NOT_A_FILE: Final = b"\x00not a regular file"


def digest(paths: Paths) -> str:
    """Of every input file's name and bytes."""
    hasher = hashlib.sha256()
    hasher.update(f"{SITE_URL}={os.environ.get(SITE_URL, '')}\n".encode())
    for root in (*(paths.root / name for name in _INPUTS), paths.catalog):
        for part in _tree_parts(root, name=str):
            hasher.update(part)
    return hasher.hexdigest()


def docs_digest(docs: Path) -> str:
    """Of every file under ``docs/`` by its relative name: what the site was built from."""
    hasher = hashlib.sha256()
    for part in _tree_parts(docs, name=lambda file: file.relative_to(docs).as_posix()):
        hasher.update(part)
    return hasher.hexdigest()


def up_to_date(paths: Paths) -> bool:
    """The last build used exactly these inputs and outputs, its site is still there and
    its ``docs/`` is untouched. Never with a catalog file the loader would refuse by name
    (not a regular file, too large): the build must run to say so."""
    if not (paths.site / "index.html").is_file() or not (paths.docs / "index.md").is_file():
        return False
    try:
        catalog_files(paths.catalog)
    except CatalogError:
        return False
    try:
        stored = json.loads(_stamp(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stored == _record(paths, digest(paths)))


def remember(paths: Paths, inputs: str | None = None) -> None:
    """Record this build: ``inputs`` is the :func:`digest` taken when it started (before it
    read anything), so an edit made while it ran is still seen as a change by the next one.
    Call while holding the locks of ``docs/`` and ``site/``. Written whole (rename), one
    stamp per output pair, so builds into other folders (tests running side by side) never
    overwrite each other's record."""
    stamp = _stamp(paths)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    temporary = stamp.with_name(f".{stamp.name}.{os.getpid()}")
    record = _record(paths, digest(paths) if inputs is None else inputs)
    temporary.write_text(json.dumps(record), encoding="utf-8")
    os.replace(temporary, stamp)


def _record(paths: Paths, inputs: str) -> dict[str, str]:
    return {
        "inputs": inputs,
        "docs": str(paths.docs.resolve()),
        "site": str(paths.site.resolve()),
        "docs content": docs_digest(paths.docs),
    }


def _stamp(paths: Paths) -> Path:
    outputs = f"{paths.docs.resolve()}\n{paths.site.resolve()}".encode()
    return paths.stamps / f"{hashlib.sha256(outputs).hexdigest()[:32]}.json"


def _tree_parts(root: Path, name: Callable[[Path], str]) -> Iterator[bytes]:
    """Every file under ``root`` (or ``root`` itself), sorted, each as its name and bytes,
    both length-prefixed so no two different trees feed a hasher the same stream."""
    files = sorted(root.rglob("*")) if root.is_dir() else [root]
    for file in files:
        if "__pycache__" in file.parts or file.is_dir() or not _exists(file):
            continue
        content = _regular_bytes(file)
        for part in (name(file).encode(), _NOT_A_FILE if content is None else content):
            yield len(part).to_bytes(8, "big")
            yield part


def _exists(path: Path) -> bool:
    """There, even as a dangling symlink (which counts as a file that is not regular)."""
    return path.is_symlink() or path.exists()


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file; None for anything else, never read."""
    try:
        with opened_if_regular(path) as file:
            return None if file is None else file.read()
    except OSError:
        return None
