"""Evidence quotes that ``quiz check`` finds exactly once: a span of the article, widened word by
word (right, then left, inside its sentence first) until it is unique."""

from __future__ import annotations

from collections import Counter

from quiz.core.text.evidence import EvidenceAmbiguous, EvidenceIndex, EvidenceNotFound
from quiz.core.text.normalize import normalize

MIN_WORDS = 3
MAX_WORDS = 60
RARE = 48


class Quoter:
    """Makes unique evidence quotes from spans of one article."""

    def __init__(self, index: EvidenceIndex) -> None:
        self.index = index
        self.text = index.article.text
        self.words = Counter(index.normalized.text.split(" "))

    def _count(self, start: int, end: int) -> int:
        needle = normalize(self.text[start:end]).strip()
        return len(self.index.occurrences(needle, limit=2)) if needle else 0

    def _rare(self, start: int, end: int) -> bool:
        """Whether an inner word of the span is rare enough for a cheap look-up."""
        inner = normalize(self.text[start:end]).strip().split(" ")[1:-1]
        return any(self.words.get(w, 0) <= RARE for w in inner)

    def _left(self, start: int, floor: int) -> int:
        """The start of the word before ``start`` (not below ``floor``)."""
        text = self.text
        i = start
        while i > floor and text[i - 1].isspace():
            i -= 1
        while i > floor and not text[i - 1].isspace():
            i -= 1
        return i

    def _right(self, end: int, ceiling: int) -> int:
        """The end of the word after ``end`` (not past ``ceiling``)."""
        text = self.text
        i = end
        while i < ceiling and text[i].isspace():
            i += 1
        while i < ceiling and not text[i].isspace():
            i += 1
        return i

    def unique(self, start: int, end: int, floor: int, ceiling: int) -> str | None:
        """The shortest widening of ``[start, end)`` found once in the article, or ``None``.

        It grows inside ``[floor, ceiling)`` (the sentence) first, then past it.
        """
        text = self.text
        start = (
            self._left(start + 1, 0) if start < len(text) and not text[start].isspace() else start
        )
        while start < end and text[start].isspace():
            start += 1
        end = self._right(end - 1, len(text)) if end > 0 and not text[end - 1].isspace() else end
        bounds = ((floor, ceiling), (0, len(text)))
        for low, high in bounds:
            low, high = min(low, start), max(high, end)
            while (start > low or end < high) and (
                len(text[start:end].split()) < MIN_WORDS or not self._rare(start, end)
            ):
                if len(text[start:end].split()) > MAX_WORDS:
                    return None  # no rare word near: a text repeated over and over
                end, start = self._grow(start, end, low, high)
            while True:
                if len(text[start:end].split()) > MAX_WORDS:
                    return None
                if self._count(start, end) == 1:
                    return self._verified(text[start:end])
                if start <= low and end >= high:
                    break
                end, start = self._grow(start, end, low, high)
        return None

    def _grow(self, start: int, end: int, low: int, high: int) -> tuple[int, int]:
        """One more word, to the right when there is room, else to the left."""
        if end < high:
            return self._right(end, high), start
        return end, self._left(start, low)

    def _verified(self, quote: str) -> str | None:
        quote = quote.strip()
        try:
            self.index.resolve(quote)
        except (EvidenceNotFound, EvidenceAmbiguous):
            return None
        return " ".join(quote.split())
