"""The bank cache: a hit while nothing changed, a fresh load as soon as anything did."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.core import cache as cache_module
from quiz.core.cache import BankCache
from quiz.core.discovery import BankSource

ARTICLE = "The council voted 8-1 on Tuesday to close the branch.\n\nIt opened in 1962.\n"
BANK = """[bank]
id = "lib"
title = "Library"
article = "a.txt"

[[questions]]
id = "vote"
kind = "claim"
claim = "The council voted 8-1."
verdict = "supported"
evidence = "voted 8-1 on Tuesday"
explanation = "It says so."
"""


@pytest.fixture
def source(tmp_path: Path) -> BankSource:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bank.toml").write_text(BANK, encoding="utf-8")
    return BankSource(tmp_path / "bank.toml", "bank.toml", "given")


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The banks loaded afresh (not from the cache), by shown path."""
    seen: list[str] = []
    real = cache_module.load_bank

    def counting(source: BankSource, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        seen.append(source.shown)
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module, "load_bank", counting)
    return seen


def _same_stat_rewrite(path: Path, text: str) -> None:
    """Rewrite ``path`` keeping its size and modification time, as a careless copy might."""
    stat = path.stat()
    assert len(text.encode()) == stat.st_size
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_second_load_is_a_hit(tmp_path: Path, source: BankSource, loads: list[str]) -> None:
    cache = BankCache(tmp_path / "cache")
    first, problems = cache.load(source)
    again, problems_again = cache.load(source)
    assert loads == ["bank.toml"]
    assert first is not None and again is not None
    assert again.evidence == first.evidence
    assert problems == problems_again == []


def test_an_edited_article_is_loaded_afresh_even_with_the_same_size_and_time(
    tmp_path: Path, source: BankSource, loads: list[str]
) -> None:
    cache = BankCache(tmp_path / "cache")
    cache.load(source)
    _same_stat_rewrite(tmp_path / "a.txt", ARTICLE.replace("8-1", "7-2"))
    bank, problems = cache.load(source)
    assert loads == ["bank.toml", "bank.toml"]
    assert bank is not None and bank.questions == ()
    assert "is not in the article" in problems[0].message


def test_an_edited_bank_is_loaded_afresh(
    tmp_path: Path, source: BankSource, loads: list[str]
) -> None:
    cache = BankCache(tmp_path / "cache")
    cache.load(source)
    source.path.write_text(BANK.replace("It says so.", "The article says so."), encoding="utf-8")
    bank, _ = cache.load(source)
    assert loads == ["bank.toml", "bank.toml"]
    assert bank is not None and bank.questions[0].explanation == "The article says so."


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, source: BankSource, loads: list[str]) -> None:
    folder = tmp_path / "cache"
    BankCache(folder).load(source)
    (entry,) = folder.glob("*.pickle")
    entry.write_bytes(b"\x80\x05garbage")
    bank, _ = BankCache(folder).load(source)
    assert bank is not None and [q.id for q in bank.questions] == ["vote"]
    assert loads == ["bank.toml", "bank.toml"]
    BankCache(folder).load(source)
    assert loads == ["bank.toml", "bank.toml"]  # rewritten, then a hit
