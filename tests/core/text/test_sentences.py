"""The sentence splitter and paragraphs: abbreviations, sentence ends, quotations, blank lines.

Reading article files, and the bundled article's sentences, are tested in ``test_article``.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.text.article import (
    Sentence,
    paragraph_spans,
    split_sentences,
)


def texts(text: str) -> list[str]:
    """The sentences of ``text``, checking each one's span on the way."""
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sentences]


def labels(text: str) -> list[str]:
    return [s.label for s in split_sentences(text)]


# --- abbreviations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "When asked whether U.S President Joe Biden had raised it, he said no. Then he left.",
            [
                "When asked whether U.S President Joe Biden had raised it, he said no.",
                "Then he left.",
            ],
        ),
        (
            "Talks with the U.S. Treasury went on. Later they stopped.",
            ["Talks with the U.S. Treasury went on.", "Later they stopped."],
        ),
        (
            "He met U.N. officials in Geneva. Then he left.",
            ["He met U.N. officials in Geneva.", "Then he left."],
        ),
        (
            "The U.N. Security Council met. It voted.",
            ["The U.N. Security Council met.", "It voted."],
        ),
        (
            "He went to the U.S. The trip was short.",
            ["He went to the U.S.", "The trip was short."],
        ),
        (
            "Dr. Smith arrived. Mr. Jones and Gen. Lee left.",
            ["Dr. Smith arrived.", "Mr. Jones and Gen. Lee left."],
        ),
        (
            "A letter from John F. Kennedy reached J. R. Smith. It was short.",
            ["A letter from John F. Kennedy reached J. R. Smith.", "It was short."],
        ),
        (
            "It was signed on Jan. 5 in Ankara. See No. 5 for more. Nothing else.",
            ["It was signed on Jan. 5 in Ankara.", "See No. 5 for more.", "Nothing else."],
        ),
    ],
    ids=[
        "U.S-no-dot",
        "U.S.-Name",
        "U.N.-lower",
        "U.N.-Name",
        "U.S.-end",
        "titles",
        "initials",
        "month-number",
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_number_abbreviation_ends_a_sentence_before_a_word() -> None:
    # "no." is only an abbreviation before a number.
    assert texts("He said no. Then he left.") == ["He said no.", "Then he left."]


# --- ordinary ends ---------------------------------------------------------------------------


def test_terminal_punctuation() -> None:
    assert texts("Is it? Yes! No… Maybe. 5 people came.") == [
        "Is it?",
        "Yes!",
        "No…",
        "Maybe.",
        "5 people came.",
    ]


def test_scripts_without_capitals_and_full_width_stops() -> None:
    assert texts(
        "قال المدير إن المكتبة ستفتح. 图书馆将于明年开放。图书馆很大！ Is it? «Oui», dit-il."
    ) == [
        "قال المدير إن المكتبة ستفتح.",
        "图书馆将于明年开放。",
        "图书馆很大！",
        "Is it?",
        "«Oui», dit-il.",
    ]


def test_no_break_before_lower_case() -> None:
    assert texts("The rate is 2.5 percent. e.g. this stays.") == [
        "The rate is 2.5 percent. e.g. this stays."
    ]


def test_numbers_within_paragraph() -> None:
    assert labels("One. Two. Three.") == ["¶1 s1", "¶1 s2", "¶1 s3"]


# --- quotations ------------------------------------------------------------------------------


@pytest.mark.parametrize("open_q, close_q", [("“", "”"), ('"', '"')], ids=["curly", "straight"])
def test_quote_of_several_sentences_is_one_unit(open_q: str, close_q: str) -> None:
    text = f"{open_q}We will go. We will win. Nobody stops us,{close_q} he said. Then he left."
    assert texts(text) == [
        f"{open_q}We will go. We will win. Nobody stops us,{close_q} he said.",
        "Then he left.",
    ]


@pytest.mark.parametrize("open_q, close_q", [("“", "”"), ('"', '"')], ids=["curly", "straight"])
def test_quote_ending_a_sentence(open_q: str, close_q: str) -> None:
    text = f"He said: {open_q}We go. We win.{close_q} Then he left."
    assert texts(text) == [f"He said: {open_q}We go. We win.{close_q}", "Then he left."]


def test_quoted_sentences_in_a_row() -> None:
    text = "“We go.” “We win.” They left."
    assert texts(text) == ["“We go.”", "“We win.”", "They left."]


def test_sentence_starting_with_quote_includes_the_quote_mark() -> None:
    text = "He spoke. “Nobody can interfere. We decide.” It ended."
    assert texts(text) == ["He spoke.", "“Nobody can interfere. We decide.”", "It ended."]


def test_apostrophes_are_not_quotes() -> None:
    text = "Turkey’s army moved. Russia’s did not. It’s over."
    assert texts(text) == ["Turkey’s army moved.", "Russia’s did not.", "It’s over."]


def test_unclosed_quote_does_not_swallow_the_next_paragraph() -> None:
    text = "“We go. We win, he said.\n\nNext paragraph. Second sentence."
    assert labels(text) == ["¶1 s1", "¶2 s1", "¶2 s2"]
    assert texts(text)[0] == "“We go. We win, he said."


# --- paragraphs ------------------------------------------------------------------------------


def test_paragraphs_separated_by_blank_lines() -> None:
    text = "One. Two.\n\nThree.\n\n\n\nFour."
    assert labels(text) == ["¶1 s1", "¶1 s2", "¶2 s1", "¶3 s1"]
    assert texts(text) == ["One.", "Two.", "Three.", "Four."]


def test_whitespace_only_lines_separate_paragraphs() -> None:
    text = "One.\n   \t\nTwo.\n \n \nThree."
    assert labels(text) == ["¶1 s1", "¶2 s1", "¶3 s1"]
    assert texts(text) == ["One.", "Two.", "Three."]


def test_crlf_paragraphs() -> None:
    text = "One. Two.\r\n\r\nThree.\r\n \r\nFour."
    assert labels(text) == ["¶1 s1", "¶1 s2", "¶2 s1", "¶3 s1"]
    assert texts(text) == ["One.", "Two.", "Three.", "Four."]


def test_single_newline_does_not_break_a_paragraph() -> None:
    text = "A line\nwrapped here. Second."
    assert labels(text) == ["¶1 s1", "¶1 s2"]
    assert texts(text)[0] == "A line\nwrapped here."


def test_lines_that_end_sentences_are_paragraphs_in_a_text_without_blank_lines() -> None:
    text = "Harbor to open\nOfficials spoke. They agreed.\r\nCritics “doubt it.”\nWill it open?"
    assert labels(text) == ["¶1 s1", "¶2 s1", "¶2 s2", "¶3 s1", "¶4 s1"]
    assert texts(text)[0] == "Harbor to open"


def test_a_text_wrapped_by_hand_stays_one_paragraph() -> None:
    text = "Officials said on Tuesday\nthat the plan would go ahead.\nCritics doubt\nthe date."
    assert labels(text) == ["¶1 s1", "¶1 s2"]


def test_lines_are_not_paragraphs_where_blank_lines_are() -> None:
    text = "One.\nTwo.\nThree.\n\nFour."
    assert labels(text) == ["¶1 s1", "¶1 s2", "¶1 s3", "¶2 s1"]


def test_leading_and_trailing_blank_space() -> None:
    text = "\n\n   One.  \n\n  Two.   \n\n"
    assert texts(text) == ["One.", "Two."]
    assert list(paragraph_spans(text)) == [(5, 9), (15, 19)]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \r\n \r\n\t"])
def test_empty_text(text: str) -> None:
    assert len(split_sentences(text)) == 0
    assert list(paragraph_spans(text)) == []


def test_sentence_fields() -> None:
    text = "First one.\n\nSecond one. Third one."
    third = split_sentences(text)[2]
    assert third == Sentence(index=3, paragraph=2, number=2, start=24, end=34, text="Third one.")
    assert third.label == "¶2 s2"


# --- properties ------------------------------------------------------------------------------

ARTICLE_TEXT = st.lists(
    st.sampled_from(
        [*"aAbZ 1.?!…\"'“”‘’()\n\r\t", " ", "\n\n", " U.S. ", " Dr. ", " J. ", " No. 5 ", " The "]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(ARTICLE_TEXT)
def test_split_properties(text: str) -> None:
    sentences = split_sentences(text)
    covered = [False] * len(text)
    paragraph, number = 0, 0
    for i, s in enumerate(sentences, start=1):
        assert s.index == i
        assert s.text == text[s.start : s.end]
        assert s.text and s.text == s.text.strip()
        assert not re.search(r"\n[ \t\r\f\v]*\n", s.text), "a sentence crosses a paragraph break"
        if s.paragraph != paragraph:
            assert s.paragraph == paragraph + 1
            paragraph, number = s.paragraph, 0
        assert s.number == number + 1
        number = s.number
        for at in range(s.start, s.end):
            covered[at] = True
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    # Every character outside the sentences is white space.
    assert all(c or text[at].isspace() for at, c in enumerate(covered))
