"""Catalog stage: one YAML file per activation, parsed and validated into records.

``load`` is the entry point. Formulas are parsed against a whitelist (``expressions``),
never executed; every field is checked against the declared schema (``fields``), and the
first problem stops the build with a message naming the file and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the records import SymPy, which the up-to-date check must not pay for
    from generator.records.catalog import Catalog

__all__ = ["load"]


def load(folder: Path | None = None) -> Catalog:
    """Every catalog file in ``folder``, validated. The loader (and SymPy with it) is
    imported on the first call, so ``generator.catalog.files`` stays light for the build's
    up-to-date check."""
    from generator.catalog.loader import load_catalog

    return load_catalog(folder)
