"""The stages in order: catalog → analysis → present → pages → publish → disk → MkDocs.

This is the only code that writes: ``docs/`` and ``site/`` are built beside their targets
and swapped into place when complete, so a failed build leaves the previous ones intact.
Each build holds the lock of every folder it writes (:mod:`generator.build.lock`) from
before it reads its inputs until its stamp is written, so a second build waits its turn.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.analysis import analyse_all
from generator.build import stamps
from generator.build.cache import Cache
from generator.build.lock import holding
from generator.build.mkdocs_site import run_mkdocs
from generator.build.progress import Progress
from generator.build.tree import remove_leftovers, swap, sync_tree, write_tree
from generator.catalog import load
from generator.catalog.translations import LANGUAGE, translation_folder
from generator.numerics import report as accuracy_report
from generator.pages import render_pages
from generator.paths import Paths
from generator.present import present_all
from generator.publish import publish


def build_docs(
    paths: Paths,
    jobs: int | None = None,
    progress: Progress | None = None,
    *,
    in_place: bool = False,
) -> int:
    """Generate every page and asset of ``docs/``; returns the number of activations.

    ``in_place`` (for ``serve``) rewrites only the files that changed, so a watching
    ``mkdocs serve`` sees exactly what changed instead of a whole new tree.
    """
    with holding(paths.docs):
        return _generate_docs(paths, jobs, progress or Progress.silent(), in_place=in_place)


def _generate_docs(paths: Paths, jobs: int | None, progress: Progress, *, in_place: bool) -> int:
    memo = Cache(paths.cache)
    catalog = load(paths.catalog)  # 1. read and validate every catalog file
    steps = progress.stage("deriving", len(catalog))
    analyses = analyse_all(catalog, memo, steps, jobs)  # 2. SymPy, cached, in parallel
    measured = accuracy_report.load(
        paths.implementations / "accuracy.json"
    )  # 3. make bench-accuracy's figures
    steps = progress.stage("drawing", len(catalog))
    languages = ("en", LANGUAGE) if translation_folder(paths.catalog) is not None else ("en",)
    sites = present_all(catalog, analyses, measured, memo, steps, jobs, languages=languages)
    steps = progress.stage("pages", 1)  # 4. LaTeX, figures, each edition's text
    pages: dict[str, str] = {}
    for site in sites:  # 5. templates -> Markdown; an edition other than English in its folder
        root = "" if site.language == "en" else f"{site.language}/"
        rendered = render_pages(site, paths.templates, site.language)
        pages |= {f"{root}{path}": text for path, text in rendered.items()}
    files = publish(pages, sites, paths, memo)  # 6. KaTeX, data files, static assets
    (sync_tree if in_place else write_tree)(paths.docs, files)  # 7. onto disk, atomically
    steps.step(f"{len(pages)} pages")
    steps.finish()
    return len(catalog)


def build_site(paths: Paths, jobs: int | None = None, progress: Progress | None = None) -> int:
    """``build_docs`` followed by ``mkdocs build --strict`` into a fresh ``site/``, then the
    stamp that lets the next unchanged ``site`` be a no-op (:mod:`generator.build.stamps`)."""
    progress = progress or Progress.silent()
    with holding(paths.docs, paths.site):
        inputs = stamps.digest(paths)  # before anything is read: an edit from now on rebuilds
        count = _generate_docs(paths, jobs, progress, in_place=False)
        paths.site.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(paths.site)
        stage = progress.stage("mkdocs", 1)
        with tempfile.TemporaryDirectory(
            dir=paths.site.parent, prefix=f".{paths.site.name}-"
        ) as scratch:
            output = Path(scratch) / "site"
            run_mkdocs(paths, paths.docs, output)
            swap(output, paths.site)
        stamps.remember(paths, inputs)
        stage.step(str(paths.site))
        stage.finish()
    return count
