"""Plain-text descriptions of loaded banks, for ``quiz list``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from quiz.core.bank.catalog import Bank, Catalog
from quiz.core.errors import safe_text
from quiz.core.words import plural


def describe_bank(bank: Bank) -> Iterator[str]:
    """A few lines about one bank."""
    kinds = Counter(q.kind for q in bank.questions)
    tags = Counter(t for q in bank.questions for t in q.tags)
    meta = bank.article.meta
    yield f"{bank.id}: {bank.info.title} ({plural(len(bank.questions), 'question')})"
    if bank.info.description:
        yield f"  about: {' '.join(bank.info.description.split())}"
    yield f"  article: {bank.article.title} [{bank.article.path.name}]"
    yield f"  outlet: {meta.outlet or 'unknown'}; date: {meta.date or 'unknown'}"
    yield "  kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    if tags:
        yield "  tags: " + ", ".join(f"{t} {n}" for t, n in sorted(tags.items()))
    yield f"  from: {bank.source.shown} ({bank.source.origin})"


def describe_catalog(catalog: Catalog) -> Iterator[str]:
    """Every bank, then a line on the problems found; outside text made safe to show."""
    for bank in catalog.banks:
        yield from map(safe_text, describe_bank(bank))
    if catalog.problems:
        counts = f"{plural(catalog.errors, 'error')}, {plural(catalog.warnings, 'warning')}"
        yield f"{counts}: run `quiz check` for details"
    if not catalog.banks:
        yield "no banks found"
