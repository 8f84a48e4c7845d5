"""End to end: hostile catalog files are refused quickly, by file and field, on one line.

Each case copies the real catalog, plants one hostile input and runs the command line, as
tests/test_bad_input.py does for honest mistakes: exit 2, one ``error: <file>: field
'<field>': …`` line of bounded length, no traceback, docs/ untouched, and within a time
bound — several of these inputs used to hang the build or take gigabytes to report.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pytest

from tests.test_bad_input import (
    ENTRIES,
    Corrupt,
    error_line,
    existing_output,
    raw,
    run_generator,
    setting,
    snapshot,
)

# Every case loads no further than the catalog stage; the bound is for a slow, busy machine
# (interpreter start and imports are most of it), far below the minutes the hangs took.
SECONDS: Final = 20.0
# An error line quotes at most a bounded prefix of what it refuses.
LONGEST_LINE: Final = 600


@dataclass(frozen=True)
class Hostile:
    """One hostile input planted in one file, the field the error names and what it says."""

    id: str
    file: str
    field: str
    message: str
    plant: Corrupt


def replacing(old: str, new: str) -> Corrupt:
    """Replace ``old`` (which must occur) by ``new`` in the file's text."""

    def plant(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path.name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return plant


def alias_bomb(levels: int) -> Corrupt:
    """A 'billion laughs' in ``name``: each level nine aliases of the one before."""
    lines = ['x-a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x-a{k}: &a{k} [" + ",".join([f"*a{k - 1}"] * 9) + "]" for k in range(1, levels)]
    lines.append("name: [" + ",".join([f"*a{levels - 1}"] * 9) + "]")
    return replacing("name: ReLU\n", "\n".join(lines) + "\n")


def replaced_by(make: Callable[[Path], None]) -> Corrupt:
    """Remove the file and let ``make`` put something that is not a regular file there."""

    def plant(path: Path) -> None:
        path.unlink()
        make(path)

    return plant


def parameter_named(name: str) -> Corrupt:
    """LeakyReLU with its parameter renamed to ``name`` everywhere."""
    return renaming("negative_slope", name)


def renaming(old: str, new: str) -> Corrupt:
    """Replace every ``old`` by ``new`` in the file's text."""

    def plant(path: Path) -> None:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    return plant


def symbol(latex: str) -> Corrupt:
    return setting("symbol", value=latex)


def expression(text: str) -> Corrupt:
    return setting("expression", value=text)


SLOPE = "parameters.negative_slope.default"
CASES = [
    # 1. Hangs.
    Hostile(
        "huge-exact-power",
        "tanh",
        "expression",
        "a power would make a number of about",
        expression("x + ((10**1000)**1000)**1000"),
    ),
    Hostile(
        "huge-power-of-x",
        "tanh",
        "expression",
        "exponents are at most 1000",
        expression("((x**999)**999)**999"),
    ),
    Hostile("alias-bomb", "relu", "x-a0", "anchors and aliases are not allowed", alias_bomb(8)),
    Hostile(
        "deeper-alias-bomb", "relu", "x-a0", "anchors and aliases are not allowed", alias_bomb(9)
    ),
    Hostile(
        "alias", "relu", "aliases", "aliases are not allowed", replacing("aliases: [", "aliases: *")
    ),
    # 2. Sizes.
    Hostile(
        "file-too-large",
        "relu",
        "<file>",
        "at most 65536 bytes",
        replacing("summary: ", "summary: " + "a" * 70_000),
    ),
    Hostile(
        "200k-character-formula",
        "tanh",
        "<file>",
        "at most 65536 bytes",
        expression("x" + " + x" * 50_000),
    ),
    Hostile(
        "60k-character-formula",
        "tanh",
        "expression",
        "a formula is at most 2000",
        expression("x" + " + x" * 15_000),
    ),
    Hostile("long-name", "relu", "name", "at most 60", setting("name", value="R" * 61)),
    Hostile("long-summary", "relu", "summary", "at most 400", setting("summary", value="s" * 401)),
    Hostile("long-pro", "relu", "pros[0]", "at most 400", setting("pros", 0, value="p" * 401)),
    # 3. Only regular files.
    Hostile("fifo", "relu", "<file>", "FIFO", replaced_by(lambda path: os.mkfifo(path))),
    Hostile("directory", "relu", "<file>", "a directory", replaced_by(lambda path: path.mkdir())),
    Hostile(
        "dangling-symlink",
        "relu",
        "<file>",
        "a link to nothing",
        replaced_by(lambda path: path.symlink_to(path.with_name("nowhere"))),
    ),
    Hostile(
        "device",
        "relu",
        "<file>",
        "character device",
        replaced_by(lambda path: path.symlink_to("/dev/zero")),
    ),
    # 4. Numbers.
    Hostile(
        "5000-digit-integer-in-yaml",
        "leaky_relu",
        SLOPE,
        "numbers are at most 64 characters",
        replacing("default: 0.01", "default: " + "1" * 5000),
    ),
    Hostile(
        "1900-digit-integer-in-a-formula",
        "tanh",
        "expression",
        "has at most 40",
        expression("x + " + "1" * 1900),
    ),
    Hostile(
        "integer-literal-too-large",
        "tanh",
        "expression",
        "is larger than 1e+15",
        expression("x + 10000000000000000"),
    ),
    Hostile(
        "default-above-1e308",
        "leaky_relu",
        SLOPE,
        "numbers are at most 64 characters",
        replacing("default: 0.01", "default: 1" + "0" * 310),
    ),
    Hostile(
        "default-too-large",
        "leaky_relu",
        SLOPE,
        "larger than 1000000",
        replacing("default: 0.01", "default: 2000000"),
    ),
    Hostile(
        "default-vanishingly-small",
        "leaky_relu",
        SLOPE,
        "smaller than 1e-300",
        replacing("default: 0.01", "default: 1.0e-99999999"),
    ),
    Hostile(
        "exponent-without-sign",
        "leaky_relu",
        SLOPE,
        "write it as 1.0e+308",
        replacing("default: 0.01", "default: 1.0e308"),
    ),
    # 5. Duplicate keys, tags.
    Hostile(
        "name-twice",
        "relu",
        "name",
        "is written twice (lines 2 and 3)",
        replacing("name: ReLU\n", "name: ReLU\nname: Other\n"),
    ),
    Hostile(
        "python-tag",
        "relu",
        "name",
        "tags are not allowed",
        replacing("name: ReLU", "name: !!python/object/apply:os.system [touch pwned]"),
    ),
    Hostile("custom-tag", "relu", "name", "tags are not allowed", replacing("name: ", "name: !x ")),
    # 6. Look-alike letters.
    Hostile("fullwidth-x", "tanh", "expression", "U+FF58", expression("tanh(ｘ)")),
    Hostile("italic-x", "tanh", "expression", "U+1D465", expression("tanh(𝑥)")),
    Hostile(
        "cyrillic-x",
        "tanh",
        "expression",
        "character 'х' (U+0445 CYRILLIC SMALL LETTER HA) is not allowed: formulas are ASCII",
        expression("tanh(х)"),
    ),
    # 7. Names the printed code uses.
    Hostile(
        "parameter-keyword",
        "leaky_relu",
        "parameters.lambda",
        "Python keyword",
        parameter_named("lambda"),
    ),
    Hostile(
        "parameter-soft-keyword",
        "leaky_relu",
        "parameters.match",
        "Python keyword",
        parameter_named("match"),
    ),
    Hostile("parameter-builtin", "leaky_relu", "parameters.sum", "builtin", parameter_named("sum")),
    Hostile(
        "parameter-np", "leaky_relu", "parameters.np", "printed code uses", parameter_named("np")
    ),
    Hostile(
        "constant-torch",
        "selu",
        "constants.torch",
        "printed code uses",
        renaming("scale", "torch"),
    ),
    # 8. Formulas outside their forms.
    Hostile(
        "piecewise-without-true",
        "tanh",
        "expression",
        "must end with a (value, True) branch",
        expression("Piecewise((x, x > 1), (0, x < 0))"),
    ),
    Hostile(
        "kronecker-of-x",
        "tanh",
        "expression",
        "KroneckerDelta takes the vector indices",
        expression("x + KroneckerDelta(x, 1)"),
    ),
    Hostile(
        "sum-to-infinity",
        "softmax",
        "expression",
        "a Sum runs over the vector's components",
        expression("exp(x[i]) / Sum(exp(x[j]), (j, 1, oo))"),
    ),
    Hostile("imaginary", "tanh", "expression", "is not real", expression("sqrt(-1)*x")),
    # 9. Strings that land on pages.
    Hostile(
        "markup-in-name",
        "relu",
        "name",
        "not allowed in a name",
        setting("name", value="<script>alert(1)</script>"),
    ),
    Hostile(
        "newline-in-alias",
        "relu",
        "aliases[0]",
        "U+000A",
        setting("aliases", 0, value="rectifier\nsecond line"),
    ),
    Hostile(
        "escape-in-summary",
        "relu",
        "summary",
        "U+001B",
        setting("summary", value="A \x1b[31mred\x1b[0m unit."),
    ),
    Hostile(
        "javascript-url",
        "sigmoid",
        "references[0].url",
        "https://",
        setting("references", 0, "url", value="javascript:alert(1)"),
    ),
    Hostile(
        "quote-in-url",
        "sigmoid",
        "references[0].url",
        "must not hold",
        setting("references", 0, "url", value='https://doi.org/x"onmouseover="alert(1)'),
    ),
    Hostile(
        "garbage-host",
        "sigmoid",
        "references[0].url",
        "must name a host",
        setting("references", 0, "url", value="https://x)/a"),
    ),
    Hostile(
        "code-in-function",
        "gelu",
        "frameworks.pytorch.function",
        "dotted Python name",
        setting("frameworks", "pytorch", "function", value="torch.nn.functional.gelu; import os"),
    ),
    # 10. LaTeX.
    *(
        Hostile(
            f"latex-{command}",
            "relu",
            "symbol",
            f"command '\\{command}'",
            symbol(f"\\{command}{{x}}{{y}}"),
        )
        for command in ("href", "url", "htmlClass", "includegraphics", "def", "newcommand")
    ),
    Hostile("unbalanced-braces", "relu", "symbol", "braces must balance", symbol("\\mathrm{x")),
    Hostile(
        "parameter-symbol",
        "leaky_relu",
        "parameters.negative_slope.symbol",
        "command '\\href'",
        setting("parameters", "negative_slope", "symbol", value="\\href{https://e.com}{a}"),
    ),
    Hostile(
        "constant-symbol",
        "selu",
        "constants.scale.symbol",
        "command '\\def'",
        setting("constants", "scale", "symbol", value="\\def\\l{\\lambda}\\l"),
    ),
]


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A private copy of the shipped catalog, free to corrupt."""
    folder = tmp_path / "catalog"
    folder.mkdir()
    for path in sorted(ENTRIES.glob("*.yaml")):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_hostile_catalog_file(case: Hostile, catalog: Path, tmp_path: Path) -> None:
    """``site``: exit 2, one bounded ``error: <file>: field '<field>': …`` line, fast, docs/
    and site/ as they were, no scratch tree left."""
    path = catalog / f"{case.file}.yaml"
    case.plant(path)
    docs, site = tmp_path / "docs", tmp_path / "site"
    before = existing_output(docs, "sentinel.txt")
    site_before = existing_output(site, "index.html")

    started = time.monotonic()
    result = run_generator(
        "site", "--force", "--catalog", str(catalog), "--docs", str(docs), "--site", str(site)
    )
    seconds = time.monotonic() - started

    error = error_line(result)
    assert result.returncode == 2, result.stderr[-3000:]
    assert error.startswith(f"error: {path}: field '{case.field}': "), error
    assert case.message in error, error
    assert len(error) <= LONGEST_LINE + len(str(path)), error[:200]
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert snapshot(docs) == before
    assert snapshot(site) == site_before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith((".docs-", ".site-"))]
    assert not (tmp_path / "pwned").exists()


def test_no_shipped_file_uses_what_is_now_refused() -> None:
    """The shipped catalog uses no anchors, aliases or tags (the loader would refuse them)."""
    for path in sorted(ENTRIES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            value = line.split(":", 1)[-1].strip()
            assert not value.startswith(("&", "*", "!")), f"{path.name}: {line}"


def test_a_plain_file_under_the_limit_is_read(tmp_path: Path) -> None:
    """Control for the size case: padding a file with a comment to just under the limit
    still builds the file's entry (the limit is on bytes, not on what they say)."""
    from generator.catalog.files import MAX_FILE_BYTES
    from generator.catalog.loader import load_entry

    path = tmp_path / "relu.yaml"
    text = (ENTRIES / "relu.yaml").read_text(encoding="utf-8")
    padding = MAX_FILE_BYTES - len(text.encode()) - 3
    path.write_text(text + "#" + "x" * padding + "\n", encoding="utf-8")
    assert path.stat().st_size < MAX_FILE_BYTES
    assert load_entry(path).id == "relu"
    raw(path.read_bytes() + b"#" * 10)(path)
    with pytest.raises(Exception, match="at most 65536 bytes"):
        load_entry(path)
