"""Counting in words: ``1 entry``, ``2 entries``. Ground floor: imports nothing of the app."""

from __future__ import annotations

_IRREGULAR = {"entry": "entries"}


def plural(count: int, word: str) -> str:
    """``1 question``, ``2 questions``; ``1 entry``, ``2 entries``."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {_IRREGULAR.get(word, word + 's')}"
