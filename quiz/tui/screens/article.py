"""The whole article with sentence numbers, scrolled to the evidence and highlighting it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from quiz.core.text.article import Article
from quiz.core.text.evidence import Evidence
from quiz.core.text.normalize import loose
from quiz.tui.text import highlighted, shown


def article_heading(article: Article) -> Content:
    """Title, outlet, author and date, each said to be unknown where it is."""
    meta = article.meta
    facts = (
        f"Outlet: {meta.outlet or 'unknown'} · Author: {meta.author or 'unknown'} · "
        f"Date: {meta.date or 'unknown'}"
    )
    lines = [shown(article.title).stylize("bold"), shown(facts).stylize("italic")]
    if meta.url:
        lines.append(shown(meta.url))
    return Content("\n").join(lines)


def paragraph_content(article: Article, number: int, evidence: tuple[Evidence, ...]) -> Content:
    """Paragraph ``number`` with each sentence's number before it and evidence highlighted."""
    parts: list[Content] = [Content(f"¶{number} ").stylize("bold")]
    for sentence in article.sentences:
        if sentence.paragraph != number:
            continue
        body = highlighted(sentence, evidence)
        parts += [Content(f"s{sentence.number} ").stylize("dim"), body, Content(" ")]
    return Content.assemble(*parts)


def paragraphs_with(article: Article, query: str) -> list[int]:
    """The paragraphs holding ``query``, whatever its case, accents and punctuation."""
    wanted = loose(query)
    if not wanted:
        return []
    found: dict[int, None] = {}
    for sentence in article.sentences:
        if wanted in loose(sentence.text):
            found[sentence.paragraph] = None
    return list(found)


class ArticleScreen(Screen[None]):
    """Reads the article; with evidence, opens at it and highlights it. ``/`` searches it,
    ``n`` goes to the next paragraph found; ``j`` and ``k`` scroll as the arrows do."""

    BINDINGS = [
        Binding("escape,a,q", "close", "Back"),
        Binding("slash", "search", "Search"),
        Binding("n", "next_found", "Next found"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, article: Article, evidence: tuple[Evidence, ...] = ()) -> None:
        super().__init__()
        self.article = article
        self.evidence = evidence
        self.found: list[int] = []
        """The paragraphs holding what was last searched for."""
        self._at = -1  # which of ``found`` is shown

    def compose(self) -> ComposeResult:
        yield Static(article_heading(self.article), id="article-heading")
        with VerticalScroll(id="article-body"):
            for number in range(1, self.article.paragraphs + 1):
                yield Static(
                    paragraph_content(self.article, number, self.evidence),
                    id=f"p{number}",
                    classes="paragraph",
                )
        search = Input(placeholder="search the article, enter finds", id="article-search")
        search.display = False
        yield search
        yield Footer()

    def on_mount(self) -> None:
        body = self.query_one("#article-body", VerticalScroll)
        body.focus()
        if self.evidence:
            first = self.article.sentence_at(self.evidence[0].start)
            self.call_after_refresh(self._scroll_to_paragraph, first.paragraph)

    def _scroll_to_paragraph(self, paragraph: int) -> None:
        self.query_one(f"#p{paragraph}").scroll_visible(top=True, animate=False)

    def action_close(self) -> None:
        """Go back to where the article was opened from (from the search field: to the
        article)."""
        search = self.query_one("#article-search", Input)
        if search.has_focus:
            search.display = False
            self.query_one("#article-body", VerticalScroll).focus()
            return
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        """Scroll the article by ``lines`` (up when negative)."""
        body = self.query_one("#article-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)

    def action_search(self) -> None:
        """Open the search field."""
        search = self.query_one("#article-search", Input)
        search.display = True
        search.focus()
        search.select_all()

    @on(Input.Submitted, "#article-search")
    def _searched(self, event: Input.Submitted) -> None:
        event.stop()
        for number in self.found:
            self.query_one(f"#p{number}").remove_class("-found")
        self.found = paragraphs_with(self.article, event.value)
        self._at = -1
        event.input.display = False
        self.query_one("#article-body", VerticalScroll).focus()
        if not self.found:
            self.notify(f"Not in the article: {event.value.strip()}", markup=False)
            return
        for number in self.found:
            self.query_one(f"#p{number}").add_class("-found")
        self.action_next_found()

    def action_next_found(self) -> None:
        """Go to the next paragraph holding what was searched for (after the last: the
        first)."""
        if not self.found:
            return
        self._at = (self._at + 1) % len(self.found)
        number = self.found[self._at]
        self._scroll_to_paragraph(number)
        said = f"¶{number}: {self._at + 1} of {len(self.found)} paragraphs found"
        self.notify(said + (" · n for the next" if len(self.found) > 1 else ""), markup=False)
