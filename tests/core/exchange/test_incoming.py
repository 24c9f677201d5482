"""Moodle questions made bank questions: the nearest kind, and Moodle's own rules for bad
grades."""

from __future__ import annotations

from quiz.core.exchange.foreign import Answer, Foreign, Skipped
from quiz.core.exchange.incoming import Incoming, convert, give_ids, slug


def _mc(*answers: tuple[str, float], single: bool = True, **more: object) -> Foreign:
    return Foreign(
        "multichoice",
        name="Q",
        text="Which?",
        answers=tuple(Answer(t, f) for t, f in answers),
        single=single,
        line=7,
        **more,  # type: ignore[arg-type]
    )


def test_a_grade_moodle_does_not_allow_is_refused_with_it_named():
    made = convert(_mc(("2", 33), ("3", 33.33333), ("5", 33.33333), single=False))
    assert isinstance(made, Skipped)
    assert made.line == 7
    assert made.reason.startswith("grade 33% of “2” is not one Moodle allows")


def test_single_choice_needs_a_100_percent_option():
    made = convert(_mc(("a", 50), ("b", 0)))
    assert isinstance(made, Skipped) and "100%" in made.reason


def test_multiple_answers_must_add_up_to_100():
    made = convert(_mc(("a", 50), ("b", 25), ("c", -100), single=False))
    assert isinstance(made, Skipped)
    assert made.reason == "the grades above 0 add up to 75%, not 100%"
    fine = convert(_mc(("a", 33.33333), ("b", 33.33333), ("c", 33.33333), ("d", -50), single=False))
    assert isinstance(fine, Incoming)
    assert fine.kind == "multi"
    assert fine.fields["answers"] == ["a", "b", "c"]


def test_the_three_verdicts_make_a_claim_and_true_false_a_supported_or_refuted_one():
    claim = convert(_mc(("Supported", 0), ("Refuted", 0), ("Not in the article", 100)))
    assert isinstance(claim, Incoming)
    assert (claim.kind, claim.fields["verdict"]) == ("claim", "not-in-article")
    assert claim.needles == ()  # nothing in the article to look for
    assert "explanation" in claim.fields  # quiz check wants one for a claim without evidence
    false = Foreign(
        "truefalse",
        name="T",
        text="The sky is green.",
        answers=(Answer("true", 0, "No."), Answer("false", 100, "Right: it is blue.")),
    )
    made = convert(false)
    assert isinstance(made, Incoming)
    assert made.fields == {
        "claim": "The sky is green.",
        "verdict": "refuted",
        "explanation": "Right: it is blue.",
    }


def test_a_choice_keeps_its_option_feedback_and_the_evidence_of_its_general_feedback():
    question = Foreign(
        "multichoice",
        name="Q",
        text="Which?",
        answers=(Answer("a", 100, "Yes."), Answer("b", 0)),
        general_feedback="Because.\n\nEvidence (¶1 s2, “Title”): “the quote”",
        tags=("x", " ", "x", "y"),
    )
    made = convert(question)
    assert isinstance(made, Incoming)
    assert made.fields == {
        "prompt": "Which?",
        "options": ["a", "b"],
        "answer": "a",
        "feedback": {"a": "Yes."},
        "explanation": "Because.",
        "tags": ["x", "y"],
    }
    assert made.quotes == ("the quote",)


def test_short_and_numerical_answers_become_text_with_warnings_for_what_is_dropped():
    short = Foreign(
        "shortanswer",
        name="S",
        text="Best animal?",
        answers=(Answer("Frog", 100), Answer("Cat", 50), Answer("*", 0)),
    )
    made = convert(short)
    assert isinstance(made, Incoming)
    assert made.fields["accept"] == ["Frog"]
    assert made.warnings == ["answers worth less than 100%, or with a * wildcard, are left out"]
    number = Foreign("numerical", name="N", text="Born?", answers=(Answer("1822", 100, "", 2.0),))
    made = convert(number)
    assert isinstance(made, Incoming)
    assert made.fields["accept"] == ["1822"]
    assert "tolerance" in made.warnings[0]


def test_ids_come_from_the_idnumber_then_the_name_then_the_text_and_stay_unique():
    sources = [
        Foreign("shortanswer", name="Ignored", text="x", idnumber="Bank/Q 1"),
        Foreign("shortanswer", name="Kanji Origins", text="x"),
        Foreign("shortanswer", name="Kanji Origins", text="x"),
        Foreign("shortanswer", name="", text="¿Qué pasó?"),
        Foreign("shortanswer", name="", text="!!!"),
    ]
    made = [Incoming("", "text", {}, 1, s.name) for s in sources]
    give_ids(made, sources)
    assert [m.id for m in made] == [
        "bank-q-1",
        "kanji-origins",
        "kanji-origins-2",
        "que-paso",
        "q5",
    ]
    assert slug("a" * 60) == "a" * 48
