"""SymPy's printers, subclassed once per kind of output the site writes.

Each output has one printer, and the printer's ``_print_<Class>`` methods decide how each
kind of SymPy object looks there, so no caller tests types:

- :class:`PageLatexPrinter`: LaTeX on the pages. Formulas, numbers and ranges in bracket
  notation (``[0, \\infty)``, ``\\mathbb{R}``), exact decimals as decimals.
- :class:`ConditionLatexPrinter`: the same LaTeX, but a set is printed as the condition a
  piece of a piecewise derivative holds on (``x < 0``, ``x \\neq 0``).
- :class:`PlainTextPrinter`: numbers and ranges in ``activations.csv`` (``[-1, inf)``) and
  the parameter defaults the pages quote.
- :class:`JavascriptPrinter`: the formulas of ``curves.js``.

The functions in front of them (``latex_interval(domain)``, ``text_number(value)``, …) are
what the rest of the present stage calls, as ``sympy.latex(expr)`` is called.
"""

from generator.present.printers.javascript import JavascriptPrinter, javascript_expression
from generator.present.printers.latex import (
    ConditionLatexPrinter,
    PageLatexPrinter,
    latex_condition,
    latex_expression,
    latex_interval,
    latex_number,
)
from generator.present.printers.numbers import simplified_value
from generator.present.printers.plain import (
    PlainTextPrinter,
    json_number,
    shortest_text_number,
    sort_key_number,
    text_interval,
    text_number,
)
from generator.present.printers.values import latex_named_interval, latex_value

__all__ = [
    "ConditionLatexPrinter",
    "JavascriptPrinter",
    "PageLatexPrinter",
    "PlainTextPrinter",
    "javascript_expression",
    "json_number",
    "latex_condition",
    "latex_expression",
    "latex_interval",
    "latex_named_interval",
    "latex_number",
    "latex_value",
    "shortest_text_number",
    "simplified_value",
    "sort_key_number",
    "text_interval",
    "text_number",
]
