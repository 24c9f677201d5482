"""Which unfinished attempt is offered: only one on the topic picked (and the tag filter)."""

from __future__ import annotations

from pathlib import Path

from quiz.core.bank.catalog import Bank
from quiz.core.results.resuming import resumable
from quiz.core.results.store import ResultsStore

from .conftest import BANK, load, play, start, write_bank


def test_only_an_attempt_on_the_banks_picked_is_offered(
    tmp_path: Path, store: ResultsStore, banks: list[Bank]
) -> None:
    other = load(write_bank(tmp_path / "other", "other"))
    both = banks + other
    on_sanctions = play(store, start(banks, seed=1), [True])
    assert resumable(store, "ann", both, picked=other) is None
    assert store.unfinished_attempt("ann", ["other"]) is None
    on_other = play(store, start(other, seed=2), [True, False])
    found = resumable(store, "ann", both, picked=banks)
    assert found is not None and found.id == on_sanctions.attempt_id
    found = resumable(store, "ann", both, picked=other)
    assert found is not None and found.id == on_other.attempt_id
    assert resumable(store, "ann", both, picked=both) is None  # no attempt on both at once
    latest = resumable(store, "ann", both)  # `quiz play --resume`: the latest, on any banks
    assert latest is not None and latest.id == on_other.attempt_id
    assert resumable(store, "ann", banks) is None  # the latest cannot be rebuilt from these


def test_with_a_tag_filter_the_banks_holding_none_of_its_questions_do_not_count(
    tmp_path: Path, store: ResultsStore, banks: list[Bank]
) -> None:
    other = load(write_bank(tmp_path / "other", "other", BANK.replace('"dates"', '"x"')))
    tagged = play(store, start(banks + other, tags=("dates",)), [True])
    assert [a.banks for a in store.attempts("ann")] == [("sanctions",)]
    found = resumable(store, "ann", banks + other, picked=banks + other, tags=("dates",))
    assert found is not None and found.id == tagged.attempt_id
    assert resumable(store, "ann", banks + other, picked=banks + other) is None
