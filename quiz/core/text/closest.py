"""The article's passage most like a quote that is not in it, for the "closest passage" hint.

Only run when a quote is not found, so it may be slower than the lookup itself, but it still only
looks near the words the quote shares with the article: windows of about the quote's length
around each such word, in the few sentences sharing the most of them. A word the article does not
have (a typo, a misspelt name) is matched to the article's nearest-spelt words when the quote
shares no word at all with it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher, get_close_matches
from string import punctuation

from quiz.core.text.article import Article
from quiz.core.text.normalize import NormalizedText, normalize
from quiz.core.text.sentences import Sentence

SENTENCES = 6
"""How many sentences, those sharing the most words with the quote, are searched."""
ANCHORS = 3
"""How many places of shared words are tried in each sentence."""
PLACES = 200
"""How many places of one word are looked at (a word in more is common and says little)."""
ALIKE = 0.6
"""How alike (difflib's ratio, 0 to 1) a passage must be to be offered."""

_WORD = re.compile(r"\S+")
_EDGES = punctuation + "“”‘’«»…"


def bare(word: str) -> str:
    """``word`` as words are compared here: without edge punctuation, case folded."""
    return word.strip(_EDGES).casefold()


class PassageFinder:
    """Finds the closest passage in one article, knowing its indexed words."""

    def __init__(
        self,
        article: Article,
        normalized: NormalizedText,
        words: Iterable[str],
        places: Callable[[str], Sequence[int]],
    ) -> None:
        self.article = article
        self.normalized = normalized
        self.places = places
        self.spellings: dict[str, list[str]] = {}
        """Bare word → the article's indexed words that are it (``Ankara,``, ``Ankara``…)."""
        for word in words:
            self.spellings.setdefault(bare(word), []).append(word)
        self.spellings.pop("", None)

    def closest(self, needle: str) -> tuple[Sentence, str] | None:
        """The passage most like the normalised ``needle`` and its sentence, if one is alike
        enough."""
        parts = needle.split()
        anchors = self._anchors(parts, exact=True) or self._anchors(parts, exact=False)
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(needle.casefold())
        found: list[tuple[float, Sentence, str]] = []
        for sentence, where in self._ranked(anchors):
            for offset, position in where[:ANCHORS]:
                for window in _windows(sentence, offset, position, len(parts)):
                    passage = _trimmed(window, needle)
                    matcher.set_seq1(normalize(passage).casefold())
                    found.append((matcher.ratio(), sentence, passage))
        if not found:
            return None
        top = max(score for score, _, _ in found)
        if top < ALIKE:
            return None
        # Of the passages nearly as alike, the one that covers the quote: "voted 7 to 2" for
        # "voted 7-2", not "voted 7", which would lose the point if copied.
        near = [
            (score, sentence, passage) for score, sentence, passage in found if score >= top - 0.15
        ]
        covering = [c for c in near if len(c[2]) >= len(needle)] or near
        _, sentence, passage = max(covering, key=lambda c: (c[0], -len(c[2])))
        return sentence, passage

    def _anchors(self, parts: list[str], *, exact: bool) -> list[tuple[int, int]]:
        """(original offset, position of the word in the needle) of each word the needle
        shares with the article: the same word, or (not ``exact``) one spelt nearly the same."""
        found: list[tuple[int, int]] = []
        seen: set[str] = set()
        for position, part in enumerate(parts):
            key = bare(part)
            if not key or key in seen:
                continue
            seen.add(key)
            keys = [key] if exact else _near(key, self.spellings)
            for near in keys:
                for word in self.spellings.get(near, ()):
                    places = self.places(word)[:PLACES]
                    offset = self.normalized.original_offset
                    found.extend((offset(p), position) for p in places)
        return found

    def _ranked(
        self, anchors: list[tuple[int, int]]
    ) -> list[tuple[Sentence, list[tuple[int, int]]]]:
        """The sentences holding anchors, those sharing the most words with the needle first
        (then in article order), each with its anchors."""
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for offset, position in sorted(anchors):
            index = self.article.sentences.position_at(offset)
            by_sentence.setdefault(index, []).append((offset, position))
        ranked = sorted(
            by_sentence.items(), key=lambda item: (-len({p for _, p in item[1]}), item[0])
        )
        return [(self.article.sentences[i], where) for i, where in ranked[:SENTENCES]]


def _trimmed(passage: str, needle: str) -> str:
    """``passage`` without the punctuation at its ends that ``needle`` does not have there
    (``Kowalczyk,`` for ``Kowalczik``)."""
    if needle[:1] not in _EDGES:
        passage = passage.lstrip(_EDGES)
    if needle[-1:] not in _EDGES:
        passage = passage.rstrip(_EDGES)
    return passage or needle


def _near(key: str, spellings: dict[str, list[str]]) -> list[str]:
    """The article's bare words spelt most like ``key`` (none for a word under four letters,
    which too many words resemble)."""
    if len(key) < 4:
        return []
    return get_close_matches(key, spellings.keys(), n=3, cutoff=0.75)


def _windows(sentence: Sentence, offset: int, position: int, length: int) -> Iterable[str]:
    """Runs of whole words of ``sentence`` about ``length`` long around the word at original
    ``offset``, which stands at ``position`` in the quote: aligned as in the quote, give or
    take two words at either end."""
    text = sentence.text
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not tokens:
        return
    starts = [start for start, _ in tokens]
    at = max(bisect_right(starts, offset - sentence.start) - 1, 0)
    aligned = at - position
    for first in range(aligned - 2, aligned + 3):
        for last in range(first + length - 3, first + length + 2):
            if 0 <= first <= at <= last < len(tokens):
                yield text[tokens[first][0] : tokens[last][1]]
