"""Builds are reproducible, atomic and survive being killed; the cache never serves stale data."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import cache
from generator.build.cache import Cache, read_blob, write_blob
from generator.catalog.loader import load_entry
from generator.paths import CACHE_VARIABLE
from tests.conftest import PATHS

ROOT = PATHS.root
ENTRIES = PATHS.catalog


def _build(
    catalog: Path, out: Path, *, force: bool = True, cache_folder: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m generator site``; with ``cache_folder``, a cache of its own."""
    command = [sys.executable, "-m", "generator", "site", "--catalog", str(catalog)]
    command += ["--force"] if force else []
    command += ["--docs", str(out / "docs"), "--site", str(out / "site")]
    environment = dict(os.environ)
    if cache_folder is not None:
        environment[CACHE_VARIABLE] = str(cache_folder)
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, env=environment
    )


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def small_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few real entries: enough to exercise every stage, quick to build."""
    folder = tmp_path_factory.mktemp("catalog")
    for name in ("relu", "sigmoid", "softmax", "softmin", "glu", "hardtanh"):
        shutil.copy(ENTRIES / f"{name}.yaml", folder)
    return folder


def test_two_cold_builds_are_byte_identical(small_catalog: Path, tmp_path: Path) -> None:
    """Each build from an empty cache of its own, so nothing of the first serves the second."""
    first = _build(small_catalog, tmp_path / "a", cache_folder=tmp_path / "cache-a")
    second = _build(small_catalog, tmp_path / "b", cache_folder=tmp_path / "cache-b")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    hashes = _hashes(tmp_path / "a" / "site")
    assert "sitemap.xml" in hashes
    assert hashes == _hashes(tmp_path / "b" / "site")


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_succeeds(
    small_catalog: Path, tmp_path: Path
) -> None:
    assert _build(small_catalog, tmp_path).returncode == 0
    before = _hashes(tmp_path / "site")
    command = [
        sys.executable,
        "-m",
        "generator",
        "site",
        "--force",
        "--catalog",
        str(small_catalog),
    ]
    command += ["--docs", str(tmp_path / "docs"), "--site", str(tmp_path / "site")]
    for delay in sorted(random.Random(7).uniform(0.2, 4.0) for _ in range(3)):
        process = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        assert _hashes(tmp_path / "site") == before, (
            f"site changed by a build killed at {delay:.2f} s"
        )
    again = _build(small_catalog, tmp_path)
    assert again.returncode == 0, again.stderr
    assert _hashes(tmp_path / "site") == before
    assert not list(tmp_path.glob(".site-*")), "scratch trees left behind"


def test_unchanged_inputs_make_a_no_op_and_an_edit_rebuilds(
    small_catalog: Path, tmp_path: Path
) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(small_catalog, catalog)
    assert _build(catalog, tmp_path / "out").returncode == 0
    again = _build(catalog, tmp_path / "out", force=False)
    assert again.stdout.strip() == "site is up to date"
    relu = catalog / "relu.yaml"
    relu.write_text(relu.read_text(encoding="utf-8").replace("Cheap, ", "Cheap and "))
    edited = _build(catalog, tmp_path / "out", force=False)
    assert edited.returncode == 0, edited.stderr
    assert "built 6 activations" in edited.stdout
    assert "Cheap and non-saturating" in (tmp_path / "out/docs/activations/relu.md").read_text()


def test_cache_key_follows_the_mathematics_not_the_prose(tmp_path: Path) -> None:
    path = tmp_path / "leaky_relu.yaml"
    shutil.copy(ENTRIES / "leaky_relu.yaml", path)
    text = path.read_text(encoding="utf-8")
    original = load_entry(path).mathematics()
    edits = {
        "formula": ("negative_slope * x, True", "negative_slope * x / 2, True"),
        "default": ("default: 0.01", "default: 0.02"),
        "kink value": ("pytorch: negative_slope", "pytorch: 1"),
        "symbol": (r"symbol: \operatorname{LeakyReLU}", r"symbol: \operatorname{LReLU}"),
    }
    for what, (old, new) in edits.items():
        assert old in text, what
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert load_entry(path).mathematics() != original, f"a new {what} must miss the cache"
    path.write_text(text.replace("summary: >-\n", "summary: >-\n  Reworded.\n", 1))
    assert load_entry(path).mathematics() == original, "prose alone is not derived again"


def test_corrupt_truncated_or_unreadable_cache_entries_are_never_served(tmp_path: Path) -> None:
    memo = Cache(tmp_path)
    assert memo.cached("analysis", ["relu"], lambda: "first") == "first"
    (stored,) = tmp_path.rglob("*.pickle")
    assert memo.cached("analysis", ["relu"], lambda: "again") == "first", "a hit is served"
    blob = stored.read_bytes()
    damaged = {
        "truncated": blob[: len(blob) // 2],
        "a flipped bit": blob[:-1] + bytes([blob[-1] ^ 1]),
        "empty": b"",
    }
    for what, content in damaged.items():
        stored.write_bytes(content)
        assert read_blob(stored) is None, what
        assert memo.lookup("analysis", ["relu"]) is None, what
        assert memo.cached("analysis", ["relu"], lambda: "recomputed") == "recomputed", what
    write_blob(stored, b"intact checksum, not a pickle")
    assert memo.lookup("analysis", ["relu"]) is None
    assert memo.cached("analysis", ["relu"], lambda: "recomputed") == "recomputed"
    assert memo.cached("analysis", ["relu"], lambda: "never") == "recomputed"


def test_each_kind_is_keyed_by_its_own_stage_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editing the drawing code redraws figures; editing the tree-swap code changes nothing."""
    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)

    def digests() -> dict[str, str]:
        cache.code_digest.cache_clear()
        return {kind: cache.code_digest(kind) for kind in cache.CODE}

    before = digests()
    with (package / "build" / "tree.py").open("a") as file:
        file.write("\n# an edit\n")
    assert digests() == before, "build/ code decides no cached value"
    with (package / "present" / "figures" / "svg.py").open("a") as file:
        file.write("\n# an edit\n")
    after = digests()
    assert after["figures"] != before["figures"]
    assert after["analysis"] == before["analysis"]
    cache.code_digest.cache_clear()
