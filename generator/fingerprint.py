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

ROOT: Final = Path(__file__).resolve().parent.parent
STAMPS: Final = ROOT / ".cache" / "site-stamps"  # one per output folder pair
# Everything a build reads besides the catalog: the generator, its templates and assets,
# the site configuration and the pinned versions of what renders it.
_INPUTS: Final = ("generator", "mkdocs.yml", "package-lock.json", "requirements")


def digest(catalog: Path) -> str:
    hasher = hashlib.sha256()
    for root in (*(ROOT / name for name in _INPUTS), catalog):
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                hasher.update(str(file).encode())
                hasher.update(file.read_bytes())
    return hasher.hexdigest()


def _record(catalog: Path, docs: Path, site: Path) -> dict[str, str]:
    return {"inputs": digest(catalog), "docs": str(docs.resolve()), "site": str(site.resolve())}


def up_to_date(catalog: Path, docs: Path, site: Path) -> bool:
    """The last build used exactly these inputs and outputs, and its site is still there."""
    if not (site / "index.html").is_file() or not (docs / "index.md").is_file():
        return False
    try:
        stored = json.loads(_stamp(docs, site).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stored == _record(catalog, docs, site))


def remember(catalog: Path, docs: Path, site: Path) -> None:
    """Record this build; written whole (rename), one stamp per output pair, so builds into
    other folders (tests running side by side) never overwrite each other's record."""
    stamp = _stamp(docs, site)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    temporary = stamp.with_name(f".{stamp.name}.{os.getpid()}")
    temporary.write_text(json.dumps(_record(catalog, docs, site)), encoding="utf-8")
    os.replace(temporary, stamp)


def _stamp(docs: Path, site: Path) -> Path:
    outputs = f"{docs.resolve()}\n{site.resolve()}".encode()
    return STAMPS / f"{hashlib.sha256(outputs).hexdigest()[:32]}.json"
