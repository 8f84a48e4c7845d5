"""The "Numerical accuracy" section of a page, as text, from the measured report.

One cell format everywhere: the largest error in ULP, split into |x| ≤ 10 (where
activations live) and the tails, so a tail that underflows to 0 cannot hide how good the
centre is. A figure too large to read as ULPs is explained in words under its table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from generator.numerics.report import REGIONS, Accuracy, Measured, Setting
from generator.numerics.ulp import Summary
from generator.present.words import Words

QUANTITIES: Final = (("f", "f"), ("df", "f′"))
# From half the digits lost on (relative error √ε), a ULP figure is read as a relative error.
HUGE_RELATIVE: Final = {"float64": 2.0**-26, "float32": 2.0**-12}
SUPERSCRIPTS: Final = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class AccuracyTable:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    notes: tuple[str, ...]  # what the huge figures mean, the absolute errors


@dataclass(frozen=True)
class AccuracyView:
    tables: tuple[AccuracyTable, ...]
    short_line: str | None  # the short form's figures, under its code
    accurate_title: str | None  # the fold's title, with the accurate module's figures
    accurate_better: bool  # somewhere more accurate than the short form: worth a fold
    shortfalls: tuple[str, ...]
    current: bool
    short_current: bool
    grid: str
    versions: str


def accuracy_view(accuracy: Accuracy, words: Words) -> AccuracyView:
    tables = [_table(accuracy.defaults, dtype, "", words) for dtype in ("float64", "float32")]
    for setting in accuracy.settings[1:]:
        at = words(", ").join(f"{name} = {value:g}" for name, value in setting.parameters)
        tables.append(_table(setting, "float64", words(" at {setting}", setting=at), words))
    short = accuracy.defaults.of("short")
    accurate = accuracy.defaults.of("accurate")
    return AccuracyView(
        tables=tuple(tables),
        short_line=None if short is None else _short_line(short, words),
        accurate_title=None if accurate is None else _accurate_title(accurate, words),
        accurate_better=accurate is not None and (short is None or _better(accurate, short)),
        shortfalls=tuple(
            words(
                "{name} in {dtype}: {count} non-finite outputs", name=name, dtype=dtype, count=count
            )
            if count is not None
            else words(
                "{name} in {dtype}: {ulp} ULP (target {target})",
                name=name,
                dtype=dtype,
                ulp=ulp,
                target=f"{target:g}",
            )
            for name, dtype, count, ulp, target in accuracy.shortfalls()
        ),
        current=accuracy.current,
        short_current=accuracy.short_current,
        grid=words(
            "{count} points: {spread}",
            count=f"{accuracy.grid[0]:,}",
            spread=words(accuracy.grid[1]),
        ),
        versions=accuracy.versions,
    )


def _table(setting: Setting, dtype: str, suffix: str, words: Words) -> AccuracyTable:
    headers = tuple(f"{name}, {span}" for _, name in QUANTITIES for span in REGIONS.values())
    rows = tuple(
        (
            words(m.label),
            tuple(
                _cell(m.summary(dtype, quantity, region))
                for quantity, _ in QUANTITIES
                for region in REGIONS
            ),
        )
        for m in setting.measured
    )
    notes = tuple(dict.fromkeys(n for m in setting.measured if (n := _huge(m, dtype, words))))
    absolute = _absolute(setting.measured, dtype, words)
    return AccuracyTable(f"{dtype}{suffix}", headers, rows, notes + absolute)


def _cell(summary: Summary) -> str:
    parts = []
    if summary.max_ulp is not None:
        parts.append(ulp_figure(summary.max_ulp))
    failures = summary.non_finite + summary.wrong_special
    if failures:
        parts.append(f"**{failures} NaN/inf**")
    return "<br>".join(parts) or "—"


def ulp_figure(ulp: float) -> str:
    """0, 0.5, 1.9, 96, 1,234, then 3.4 × 10⁵: one format a reader can compare at a glance."""
    if ulp == 0:
        return "0"
    if not math.isfinite(ulp):
        return "∞"
    if ulp < 10:
        return f"{ulp:.2g}"
    if ulp < 10_000:
        return f"{ulp:,.0f}"
    return power_of_ten(ulp)


def power_of_ten(value: float, digits: int = 2) -> str:
    if not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("∞" if value > 0 else "−∞")
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPTS)}"


def _number(value: float, digits: int = 2) -> str:
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e4:
        return f"{value:.{max(digits, 4)}g}".replace("-", "−")
    shown = power_of_ten(abs(value), digits)
    return f"−{shown}" if value < 0 else shown


def _huge(measured: Measured, dtype: str, words: Words) -> str:
    """One sentence for the worst figure too large to read as ULPs, or ""."""
    worst: tuple[float, str, Summary] | None = None
    for quantity, name in QUANTITIES:
        for region in REGIONS:
            summary = measured.summary(dtype, quantity, region)
            if summary.max_ulp is not None and (worst is None or summary.max_ulp > worst[0]):
                worst = (summary.max_ulp, name, summary)
    if worst is None:
        return ""
    ulp, name, summary = worst
    x, computed, exact = summary.worst_x, summary.worst_computed, summary.worst_exact
    if x is None or computed is None or exact is None or exact == 0:
        return ""
    who = words(measured.label)
    if not math.isfinite(computed):
        return words(
            "{who}: {name}({x}) comes out as {computed}.",
            who=who,
            name=name,
            x=_number(x),
            computed=_number(computed),
        )
    relative = abs(computed - exact) / abs(exact)
    if relative < HUGE_RELATIVE[dtype]:
        return ""
    digits = 2 if relative >= 0.01 else 2 - math.floor(math.log10(relative))  # tell them apart
    return words(
        "{who}: {ulp} ULP is a relative error of {relative}: {name}({x}) comes out as "
        "{computed} where the exact value is {exact}.",
        who=who,
        ulp=ulp_figure(ulp),
        relative=_percent(relative),
        name=name,
        x=_number(x),
        computed=_number(computed, digits),
        exact=_number(exact, digits),
    )


def _percent(relative: float) -> str:
    if relative >= 0.01:
        return f"{relative * 100:.0f} %"
    return power_of_ten(relative, 1)


def _absolute(measured: tuple[Measured, ...], dtype: str, words: Words) -> tuple[str, ...]:
    found = []
    for m in measured:
        values = [m.summary(dtype, q, r).max_absolute for q, _ in QUANTITIES for r in REGIONS]
        largest = max((v for v in values if v is not None), default=None)
        if largest is not None:
            found.append(f"{words(m.label)} {_number(largest)}")
    if not found:
        return ()
    return (
        words(
            "Absolute error where ULPs mean nothing (within 0.02 of a zero of f or f′, and "
            "where the exact value is 0 or below the normal range): {figures}.",
            figures=words("; ").join(found),
        ),
    )


def _short_line(short: Measured, words: Words) -> str:
    """ "f ≤ 1.5 ULP and f′ ≤ 3.2 ULP for |x| ≤ 10; 40 and 12 ULP out to |x| = 750"."""
    centre = [short.summary("float64", q, "centre") for q, _ in QUANTITIES]
    tails = [short.summary("float64", q, "tails") for q, _ in QUANTITIES]
    return words(
        "Largest error in float64: {f} for f and {df} for f′ on |x| ≤ 10; {f_tails} and "
        "{df_tails} on 10 < |x| ≤ 750",
        f=_bound(centre[0], words),
        df=_bound(centre[1], words),
        f_tails=_bound(tails[0], words),
        df_tails=_bound(tails[1], words),
    )


def _bound(summary: Summary, words: Words) -> str:
    failures = summary.non_finite + summary.wrong_special
    if failures:
        return f"{failures} NaN/inf"
    if summary.max_ulp is None:
        if summary.max_absolute is None:
            return "—"
        return words("abs. {value}", value=_number(summary.max_absolute))
    return f"{ulp_figure(summary.max_ulp)} ULP"


def _better(accurate: Measured, short: Measured) -> bool:
    """True when the accurate module beats the short form in some dtype, quantity or region."""
    for dtype in ("float64", "float32"):
        for quantity, _ in QUANTITIES:
            for region in REGIONS:
                ours, theirs = (
                    accurate.summary(dtype, quantity, region),
                    short.summary(dtype, quantity, region),
                )
                if (theirs.non_finite + theirs.wrong_special) > (
                    ours.non_finite + ours.wrong_special
                ):
                    return True
                if (theirs.max_ulp or 0.0) > (ours.max_ulp or 0.0) or (
                    theirs.max_absolute or 0.0
                ) > (ours.max_absolute or 0.0):
                    return True
    return False


def _accurate_title(accurate: Measured, words: Words) -> str:
    """The fold's title: "Accurate to the last bit (float64 ≤ 1.9 ULP, float32 correctly
    rounded)", or "correctly rounded in float64 and float32"."""
    figures = []
    for dtype in ("float64", "float32"):
        worst = max(
            (
                s.max_ulp
                for q, _ in QUANTITIES
                for r in REGIONS
                if (s := accurate.summary(dtype, q, r)).max_ulp is not None
            ),
            default=0.0,
        )
        rounded = worst <= 0.5 * (1 + 1e-9)
        figures.append((dtype, None if rounded else f"≤ {ulp_figure(worst)} ULP"))
    if all(figure is None for _, figure in figures):
        return words("Accurate to the last bit (correctly rounded in float64 and float32)")
    shown = words(", ").join(
        f"{dtype} {figure or words('correctly rounded')}" for dtype, figure in figures
    )
    return words("Accurate to the last bit ({figures})", figures=shown)
