"""The bounds on what a catalog file may hold, stated once (the README's field table quotes
them). Each is several times what the shipped catalog needs, and small enough that no file
within them can make the build slow."""

from __future__ import annotations

from typing import Final

from generator.catalog.expression_bounds import MAX_DIGITS, MAX_EXPONENT, MAX_LITERAL
from generator.catalog.expressions import MAX_LENGTH
from generator.catalog.files import MAX_FILE_BYTES
from generator.catalog.yaml_loader import MAX_NUMBER_CHARACTERS

# Characters per text field. The shipped catalog's longest: name 25, alias 51, author 26,
# symbol 28, summary 301, list item 182, note or description 319, url 97.
NAME_CHARACTERS: Final = 60  # name, each alias, each author
SYMBOL_CHARACTERS: Final = 100  # LaTeX symbols
TEXT_CHARACTERS: Final = 400  # summary, each pro/con/use, notes, descriptions, titles
URL_CHARACTERS: Final = 300
FORMULA_CHARACTERS: Final = MAX_LENGTH
# A number written in a field (a default, a constant, a tolerance): no larger than this in
# size, and no smaller unless it is 0 (the shipped ones lie between 1.2e-16 and 2100).
MAX_MAGNITUDE: Final = 10**6
MIN_MAGNITUDE_EXPONENT: Final = -300

SUMMARY: Final = (
    f"Files: at most {MAX_FILE_BYTES // 1024} KiB, plain YAML (no anchors, aliases, tags or "
    f"repeated keys). Text: no control characters; names and aliases at most "
    f"{NAME_CHARACTERS} characters (letters, digits, spaces and - ( ) , . ' / + _ · ² ′), "
    f"LaTeX symbols {SYMBOL_CHARACTERS}, urls {URL_CHARACTERS}, other text "
    f"{TEXT_CHARACTERS}, formulas {FORMULA_CHARACTERS} (ASCII only). Numbers: at most "
    f"{MAX_NUMBER_CHARACTERS} characters; defaults, constants and tolerances at most "
    f"1e{len(str(MAX_MAGNITUDE)) - 1} in size and, unless 0, at least "
    f"1e{MIN_MAGNITUDE_EXPONENT}; in a formula an integer literal is at most "
    f"1e{len(str(MAX_LITERAL)) - 1}, an exponent at most {MAX_EXPONENT} and an exact "
    f"number at most {MAX_DIGITS} digits."
)
