"""An article must be a regular .txt or .md file of at most 5 MB, known before it is read."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.core.errors import QuizError
from quiz.core.text import article as article_module
from quiz.core.text.article import MAX_ARTICLE_BYTES, read_article


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail a read that blocks (a pipe with no writer) instead of hanging the suite."""

    def stop(signum: int, frame: object) -> None:
        raise AssertionError("reading the article blocked")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_device_is_refused_before_it_is_read(tmp_path: Path, deadline: None) -> None:
    # /dev/zero never ends: read whole, it was a MemoryError.
    with pytest.raises(QuizError, match="not a regular file"):
        read_article(Path("/dev/zero"))


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(
    tmp_path: Path, deadline: None
) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(QuizError, match="not a regular file"):
        read_article(fifo)


def test_a_huge_file_is_refused_from_its_size_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(1 << 30)  # a sparse gigabyte

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened for reading")

    monkeypatch.setattr(article_module.os, "fdopen", no_reading)
    with pytest.raises(QuizError, match="over 5 MB"):
        read_article(big)


def test_at_most_the_limit_and_one_byte_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("The council voted.\n", encoding="utf-8")
    asked: list[int] = []
    real = os.fdopen

    class Counting:
        def __init__(self, fd: int, mode: str) -> None:
            self.file = real(fd, mode)

        def __enter__(self) -> Counting:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def read(self, size: int = -1) -> bytes:
            asked.append(size)
            return self.file.read(size)

    monkeypatch.setattr(article_module.os, "fdopen", Counting)
    assert read_article(text) == b"The council voted.\n"
    assert asked == [MAX_ARTICLE_BYTES + 1]


@pytest.mark.parametrize("name", ["passwd", "article.pdf", "notes.toml"])
def test_a_file_that_is_no_text_article_by_name_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"a \.txt or \.md text file"):
        read_article(path)


@pytest.mark.parametrize("name", ["article.txt", "ARTICLE.TXT", "story.md"])
def test_txt_and_md_articles_are_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("It opened in 1962.\n", encoding="utf-8")
    assert read_article(path) == b"It opened in 1962.\n"


def test_a_folder_is_still_called_a_folder(tmp_path: Path) -> None:
    (tmp_path / "seeds.txt").mkdir()
    with pytest.raises(QuizError, match="article is a folder"):
        read_article(tmp_path / "seeds.txt")
