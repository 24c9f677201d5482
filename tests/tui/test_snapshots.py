"""Snapshots of each screen at 80x24, with a fixed seed, file order, one player and a fixed time.

Update them with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the SVGs
in ``__snapshots__/`` before keeping them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.core.play.session import QuizSession

from .helpers import SIZE, answer, app_for, play_to, quiz_app

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot[object]], Awaitable[None]]


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every quiz took 75 seconds (the results screen shows the time taken)."""
    monkeypatch.setattr(QuizSession, "answering_seconds", property(lambda self: 75.0))


async def steady(pilot: Pilot[object]) -> None:
    """Let the screen settle, with text cursors that do not blink."""
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def at(kind: str, *keys: str) -> RunBefore:
    """Go to the first question of ``kind``, then press ``keys``."""

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await play_to(pilot, kind)
        await pilot.press(*keys)
        await steady(pilot)

    return run_before


def test_home(snap_compare: SnapCompare) -> None:
    app = quiz_app(start_now=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=steady)


@pytest.mark.parametrize(
    ("kind", "keys"),
    [
        pytest.param("choice", (), id="choice"),
        pytest.param("multi", ("3",), id="multi-one-ticked"),
        pytest.param("claim", (), id="claim"),
        pytest.param("text", tuple("Ismail"), id="text-partly-typed"),
        pytest.param("order", (), id="order"),
    ],
)
def test_question(snap_compare: SnapCompare, kind: str, keys: tuple[str, ...]) -> None:
    assert snap_compare(app_for(kind), terminal_size=SIZE, run_before=at(kind, *keys))


def test_feedback_wrong_choice(snap_compare: SnapCompare) -> None:
    # "Central Bank": the right answer, the note on that option, the explanation, the evidence.
    assert snap_compare(app_for("choice"), terminal_size=SIZE, run_before=at("choice", "3"))


def test_feedback_right_order(snap_compare: SnapCompare) -> None:
    # Evidence in two places of the article.
    assert snap_compare(
        app_for("order"), terminal_size=SIZE, run_before=at("order", "2", "1", "enter")
    )


def test_article_at_the_evidence(snap_compare: SnapCompare) -> None:
    app = app_for("choice")
    assert snap_compare(app, terminal_size=SIZE, run_before=at("choice", "1", "a"))


def test_results(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        for right in (True, False, True, False, True, False):
            await answer(pilot, right)
        await steady(pilot)

    assert snap_compare(quiz_app(mode="exam"), terminal_size=SIZE, run_before=run_before)
