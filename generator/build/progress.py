"""Build progress on stderr: one redrawn bar on a terminal, plain lines in a log.

Stages report steps; nothing else in the build prints, so the output stays readable both
in a terminal and in CI logs.
"""

from __future__ import annotations

import sys
import time
from typing import Final, TextIO

WIDTH: Final = 24


class Progress:
    """Writes stage progress to ``stream``; ``Progress.silent()`` writes nothing."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._enabled = enabled
        self._terminal = enabled and self._stream.isatty()

    @classmethod
    def silent(cls) -> Progress:
        return cls(enabled=False)

    def stage(self, name: str, total: int) -> Stage:
        return Stage(self, name, total)

    def _write(self, text: str, *, redraw: bool) -> None:
        if not self._enabled:
            return
        if self._terminal and redraw:
            self._stream.write("\r\x1b[2K" + text)
        else:
            self._stream.write(text + "\n")
        self._stream.flush()

    def interrupt(self) -> None:
        """End a half-drawn bar, so a message printed next starts on its own line."""
        if self._terminal:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()

    @property
    def terminal(self) -> bool:
        return self._terminal


class Stage:
    """``step()`` once per item; ``finish()`` prints the time the stage took."""

    def __init__(self, progress: Progress, name: str, total: int) -> None:
        self._progress = progress
        self._name = name
        self._total = total
        self._done = 0
        self._start = time.perf_counter()

    def step(self, item: str = "", count: int = 1) -> None:
        self._done += count
        if self._progress.terminal:
            filled = WIDTH * self._done // max(self._total, 1)
            bar = "█" * filled + "·" * (WIDTH - filled)
            text = f"{self._name:<12} {bar} {self._done}/{self._total} {item}"
            self._progress._write(text, redraw=True)
        else:
            width = len(str(self._total))
            text = f"{self._name}: {self._done:>{width}}/{self._total} {item}".rstrip()
            self._progress._write(text, redraw=False)

    def finish(self, summary: str = "") -> None:
        seconds = time.perf_counter() - self._start
        detail = f" ({summary})" if summary else ""
        text = f"{self._name}: done in {seconds:.1f} s{detail}"
        if self._progress.terminal:
            self._progress._write(text, redraw=True)
            self._progress._write("", redraw=False)
        else:
            self._progress._write(text, redraw=False)
