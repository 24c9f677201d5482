"""An article's sentences: numbered ``¶p sN`` and globally, with their spans in its text.

They are kept as integer arrays of spans and made into :class:`Sentence` objects on demand; the
text itself may be read only when first needed (see :meth:`Sentences.deferred`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article."""

    index: int
    """Global number, from 1."""
    paragraph: int
    """Paragraph number, from 1."""
    number: int
    """Number within its paragraph, from 1."""
    start: int
    """Offset of the first character in the article text."""
    end: int
    """Offset just past the last character."""
    text: str
    """The sentence as it stands in the article."""

    @property
    def label(self) -> str:
        """Its place in the article, as shown to players: ``¶6 s1``."""
        return f"¶{self.paragraph} s{self.number}"


class Sentences(Sequence[Sentence]):
    """An article's sentences, kept as spans and made into :class:`Sentence` objects on demand.

    A long article has thousands of sentences and most uses touch a few: checking a bank only
    needs the ones its evidence falls in. The spans are plain integer arrays, cheap to store.
    """

    __slots__ = ("_made", "_text", "_text_of", "ends", "numbers", "paragraphs", "starts")

    def __init__(
        self,
        text: str,
        starts: array[int],
        ends: array[int],
        paragraphs: array[int],
        numbers: array[int],
    ) -> None:
        self._text: str | None = text
        self._text_of: Callable[[], str] | None = None
        self.starts = starts
        """Where each sentence starts in the text, in order."""
        self.ends = ends
        """Where each sentence ends."""
        self.paragraphs = paragraphs
        """Each sentence's paragraph number."""
        self.numbers = numbers
        """Each sentence's number within its paragraph."""
        self._made: dict[int, Sentence] = {}

    @classmethod
    def deferred(
        cls,
        text_of: Callable[[], str],
        starts: array[int],
        ends: array[int],
        paragraphs: array[int],
        numbers: array[int],
    ) -> Sentences:
        """Sentences split earlier, whose text ``text_of()`` gives when first needed: checking a
        bank that cites the article correctly never needs it, and reading and decoding 1 MB
        costs about a millisecond."""
        sentences = cls("", starts, ends, paragraphs, numbers)
        sentences._text = None
        sentences._text_of = text_of
        return sentences

    @property
    def text(self) -> str:
        """The article's whole text."""
        if self._text is None:
            assert self._text_of is not None
            self._text = self._text_of()
            self._text_of = None
        return self._text

    def __len__(self) -> int:
        return len(self.starts)

    def _make(self, i: int) -> Sentence:
        made = self._made.get(i)
        if made is None:
            start, end = self.starts[i], self.ends[i]
            made = self._made[i] = Sentence(
                i + 1, self.paragraphs[i], self.numbers[i], start, end, self.text[start:end]
            )
        return made

    @overload
    def __getitem__(self, i: int) -> Sentence: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Sentence, ...]: ...
    def __getitem__(self, i: int | slice) -> Sentence | tuple[Sentence, ...]:
        if isinstance(i, slice):
            return tuple(self._make(n) for n in range(*i.indices(len(self.starts))))
        if i < 0:
            i += len(self.starts)
        if not 0 <= i < len(self.starts):
            raise IndexError("no such sentence")
        return self._make(i)

    def __iter__(self) -> Iterator[Sentence]:
        return (self._make(i) for i in range(len(self.starts)))

    def position_at(self, offset: int) -> int:
        """The position (from 0) of the sentence holding ``offset``, else the nearest before."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentences):
            return NotImplemented
        mine = (self.starts, self.ends, self.paragraphs, self.numbers, self.text)
        return mine == (other.starts, other.ends, other.paragraphs, other.numbers, other.text)

    def __hash__(self) -> int:
        return hash((len(self.starts), self.text))

    def __reduce__(self) -> tuple[object, ...]:
        return (Sentences, (self.text, self.starts, self.ends, self.paragraphs, self.numbers))
