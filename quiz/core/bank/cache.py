"""A cache of checked banks, so that playing does not parse, validate and index them again.

An entry holds a loaded bank and its problems. It is used only while the bank file's size and
modification time, the article's size, modification time and CRC-32, and this program's
version are all unchanged; anything else (including an unreadable or corrupt entry) means the
bank is loaded afresh and the entry rewritten. Loading from the cache needs no pydantic.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quiz import __version__
from quiz.core.bank.catalog import Bank
from quiz.core.bank.discovery import BankSource
from quiz.core.errors import Problem
from quiz.core.files import replace_whole, resolved

FORMAT = 7

Loading = Callable[[], tuple[Bank | None, list[Problem]]]
"""Loads one bank afresh: its bank (``None`` when unusable) and its problems."""


@dataclass(frozen=True)
class _Entry:
    key: tuple[object, ...]
    article: str
    article_key: tuple[object, ...]
    bank: Bank | None
    problems: list[Problem]


def _stat_key(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _article_key(path: Path) -> tuple[object, ...]:
    # A CRC rather than a cryptographic hash: with the size and modification time it tells an
    # edited article apart just as well, and needs no hashlib on a hit.
    data = path.read_bytes()
    return (*_stat_key(path), zlib.crc32(data))


class BankCache:
    """Checked banks kept in ``folder``, one file per bank file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _entry_path(self, where: str) -> Path:
        # Two paths sharing a name only cost a rebuild: the entry's key tells them apart.
        path = where.encode()
        return self.folder / f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}.pickle"

    def _key(self, source: BankSource, where: str) -> tuple[object, ...]:
        return (
            FORMAT,
            __version__,
            where,
            source.shown,
            source.origin,
            str(source.root),
            *_stat_key(source.path),
        )

    def load(self, source: BankSource, load: Loading) -> tuple[Bank | None, list[Problem]]:
        """The bank from the cache when it is still valid, else ``load()`` and cached.

        The loader is handed in by the bank loader that uses the cache, so that the cache
        never imports what stands above it.
        """
        try:
            where = str(resolved(source.path))
            key = self._key(source, where)
        except OSError:
            return load()
        entry = self._read(where)
        if entry is not None and entry.key == key:
            try:
                if _article_key(Path(entry.article)) == entry.article_key:
                    return entry.bank, entry.problems
            except OSError:
                pass
        bank, problems = load()
        if bank is not None:
            self._write(where, key, bank, problems)
        return bank, problems

    def _read(self, where: str) -> _Entry | None:
        try:
            with self._entry_path(where).open("rb") as handle:
                entry = pickle.load(handle)
        except Exception:  # a missing, stale or corrupt entry is simply rebuilt
            return None
        return entry if isinstance(entry, _Entry) else None

    def _write(
        self, where: str, key: tuple[object, ...], bank: Bank, problems: list[Problem]
    ) -> None:
        article = resolved(bank.article.path)
        try:
            entry = _Entry(key, str(article), _article_key(article), bank, problems)
        except OSError:
            return  # the article cannot be read again: nothing safe to keep
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        replace_whole(self._entry_path(where), data)  # a cache not written only costs speed


def default_cache() -> BankCache:
    """The cache in the user data directory."""
    from quiz.core.locations import data_dir

    return BankCache(data_dir() / "cache")
