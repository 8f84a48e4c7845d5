"""What the test suite checks against the frameworks: the versions (the pins in
``requirements/test.txt``, read here so the pages quote exactly what the tests ran) and how
many entries, calls and kink values, counted from the catalog."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from generator.paths import Paths
from generator.present.text import FRAMEWORK_TITLES
from generator.present.words import Words
from generator.records.catalog import Activation
from generator.records.views import Coverage

# framework → (the package pinned for the tests, its name beside a version number)
_PACKAGES: Final = {
    "pytorch": ("torch", "PyTorch"),
    "keras": ("keras", "Keras"),
    "jax": ("jax", "JAX"),
}
_PIN: Final = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)", re.MULTILINE)


@cache
def checked_versions() -> dict[str, str]:
    """``{"pytorch": "PyTorch 2.13.0", "jax": "JAX 0.10.2", "keras": "Keras 3.15.1"}``."""
    pins = dict(_PIN.findall((Paths.default().root / "requirements" / "test.txt").read_text()))
    found = {}
    for framework, (package, name) in _PACKAGES.items():
        if package not in pins:
            raise RuntimeError(f"requirements/test.txt pins no version of {package}")
        found[framework] = f"{name} {pins[package]}"
    return found


def versions_text(words: Words) -> str:
    """For example "PyTorch 2.13.0, JAX 0.10.2 and Keras 3.15.1 on its JAX backend"."""
    versions = checked_versions()
    return words(
        "{pytorch}, {jax} and {keras} on its JAX backend",
        pytorch=versions["pytorch"],
        jax=versions["jax"],
        keras=versions["keras"],
    )


def coverage(catalog: Sequence[Activation]) -> tuple[Coverage, ...]:
    found = []
    for framework, title in FRAMEWORK_TITLES.items():
        named = [(a, e) for a in catalog if (e := a.framework(framework)) is not None]
        found.append(
            Coverage(
                title=title,
                version=checked_versions()[framework],
                entries=len(named),
                calls=sum(len(e.calls) for _, e in named),
                kinks=sum(len(a.kinks) for a, _ in named),
            )
        )
    return tuple(found)


def coverage_sentence(catalog: Sequence[Activation]) -> str:
    """The README's line, checked against the catalog by a test."""
    return (
        "; ".join(f"{c.version}: {c.entries} entries ({c.calls} calls)" for c in coverage(catalog))
        + "."
    )
