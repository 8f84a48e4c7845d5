"""Skip a build whose inputs have not changed since the last one (a make-style no-op).

Deliberately light on imports: it runs before SymPy, matplotlib and MkDocs are loaded, so
an up-to-date ``make site`` returns in a fraction of a second.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Final

from generator.paths import Paths

# Everything a build reads besides the catalog: the generator, its templates and assets,
# the site configuration and the pinned versions of what renders it.
_INPUTS: Final = ("generator", "mkdocs.yml", "package-lock.json", "requirements")


def digest(paths: Paths) -> str:
    hasher = hashlib.sha256()
    for root in (*(paths.root / name for name in _INPUTS), paths.catalog):
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                hasher.update(str(file).encode())
                hasher.update(file.read_bytes())
    return hasher.hexdigest()


def _record(paths: Paths) -> dict[str, str]:
    return {
        "inputs": digest(paths),
        "docs": str(paths.docs.resolve()),
        "site": str(paths.site.resolve()),
    }


def up_to_date(paths: Paths) -> bool:
    """The last build used exactly these inputs and outputs, and its site is still there."""
    if not (paths.site / "index.html").is_file() or not (paths.docs / "index.md").is_file():
        return False
    try:
        stored = json.loads(_stamp(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stored == _record(paths))


def remember(paths: Paths) -> None:
    """Record this build; written whole (rename), one stamp per output pair, so builds into
    other folders (tests running side by side) never overwrite each other's record."""
    stamp = _stamp(paths)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    temporary = stamp.with_name(f".{stamp.name}.{os.getpid()}")
    temporary.write_text(json.dumps(_record(paths)), encoding="utf-8")
    os.replace(temporary, stamp)


def _stamp(paths: Paths) -> Path:
    outputs = f"{paths.docs.resolve()}\n{paths.site.resolve()}".encode()
    return paths.stamps / f"{hashlib.sha256(outputs).hexdigest()[:32]}.json"
