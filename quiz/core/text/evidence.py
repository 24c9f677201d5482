"""Resolving evidence quotes to the article's sentences and exact spans.

Each article is normalised once and indexed by its words (white-space separated tokens of the
normalised text). A quote is looked up through the rarest of its inner words, so checking that it
occurs exactly once costs a few dictionary look-ups, not a scan of the article.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from quiz.core.text.article import Article
from quiz.core.text.normalize import NormalizedText, normalize, normalize_with_map
from quiz.core.text.sentences import Sentence

if TYPE_CHECKING:
    from mmap import mmap

    from quiz.core.text.closest import PassageFinder

WordPlaces = dict[str, "int | list[int] | bytes | array[int]"]
"""Word → where it starts in the normalised text: one offset for a word found once, else a list
of them (bytes of an ``array("i")`` when read from disk), or :data:`COMMON` for a common word."""

COMMON = -1
"""Marks a word found in more than :data:`MOST_PLACES` places, whose places are not kept: a quote
is looked up through its rarer words, and one made only of common words by scanning the text.
(In a long article the few most common words hold most of the places.)"""
MOST_PLACES = 64


@dataclass(frozen=True)
class Evidence:
    """A quote found once in the article."""

    quote: str
    """The quote as the bank gives it."""
    start: int
    """Offset of the quoted span in the article text."""
    end: int
    """Offset just past the quoted span."""
    sentences: tuple[int, ...]
    """Global indices (from 1) of the sentences the span touches."""


class EvidenceNotFound(ValueError):
    """The quote is not in the article; ``closest`` is the nearest passage, if any."""

    def __init__(self, quote: str, closest: tuple[Sentence, str] | None) -> None:
        super().__init__(quote)
        self.quote = quote
        self.closest = closest


class EvidenceAmbiguous(ValueError):
    """The quote occurs ``count`` times; ``places`` are the first sentences it occurs in."""

    def __init__(self, quote: str, places: tuple[Sentence, ...], count: int) -> None:
        super().__init__(quote)
        self.quote = quote
        self.places = places
        self.count = count

    def describe_places(self) -> str:
        """``¶1 s2 (twice), ¶5 s1``: where it occurs, each sentence named once."""
        times: dict[str, int] = {}
        for sentence in self.places:
            times[sentence.label] = times.get(sentence.label, 0) + 1
        words = {1: "", 2: " (twice)"}
        text = ", ".join(f"{label}{words.get(n, f' ({n} times)')}" for label, n in times.items())
        return text + (", …" if self.count > len(self.places) else "")


_WORD_BYTES = frozenset(b for b in range(128) if chr(b).isalnum())
"""The ASCII letters and digits, as bytes of a mapped article."""


class EvidenceIndex:
    """An article normalised once, with its words indexed, for resolving quotes."""

    def __init__(self, article: Article) -> None:
        self.article = article
        normalized = normalize_with_map(article.text)
        self._normalized: NormalizedText | None = normalized
        self._normalized_later: Callable[[], NormalizedText] | None = None
        self._text: str | None = normalized.text
        self._mapped: tuple[mmap, int] | None = None
        words = normalized.text.split(" ")
        starts = accumulate((len(w) + 1 for w in words[:-1]), initial=0)
        index: WordPlaces = {}
        for word, start in zip(words, starts, strict=True):
            found = index.get(word)
            if found is None:
                index[word] = start
            elif type(found) is int:
                index[word] = [found, start]
            else:
                found.append(start)  # type: ignore[union-attr]
        for word, found in index.items():
            if type(found) is list and len(found) > MOST_PLACES:
                index[word] = COMMON
        self._words = index
        self._finder: PassageFinder | None = None

    @classmethod
    def restore(
        cls,
        article: Article,
        normalized: NormalizedText | Callable[[], NormalizedText],
        words: WordPlaces,
        mapped: tuple[mmap, int] | None = None,
    ) -> EvidenceIndex:
        """The index of ``article`` from parts kept earlier (see :meth:`word_places`).

        ``normalized`` may be a function that gives it when first needed, if ``mapped`` holds
        its text in ASCII (a memory-mapped file and where the text starts in it): quotes are
        then checked against the file's bytes, without making the text a string.
        """
        index = cls.__new__(cls)
        index.article = article
        index._words = words
        index._mapped = mapped
        index._finder = None
        if isinstance(normalized, NormalizedText):
            index._normalized, index._normalized_later = normalized, None
            index._text = normalized.text
        else:
            assert mapped is not None, "a normalised text made later needs its mapped bytes"
            index._normalized, index._normalized_later = None, normalized
            index._text = None
        return index

    @property
    def normalized(self) -> NormalizedText:
        """The article's text in evidence form, with the way back to the original offsets."""
        if self._normalized is None:
            assert self._normalized_later is not None
            self._normalized = self._normalized_later()
            self._normalized_later = None
            self._text = self._normalized.text  # quotes are now checked against the string
        return self._normalized

    def word_places(self) -> dict[str, int | bytes]:
        """The word index in a compact form for keeping on disk."""
        return {word: _compact(places) for word, places in self._words.items()}

    def _places(self, word: str) -> Sequence[int]:
        found = self._words.get(word)
        if found is None:
            return ()
        if type(found) is int:
            return (found,) if found != COMMON else ()
        if type(found) is bytes:
            found = self._words[word] = array("i", found)
        return found  # type: ignore[return-value]

    def occurrences(self, needle: str, limit: int | None = None) -> list[int]:
        """Every start (overlapping ones too) of the normalised ``needle`` in the article; with
        ``limit``, the search may stop once it has found that many (enough to tell one place
        from several without scanning a long, repetitive text to its end)."""
        # Every occurrence of the needle has each of its inner words (not the first or last,
        # which may be parts of words) as a whole word of the article: look them up in turn
        # until one stands in few places, then check the needle at each of them.
        parts = needle.split(" ")
        words = self._words
        best = ""
        offset = best_offset = len(parts[0]) + 1  # where the inner word looked up starts
        fewest = -1
        for word in parts[1:-1]:
            found = words.get(word)
            if found is None:
                return []  # a word the article does not have
            if type(found) is int:
                if found != COMMON:  # the word's only place: the needle is there or nowhere
                    found -= offset
                    return [found] if self._stands_at(needle, found) else []
            else:
                count = len(found) >> 2 if type(found) is bytes else len(found)  # type: ignore[arg-type]
                if fewest < 0 or count < fewest:
                    best, best_offset, fewest = word, offset, count
                    if count <= 4:  # few enough
                        break
            offset += len(word) + 1
        if not best:  # no inner word, or only common ones
            return self._scan(needle, limit)
        starts = [p - best_offset for p in self._places(best)]
        return [p for p in starts if self._stands_at(needle, p)]

    def _stands_at(self, needle: str, start: int) -> bool:
        """Whether ``needle`` stands at ``start`` in the normalised text."""
        if start < 0:
            return False
        text = self._text
        if text is not None:
            return text.startswith(needle, start)
        data, base = self._mapped  # type: ignore[misc]
        raw = needle.encode()
        return data[base + start : base + start + len(raw)] == raw

    def _scan(self, needle: str, limit: int | None = None) -> list[int]:
        """Every start of ``needle`` (up to ``limit`` of them), found by scanning the text (for
        a needle with no inner word to look up, or only common ones)."""
        text = self.normalized.text
        found: list[int] = []
        at = text.find(needle)
        while at >= 0 and needle and len(found) != limit:
            found.append(at)
            at = text.find(needle, at + 1)
        return found

    def find(self, quote: str, needle: str | None = None) -> int:
        """Where ``quote`` stands in the normalised text, checking it stands there only
        (``needle``: the quote normalised, when the caller has it already).

        Raises :class:`EvidenceNotFound` or :class:`EvidenceAmbiguous` otherwise.
        """
        if needle is None:
            needle = normalize(quote).strip()
        found = self.occurrences(needle) if needle else []
        if len(found) != 1:
            if not found:
                raise EvidenceNotFound(quote, self.closest(needle))
            places = tuple(
                self.article.sentence_at(self.normalized.original_offset(p)) for p in found[:12]
            )
            raise EvidenceAmbiguous(quote, places, len(found))
        return found[0]

    def cut_words(self, needle: str, at: int) -> str:
        """Which ends of ``needle``, standing at ``at``, fall inside a word of the article:
        ``""``, ``"starts"``, ``"ends"`` or ``"starts and ends"`` (``ld, who ch``)."""
        end = at + len(needle)
        text = self._text
        if text is not None:
            starts = at > 0 and text[at - 1].isalnum() and needle[0].isalnum()
            ends = end < len(text) and text[end].isalnum() and needle[-1].isalnum()
        else:  # an ASCII article, checked in place: a byte is a character
            data, base = self._mapped  # type: ignore[misc]
            starts = at > 0 and data[base + at - 1] in _WORD_BYTES and needle[0].isalnum()
            ends = base + end < len(data) and data[base + end] in _WORD_BYTES
            ends = ends and needle[-1].isalnum()
        if starts and ends:
            return "starts and ends"
        return "starts" if starts else "ends" if ends else ""

    def resolve(self, quote: str, needle: str | None = None, at: int | None = None) -> Evidence:
        """The single place ``quote`` stands in the article: its span and sentences (``at``:
        where :meth:`find` found it, when the caller has it already).

        Raises :class:`EvidenceNotFound` or :class:`EvidenceAmbiguous` as :meth:`find` does.
        """
        if needle is None:
            needle = normalize(quote).strip()
        if at is None:
            at = self.find(quote, needle)
        start, end = self.normalized.original_span(at, at + len(needle))
        head = quote.lstrip()[:1]
        if head and start > 0 and normalize(head)[:1] == " ":
            # NFKC made the quote's first character a space and a mark (``¯``, ``´``), and the
            # space was stripped: the span starts one character sooner, with that character.
            start -= 1
        sentences = self.article.sentences
        first = sentences.position_at(start)
        stop = max(end - 1, start)
        last = first if stop < sentences.ends[first] else sentences.position_at(stop)
        return Evidence(quote, start, end, tuple(range(first + 1, last + 2)))

    def closest(self, needle: str) -> tuple[Sentence, str] | None:
        """The passage most like the normalised ``needle`` and its sentence, if one is alike
        enough (see :mod:`quiz.core.text.closest`)."""
        if self._finder is None:
            from quiz.core.text.closest import PassageFinder

            self._finder = PassageFinder(
                self.article, self.normalized, self._words.keys(), self._places
            )
        return self._finder.closest(needle)


def _compact(places: int | list[int] | bytes | array[int]) -> int | bytes:
    """A word's places as kept on disk: one as an int, several as an ``array("i")``'s bytes."""
    if isinstance(places, (int, bytes)):
        return places
    return array("i", places).tobytes()
