"""Moodle XML read safely (defusedxml) on Moodle's own fixtures, and written so that it reads
back the same, with every text as escaped HTML in CDATA."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.core.errors import QuizError
from quiz.core.exchange.foreign import Answer, Foreign
from quiz.core.exchange.moodle_xml import read_xml, write_xml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "moodle"


def test_nested_categories_give_each_question_its_category_and_skip_the_essay_by_line():
    read = read_xml((FIXTURES / "nested_categories_with_questions.xml").read_bytes(), "f.xml")
    assert [(q.name, q.type, q.category, q.line) for q in read.questions] == [
        ("Iota Question", "truefalse", "$course$/Iota", 15),
        ("Kappa Question", "truefalse", "$course$/Iota/Kappa", 83),
        ("Lambda Question", "truefalse", "$course$/Iota/Kappa/Lambda", 123),
        ("Mu Question", "truefalse", "$course$/Iota/Mu", 163),
    ]
    assert read.questions[0].text == "Testing Iota Question"
    assert [(s.name, s.line) for s in read.skipped] == [("Kappa Essay Question", 55)]


def test_html_in_cdata_becomes_plain_text_and_grades_are_read_as_given():
    read = read_xml((FIXTURES / "error_invalid_grades.xml").read_bytes(), "f.xml")
    (question,) = read.questions
    assert question.name == "Question with invalid grades : x > 1 & x < 2"
    assert question.text == "Select all prime numbers :"
    assert not question.single
    assert [(a.text, a.fraction) for a in question.answers] == [
        ("1", -50),
        ("2", 33),
        ("3", 33.33333),
        ("4", -50),
        ("5", 33.33333),
    ]


_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<quiz><question type="truefalse"><name><text>&lol2;</text></name></question></quiz>"""
_EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><name><text>&secret;</text></name></question></quiz>"""


@pytest.mark.parametrize("data", [_BOMB, _EXTERNAL], ids=["entity bomb", "external entity"])
def test_entities_and_dtds_are_refused_in_one_line(data):
    with pytest.raises(QuizError) as caught:
        read_xml(data, "evil.xml")
    message = str(caught.value)
    assert message.startswith("evil.xml: the XML declares a DTD, which Moodle XML never needs")
    assert "\n" not in message
    assert "root:" not in message


def test_malformed_xml_names_its_line():
    with pytest.raises(QuizError, match=r"^broken\.xml:3: not well-formed XML"):
        read_xml(b"<quiz>\n<question type='truefalse'>\n</quiz>\n", "broken.xml")


def test_a_file_that_is_not_a_quiz_says_so():
    with pytest.raises(QuizError, match=r"its root is <html>"):
        read_xml(b"<html><body/></html>", "page.xml")


_WORD = st.text(alphabet="ab<>&;\"'#]]>[%~é", min_size=1, max_size=10)
_TEXT = st.lists(_WORD, min_size=1, max_size=4).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "\n"]), min_size=len(words) - 1, max_size=len(words) - 1
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, [*gaps, ""], strict=True)))
)


@given(text=_TEXT, options=st.lists(_TEXT, min_size=2, max_size=4, unique=True), general=_TEXT)
def test_anything_written_reads_back_the_same(text, options, general):
    answers = tuple(Answer(o, 50.0 if i < 2 else -50.0, o) for i, o in enumerate(options))
    question = Foreign(
        "multichoice",
        name="q-1",
        text=text,
        answers=answers,
        single=False,
        general_feedback=general,
        idnumber="q-1",
        tags=("a&b", "<c>"),
        category="$course$/top/A & B",
        points=2.5,
    )
    read = read_xml(write_xml([question]).encode(), "out.xml")
    (back,) = read.questions
    assert back.text == text
    assert back.answers == answers
    assert back.general_feedback == general
    assert (back.single, back.tags, back.category, back.points, back.idnumber) == (
        False,
        ("a&b", "<c>"),
        "$course$/top/A & B",
        2.5,
        "q-1",
    )


def test_short_answers_are_written_as_typed_not_as_html():
    question = Foreign("shortanswer", name="s", text="?", answers=(Answer("AT&T", 100),))
    written = write_xml([question])
    assert '<answer fraction="100" format="moodle_auto_format">' in written
    assert "<text>AT&amp;T</text>" in written
    assert read_xml(written.encode(), "o.xml").questions[0].answers[0].text == "AT&T"


def test_characters_xml_cannot_hold_are_written_as_references():
    question = Foreign(
        "multichoice", name="c", text="bell\x07", answers=(Answer("a", 100), Answer("b", 0))
    )
    written = write_xml([question, replace(question, shuffle=False)])
    assert "\x07" not in written
    back = read_xml(written.encode(), "o.xml").questions  # well-formed all the same
    assert [q.shuffle for q in back] == [True, False]
