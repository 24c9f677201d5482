"""The article screen: / searches it, n goes to the next paragraph found, j and k scroll."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.tui.screens.article import ArticleScreen, paragraphs_with

from .helpers import SIZE, current, quiz_app


async def _article(pilot: Pilot[object]) -> ArticleScreen:
    await pilot.press("a")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


async def test_slash_searches_and_n_goes_to_the_next_paragraph_found() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = current(app).article
        screen = await _article(pilot)
        expected = sorted({s.paragraph for s in article.sentences if "putin" in s.text.casefold()})
        assert len(expected) >= 1
        await pilot.press("slash")
        await pilot.pause()
        field = screen.query_one("#article-search", Input)
        assert app.focused is field
        await pilot.press(*"PUTIN", "enter")
        await pilot.pause()
        assert screen.found == expected
        assert not field.display and app.focused is not field
        assert all(screen.query_one(f"#p{n}").has_class("-found") for n in expected)
        body = screen.query_one("#article-body", VerticalScroll)
        first = screen.query_one(f"#p{expected[0]}")
        assert body.scroll_y <= first.virtual_region.y <= body.scroll_y + body.size.height
        await pilot.press("n")
        await pilot.pause()
        shown_now = expected[1 % len(expected)]
        paragraph = screen.query_one(f"#p{shown_now}")
        assert body.scroll_y <= paragraph.virtual_region.y <= body.scroll_y + body.size.height
        assert isinstance(app.screen, ArticleScreen)  # n and the letters typed did not leave


async def test_escape_in_the_search_field_goes_back_to_the_article() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _article(pilot)
        await pilot.press("slash", *"aq", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert not screen.query_one("#article-search", Input).display
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


async def test_j_and_k_scroll_the_article() -> None:
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await _article(pilot)
        body = screen.query_one("#article-body", VerticalScroll)
        assert body.scroll_y == 0 and body.max_scroll_y > 2
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 2


def test_search_ignores_case_and_accents_and_finds_nothing_for_nothing() -> None:
    app = quiz_app()
    article = app.banks[0].article
    assert paragraphs_with(article, "   ") == []
    assert paragraphs_with(article, "ERDOĞAN") == paragraphs_with(article, "erdogan") != []
