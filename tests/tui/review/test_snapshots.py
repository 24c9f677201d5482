"""Snapshots of the review at 80x24: a draft as the teacher sees it, and the form with an error.

Update them with ``pytest tests/tui/review/test_snapshots.py --snapshot-update`` and look at the
SVGs in ``__snapshots__/`` before keeping them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from quiz.core.bank.editing import open_bank
from quiz.tui.review.app import make_review_app

SnapCompare = Callable[..., bool]
DRAFTED = Path(__file__).resolve().parents[2] / "fixtures" / "review" / "drafted.toml"


def review_app(bank_dir: Path) -> object:
    bank = bank_dir / "drafted.toml"
    shutil.copyfile(DRAFTED, bank)
    return make_review_app(open_bank(bank, log_folder=bank_dir / "logs"))


async def steady(pilot: Pilot[object]) -> None:
    """Let the screen settle, with text cursors that do not blink."""
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


def test_a_draft_under_review(snap_compare: SnapCompare, bank_dir: Path) -> None:
    assert snap_compare(review_app(bank_dir), terminal_size=(80, 24), run_before=steady)


def test_the_form_with_an_error_under_its_field(snap_compare: SnapCompare, bank_dir: Path) -> None:
    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("e", "tab", "tab", "end", "x")
        await steady(pilot)

    assert snap_compare(review_app(bank_dir), terminal_size=(80, 24), run_before=run_before)
