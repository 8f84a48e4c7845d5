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

from generator import cache
from generator.catalog.loader import ENTRIES, load_entry

ROOT = Path(__file__).resolve().parents[1]


def _build(catalog: Path, out: Path, *, force: bool = True) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "site", "--catalog", str(catalog)]
    command += ["--force"] if force else []
    command += ["--docs", str(out / "docs"), "--site", str(out / "site")]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


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
    for name in ("relu", "sigmoid", "softmax", "glu", "hardtanh"):
        shutil.copy(ENTRIES / f"{name}.yaml", folder)
    return folder


def test_two_builds_are_byte_identical(small_catalog: Path, tmp_path: Path) -> None:
    first, second = _build(small_catalog, tmp_path / "a"), _build(small_catalog, tmp_path / "b")
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
    assert "built 5 activations" in edited.stdout
    assert "Cheap and non-saturating" in (tmp_path / "out/docs/activations/relu.md").read_text()


def test_cache_key_follows_the_mathematics_not_the_prose(tmp_path: Path) -> None:
    path = tmp_path / "leaky_relu.yaml"
    shutil.copy(ENTRIES / "leaky_relu.yaml", path)
    text = path.read_text(encoding="utf-8")
    original = cache.key(load_entry(path))
    edits = {
        "formula": ("negative_slope * x, True", "negative_slope * x / 2, True"),
        "default": ("default: 0.01", "default: 0.02"),
        "kink value": ("pytorch: negative_slope", "pytorch: 1"),
        "symbol": (r"symbol: \operatorname{LeakyReLU}", r"symbol: \operatorname{LReLU}"),
    }
    for what, (old, new) in edits.items():
        assert old in text, what
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert cache.key(load_entry(path)) != original, f"a new {what} must miss the cache"
    path.write_text(text.replace("summary: >-\n", "summary: >-\n  Reworded.\n", 1))
    assert cache.key(load_entry(path)) == original, "prose alone is not derived again"


def test_corrupt_or_truncated_cache_entries_are_never_served(tmp_path: Path) -> None:
    from generator.analysis import analyse

    activation = load_entry(ENTRIES / "relu.yaml")
    cache.store(activation, analyse(activation), tmp_path)
    (stored,) = tmp_path.glob("*.pickle")
    assert cache.load(activation, tmp_path) is not None
    blob = stored.read_bytes()
    stored.write_bytes(blob[: len(blob) // 2])
    assert cache.load(activation, tmp_path) is None
    stored.write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    assert cache.load(activation, tmp_path) is None
