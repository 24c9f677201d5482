"""Proposing evidence for an imported question: the article's sentence that best holds its
right answer, for the teacher to confirm.

An answer found word for word gives its sentence (of several, the one sharing most words with
the question); else the closest passage, found as ``quiz check`` finds it for a misquote (for
an answer of up to :data:`CLOSEST_WORDS` words); else, for a claim reworded from the article,
the sentence sharing most of its longer words, when it shares at least half of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from quiz.core.exchange.incoming import Incoming
from quiz.core.text.closest import bare
from quiz.core.text.evidence import EvidenceIndex
from quiz.core.text.normalize import normalize
from quiz.core.text.sentences import Sentence

CLOSEST_WORDS = 12
"""The longest answer, in words, looked for as a closest passage: the search compares it with
every window of its length around its words, which a whole reworded claim makes slow (about a
tenth of a second each) and rarely finds."""
SHARED = 0.5
"""The share of a claim's longer words a sentence must hold to be proposed for it."""
_LONG = 4


def _words(text: str) -> set[str]:
    return {bare(word) for word in text.split()} - {""}


def _long_words(text: str) -> set[str]:
    return {word for word in _words(text) if len(word) >= _LONG}


class Proposer:
    """Proposes evidence from one article."""

    def __init__(self, index: EvidenceIndex) -> None:
        self.index = index
        self._sentence_words: list[set[str]] | None = None

    def unique(self, quote: str) -> bool:
        """Whether ``quote`` stands exactly once in the article (without the closest-passage
        search a quote not found would cost :meth:`EvidenceIndex.find`)."""
        needle = normalize(quote).strip()
        return bool(needle) and len(self.index.occurrences(needle, limit=2)) == 1

    def sentence_for(self, needle: str, context: set[str]) -> Sentence | None:
        """The sentence that best holds ``needle``, or ``None`` when none is close enough."""
        index = self.index
        normalized = normalize(needle).strip()
        if not normalized:
            return None
        found = index.occurrences(normalized, limit=50)
        places = [index.article.sentence_at(index.normalized.original_offset(p)) for p in found]
        if places:
            return max(places, key=lambda s: (len(_words(s.text) & context), -s.index))
        if len(normalized.split()) <= CLOSEST_WORDS:
            closest = index.closest(normalized)
            if closest:
                return closest[0]
        return self._sharing(needle)

    def _sharing(self, needle: str) -> Sentence | None:
        wanted = _long_words(needle)
        if len(wanted) < 2:
            return None
        sentences = self.index.article.sentences
        if self._sentence_words is None:
            self._sentence_words = [_long_words(s.text) for s in sentences]
        best, most = -1, 0
        for position, words in enumerate(self._sentence_words):
            shared = len(words & wanted)
            if shared > most:
                best, most = position, shared
        if best < 0 or most < SHARED * len(wanted):
            return None
        return sentences[best]

    def propose(self, needles: Sequence[str], context: str) -> tuple[str, ...]:
        """Quotes of the sentences holding ``needles`` (the right answers), in article order;
        empty when no sentence is close enough, or none is unique in the article."""
        words = _words(context)
        chosen: dict[int, str] = {}
        for needle in needles:
            sentence = self.sentence_for(needle, words)
            if sentence is None or sentence.index in chosen:
                continue
            quote = " ".join(sentence.text.split())
            if self.unique(quote):
                chosen[sentence.index] = quote
        return tuple(chosen[i] for i in sorted(chosen))


def place_evidence(questions: Sequence[Incoming], index: EvidenceIndex) -> None:
    """Give each question evidence: the quotes of its general feedback when they are in the
    article once each, else the proposed sentences; a question left without gets a warning."""
    proposer = Proposer(index)
    for question in questions:
        if question.quotes and all(proposer.unique(quote) for quote in question.quotes):
            continue
        text = str(question.fields.get("prompt") or question.fields.get("claim") or "")
        question.quotes = proposer.propose(question.needles, text) if question.needles else ()
        if question.needs_evidence and not question.quotes:
            question.warnings.append(
                "no sentence of the article is close enough to its right answer; it is written "
                'commented out: add evidence = "…" quoting the article, then uncomment it'
            )
