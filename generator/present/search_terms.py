"""The names a reader types to find an activation: what its page is tagged with for search.

Material's search weighs a page's tags far above its title and text, so an entry's own
name, its aliases and its framework calls make its page the first hit for any of them. A
call that two entries share (``jax.nn.gelu`` is GELU with ``approximate=False`` and the tanh
form by default) tags only the entry it computes when given no arguments, so that name leads
to one page.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.records.catalog import Activation
from generator.records.frameworks import FrameworkEntry


def search_tags(activation: Activation, catalog: Sequence[Activation]) -> tuple[str, ...]:
    """Name, aliases, then the framework calls (and their usual short forms) no other entry
    computes by default."""
    claimed = {
        call.dotted
        for other in catalog
        if other.id != activation.id
        for entry in other.frameworks
        if _default_form(entry)
        for call in entry.calls
    }
    names = [activation.name, *activation.aliases]
    for entry in activation.frameworks:
        for call in entry.calls:
            if call.dotted not in claimed:
                names += [call.dotted, *_short_forms(call.dotted)]
    return tuple(dict.fromkeys(names))


def _short_forms(dotted: str) -> tuple[str, ...]:
    """How code usually writes a call: ``F.gelu`` after ``import torch.nn.functional as F``."""
    prefix = "torch.nn.functional."
    return (f"F.{dotted.removeprefix(prefix)}",) if dotted.startswith(prefix) else ()


def _default_form(entry: FrameworkEntry) -> bool:
    """Whether the framework's calls, given no arguments, compute this entry."""
    return all(selector.value == selector.default for selector in entry.selectors)
