"""The one cache: values stored by kind, by the code that computed them and by their inputs.

A key hashes the kind, the digest of the code that produces that kind (the stage's own
modules and the versions of the libraries it calls) and the content the caller names, so
an edit to the drawing code redraws figures without re-deriving anything, and an edit to
the tree-swap code invalidates nothing. A stored value that cannot be read back intact
(truncated, corrupt, unpicklable, written by another version) is recomputed, never served.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Final, TypeVar, cast

from generator.paths import PACKAGE, Paths

T = TypeVar("T")
_MAGIC: Final = b"activation-analysis-v1\n"  # blob format: magic, sha256, body
# kind -> (sources under generator/ whose code decides the value, libraries whose version does)
CODE: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "analysis": (("records", "catalog", "analysis"), ("sympy", "python-flint")),
    "formulas": (
        (
            "records",
            "catalog",
            "analysis",
            "present/latex.py",
            "present/formulas.py",
            "present/proofs.py",
            "present/printers",
        ),
        ("sympy",),
    ),
    "curves": (("records", "present/jscode.py", "present/printers"), ("sympy",)),
    "figures": (
        ("records", "analysis", "present/figures", "present/kinds.py", "present/text.py"),
        ("sympy", "numpy", "matplotlib"),
    ),
    "entries": (
        (
            "records",
            "catalog",
            "analysis",
            "numerics",
            "implementations",
            "present",
            "present/words_zh.yaml",
        ),
        ("sympy", "numpy", "matplotlib"),
    ),
    "katex": (("publish/katex.py", "publish/katex_render.cjs"), ()),
    "reference": (("numerics/reference.py",), ("mpmath", "sympy", "numpy")),
}


class Cache:
    """Content-addressed values under one folder (``.cache/`` unless moved)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def cached(self, kind: str, parts: Sequence[str | bytes], compute: Callable[[], T]) -> T:
        path = self._path(kind, parts)
        found = _unpickled(path)
        if found is not _ABSENT:
            return cast(T, found)  # stored by this kind's compute()
        value = compute()
        _pickle(path, value)
        return value

    def lookup(self, kind: str, parts: Sequence[str | bytes]) -> object | None:
        found = _unpickled(self._path(kind, parts))
        return None if found is _ABSENT else found

    def store(self, kind: str, parts: Sequence[str | bytes], value: object) -> None:
        _pickle(self._path(kind, parts), value)

    def _path(self, kind: str, parts: Sequence[str | bytes]) -> Path:
        digest = hashlib.sha256(kind.encode() + b"\0" + code_digest(kind).encode())
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little") + data)
        return self.folder / kind / f"{digest.hexdigest()}.pickle"


_ABSENT: Final = object()  # what _unpickled returns for a missing or damaged entry


def _unpickled(path: Path) -> object:
    """The value stored at ``path``, or ``_ABSENT`` when it is missing or cannot be read
    back intact (truncated, corrupt, unpicklable, written by another version)."""
    body = read_blob(path)
    if body is None:
        return _ABSENT
    try:
        found: object = pickle.loads(body)
    except Exception:  # a damaged or foreign entry is recomputed, whatever the cause
        return _ABSENT
    return found


def _pickle(path: Path, value: object) -> None:
    write_blob(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


@cache
def code_digest(kind: str) -> str:
    """The sources and library versions that decide values of ``kind``, hashed once."""
    sources, libraries = CODE[kind]
    digest = hashlib.sha256()
    for library in libraries:
        digest.update(f"{library} {importlib.metadata.version(library)}\n".encode())
    for name in sources:
        path = PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(PACKAGE)).encode())
            digest.update(file.read_bytes())
    if kind == "katex":  # an npm package: its version is in its package.json
        katex = Paths.default().katex / "package.json"
        digest.update(katex.read_bytes() if katex.is_file() else b"missing")
    return digest.hexdigest()


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
