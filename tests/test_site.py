"""A complete build of the real catalog: mkdocs --strict, every page, math, figures, data."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.build.lighten import compact_html
from generator.build.pipeline import build_site
from generator.records.catalog import Activation, Kind
from tests.budgets import SEARCH_BUDGETS
from tests.conftest import CATALOG, PATHS, each

# mkdocs.yml's site_url when SITE_URL is not set.
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"

# Attributes through which a page would fetch something; links (<a href>) are not fetches,
# nor is a canonical link (it names the page's public address).
FETCH = re.compile(
    r"""<(?:script|img|link(?![^>]*rel="canonical")|iframe|source)\b[^>]*\b(?:src|srcset|href)=["']([^"']+)"""
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("build")
    build_site(PATHS.moved(docs=root / "docs", site=root / "site"))
    return root / "site"


@each(CATALOG)
def test_every_activation_page_has_math_and_its_figure(site: Path, activation: Activation) -> None:
    page = site / "activations" / activation.id / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'class="katex-display"' in html
    assert "@@tex-" not in html
    assert "<p>|" not in html, "a Markdown table fell apart"
    assert "$$" not in html
    for scheme in ("light", "dark"):
        assert f"{activation.id}-{scheme}.svg" in html
        assert (site / "assets" / "figures" / f"{activation.id}-{scheme}.svg").is_file()
    assert re.search(r'<img [^>]*alt="Plot of [^"]+"', html), "figure without alt text"
    assert f"<title>{activation.name} - " in html, "front matter was not read as metadata"
    assert "description:" not in html


def test_site_requests_nothing_from_other_hosts(site: Path) -> None:
    for path in site.rglob("*.html"):
        for target in FETCH.findall(path.read_text(encoding="utf-8")):
            assert not re.match(r"^(https?:)?//", target), f"{path}: fetches {target}"
    for path in site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), f"{path} loads a remote url"
        assert "@import" not in text or "//" not in text


def test_katex_fonts_are_served_locally(site: Path) -> None:
    css = (site / "assets" / "katex" / "katex.min.css").read_text(encoding="utf-8")
    for font in re.findall(r"url\((fonts/[^)]+\.woff2)\)", css):
        assert (site / "assets" / "katex" / font).is_file(), font


def test_home_and_properties_pages_exist(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<p>|" not in home, "a Markdown table fell apart"
    for activation in CATALOG:
        assert f'href="activations/{activation.id}/"' in home
        assert f"{activation.id}-thumb.svg" in home
    assert (site / "properties" / "index.html").is_file()


def test_activations_json_carries_every_entry(site: Path) -> None:
    data = json.loads((site / "activations.json").read_text(encoding="utf-8"))
    records = {record["id"]: record for record in data["activations"]}
    assert set(records) == {activation.id for activation in CATALOG}
    required = {
        "id", "name", "kind", "variable", "expression", "parameters", "derivative",
        "second_derivative", "latex", "properties", "frameworks", "references",
    }  # fmt: skip
    for record in records.values():
        assert required <= set(record)
    leaky = records["leaky_relu"]
    assert leaky["parameters"] == {"negative_slope": 0.01}
    assert leaky["frameworks"]["keras"]["defaults"] == {"negative_slope": 0.2}
    assert leaky["frameworks"]["pytorch"]["function"] == "torch.nn.functional.leaky_relu"
    assert leaky["properties"]["non_differentiable_at"] == [0.0]
    assert records["softmax"]["kind"] == "vector"


@each(tuple(a for a in CATALOG if a.kind is not Kind.VECTOR))
def test_numpy_code_and_its_accuracy_are_published(site: Path, activation: Activation) -> None:
    html = (site / "activations" / activation.id / "index.html").read_text(encoding="utf-8")
    assert 'id="code"' in html
    assert 'class="tabbed-set' in html
    text = re.sub(r"<[^>]+>", "", html)  # highlighting splits the code into spans
    assert "def f(x" in text
    assert "def df(x" in text
    assert 'id="numerical-accuracy"' in html
    if activation.kind is Kind.ELEMENTWISE:
        assert "<td>Short NumPy</td>" in html
        assert "<td>Accurate NumPy</td>" in html
        assert "Measured on an earlier version" not in html
        folded = '<details class="success">' in html  # the accurate module
        assert folded != ("so that module is not repeated here" in text)
        assert "Largest error in float64:" in text  # the short form's figures, under it


def test_activations_json_carries_the_numpy_code(site: Path) -> None:
    data = json.loads((site / "activations.json").read_text(encoding="utf-8"))
    for record in data["activations"]:
        numpy_code = record["numpy"]
        assert "def f(x" in numpy_code["source"], record["id"]
        if record["kind"] == "elementwise":
            assert numpy_code["printed_from_formula"] is False, record["id"]
            assert "def f(x" in numpy_code["accurate"], record["id"]
            assert len(numpy_code["source"]) < len(numpy_code["accurate"]), record["id"]


def test_gelu_page_stays_under_its_old_weight(site: Path) -> None:
    """The short forms and framework code were added and the accurate module folded: the
    GELU page must stay lighter than the 119 KB it weighed with the module alone."""
    page = site / "activations" / "gelu" / "index.html"
    assert '<details class="success">' in page.read_text(encoding="utf-8")
    assert page.stat().st_size < 119_000, f"{page.stat().st_size:,} bytes"


def test_no_source_maps_are_shipped(site: Path) -> None:
    assert not list(site.rglob("*.map"))
    for path in (*site.rglob("*.js"), *site.rglob("*.css")):
        assert b"sourceMappingURL" not in path.read_bytes(), path.relative_to(site)


def test_every_page_is_compacted(site: Path) -> None:
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert compact_html(html) == html, f"{path.relative_to(site)} was not compacted"
        assert "\n\n" not in html.split("<pre", 1)[0], path.relative_to(site)


def test_compacting_keeps_the_code_and_the_highlighting_that_shows() -> None:
    code = (
        '<div class="highlight"><pre><span></span><code><span class="k">def</span>'
        '<span class="w"> </span><span class="nf">f</span><span class="p">(</span>'
        '<span class="n">x</span><span class="p">):</span>\n    <span class="k">return</span> '
        '<span class="n">x</span> <span class="o">*</span> <span class="mi">2</span>'
        "</code></pre></div>"
    )
    compacted = compact_html(code)
    assert re.sub(r"<[^>]+>", "", compacted) == re.sub(r"<[^>]+>", "", code)
    assert re.findall(r'class="(\w+)"', compacted) == ["highlight", "k", "nf", "k", "mi"]


def test_each_search_index_is_within_its_budget(site: Path) -> None:
    assert set(SEARCH_BUDGETS) == {"search/search_index.json", "zh/search/search_index.json"}
    for index, budget in SEARCH_BUDGETS.items():
        size = (site / index).stat().st_size
        assert size <= budget, f"{index} is {size:,} bytes"
        text = (site / index).read_text(encoding="utf-8")
        unescaped = json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
        assert text == unescaped, f"{index}: characters escaped as \\uXXXX"


def test_each_edition_s_sitemap_lists_its_pages_at_the_site_url(site: Path) -> None:
    english, chinese = edition_pages(site)
    for root, pages in (("", english), ("zh/", chinese)):
        sitemap = (site / root / "sitemap.xml").read_text(encoding="utf-8")
        listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
        expected = {DEFAULT_SITE_URL + root + (f"{page}/" if page else "") for page in pages}
        assert listed == expected, root or "English"


def test_the_404_page_links_only_to_pages_that_exist(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in html
    assert 'for="__search"' in html, "no way to search from the 404 page"
    targets = set(re.findall(r'(?:href|src)="(/[^"#]*)', html))
    assert len(targets) > 10, targets
    for target in sorted(targets):
        path = site / target.lstrip("/")
        assert path.is_file() or (path / "index.html").is_file(), f"404.html links {target}"


def test_every_family_overlay_gives_each_curve_a_colour_of_its_own(site: Path) -> None:
    shown = 0
    for path in sorted((site / "assets" / "figures").glob("overlay-*.svg")):
        if "-zh-" in path.name:  # the Chinese edition's own, where a legend says "(gate)"
            continue
        svg = path.read_text(encoding="utf-8")
        groups = re.findall(r'<g id="f-(\d+)">\s*<path [^>]*style="[^"]*stroke: ?(#[0-9a-f]+)', svg)
        assert groups, f"{path.name}: no curves found"
        colours = [colour for _, colour in groups]
        assert len(set(colours)) == len(colours), f"{path.name} repeats a colour: {colours}"
        shown += len(colours)
    # Each member once per scheme and width (four variants).
    assert shown == 4 * len(CATALOG)


def test_a_formula_drawn_for_desktop_and_phone_has_one_mathml(site: Path) -> None:
    """Both drawings sit in one .katex beside the desktop layout's MathML, so a screen
    reader reads the formula once, at any width."""
    html = (site / "activations" / "acon_c" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<div class="math-display" data-search-exclude>(.*?)</div>', html)
    both = [block for block in blocks if "math-phone" in block]
    assert both, "no formula on the ACON-C page has a phone layout"
    for block in both:
        assert block.count('class="katex-mathml"') == 1
        assert block.count('class="katex-html math-desktop"') == 1
        assert block.count('class="katex-html math-phone"') == 1


def test_katex_stylesheet_and_fonts_are_what_the_math_uses(site: Path) -> None:
    css = (site / "assets" / "katex" / "katex.min.css").read_text(encoding="utf-8")
    fonts = {path.name for path in (site / "assets" / "katex" / "fonts").iterdir()}
    assert len(css) < 10_000, "KaTeX's stylesheet was not cut to the site's math"
    assert set(re.findall(r"url\(fonts/([\w-]+\.woff2)\)", css)) == fonts
    assert ".woff)" not in css
    assert ".ttf)" not in css


# ---- the two editions ------------------------------------------------------------------

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
IDENTIFIER = re.compile(r"\S*[._\d]\S*")
PROSE = re.compile(r"<(p|li|td|th|h[1-6]|summary|label|button)\b[^>]*>(.*?)</\1>", re.S)
NOT_PROSE = re.compile(
    r"<(code|pre|svg|script|a)\b.*?</\1>|<span class=\"katex.*?</span></span></span>", re.S
)


def edition_pages(site: Path) -> tuple[set[str], set[str]]:
    """The page paths of the English edition and of the Chinese one (under zh/)."""
    english, chinese = set(), set()
    for index in site.rglob("index.html"):
        path = index.parent.relative_to(site).as_posix()
        if path == "zh" or path.startswith("zh/"):
            chinese.add(path.removeprefix("zh").lstrip("/"))
        else:
            english.add("" if path == "." else path)
    return english, chinese


def test_every_page_is_in_both_editions(site: Path) -> None:
    english, chinese = edition_pages(site)
    assert len(english) > 70
    assert english == chinese


def test_the_language_switch_leads_to_the_same_page_in_the_other_edition(site: Path) -> None:
    english, _ = edition_pages(site)
    for path in sorted(english):
        for root in ("", "zh/"):
            page = site / root / path / "index.html"
            html = page.read_text(encoding="utf-8")
            switch = re.findall(r'<a href="([^"]+)" hreflang="(en|zh)"', html)
            targets = {lang: href for href, lang in switch}
            assert set(targets) == {"en", "zh"}, f"{root}{path}: no language switch"
            base = "http://site/" + "/".join(part for part in (root.strip("/"), path) if part) + "/"
            for lang, href in targets.items():
                resolved = urljoin(base, href)
                expected = f"http://site/{'zh/' if lang == 'zh' else ''}{path}/"
                assert resolved.rstrip("/") == expected.rstrip("/"), (root + path, lang, href)


def test_no_english_prose_on_a_chinese_page(site: Path) -> None:
    """A prose block (paragraph, list item, cell, heading) on a Chinese page holds more
    Chinese characters than English words, once code, math and links (names of entries,
    titles of papers) are left out; a page's references are the papers' own titles."""
    english_blocks = []
    for index in sorted((site / "zh").rglob("index.html")):
        html = index.read_text(encoding="utf-8")
        article = html[html.find("<article") : html.find("</article>")]
        article = re.sub(r'<h2[^>]*id="references".*', "", article, flags=re.S)
        for _, block in PROSE.findall(NOT_PROSE.sub(" ", article)):
            text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", block)).split())
            plain = IDENTIFIER.sub(" ", text)  # keras.activations.relu, max_value, ReLU6
            words = LATIN_WORD.findall(plain)
            if len(words) >= 6 and len(HAN.findall(plain)) < len(words):
                english_blocks.append(f"{index.parent.relative_to(site)}: {text[:100]}")
    assert not english_blocks, f"{len(english_blocks)} English blocks, e.g. {english_blocks[:5]}"


def test_a_chinese_overlay_legend_is_in_chinese(site: Path) -> None:
    chinese = sorted((site / "assets" / "figures").glob("overlay-*-zh-*.svg"))
    assert chinese, "no overlay drawn for the Chinese edition"
    for path in chinese:
        svg = path.read_text(encoding="utf-8")
        assert "（门控）" in svg, f"{path.name}: the legend does not say 门控"
        assert "(gate)" not in svg
