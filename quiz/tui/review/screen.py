"""The review screen: one question at a time, as a player sees it, with its key and evidence."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.core.bank.editing import BankEditor, Undone
from quiz.core.errors import QuizError
from quiz.tui.review import card
from quiz.tui.text import shown


class ReviewScreen(Screen[None]):
    """Shows the question at :attr:`position`; keep, drop, edit, write and undo from here."""

    BINDINGS = [
        Binding("k", "keep", "Keep"),
        Binding("d", "drop", "Drop"),
        Binding("e", "edit", "Edit"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("l", "list", "List"),
        Binding("w", "write", "Write"),
        Binding("x", "not_in_article", "Not-in-art."),
        Binding("right,j", "step(1)", "Next", show=False),
        Binding("left,p", "step(-1)", "Previous", show=False),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    position: reactive[int | None] = reactive(None, init=False, always_update=True)
    """The question shown (from 0 in file order), or ``None`` when the bank has none."""

    def __init__(self, editor: BankEditor) -> None:
        super().__init__()
        self.editor = editor

    def compose(self) -> ComposeResult:
        yield Static(id="progress")
        with VerticalScroll(id="review-body"):
            yield Static(id="state")
            yield Static(id="played")
            yield Static(id="key")
            yield Static(id="explanation")
            yield Static(id="problems")
            yield Static(id="evidence")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review-body").focus()
        start = self.editor.next_draft()
        self.position = start if start is not None else (0 if len(self.editor) else None)

    def watch_position(self, position: int | None) -> None:
        self.refresh_card()

    def refresh_card(self) -> None:
        """Show the question at :attr:`position` and the review's progress."""
        editor = self.editor
        progress = editor.progress
        here = "" if self.position is None else f" · {self.position + 1}/{len(editor)} · "
        title = shown(editor.bank.info.title)
        self.query_one("#progress", Static).update(
            Content.assemble((str(progress), "bold"), here, title)
        )
        position = self.position
        if position is None:
            self._show_none()
            return
        table = editor.table(position)
        problems, placed = editor.inspect(position)
        if editor.is_draft(position):
            state = "• Draft: k keeps it, d drops it, e edits it"
        elif editor.qid(position) in editor.log.written:
            state = "✓ Written in this review"
        else:
            state = "✓ Reviewed" + ("" if progress.left else ": every draft is reviewed")
        said = Content.assemble((state, "bold"), "  ", shown(editor.qid(position)).stylize("dim"))
        self.query_one("#state", Static).update(said)
        self.query_one("#played", Static).update(card.as_played(table))
        self.query_one("#key", Static).update(card.answer_key(table))
        self.query_one("#explanation", Static).update(card.explanation(table))
        problems_box = self.query_one("#problems", Static)
        problems_box.update(card.problems_text(problems))
        problems_box.set_class(bool(problems), "-bad")
        evidence = placed[1] if placed is not None else None
        heading = Content("Evidence in the article:").stylize("underline")
        body = card.evidence_paragraphs(editor.article, evidence)
        self.query_one("#evidence", Static).update(Content("\n").join([heading, body]))

    def _show_none(self) -> None:
        for name in ("played", "key", "explanation", "problems", "evidence"):
            self.query_one(f"#{name}", Static).update("")
        self.query_one("#state", Static).update(
            Content("The bank has no question yet: press w to write one from the article.")
        )

    def _moved_on(self, start: int) -> None:
        """Show the next draft from ``start``, or the question there once none is left."""
        editor = self.editor
        following = editor.next_draft(start) if len(editor) else None
        if following is None and len(editor):
            self.notify(f"Every draft is reviewed: {editor.progress}.", markup=False)
            following = min(start, len(editor) - 1)
        self.position = following

    def _try(self, change: Any, *args: Any) -> bool:
        """Make a change of the editor; its failure is said, never raised."""
        try:
            change(*args)
        except QuizError as exc:
            self.notify(str(exc), severity="error", timeout=8, markup=False)
            self.refresh_card()
            return False
        return True

    def action_keep(self) -> None:
        """Keep the question: its ``draft = true`` goes (refused while it has a problem)."""
        position = self.position
        if position is None:
            return
        if not self.editor.is_draft(position):
            self.notify("Already reviewed; → goes on to the next question.", markup=False)
            return
        if self._try(self.editor.keep, position):
            self._moved_on(position)

    def action_drop(self) -> None:
        """Drop the question: it is deleted from the bank."""
        position = self.position
        if position is not None and self._try(self.editor.drop, position):
            self._moved_on(position)

    def action_undo(self) -> None:
        """Undo the last change."""
        said: list[Undone | None] = []
        if not self._try(lambda: said.append(self.editor.undo())):
            return
        undone = said[0]
        if undone is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self.notify(f"Undone: {undone}.", markup=False)
        found = self.editor.position(undone.qid)
        self.position = found if found is not None else self.editor.next_draft()

    def action_step(self, by: int) -> None:
        """Show the next or the previous question, reviewed or not."""
        count = len(self.editor)
        if self.position is not None and count:
            self.position = (self.position + by) % count

    def action_list(self) -> None:
        """Show every question with its state; enter shows the one picked."""
        from quiz.tui.review.listing import QuestionListScreen

        def picked(position: int | None) -> None:
            if position is not None:
                self.position = position

        self.app.push_screen(QuestionListScreen(self.editor, self.position), picked)

    def action_edit(self) -> None:
        """Edit the question in a form."""
        from quiz.tui.review.form import EditScreen

        position = self.position
        if position is None:
            return
        self.app.push_screen(
            EditScreen(self.editor, self.editor.table(position), position), self._edited
        )

    def _edited(self, position: int | None) -> None:
        if position is None:
            self.refresh_card()
        elif self.editor.is_draft(position):
            self.position = position
        else:
            self._moved_on(position)

    def action_write(self) -> None:
        """Write a new question from a sentence or words picked in the article."""
        from quiz.tui.review.writing import write_from_article

        write_from_article(self.app, self.editor, self._written)

    def action_not_in_article(self) -> None:
        """Write a claim the article does not settle: its text and why, nothing more."""
        from quiz.tui.review.form import EditScreen, new_table

        table = new_table(self.editor, "claim", "not-in-article", None)
        self.app.push_screen(EditScreen(self.editor, table, None), self._written)

    def _written(self, position: int | None) -> None:
        if position is not None:
            self.position = position
        else:
            self.refresh_card()
