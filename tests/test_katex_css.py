"""KaTeX's stylesheet cut to the classes the site's formulas carry (publish/katex_css.py)."""

from __future__ import annotations

import pytest

from generator.paths import Paths
from generator.publish.katex_css import classes_in, trimmed


def face(family: str) -> str:
    return (
        f"@font-face{{font-family:KaTeX_{family};src:url(fonts/KaTeX_{family}-Regular.woff2) "
        f'format("woff2"),url(fonts/KaTeX_{family}-Regular.woff) format("woff")}}'
    )


def test_classes_are_read_from_every_class_attribute() -> None:
    pages = ['<span class="katex mord"><b class="mfrac">', "<i class='x'>", '<p class="">']
    assert classes_in(pages) == {"katex", "mord", "mfrac"}


def test_a_rule_is_kept_when_a_selector_can_match() -> None:
    css = ".katex .mord{a:1}.katex .mtable,.katex .mfrac{b:2}.katex .mtable{c:3}"
    assert trimmed(css, frozenset({"katex", "mord", "mfrac"})) == (
        ".katex .mord{a:1}.katex .mfrac{b:2}"
    )


def test_a_class_inside_not_is_not_required() -> None:
    css = ".katex .accent-body:not(.accent-full){width:0}"
    assert trimmed(css, frozenset({"katex", "accent-body"})) == css
    assert trimmed(css, frozenset({"katex", "accent-full"})) == ""


def test_font_faces_are_kept_for_named_families_with_the_woff2_source_only() -> None:
    css = face("Main") + face("Fraktur") + ".katex{font:1em KaTeX_Main}"
    kept = trimmed(css, frozenset({"katex"}), stylesheets=["p{font-family:KaTeX_Math}"])
    assert kept == (
        "@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2) "
        'format("woff2")}.katex{font:1em KaTeX_Main}'
    )
    assert "Math" not in trimmed(face("Math"), frozenset())
    assert "KaTeX_Math" in trimmed(face("Math"), frozenset(), ["b{font:1em KaTeX_Math}"])


def test_other_at_rules_are_kept_whole() -> None:
    css = "@media print{.katex .mtable{x:1}}.katex .mtable{y:2}"
    assert trimmed(css, frozenset({"katex"})) == "@media print{.katex .mtable{x:1}}"


def test_a_stylesheet_cut_short_is_refused() -> None:
    with pytest.raises(ValueError, match="ends inside a rule"):
        trimmed(".katex{a:1}.mord{b:", frozenset({"katex"}))


def test_katex_stylesheet_is_cut_to_a_fraction() -> None:
    whole = (Paths.default().katex / "dist" / "katex.min.css").read_text(encoding="utf-8")
    used = frozenset({"katex", "katex-display", "katex-html", "katex-mathml", "base", "strut"})
    cut = trimmed(whole, used | {"mord", "mathnormal", "mfrac", "frac-line", "vlist"})
    assert len(cut) < len(whole) / 3
    assert ".katex .mfrac .frac-line{" in cut
    assert ".mtable" not in cut
    assert "KaTeX_Fraktur" not in cut
