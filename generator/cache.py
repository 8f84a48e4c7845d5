"""A content-addressed cache of SymPy analyses, shared by builds and tests.

The key hashes everything an analysis (and the figures, formulas and scripts drawn from
it) depends on: the entry's mathematical content as parsed (formula, parameters, kinks,
identity, the names and symbols typeset), the source of the code that loads and analyses
it, and the SymPy version. Prose (summary, pros, references, notes) is left out: editing
it changes only the page text, so nothing is derived or drawn again. A changed input
misses the cache, and an entry that cannot be read back intact (truncated, corrupt,
written by another version) is treated as missing and recomputed, never served.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Final, TypeVar

import sympy as sp

from generator.model import Activation, Analysis

T = TypeVar("T")
PACKAGE: Final = Path(__file__).resolve().parent
FOLDER: Final = PACKAGE.parent / ".cache" / "analysis"
# The code whose output is cached: editing any of it invalidates every entry.
_INPUTS: Final = ("analysis", "catalog", "model.py", "cache.py")
_MAGIC: Final = b"activation-analysis-v1\n"


@cache
def _code_digest() -> str:
    digest = hashlib.sha256(sp.__version__.encode())
    for name in _INPUTS:
        path = PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(PACKAGE)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def key(activation: Activation) -> str:
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(_content(activation).encode())
    return digest.hexdigest()


def _content(activation: Activation) -> str:
    """The fields derivation, figures, formulas and curves read, as exact text (srepr)."""
    a = activation
    lines = [
        a.id,
        a.name,
        a.kind.value,
        a.family.slug,
        a.symbol_latex,
        sp.srepr(a.variable),
        sp.srepr(a.expression),
        sp.srepr(a.derivative_identity),
        *(f"parameter {p.name} {sp.srepr(p.default)} {p.latex}" for p in a.parameters),
        *(f"kink {sp.srepr(k.at)} {sp.srepr(k.pytorch)} {sp.srepr(k.jax)}" for k in a.kinks),
    ]
    return "\n".join(lines)


def remember(kind: str, digest: str, compute: Callable[[], T]) -> T:
    """``compute()``, stored under ``.cache/<kind>/`` by ``digest`` and reused from there."""
    path = FOLDER.parent / kind / f"{digest}.pickle"
    stored = read_blob(path)
    if stored is not None:
        found: T = pickle.loads(stored)
        return found
    value = compute()
    write_blob(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def load(activation: Activation, folder: Path = FOLDER) -> Analysis | None:
    """The cached analysis, or None when absent or unreadable."""
    body = read_blob(folder / f"{key(activation)}.pickle")
    if body is None:
        return None
    try:
        result: Analysis = pickle.loads(body)
    except Exception:
        return None
    return result


def store(activation: Activation, analysis: Analysis, folder: Path = FOLDER) -> None:
    body = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
    write_blob(folder / f"{key(activation)}.pickle", body)


def read_blob(path: Path) -> bytes | None:
    """The body of a blob written by :func:`write_blob`, or None if absent or damaged."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    body = blob[len(_MAGIC) + 32 :]
    if not blob.startswith(_MAGIC) or hashlib.sha256(body).digest() != blob[len(_MAGIC) :][:32]:
        return None
    return body


def write_blob(path: Path, body: bytes) -> None:
    """Write atomically (temporary file, then rename), with a checksum over the body."""
    path.parent.mkdir(parents=True, exist_ok=True)
    blob = _MAGIC + hashlib.sha256(body).digest() + body
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(blob)
    os.replace(temporary, path)
