"""Prepared articles kept on disk: read back the same as prepared afresh, never stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.core.bank.discovery import BankSource
from quiz.core.bank.loader import load_bank
from quiz.core.errors import QuizError
from quiz.core.text.evidence import EvidenceAmbiguous, EvidenceIndex, EvidenceNotFound
from quiz.core.text.loader import ArticleLoader
from quiz.core.text.normalize import normalize
from quiz.core.text.prepared import PreparedArticles

TEXT = (
    "Washington imposed sanctions on Turkey’s Defense Industry Directorate in December 2020.\n\n"
    "“We will not step back,” Erdogan said. The U.S. said talks would go on.\n\n"
    "Later this week on Wednesday, officials met  again in Ankara — quietly.\n"
)


def _article(tmp_path: Path, text: str = TEXT) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.marshal"))


def _fresh(path: Path) -> EvidenceIndex:
    return ArticleLoader().get(path)[1]


def test_second_load_reads_back_what_the_first_prepared(tmp_path: Path) -> None:
    path = _article(tmp_path)
    folder = tmp_path / "prepared"
    first = ArticleLoader(PreparedArticles(folder)).get(path)[1]
    assert len(_entries(folder)) == 1
    again = ArticleLoader(PreparedArticles(folder)).get(path)[1]
    assert again is not first
    fresh = _fresh(path)
    assert list(again.article.sentences) == list(fresh.article.sentences)
    assert again.normalized == fresh.normalized
    for quote in ("Turkey's Defense Industry", "“We will not step back,” Erdogan", "met again in"):
        assert again.resolve(quote) == fresh.resolve(quote) == first.resolve(quote)
    with pytest.raises(EvidenceNotFound) as missing:
        again.resolve("Turkey's Defence Industry")
    assert missing.value.closest is not None
    assert missing.value.closest[0].label == "¶1 s1"
    with pytest.raises(EvidenceAmbiguous):
        again.resolve("said")


def test_an_edited_article_is_prepared_again(tmp_path: Path) -> None:
    path = _article(tmp_path)
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    path.write_text(TEXT.replace("December 2020", "March 2021"), encoding="utf-8")
    index = ArticleLoader(PreparedArticles(folder)).get(path)[1]
    assert len(_entries(folder)) == 2
    assert index.resolve("Directorate in March 2021").sentences == (1,)
    with pytest.raises(EvidenceNotFound):
        index.resolve("Directorate in December 2020")


@pytest.mark.parametrize("junk", [b"", b"not marshal at all", b"\xe9\x00\x01", b"N"])
def test_a_corrupt_entry_is_prepared_again(tmp_path: Path, junk: bytes) -> None:
    path = _article(tmp_path)
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    (entry,) = _entries(folder)
    entry.write_bytes(junk)
    index = ArticleLoader(PreparedArticles(folder)).get(path)[1]
    assert index.resolve("Erdogan said").sentences == (2,)
    assert entry.read_bytes() != junk  # rewritten


def test_a_folder_that_cannot_be_written_only_costs_speed(tmp_path: Path) -> None:
    path = _article(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    index = ArticleLoader(PreparedArticles(blocker / "prepared")).get(path)[1]
    assert index.resolve("officials met again").sentences == (4,)


def test_sentences_read_back_are_made_on_demand_and_compare_equal(tmp_path: Path) -> None:
    path = _article(tmp_path)
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    article = ArticleLoader(PreparedArticles(folder)).get(path)[0]
    assert [s.label for s in article.sentences] == ["¶1 s1", "¶2 s1", "¶2 s2", "¶3 s1"]
    assert article.sentences[-1].text.startswith("Later this week")
    assert article.sentences[1:3] == (article.sentences[1], article.sentences[2])
    assert article.sentence_at(TEXT.index("Erdogan")).label == "¶2 s1"


def test_only_the_last_entries_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quiz.core.text.prepared.KEEP", 3)
    folder = tmp_path / "prepared"
    for n in range(5):
        path = _article(tmp_path, TEXT.replace("2020", str(2000 + n)))
        ArticleLoader(PreparedArticles(folder)).get(path)
    assert len(_entries(folder)) == 3
    index = ArticleLoader(PreparedArticles(folder)).get(path)[1]  # the last is still kept
    assert len(_entries(folder)) == 3
    assert index.resolve("Directorate in December 2004").sentences == (1,)


def test_an_article_read_back_equals_one_prepared_afresh(tmp_path: Path) -> None:
    path = _article(tmp_path)
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    restored = ArticleLoader(PreparedArticles(folder)).get(path)[0]
    fresh = ArticleLoader().get(path)[0]
    assert restored == fresh
    assert hash(restored) == hash(fresh)
    assert restored != ArticleLoader().get(_article(tmp_path, TEXT + "\nMore.\n"))[0]


def test_text_read_back_is_the_text_as_decoded_with_mark_and_windows_line_ends(
    tmp_path: Path,
) -> None:
    # Read back, the article's text is decoded only when asked for: it must then be what a
    # fresh read gives (byte-order mark dropped, line ends made "\n").
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode())
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    again = ArticleLoader(PreparedArticles(folder)).get(path)[0]
    fresh = ArticleLoader().get(path)[0]
    assert again.text == fresh.text == TEXT
    assert [s.text for s in again.sentences] == [s.text for s in fresh.sentences]
    assert again.sentences == fresh.sentences
    assert again.title == fresh.title


def _prepared_and_settled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """An article prepared once, its stamp trusted however recently it was written (tests
    cannot wait two seconds): the article and the folder."""
    monkeypatch.setattr("quiz.core.text.prepared.SETTLED_NS", -1)
    path = _article(tmp_path)
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    return path, folder


def _article_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> bytes:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr("quiz.core.text.prepared.read_article", refuse)


def test_a_settled_article_is_not_read_again_until_its_text_is_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, folder = _prepared_and_settled(tmp_path, monkeypatch)
    _article_never_read(monkeypatch)
    article, index = ArticleLoader(PreparedArticles(folder)).get(path)
    assert index.resolve("Turkey's Defense Industry").sentences == (1,)
    assert article.sentences[1].text == "“We will not step back,” Erdogan said."
    assert article.text == TEXT


def test_a_recently_written_article_is_hashed_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two writes within one tick of the clock may leave the same stamp: a file written in the
    # last two seconds is not known by its stamp.
    path = _article(tmp_path)
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    assert not (folder / "stamps").exists()
    _article_never_read(monkeypatch)
    with pytest.raises(AssertionError, match="was read"):
        ArticleLoader(PreparedArticles(folder)).get(path)


def test_an_article_edited_to_the_same_size_and_time_is_prepared_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, folder = _prepared_and_settled(tmp_path, monkeypatch)
    before = path.stat()
    path.write_text(TEXT.replace("December 2020", "November 2020"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the change time still moves
    assert path.stat().st_size == before.st_size
    index = ArticleLoader(PreparedArticles(folder)).get(path)[1]
    assert index.resolve("Directorate in November 2020").sentences == (1,)


def test_an_article_edited_while_in_use_says_so_when_its_text_is_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, folder = _prepared_and_settled(tmp_path, monkeypatch)
    article = ArticleLoader(PreparedArticles(folder)).get(path)[0]
    path.write_text(TEXT.replace("Erdogan", "Erdoğan"), encoding="utf-8")
    with pytest.raises(QuizError, match="changed while in use; run the command again"):
        _ = article.text


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (TEXT, ["officials met again", "“We will not step back,” Erdogan", "Directorate in"]),
        (
            TEXT.replace("Erdogan", "Erdoğan").replace("officials", "ﬁnance officials"),
            ["Erdoğan said", "finance officials met", "Erdogan said", "said"],
        ),
    ],
    ids=["ascii", "accents"],
)
def test_quotes_read_back_are_found_as_when_built(
    tmp_path: Path, text: str, quotes: list[str]
) -> None:
    # A normalised text in ASCII is used where it lies in the prepared file; another one is
    # read into memory: either way a quote is found, missed or repeated as when built afresh.
    path = _article(tmp_path, text)
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    again = ArticleLoader(PreparedArticles(folder)).get(path)[1]
    fresh = _fresh(path)
    for quote in quotes:
        try:
            expected: object = fresh.resolve(quote)
        except (EvidenceNotFound, EvidenceAmbiguous) as exc:
            expected = type(exc)
        try:
            got: object = again.resolve(quote)
        except (EvidenceNotFound, EvidenceAmbiguous) as exc:
            got = type(exc)
        assert got == expected, quote
    assert again.normalized == fresh.normalized


def test_a_bank_loaded_to_play_reads_its_article_text_while_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Checking never needs the text of a known article; a game does, so it is read while a
    # problem can still be said as one line, not when a sentence is first shown.
    path, folder = _prepared_and_settled(tmp_path, monkeypatch)
    bank = tmp_path / "bank.toml"
    bank.write_text(
        '[bank]\nid = "b"\ntitle = "B"\narticle = "a.txt"\n\n[[questions]]\nid = "q"\n'
        'kind = "claim"\nclaim = "He spoke."\nverdict = "supported"\nevidence = "Erdogan said"\n'
        'explanation = "He did."\n',
        encoding="utf-8",
    )
    source = BankSource(bank, "bank.toml", "given")

    def changed(path: Path, stamp: str) -> str:
        raise QuizError(f"{path}: the article changed while in use; run the command again")

    monkeypatch.setattr("quiz.core.text.prepared._text_if_unchanged", changed)
    checked, problems = load_bank(source, ArticleLoader(PreparedArticles(folder)), place=False)
    assert checked is not None and not problems
    played, problems = load_bank(source, ArticleLoader(PreparedArticles(folder)), place=True)
    assert played is None
    said = "article `a.txt` cannot be used: the article changed while in use; run the command again"
    assert [(p.line, p.message) for p in problems] == [(4, said)]


@pytest.mark.parametrize("in_place", [False, True])
def test_a_quote_that_cuts_a_word_is_told_so(tmp_path: Path, in_place: bool) -> None:
    path = _article(tmp_path, "The directorate and its chief were named. Washington said so\n")
    folder = tmp_path / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    index = ArticleLoader(PreparedArticles(folder)).get(path)[1] if in_place else _fresh(path)
    assert (index._text is None) is in_place  # an ASCII text read back is checked in place
    for quote, cut in [
        ("directorate and its", ""),
        ("The directorate", ""),
        ("irectorate and", "starts"),
        ("and its chie", "ends"),
        ("ectorate and its ch", "starts and ends"),
        ("Washington said so", ""),
        ("ngton said s", "starts and ends"),
        ("its chief were named.", ""),
    ]:
        needle = normalize(quote).strip()
        assert index.cut_words(needle, index.find(quote, needle)) == cut, quote
