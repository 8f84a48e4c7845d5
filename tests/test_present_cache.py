"""The present stage's cache of whole entries: a reworded entry is presented again alone,
an edit that other entries read presents them all again, and what the cache returns is
what presenting afresh makes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from generator.build.cache import Cache
from generator.build.progress import Progress
from generator.catalog import load
from generator.present.entries import KIND, PresentedEntry, present_entries
from generator.records.catalog import Activation
from tests.conftest import MEMO, PATHS, analysis_of

T = TypeVar("T")
# glu's code is its gate's, sigmoid's; softmax is a vector entry.
IDS = ("relu", "sigmoid", "glu", "softmax")
LANGUAGES = ("en", "zh")


class _Counting:
    """The run's cache for everything but presented entries, which go to a folder of their
    own and are counted as they are stored."""

    def __init__(self, folder: Path) -> None:
        self.entries = Cache(folder)
        self.stored: list[str] = []

    def cached(self, kind: str, parts: Sequence[str | bytes], compute: Callable[[], T]) -> T:
        return MEMO.cached(kind, parts, compute)

    def lookup(self, kind: str, parts: Sequence[str | bytes]) -> object | None:
        return (self.entries if kind == KIND else MEMO).lookup(kind, parts)

    def store(self, kind: str, parts: Sequence[str | bytes], value: object) -> None:
        if kind == KIND:
            assert isinstance(value, PresentedEntry)
            self.stored.append(value.parts.activation.id)
        (self.entries if kind == KIND else MEMO).store(kind, parts, value)


def _present(catalog: Sequence[Activation], memo: _Counting) -> list[PresentedEntry]:
    memo.stored.clear()
    steps = Progress.silent().stage("drawing", len(catalog))
    analyses = [analysis_of(activation) for activation in catalog]
    return present_entries(catalog, analyses, {}, memo, steps, 1, 600.0, LANGUAGES)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_only_the_edited_entry_is_presented_again(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    (folder / "zh").mkdir(parents=True)
    for name in IDS:
        shutil.copy(PATHS.catalog / f"{name}.yaml", folder)
        shutil.copy(PATHS.catalog / "zh" / f"{name}.yaml", folder / "zh")
    memo = _Counting(tmp_path / "cache")
    first = _present(load(folder), memo)
    assert sorted(memo.stored) == sorted(IDS), "a cold cache presents every entry"
    assert _present(load(folder), memo) == first
    assert memo.stored == [], "an unchanged catalog comes from the cache"

    _edit(folder / "relu.yaml", "summary: >-\n", "summary: >-\n  Reworded here.\n")
    reworded = _present(load(folder), memo)
    assert memo.stored == ["relu"], "prose is read by its own entry alone"
    relu = next(entry for entry in reworded if entry.parts.activation.id == "relu")
    assert "Reworded here." in relu.views["en"].activation.summary
    fresh = _present(load(folder), _Counting(tmp_path / "cold"))
    assert reworded == fresh, "the cache returns what presenting afresh makes"

    _edit(folder / "zh" / "relu.yaml", "summary: >-\n", "summary: >-\n  改写于此。\n")
    _present(load(folder), memo)
    assert memo.stored == ["relu"], "so is its Chinese text"

    # glu prints its gate's framework call: every entry reads the others' frameworks.
    _edit(folder / "sigmoid.yaml", "torch.sigmoid", "torch.special.expit")
    _present(load(folder), memo)
    assert sorted(memo.stored) == sorted(IDS)
