"""`make bench`: build times as ratios to `mkdocs build` alone, measured in one run.

Reports the median of N runs of: a cold `generator site` (no caches, dependencies already
installed), a no-op rebuild, a rebuild after rewording one entry's summary, and `mkdocs build`
on the generated docs (the floor no generator can beat). Then builds a synthetic catalog
four times the real one, cold, and reports the time per activation for both.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from generator.paths import Paths  # noqa: E402

ENTRIES = ROOT / "generator" / "catalog" / "entries"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TARGETS = {"noop_ratio": 1.2, "one_file_edit_ratio": 1.5, "cold_s": 20.0}  # at most
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*arguments: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *arguments], cwd=ROOT, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def site(catalog: Path, out: Path, *extra: str) -> float:
    return run(
        "-m", "generator", "site", "--catalog", str(catalog),
        "--docs", str(out / "docs"), "--site", str(out / "site"), *extra,
    )  # fmt: skip


def mkdocs_alone(into: Path) -> float:
    """``mkdocs build`` of the repository's docs/, each edition (the Chinese one in zh/)."""
    seconds = run("-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"),
                  "-d", str(into))  # fmt: skip
    if (ROOT / "docs" / "zh").is_dir():
        seconds += run("-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.zh.yml"),
                       "-d", str(into / "zh"))  # fmt: skip
    return seconds


def clear_caches() -> None:
    shutil.rmtree(Paths.default().cache, ignore_errors=True)


def synthetic(folder: Path, copies: int) -> int:
    """Each real entry ``copies`` times under new ids: a catalog ``copies`` times the size.

    Each copy takes its Chinese texts along, so both editions are built as for the real
    catalog. Vector entries are left out: their NumPy code is a module named after the
    real id.
    """
    count = 0
    (folder / "zh").mkdir(exist_ok=True)
    for path in sorted(ENTRIES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "\nkind: vector\n" in text:
            continue
        chinese = ENTRIES / "zh" / path.name
        texts = {folder: text, folder / "zh": chinese.read_text(encoding="utf-8")}
        for k in range(1, copies + 1):
            name = f"{path.stem}_v{k}"
            for into, original in texts.items():
                variant = original.replace(f"id: {path.stem}\n", f"id: {name}\n", 1)
                (into / f"{name}.yaml").write_text(variant, encoding="utf-8")
            count += 1
    return count


def main() -> int:
    """0 when the no-op and one-edit ratios meet their targets. The cold build's seconds are
    reported against theirs too, but do not decide: not a ratio, they measure the machine."""
    real = len(list(ENTRIES.glob("*.yaml")))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        catalog = Path(scratch) / "catalog"
        shutil.copytree(ENTRIES, catalog)
        cold, noop, edit, floor = [], [], [], []
        for _ in range(RUNS):
            clear_caches()
            shutil.rmtree(out, ignore_errors=True)
            cold.append(site(catalog, out))
            noop.append(site(catalog, out))
            relu = catalog / "relu.yaml"  # reworded, as a maintainer edits: its page changes
            text = relu.read_text(encoding="utf-8")
            relu.write_text(
                text.replace("summary: >-\n", f"summary: >-\n  Edit {time.time()}.\n", 1)
            )
            edit.append(site(catalog, out))
            floor.append(mkdocs_alone(Path(scratch) / "floor"))
        big = Path(scratch) / "big"
        big.mkdir()
        size = synthetic(big, 4)
        scalar = size // 4
        clear_caches()
        big_cold = site(big, Path(scratch) / "big-out")
    base = statistics.median(floor)
    measured = {
        "cold_s": round(statistics.median(cold), 2),
        "noop_s": round(statistics.median(noop), 3),
        "one_file_edit_s": round(statistics.median(edit), 2),
        "cold_ratio": round(statistics.median(cold) / base, 2),
        "noop_ratio": round(statistics.median(noop) / base, 3),
        "one_file_edit_ratio": round(statistics.median(edit) / base, 2),
    }
    missed = [name for name, most in TARGETS.items() if measured[name] > most]
    report = {
        "runs": RUNS,
        "floor_mkdocs_build_s": round(base, 2),
        **measured,
        "per_activation_cold_s": {
            f"{real} entries": round(statistics.median(cold) / real, 3),
            f"{size} entries (synthetic, 4 x {scalar} scalar entries)": round(big_cold / size, 3),
        },
        "targets_at_most": TARGETS,
        "missed": missed,
    }
    print(json.dumps(report, indent=2))
    return 1 if set(missed) & {"noop_ratio", "one_file_edit_ratio"} else 0


if __name__ == "__main__":
    sys.exit(main())
