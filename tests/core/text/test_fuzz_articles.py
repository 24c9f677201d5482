"""Whatever an article file (or its meta file) holds, reading it gives an article or one line that
names the file, never a crash; and an article read is whole and its sentences can be cited."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quiz.core.errors import QuizError, first_unsafe, safe_text
from quiz.core.text.article import Article, load_article
from quiz.core.text.evidence import EvidenceAmbiguous, EvidenceIndex, EvidenceNotFound

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = "\x1b]52;c;aGk=\x07\x1b[2J\u202e\u2028\u0085\r\x00\ufeff\u200b"
"""Characters an article from anyone may hold: terminal controls, bidi, line separators."""

texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(HOSTILE + '.!?\n\n  “”’"')),
    ),
    max_size=400,
)


def read(data: bytes, meta: bytes | None = None) -> Article | QuizError:
    """The article a file holding ``data`` gives (with ``meta`` beside it), or its error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        if meta is not None:
            (Path(folder) / "article.meta.toml").write_bytes(meta)
        try:
            article = load_article(path)
            article.read_text()
            return article
        except QuizError as exc:
            assert "\n" not in str(exc)
            assert str(path) in str(exc) or "article.meta.toml" in str(exc)
            return exc


@FAST
@given(st.binary(max_size=600))
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example(b"\r\r\r")
def test_any_bytes_give_an_article_or_one_line(data: bytes) -> None:
    read(data)


@FAST
@given(st.binary(max_size=300) | texts.map(lambda t: t.encode("utf-8")))
@example(b'title = "\x1b]2;pwned\x07"\n')
@example(b"title = [1, 2]\ndate = 2026-01-01\n")
def test_any_meta_file_gives_an_article_or_one_line(meta: bytes) -> None:
    outcome = read(b"One sentence here. Another one there.\n", meta)
    if isinstance(outcome, Article):
        assert first_unsafe(safe_text(outcome.title)) is None


@FAST
@given(texts)
@example("Rise.\u2028Fall.\u0085Again.\rAnd\x1b]52;c;aGk=\x07 more.")
def test_every_sentence_stands_in_the_text_in_order_and_shows_safely(text: str) -> None:
    outcome = read(text.encode("utf-8"))
    if isinstance(outcome, QuizError):
        # only an empty article, or one holding NUL (binary, not text), is refused
        assert "\x00" in text or not text.replace("\ufeff", "", 1).strip(), str(outcome)
        return
    article = outcome
    last = 0
    for sentence in article.sentences:
        assert last <= sentence.start < sentence.end <= len(article.text)
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text
        assert first_unsafe(safe_text(sentence.text)) is None
        last = sentence.end


@FAST
@given(texts)
@example("¯")  # NFKC: a space and a combining macron; the quote's span once came out empty
@example("´Tis so. ¨Quoted¨ here.")
def test_a_sentence_quoted_as_evidence_is_found_where_it_stands(text: str) -> None:
    outcome = read(text.encode("utf-8"))
    if isinstance(outcome, QuizError):
        return
    index = EvidenceIndex(outcome)
    for sentence in outcome.sentences:
        try:
            found = index.resolve(sentence.text)
        except EvidenceAmbiguous:
            continue  # the same sentence stands twice: a bank may not cite it
        except EvidenceNotFound:
            # only a quote that normalises to nothing (punctuation or invisible characters
            # alone) is not found: it holds no word to look for
            assert not any(ch.isalnum() for ch in sentence.text), sentence.text
            continue
        assert found.start <= sentence.start and sentence.end <= found.end + 1
        assert sentence.index in found.sentences
