"""Reading article files: the bundled article's sentences, metadata, titles and headlines.

The sentence splitter itself, on short texts, is tested in ``test_sentences``.
"""

from pathlib import Path

import pytest

from quiz.core.errors import QuizError
from quiz.core.text.article import (
    Article,
    ArticleMeta,
    MetaError,
    load_article,
    meta_path,
)

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "s400-second-batch.txt"


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
    # An empty value counts as unknown; keys that are not metadata are noted with their line
    # (for `quiz check` to warn of) and otherwise passed over.
    assert article.meta == ArticleMeta(
        title="T", outlet="O", date="26 Sept 2021", unknown=(("other", 5),)
    )
    assert article.title == "T"


def test_meta_date_written_as_toml_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("One.", encoding="utf-8")
    meta_path(path).write_text("date = 2021-09-26\n", encoding="utf-8")
    assert load_article(path).meta.date == "2021-09-26"


def test_load_article_bad_meta(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("One.", encoding="utf-8")
    meta_path(path).write_text('# About the story\ntitle = "T"\ndate = 26 Sept 2021\n', "utf-8")
    with pytest.raises(MetaError) as raised:
        load_article(path)
    error = raised.value
    assert (error.meta, error.line) == (meta_path(path), 3)
    assert error.what == 'TOML syntax error: text values need quotes: date = "26 Sept 2021"'
    assert str(error).endswith(
        'story.meta.toml:3: TOML syntax error: text values need quotes: date = "26 Sept 2021" '
        "(or delete story.meta.toml)"
    )


def test_load_article_meta_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("One.", encoding="utf-8")
    meta_path(path).write_bytes(b'title = "T"\noutlet = "Caf\xe9"\n')
    with pytest.raises(MetaError, match=r"story\.meta\.toml:2: bytes that are not UTF-8"):
        load_article(path)


def test_load_article_meta_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("One.", encoding="utf-8")
    meta_path(path).write_bytes('\ufefftitle = "T"\n'.encode())
    assert load_article(path).meta == ArticleMeta(title="T")


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
