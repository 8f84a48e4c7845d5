"""Every page on a desktop and a phone, light and dark: nothing wider than its column, tables
that scroll in their own box with their first column kept, names that wrap only after a dot,
plot text a phone can read, the comparison table's sticky header, numeric sort and filter,
and the cheat sheet on A4 paper in both orientations.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from generator.catalog.families import FAMILIES
from generator.records.catalog import Activation
from tests.browser import SCHEMES, Tab
from tests.conftest import CATALOG

WIDTHS: Final = (1400, 390)
PHONE: Final = 44.99 * 16  # px: Material's phone layout, and the figures' phone variant
MIN_PLOT_TEXT: Final = 10.0  # CSS px
A4: Final = {False: (190, 277), True: (277, 190)}  # printable mm (10 mm margins), by landscape
MM: Final = 96 / 25.4  # CSS px


def pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path under its root ('' for the home page)."""
    found = []
    for index in sorted(site.rglob("index.html")):
        path = index.parent.relative_to(site).as_posix()
        if path != ".":
            found.append(path + "/")
    return ["", *found]


# Per page: the document's width, and every table (and identifier in a table) that does not
# fit. A line break in an identifier is found from its characters' boxes: a character that
# starts a new line must follow a dot or an underscore (where the generator puts <wbr>), a
# space or a hyphen.
LAYOUT: Final = """() => {
    const column = document.querySelector('.md-content__inner').getBoundingClientRect();
    const tables = [];
    for (const table of document.querySelectorAll('.md-typeset table')) {
        const box = table.closest('.md-typeset__scrollwrap, .comparison-scroll');
        const rect = (box || table).getBoundingClientRect();
        const first = table.querySelector('tbody tr > :first-child');
        tables.push({
            where: (table.closest('[id]') || {}).id || table.className
                || (table.previousElementSibling || {}).id || '',
            width: Math.round(table.getBoundingClientRect().width),
            box: Math.round(rect.right - rect.left), boxRight: rect.right,
            scrolls: box ? getComputedStyle(box).overflowX : 'visible',
            sticky: first ? getComputedStyle(first).position : 'sticky',
        });
    }
    const broken = [];
    for (const code of document.querySelectorAll('.md-typeset td code, .md-typeset th code')) {
        if (code.getClientRects().length < 2) continue;
        const text = code.textContent;
        const range = document.createRange();
        let top = null;
        let offset = 0;
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.length; i += 1, offset += 1) {
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const box = range.getBoundingClientRect();
                if (top !== null && box.top > top + 2 && !'._ -'.includes(text[offset - 1])) {
                    broken.push(text.slice(0, offset) + '|' + text.slice(offset));
                }
                top = box.top;
            }
        }
    }
    return {
        page: document.documentElement.scrollWidth, window: innerWidth,
        column: {left: column.left, right: column.right}, tables, broken,
    };
}"""


def layout_problems(state: dict[str, Any], width: int) -> list[str]:
    problems = []
    if state["page"] > state["window"]:
        problems.append(f"the page is {state['page']} px wide in a {state['window']} px window")
    for table in state["tables"]:
        where = table["where"] or "a table"
        if width > PHONE and table["width"] > state["column"]["right"] - state["column"]["left"]:
            problems.append(f"{where}: {table['width']} px wide, wider than its column")
        if table["boxRight"] > state["window"] + 0.5:
            problems.append(f"{where}: its box runs off the screen")
        if width <= PHONE and table["scrolls"] not in ("auto", "scroll"):
            problems.append(f"{where}: does not scroll in a box of its own")
        if width <= PHONE and table["sticky"] != "sticky":
            problems.append(f"{where}: its first column does not stay in view")
    problems += [f"identifier broken mid-word: {text}" for text in state["broken"]]
    return problems


def load(tab: Tab, path: str) -> Page:
    """A page as a reader gets it, without the image work of Tab.visit."""
    tab.log.clear()
    response = tab.page.goto(tab.base_url + path, wait_until="load")
    assert response is not None, f"{path}: no response"
    assert response.ok, f"{path}: HTTP {response.status}"
    tab.page.evaluate("document.fonts.ready")
    return tab.page


Sized = tuple[Tab, int, str]  # a tab set to a width, its width and its colour scheme


@pytest.fixture(params=[(w, s) for w in WIDTHS for s in SCHEMES], ids=lambda p: f"{p[0]}-{p[1]}")
def sized(request: pytest.FixtureRequest, tabs: dict[str, Tab]) -> Iterator[Sized]:
    width, scheme = request.param
    tab = tabs[scheme]
    tab.page.set_viewport_size({"width": width, "height": 900})
    yield tab, width, scheme
    tab.page.set_viewport_size({"width": 1280, "height": 900})


def test_no_page_or_table_is_wider_than_its_column(sized: Sized, site: Path) -> None:
    tab, width, _ = sized
    report = []
    for path in pages(site):
        page = load(tab, path)
        problems = layout_problems(page.evaluate(LAYOUT), width)
        report += [f"{path or 'home'}: {problem}" for problem in problems]
    assert not report, f"at {width} px:\n  " + "\n  ".join(report)


# ---- figures ------------------------------------------------------------------------------

FIGURE_PAGES: Final = ("activations/gelu/", "activations/softmax/", "families/smooth-relu/")

# Each figure shown: the file the browser picked and its rendered width, with the smallest
# text in it (matplotlib writes <text> in the SVG's own units) scaled to CSS px.
FIGURE_TEXT: Final = """async () => {
    const shown = Array.from(document.querySelectorAll('.md-typeset picture img'))
        .filter((img) => img.getClientRects().length > 0);
    const out = [];
    for (const img of shown) {
        img.scrollIntoView();  // lazy: loaded when near the window
        await img.decode();
        const svg = new DOMParser().parseFromString(
            await (await fetch(img.currentSrc)).text(), 'image/svg+xml').documentElement;
        const units = svg.viewBox.baseVal.width;
        const sizes = Array.from(svg.querySelectorAll('text'),
            (t) => parseFloat(t.getAttribute('style').match(/font-size: *([0-9.]+)px/)[1]));
        const width = img.getBoundingClientRect().width;
        out.push({file: img.currentSrc.split('/').pop().split('#')[0], width,
            smallest: Math.min(...sizes) * width / units});
    }
    return out;
}"""


def test_plot_text_is_readable_and_only_the_shown_figures_load(sized: Sized) -> None:
    tab, width, scheme = sized
    other = "light" if scheme == "dark" else "dark"
    for path in FIGURE_PAGES:
        page = load(tab, path)
        figures = page.evaluate(FIGURE_TEXT)
        assert figures, f"{path}: no figure shown"
        for figure in figures:
            assert figure["smallest"] >= MIN_PLOT_TEXT, (
                f"{path} at {width} px: {figure['file']} has text of"
                f" {figure['smallest']:.1f} CSS px"
            )
            phone = "-phone-" in figure["file"]
            assert phone == (width <= PHONE), f"{path} at {width} px shows {figure['file']}"
            assert figure["file"].endswith(f"-{scheme}.svg"), f"{path}: {figure['file']}"
        fetched = [url.split("/")[-1] for url in tab.log.requests if "/figures/" in url]
        assert not [f for f in fetched if f.endswith(f"-{other}.svg")], (
            f"{path} ({scheme}) fetched the {other} figures too: {fetched}"
        )


# The browser-drawn plots (explorer, picker): a tick label's size in the SVG's units, scaled
# by how wide the SVG is shown against its viewBox.
WIDGET_TEXT: Final = """() => Array.from(
    document.querySelectorAll('svg.explorer-plot, svg#picker-plot'), (svg) => {
        const ticks = Array.from(svg.querySelectorAll('text.plot-tick'),
            (t) => parseFloat(getComputedStyle(t).fontSize));
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return {plot: svg.id || svg.className.baseVal, ticks: ticks.length,
            smallest: Math.min(...ticks) * scale};
    })"""


@pytest.mark.parametrize("path", ["activations/elu/", "comparison/"])
def test_the_interactive_plots_text_is_readable(sized: Sized, path: str) -> None:
    tab, width, _ = sized
    plots = load(tab, path).evaluate(WIDGET_TEXT)
    assert plots, f"{path}: no interactive plot"
    for plot in plots:
        assert plot["ticks"] > 5, f"{path}: {plot['plot']} has no tick labels"
        assert plot["smallest"] >= MIN_PLOT_TEXT, (
            f"{path} at {width} px: {plot['plot']} tick labels of {plot['smallest']:.1f} CSS px"
        )


def test_the_picker_legend_never_covers_the_choices(sized: Sized) -> None:
    tab, width, _ = sized
    page = load(tab, "comparison/")
    boxes = page.evaluate(
        """() => {
            const choices = document.querySelector('.picker-choices');
            const out = [];
            for (const target of choices.querySelectorAll('legend, label')) {
                target.scrollIntoView({block: 'start'});  // where a sticky figure would sit
                const figure = document.querySelector('.picker-figure').getBoundingClientRect();
                const box = target.getBoundingClientRect();
                const apart = box.bottom <= figure.top || box.top >= figure.bottom
                    || box.right <= figure.left || box.left >= figure.right;
                if (!apart) out.push(target.textContent.trim());
            }
            return out;
        }"""
    )
    assert not boxes, f"at {width} px the picker's figure covers {boxes[:5]}"
    strokes = page.evaluate(
        """() => Array.from(document.querySelectorAll('#picker-plot path.picker-f'),
            (path) => getComputedStyle(path).stroke)"""
    )
    assert len(strokes) >= 2, "the picker drew fewer than two curves"
    assert "none" not in strokes, f"picker curves drawn without a colour: {strokes}"
    assert len(set(strokes)) == len(strokes), f"picker curves share a colour: {strokes}"


def top_level_rules(css: str) -> int:
    """Blocks at the top level of a stylesheet (a rule, or an @media with its rules)."""
    depth = count = 0
    for character in re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL):
        if character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
            count += depth == 0
    return count


def test_every_stylesheet_of_ours_parses_to_its_end(tabs: dict[str, Tab], site: Path) -> None:
    """A stray brace drops every rule after it without an error in the console."""
    page = load(tabs["light"], "comparison/")
    parsed: dict[str, int] = page.evaluate(
        """() => Object.fromEntries(Array.from(document.styleSheets)
            .filter((sheet) => sheet.href && sheet.href.includes('/assets/stylesheets/'))
            .map((sheet) => [sheet.href.split('/').pop(), sheet.cssRules.length]))"""
    )
    folder = site / "assets" / "stylesheets"
    ours = {
        path.name: top_level_rules(path.read_text(encoding="utf-8"))
        for path in folder.glob("*.css")
        if not re.fullmatch(r"(main|palette)\.[0-9a-f]+\.min\.css", path.name)
    }
    assert ours
    assert {name: parsed.get(name) for name in ours} == ours


# ---- the comparison table -------------------------------------------------------------------

STICKY: Final = """() => {
    const box = document.querySelector('.comparison-scroll');
    box.scrollIntoView();
    box.scrollTop = 800;
    box.scrollLeft = 600;
    const frame = box.getBoundingClientRect();
    const header = box.querySelector('thead th:nth-child(4)').getBoundingClientRect();
    const row = Array.from(box.querySelectorAll('tbody tr')).find(
        (r) => r.getBoundingClientRect().top > frame.top + 60);
    const name = row.cells[0];
    const opaque = (e) => getComputedStyle(e).backgroundColor.match(/[0-9.]+/g).length === 3
        || getComputedStyle(e).backgroundColor.endsWith(', 1)');
    return {
        scrolled: [box.scrollTop, box.scrollLeft],
        headerGap: header.top - frame.top,
        nameGap: name.getBoundingClientRect().left - frame.left,
        name: name.textContent.trim(),
        opaque: opaque(name) && opaque(box.querySelector('thead th')),
    };
}"""


def test_the_comparison_table_keeps_its_header_and_names_in_view(sized: Sized) -> None:
    tab, width, _ = sized
    state = load(tab, "comparison/").evaluate(STICKY)
    assert state["scrolled"][0] > 0, "the table does not scroll down in its box"
    assert abs(state["headerGap"]) <= 2, f"at {width} px the header row scrolled away"
    if state["scrolled"][1] > 0:  # wide enough to scroll sideways (always on a phone)
        assert abs(state["nameGap"]) <= 2, f"at {width} px the Name column scrolled away"
    assert width > PHONE or state["scrolled"][1] > 0, "12 columns fit a phone?"
    assert state["opaque"], "a sticky cell lets the rows scrolling under it show through"


def sort_by(page: Page, header: str) -> list[str]:
    page.locator("table.comparison thead th button", has_text=header).first.click()
    keys: list[str] = page.evaluate(
        """(header) => {
            const heads = Array.from(document.querySelectorAll('table.comparison thead th'));
            const column = heads.findIndex((th) => th.textContent.trim().startsWith(header));
            return Array.from(document.querySelectorAll('table.comparison tbody tr'),
                (row) => row.cells[column].getAttribute('data-sort'));
        }""",
        header,
    )
    return keys


def numeric(key: str) -> tuple[float, ...]:
    return tuple(float(part) for part in key.split())


@pytest.mark.parametrize("scheme", SCHEMES)
def test_numeric_columns_sort_as_numbers(tabs: dict[str, Tab], scheme: str) -> None:
    page = load(tabs[scheme], "comparison/")
    for header in ("Range", "Mean", "Continuity", "Monotonic", "Saturates left"):
        keys = sort_by(page, header)
        known = [k for k in keys if k != ""]
        assert known, header
        assert keys[: len(known)] == known, f"{header}: undetermined values are not last"
        values = [numeric(k) for k in known]
        assert values == sorted(values), f"{header} sorts {known[:6]}…"
        descending = [k for k in sort_by(page, header) if k != ""]
        assert [numeric(k) for k in descending] == sorted(values, reverse=True), header
    ranges = [numeric(k) for k in sort_by(page, "Range") if k]
    assert ranges[0][0] == float("-inf"), "ranges by their lower end"
    assert ranges[-1][0] >= 0, "ranges by their lower end"


def shown_rows(page: Page) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = page.evaluate(
        """() => Array.from(document.querySelectorAll('table.comparison tbody tr'))
            .filter((r) => !r.hidden && r.getClientRects().length > 0)
            .map((r) => ({id: r.dataset.activation, names: r.dataset.names,
                          properties: r.dataset.properties}))"""
    )
    return rows


def names(activation: Activation) -> str:
    """What the filter box searches: name, aliases and family."""
    return " ".join((activation.name, *activation.aliases, activation.family.title)).casefold()


def count_text(page: Page) -> str:
    return page.locator("#comparison-count").inner_text()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_filter_matches_names_and_the_chips_properties(
    tabs: dict[str, Tab], scheme: str
) -> None:
    page = load(tabs[scheme], "comparison/")
    box = page.locator("#comparison-filter")
    total = len(CATALOG)
    expected = {query: {a.id for a in CATALOG if query in names(a)} for query in ("relu", "soft")}
    for query, ids in expected.items():
        box.fill(query)
        rows = shown_rows(page)
        assert {row["id"] for row in rows} == ids, query
        assert count_text(page) == f"{len(ids)} of {total} shown"
    assert len(expected["soft"]) < 38, "'soft' still matches the saturation column"
    box.fill("swish, sigmoid-like")
    assert {"silu", "hard_swish", "sigmoid", "tanh"} <= {r["id"] for r in shown_rows(page)}
    box.fill("")
    for chips in (("bounded",), ("bounded", "PyTorch"), ("smooth", "monotonic", "JAX")):
        for label in chips:
            page.locator(".comparison-chip", has_text=re.compile(f"^{label}$")).click()
        rows = shown_rows(page)
        tokens = [label.casefold() for label in chips]
        assert rows, chips
        assert all(set(tokens) <= set(r["properties"].split()) for r in rows), chips
        assert count_text(page) == f"{len(rows)} of {total} shown"
        for label in chips:  # release them again
            page.locator(".comparison-chip", has_text=re.compile(f"^{label}$")).click()
        assert len(shown_rows(page)) == total
    pressed = page.locator('.comparison-chip[aria-pressed="true"]').count()
    assert pressed == 0


# ---- the cheat sheet on paper -----------------------------------------------------------------

CARDS: Final = """() => Array.from(document.querySelectorAll('.cheatsheet-card'), (card) => {
    const name = card.querySelector('.cheatsheet-name');
    const range = document.createRange();
    const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
    const text = name.textContent;
    let top = null, offset = 0, breaks = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i += 1, offset += 1) {
            range.setStart(node, i); range.setEnd(node, i + 1);
            const box = range.getBoundingClientRect();
            if (top !== null && box.top > top + 2) breaks.push(text[offset - 1]);
            top = box.top;
        }
    }
    return {name: text, width: card.getBoundingClientRect().width, breaks};
})"""


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "landscape"])
def test_the_cheat_sheet_prints_on_two_a4_pages(tabs: dict[str, Tab], landscape: bool) -> None:
    tab = tabs["light"]
    page = tab.visit("cheatsheet/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", landscape=landscape)))
    orientation = "landscape" if landscape else "portrait"
    assert 1 <= len(pdf.pages) <= 2, f"{len(pdf.pages)} pages in {orientation}"
    box = pdf.pages[0].mediabox
    assert (float(box.width) > float(box.height)) == landscape, "the orientation was overridden"
    # The same layout on screen, to measure the cards: print media, the printable width.
    try:
        page.emulate_media(media="print")
        page.set_viewport_size({"width": round(A4[landscape][0] * MM), "height": 900})
        cards = page.evaluate(CARDS)
    finally:
        page.emulate_media(media="null")
        page.set_viewport_size({"width": 1280, "height": 900})
    assert len(cards) == len(CATALOG)
    widths = [card["width"] for card in cards]
    assert max(widths) - min(widths) < 1, f"cards of {min(widths):.0f} to {max(widths):.0f} px"
    split = [c["name"] for c in cards if any(b not in " -" for b in c["breaks"])]
    assert not split, f"names broken inside a word: {split}"
    titles = {family.title for family in FAMILIES}
    for number, sheet in enumerate(pdf.pages, start=1):
        lines = [line.strip() for line in sheet.extract_text().splitlines() if line.strip()]
        assert lines, f"page {number} is empty"
        assert lines[-1] not in titles, (
            f"{orientation}: '{lines[-1]}' alone at the foot of page {number}"
        )
