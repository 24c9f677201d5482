"""Recall: the share of each article's listed facts that the draft asks about (>= 80%)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.draft import draft_article
from quiz.core.text.article import load_article

from .facts import LODZ_FACTS, S400_FACTS, recall

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = {
    "s400": (ROOT / "seeds" / "s400-second-batch.txt", S400_FACTS),
    "lodz": (ROOT / "tests" / "fixtures" / "draft" / "lodz-fire.txt", LODZ_FACTS),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_recall_is_at_least_80_percent(name: str) -> None:
    path, facts = ARTICLES[name]
    drafted = draft_article(load_article(path), 300)  # what the rules find, before ranking
    share, missed = recall(drafted.questions, facts)
    print(f"\nrecall {name}: {share:.0%} of {len(facts)} facts; missed: {missed or 'none'}")
    assert share >= 0.8, f"recall {name} {share:.0%} < 80%; missed {missed}"


def test_every_rule_family_contributes_on_the_second_article() -> None:
    drafted = draft_article(load_article(ARTICLES["lodz"][0]), 300)
    tags = {q.tag for q in drafted.questions}
    assert tags == {"dates", "actors", "quotes", "sanctions", "numbers", "claims"}
    rules = {q.rule for q in drafted.questions}
    for rule in (
        "dates/absolute",
        "dates/relative",
        "actors/role",
        "actors/abbreviation",
        "quotes/said-after",
        "quotes/said-before",
        "quotes/continued",
        "sanctions/targets",
        "numbers/quantity",
        "claims/attributed",
        "claims/refuted",
    ):
        assert rule in rules, rule
