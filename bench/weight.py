"""`make bench-weight`: the bytes a reader's browser fetches on a cold load, against budgets.

Builds the site (or takes one with ``--site``), opens every page in a fresh Chromium context
(empty cache, 1400 × 900, light scheme), scrolls to its end as a reader would, and adds up
the files the page requested until the network is idle. Material's own bundle (its CSS,
JavaScript, search worker and lunr) is the same on every page and outside our control, and
fonts are fetched once for the whole site, so both are reported but not counted; the search
index has a budget of its own (tests/budgets.py holds the budgets). Exits 1 when a
figure is over its budget, so the numbers in a closing note come from one run of this.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import unquote, urlsplit

ROOT: Final = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from generator.build.pipeline import build_site  # noqa: E402
from generator.paths import Paths  # noqa: E402
from tests.browser import launch, serve  # noqa: E402
from tests.budgets import PAGE_BUDGETS, SEARCH_BUDGETS  # noqa: E402

SEARCH_INDEX: Final = "search/search_index.json"
MATERIAL: Final = re.compile(
    r"^assets/(javascripts/(bundle\.[0-9a-f]+\.min\.js|workers/|lunr/)"
    r"|stylesheets/(main|palette)\.[0-9a-f]+\.min\.css|images/favicon\.png)"
)
FONT: Final = re.compile(r"\.(woff2?|ttf|otf)$")


@dataclass(frozen=True)
class Load:
    """One page's cold load, in bytes, by kind of file."""

    page: str
    counted: int  # everything the budget covers: HTML, our CSS/JS, KaTeX's CSS, figures
    material: int
    fonts: int
    search_index: int
    files: tuple[tuple[str, int], ...]  # the counted files, largest first

    @property
    def kind(self) -> str:
        """The budget a page falls under, in either edition (the Chinese one under zh/)."""
        page = self.page.removeprefix("zh/") if self.page != "zh/" else ""
        if page == "":
            return "home page"
        if page == "comparison/":
            return "comparison"
        if page.startswith("activations/"):
            return "activation page"
        return "other page"


def pages(site: Path) -> list[str]:
    """Every page of the built site, as a path relative to its root ('' for the home page)."""
    found = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        found.append("" if relative == "." else relative + "/")
    return found


def site_file(site: Path, url: str) -> str | None:
    """The site-relative path a local URL was served from (None for data: URLs and such)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    path = unquote(parts.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path if (site / path).is_file() else None


def cold_load(browser: Browser, base_url: str, site: Path, page_path: str) -> Load:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme="light")
    try:
        fetched: set[str] = set()
        page = context.new_page()
        page.on("requestfinished", lambda request: fetched.add(request.url))
        page.goto(base_url + page_path, wait_until="networkidle")
        # A reader scrolls through the page: lazy figures below the fold load too.
        page.evaluate(
            """async () => {
                for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
                    scrollTo(0, y);
                    await new Promise((done) => setTimeout(done, 20));
                }
            }"""
        )
        page.wait_for_load_state("networkidle")
        files = sorted({path for url in fetched if (path := site_file(site, url))})
    finally:
        context.close()
    sizes = {path: (site / path).stat().st_size for path in files}
    # The Chinese edition has Material's files and a search index of its own, under zh/.
    shared = {path: path.removeprefix("zh/") for path in sizes}
    counted = {
        path: size
        for path, size in sizes.items()
        if shared[path] != SEARCH_INDEX
        and not MATERIAL.search(shared[path])
        and not FONT.search(shared[path])
    }
    return Load(
        page=page_path,
        counted=sum(counted.values()),
        material=sum(size for path, size in sizes.items() if MATERIAL.search(shared[path])),
        fonts=sum(size for path, size in sizes.items() if FONT.search(shared[path])),
        search_index=sum(size for path, size in sizes.items() if shared[path] == SEARCH_INDEX),
        files=tuple(sorted(counted.items(), key=lambda item: (-item[1], item[0]))),
    )


def measure(site: Path, paths: Iterable[str]) -> list[Load]:
    with sync_playwright() as playwright, serve(site) as base_url:
        browser = launch(playwright)
        try:
            return [cold_load(browser, base_url, site, path) for path in paths]
        finally:
            browser.close()


def source_maps(site: Path) -> list[Path]:
    return sorted(site.rglob("*.map"))


def over_budget(loads: Sequence[Load], site: Path) -> list[str]:
    """Every budget a load or the site breaks, as a sentence."""
    problems = [
        f"{load.page or 'home page'}: {load.counted:,} bytes, over the {load.kind} budget "
        f"of {PAGE_BUDGETS[load.kind]:,}"
        for load in loads
        if load.kind in PAGE_BUDGETS and load.counted > PAGE_BUDGETS[load.kind]
    ]
    for index, budget in SEARCH_BUDGETS.items():
        if not (site / index).is_file():
            continue
        size = (site / index).stat().st_size
        if size > budget:
            problems.append(f"{index}: {size:,} bytes, over the budget of {budget:,}")
    problems += [f"source map shipped: {path.relative_to(site)}" for path in source_maps(site)]
    return problems


def report(loads: Sequence[Load], site: Path) -> str:
    lines = [
        "Cold load of each page, 1400 × 900, bytes (budget covers HTML, our CSS/JS, KaTeX CSS,",
        "figures; Material's bundle and fonts are listed but not counted).",
        "",
        f"{'kind':<16} {'pages':>5} {'largest':>9} {'median':>9} {'budget':>9}  largest page",
    ]
    for kind in (*PAGE_BUDGETS, "other page"):
        group = sorted((load for load in loads if load.kind == kind), key=lambda x: x.counted)
        if not group:
            continue
        budget = f"{PAGE_BUDGETS[kind]:,}" if kind in PAGE_BUDGETS else "—"
        median = group[len(group) // 2].counted
        lines.append(
            f"{kind:<16} {len(group):>5} {group[-1].counted:>9,} {median:>9,} {budget:>9}"
            f"  {group[-1].page or '(home)'}"
        )
    heaviest = max(loads, key=lambda load: load.counted)
    maps = source_maps(site)
    lines += [
        "",
        *(
            f"search index {index}: {(site / index).stat().st_size:,} bytes (budget {budget:,})"
            for index, budget in SEARCH_BUDGETS.items()
            if (site / index).is_file()
        ),
        f"source maps: {len(maps)} files, {sum(p.stat().st_size for p in maps):,} bytes",
        f"Material's bundle on a cold load: {heaviest.material:,} bytes; fonts: "
        f"{max(load.fonts for load in loads):,} bytes at most",
        "",
        f"heaviest page, {heaviest.page or '(home)'}, file by file:",
        *(f"  {size:>9,}  {path}" for path, size in heaviest.files),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as scratch:
        site = arguments.site
        if site is None:
            site = Path(scratch) / "site"
            build_site(Paths.default().moved(docs=Path(scratch) / "docs", site=site))
        loads = measure(site, pages(site))
        print(report(loads, site))
        problems = over_budget(loads, site)
    if problems:
        print("\nover budget:\n  " + "\n  ".join(problems))
        return 1
    print("\nevery figure is within its budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
