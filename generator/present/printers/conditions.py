"""The condition beside each branch of a piecewise formula, as a reader would write it.

SymPy keeps conditions as typed and evaluates branches in order, so Hardshrink reads
``λ < −x ∨ λ < x``, then "otherwise", and a middle branch's condition leaves out what the
branches above it already took. A ``cases`` block is read as disjoint conditions, so each
row here gets the condition it really applies on, in the plain form: ``|x| > λ``,
``|x| ≤ λ``, ``a ≤ x ≤ b``, ``x < 0``. Points where the function shown does not exist (the
kinks, for a derivative) are left out of every row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import sympy as sp

_OPERATORS: Final = {sp.StrictLessThan: "<", sp.LessThan: "\\leq", sp.StrictGreaterThan: ">"}
_OPERATORS_ALL: Final = {**_OPERATORS, sp.GreaterThan: "\\geq"}
_FLIP: Final = {"<": ">", "\\leq": "\\geq", ">": "<", "\\geq": "\\leq"}

Show = Callable[[sp.Basic], str]


@dataclass(frozen=True)
class Bound:
    """``x <op> value``, a comparison solved for the variable."""

    operator: str  # <, \leq, >, \geq
    value: sp.Expr

    @property
    def lower(self) -> bool:
        return self.operator in (">", "\\geq")

    @property
    def strict(self) -> bool:
        return self.operator in ("<", ">")


def bound(relation: sp.Basic, x: sp.Symbol) -> Bound | None:
    """``λ < −x`` as ``x < −λ``; None unless the relation is linear in x with a number slope."""
    operator = _OPERATORS_ALL.get(type(relation))
    if operator is None:
        return None
    difference = relation.lhs - relation.rhs
    slope = sp.diff(difference, x)
    if not slope.is_number or slope == 0:
        return None
    rest = sp.expand(difference - slope * x)
    if x in rest.free_symbols:
        return None
    value: sp.Expr = sp.simplify(-rest / slope)
    return Bound(operator if slope > 0 else _FLIP[operator], value)


def effective(conditions: Sequence[sp.Basic], row: int) -> sp.Basic:
    """Where row ``row`` applies: its condition and none of the ones before it."""
    return _negation_inside(sp.And(conditions[row], *_not(conditions[:row])))


def readable(
    conditions: Sequence[sp.Basic],
    row: int,
    x: sp.Symbol,
    defaults: Mapping[sp.Basic, sp.Expr],
    excluded: Sequence[sp.Expr],
) -> sp.Basic | None:
    """The simplest condition that picks out the same points as row ``row`` at the defaults.

    Candidates, simplest first: the row's own condition, the negation of the rows above (for
    "otherwise"), their conjunction. Conditions that also hold with other parameter values
    are the point; the defaults only decide which of the equivalent spellings to show.
    None when the row applies nowhere.
    """
    target = _set(effective(conditions, row), defaults)
    if target is None:
        return effective(conditions, row)
    if target is sp.S.EmptySet:
        return None
    candidates = [
        conditions[row],
        _negation_inside(sp.And(*_not(conditions[:row]))),
        effective(conditions, row),
    ]
    for candidate in candidates:
        if candidate != sp.true and _set(candidate, defaults) == target:
            return candidate
    return effective(conditions, row)


def show_condition(
    condition: sp.Basic,
    x: sp.Symbol,
    show: Show,
    *,
    open_at: Callable[[sp.Expr], bool] = lambda point: False,
) -> str:
    """``condition`` in TeX: comparisons solved for x, ``|x| > λ`` for x < −λ or x > λ,
    ``a ≤ x ≤ b`` for a pair of bounds. ``open_at(value)`` says a bound's end is a point
    left out (a kink), so ``≤`` there is shown as ``<``."""
    if isinstance(condition, sp.Or):
        pair = _two_bounds(condition, x, open_at)
        if pair is not None and not pair[0].lower and pair[1].lower:
            below, above = pair
            if sp.simplify(below.value + above.value) == 0 and below.strict == above.strict:
                return f"|{show(x)}| {above.operator} {show(above.value)}"
        return " \\text{ or } ".join(
            show_condition(part, x, show, open_at=open_at) for part in condition.args
        )
    if isinstance(condition, sp.And):
        pair = _two_bounds(condition, x, open_at)
        if pair is not None and pair[0].lower != pair[1].lower:
            low, high = sorted(pair, key=lambda b: not b.lower)
            if sp.simplify(low.value + high.value) == 0 and low.strict == high.strict:
                return f"|{show(x)}| {high.operator} {show(high.value)}"
            left = _FLIP[low.operator]
            return f"{show(low.value)} {left} {show(x)} {high.operator} {show(high.value)}"
        return " \\text{ and } ".join(
            show_condition(part, x, show, open_at=open_at) for part in condition.args
        )
    solved = _solved(condition, x, open_at)
    if solved is not None:
        return f"{show(x)} {solved.operator} {show(solved.value)}"
    if isinstance(condition, (sp.Eq, sp.Ne)) and condition.lhs == x:
        sign = "=" if isinstance(condition, sp.Eq) else "\\neq"
        return f"{show(x)} {sign} {show(condition.rhs)}"
    return show(condition)


def _not(conditions: Sequence[sp.Basic]) -> list[sp.Basic]:
    return [sp.Not(condition) for condition in conditions]


def _negation_inside(condition: sp.Basic) -> sp.Basic:
    """¬(x < a ∨ x > b) as x ≥ a ∧ x ≤ b: a negated comparison is a comparison."""
    if isinstance(condition, sp.logic.boolalg.Boolean) and not condition.is_Relational:
        moved: sp.Basic = sp.to_nnf(condition, simplify=False)
        return moved
    return condition


def _solved(relation: sp.Basic, x: sp.Symbol, open_at: Callable[[sp.Expr], bool]) -> Bound | None:
    found = bound(relation, x)
    if found is None or found.strict or not open_at(found.value):
        return found
    return Bound("<" if found.operator == "\\leq" else ">", found.value)


def _two_bounds(
    condition: sp.Basic, x: sp.Symbol, open_at: Callable[[sp.Expr], bool]
) -> tuple[Bound, Bound] | None:
    if len(condition.args) != 2:
        return None
    first, second = (_solved(part, x, open_at) for part in condition.args)
    if first is None or second is None:
        return None
    return (first, second) if not first.lower else (second, first)


def _set(condition: sp.Basic, defaults: Mapping[sp.Basic, sp.Expr]) -> sp.Set | None:
    """The points where ``condition`` holds at the defaults; None if SymPy cannot say."""
    try:
        concrete = condition.subs(defaults)
        if concrete in (sp.true, sp.false):
            everywhere: sp.Set = sp.S.Reals if concrete == sp.true else sp.S.EmptySet
            return everywhere
        if len(concrete.free_symbols) != 1:
            return None
        found: sp.Set = concrete.as_set()
    except (NotImplementedError, TypeError, ValueError, AttributeError):
        return None
    return found
