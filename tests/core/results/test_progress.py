"""Per-tag progress over a player's attempts, and its sparkline."""

from __future__ import annotations

from quiz.core.bank.catalog import Bank
from quiz.core.results.progress import sparkline, tag_progress
from quiz.core.results.store import ResultsStore

from .conftest import play, start


def test_each_tag_share_is_listed_attempt_after_attempt(
    store: ResultsStore, banks: list[Bank]
) -> None:
    first = play(store, start(banks), [False] * 5)
    play(store, start(banks, seed=8), [True] * 5)
    progress = tag_progress(store.attempts("ann", with_answers=True))
    tags = {t for item in first.items for t in item.question.tags or ("untagged",)}
    assert set(progress) == tags
    for shares in progress.values():
        assert shares[0] < shares[-1] == 1.0


def test_an_exam_going_on_is_left_out(store: ResultsStore, banks: list[Bank]) -> None:
    play(store, start(banks, mode="exam"), [True], finish=False)
    assert tag_progress(store.attempts("ann", with_answers=True)) == {}


def test_sparkline_heights() -> None:
    assert sparkline([0, 0.5, 1]) == "▁▅█"
    assert sparkline([]) == ""
