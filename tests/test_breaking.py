"""Long display formulas are broken into lines that fit a phone, without changing them.

The browser test (``test_browser.py``) measures the typeset widths; these check the
breaking itself: where it cuts, that every line stays within the budget, and that the
broken formula says what the one-line formula said.
"""

from __future__ import annotations

import re

import pytest

from generator.present.breaking import BUDGET_EM, DESKTOP_EM, fit, layout, layouts
from generator.present.texwidth import tex_width

# Mish″ as the printer writes it: a product whose middle factor is a long sum.
MISH_SECOND = (
    r"\left(1 - \tanh^{2}{\left(\operatorname{softplus}\left(x\right) \right)}\right) "
    r"\left(x \left(1 - \sigma\left(x\right)\right) - 2 x \tanh{\left(\operatorname{softplus}"
    r"\left(x\right) \right)} \sigma\left(x\right) + 2\right) \sigma\left(x\right)"
)
SILU_SECOND = (
    r"\left(\sigma\left(x\right) - 1\right) \left(2 x \sigma\left(x\right) - x - 2\right) "
    r"\sigma\left(x\right)"
)
LONG_SUM = r" + ".join(rf"\frac{{x^{{{k}}}}}{{{k} + e^{{x}}}}" for k in range(2, 9))
LHS = r"\operatorname{Mish}^{\prime\prime}(x)"


def _rows(tex: str) -> list[str]:
    body = tex.removeprefix(r"\begin{aligned}").removesuffix(r"\end{aligned}")
    return body.split(r"\\")


def _content(tex: str) -> str:
    """The formula with the layout and bracket sizes taken out."""
    for markup in (r"\begin{aligned}", r"\end{aligned}", r"\qquad", r"\times", "&", r"\\"):
        tex = tex.replace(markup, "")
    tex = re.sub(r"\\(left|right|[bB]ig[lr])", "", tex)
    return re.sub(r"\s+", "", tex)


def test_a_formula_that_fits_is_left_alone() -> None:
    assert fit("f(x)", r"x \sigma\left(x\right)") == r"f(x) = x \sigma\left(x\right)"


@pytest.mark.parametrize("body", [LONG_SUM, MISH_SECOND], ids=["sum", "product"])
def test_every_line_fits_the_budget(body: str) -> None:
    assert tex_width(f"{LHS} = {body}") > BUDGET_EM  # else there is nothing to test
    broken = fit(LHS, body)
    rows = _rows(broken)
    assert len(rows) >= 2, broken
    for row in rows:
        assert tex_width(row.replace("&", "")) <= BUDGET_EM, row
        assert row.count("{") == row.count("}"), row


@pytest.mark.parametrize("body", [LONG_SUM, MISH_SECOND], ids=["sum", "product"])
def test_breaking_keeps_the_formula(body: str) -> None:
    assert _content(fit(LHS, body)) == _content(f"{LHS} = {body}")


def test_a_sum_is_cut_before_its_signs() -> None:
    rows = _rows(fit(LHS, LONG_SUM))
    assert all(row.strip().startswith(r"&\qquad +") for row in rows[1:]), rows


def test_no_cut_leaves_a_stub() -> None:
    """(1 − tanh²u) is never split after its 1; a product is cut between its factors."""
    broken = fit(LHS, MISH_SECOND)
    assert not re.search(r"\\[bB]igl\(1 ", broken), broken
    assert r"\times" in broken


def test_a_quotient_over_a_long_sum_takes_its_denominator_out() -> None:
    body = rf"\frac{{{LONG_SUM}}}{{1 + x^{{2}}}}"
    broken = fit(LHS, body)
    assert broken.startswith(r"\begin{aligned} &" + LHS + r" = \frac{1}{1 + x^{2}} \Bigl(")
    assert broken.count(r"\Bigl(") == broken.count(r"\Bigr)") == 1


def test_two_statements_go_one_above_the_other_only_when_needed() -> None:
    short = r"\operatorname{GLU}(a, b) = a \otimes g(b), \qquad g(x) = \sigma(x)"
    assert layout(short, BUDGET_EM) == short
    wide = f"{LHS} = {MISH_SECOND}, \\qquad s = 1"
    stacked = layout(wide, BUDGET_EM)
    assert stacked.startswith(r"\begin{gathered}"), stacked
    assert stacked.endswith(r"s = 1 \end{gathered}"), stacked


def test_a_desktop_keeps_on_one_line_what_a_phone_breaks() -> None:
    body = SILU_SECOND + r" + \frac{x}{2}"
    line = f"{LHS} = {body}"
    assert BUDGET_EM < tex_width(line) <= DESKTOP_EM
    desktop, phone = layouts(line)
    assert desktop == line
    assert phone == fit(LHS, body)
    assert phone != line


def test_what_is_not_an_equation_is_left_alone() -> None:
    cases = r"\begin{cases} " + LONG_SUM + r" & x > 0 \\ 0 & x \leq 0 \end{cases}"
    assert layout(cases, BUDGET_EM) == cases


def test_width_grows_with_content_and_scripts_are_smaller() -> None:
    assert tex_width("x + y") > tex_width("x")
    assert tex_width("e^{xxxx}") < tex_width("exxxx")
    assert tex_width(r"\frac{a + b}{c}") < tex_width("a + b + c")
