"""End to end: markup written into every prose field builds, and reaches no page as markup.

One entry has a payload in each of its prose fields (summary, shape, adaptive, pros, cons,
uses, the parameter's description, the kink note, a framework note, a difference, the
reference's authors, title and venue). The site is built as a user would build it; every
HTML page must then hold no element, attribute or link the payload asks for, the entry's
page must show each payload as text, and the data files must carry it verbatim.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.paths import CACHE_VARIABLE
from generator.records.catalog import Activation
from tests.conftest import PATHS

# Everything a browser or Markdown could take for markup, and an attribute break-out.
PAYLOAD = (
    '<script>alert(1)</script> <img src=x onerror=alert(2)> x"><b>bold</b> '
    "[click](javascript:alert(3)) ![i](javascript:alert(4)) <javascript:alert(5)> "
    "`tick` *em* _em_ {: onclick=alert(6) } | cell | @@tex-inline:eA==@@ &amp; \\*"
)
# The fields, by a path into the YAML document, that carry it (tagged with the path).
FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("summary",),
    ("shape",),
    ("adaptive",),
    ("pros", 0),
    ("cons", 0),
    ("uses", 0),
    ("parameters", "negative_slope", "description"),
    ("kinks", 0, "note"),
    ("frameworks", "keras", "note"),
    ("references", 0, "title"),
    ("references", 0, "venue"),
    ("references", 0, "authors", 0),
)
ENTRY = "leaky_relu"
# Tags a page may hold only if the payload made them.
FORBIDDEN_TAGS = frozenset({"b"})


# For fields of at most 60 characters (an author's name).
SHORT_PAYLOAD = "<b>b</b> [c](javascript:alert(3)) `t` *e* @@tex"


def tagged(path: tuple[str | int, ...]) -> str:
    if "authors" in path:
        return f"A {SHORT_PAYLOAD}"
    return f"{'.'.join(map(str, path))}: {PAYLOAD}"


def _poison(document: dict[str, object]) -> dict[str, object]:
    document["differences"] = [{"framework": "keras", "description": "x"}]
    for path in (*FIELDS, ("differences", 0, "description")):
        parent: object = document
        for key in path[:-1]:
            parent = parent[key]  # type: ignore[index]
        parent[path[-1]] = tagged(path)  # type: ignore[index]
    return document


ALL_FIELDS = (*FIELDS, ("differences", 0, "description"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a small catalog whose Leaky ReLU carries the payload everywhere."""
    root = tmp_path_factory.mktemp("hostile-prose")
    catalog = root / "catalog"
    catalog.mkdir()
    for name in ("relu", "sigmoid", ENTRY):
        shutil.copy(PATHS.catalog / f"{name}.yaml", catalog)
    path = catalog / f"{ENTRY}.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = yaml.safe_dump(_poison(document), allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "generator", "site", "--force", "--quiet"]
    command += [
        "--catalog",
        str(catalog),
        "--docs",
        str(root / "docs"),
        "--site",
        str(root / "site"),
    ]
    environment = {**os.environ, CACHE_VARIABLE: str(root / "cache")}
    result = subprocess.run(
        command, cwd=PATHS.root, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        if tag == "img" and ("src", "x") in attrs:
            self.problems.append("<img src=x>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event attribute {name}={value!r}")
            if value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"{name}={value!r}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and "alert(" in data:
            self.problems.append(f"script {data[:60]!r}")
        if not self._script:
            self.text.append(data)


def _read(page: Path) -> _Page:
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    parsed.close()
    return parsed


def test_no_page_holds_markup_from_the_catalog(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 10
    problems = {
        str(page.relative_to(built)): found for page in pages if (found := _read(page).problems)
    }
    assert problems == {}


def test_the_entry_page_shows_every_payload_as_text(built: Path) -> None:
    text = " ".join(" ".join(_read(built / "activations" / ENTRY / "index.html").text).split())
    missing = [path for path in ALL_FIELDS if tagged(path) not in text]
    assert missing == []


def test_the_description_stays_inside_its_attribute(built: Path) -> None:
    page = (built / "activations" / ENTRY / "index.html").read_text(encoding="utf-8")
    parsed = _Metas()
    parsed.feed(page)
    assert parsed.description == tagged(("summary",))


class _Metas(html.parser.HTMLParser):
    description: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and ("name", "description") in attrs:
            self.description = dict(attrs)["content"]


def test_the_data_files_carry_the_text_verbatim(built: Path) -> None:
    records = json.loads((built / "activations.json").read_text(encoding="utf-8"))
    entry = next(r for r in records["activations"] if r["id"] == ENTRY)
    assert entry["summary"] == tagged(("summary",))
    assert entry["references"][0]["title"] == tagged(("references", 0, "title"))
    rows = list(csv.DictReader(io.StringIO((built / "activations.csv").read_text())))
    assert [row["name"] for row in rows if row["id"] == ENTRY] == ["Leaky ReLU"]


def test_search_results_cannot_carry_markup(built: Path) -> None:
    """Material's search shows snippets of its index as HTML: no tag may come from prose."""
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    for document in index["docs"]:
        parsed = _Page()
        parsed.feed(document["title"] + " " + document["text"])
        assert parsed.problems == [], document["location"]


# The loader refuses markup in names, aliases and links; the pages must not depend on it.
NAME = "<script>alert(7)</script><b>Name</b> [n](javascript:alert(8)) @@tex-inline:eA==@@"
URL = "https://example.com/x) <img src=x onerror=alert(9)> (\"'"


@pytest.fixture(scope="module")
def built_with_hostile_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built in this process with the catalog's checks bypassed: Leaky ReLU's
    name, alias and reference link are set after loading."""
    from generator.build import pipeline
    from generator.catalog import load

    root = tmp_path_factory.mktemp("hostile-names")
    catalog = root / "catalog"
    catalog.mkdir()
    for name in ("relu", "sigmoid", ENTRY):
        shutil.copy(PATHS.catalog / f"{name}.yaml", catalog)

    def poisoned(folder: Path | None = None) -> tuple[Activation, ...]:
        return tuple(
            replace(
                a,
                name=NAME,
                aliases=(NAME,),
                references=tuple(replace(r, url=URL) for r in a.references),
            )
            if a.id == ENTRY
            else a
            for a in load(folder)
        )

    paths = PATHS.moved(
        catalog=catalog, docs=root / "docs", site=root / "site", cache=root / "cache"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "load", poisoned)
        pipeline.build_site(paths, jobs=1)
    return root / "site"


def test_no_page_holds_markup_from_a_name_or_a_link(built_with_hostile_names: Path) -> None:
    pages = sorted(built_with_hostile_names.rglob("*.html"))
    problems = {
        str(page.relative_to(built_with_hostile_names)): found
        for page in pages
        if (found := _read(page).problems)
    }
    assert problems == {}
    text = " ".join(" ".join(_read(built_with_hostile_names / "index.html").text).split())
    assert NAME in text  # in the navigation and the overview table, as text


def test_the_title_and_the_link_stay_text(built_with_hostile_names: Path) -> None:
    page = (built_with_hostile_names / "activations" / ENTRY / "index.html").read_text()
    parsed = _Links()
    parsed.feed(page)
    assert parsed.title == f"{NAME} - Activation Functions Reference"
    assert URL in parsed.links


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"
        self.links += [value for name, value in attrs if tag == "a" and name == "href" and value]

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
