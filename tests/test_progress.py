"""Progress: a redrawn bar on a terminal, one plain line per step in a log, nothing if quiet."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from generator.build.progress import Progress

ROOT = Path(__file__).resolve().parents[1]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(stream: io.StringIO, *, enabled: bool = True) -> str:
    stage = Progress(stream, enabled=enabled).stage("deriving", 3)
    for item in ("relu", "gelu", "mish"):
        stage.step(item)
    stage.finish("3 derived")
    return stream.getvalue()


def test_log_gets_one_line_per_step() -> None:
    lines = _run(io.StringIO()).splitlines()
    assert lines[:3] == ["deriving: 1/3 relu", "deriving: 2/3 gelu", "deriving: 3/3 mish"]
    assert lines[3].startswith("deriving: done in ")
    assert lines[3].endswith("(3 derived)")
    assert "\r" not in "".join(lines)


def test_terminal_gets_a_bar_redrawn_in_place() -> None:
    output = _run(Terminal())
    assert output.count("\n") == 1, "the bar stays on one line until the stage ends"
    assert output.count("\r") == 4
    assert "███" in output
    assert "3/3 mish" in output


def test_quiet_writes_nothing() -> None:
    assert _run(Terminal(), enabled=False) == ""


def test_build_log_names_each_stage(tmp_path: Path) -> None:
    """Not a terminal (captured): plain lines, one per stage step, on stderr."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "docs", "--docs", str(tmp_path / "docs")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    stages = {line.split(":")[0] for line in result.stderr.splitlines()}
    assert stages == {"deriving", "drawing", "pages"}
    assert "\r" not in result.stderr
