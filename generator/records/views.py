"""What the present stage hands on: every string, number, formula and figure a page shows.

Formulas are LaTeX text (typeset later by KaTeX), figures are bytes under the site's
paths, and the activation's own record travels along only for its prose (name, summary,
pros and cons, references), so the pages and the publisher need no SymPy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.records.catalog import Activation, Family
from generator.records.published import CatalogField


def page_of(activation_id: str) -> str:
    """An activation's page, under ``docs/``."""
    return f"activations/{activation_id}.md"


@dataclass(frozen=True)
class FigureRef:
    """One figure in both colour schemes, with the text that describes it; each scheme's
    file is also drawn narrower for phones (``phone_*``), with text of the same size."""

    light: str
    dark: str
    alt: str
    phone_light: str
    phone_dark: str

    @classmethod
    def of(cls, stem: str, alt: str) -> FigureRef:
        """The four files of one figure, named ``{stem}[-phone]-{light,dark}.svg``."""
        light, dark = (f"{stem}-{scheme}.svg" for scheme in ("light", "dark"))
        phone_light, phone_dark = (f"{stem}-phone-{scheme}.svg" for scheme in ("light", "dark"))
        return cls(light, dark, alt, phone_light, phone_dark)


@dataclass(frozen=True)
class Snippet:
    """The NumPy code a page shows."""

    source: str  # the first tab: the short form where one is written
    printed: bool  # True: printed from the formula by SymPy, not numerically hardened
    gate_of: str | None = None  # a gated unit reusing the code of the entry that is its gate
    accurate: str | None = None  # the accurate module, folded below the short form


@dataclass(frozen=True)
class Link:
    """Another activation a page points to."""

    id: str
    name: str


@dataclass(frozen=True)
class OverviewRow:
    """One line of the home page's and the family pages' tables."""

    name: str
    page: str
    thumbnail: str
    formula: str  # LaTeX
    range: str
    monotonic: str
    continuity: str
    use: str


@dataclass(frozen=True)
class Card:
    """One small multiple of the cheat sheet."""

    id: str
    name: str
    image: str
    alt: str
    range: str  # HTML


@dataclass(frozen=True)
class EntryView:
    """One activation as every page and published file shows it."""

    activation: Activation  # for its prose only
    figure: FigureRef
    thumbnail: str
    card: Card
    overview: OverviewRow
    range_text: str  # the range as the guide quotes it
    smoothness_text: str | None  # None for vector entries
    page_context: Mapping[str, object]  # the activation page's template variables
    figures: Mapping[str, bytes] = field(repr=False)  # path under docs/ -> SVG

    @property
    def page(self) -> str:
        return page_of(self.activation.id)


@dataclass(frozen=True)
class Overlay:
    """The static overlays of one family on its page: one figure per few members,
    so that every curve of a figure has a colour of its own."""

    family: Family
    figures: tuple[FigureRef, ...]


@dataclass(frozen=True)
class Cell:
    """One comparison-table cell: HTML (math placeholders allowed) and its sort key."""

    html: str
    sort: str


@dataclass(frozen=True)
class Row:
    id: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Choice:
    """One checkbox of the comparison page's picker."""

    id: str
    name: str
    gated: bool
    checked: bool


@dataclass(frozen=True)
class Coverage:
    """What the test suite checks in one framework: entries, calls (functions and layers)
    and kink values, counted from the catalog, and the version it runs."""

    title: str  # "Keras 3"
    version: str  # "Keras 3.15.1"
    entries: int
    calls: int
    kinks: int


@dataclass(frozen=True)
class SiteView:
    """Everything the pages and the published files are made of."""

    language: str  # the edition's: "en" at the site root, "zh" under zh/
    entries: tuple[EntryView, ...]
    overlays: tuple[Overlay, ...]
    comparison_headers: tuple[str, ...]
    comparison_rows: tuple[Row, ...]
    picker: tuple[tuple[Family, tuple[Choice, ...]], ...]
    examples: Mapping[str, tuple[Link, ...]]  # computed lists the properties page cites
    catalog_json: Mapping[str, object]
    properties_csv: str
    catalog_fields: tuple[CatalogField, ...]  # documented on the Data page
    coverage: tuple[Coverage, ...]  # what the tests check in each framework
    files: Mapping[str, bytes] = field(repr=False)  # figures and scripts under docs/
