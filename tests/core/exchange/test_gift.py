"""GIFT read as Moodle reads it (on Moodle's own examples and another parser's fixtures), and
written so that it reads back the same."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quiz.core.exchange.foreign import Answer, Foreign
from quiz.core.exchange.gift import escape, read_gift, write_gift

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_moodle_documentation_examples_read_with_the_right_types_and_the_matching_ones_named():
    read = read_gift(_read("moodle/examples.gift.txt"))
    types = Counter(q.type for q in read.questions)
    # Counted by hand: true-false at lines 12, 49, 51, 113, 171; numerical at 16, 70, 72, 74,
    # 76, 85, 175, 202.
    assert types == {"multichoice": 18, "shortanswer": 9, "truefalse": 5, "numerical": 8}
    assert [(s.line, s.reason.split(";")[0]) for s in read.skipped] == [
        (55, "a matching question"),
        (61, "a matching question"),
        (177, "a matching question"),
    ]


def test_missing_word_questions_keep_a_blank_where_the_answers_stood():
    read = read_gift(_read("moodle/examples.gift.txt"))
    grant = next(q for q in read.questions if q.line == 10)
    assert grant.text == "Grant is _____ in Grant's tomb."
    assert [(a.text, a.fraction) for a in grant.answers] == [
        ("buried", 0),
        ("entombed", 100),
        ("living", 0),
    ]


def test_weights_feedback_and_names_are_read():
    read = read_gift(_read("moodle/examples.gift.txt"))
    hometown = next(q for q in read.questions if q.line == 117)
    assert hometown.name == "Jesus' hometown"
    assert [(a.text, a.fraction) for a in hometown.answers] == [
        ("Jerusalem", 0),
        ("Bethlehem", 25),
        ("Galilee", 50),
        ("Nazareth", 100),
    ]
    assert hometown.answers[3].feedback == "Yes! That's right!"
    both = next(q for q in read.questions if q.line == 136)
    assert not both.single
    assert [a.fraction for a in both.answers] == [-50, 50, 50, -50]


def test_numerical_answers_keep_their_tolerance_and_ranges_their_middle():
    read = read_gift(_read("moodle/examples.gift.txt"))
    by_line = {q.line: q for q in read.questions}
    assert (by_line[16].answers[0].text, by_line[16].answers[0].tolerance) == ("1822", 1)
    assert by_line[74].answers[0].text == "3.1415"
    assert abs(by_line[74].answers[0].tolerance - 0.0005) < 1e-9


def test_escaped_control_characters_are_the_characters_themselves():
    read = read_gift(_read("moodle/examples.gift.txt"))
    controls = next(q for q in read.questions if q.name == "GIFT Control Characters")
    assert [a.text for a in controls.answers] == ["~", "=", "#", "{", "}", "\\"]
    assert [a.fraction for a in controls.answers] == [0, 0, 0, 0, 0, 100]
    assert controls.answers[0].feedback == "~ is a control character."


def test_moodle_test_fixture_skips_its_essay_and_matching_and_reads_general_feedback():
    read = read_gift(_read("moodle/questions.gift.txt"))
    assert [(s.name, s.line) for s in read.skipped] == [("Q8", 2), ("Moodle activities", 5)]
    assert [q.name for q in read.questions] == [
        "Q2",
        "colours",
        "Q5",
        "Shortanswer",
        "Q1",
        "2-08 TSL",
        "2-08 TSL",
    ]
    answer = next(q for q in read.questions if q.name == "Q1")
    assert answer.type == "truefalse"
    assert answer.general_feedback.startswith("This is, of course, a Hitchiker's Guide")
    assert answer.answers[1] == Answer("false", 100, "You gave the right answer.")


def test_gift_grammar_peg_fixtures():
    escape_all = read_gift(_read("gift-grammar-peg/escapeAll.gift")).questions[0]
    assert [a.text for a in escape_all.answers] == ["~", "=", "#", "{", "}", ":", "\\"]
    assert escape_all.answers[-1].fraction == 100
    true_false = read_gift(_read("gift-grammar-peg/TFTwoFeedback.gift")).questions[0]
    assert true_false.answers == (
        Answer("true", 0, "wrong answer feedback"),
        Answer("false", 100, "right answer feedback"),
    )
    with_id = read_gift(_read("gift-grammar-peg/descriptionWithID.gift"))
    assert [(s.name, s.reason) for s in with_id.skipped] == [
        ("Description Title", "a description, not a question")
    ]
    assert [q.text for q in with_id.questions] == ["True or false?"]


def test_ids_and_tags_come_from_the_comments():
    text = "// question: 1\n// [id:bank-q\\]1] [tag:dates] [tag:a b]\n::Q::Is it?{T}\n"
    question = read_gift(text).questions[0]
    assert question.idnumber == "bank-q]1"
    assert question.tags == ("dates", "a b")


def test_a_brace_left_open_is_named_with_its_line():
    read = read_gift("A good one {T}\n\n// c\n::Broken:: What {=x\n")
    assert [(s.name, s.line) for s in read.skipped] == [("Broken", 4)]
    assert "{" in read.skipped[0].reason


def test_escape_writes_a_backslash_before_each_special_character_and_new_lines_as_n():
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


_WORD = st.text(alphabet="ab ~=#{}:\\%[]->\n\"'<&", min_size=1, max_size=12)
_CLEAN = _WORD.map(str.strip).filter(bool)


@given(
    text=_CLEAN,
    options=st.lists(_CLEAN, min_size=2, max_size=4, unique=True),
    feedback=st.lists(st.one_of(st.just(""), _CLEAN), min_size=4, max_size=4),
    general=st.one_of(st.just(""), _CLEAN),
    name=_CLEAN,
)
def test_anything_written_reads_back_the_same(text, options, feedback, general, name):
    answers = tuple(Answer(o, 100.0 if i == 0 else 0.0, feedback[i]) for i, o in enumerate(options))
    question = Foreign(
        "multichoice",
        name=name,
        text=text,
        answers=answers,
        general_feedback=general,
        idnumber=name.replace("\n", " "),
        category="$course$/top/Bank",
    )
    read = read_gift(write_gift([question], ["header"]))
    assert read.skipped == []
    (back,) = read.questions
    assert (back.name, back.text, back.answers, back.general_feedback) == (
        name,
        text,
        answers,
        general,
    )
    assert back.single
    assert back.category == "$course$/top/Bank"


def test_only_a_newline_ends_a_line_as_in_moodle():
    # str.splitlines() would also break at these, cutting a question in two (and
    # miscounting lines); Moodle's file() splits at "\n" alone.
    breaks = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    text = f"Which{breaks}one?"
    question = Foreign(
        "multichoice",
        name="q",
        text=text,
        answers=(Answer(f"ye{breaks}s", 100.0), Answer("no", 0.0)),
    )
    written = write_gift([question], ["header"])
    read = read_gift(written + "\n::later:: After? {=a ~b}\n")
    assert read.skipped == []
    first, later = read.questions
    assert (first.text, first.answers[0].text) == (text, f"ye{breaks}s")
    assert later.line == written.count("\n") + 2


def test_the_output_is_deterministic_and_changes_category_only_between_banks():
    one = Foreign("shortanswer", name="a", text="A?", answers=(Answer("x", 100),), category="c1")
    two = Foreign("shortanswer", name="b", text="B?", answers=(Answer("y", 100),), category="c1")
    three = Foreign("shortanswer", name="c", text="C?", answers=(Answer("z", 100),), category="c2")
    text = write_gift([one, two, three])
    assert text == write_gift([one, two, three])
    assert text.count("$CATEGORY:") == 2
    assert [q.name for q in read_gift(text).questions] == ["a", "b", "c"]
