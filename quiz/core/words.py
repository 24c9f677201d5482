"""Counting in words: ``1 entry``, ``2 entries``. Ground floor: imports nothing of the app."""

from __future__ import annotations

_IRREGULAR = {"entry": "entries"}


def plural(count: int, word: str) -> str:
    """``1 question``, ``2 questions``; ``1 entry``, ``2 entries``."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {_IRREGULAR.get(word, word + 's')}"


def a_or_an(word: str) -> str:
    """``word`` after its indefinite article: ``a choice``, ``an order``."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def sentence(text: str) -> str:
    """``text`` with a full stop at the end, unless it ends a sentence already: ``Deleted 1
    attempt of Dave, Jr.``, not ``Jr..``."""
    return text if text.rstrip().endswith((".", "!", "?")) else f"{text}."
