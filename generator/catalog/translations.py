"""The Chinese edition's texts of every entry, each in a sibling file found by name.

``entries/relu.yaml`` holds the formula and the English prose; ``entries/zh/relu.yaml``
holds the same prose fields in Chinese, and nothing else: formulas, numbers, framework
names and references are shared. Every prose field the English file has must be there
(the same number of pros, cons and uses, a description for each parameter, a note for
each kink and for each framework with a note), or the build fails naming the file and the
field; an entry may only go without a file when ``zh/_untranslated.yaml`` lists it. A
catalog folder with no ``zh/`` folder has no Chinese edition.

Each text is read as English prose is (bounded, no control characters) and must hold a
Chinese character, so an English sentence pasted in is refused where it stands.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from generator.catalog.fields import Fields, read_fields
from generator.catalog.files import catalog_files
from generator.catalog.limits import NAME_CHARACTERS
from generator.errors import CatalogError
from generator.records.catalog import Activation
from generator.records.texts import EntryTexts

LANGUAGE: Final = "zh"
UNTRANSLATED_FILE: Final = "_untranslated.yaml"
# A character of the CJK Unified Ideographs (with extension A) or CJK punctuation.
_CHINESE: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def translation_folder(catalog: Path) -> Path | None:
    """Where the Chinese texts of the catalog in ``catalog`` are; None: no Chinese edition."""
    folder = catalog / LANGUAGE
    return folder if folder.is_dir() else None


def read_translations(
    catalog: Path, activations: tuple[Activation, ...]
) -> dict[str, EntryTexts] | None:
    """Each entry's Chinese texts by id (an entry listed as untranslated has none); None for
    a catalog without a Chinese edition."""
    folder = translation_folder(catalog)
    if folder is None:
        return None
    untranslated = _untranslated(folder, {a.id for a in activations})
    by_id = {activation.id: activation for activation in activations}
    for path in catalog_files(folder):
        if path.stem not in by_id and path.name != UNTRANSLATED_FILE:
            raise CatalogError(path, "<file>", f"translates no entry: there is no {path.stem}.yaml")
    texts: dict[str, EntryTexts] = {}
    for activation in activations:
        path = folder / f"{activation.id}.yaml"
        if activation.id in untranslated:
            if path.exists():
                listed = folder / UNTRANSLATED_FILE
                raise CatalogError(
                    listed, "untranslated", f"lists {activation.id}, translated in {path.name}"
                )
            continue
        if not path.exists():
            problem = f"is missing: {activation.source.name} has no Chinese texts"
            raise CatalogError(path, "<file>", f"{problem} (or list it in {UNTRANSLATED_FILE})")
        texts[activation.id] = read_entry_texts(path, activation)
    return texts


def _untranslated(folder: Path, ids: set[str]) -> frozenset[str]:
    path = folder / UNTRANSLATED_FILE
    if not path.exists():
        return frozenset()
    fields = read_fields(path)
    listed = fields.text_list("untranslated", required=False, limit=NAME_CHARACTERS)
    for name in listed:
        if name not in ids:
            raise fields.fail("untranslated", f"lists {name!r}, which is not an entry")
    fields.finish(known=("untranslated",))
    return frozenset(listed)


def read_entry_texts(path: Path, activation: Activation) -> EntryTexts:
    """The Chinese counterpart of every prose field of ``activation``, from ``path``."""
    fields = read_fields(path)
    if fields.text("id") != activation.id:
        raise fields.fail("id", f"must be {activation.id!r}, the entry it translates")
    texts = EntryTexts(
        language=LANGUAGE,
        aliases=_chinese_list(fields, "aliases", None, limit=NAME_CHARACTERS),
        summary=_chinese(fields, "summary"),
        adaptive=_optional(fields, "adaptive", activation.adaptive),
        shape=_optional(fields, "shape", activation.shape),
        pros=_chinese_list(fields, "pros", len(activation.pros)),
        cons=_chinese_list(fields, "cons", len(activation.cons)),
        uses=_chinese_list(fields, "uses", len(activation.uses)),
        parameters=_parameters(fields, activation),
        kink_notes=tuple(
            _chinese(entry, "note") for entry in _records(fields, "kinks", len(activation.kinks))
        ),
        differences=tuple(
            _chinese(entry, "description")
            for entry in _records(fields, "differences", len(activation.differences))
        ),
        framework_notes=_framework_notes(fields, activation),
        source=path,
    )
    fields.finish(known=FIELDS)
    return texts


FIELDS: Final = (
    "id",
    "aliases",
    "summary",
    "adaptive",
    "shape",
    "pros",
    "cons",
    "uses",
    "parameters",
    "kinks",
    "differences",
    "frameworks",
)


def _chinese(fields: Fields, key: str) -> str:
    text = fields.text(key)
    _require_chinese(fields, key, text)
    return text


def _require_chinese(fields: Fields, key: str, text: str) -> None:
    if not _CHINESE.search(text):
        raise fields.fail(key, f"is not Chinese: {text[:60]!r} has no Chinese character")


def _optional(fields: Fields, key: str, english: str | None) -> str | None:
    if english is None:
        if fields.has(key):
            raise fields.fail(key, "is given, but the English entry has no such text")
        fields.absent(key)
        return None
    return _chinese(fields, key)


def _chinese_list(
    fields: Fields, key: str, count: int | None, *, limit: int | None = None
) -> tuple[str, ...]:
    """A list of Chinese texts; ``count`` of them (None: any number, the field optional)."""
    if limit is None:
        items = fields.text_list(key, required=count is not None)
    else:
        items = fields.text_list(key, required=count is not None, limit=limit)
    if count is not None and len(items) != count:
        raise fields.fail(key, f"has {len(items)} items; the English entry has {count}")
    for position, item in enumerate(items):
        _require_chinese(fields, f"{key}[{position}]", item)
    return items


def _records(fields: Fields, key: str, count: int) -> list[Fields]:
    if count == 0:
        if fields.has(key):
            raise fields.fail(key, "is given, but the English entry has none")
        fields.absent(key)
        return []
    records = fields.records(key)
    if len(records) != count:
        raise fields.fail(key, f"has {len(records)} items; the English entry has {count}")
    return records


def _parameters(fields: Fields, activation: Activation) -> tuple[str, ...]:
    """Each parameter's description, in the English entry's order."""
    names = [parameter.name for parameter in activation.parameters]
    unexpected = "is given, but the English entry has none"
    return _keyed(fields, "parameters", names, "description", unexpected, "must describe exactly")


def _framework_notes(fields: Fields, activation: Activation) -> tuple[tuple[str, str], ...]:
    """(framework, note) for each framework whose English entry has a note."""
    noted = [entry.framework for entry in activation.frameworks if entry.note]
    unexpected = "is given, but no framework of the entry has a note"
    notes = _keyed(fields, "frameworks", noted, "note", unexpected, "must give the note of exactly")
    return tuple(zip(noted, notes, strict=True))


def _keyed(
    fields: Fields, field: str, names: list[str], inner: str, unexpected: str, exactly: str
) -> tuple[str, ...]:
    """The Chinese ``inner`` text under each of ``names`` in the table ``field``, in the
    order of ``names``; the table must have exactly those keys, and be absent for none."""
    if not names:
        if fields.has(field):
            raise fields.fail(field, unexpected)
        fields.absent(field)
        return ()
    table = fields.table(field)
    if sorted(table) != sorted(names):
        raise fields.fail(field, f"{exactly} {', '.join(names)}")
    texts = []
    for name in names:
        entry = Fields(fields.path, table[name], fields.name(f"{field}.{name}"))
        texts.append(_chinese(entry, inner))
        entry.finish(known=(inner,))
    return tuple(texts)


def untranslated_ids(catalog: Path) -> frozenset[str]:
    """The entries ``zh/_untranslated.yaml`` lists (none without a Chinese edition)."""
    folder = translation_folder(catalog)
    if folder is None:
        return frozenset()
    return _untranslated(folder, {path.stem for path in catalog_files(catalog)})
