"""The names each page is tagged with for search (generator/present/search_terms.py)."""

from __future__ import annotations

from collections import defaultdict

from generator.present.search_terms import search_tags
from tests.conftest import CATALOG


def tags_of(identifier: str) -> tuple[str, ...]:
    (activation,) = [a for a in CATALOG if a.id == identifier]
    return search_tags(activation, CATALOG)


def test_no_name_tags_two_entries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for activation in CATALOG:
        for tag in search_tags(activation, CATALOG):
            owners[tag.casefold()].add(activation.id)
    shared = {tag: ids for tag, ids in owners.items() if len(ids) > 1}
    assert not shared, f"names that would lead to two pages: {shared}"


def test_every_entry_is_tagged_with_its_name_and_aliases_first() -> None:
    for activation in CATALOG:
        tags = search_tags(activation, CATALOG)
        assert tags[: 1 + len(activation.aliases)] == (activation.name, *activation.aliases)


def test_a_shared_call_tags_the_entry_it_computes_by_default() -> None:
    # jax.nn.gelu is the tanh approximation unless approximate=False; torch's GELU is exact
    # unless approximate='tanh'.
    assert "jax.nn.gelu" in tags_of("gelu_tanh")
    assert "jax.nn.gelu" not in tags_of("gelu")
    assert "torch.nn.GELU" in tags_of("gelu")
    assert "torch.nn.GELU" not in tags_of("gelu_tanh")


def test_torch_functional_calls_are_also_tagged_as_written_in_code() -> None:
    assert {"torch.nn.functional.silu", "F.silu"} <= set(tags_of("silu"))
    for activation in CATALOG:
        tags = search_tags(activation, CATALOG)
        for tag in tags:
            if tag.startswith("torch.nn.functional."):
                assert "F." + tag.removeprefix("torch.nn.functional.") in tags
