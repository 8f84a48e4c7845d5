"""The comparison page and the explorers: computed values, the widgets' markup contract."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build.cache import Cache
from generator.pages import render_pages
from generator.present.comparison import HEADERS
from generator.present.figures import overlays
from generator.present.figures import svg as figures
from generator.present.jscode import slider
from generator.present.kinds import plot
from generator.present.picker import PRESELECTED
from generator.present.text import FRAMEWORK_TITLES, monotonicity, smoothness, yes_no
from generator.present.words import ENGLISH
from generator.records.analysis import ElementwiseAnalysis
from generator.records.catalog import Activation, Kind
from generator.records.views import FigureRef, Overlay
from tests.conftest import (
    CATALOG,
    PATHS,
    SCALAR,
    analysis_of,
    each,
    elementwise_analysis,
    site_view,
)

FRAMEWORKS = list(FRAMEWORK_TITLES)  # pytorch, keras, jax: the chips' order


@cache
def _pages() -> dict[str, str]:
    return render_pages(site_view(), PATHS.templates)


class _Elements(HTMLParser):
    """Start tags with their attributes, and the cells of each table row."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.replace("_", "-")) == v for k, v in wanted.items())
        ]


def _parse(markdown: str) -> _Elements:
    parser = _Elements()
    parser.feed(markdown)
    return parser


def test_comparison_page_has_title_and_is_linked_from_home() -> None:
    pages = _pages()
    assert "title: Compare activations" in pages["comparison.md"]
    assert "(comparison.md)" in pages["index.md"]


def test_table_has_one_row_per_activation_with_every_column() -> None:
    page = _parse(_pages()["comparison.md"])
    assert len(page.find("table", **{"class": "comparison"})) == 1
    assert len(page.find("input", id="comparison-filter")) == 1
    header, *rows = page.rows
    assert tuple(header) == HEADERS
    assert [row[0].removesuffix(" (gate g)") for row in rows] == [a.name for a in CATALOG]
    assert all(len(row) == len(HEADERS) for row in rows)
    identifiers = [attrs.get("data-activation") for attrs in page.find("tr") if attrs]
    assert identifiers == [a.id for a in CATALOG]


def test_table_links_point_at_generated_pages() -> None:
    pages = _pages()
    links = re.findall(r'href="\.\./([^"]+)/"', pages["comparison.md"])
    assert links
    for link in links:
        assert f"{link}.md" in pages, link


def test_table_values_are_the_computed_properties() -> None:
    markdown = _pages()["comparison.md"]
    rows = dict(re.findall(r'<tr data-activation="([^"]+)"[^>]*>(.*?)</tr>', markdown))
    for activation in CATALOG:
        analysis = analysis_of(activation)
        if not isinstance(analysis, ElementwiseAnalysis):
            continue
        p = analysis.properties
        cells = re.findall(r"<td[^>]*>(.*?)</td>", rows[activation.id])
        expected = {
            3: yes_no(p.bounded_below, ENGLISH),
            4: yes_no(p.bounded_above, ENGLISH),
            5: monotonicity(p.monotonicity, ENGLISH),
            6: smoothness(p.smoothness, ENGLISH),
            10: yes_no(p.self_gated, ENGLISH),
        }
        for column, text in expected.items():
            html = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", text)
            assert cells[column] == html, f"{activation.id}: {HEADERS[column]}"
        assert p.moments is not None
        how = "(certified)" if p.moments.mean.enclosure is not None else "(exact)"
        assert cells[7].endswith(how), f"{activation.id}: the mean says how it was established"
        shipped = {f.framework for f in activation.frameworks}
        assert ("PyTorch" in cells[11]) == ("pytorch" in shipped), activation.id


def test_sort_keys_order_ranges_and_continuity_numerically() -> None:
    markdown = _pages()["comparison.md"]
    relu = re.search(r'<tr data-activation="relu"[^>]*>(.*?)</tr>', markdown)
    assert relu is not None
    keys = re.findall(r'data-sort="([^"]*)"', relu.group(1))
    assert keys[0] == "ReLU"
    assert keys[2] == "0.0 Infinity"  # lower end, then upper end
    assert keys[3:5] == ["1", "0"]  # bounded below: yes, above: no
    assert keys[5] == "1"  # non-decreasing, after strictly increasing
    assert keys[6] == "0"  # C⁰
    assert keys[8:10] == ["2", "0"]  # saturates hard on the left, not on the right
    assert keys[11] == "3"  # three frameworks


def test_each_row_carries_the_names_and_properties_the_filter_reads() -> None:
    markdown = _pages()["comparison.md"]
    rows = {
        key: (names.split(" | "), properties.split())
        for key, names, properties in re.findall(
            r'<tr data-activation="([^"]+)" data-names="([^"]*)" data-properties="([^"]*)">',
            markdown,
        )
    }
    assert len(rows) == len(CATALOG)
    names, properties = rows["relu"]
    relu = next(a for a in CATALOG if a.id == "relu")
    assert names == ["ReLU", *relu.aliases, "ReLU family"]
    assert properties == ["monotonic", "pytorch", "keras", "jax"]
    assert rows["tanh"][1] == ["bounded", "monotonic", "smooth", "zero-centred", *FRAMEWORKS]
    assert "self-gated" in rows["silu"][1]
    for activation in CATALOG:
        shipped = {f.framework for f in activation.frameworks}
        assert shipped == set(rows[activation.id][1]) & set(FRAMEWORKS), activation.id


def test_picker_offers_every_scalar_entry_grouped_by_family() -> None:
    page = _parse(_pages()["comparison.md"])
    assert len(page.find("div", id="picker")) == 1
    assert len(page.find("svg", id="picker-plot")) == 1
    boxes = [attrs for attrs in page.find("input", type="checkbox") if "data-activation" in attrs]
    assert sorted(str(b["data-activation"]) for b in boxes) == sorted(a.id for a in SCALAR)
    checked = sorted(str(b["data-activation"]) for b in boxes if "checked" in b)
    assert checked == sorted(PRESELECTED)
    legends = re.findall(r"<fieldset><legend>([^<]+)</legend>", _pages()["comparison.md"])
    assert len(legends) == len({a.family.slug for a in SCALAR})


def test_overlays_are_drawn_on_their_family_page_and_linked_from_the_comparison() -> None:
    family = CATALOG[0].family
    parts = (
        FigureRef.of("../assets/figures/x-1", "Part 1"),
        FigureRef.of("../assets/figures/x-2", "Part 2"),
    )
    site = replace(site_view(), overlays=(Overlay(family, parts),))
    pages = render_pages(site, PATHS.templates)
    link = f"(families/{family.slug}.md#at-a-glance)"
    assert link in pages["comparison.md"]
    page = pages[f"families/{family.slug}.md"]
    assert "## At a glance" in page
    for number in (1, 2):
        for scheme in ("light", "dark"):
            # The page's URL is a folder deeper than its Markdown file (raw HTML, not rewritten).
            stem = f"../../assets/figures/x-{number}"
            phone = f'<source media="(max-width: 44.99em)" srcset="{stem}-phone-{scheme}.svg">'
            wide = (
                f'<img src="{stem}-{scheme}.svg#only-{scheme}" alt="Part {number}" loading="lazy">'
            )
            assert f'<picture class="figure">{phone}{wide}</picture>' in page


def test_a_large_family_is_split_evenly_into_figures_of_distinct_colours() -> None:
    assert [len(g) for g in overlays.split(list(range(20)))] == [7, 7, 6]
    assert [len(g) for g in overlays.split(list(range(8)))] == [8]
    assert [len(g) for g in overlays.split(list(range(9)))] == [5, 4]
    for palette in overlays.PALETTES.values():
        assert len(set(palette)) == len(palette) == overlays.MOST


def test_family_overlay_is_an_svg_naming_every_member(tmp_path: Path) -> None:
    members = [(a, analysis_of(a)) for a in CATALOG if a.family.slug == "shrinkage"]
    assert members
    svg = overlays.family_overlay(members, figures.LIGHT, Cache(tmp_path / "first"), plot)
    assert svg.startswith(b"<?xml")
    for activation, _ in members:
        assert activation.name.encode() in svg
    assert overlays.family_overlay(members, figures.LIGHT, Cache(tmp_path / "second"), plot) == svg


@each(tuple(a for a in CATALOG if a.kind.scalar))
def test_explorer_only_on_parameterised_scalar_pages(activation: Activation) -> None:
    markdown = _pages()[f"activations/{activation.id}.md"]
    page = _parse(markdown)
    explorers = page.find("div", **{"class": "explorer", "data_activation": activation.id})
    if not activation.parameters:
        assert not explorers
        assert 'class="explorer"' not in markdown
        return
    assert len(explorers) == 1
    analysis = elementwise_analysis(activation)
    for parameter in activation.parameters:
        made = slider(activation, parameter, analysis.derivative)
        inputs = page.find("input", type="range", data_parameter=parameter.name)
        assert len(inputs) == 1
        attrs = inputs[0]
        assert (attrs["min"], attrs["max"], attrs["step"], attrs["value"]) == (
            made.min,
            made.max,
            made.step,
            made.default,
        )
        assert len(page.find("output", data_parameter=parameter.name)) == 1
    assert len(page.find("svg", **{"class": "explorer-plot"})) == 1
    assert len(page.find("path", **{"class": "curve-f"})) == 1
    assert len(page.find("path", **{"class": "curve-df"})) == 1
    plot = markdown.index("## Plot")
    assert plot < markdown.index('<div class="explorer"') < markdown.index("## Properties")
    # A raw HTML block: starts at column 0 after a blank line, no blank line inside.
    block = markdown[markdown.index('<div class="explorer"') :]
    block = block[: block.index("\n</div>\n")]
    assert "\n\n" not in block
    assert markdown[markdown.index('<div class="explorer"') - 2 :].startswith("\n\n")


@pytest.mark.parametrize("kind", [Kind.VECTOR])
def test_no_explorer_for_vector_entries(kind: Kind) -> None:
    for activation in CATALOG:
        if activation.kind is kind:
            assert 'class="explorer"' not in _pages()[f"activations/{activation.id}.md"]
