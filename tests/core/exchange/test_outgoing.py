"""Bank questions as Moodle questions: partial credit within Moodle's grades, verdicts as
players see them, the evidence with its ¶/sentence in the general feedback."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.bank.discovery import BankSource
from quiz.core.bank.loader import load_bank
from quiz.core.bank.model import MultiQuestion
from quiz.core.exchange.foreign import GRADES, Foreign, Skipped
from quiz.core.exchange.outgoing import to_foreign

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def sanctions():
    path = ROOT / "questions" / "s400" / "sanctions.toml"
    bank, problems = load_bank(BankSource(path, str(path), "given"))
    assert bank is not None, problems
    return bank


@pytest.mark.parametrize("right", range(1, 10))
def test_multi_grades_are_moodle_grades_adding_up_to_100_and_a_wrong_pick_cancels_a_right(
    sanctions, right
):
    options = tuple(f"option {i}" for i in range(9))
    question = MultiQuestion(
        id="m", kind="multi", prompt="Which?", options=options, answers=options[:right]
    )
    foreign = to_foreign(sanctions, question)
    assert isinstance(foreign, Foreign) and not foreign.single
    grades = [a.fraction for a in foreign.answers]
    assert all(g in GRADES for g in grades)
    assert abs(sum(g for g in grades if g > 0) - 100) < 0.001
    wrong = [g for g in grades if g < 0]
    assert all(abs(w + grades[0]) < 1e-9 for w in wrong)  # -100/n for each wrong option
    assert len(wrong) == 9 - right


def test_a_choice_keeps_its_feedback_and_its_evidence_is_placed(sanctions):
    question = next(q for q in sanctions.questions if q.id == "directorate-2020")
    foreign = to_foreign(sanctions, question)
    assert isinstance(foreign, Foreign)
    assert (foreign.name, foreign.idnumber, foreign.type) == (
        "directorate-2020",
        "directorate-2020",
        "multichoice",
    )
    right = [a.text for a in foreign.answers if a.fraction == 100]
    assert right == ["Defense Industry Directorate"]
    feedback = {a.text: a.feedback for a in foreign.answers if a.feedback}
    assert feedback == question.feedback
    explanation, evidence = foreign.general_feedback.split("\n\n")
    assert explanation == question.explanation
    sentence = sanctions.article.sentence_at(sanctions.article.text.index(question.evidence))
    assert evidence == (
        f"Evidence ({sentence.label}, “{sanctions.article.title}”): “{question.evidence}”"
    )
    assert foreign.category == f"$course$/top/{sanctions.info.title}"
    assert foreign.tags == question.tags


def test_a_claim_offers_the_three_verdicts_and_an_order_question_is_skipped(sanctions):
    from quiz.core.bank.model import ClaimQuestion, OrderQuestion

    claim = ClaimQuestion(id="c", kind="claim", claim="It rained.", verdict="refuted")
    foreign = to_foreign(sanctions, claim)
    assert isinstance(foreign, Foreign)
    assert [(a.text, a.fraction) for a in foreign.answers] == [
        ("Supported", 0),
        ("Refuted", 100),
        ("Not in the article", 0),
    ]
    assert not foreign.shuffle  # in the order players see them
    order = OrderQuestion(id="o", kind="order", prompt="Order", items=("a", "b"))
    skipped = to_foreign(sanctions, order)
    assert isinstance(skipped, Skipped) and "order" in skipped.reason
