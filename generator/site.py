"""The only stage that writes files: runs the stages in order and swaps results into place.

Everything is built into a temporary folder next to its target and renamed over it only
when complete, so a failed build leaves the previous ``docs/`` and ``site/`` untouched.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator import cache
from generator.catalog.families import FAMILIES
from generator.catalog.loader import ENTRIES, load_catalog
from generator.errors import BuildError
from generator.model import Activation, Analysis, ElementwiseAnalysis, VectorAnalysis
from generator.numerics import report as accuracy_report
from generator.numerics.report import Accuracy
from generator.pages import Entry, FigureRef, Overlay, render_pages, template_environment
from generator.progress import Progress
from generator.reference_pages import reference_pages
from generator.render import figures, overlays, plots
from generator.render.code import numpy_snippet
from generator.render.data import catalog_json
from generator.render.jscode import CURVES_PATH, cached_curve, curves_script
from generator.render.math import typeset
from generator.render.table_csv import properties_csv
from generator.workers import analyse_all

ROOT: Final = Path(__file__).resolve().parent.parent
STATIC: Final = Path(__file__).parent / "static"
KATEX: Final = ROOT / "node_modules" / "katex" / "dist"
FIGURES: Final = "assets/figures"


def build_docs(
    catalog: Path = ENTRIES,
    docs: Path = ROOT / "docs",
    jobs: int | None = None,
    progress: Progress | None = None,
    *,
    in_place: bool = False,
) -> int:
    """Generate every page and asset of ``docs/``; returns the number of activations.

    ``in_place`` (for ``serve``) rewrites only the files that changed, so a watching
    ``mkdocs serve`` sees exactly what changed instead of a whole new tree.
    """
    progress = progress or Progress.silent()
    activations = load_catalog(catalog)  # 1. read and validate every catalog file
    analyses = analyse_all(activations, jobs, progress=progress)  # 2. SymPy, in parallel
    files: dict[str, bytes] = {}
    measured = accuracy_report.load()
    drawing = progress.stage("drawing", len(activations))
    entries = []
    for activation, analysis in zip(activations, analyses, strict=True):  # 3. figures, code
        entries.append(_entry(activation, analysis, files, activations, measured))
        drawing.step(activation.id)
    family_overlays = _overlays(entries, files)
    files[CURVES_PATH] = _curves(entries)
    drawing.finish()
    writing = progress.stage("pages", 1)
    # 4. templates (the guide, cheat sheet and Data page need the whole catalog), then KaTeX
    pages = render_pages(entries, family_overlays)
    pages |= reference_pages(entries, template_environment())
    pages = typeset(pages)
    files |= {path: text.encode("utf-8") for path, text in pages.items()}
    records = [(e.activation, e.analysis, e.snippet) for e in entries]
    files["activations.json"] = _json(catalog_json(records))
    files["activations.csv"] = properties_csv(
        [(e.activation, e.analysis) for e in entries]
    ).encode()
    files |= _static_files()
    if in_place:
        _sync_tree(docs, files)
    else:
        _write_tree(docs, files)  # 5. write everything, then swap it into place
    writing.step(f"{len(pages)} pages")
    writing.finish()
    return len(activations)


def build_site(
    catalog: Path = ENTRIES,
    docs: Path = ROOT / "docs",
    site: Path = ROOT / "site",
    jobs: int | None = None,
    progress: Progress | None = None,
) -> int:
    """``build_docs`` followed by ``mkdocs build --strict`` into a fresh ``site/``."""
    progress = progress or Progress.silent()
    count = build_docs(catalog, docs, jobs, progress)
    site.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(site)
    stage = progress.stage("mkdocs", 1)
    with tempfile.TemporaryDirectory(dir=site.parent, prefix=f".{site.name}-") as scratch:
        output = Path(scratch) / "site"
        _mkdocs(docs, output)
        _swap(output, site)
    stage.step(str(site))
    stage.finish()
    return count


def _mkdocs(docs: Path, output: Path) -> None:
    """``mkdocs build --strict`` on ``docs`` into ``output``, through MkDocs's own API."""
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    os.environ.setdefault("SOURCE_DATE_EPOCH", _build_date())
    try:
        config = load_config(
            str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(output), strict=True
        )
        mkdocs_build(config)
    except MkDocsException as error:
        raise BuildError(
            f"mkdocs build --strict failed ({error}); site/ was left as it was"
        ) from None
    finally:
        logger.removeHandler(handler)


def _entry(
    activation: Activation,
    analysis: Analysis,
    files: dict[str, bytes],
    catalog: Sequence[Activation],
    measured: dict[str, Accuracy],
) -> Entry:
    """Figures, code and measured accuracy for one activation; figure bytes go to ``files``."""
    name = activation.id
    drawn = _cached_figures(activation, analysis)
    files |= drawn.files
    elementwise = analysis if isinstance(analysis, ElementwiseAnalysis) else None
    snippet = numpy_snippet(activation, elementwise, catalog)
    return Entry(
        activation=activation,
        analysis=analysis,
        snippet=snippet,
        accuracy=measured.get(snippet.gate_of or name),
        figure=FigureRef(
            f"../{FIGURES}/{name}-light.svg", f"../{FIGURES}/{name}-dark.svg", drawn.description
        ),
        thumbnail=f"{FIGURES}/{name}-thumb.svg",
        card=f"{FIGURES}/{name}-card.svg",
        extra_figure=drawn.extra,
    )


@dataclass(frozen=True)
class _Drawn:
    files: dict[str, bytes]
    description: str
    extra: FigureRef | None


def _cached_figures(activation: Activation, analysis: Analysis) -> _Drawn:
    """Every figure of one entry, reused while its content and the drawing code hold."""
    digest = hashlib.sha256(cache.key(activation).encode())
    digest.update(_drawing_digest().encode())
    return cache.remember(
        "entry-figures", digest.hexdigest(), lambda: _draw_figures(activation, analysis)
    )


@functools.cache
def _drawing_digest() -> str:
    """The code that decides what an entry's figures look like, read once per build.

    It includes matplotlib's version (through ``figures.code_digest``), so an upgrade
    redraws every entry instead of serving figures drawn by the old one.
    """
    digest = hashlib.sha256(figures.code_digest().encode())
    for source in (Path(plots.__file__ or ""), Path(__file__)):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _draw_figures(activation: Activation, analysis: Analysis) -> _Drawn:
    name = activation.id
    files: dict[str, bytes] = {}
    if isinstance(analysis, ElementwiseAnalysis):
        plot = plots.elementwise_plot(activation, analysis)
    else:
        assert isinstance(analysis, VectorAnalysis)
        plot = plots.vector_plot(activation, analysis)
    for scheme in figures.SCHEMES:
        files[f"{FIGURES}/{name}-{scheme.name}.svg"] = figures.draw(plot, scheme)
    files[f"{FIGURES}/{name}-thumb.svg"] = figures.sparkline(plot.curves[0])
    files[f"{FIGURES}/{name}-card.svg"] = figures.card(plot)
    extra = None
    if isinstance(analysis, VectorAnalysis) and _probabilities(analysis):
        groups = plots.temperature_groups(activation)
        categories = tuple(f"x{k + 1} = {score:g}" for k, score in enumerate(plots.SCORES))
        for scheme in figures.SCHEMES:
            files[f"{FIGURES}/{name}-temperature-{scheme.name}.svg"] = figures.bars(
                groups, categories, "softmax(x / T)", scheme
            )
        extra = FigureRef(
            f"../{FIGURES}/{name}-temperature-light.svg",
            f"../{FIGURES}/{name}-temperature-dark.svg",
            f"Bar chart of {activation.name} of the scores {list(plots.SCORES)} divided by a"
            f" temperature T of {', '.join(f'{t:g}' for t in plots.TEMPERATURES)}: a low"
            " temperature sharpens the distribution, a high one flattens it.",
        )
    return _Drawn(files, plot.description, extra)


def _curves(entries: Sequence[Entry]) -> bytes:
    """``curves.js``: f and f′ of every scalar entry, printed by SymPy for the widgets."""
    printed = [
        cached_curve(entry.activation, entry.elementwise)
        for entry in entries
        if entry.elementwise is not None
    ]
    return curves_script(printed).encode()


def _overlays(entries: Sequence[Entry], files: dict[str, bytes]) -> list[Overlay]:
    """One figure per family overlaying its members, for the comparison page."""
    result = []
    for family in FAMILIES:
        members = [(e.activation, e.analysis) for e in entries if e.activation.family == family]
        if not members:
            continue
        for scheme in figures.SCHEMES:
            path = f"{FIGURES}/overlay-{family.slug}-{scheme.name}.svg"
            files[path] = overlays.family_overlay(members, scheme)
        alt = overlays.description(family.title, [activation for activation, _ in members])
        figure = FigureRef(
            f"{FIGURES}/overlay-{family.slug}-light.svg",
            f"{FIGURES}/overlay-{family.slug}-dark.svg",
            alt,
        )
        result.append(Overlay(family, figure))
    return result


def _probabilities(analysis: VectorAnalysis) -> bool:
    """Outputs that form a distribution get the bar chart at several temperatures."""
    return analysis.sums_to_one is True and analysis.component_range is not None


def _static_files() -> dict[str, bytes]:
    """The site's own stylesheet and scripts, KaTeX's CSS and fonts, all served from the site."""
    if not KATEX.is_dir():
        raise BuildError(f"{KATEX} is missing: run 'npm ci' (make site does this)")
    files = {
        f"assets/{path.relative_to(STATIC)}": path.read_bytes()
        for path in sorted(STATIC.rglob("*"))
        if path.is_file()
    }
    files["assets/katex/katex.min.css"] = (KATEX / "katex.min.css").read_bytes()
    for font in sorted((KATEX / "fonts").glob("*.woff2")):
        files[f"assets/katex/fonts/{font.name}"] = font.read_bytes()
    return files


def _json(data: Mapping[str, object]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()


def _write_tree(target: Path, files: Mapping[str, bytes]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-"))
    try:
        for relative, content in sorted(files.items()):
            path = scratch / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        _swap(scratch, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _sync_tree(target: Path, files: Mapping[str, bytes]) -> None:
    """Write the files whose bytes differ and remove those no longer generated."""
    target.mkdir(parents=True, exist_ok=True)
    for relative, content in sorted(files.items()):
        path = target / relative
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target).as_posix()
        if path.is_file() and relative not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, in one atomic step where the kernel allows it.

    Linux's renameat2(RENAME_EXCHANGE) swaps the two trees at once, so a build killed at any
    moment leaves either the old or the new tree in place, never neither. Elsewhere, two
    renames leave a moment without ``target``.
    """
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the previous tree
        return
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically exchange two paths; False where renameat2 is not available."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_current_directory, rename_exchange = -100, 2
    result = renameat2(
        at_current_directory,
        os.fsencode(first),
        at_current_directory,
        os.fsencode(second),
        rename_exchange,
    )
    return bool(result == 0)


def _remove_leftovers(target: Path) -> None:
    """Scratch trees of a build that was killed before it could clean up."""
    for leftover in target.parent.glob(f".{target.name}-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _build_date() -> str:
    """Seconds since 1970 of the last commit: the date MkDocs writes into sitemap.xml.

    MkDocs reads SOURCE_DATE_EPOCH; without it every build would stamp today's date and two
    builds of the same sources would differ.
    """
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else "0"
