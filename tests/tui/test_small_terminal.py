"""At 60x20 the whole question and every option of it are on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget

from quiz.tui.text import choice_label

from .helpers import (
    MARKUP,
    ORDER,
    app_for,
    current,
    play_to,
    question_screen,
    quiz_app,
    visible_text,
)

SMALL = (60, 20)


def on_screen(widget: Widget) -> bool:
    """Whether all of ``widget`` is on the screen, between the progress line and the footer."""
    screen = widget.screen
    width, height = screen.size
    shown = Region(0, 1, width, height - 2)  # below the progress line, above the footer
    return shown.contains_region(screen.find_widget(widget).region)


@pytest.mark.parametrize("kind", ["choice", "multi", "claim", "text", "order"])
async def test_the_whole_question_fits_at_60x20(kind: str) -> None:
    app = app_for(kind)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        item = await play_to(pilot, kind)
        screen = question_screen(app)
        for part in ("#prompt", "#hint", "#answer"):
            assert on_screen(screen.query_one(part)), part
        lines = visible_text(app).splitlines()
        for choice in item.choices:
            assert any(choice_label(item, choice) in line for line in lines), choice


@pytest.mark.parametrize("path", [MARKUP, ORDER], ids=["long-prompt", "three-items"])
async def test_a_long_prompt_and_hint_still_fit_at_60x20(path: Path) -> None:
    app = quiz_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        item = current(app)
        screen = question_screen(app)
        assert screen.query_one("#prompt").size.height >= 2  # the prompt wraps
        for part in ("#prompt", "#hint", "#answer"):
            assert on_screen(screen.query_one(part)), part
        lines = visible_text(app).splitlines()
        for choice in item.choices:
            assert any(choice in line for line in lines), choice


async def test_the_name_and_the_mode_fit_a_home_screen_50_wide() -> None:
    from .helpers import KINDS

    app = quiz_app(KINDS, start_now=False)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        screen = app.screen
        for widget_id in ("#player", "#mode"):
            region = screen.find_widget(screen.query_one(widget_id)).region
            assert region.right <= 50, (widget_id, region)
