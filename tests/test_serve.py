"""``make serve``: both editions served; saving a catalog file changes the served page of
its edition, without a restart."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generator.paths import Paths

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = Paths.default().catalog


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(url: str, text: str, seconds: float) -> str:
    """The page once it contains ``text``; fails after ``seconds``."""
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = str(response.read().decode())
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never contained {text!r} within {seconds} s")


def _edit_summary(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: >-\n", f"summary: >-\n  {marker}\n", 1))


def test_saving_a_catalog_file_regenerates_the_served_page(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(ENTRIES, catalog)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--catalog", str(catalog),
         "--docs", str(tmp_path / "docs"), "--address", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    english = f"http://127.0.0.1:{port}/activations/relu/"
    chinese = f"http://127.0.0.1:{port}/zh/activations/relu/"
    try:
        _wait_for(english, "ReLU", seconds=240)
        assert 'lang="zh"' in _wait_for(chinese, "ReLU", seconds=30), "the Chinese edition"
        marker = f"Edited while serving {time.time_ns()}."
        _edit_summary(catalog / "relu.yaml", marker)
        _wait_for(english, marker, seconds=120)
        marker = f"服务中修改 {time.time_ns()}。"
        _edit_summary(catalog / "zh" / "relu.yaml", marker)
        _wait_for(chinese, marker, seconds=120)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
