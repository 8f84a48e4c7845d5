"""A content-addressed cache of SymPy analyses, shared by builds and tests.

The key hashes everything an analysis depends on: the catalog file's bytes, the source of
the code that loads and analyses it, and the SymPy version. A changed input therefore
misses the cache, and an entry that cannot be read back intact (truncated, corrupt,
written by another version) is treated as missing and recomputed, never served.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Final

import sympy as sp

from generator.model import Activation, Analysis

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
    digest.update(activation.source.read_bytes())
    return digest.hexdigest()


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
