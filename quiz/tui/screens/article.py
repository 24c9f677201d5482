"""The whole article with sentence numbers, scrolled to the evidence and highlighting it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.core.text.article import Article
from quiz.core.text.evidence import Evidence
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


class ArticleScreen(Screen[None]):
    """Reads the article; with evidence, opens at it and highlights it."""

    BINDINGS = [
        Binding("escape,a,q", "close", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, article: Article, evidence: tuple[Evidence, ...] = ()) -> None:
        super().__init__()
        self.article = article
        self.evidence = evidence

    def compose(self) -> ComposeResult:
        yield Static(article_heading(self.article), id="article-heading")
        with VerticalScroll(id="article-body"):
            for number in range(1, self.article.paragraphs + 1):
                yield Static(
                    paragraph_content(self.article, number, self.evidence),
                    id=f"p{number}",
                    classes="paragraph",
                )
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
        """Go back to where the article was opened from."""
        self.dismiss(None)
