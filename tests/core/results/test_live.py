"""A class's live results: share right, the most chosen wrong answer and a bar per option."""

from __future__ import annotations

from pathlib import Path

from quiz.core.results.live import live_results
from quiz.core.results.store import ResultsStore

from .conftest import load, play, start, write_bank


def test_bars_count_each_players_first_answer_per_option(tmp_path: Path) -> None:
    banks = load(write_bank(tmp_path / "banks"))
    questions = {f"{b.id}/{q.id}": q for b in banks for q in b.questions}
    with ResultsStore.open(tmp_path / "r.db") as store:
        play(store, start(banks, "ann", shuffle=False), [True, True, True])
        play(store, start(banks, "bob", shuffle=False), [False, True, False])
        play(store, start(banks, "cat", shuffle=False), [False])
        play(store, start(banks, "ann", shuffle=False), [False])  # a retake counts nothing
        attempts = store.attempts(with_answers=True)
        ids = {a.id for a in attempts if a.player != "cat"}
        assert {a.id for a in store.attempts(ids=ids)} == ids  # only the ones asked for
        assert store.attempts(ids=()) == []
    live = {q.stats.key: q for q in live_results(attempts, questions)}
    choice = live["sanctions/directorate"]
    assert (choice.stats.answers, choice.stats.right) == (3, 1)
    assert choice.stats.top_wrong is not None and choice.stats.top_wrong_count == 2
    bars = {bar.label: (bar.count, bar.right) for bar in choice.bars}
    assert bars["Defense Industry Directorate"] == (1, True)
    assert sum(count for count, _ in bars.values()) == 3 and len(bars) == 3  # every option
    multi = {bar.label: bar.count for bar in live["sanctions/who"].bars}
    assert multi == {"Ismail Demir": 2, "three other employees": 2, "Vladimir Putin": 0}
    claim = live["sanctions/threat"].bars
    assert [bar.label for bar in claim] == ["Supported", "Refuted", "Not in the article"]
    assert [bar.count for bar in claim] == [1, 1, 0] and claim[0].right
    order = [q.stats.key for q in live_results(attempts, questions)]
    assert order == ["sanctions/directorate", "sanctions/who", "sanctions/threat"]  # as played
