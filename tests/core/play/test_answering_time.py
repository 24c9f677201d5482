"""The time spent answering: one definition, read from the recorded times."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from quiz.core.play.session import BREAK_SECONDS, answering_seconds

START = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def at(*seconds: float) -> list[datetime]:
    return [START + timedelta(seconds=s) for s in seconds]


def test_at_one_go_it_is_the_span_from_the_start_to_the_last_answer() -> None:
    assert answering_seconds(START, at(20, 45, 62)) == 62
    assert answering_seconds(START, []) == 0


def test_a_break_between_leaving_and_resuming_counts_at_most_the_cap() -> None:
    day = 24 * 3600
    assert BREAK_SECONDS == 600
    assert answering_seconds(START, at(20, day + 30, day + 45)) == 20 + 600 + 15
    assert answering_seconds(START, at(20, day + 30), cap=60) == 20 + 60


def test_a_clock_set_back_counts_nothing_for_that_gap() -> None:
    assert answering_seconds(START, at(30, 10, 40)) == 30 + 0 + 10
