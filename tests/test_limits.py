"""End to end: every stage under a time and memory limit, and never a traceback.

A slow, failing or runaway entry is simulated by a ``sitecustomize`` module that wraps one
stage's function for one entry (it runs in the build and in every worker process). Each
case builds a three-entry copy of the catalog through the command line and expects one
line ``error: <file>: …`` naming that entry, exit 2, and docs/ as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.__main__ as cli
from generator.build.cache import Cache
from generator.deadlines import DRAW, entry_work
from generator.errors import BuildError, CatalogError
from generator.parallel import MEMORY_LIMIT, on_workers
from generator.paths import Paths
from generator.publish.katex import latex_fields, typeset
from generator.records.markup import placeholder
from generator.records.views import page_of
from tests.conftest import CATALOG
from tests.test_bad_input import ENTRIES, ROOT, error_line, existing_output, snapshot

SMALL = ("leaky_relu", "relu", "tanh")
BY_ID = {activation.id: activation for activation in CATALOG}
PATHS = Paths.default()
# Far below a hang, far above what the build needs: each case must end well within it.
WALL_SECONDS = 60.0
# Long enough that the entries that do not sleep finish under the suite's full load (a
# figure takes over 2 s then); the one that sleeps takes 600 s.
LIMIT_SECONDS = 10

INJECTION = """\
import pathlib
import time

import {module} as _target

_original = _target.{function}


def _injected(subject, *arguments, **keywords):
    # An entry (deriving, drawing) or the path of its file (reading).
    if getattr(subject, "id", None) == {entry!r} or getattr(subject, "stem", None) == {entry!r}:
        pathlib.Path({marker!r}).touch()
        {action}
    return _original(subject, *arguments, **keywords)


_target.{function} = _injected
"""
SLEEP = "time.sleep(600)"
RAISE = "raise ZeroDivisionError('injected by the test')"
ALLOCATE = "import numpy; numpy.empty(3 * 2**30, dtype=numpy.uint8)"  # 3 GiB, never touched
LOAD = ("generator.catalog.loader", "load_entry")
DERIVE = ("generator.analysis.runner", "analyse")
DRAW_PARTS = ("generator.present.entries", "_parts")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: the entries no case changes are derived once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def catalog(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """Three entries; tanh's name is made unique, so its derivation is never cached."""
    folder = tmp_path / "catalog"
    folder.mkdir()
    for name in SMALL:
        text = (ENTRIES / f"{name}.yaml").read_text(encoding="utf-8")
        if name == "tanh":
            text = text.replace(
                "name: Tanh\n",
                f"name: Tanh {hashlib.sha256(request.node.name.encode()).hexdigest()[:12]}\n",
                1,
            )
            assert "name: Tanh " in text
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def build(
    catalog: Path,
    docs: Path,
    cache: Path,
    *,
    inject: tuple[str, str, str] | None = None,
    marker: Path | None = None,
    environment: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m generator docs`` on ``catalog`` with ``inject`` = (module, function,
    action) wrapped around tanh's share of a stage; returns once it ends."""
    process = start(catalog, docs, cache, inject=inject, marker=marker, environment=environment)
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def start(
    catalog: Path,
    docs: Path,
    cache: Path,
    *,
    inject: tuple[str, str, str] | None = None,
    marker: Path | None = None,
    environment: dict[str, str] | None = None,
) -> subprocess.Popen[str]:
    path = [str(ROOT)]
    if inject is not None:
        module, function, action = inject
        site = catalog.parent / "site-packages"
        site.mkdir()
        marker = marker or catalog.parent / "injected"
        code = INJECTION.format(
            module=module, function=function, entry="tanh", marker=str(marker), action=action
        )
        (site / "sitecustomize.py").write_text(code, encoding="utf-8")
        path.insert(0, str(site))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(path),
        "ACTIVATIONS_CACHE": str(cache),
        **(environment or {}),
    }
    arguments = ["docs", "--catalog", str(catalog), "--docs", str(docs), "--jobs", "2"]
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *arguments],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job is
    )


@pytest.mark.parametrize(
    ("inject", "variable", "expected"),
    [
        pytest.param(
            (*LOAD, SLEEP),
            "ACTIVATIONS_LIMIT_LOAD",
            f"reading it took longer than {LIMIT_SECONDS} s",
            id="load",
        ),
        pytest.param(
            (*DERIVE, SLEEP),
            "ACTIVATIONS_LIMIT_DERIVE",
            f"field 'expression': SymPy did not finish deriving it within {LIMIT_SECONDS} s; "
            "simplify the formula",
            id="derive",
        ),
        pytest.param(
            (*DRAW_PARTS, SLEEP),
            "ACTIVATIONS_LIMIT_DRAW",
            f"field 'expression': drawing it took longer than {LIMIT_SECONDS} s",
            id="draw",
        ),
    ],
)
def test_a_stage_past_its_time_limit_names_the_file(
    inject: tuple[str, str, str], variable: str, expected: str, catalog: Path, cache: Path
) -> None:
    docs = catalog.parent / "docs"
    before = existing_output(docs, "sentinel.txt")
    started = time.monotonic()
    result = build(catalog, docs, cache, inject=inject, environment={variable: str(LIMIT_SECONDS)})
    elapsed = time.monotonic() - started
    assert result.returncode == 2, result.stderr
    assert error_line(result) == f"error: {catalog / 'tanh.yaml'}: {expected}"
    assert elapsed < WALL_SECONDS  # the entry sleeps for 600 s
    assert snapshot(docs) == before
    assert "built" not in result.stdout


@pytest.mark.parametrize(
    ("inject", "expected"),
    [
        pytest.param(
            (*LOAD, RAISE), "reading it failed: ZeroDivisionError: injected by the test", id="load"
        ),
        pytest.param(
            (*DERIVE, RAISE),
            "deriving it failed: ZeroDivisionError: injected by the test",
            id="derive-raises",
        ),
        pytest.param(
            (*DRAW_PARTS, RAISE),
            "drawing it failed: ZeroDivisionError: injected by the test",
            id="draw-raises",
        ),
        # Deriving one entry runs in the build's own process, drawing on two workers.
        pytest.param((*DERIVE, ALLOCATE), "deriving it ran out of memory", id="derive-memory"),
        pytest.param((*DRAW_PARTS, ALLOCATE), "drawing it ran out of memory", id="draw-memory"),
    ],
)
def test_an_unexpected_exception_in_one_entry_names_its_file(
    inject: tuple[str, str, str], expected: str, catalog: Path, cache: Path
) -> None:
    """A bug or a runaway entry: one line naming the file, exit 2, no traceback. The
    memory cases ask for 3 GiB under a 2 GiB limit, which succeeds without the limit."""
    docs = catalog.parent / "docs"
    before = existing_output(docs, "sentinel.txt")
    environment = {"ACTIVATIONS_LIMIT_MEMORY": "2"}
    result = build(catalog, docs, cache, inject=inject, environment=environment)
    assert (catalog.parent / "injected").exists(), "the injected code never ran"
    assert result.returncode == 2, result.stderr
    assert error_line(result) == f"error: {catalog / 'tanh.yaml'}: {expected}"
    assert snapshot(docs) == before


def test_a_normal_build_fits_well_within_a_smaller_memory_limit(catalog: Path, cache: Path) -> None:
    """The workers of a real build fit in 1.5 GiB, well below the default limit."""
    assert MEMORY_LIMIT >= 4 * 2**30
    docs = catalog.parent / "docs"
    result = build(catalog, docs, cache, environment={"ACTIVATIONS_LIMIT_MEMORY": "1.5"})
    assert result.returncode == 0, result.stderr
    assert "built 3 activations" in result.stdout


def test_ctrl_c_exits_130_without_a_traceback(catalog: Path, cache: Path) -> None:
    docs = catalog.parent / "docs"
    before = existing_output(docs, "sentinel.txt")
    marker = catalog.parent / "deriving"
    process = start(catalog, docs, cache, inject=(*DERIVE, SLEEP), marker=marker)
    deadline = time.monotonic() + 240
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build never reached tanh"
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr, stderr
    assert stderr.splitlines()[-1] == "interrupted"
    assert snapshot(docs) == before


def test_keyboard_interrupt_in_process_returns_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import generator.build.pipeline as pipeline

    def interrupted(*arguments: object, **keywords: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build_docs", interrupted)
    assert cli.main(["docs", "--docs", str(tmp_path / "docs"), "--quiet"]) == 130
    assert capsys.readouterr().err == "interrupted\n"


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_a_bug_outside_any_entry_is_one_line_and_exit_1(
    debug: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """No entry to blame: exit 1; the traceback only with ACTIVATIONS_DEBUG=1."""
    import generator.build.pipeline as pipeline

    def broken(*arguments: object, **keywords: object) -> int:
        raise RuntimeError("a bug\nwith a second line")

    monkeypatch.setattr(pipeline, "build_docs", broken)
    if debug:
        monkeypatch.setenv(cli.DEBUG_VARIABLE, "1")
    else:
        monkeypatch.delenv(cli.DEBUG_VARIABLE, raising=False)
    assert cli.main(["docs", "--docs", str(tmp_path / "docs"), "--quiet"]) == 1
    error = capsys.readouterr().err
    last = error.splitlines()[-1]
    assert last.startswith("error: the build failed unexpectedly: RuntimeError: a bug…")
    assert ("Traceback" in error) is debug
    assert len(error.splitlines()) > 1 if debug else len(error.splitlines()) == 1


def test_a_limit_that_is_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DRAW.variable, "soon")
    with pytest.raises(BuildError, match="ACTIVATIONS_LIMIT_DRAW='soon' must be a positive"):
        DRAW.seconds()
    monkeypatch.setenv(DRAW.variable, "0.5")
    assert DRAW.seconds() == 0.5
    monkeypatch.delenv(DRAW.variable)
    assert DRAW.seconds() == DRAW.default


def test_entry_work_bounds_the_message_and_keeps_catalog_errors() -> None:
    path = Path("catalog/x.yaml")
    with pytest.raises(CatalogError) as raised, entry_work(path, "deriving it", 5.0):
        raise ValueError("y" * 10_000)
    assert str(raised.value).startswith("catalog/x.yaml: deriving it failed: ValueError: yyy")
    assert len(str(raised.value)) < 300
    own = CatalogError(path, "name", "is wrong")
    with pytest.raises(CatalogError) as kept, entry_work(path, "reading it", 5.0):
        raise own
    assert kept.value is own
    expired = r"x\.yaml: field 'f': reading it took longer than 0\.05 s$"
    with (
        pytest.raises(CatalogError, match=expired),
        entry_work(path, "reading it", 0.05, field="f"),
    ):
        time.sleep(5)


# KaTeX: a formula it rejects, or a run past the limit, names the entry's file and field.


def _entry_page(activation_id: str, *formulas: str) -> dict[str, str]:
    text = " ".join(placeholder(tex, display=True) for tex in formulas)
    return {page_of(activation_id): text, "index.md": text}


def test_every_shipped_latex_field_is_valid_on_its_own(tmp_path: Path) -> None:
    """The blame below renders fields alone: none of the catalog's may fail so."""
    fields = {tex for activation in CATALOG for _, tex in latex_fields(activation)}
    pages = {"fields.md": " ".join(placeholder(tex, display=False) for tex in sorted(fields))}
    (html,) = typeset(pages, PATHS.katex_script, Cache(tmp_path)).values()
    assert "@@tex-" not in html


@pytest.mark.parametrize("symbol", ["f_1_2", "f^1^2", "\\left( f"])
def test_a_symbol_katex_rejects_is_named(symbol: str, tmp_path: Path) -> None:
    activation = dataclasses.replace(BY_ID["tanh"], symbol_latex=symbol)
    pages = _entry_page("tanh", rf"{symbol}(x) = \tanh x")
    with pytest.raises(CatalogError) as raised:
        typeset(pages, PATHS.katex_script, Cache(tmp_path), entries=[activation])
    error = raised.value
    assert (error.path, error.field) == (activation.source, "symbol")
    assert error.problem.startswith(f"{symbol!r} is not valid LaTeX: KaTeX parse error")


def test_a_parameter_symbol_katex_rejects_is_named(tmp_path: Path) -> None:
    original = BY_ID["leaky_relu"]
    (parameter,) = original.parameters
    broken = dataclasses.replace(parameter, latex="\\alpha_1_2")
    activation = dataclasses.replace(original, parameters=(broken,))
    pages = _entry_page("leaky_relu", r"f(x) = \max(\alpha_1_2 x, x)")
    with pytest.raises(CatalogError) as raised:
        typeset(pages, PATHS.katex_script, Cache(tmp_path), entries=[activation])
    assert raised.value.field == f"parameters.{parameter.name}.symbol"
    assert raised.value.path == original.source


def test_a_formula_from_no_field_names_the_entry_whose_page_holds_it(tmp_path: Path) -> None:
    activation = BY_ID["tanh"]
    pages = _entry_page("tanh", r"\frac{1}{")
    with pytest.raises(CatalogError) as raised:
        typeset(pages, PATHS.katex_script, Cache(tmp_path), entries=list(CATALOG))
    error = raised.value
    assert (error.path, error.field) == (activation.source, None)
    assert str(error).startswith(
        f"{activation.source}: its page holds the formula '\\\\frac{{1}}{{'"
    )


def test_typesetting_past_its_limit_names_the_entry_and_field(tmp_path: Path) -> None:
    """No node starts within a millisecond: the limit expires at the first formula."""
    activation = dataclasses.replace(BY_ID["tanh"], symbol_latex=r"\operatorname{th}")
    pages = _entry_page("tanh", r"\operatorname{th}(x) = \tanh x")
    with pytest.raises(CatalogError) as raised:
        typeset(pages, PATHS.katex_script, Cache(tmp_path), entries=[activation], limit=0.001)
    error = raised.value
    assert (error.path, error.field) == (activation.source, "symbol")
    assert error.problem == "'\\\\operatorname{th}' took KaTeX longer than 0.001 s"


def test_a_bad_symbol_end_to_end_names_the_catalog_file(catalog: Path, cache: Path) -> None:
    """Through the command line: needs publish() to pass the entries to typeset()."""
    path = catalog / "tanh.yaml"
    path.write_text(path.read_text().replace("symbol: \\tanh\n", "symbol: t^1^2\n"))
    docs = catalog.parent / "docs"
    before = existing_output(docs, "sentinel.txt")
    result = build(catalog, docs, cache)
    assert result.returncode == 2, result.stderr
    line = error_line(result)
    assert line.startswith(f"error: {path}: field 'symbol': 't^1^2' is not valid LaTeX"), line
    assert snapshot(docs) == before


def _exit_on_two(task: int) -> int:
    """A worker that dies without a word on task 2, as a killed or crashed one does."""
    if task == 2:
        os._exit(3)
    return task


def _sleep_on_two(task: int) -> int:
    """A worker stuck in C code, where no alarm reaches it."""
    if task == 2:
        time.sleep(30)
    return task


def _fail_on_one(task: int) -> int:
    if task == 1:
        raise CatalogError("one.yaml", "expression", "refused")
    time.sleep(0.2)
    return task


def test_a_worker_that_dies_stops_the_stage_instead_of_hanging() -> None:
    started = time.monotonic()
    with pytest.raises(BuildError, match="a worker process died"):
        list(on_workers(_exit_on_two, [1, 2, 3, 4], jobs=2, patience=60.0))
    assert time.monotonic() - started < WALL_SECONDS


def test_a_stuck_worker_stops_the_stage_after_its_patience() -> None:
    """And the stuck worker is ended, not waited for."""
    started = time.monotonic()
    with pytest.raises(BuildError, match="no worker process answered for 1 s"):
        list(on_workers(_sleep_on_two, [1, 2, 3], jobs=2, patience=1.0))
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("ordered", [True, False])
def test_a_failing_task_ends_the_stage_without_running_the_rest(ordered: bool) -> None:
    """The error comes through at once, and the tasks not started are dropped: a full pipe
    to the workers once left a failing build waiting for ever."""
    started = time.monotonic()
    with pytest.raises(CatalogError, match="refused"):
        list(on_workers(_fail_on_one, list(range(1, 200)), jobs=2, ordered=ordered))
    assert time.monotonic() - started < 10  # 199 tasks of 0.2 s would take 20 s
