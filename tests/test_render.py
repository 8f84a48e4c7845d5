"""Rendered output: exact LaTeX, a golden page, and figures that are the same every time."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from generator.analysis import analyse_all
from generator.build.cache import Cache
from generator.build.pipeline import build_docs
from generator.build.progress import Progress
from generator.catalog.loader import load_entry
from generator.errors import BuildError, CatalogError
from generator.pages import render_pages
from generator.present import latex
from generator.present.figures import plots
from generator.present.figures import svg as figures
from generator.publish.katex import typeset
from generator.records.markup import PLACEHOLDER, decode, placeholder
from tests.conftest import CATALOG, PATHS, elementwise_analysis, site_view

GOLDEN = Path(__file__).parent / "golden"
BY_ID = {activation.id: activation for activation in CATALOG}


def test_sigmoid_definition_latex_is_exact() -> None:
    assert latex.definition(BY_ID["sigmoid"]) == r"\sigma(x) = \frac{1}{1 + e^{- x}}"


def test_leaky_relu_derivative_latex_cuts_out_the_kink() -> None:
    activation = BY_ID["leaky_relu"]
    analysis = elementwise_analysis(activation)
    line = latex.derivative_line(activation, 1, analysis.derivative, analysis.derivative_pieces)
    assert line == (
        r"\operatorname{LeakyReLU}^{\prime}(x) = "
        r"\begin{cases} \alpha & x < 0 \\ 1 & x > 0 \end{cases}"
    )


def _readable(markdown: str) -> str:
    """Placeholders shown as $…$ / $$…$$ so the golden file can be read and reviewed."""

    def show(match: re.Match[str]) -> str:
        tex, display = decode(match)
        return f"$${tex}$$" if display else f"${tex}$"

    return PLACEHOLDER.sub(show, markdown)


def _typeset(pages: dict[str, str], folder: Path) -> dict[str, str]:
    """KaTeX with a cache of its own, empty, so every formula really goes to node."""
    return typeset(pages, PATHS.katex_script, Cache(folder))


def test_relu_page_matches_golden_file() -> None:
    page = _readable(render_pages(site_view(), PATHS.templates)["activations/relu.md"])
    golden = GOLDEN / "relu.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", figures.SCHEMES, ids=lambda scheme: scheme.name)
def test_figure_is_byte_identical_when_rendered_twice(scheme: figures.Scheme) -> None:
    activation = BY_ID["leaky_relu"]
    plot = plots.elementwise_plot(activation, elementwise_analysis(activation))
    first, second = figures.draw(plot, scheme), figures.draw(plot, scheme)
    assert first == second
    assert b"<dc:date>" not in first
    assert b"<svg" in first


def test_typeset_escapes_markdown_and_renders_every_formula(tmp_path: Path) -> None:
    pages = {"a.md": f"x {placeholder('|x|_*', display=False)} y"}
    (html,) = _typeset(pages, tmp_path).values()
    assert 'class="katex"' in html
    assert "@@tex-" not in html
    assert "|" not in html.replace("&#124;", "")  # a raw pipe would split a table cell


def test_bad_latex_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"broken\.md.*not valid LaTeX"):
        _typeset({"broken.md": placeholder(r"\frac{1}{", display=True)}, tmp_path)


def test_bad_symbol_latex_in_a_catalog_file_fails_the_build(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(PATHS.catalog, catalog)  # the whole catalog: the guide names many entries
    source = (Path(BY_ID["tanh"].source)).read_text(encoding="utf-8")
    (catalog / "tanh.yaml").write_text(source.replace(r"symbol: \tanh", r"symbol: \tanh^{1}^{2}"))
    assert load_entry(catalog / "tanh.yaml").symbol_latex == r"\tanh^{1}^{2}"
    with pytest.raises(CatalogError, match=r"tanh\.yaml: field 'symbol': .*not valid LaTeX"):
        build_docs(PATHS.moved(catalog=catalog, docs=tmp_path / "docs"))
    assert not (tmp_path / "docs").exists()


def test_derivative_curve_is_cut_at_a_kink() -> None:
    activation = BY_ID["relu"]
    plot = plots.elementwise_plot(activation, elementwise_analysis(activation))
    derivative = plot.curves[1]
    gap = np.flatnonzero(np.isnan(derivative.y))
    assert len(gap) == 1
    (cut,) = gap
    # Neighbours of the cut sit on either side of 0 and carry the one-sided values.
    assert derivative.x[cut - 1] < 0 < derivative.x[cut + 1]
    assert derivative.y[cut - 1] == 0.0
    assert derivative.y[cut + 1] == 1.0


def test_slow_derivation_stops_with_a_message_naming_the_file(tmp_path: Path) -> None:
    activation = BY_ID["gelu"]
    steps = Progress.silent().stage("deriving", 1)
    with pytest.raises(CatalogError, match=r"gelu\.yaml.*'expression'.*did not finish"):
        analyse_all([activation], Cache(tmp_path), steps, jobs=1, limit=0.01)


def test_typeset_math_stays_on_one_line_for_tables(tmp_path: Path) -> None:
    """KaTeX draws square roots as SVG paths with line breaks; a table row must not break."""
    formula = placeholder(r"\sqrt{x^2 + 1}", display=False)
    (html,) = _typeset({"a.md": "| " + formula + " |"}, tmp_path).values()
    assert "<svg" in html
    assert "\n" not in html


def test_vector_entry_without_numpy_module_is_a_catalog_error(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    text = (Path(BY_ID["softmax"].source)).read_text(encoding="utf-8")
    (catalog / "softmax_copy.yaml").write_text(text.replace("id: softmax\n", "id: softmax_copy\n"))
    with pytest.raises(CatalogError, match=r"softmax_copy\.yaml.*'kind'.*implementations"):
        build_docs(PATHS.moved(catalog=catalog, docs=tmp_path / "docs"))


@pytest.mark.parametrize("name", ["softmax", "softmin", "log_softmax"])
def test_vector_figures_are_labelled_with_their_own_function(name: str) -> None:
    """Each vector entry's plot and temperature chart name its own function, not softmax's."""
    files = site_view().files
    own = {"softmax": "softmax", "softmin": "softmin", "log_softmax": "logsoftmax"}[name]
    plot = files[f"assets/figures/{name}-light.svg"].decode()
    assert f"{own}([x, 0])₁" in plot
    labels = re.findall(r">([^<>]*\(\[x, 0\]\)₁)</text>", plot)
    assert labels == [f"{own}([x, 0])₁", f"∂/∂x {own}([x, 0])₁"]
    chart = files.get(f"assets/figures/{name}-temperature-light.svg")
    if name == "log_softmax":
        assert chart is None, "log-probabilities are no distribution to chart"
    else:
        assert chart is not None
        assert f"{own}(x / T)" in chart.decode()
