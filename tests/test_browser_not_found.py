"""The 404 page, served as a real host serves it: for any missing address, at any depth,
with the site published under a sub-path (SITE_URL).

Its stylesheets and scripts load, every link on it leads to a page that exists, and its
search button opens the search, which finds GELU under the sub-path.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, sync_playwright

from generator.build.mkdocs_site import run_mkdocs
from generator.paths import Paths
from tests.browser import SCHEMES, Tab, chromium_path, launch, serve_with, shared_site

PREFIX: Final = "/reference/"  # the sub-path the site is published under
MISSING: Final = ("no-such-page/", "activations/no-such-page/deeper/", "activations/gelu/x.png")
WIDTHS: Final = (1400, 390)


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site under PREFIX, and 404.html (status 404) for anything it lacks."""

    def __init__(self, *args: Any, site: Path, **kwargs: Any) -> None:
        self.site = site
        super().__init__(*args, directory=str(site), **kwargs)

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        inside = route[len(PREFIX) :] if route.startswith(PREFIX) else "\0"
        return super().translate_path("/" + inside)

    def send_head(self) -> Any:
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if "\0" not in str(target) and target.is_file():
            return super().send_head()
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_under_prefix(site: Path) -> AbstractContextManager[str]:
    return serve_with(functools.partial(_SubPathHandler, site=site), PREFIX)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site's docs built again with SITE_URL set to a sub-path."""
    docs = shared_site(tmp_path_factory).parent / "docs"
    output = tmp_path_factory.mktemp("published") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", f"https://example.org{PREFIX}")
        run_mkdocs(Paths.default(), docs, output)
    assert os.environ.get("SITE_URL") != f"https://example.org{PREFIX}"
    return output


@pytest.fixture(scope="module")
def tabs(published: Path) -> Iterator[dict[str, Tab]]:
    chromium_path()
    with sync_playwright() as playwright, serve_under_prefix(published) as base_url:
        browser: Browser = launch(playwright)
        opened = {scheme: Tab.open(browser, base_url, scheme) for scheme in SCHEMES}
        yield opened
        for tab in opened.values():
            tab.close()
        browser.close()


def test_the_sitemap_uses_the_site_url(published: Path) -> None:
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>https://example.org{PREFIX}activations/gelu/</loc>" in sitemap


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("missing", MISSING)
def test_a_missing_page_gets_a_working_404(
    tabs: dict[str, Tab], missing: str, width: int, scheme: str
) -> None:
    tab = tabs[scheme]
    page = tab.page
    page.set_viewport_size({"width": width, "height": 900})
    try:
        tab.log.clear()
        response = page.goto(tab.base_url + missing, wait_until="load")
        assert response is not None
        assert response.status == 404
        expected_failure = f"404 {tab.base_url}{missing}"
        others = [failure for failure in tab.log.failed if failure != expected_failure]
        assert not others, f"the 404 page could not load: {others}"
        # The browser reports the page's own status; nothing else may fail.
        errors = [e for e in tab.log.console_errors if not e.endswith(f"({tab.base_url}{missing})")]
        assert not tab.log.page_errors, tab.log.page_errors
        assert not errors, errors
        assert page.locator("h1").first.inner_text() == "Page not found"
        styled = page.evaluate(
            "() => getComputedStyle(document.querySelector('.md-header')).position"
        )
        assert styled in ("sticky", "fixed"), "Material's stylesheet did not load"
        links = page.eval_on_selector_all(
            "article a[href]", "(anchors) => anchors.map((a) => a.href)"
        )
        assert len(links) >= 6, links
        for link in links:
            assert urlsplit(link).path.startswith(PREFIX), f"{link} leaves {PREFIX}"
            status = page.request.get(link).status
            assert status == 200, f"{link} on the 404 page answers {status}"
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the 404 page scrolls sideways by {overflow} px"
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def test_the_404_search_button_finds_pages_under_the_sub_path(tabs: dict[str, Tab]) -> None:
    tab = tabs["light"]
    page = tab.page
    page.goto(tab.base_url + "activations/no-such-page/", wait_until="load")
    page.locator("article label[for='__search']").click()
    box = page.locator(".md-search__input")
    box.press_sequentially("gelu")
    first = page.locator(".md-search-result__list > li a").first
    first.wait_for(state="visible")
    href = first.evaluate("(a) => a.href")
    assert urlsplit(href).path == f"{PREFIX}activations/gelu/", href
    assert not tab.log.foreign, tab.log.foreign
