"""Skip a build whose inputs have not changed since the last one (a make-style no-op).

Deliberately light on imports: it runs before SymPy, matplotlib and MkDocs are loaded, so
an up-to-date ``make site`` returns in a fraction of a second.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
STAMP: Final = ROOT / ".cache" / "site-stamp.json"
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
        stored = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stored == _record(catalog, docs, site))


def remember(catalog: Path, docs: Path, site: Path) -> None:
    STAMP.parent.mkdir(parents=True, exist_ok=True)
    STAMP.write_text(json.dumps(_record(catalog, docs, site)), encoding="utf-8")
