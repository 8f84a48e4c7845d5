"""The site search in a real browser: what a reader types finds the page they mean.

Every name, alias and framework call an entry is tagged with must rank that entry's page
first, asked of the search worker the site itself uses (Material's, behind our ranking);
the queries readers actually type are also typed into the search box, at desktop and phone
width in both colour schemes, and the results must show readable text, not TeX or code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from generator.present.search_terms import search_tags
from generator.records.catalog import Activation
from tests.browser import SCHEMES, Tab
from tests.conftest import CATALOG, each

# What readers type, and the page they mean (the list, and a few more).
TYPED: Final = {
    "relu": "relu",
    "leaky relu": "leaky_relu",
    "nn.GELU": "gelu",
    "F.silu": "silu",
    "hard_swish": "hard_swish",
    "swish": "silu",
    "logistic": "sigmoid",
    "sigmoid derivative": "sigmoid",
    "gelu": "gelu",
    "tanh": "tanh",
    "relu6": "relu6",
    "torch.nn.functional.gelu": "gelu",
    "keras.activations.hard_swish": "hard_swish",
    "jax.nn.gelu": "gelu_tanh",  # its default is the tanh approximation
    "dying relu": "relu",
}
# Typed into the real search box (a slower path): one per kind of query.
IN_THE_BOX: Final = ("relu", "nn.GELU", "F.silu", "hard_swish", "sigmoid derivative")
WIDTHS: Final = (1400, 390)
RAW_TEX: Final = ("\\operatorname", "\\frac", "\\left", "\\mathrm", "$$")

# Asks the page's own search worker (the URL Material reads from __config) every query.
ASK_WORKER: Final = """async (queries) => {
    const config = JSON.parse(document.getElementById('__config').textContent);
    const index = await (await fetch(new URL('search/search_index.json',
        new URL(config.base + '/', location.href)))).json();
    const worker = new Worker(config.search);
    const reply = () => new Promise((done, fail) => {
        worker.addEventListener('message', (event) => done(event.data), {once: true});
        worker.addEventListener('error', (event) => fail(new Error(event.message)), {once: true});
    });
    worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});
    await reply();
    const found = {};
    for (const query of queries) {
        worker.postMessage({type: 2, data: query});
        const answer = await reply();
        found[query] = answer.data.items.map((group) => group[0].location).slice(0, 5);
    }
    worker.terminate();
    return {worker: config.search, found};
}"""


def page_of(location: str) -> str:
    """The page a result links to: 'activations/gelu/' of 'activations/gelu/#derivatives'."""
    return location.split("#")[0]


def misses(found: dict[str, list[str]], expected: dict[str, str]) -> list[str]:
    """Each query whose first result is not the page expected of it, with what came first."""
    return [
        f"{query!r}: first {found[query][:3]}, expected {page!r}"
        for query, page in sorted(expected.items())
        if not found[query] or page_of(found[query][0]) != page
    ]


def pages_of(entries: dict[str, str]) -> dict[str, str]:
    """Each query with the page of the entry it names."""
    return {query: f"activations/{entry}/" for query, entry in entries.items()}


def expected_names() -> dict[str, str]:
    """Every search tag of every entry, with the entry it must lead to (each tag is one
    entry's: a test of search_terms makes sure no two entries share one)."""
    names: dict[str, str] = {}
    for activation in CATALOG:
        for name in search_tags(activation, CATALOG):
            names[name] = activation.id
    return names


def ask(page: Page, queries: list[str]) -> dict[str, list[str]]:
    answer = page.evaluate(ASK_WORKER, queries)
    assert "ranked-search.js" in answer["worker"], f"the site searches with {answer['worker']}"
    found: dict[str, list[str]] = answer["found"]
    return found


def test_every_name_alias_and_framework_call_finds_its_page_first(tabs: dict[str, Tab]) -> None:
    tab = tabs["light"]
    page = tab.visit("")
    names = expected_names()
    assert len(names) > 3 * len(CATALOG), "too few names to be every alias and call"
    wrong = misses(ask(page, sorted(names)), pages_of(names))
    assert not wrong, f"{len(wrong)} of {len(names)} names rank another page first:\n  " + (
        "\n  ".join(wrong)
    )
    assert not tab.log.page_errors, tab.log.page_errors
    assert not tab.log.console_errors, tab.log.console_errors


def test_what_readers_type_finds_the_page_they_mean(tabs: dict[str, Tab]) -> None:
    page = tabs["light"].visit("")
    wrong = misses(ask(page, list(TYPED)), pages_of(TYPED))
    assert not wrong, "\n  ".join(["queries that miss:", *wrong])


def open_search(page: Page, width: int) -> None:
    """Open Material's search: the box in the header on a desktop, the icon on a phone."""
    if width < 960:
        page.locator('label.md-header__button[for="__search"]').click()
    page.locator(".md-search__input").click()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_search_box_shows_the_right_page_first(
    tabs: dict[str, Tab], width: int, scheme: str
) -> None:
    tab = tabs[scheme]
    page = tab.page
    page.set_viewport_size({"width": width, "height": 900})
    try:
        for query in IN_THE_BOX:
            tab.visit("guide/")
            open_search(page, width)
            box = page.locator(".md-search__input")
            box.press_sequentially(query)  # Material reads the query on keyup
            first = page.locator(".md-search-result__list > li").first
            first.wait_for(state="visible")
            page.wait_for_function(
                "(query) => document.querySelector('.md-search-result__meta')"
                " && !document.querySelector('.md-search-result__meta')"
                ".textContent.includes('Type to')",
                arg=query,
            )
            href = first.locator("a").first.get_attribute("href") or ""
            path = urlsplit(page.evaluate("(href) => new URL(href, location.href).href", href))
            assert path.path.rstrip("/").endswith(f"activations/{TYPED[query]}"), (
                f"{query!r} at {width} px ({scheme}): first result {href}"
            )
            shown = page.locator(".md-search-result").inner_text()
            raw = [marker for marker in RAW_TEX if marker in shown]
            assert not raw, f"{query!r}: TeX in the results: {raw}"
            assert "import numpy" not in shown, "code in the results"
            assert "def f(" not in shown, "code in the results"
            output = page.locator(".md-search__output").bounding_box()
            assert output is not None
            assert output["width"] <= width, "the results are wider than the window"
        assert not tab.log.page_errors, tab.log.page_errors
        assert not tab.log.console_errors, tab.log.console_errors
        assert not tab.log.foreign, tab.log.foreign
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture(scope="module")
def index(site: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    return loaded


def test_the_index_holds_text_not_tex_or_code(index: dict[str, Any]) -> None:
    problems = []
    for doc in index["docs"]:
        text = doc["title"] + " " + doc["text"]
        problems += [f"{doc['location']}: {marker}" for marker in RAW_TEX if marker in text]
        if "<pre" in text:
            problems.append(f"{doc['location']}: a code block")
    assert not problems, "\n  ".join(problems[:20])


@each(CATALOG)
def test_each_activation_page_is_tagged_with_its_names(
    index: dict[str, Any], activation: Activation
) -> None:
    location = f"activations/{activation.id}/"
    (doc,) = [d for d in index["docs"] if d["location"] == location]
    assert tuple(doc["tags"]) == search_tags(activation, CATALOG)


# The Chinese edition: what a Chinese reader types, with no spaces between the words.
CHINESE_TYPED: Final = {
    "修正线性单元": "activations/relu/",
    "双曲正切": "activations/tanh/",
    "梯度消失": "properties/",
    "饱和": "properties/",
    "激活函数": "",
}


def test_chinese_queries_find_the_page_they_mean(tabs: dict[str, Tab]) -> None:
    page = tabs["light"].visit("zh/")
    wrong = misses(ask(page, list(CHINESE_TYPED)), CHINESE_TYPED)
    assert not wrong, "\n  ".join(["queries that miss:", *wrong])


def test_every_chinese_alias_finds_its_page_first(tabs: dict[str, Tab]) -> None:
    page = tabs["light"].visit("zh/")
    names = {alias: a.id for a in CATALOG for alias in a.texts("zh").aliases}
    assert len(names) > 40
    wrong = misses(ask(page, sorted(names)), pages_of(names))
    assert not wrong, f"{len(wrong)} of {len(names)} Chinese names miss:\n  " + "\n  ".join(wrong)
