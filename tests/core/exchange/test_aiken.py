"""Aiken read as Moodle reads it, on Moodle's own fixtures, and written for single choice only."""

from __future__ import annotations

from pathlib import Path

from quiz.core.exchange.aiken import read_aiken, refusal, write_aiken
from quiz.core.exchange.foreign import Answer, Foreign

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "moodle"


def test_moodle_questions_fixture():
    read = read_aiken((FIXTURES / "questions.aiken.txt").read_text(encoding="utf-8"))
    assert read.skipped == []
    first, second = read.questions
    assert first.text == "The Moodle project was started by:"
    assert [(a.text, a.fraction) for a in first.answers] == [
        ("Petr Skoda", 0),
        ("Martin Dougiamas", 100),
        ("Eloy Lafuente", 0),
        ("Tim Hunt", 0),
    ]
    assert '<html class="cool"> & images' in second.text  # Aiken text is plain: kept as is


def test_moodle_errors_fixture_names_each_bad_item_and_keeps_the_good_ones():
    read = read_aiken((FIXTURES / "aiken_errors.txt").read_text(encoding="utf-8"))
    assert [(q.text, q.line) for q in read.questions] == [
        ("A good question", 9),
        ("A second good question", 18),
    ]
    assert [a.text for a in read.questions[1].answers] == [
        "Incorrect (No space)",
        "Correct (No space)",
    ]
    assert [(s.line, s.reason) for s in read.skipped] == [
        (1, "fewer than two answers"),
        (5, "an answer line with no question"),
        (7, "an answer line with no question"),
        (14, "no `ANSWER:` line before the next question"),
    ]


def test_an_answer_letter_past_the_options_is_named():
    read = read_aiken("Which?\nA) one\nB) two\nANSWER: D\n")
    assert read.questions == []
    assert "names none of its 2 options" in read.skipped[0].reason


def _choice(text: str, single: bool = True) -> Foreign:
    return Foreign(
        "multichoice",
        name="n",
        text=text,
        answers=(Answer("one", 0), Answer("two\nlines", 100)),
        single=single,
    )


def test_written_aiken_reads_back_with_the_same_key():
    text = write_aiken([_choice("Which\nof these?")])
    assert text == "Which of these?\nA) one\nB) two lines\nANSWER: B\n"
    (back,) = read_aiken(text).questions
    assert [a.fraction for a in back.answers] == [0, 100]


def test_only_single_choice_questions_can_be_written():
    assert refusal(_choice("Which?")) is None
    assert refusal(_choice("Which?", single=False)) == "Aiken holds only single-choice questions"
    short = Foreign("shortanswer", name="s", text="Which?", answers=(Answer("x", 100),))
    assert refusal(short) == "Aiken holds only single-choice questions"
    assert refusal(_choice("B) looks like an option")) is not None
