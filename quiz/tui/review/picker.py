"""The article to pick evidence in: select words with the keyboard, or take a whole sentence."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Document, Selection

from quiz.core.bank.editing import BankEditor
from quiz.core.errors import safe_text
from quiz.core.text.evidence import EvidenceAmbiguous, EvidenceNotFound

HINT = (
    "Move with the arrows; shift+arrows select words (ctrl+shift+arrows a word at a time). "
    "enter: use the selection, or the sentence at the cursor · escape: back"
)


class PickScreen(Screen[str | None]):
    """The article, read-only, with a cursor; dismissed with the quote picked, or ``None``.

    It opens at the first of ``quotes`` (the question's evidence), selected.
    """

    BINDINGS = [
        Binding("enter", "pick", "Use it", priority=True),
        Binding("escape", "back", "Back"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, editor: BankEditor, quotes: Sequence[str] = ()) -> None:
        super().__init__()
        self.editor = editor
        self.quotes = tuple(quotes)
        article = editor.article
        self.text = article.text
        self.shown_text = safe_text(self.text, lines=True)

    def compose(self) -> ComposeResult:
        yield Static(Content(HINT).stylize("italic"), id="progress")
        yield TextArea(
            self.shown_text, id="article-text", read_only=True, soft_wrap=True, show_cursor=True
        )
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        span = self._span_of(self.quotes[0]) if self.quotes else None
        if span is not None and self.shown_text == self.text:
            document = area.document
            assert isinstance(document, Document)
            start = document.get_location_from_index(span[0])
            end = document.get_location_from_index(span[1])
            area.selection = Selection(start, end)
            area.scroll_cursor_visible(center=True)

    def _span_of(self, quote: str) -> tuple[int, int] | None:
        try:
            found = self.editor.index.resolve(quote)
        except (EvidenceNotFound, EvidenceAmbiguous):
            return None
        return found.start, found.end

    def picked(self) -> str:
        """The words selected, else the sentence the cursor is in."""
        area = self.query_one(TextArea)
        chosen = " ".join(area.selected_text.split())
        if chosen:
            return chosen
        document = area.document
        assert isinstance(document, Document)
        offset = document.get_index_from_location(area.cursor_location)
        sentence = self.editor.article.sentence_at(min(offset, max(len(self.text) - 1, 0)))
        return " ".join(sentence.text.split())

    def action_pick(self) -> None:
        """Use the selection, or the sentence at the cursor."""
        self.dismiss(self.picked() if self.text else None)

    def action_back(self) -> None:
        """Back, picking nothing."""
        self.dismiss(None)
