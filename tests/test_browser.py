"""The built site in a real browser (headless Debian Chromium driven by Playwright).

Every page loads without a console error, requests nothing from another host, shows its
math typeset and every image loaded; the site search finds GELU; screenshots of the main
pages in both colour schemes land in ``test-artifacts/screenshots/``; and the interactive
widgets (the explorer, the picker, the sortable comparison table) respond to input.
"""

from __future__ import annotations

import functools
import operator
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.records.catalog import Activation
from tests.browser import SCHEMES, SCREENSHOTS, VIEWPORT, Tab
from tests.conftest import CATALOG

T = TypeVar("T")

ACTIVATION_PAGES: Final = tuple(f"activations/{a.id}/" for a in CATALOG)
FAMILY_PAGES: Final = tuple(sorted({f"families/{a.family.slug}/" for a in CATALOG}))
ENGLISH_PAGES: Final = ("", "properties/", *FAMILY_PAGES, *ACTIVATION_PAGES)
PAGES: Final = (*ENGLISH_PAGES, *(f"zh/{page}" for page in ENGLISH_PAGES))  # both editions
PARAMETERISED: Final = tuple(a for a in CATALOG if a.parameters)
RAW_TEX: Final = ("@@tex-", "$$", "\\frac", "\\operatorname")
SCREENSHOT_PAGES: Final = {"home": "", "gelu": "activations/gelu/", "comparison": "comparison/"}
PICKED: Final = ("gelu", "relu", "silu")

# The visible text outside code: TeX shown as code (the Data page's `symbol` example) is
# meant to be read as source; TeX anywhere else is math that failed to typeset.
PAGE_STATE: Final = """() => ({
    text: Array.from(document.querySelectorAll('pre, code'), (el) => el.innerText)
        .reduce((text, code) => text.replace(code, ''), document.body.innerText),
    katex: document.querySelectorAll('.katex').length,
    images: Array.from(document.images, (img) => ({
        src: img.getAttribute('src'),
        loaded: img.complete && img.naturalWidth > 0,
    })),
})"""


# --- fixtures --------------------------------------------------------------------------


@pytest.fixture
def light(tabs: dict[str, Tab]) -> Tab:
    return tabs["light"]


def eventually(read: Callable[[], T], done: Callable[[T], bool], seconds: float = 5.0) -> T:
    """``read()`` again and again until ``done`` holds or time is up; the last value read."""
    deadline = time.monotonic() + seconds
    value = read()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(0.05)
        value = read()
    return value


def widget(page: Page, selector: str, what: str) -> Locator:
    """The one element ``selector`` names; fails (never skips) when the page lacks it."""
    found = page.locator(selector)
    count = found.count()
    assert count == 1, f"{page.url}: expected one {what} ({selector}), found {count}"
    return found


# --- every page ----------------------------------------------------------------------------


def check_page(tab: Tab, path: str) -> None:
    """Every problem of one page, reported together."""
    page = tab.visit(path)
    state: dict[str, Any] = page.evaluate(PAGE_STATE)
    log = tab.log
    problems = [
        *(f"requested another host: {url}" for url in log.foreign),
        *(f"threw {error}" for error in log.page_errors),
        *(f"console error: {message}" for message in log.console_errors),
        *(f"failed request: {failure}" for failure in log.failed),
        *(f"raw TeX visible: {marker}" for marker in RAW_TEX if marker in state["text"]),
        *(f"image not loaded: {image['src']}" for image in state["images"] if not image["loaded"]),
    ]
    if path.removeprefix("zh/").startswith("activations/") and not state["katex"]:
        problems.append("no KaTeX output (.katex)")
    assert not problems, f"{path or 'home page'}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("path", PAGES, ids=[p.strip("/") or "home" for p in PAGES])
def test_page_loads_cleanly(light: Tab, path: str) -> None:
    check_page(light, path)


def test_every_other_page_loads_cleanly(light: Tab, site: Path) -> None:
    """Pages the catalog does not predict (comparison, anything added later) are walked."""
    found = {
        "" if page.parent == site else f"{page.parent.relative_to(site).as_posix()}/"
        for page in site.rglob("index.html")
    }
    assert set(PAGES) <= found, f"pages missing from the build: {sorted(set(PAGES) - found)}"
    for path in sorted(found - set(PAGES)):
        check_page(light, path)


def test_color_schemes_follow_the_system(tabs: dict[str, Tab]) -> None:
    for scheme, expected in (("light", "default"), ("dark", "slate")):
        page = tabs[scheme].visit("activations/gelu/")
        attribute = page.evaluate("() => document.body.dataset.mdColorScheme")
        assert attribute == expected, f"{scheme}: body has data-md-color-scheme={attribute}"


# --- search --------------------------------------------------------------------------------


def test_search_finds_gelu(light: Tab) -> None:
    page = light.visit("")
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("gelu")  # Material reads the query on keyup, which fill() skips

    def links() -> list[str]:
        hrefs: list[str] = page.eval_on_selector_all(
            ".md-search-result__list a", "(anchors) => anchors.map((a) => a.href)"
        )
        return hrefs

    def to_gelu(hrefs: list[str]) -> bool:
        return any(urlsplit(href).path.endswith("/activations/gelu/") for href in hrefs)

    found = eventually(links, to_gelu, seconds=10)
    assert to_gelu(found), f"no search result links to activations/gelu/: {found}"
    assert any(url.endswith("/search/search_index.json") for url in light.log.requests)
    assert not light.log.foreign, f"search requested other hosts: {light.log.foreign}"
    assert not light.log.page_errors, light.log.page_errors
    assert not light.log.console_errors, light.log.console_errors


# --- screenshots -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", SCREENSHOT_PAGES)
def test_screenshot(tabs: dict[str, Tab], site: Path, name: str, scheme: str) -> None:
    path = SCREENSHOT_PAGES[name]
    if not (site / path / "index.html").is_file():
        pytest.skip(f"{path} is not generated yet, so there is nothing to photograph")
    tab = tabs[scheme]
    page = tab.visit(path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}-{scheme}.png"
    page.screenshot(path=str(target), full_page=True, animations="disabled")
    assert target.stat().st_size > 10_000, f"{target} is suspiciously small"
    assert not tab.log.console_errors, tab.log.console_errors


# --- interactive widgets (they must exist: a missing widget fails) ------------------------


@pytest.mark.parametrize("activation", PARAMETERISED, ids=[a.id for a in PARAMETERISED])
def test_explorer_sliders_redraw_the_curve(light: Tab, activation: Activation) -> None:
    page = light.visit(f"activations/{activation.id}/")
    explorer = widget(page, f'div.explorer[data-activation="{activation.id}"]', "explorer")
    sliders = explorer.locator("input[type=range][data-parameter]")
    names = sorted(sliders.evaluate_all("(inputs) => inputs.map((i) => i.dataset.parameter)"))
    assert names == sorted(p.name for p in activation.parameters), "one slider per parameter"
    curve = widget(page, "svg.explorer-plot path.curve-f", "curve of f")
    assert widget(page, "svg.explorer-plot path.curve-df", "curve of f′").get_attribute("d")
    for parameter in activation.parameters:
        before = curve.get_attribute("d")
        assert before, f"{activation.id}: path.curve-f has no d"
        output = widget(page, f'output[data-parameter="{parameter.name}"]', "value display")
        shown = output.inner_text()
        slider = sliders.and_(page.locator(f'[data-parameter="{parameter.name}"]'))
        old, new = slider.evaluate(
            """(input) => {
                const min = Number(input.min || 0), max = Number(input.max || 100);
                const value = Number(input.value);
                input.value = String(max - value >= value - min ? max : min);
                input.dispatchEvent(new Event('input', {bubbles: true}));
                input.dispatchEvent(new Event('change', {bubbles: true}));
                return [value, Number(input.value)];
            }"""
        )
        assert old != new, f"{activation.id}: the {parameter.name} slider cannot move"
        after = eventually(lambda: curve.get_attribute("d"), functools.partial(operator.ne, before))
        assert after, f"{activation.id}: moving {parameter.name} emptied path.curve-f"
        assert after != before, f"{activation.id}: moving {parameter.name} left f as it was"
        assert output.inner_text() != shown, f"{activation.id}: {parameter.name} still {shown}"
    assert not light.log.page_errors, light.log.page_errors
    assert not light.log.console_errors, light.log.console_errors


def test_picker_draws_the_checked_activations(light: Tab) -> None:
    page = light.visit("comparison/")
    picker = widget(page, "div#picker", "picker")
    boxes = picker.locator("input[type=checkbox][data-activation]")
    for box in boxes.all():
        if box.is_checked() and box.get_attribute("data-activation") not in PICKED:
            box.uncheck()
    for identifier in PICKED:
        widget(page, f'#picker input[type=checkbox][data-activation="{identifier}"]', "box").check()

    def drawn() -> list[tuple[str, str]]:
        paths: list[tuple[str, str]] = page.eval_on_selector_all(
            "svg#picker-plot path[data-activation]",
            "(paths) => paths.map((p) => [p.dataset.activation, p.getAttribute('d') || ''])",
        )
        return sorted((identifier, d) for identifier, d in paths)

    paths = eventually(drawn, lambda paths: tuple(i for i, _ in paths) == PICKED)
    assert tuple(identifier for identifier, _ in paths) == PICKED, f"drawn: {paths}"
    assert all(d.strip() for _, d in paths), f"empty curves: {paths}"
    assert not light.log.page_errors, light.log.page_errors
    assert not light.log.console_errors, light.log.console_errors


def test_comparison_table_sorts_by_name(light: Tab) -> None:
    page = light.visit("comparison/")
    table = widget(page, "table.comparison", "comparison table")
    headers = [text.strip().casefold() for text in table.locator("thead th").all_inner_texts()]
    column = next((i for i, text in enumerate(headers) if text.startswith("name")), None)
    assert column is not None, f"no Name header among {headers}"
    header = table.locator("thead th").nth(column)
    button = header.locator("button")
    clickable = button if button.count() else header
    cells = table.locator(f"tbody tr > :nth-child({column + 1})")

    clickable.click()
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done(null)))")
    first = [text.strip() for text in cells.all_inner_texts()]
    assert len(set(first)) > 1, f"nothing to sort: {first}"
    clickable.click()
    expect(cells).to_have_text(list(reversed(first)))
    assert not light.log.page_errors, light.log.page_errors


def test_code_tabs_switch_and_every_block_has_a_copy_button(light: Tab) -> None:
    page = light.visit("activations/gelu/")
    labels = page.locator(".tabbed-labels label")
    assert [t.strip() for t in labels.all_inner_texts()] == ["NumPy", "PyTorch", "Keras 3", "JAX"]
    labels.nth(1).click()
    visible = page.locator(".tabbed-block:visible pre code")
    expect(visible.first).to_contain_text("torch.nn.GELU")
    blocks = page.locator(".tabbed-set pre")
    buttons = page.locator('.tabbed-set pre button[data-md-type="copy"]')
    # NumPy: the short form and the folded accurate module; each framework: the built-in
    # call and the code from scratch.
    assert blocks.count() == 8
    assert page.locator(".tabbed-set details pre").count() == 1
    assert buttons.count() == blocks.count(), "Material adds a copy button to every block"


# --- formulas fit their column ------------------------------------------------------------

# Every display formula against the column it sits in: a formula that needs sideways
# scrolling to be read is a layout failure, on a phone as on a desktop.
OVERFLOWING_FORMULAS: Final = """() => Array.from(
    document.querySelectorAll('.md-content .katex-display'),
    (display) => {
        const box = display.closest('.math-display') || display.parentElement;
        return {
            tex: (display.querySelector('annotation') || {}).textContent || '',
            width: box.scrollWidth,
            room: box.clientWidth,
        };
    }).filter((f) => f.width > f.room + 1)"""
WIDTHS: Final = (1400, 720, 390)  # 720: the narrowest desktop layout (extra.css)


@pytest.mark.parametrize("width", WIDTHS)
def test_display_formulas_fit_their_column(light: Tab, width: int) -> None:
    page = light.page
    page.set_viewport_size({"width": width, "height": 900})
    try:
        overflowing = []
        for path in PAGES:
            light.visit(path)
            for formula in page.evaluate(OVERFLOWING_FORMULAS):
                overflowing.append(
                    f"{path}: {formula['width']} px in {formula['room']} px: {formula['tex'][:90]}"
                )
    finally:
        page.set_viewport_size({"width": VIEWPORT["width"], "height": VIEWPORT["height"]})
    assert not overflowing, f"{len(overflowing)} formulas wider than their column:\n  " + (
        "\n  ".join(overflowing)
    )
