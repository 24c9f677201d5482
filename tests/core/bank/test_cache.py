"""The bank cache: a hit while nothing changed, a fresh load as soon as anything did."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.core.bank.cache import BankCache
from quiz.core.bank.catalog import Bank
from quiz.core.bank.discovery import BankSource
from quiz.core.bank.loader import load_bank
from quiz.core.errors import Problem

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
def loads() -> list[str]:
    """The banks loaded afresh (not from the cache), by shown path."""
    return []


def _load(
    cache: BankCache, source: BankSource, seen: list[str]
) -> tuple[Bank | None, list[Problem]]:
    """``cache.load`` with a loader that notes each bank it loads afresh in ``seen``."""

    def counting() -> tuple[Bank | None, list[Problem]]:
        seen.append(source.shown)
        return load_bank(source)

    return cache.load(source, counting)


def _same_stat_rewrite(path: Path, text: str) -> None:
    """Rewrite ``path`` keeping its size and modification time, as a careless copy might."""
    stat = path.stat()
    assert len(text.encode()) == stat.st_size
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_second_load_is_a_hit(tmp_path: Path, source: BankSource, loads: list[str]) -> None:
    cache = BankCache(tmp_path / "cache")
    first, problems = _load(cache, source, loads)
    again, problems_again = _load(cache, source, loads)
    assert loads == ["bank.toml"]
    assert first is not None and again is not None
    assert again.evidence == first.evidence
    assert problems == problems_again == []


def test_an_edited_article_is_loaded_afresh_even_with_the_same_size_and_time(
    tmp_path: Path, source: BankSource, loads: list[str]
) -> None:
    cache = BankCache(tmp_path / "cache")
    _load(cache, source, loads)
    _same_stat_rewrite(tmp_path / "a.txt", ARTICLE.replace("8-1", "7-2"))
    bank, problems = _load(cache, source, loads)
    assert loads == ["bank.toml", "bank.toml"]
    assert bank is not None and bank.questions == ()
    assert "is not in the article" in problems[0].message


def test_an_edited_bank_is_loaded_afresh(
    tmp_path: Path, source: BankSource, loads: list[str]
) -> None:
    cache = BankCache(tmp_path / "cache")
    _load(cache, source, loads)
    source.path.write_text(BANK.replace("It says so.", "The article says so."), encoding="utf-8")
    bank, _ = _load(cache, source, loads)
    assert loads == ["bank.toml", "bank.toml"]
    assert bank is not None and bank.questions[0].explanation == "The article says so."


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, source: BankSource, loads: list[str]) -> None:
    folder = tmp_path / "cache"
    _load(BankCache(folder), source, loads)
    (entry,) = folder.glob("*.pickle")
    entry.write_bytes(b"\x80\x05garbage")
    bank, _ = _load(BankCache(folder), source, loads)
    assert bank is not None and [q.id for q in bank.questions] == ["vote"]
    assert loads == ["bank.toml", "bank.toml"]
    _load(BankCache(folder), source, loads)
    assert loads == ["bank.toml", "bank.toml"]  # rewritten, then a hit
