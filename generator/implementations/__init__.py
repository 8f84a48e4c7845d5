"""Hand-written NumPy implementations, one module per activation id, found by file name.

Each module defines ``f`` (and ``df`` where it makes sense) importing nothing but NumPy; its
source is what the page shows. An activation without a module gets code printed by SymPy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

FOLDER: Final = Path(__file__).parent


def source(activation_id: str) -> str | None:
    """The module's source text, or ``None`` when the activation has none."""
    path = FOLDER / f"{activation_id}.py"
    return path.read_text(encoding="utf-8") if path.is_file() else None
