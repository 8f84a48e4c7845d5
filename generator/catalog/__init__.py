"""Catalog stage: one YAML file per activation, parsed and validated into records.

``load`` is the entry point. Formulas are parsed against a whitelist (``expressions``),
never executed; every field is checked against the declared schema (``fields``), and the
first problem stops the build with a message naming the file and the field.
"""

from generator.catalog.loader import load_catalog as load

__all__ = ["load"]
