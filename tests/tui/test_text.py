"""What the app writes: partial points as `quiz results` and `quiz report` do; the evidence."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from quiz.core.play.scoring import Grade
from quiz.core.play.session import QuizItem, QuizSession
from quiz.tui.screens.results import tag_table
from quiz.tui.text import verdict_line


def test_the_app_says_a_partial_score_with_two_decimals_at_most() -> None:
    assert verdict_line(Grade(2 / 3, 1)) == "◐ Partly right (0.67 of 1 points)"
    assert verdict_line(Grade(0.5, 2), "1 of 2 right options picked") == (
        "◐ Partly right (0.5 of 2 points: 1 of 2 right options picked)"
    )
    assert verdict_line(Grade(2, 2)) == "✓ Right" and verdict_line(Grade(0, 2)).startswith("✗")


class _ByTag:
    def by_tag(self) -> dict[str, tuple[float, float]]:
        return {"dates": (1 / 3, 2.0)}


def test_the_results_by_tag_show_two_decimals_at_most() -> None:
    table = tag_table(cast(QuizSession, _ByTag())).plain
    assert table.splitlines() == ["By tag", "  dates           0.33 / 2       17%"]


def test_evidence_from_two_places_says_what_lies_between() -> None:
    from pathlib import Path

    from quiz.core.text.article import Article, ArticleMeta, split_sentences
    from quiz.core.text.evidence import EvidenceIndex
    from quiz.tui.text import evidence_content

    article = Article(Path("a.txt"), ArticleMeta(), split_sentences("One. Two. Three. Four. Five."))
    index = EvidenceIndex(article)
    evidence = (index.resolve("Two."), index.resolve("Five."))
    lines = evidence_content(article, evidence).plain.splitlines()
    assert lines == [
        "(before) ¶1 s1  One.",
        "¶1 s2  Two.",
        "… (2 sentences between, not shown)",
        "¶1 s5  Five.",
    ]


def test_a_typed_answer_is_shown_with_its_spacing_tidied() -> None:
    from quiz.tui.text import response_text

    item = cast(QuizItem, SimpleNamespace(question=None))
    assert response_text(item, "   wEDnésday  ") == "wEDnésday"
    assert response_text(item, "  ") == "(nothing typed)"
