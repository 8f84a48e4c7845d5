"""Each entry presented: its formulas, figures and code, then its page and comparison row
in every edition; on the workers, and cached whole.

An entry's share reads its own record, its analysis (which follows from the record), the
accuracy ``make bench-accuracy`` measured, the framework versions tested, and of the other
entries only what links, search terms and a gate's code name: their mathematics and
framework calls. The cache key (:func:`_keys`) holds exactly that, so saving one catalog
file presents that entry again and reads the rest back without starting a worker, unless
the edit changes what the others read of it. The code and the Chinese phrases are in the
key through the cache's digest of the ``entries`` kind.

Each entry's share runs under the :data:`~generator.deadlines.DRAW` limit, and any
exception it raises is reported naming the entry's file (``entry_work``).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.deadlines import entry_work
from generator.numerics.report import Accuracy
from generator.parallel import on_workers, patience
from generator.present import comparison
from generator.present.checked import checked_versions
from generator.present.code import numpy_snippet
from generator.present.figures.entry import entry_figures
from generator.present.formulas import formulas
from generator.present.kinds import plot, view_of
from generator.present.page import EntryParts, common_context
from generator.present.words import EDITIONS, Words
from generator.records.analysis import Analysis, ElementwiseAnalysis
from generator.records.catalog import Activation
from generator.records.services import Memo, Steps
from generator.records.views import Card, EntryView, OverviewRow, Row, page_of

KIND = "entries"  # the cache's name for a presented entry


@dataclass(frozen=True)
class PresentedEntry:
    """One entry as every edition shows it."""

    parts: EntryParts
    views: Mapping[str, EntryView]  # by language
    rows: Mapping[str, Row]  # its row of the comparison table, by language


@dataclass(frozen=True)
class _Task:
    """One entry's share of the present stage, as a worker process receives it."""

    activation: Activation
    analysis: Analysis
    catalog: tuple[Activation, ...]
    measured: Mapping[str, Accuracy]
    memo: Memo
    limit: float  # seconds
    languages: tuple[str, ...]


def present_entries(
    catalog: Sequence[Activation],
    analyses: Sequence[Analysis],
    measured: Mapping[str, Accuracy],
    memo: Memo,
    steps: Steps,
    jobs: int | None,
    limit: float,
    languages: tuple[str, ...],
) -> list[PresentedEntry]:
    """Every entry presented, in catalog order: from the cache, the others on ``jobs``
    processes (in this one when a single entry is missing)."""
    keys = _keys(catalog, measured, languages)
    found = [memo.lookup(KIND, key) for key in keys]
    missing = [index for index, entry in enumerate(found) if not isinstance(entry, PresentedEntry)]
    for entry in found:
        if isinstance(entry, PresentedEntry):
            steps.step(entry.parts.activation.id)
    tasks = [
        _Task(catalog[i], analyses[i], tuple(catalog), measured, memo, limit, languages)
        for i in missing
    ]
    results = on_workers(_run, tasks, jobs, patience=patience(limit))
    for index, entry in zip(missing, results, strict=True):
        memo.store(KIND, keys[index], entry)
        found[index] = entry
        steps.step(entry.parts.activation.id)
    return [entry for entry in found if isinstance(entry, PresentedEntry)]


def _keys(
    catalog: Sequence[Activation], measured: Mapping[str, Accuracy], languages: tuple[str, ...]
) -> list[list[str | bytes]]:
    """Each entry's whole record, beside what its share reads of everything else."""
    shared = hashlib.sha256()
    for other in catalog:
        shared.update(other.mathematics().encode() + b"\0" + repr(other.frameworks).encode())
    shared.update(repr(sorted(measured.items())).encode())
    shared.update(repr(sorted(checked_versions().items())).encode())
    context = f"{shared.hexdigest()} {' '.join(languages)}"
    return [[pickle.dumps(activation, protocol=5), context] for activation in catalog]


def _run(task: _Task) -> PresentedEntry:
    activation = task.activation
    with entry_work(activation.source, "drawing it", task.limit, field="expression"):
        parts = _parts(activation, task.analysis, task.catalog, task.measured, task.memo)
    with entry_work(activation.source, "laying out its page", task.limit):
        editions = [EDITIONS[language] for language in task.languages]
        return PresentedEntry(
            parts=parts,
            views={words.language: _view(parts, task.catalog, words) for words in editions},
            rows={
                words.language: comparison.row(activation, task.analysis, words)
                for words in editions
            },
        )


def _parts(
    activation: Activation,
    analysis: Analysis,
    catalog: Sequence[Activation],
    measured: Mapping[str, Accuracy],
    memo: Memo,
) -> EntryParts:
    elementwise = analysis if isinstance(analysis, ElementwiseAnalysis) else None
    snippet = numpy_snippet(activation, elementwise, catalog)
    return EntryParts(
        activation=activation,
        analysis=analysis,
        formulas=formulas(activation, analysis, memo),
        snippet=snippet,
        accuracy=measured.get(snippet.gate_of or activation.id),
        figures=entry_figures(activation, analysis, memo, plot),
    )


def _view(parts: EntryParts, catalog: Sequence[Activation], words: Words) -> EntryView:
    activation = parts.activation
    texts = words.texts(activation)
    kind = view_of(activation)
    summary = kind.summary(parts.analysis, words)
    figure, _ = parts.figures.in_language(words.language)
    return EntryView(
        activation=activation,
        figure=figure,
        thumbnail=parts.figures.thumbnail,
        card=Card(
            id=activation.id,
            name=activation.name,
            image=parts.figures.card,
            alt=words("{name}: f and f′ from −5 to 5", name=activation.name),
            range=summary.card_range,
        ),
        overview=OverviewRow(
            name=activation.name,
            page=page_of(activation.id),
            thumbnail=parts.figures.thumbnail,
            formula=parts.formulas.definition,
            range=summary.overview_range,
            monotonic=summary.monotonic,
            continuity=summary.continuity,
            use=texts.uses[0],
        ),
        range_text=summary.range,
        smoothness_text=summary.smoothness,
        page_context=common_context(parts, catalog, words) | kind.page(parts, catalog, words),
        figures=parts.figures.files,
    )
