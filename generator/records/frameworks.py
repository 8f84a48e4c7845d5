"""How the frameworks spell a catalog entry: their calls, keywords, defaults, the arguments
that select its form, and the agreement with the formula the tests assert."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import sympy as sp


@dataclass(frozen=True)
class Tolerance:
    """How closely a framework's float64 f and autograd f′ match the exact formula.

    |framework − exact| ≤ absolute + relative·|exact|, measured by the test suite. Relative
    bounds fit most f; absolute bounds fit gradients formed from the rounded output
    (σ(1 − σ), 1 − tanh²), which lose relative accuracy in the tails by design. For vector
    kinds the gradient bounds apply to every entry of the Jacobian.
    """

    f_relative: float
    f_absolute: float
    df_relative: float
    df_absolute: float


# The frameworks an entry may name, in the order pages list them.
FRAMEWORKS: Final = ("pytorch", "keras", "jax")
# How a framework takes a parameter: a plain number, a tensor of weights (torch's F.prelu),
# or an initializer (Keras's PReLU layer).
ARGUMENT_FORMS: Final = ("number", "tensor", "initializer")


@dataclass(frozen=True)
class Argument:
    """How one framework call takes one of the entry's parameters.

    ``keyword`` None: the call has no such argument and always computes the form at our
    default (Keras's softplus is β = 1). ``default`` None: the call requires it. A string
    default is a name the framework resolves itself (Keras's ``"Zeros"`` initializer).
    """

    parameter: str
    keyword: str | None
    default: sp.Rational | str | None
    form: str = "number"


SelectorValue = str | int | float | bool | None


@dataclass(frozen=True)
class Selector:
    """An argument to pass for this entry's form (JAX's ``approximate=False``), beside the
    framework's own default for it, so a page can say both."""

    keyword: str
    value: SelectorValue
    default: SelectorValue


@dataclass(frozen=True)
class FrameworkCall:
    """One way to call the activation: a function or a layer class, by dotted name."""

    dotted: str
    arguments: tuple[Argument, ...]  # one per catalog parameter, in catalog order

    def argument(self, parameter: str) -> Argument:
        return next(a for a in self.arguments if a.parameter == parameter)


@dataclass(frozen=True)
class FrameworkEntry:
    """How one framework spells the activation: its calls, their keywords and defaults, what
    to pass for this form, and the agreement with the formula the tests assert."""

    framework: str
    function: FrameworkCall | None
    module: FrameworkCall | None
    selectors: tuple[Selector, ...]
    tolerance: Tolerance
    note: str | None
    gain: Gain | None = None  # PyTorch only: what torch.nn.init.calculate_gain returns

    @property
    def named_calls(self) -> tuple[tuple[str, FrameworkCall], ...]:
        """("function", call) and ("module", call), for the calls the framework has."""
        pairs = (("function", self.function), ("module", self.module))
        return tuple((kind, call) for kind, call in pairs if call is not None)

    @property
    def calls(self) -> tuple[FrameworkCall, ...]:
        return tuple(call for _, call in self.named_calls)

    @property
    def takes_every_parameter(self) -> bool:
        """False when some parameter is fixed (then only our defaults can be compared)."""
        return all(a.keyword is not None for call in self.calls for a in call.arguments)


@dataclass(frozen=True)
class Gain:
    """PyTorch's recommended initialisation gain for this activation, checked against
    ``torch.nn.init.calculate_gain(nonlinearity, param)`` in the tests; ``value`` is exact
    and may use the parameters (leaky ReLU's √(2 / (1 + α²)))."""

    nonlinearity: str
    value: sp.Expr
