"""One build at a time: overlapping builds, a held lock, ``serve`` stopped by a signal, and
``serve`` and ``site`` agreeing on what is up to date. Real processes, as a user runs them."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.build import lock, stamps
from generator.paths import Paths

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = Paths.default().catalog
SMALL = ("relu", "sigmoid", "tanh")
SAMPLE_SECONDS = 0.05
STAGGER_SECONDS = 0.3  # between overlapping builds; each holds the lock for about 1 s
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # the run's own ACTIVATIONS_CACHE


@pytest.fixture(scope="module")
def small_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("catalog")
    for name in SMALL:
        shutil.copy(ENTRIES / f"{name}.yaml", folder)
    return folder


def _command(command: str, catalog: Path, out: Path, *more: str) -> list[str]:
    return [
        sys.executable, "-m", "generator", command, "--quiet", "--catalog", str(catalog),
        "--docs", str(out / "docs"), *(["--site", str(out / "site")] if command != "serve" else []),
        *more,
    ]  # fmt: skip


def _start(command: list[str], environment: dict[str, str] = ENVIRONMENT) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, env=ENVIRONMENT, capture_output=True, text=True, check=False
    )


def _count(folder: Path) -> int:
    """Files under ``folder`` (0 when absent); a tree being exchanged is walked, not failed on."""
    return sum(len(files) for _, _, files in os.walk(folder))


def _scratch_trees(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob(".*-*") if p.is_dir())


def test_overlapping_builds_never_publish_a_partial_site(
    small_catalog: Path, tmp_path: Path
) -> None:
    """Three ``site --force`` builds started 0.3 s apart into the same folders: each starts
    while another runs. Before the lock, a later build removed an earlier one's scratch tree
    while mkdocs wrote it, and the earlier one published what was left: 4-15 of 101 files,
    sampled in 7 of 8 such runs."""
    out = tmp_path / "out"
    first = _run(_command("site", small_catalog, out, "--force"))
    assert first.returncode == 0, first.stderr
    complete = {"site": _count(out / "site"), "docs": _count(out / "docs")}
    assert complete["site"] > 50
    assert complete["docs"] > 10
    seen: dict[str, set[int]] = {"site": set(), "docs": set()}

    def sample(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for name in seen:
                seen[name].add(_count(out / name))
            time.sleep(SAMPLE_SECONDS)

    builds = []
    for _ in range(3):
        builds.append(_start(_command("site", small_catalog, out, "--force")))
        sample(STAGGER_SECONDS)
    while any(build.poll() is None for build in builds):
        sample(SAMPLE_SECONDS)
    results = [build.communicate() for build in builds]
    for build, (stdout, stderr) in zip(builds, results, strict=True):
        assert build.returncode == 0, stderr
        assert stdout.strip() == f"built {len(SMALL)} activations"
    for name, counts in seen.items():
        assert counts == {complete[name]}, f"{name}/ held {sorted(counts)} files while building"
        assert _count(out / name) == complete[name]
    waits = [stderr for _, stderr in results if "waiting for another build of" in stderr]
    assert waits, "the builds were meant to overlap"
    assert all(stderr.count("waiting for another build") == 1 for stderr in waits)
    assert _scratch_trees(out) == []
    assert sorted(p.name for p in out.iterdir()) == [".docs.lock", ".site.lock", "docs", "site"]


@pytest.mark.parametrize("held", ["docs", "site"])
def test_a_held_lock_makes_a_build_wait_then_it_runs(
    held: str, small_catalog: Path, tmp_path: Path
) -> None:
    """``site`` writes both folders, so the lock of either one holds it back; nothing is
    written, not even a scratch tree, until the lock is released."""
    out = tmp_path / "out"
    with lock.holding(out / held):
        build = _start(_command("site", small_catalog, out, "--force"))
        assert build.stderr is not None
        line = build.stderr.readline()  # blocks until the build says it waits
        assert (
            line == f"waiting for another build of {out / held} to finish (process {os.getpid()})\n"
        )
        time.sleep(1.0)
        assert build.poll() is None, "the build went ahead while the lock was held"
        assert not (out / "docs").exists()
        assert not (out / "site").exists()
        assert _scratch_trees(out) == []
    stdout, stderr = build.communicate(timeout=120)
    assert build.returncode == 0, stderr
    assert stdout.strip() == f"built {len(SMALL)} activations"
    assert "waiting" not in stderr, "said once"
    assert (out / "site" / "index.html").is_file()
    assert _scratch_trees(out) == []


def test_docs_waits_for_the_lock_of_docs(small_catalog: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with lock.holding(out / "docs"):
        build = _start(_command("docs", small_catalog, out))
        assert build.stderr is not None
        assert build.stderr.readline().startswith(f"waiting for another build of {out / 'docs'} ")
        time.sleep(0.5)
        assert build.poll() is None
        assert not (out / "docs").exists()
    _stdout, stderr = build.communicate(timeout=120)
    assert build.returncode == 0, stderr
    assert (out / "docs" / "index.md").is_file()
    assert not (out / "site").exists()


# --- serve ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_served(url: str, server: subprocess.Popen[str], seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()[1]
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.25)
    raise AssertionError(f"{url} was not served within {seconds} s")


def _children(pid: int) -> dict[int, bytes]:
    """The command lines of the processes whose parent is ``pid``."""
    found = {}
    for entry in Path("/proc").iterdir():
        try:
            status = (entry / "stat").read_text()
            parent = int(status.rsplit(")", 1)[1].split()[1])
            if entry.name.isdigit() and parent == pid:
                found[int(entry.name)] = (entry / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
    return found


def _alive(pid: int) -> bool:
    """Running, not merely a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def private_tmpdir() -> Iterator[dict[str, str]]:
    """An environment whose TMPDIR is a fresh folder, to see what serve leaves in it. It is
    short (in /tmp, not under pytest's deep tmp_path): the process pool's forkserver puts a
    Unix socket there, and a socket's path may not exceed 107 bytes."""
    folder = tempfile.mkdtemp(prefix="serve-", dir="/tmp")
    try:
        yield {**ENVIRONMENT, "TMPDIR": folder}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stop_serve(
    server: subprocess.Popen[str], stop: signal.Signals
) -> tuple[str, list[int], list[int]]:
    """Send ``stop`` to serve alone and wait for it: its stderr, its mkdocs children and
    those of them still running once serve has exited. Whatever still runs then is killed,
    so a failing test leaves nothing behind."""
    mkdocs = [pid for pid, line in _children(server.pid).items() if b"mkdocs" in line]
    server.send_signal(stop)
    try:
        _, stderr = server.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # mkdocs, left running, holds the pipes open
        stderr = "serve did not exit, or its mkdocs child kept running"
    survivors = [pid for pid in mkdocs if _alive(pid)]
    for pid in [server.pid, *survivors]:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    server.wait()
    return stderr, mkdocs, survivors


@pytest.mark.parametrize(("stop", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_serve_stops_mkdocs_and_leaves_no_temporary_folder(
    stop: signal.Signals,
    status: int,
    small_catalog: Path,
    tmp_path: Path,
    private_tmpdir: dict[str, str],
) -> None:
    """The signal goes to serve alone, as ``kill`` or a supervisor sends it: serve must pass it
    on to its ``mkdocs serve``, whose own temporary site must go too."""
    port = _free_port()
    command = _command("serve", small_catalog, tmp_path, "--address", f"127.0.0.1:{port}")
    server = _start(command, private_tmpdir)
    try:
        _wait_until_served(f"http://127.0.0.1:{port}/activations/relu/", server)
        assert os.listdir(private_tmpdir["TMPDIR"]), "serve's folders were expected there"
    finally:
        stderr, mkdocs, survivors = _stop_serve(server, stop)
    assert len(mkdocs) == 1, "serve runs one mkdocs serve"
    assert survivors == [], "mkdocs serve outlived serve"
    assert server.returncode == status, stderr
    assert f"stopped by {stop.name}" in stderr
    assert os.listdir(private_tmpdir["TMPDIR"]) == []


def test_site_after_serve_rebuilds_what_serve_regenerated(
    small_catalog: Path, tmp_path: Path
) -> None:
    """The reported sequence: ``site``; an entry added and ``serve`` run (docs/ regenerated in
    place); the entry removed again. The inputs are those of the stamp, but docs/ is not."""
    catalog, out = tmp_path / "catalog", tmp_path / "out"
    shutil.copytree(small_catalog, catalog)
    assert _run(_command("site", catalog, out)).returncode == 0
    assert _run(_command("site", catalog, out)).stdout.strip() == "site is up to date"
    shutil.copy(ENTRIES / "gelu.yaml", catalog)
    port = _free_port()
    server = _start(_command("serve", catalog, out, "--address", f"127.0.0.1:{port}"))
    try:
        _wait_until_served(f"http://127.0.0.1:{port}/activations/gelu/", server)
    finally:
        _stop_serve(server, signal.SIGTERM)
    assert (out / "docs" / "activations" / "gelu.md").is_file()
    (catalog / "gelu.yaml").unlink()
    after = _run(_command("site", catalog, out))
    assert after.returncode == 0, after.stderr
    assert after.stdout.strip() == f"built {len(SMALL)} activations"
    assert not (out / "docs" / "activations" / "gelu.md").exists()
    assert not (out / "site" / "activations" / "gelu").exists()
    assert _run(_command("site", catalog, out)).stdout.strip() == "site is up to date"


# --- the no-op check and what is not a regular file -------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dangling(path: Path) -> None:
    path.symlink_to(path.with_name("nowhere"))


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize("make", [_fifo, _dangling, _folder], ids=["fifo", "dangling", "folder"])
def test_a_catalog_yaml_that_is_not_a_regular_file_is_never_up_to_date(
    make: Callable[[Path], None], small_catalog: Path, tmp_path: Path
) -> None:
    """Checked in this process, against a stamp recorded here: fast, and with a guard that
    unblocks a reader stuck on the FIFO, so a regression fails instead of hanging."""
    catalog = tmp_path / "catalog"
    shutil.copytree(small_catalog, catalog)
    paths = Paths.default().moved(catalog=catalog, docs=tmp_path / "docs", site=tmp_path / "site")
    paths = paths.moved(cache=tmp_path / "cache")
    for page in (paths.docs / "index.md", paths.site / "index.html"):
        page.parent.mkdir(parents=True)
        page.write_text("built\n")
    with lock.holding(paths.docs, paths.site):
        stamps.remember(paths)
    assert stamps.up_to_date(paths)
    odd = catalog / "odd.yaml"
    make(odd)
    answers: list[bool] = []
    check = threading.Thread(target=lambda: answers.append(stamps.up_to_date(paths)))
    check.start()
    check.join(timeout=20)
    if check.is_alive():  # blocked opening or reading the FIFO: give it a writer, then fail
        os.close(os.open(odd, os.O_WRONLY | os.O_NONBLOCK))
        check.join()
        pytest.fail("up_to_date blocked on a FIFO")
    assert answers == [False]


def test_an_edited_docs_folder_is_not_up_to_date(small_catalog: Path, tmp_path: Path) -> None:
    paths = Paths.default().moved(
        catalog=small_catalog, docs=tmp_path / "docs", site=tmp_path / "site"
    )
    paths = paths.moved(cache=tmp_path / "cache")
    for page in (paths.docs / "index.md", paths.site / "index.html"):
        page.parent.mkdir(parents=True)
        page.write_text("built\n")
    stamps.remember(paths)
    assert stamps.up_to_date(paths)
    (paths.docs / "extra.md").write_text("not built by site\n")
    assert not stamps.up_to_date(paths)
    (paths.docs / "extra.md").unlink()
    assert stamps.up_to_date(paths)
    (paths.docs / "index.md").write_text("edited\n")
    assert not stamps.up_to_date(paths)
