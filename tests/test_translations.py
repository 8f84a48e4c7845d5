"""The Chinese texts beside the catalog (entries/zh/<id>.yaml): complete, Chinese, and
refused with the file and the field named when they are not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.catalog.loader import load_catalog
from generator.catalog.translations import untranslated_ids
from generator.errors import CatalogError
from generator.present.data import catalog_json
from generator.records.catalog import Activation
from generator.records.views import Snippet
from tests.conftest import CATALOG, MEMO, PATHS, analysis_of, each

ELU = """\
id: elu
summary: 正输入原样输出，负输入取 α(eˣ − 1)，在 −α 处平滑饱和。
parameters:
  alpha: {description: 负半轴的缩放系数，输出在 −α 处饱和。}
frameworks:
  keras: {note: Keras 3 的文档把 alpha 说成正半轴的斜率；代码里它缩放的是负半轴。}
pros: [负输出把平均激活拉向零。, 负输入软饱和。, α = 1 时处处连续可微（C¹）。]
cons: [需要计算指数。, α ≠ 1 时斜率在 0 处跳变。, 上方无界。]
uses: [深度卷积网络和全连接网络的隐藏层。, 不用批归一化训练的网络。]
"""


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A catalog of ELU alone, with its Chinese texts."""
    folder = tmp_path / "entries"
    (folder / "zh").mkdir(parents=True)
    shutil.copy(PATHS.catalog / "elu.yaml", folder)
    (folder / "zh" / "elu.yaml").write_text(ELU, encoding="utf-8")
    return folder


def chinese(catalog: Path) -> Path:
    return catalog / "zh" / "elu.yaml"


def test_every_entry_of_the_catalog_has_its_chinese_texts() -> None:
    assert untranslated_ids(PATHS.catalog) == frozenset(), "the goal is no untranslated entry"
    for activation in CATALOG:
        texts = activation.texts("zh")
        english = activation.texts()
        assert texts.source == PATHS.catalog / "zh" / f"{activation.id}.yaml"
        assert len(texts.pros) == len(english.pros)
        assert len(texts.kink_notes) == len(english.kink_notes)
        assert [f for f, _ in texts.framework_notes] == [f for f, _ in english.framework_notes]


def test_the_chinese_texts_are_read(catalog: Path) -> None:
    (elu,) = load_catalog(catalog)
    texts = elu.texts("zh")
    assert texts.summary.startswith("正输入原样输出")
    assert texts.parameters == ("负半轴的缩放系数，输出在 −α 处饱和。",)
    assert texts.framework_note("keras") is not None
    assert texts.framework_note("pytorch") is None
    assert elu.texts().summary == elu.summary


def test_a_catalog_without_a_chinese_folder_has_no_chinese_edition(catalog: Path) -> None:
    shutil.rmtree(catalog / "zh")
    (elu,) = load_catalog(catalog)
    assert elu.translations == ()
    with pytest.raises(KeyError):
        elu.texts("zh")


def test_a_missing_file_is_named(catalog: Path) -> None:
    chinese(catalog).unlink()
    with pytest.raises(CatalogError, match=r"zh/elu\.yaml.*is missing: elu\.yaml has no Chinese"):
        load_catalog(catalog)


def test_an_entry_listed_as_untranslated_may_go_without(catalog: Path) -> None:
    (catalog / "zh" / "_untranslated.yaml").write_text("untranslated: [elu]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"lists elu, translated in elu\.yaml"):
        load_catalog(catalog)
    chinese(catalog).unlink()
    (elu,) = load_catalog(catalog)
    assert elu.translations == ()
    assert untranslated_ids(catalog) == {"elu"}


def test_the_untranslated_list_names_only_entries(catalog: Path) -> None:
    (catalog / "zh" / "_untranslated.yaml").write_text("untranslated: [elux]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="lists 'elux', which is not an entry"):
        load_catalog(catalog)


def test_a_file_translating_no_entry_is_refused(catalog: Path) -> None:
    (catalog / "zh" / "relux.yaml").write_text("id: relux\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"translates no entry: there is no relux\.yaml"):
        load_catalog(catalog)


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        ("id: elu", "id: relu", "id", "must be 'elu'"),
        (
            "uses: [深度卷积网络和全连接网络的隐藏层。, ",
            "uses: [",
            "uses",
            "has 1 items; the English entry has 2",
        ),
        ("上方无界。", "Unbounded above.", r"cons\[2\]", "is not Chinese"),
        (
            "summary: 正输入原样输出，负输入取 α(eˣ − 1)，在 −α 处平滑饱和。",
            "summary: ELU.",
            "summary",
            "is not Chinese",
        ),
        (
            "alpha: {description:",
            "beta: {description:",
            "parameters",
            "must describe exactly alpha",
        ),
        ("  keras: {note:", "  jax: {note:", "frameworks", "must give the note of exactly keras"),
        ("pros:", "adaptive: 可学习。\npros:", "adaptive", "the English entry has no such text"),
        ("pros:", "kinks:\n  - note: 零点。\npros:", "kinks", "the English entry has none"),
        ("pros:", "prose: 文字。\npros:", "prose", "is not a known field .did you mean 'pros'"),
        ("uses:", "usage:", "uses", "is missing"),
    ],
)
def test_a_wrong_field_is_named(
    catalog: Path, old: str, new: str, field: str, problem: str
) -> None:
    text = chinese(catalog).read_text(encoding="utf-8")
    assert old in text
    chinese(catalog).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"zh/elu\.yaml: field '{field}': .*{problem}"):
        load_catalog(catalog)


def test_a_chinese_file_is_read_as_boundedly_as_an_english_one(catalog: Path) -> None:
    chinese(catalog).write_text(ELU + "summary: 重复\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="summary"):
        load_catalog(catalog)


@each(CATALOG[:3])
def test_activations_json_carries_both_languages(activation: Activation) -> None:
    snippet = Snippet(source="", printed=False)
    data = catalog_json([(activation, analysis_of(activation), snippet)], MEMO)
    (record,) = json.loads(json.dumps(data, ensure_ascii=False))["activations"]
    assert set(record["texts"]) == {"en", "zh"}
    assert record["texts"]["en"]["summary"] == activation.summary
    assert record["texts"]["zh"]["summary"] == activation.texts("zh").summary
    names = [p.name for p in activation.parameters]
    assert list(record["texts"]["zh"]["parameters"]) == names
