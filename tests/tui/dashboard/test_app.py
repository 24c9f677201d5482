"""The teacher's dashboard, driven by Pilot over a class kept in memory."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import DataTable, Static

from quiz.core.play.classroom import PlayerLine
from quiz.core.play.session import resume_code
from quiz.tui.dashboard.app import DashboardApp
from quiz.tui.dashboard.question_results import BAR_WIDTH
from quiz.tui.dashboard.report_screen import ReportScreen

from .fake import NAMES, URL, FakeClass


def text_of(app: DashboardApp, selector: str) -> str:
    """What the Static ``selector`` shows."""
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Content) else str(content)


def names_shown(app: DashboardApp) -> list[str]:
    table = app.query_one("#players", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_the_address_and_code_stay_in_view_at_80_by_24_with_25_players() -> None:
    about = [
        "Serving 2 questions from 1 bank:",
        "  Served (2)",
        "Each tab is asked all 2 questions, in exam mode (feedback at the end).",
    ]
    app = DashboardApp(FakeClass(players=25), about)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen.region
        for selector in ("#join-url", "#join-code", "#qr", "#status"):
            region = app.query_one(selector).region
            assert region.height and screen.contains_region(region), selector
        assert URL in text_of(app, "#join-url") and "K7MQ42" in text_of(app, "#join-code")
        qr = text_of(app, "#qr").splitlines()
        assert len(qr) >= 13 and all(len(line) == len(qr[0]) for line in qr)
        table = app.query_one("#players", DataTable)
        assert table.row_count == 25 and table.region.height < 25  # it scrolls inside itself
        table.focus()
        await pilot.press(*["down"] * 24)
        await pilot.pause(1.5)  # read again meanwhile: the scroll stays
        assert table.cursor_row == 24 and table.scroll_y > 0
        assert app.query_one("#join-code").region.y == 1
        served = " ".join(text_of(app, "#about").split())
        assert served.startswith("Serving 2 questions from 1 bank.")
        assert "Each tab is asked all 2 questions, in exam mode" in served


async def test_live_results_show_share_right_the_top_wrong_answer_and_a_bar_per_option() -> None:
    app = DashboardApp(FakeClass())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        shown = text_of(app, "#results-text")
        assert "12 answered, 58% right" in shown
        assert "most chosen wrong: Ministry of Foreign Affairs (4)" in shown
        assert "8 answered, 25% right; most chosen wrong: Recep Erdogan (6)" in shown
        bars = [line for line in shown.splitlines() if "Defense Industry" in line and "█" in line]
        assert bars and bars[0].count("█") == BAR_WIDTH  # the most chosen option: the longest bar
        assert shown.index("Q2") < shown.index("Q1")  # the latest question on top


async def test_the_projector_view_hides_names_and_events() -> None:
    app = DashboardApp(FakeClass())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert names_shown(app)[:3] == NAMES[:3]
        assert "refused a tab" in text_of(app, "#events")
        await pilot.press("p")
        await pilot.pause()
        assert names_shown(app) == [f"P{n}" for n in range(1, 13)]
        assert "refused" not in text_of(app, "#events")
        await pilot.press("c")
        await pilot.pause()
        assert not any("resume code attempt" in n.message for n in app._notifications)
    started_hidden = DashboardApp(FakeClass(anonymous=True))
    async with started_hidden.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert names_shown(started_hidden)[0] == "P1"


async def test_keys_start_the_lobby_close_joining_show_a_code_and_remove_a_player() -> None:
    fake = FakeClass(lobby=True)
    app = DashboardApp(fake)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert text_of(app, "#status").startswith("Lobby")
        await pilot.press("s")
        await pilot.pause()
        assert fake.state.phase == "playing"
        await pilot.press("j")
        await pilot.pause()
        assert not fake.state.joining
        await pilot.pause(1.2)  # read again
        assert "closed to join" in text_of(app, "#status")
        table = app.query_one("#players", DataTable)
        table.focus()
        await pilot.press("down")
        await pilot.press("c")
        await pilot.pause()
        code = resume_code("attempt-2")
        assert any(f"Ben: resume code {code}" in n.message for n in app._notifications)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")  # asked first: kept
        await pilot.pause()
        assert fake.removed == []
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause(0.3)
        assert fake.removed == ["Ben"]


async def test_ending_the_class_shows_the_report_and_its_export_command() -> None:
    fake = FakeClass()
    app = DashboardApp(fake)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert fake.state.phase == "playing"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        for _ in range(20):
            await pilot.pause(0.1)
            if isinstance(app.screen, ReportScreen):
                break
        assert fake.state.phase == "ended" and isinstance(app.screen, ReportScreen)
        command = text_of(app, "#export-command")
        assert "quiz report /tmp/class-1.json --format csv" in command
        assert "served/chief" in text_of(app, "#report-text")
        await pilot.pause(1.5)  # the class is read again under the report
        assert isinstance(app.screen, ReportScreen) and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert "The class has ended" in text_of(app, "#status")


async def test_a_hostile_name_is_shown_escaped() -> None:
    fake = FakeClass(players=1)
    fake.players = [PlayerLine("Eve\x1b[2J\u202e", 1, False, True)]
    app = DashboardApp(fake)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        [name] = names_shown(app)
        assert "\x1b" not in name and "\u202e" not in name and name.startswith("Eve")


async def test_a_screenshot_of_a_class_of_twelve(tmp_path: Path) -> None:
    app = DashboardApp(FakeClass(players=12), ["Serving 2 questions from 1 bank:"])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        path = Path(app.save_screenshot(filename="dashboard.svg", path=str(tmp_path)))
        svg = path.read_text(encoding="utf-8")
        assert "K7MQ42" in svg and "Chlo" in svg and "Ministry" in svg
