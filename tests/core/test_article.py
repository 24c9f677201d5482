"""The sentence splitter, paragraphs, and reading article files."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.article import (
    Article,
    ArticleMeta,
    Sentence,
    load_article,
    meta_path,
    paragraph_spans,
    split_sentences,
)
from quiz.core.errors import QuizError

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "s400-second-batch.txt"


def texts(text: str) -> list[str]:
    """The sentences of ``text``, checking each one's span on the way."""
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sentences]


def labels(text: str) -> list[str]:
    return [s.label for s in split_sentences(text)]


# --- the bundled article ---------------------------------------------------------------------

# (label, first words) of every sentence of seeds/s400-second-batch.txt, in order.
SEED_SENTENCES = [
    ("¶1 s1", "In a statement Turkish President"),
    ("¶2 s1", "According to Washington, Russia’s S-400s"),
    ("¶2 s2", "Turkey, a NATO ally,"),
    ("¶3 s1", "“In the future, nobody will"),
    ("¶4 s1", "“Nobody can interfere with that."),
    ("¶5 s1", "In December 2020, Washington imposed"),
    ("¶6 s1", "Despite US repeated threats that"),
    ("¶7 s1", "“We urge Turkey at every"),
    ("¶7 s2", "“We continue to make clear"),
    ("¶8 s1", "The spokesperson also mentioned that"),
    ("¶9 s1", "Erdogan is scheduled to meet"),
    ("¶10 s1", "When asked whether U.S President"),
    ("¶11 s1", "Turkey’s human rights track record"),
    ("¶12 s1", "According to the Committee to"),
    ("¶13 s1", "“Erdogan’s authoritarian rule has been"),
]


@pytest.fixture(scope="module")
def seed() -> Article:
    return load_article(SEED)


def test_seed_article_labels_and_first_words(seed: Article) -> None:
    assert len(seed.sentences) == len(SEED_SENTENCES)
    pairs = zip(seed.sentences, SEED_SENTENCES, strict=True)
    assert [(s.label, s.text[: len(first)]) for s, (_, first) in pairs] == SEED_SENTENCES


def test_seed_article_sentence_spans_and_numbers(seed: Article) -> None:
    assert [s.index for s in seed.sentences] == list(range(1, 16))
    for s in seed.sentences:
        assert s.text == seed.text[s.start : s.end]
        assert s.text == s.text.strip()
    starts = [s.start for s in seed.sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(seed.sentences, seed.sentences[1:], strict=False))
    assert seed.paragraphs == 13


def test_seed_article_sentence_ends(seed: Article) -> None:
    by_label = {s.label: s.text for s in seed.sentences}
    # "U.S." then a lower-case word does not end ¶1; the quote in ¶4 is one unit.
    assert by_label["¶1 s1"].endswith("trigger new U.S. sanctions.")
    assert by_label["¶2 s1"].endswith("broader defense systems.")
    assert by_label["¶4 s1"] == (
        "“Nobody can interfere with that. We are the only ones to make such decisions.”"
    )
    assert by_label["¶7 s1"].endswith("said a State Department spokesperson on Erdogan’s comments.")
    assert by_label["¶7 s2"].endswith("imposed in December 2020”.")
    # The trailing space after ¶5 is not part of its sentence.
    assert by_label["¶5 s1"].endswith("first batch of S-400s.")


def test_seed_article_meta_and_title(seed: Article) -> None:
    assert seed.title == "Turkey intends to buy a second batch of Russian S-400s"
    assert seed.meta.outlet is None
    assert seed.meta.note is not None and "not known" in seed.meta.note


def test_sentence_at(seed: Article) -> None:
    s6 = seed.sentences[5]
    assert seed.sentence_at(s6.start).label == "¶5 s1"
    assert seed.sentence_at(s6.end - 1).label == "¶5 s1"
    # In the gap between paragraphs: the sentence before.
    assert seed.sentence_at(s6.end + 1).label == "¶5 s1"
    assert seed.sentence_at(0).index == 1
    assert seed.sentence_at(len(seed.text) + 10).index == 15


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


# --- reading files ---------------------------------------------------------------------------


def test_load_article_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffOne. Two.\r\n\r\nThree.\r\n".encode())
    article = load_article(path)
    assert article.text == "One. Two.\n\nThree.\n"
    assert [s.label for s in article.sentences] == ["¶1 s1", "¶1 s2", "¶2 s1"]
    assert article.meta == ArticleMeta()
    assert article.title == "a"


def test_load_article_reads_meta(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("One.", encoding="utf-8")
    meta_path(path).write_text(
        'title = "T"\noutlet = "O"\ndate = "26 Sept 2021"\nurl = ""\nother = "x"\n',
        encoding="utf-8",
    )
    assert meta_path(path) == tmp_path / "story.meta.toml"
    article = load_article(path)
    # An empty value counts as unknown; keys that are not metadata are passed over.
    assert article.meta == ArticleMeta(title="T", outlet="O", date="26 Sept 2021")
    assert article.title == "T"


def test_meta_date_written_as_toml_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("One.", encoding="utf-8")
    meta_path(path).write_text("date = 2021-09-26\n", encoding="utf-8")
    assert load_article(path).meta.date == "2021-09-26"


def test_load_article_bad_meta(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("One.", encoding="utf-8")
    meta_path(path).write_text("title = ", encoding="utf-8")
    with pytest.raises(QuizError, match=r"story\.meta\.toml: metadata is not valid UTF-8 TOML"):
        load_article(path)


def test_load_article_errors(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="article not found"):
        load_article(tmp_path / "none.txt")
    with pytest.raises(QuizError, match="article is a folder"):
        load_article(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Hello there.\n\nCaf\xe9.")
    with pytest.raises(QuizError, match=r"not UTF-8 \(bad byte at offset 17\)"):
        load_article(bad)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"abc\x00def")
    with pytest.raises(QuizError, match="not a text file"):
        load_article(binary)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (5 * 1024 * 1024 + 1))
    with pytest.raises(QuizError, match="over 5 MB"):
        load_article(big)


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


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "City council votes to close library\n\nThe council voted on Tuesday.\n",
            "City council votes to close library",
        ),
        ("The council voted on Tuesday.\n\nIt was close.\n", None),  # a sentence, not a headline
        ("Library to close\n", None),  # nothing after it
        ("Library to close. It was close.\n\nMore.\n", None),  # two sentences
        ("A headline\nover two lines\n\nText.\n", None),
        ("x" * 121 + "\n\nText.\n", None),
    ],
)
def test_headline_is_the_title_when_there_is_no_metadata(
    tmp_path: Path, text: str, headline: str | None
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert article.headline == headline
    assert article.title == (headline or "story")
    (tmp_path / "story.meta.toml").write_text('title = "Given"\n', encoding="utf-8")
    assert load_article(path).title == "Given"
