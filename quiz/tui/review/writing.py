"""Writing a new question from the article: pick the words, pick the kind, fill the form."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from quiz.core.bank.editing import BankEditor


def write_from_article(
    app: App[object], editor: BankEditor, done: Callable[[int | None], None]
) -> None:
    """Pick evidence in ``editor``'s article, then a kind, then fill the new question's form;
    ``done`` gets its position once saved, else ``None``."""
    from quiz.tui.review.form import EditScreen, new_table
    from quiz.tui.review.kinds import Kind, KindScreen
    from quiz.tui.review.picker import PickScreen

    def picked(quote: str | None) -> None:
        if not quote:
            done(None)
            return

        def chosen(kind: Kind | None) -> None:
            if kind is None:
                done(None)
                return
            table = new_table(editor, kind[0], kind[1], quote)
            app.push_screen(EditScreen(editor, table, None), done)

        app.push_screen(KindScreen(quote), chosen)

    app.push_screen(PickScreen(editor), picked)
