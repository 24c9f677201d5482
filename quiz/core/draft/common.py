"""What every drafting rule shares: the drafted question, word tokens and small text helpers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from quiz.core.text.normalize import loose, normalize
from quiz.core.text.sentences import Sentence

Span = tuple[int, int]
"""A ``[start, end)`` span of the article text."""

_WORD = re.compile(r"[^\W_](?:[\w’'.\-]*[^\W_])?")
_SLUG = re.compile(r"[^a-z0-9]+")
_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]")


@dataclass(frozen=True)
class Token:
    """One word of a sentence, with its span in the article text."""

    text: str
    """The word as written (inner dots, hyphens and apostrophes kept)."""
    start: int
    """Offset of its first character in the article."""
    end: int
    """Offset just past it."""

    @property
    def capitalized(self) -> bool:
        """Whether it starts with an upper-case letter."""
        return self.text[:1].isupper()


def tokens(sentence: Sentence) -> list[Token]:
    """The words of ``sentence``, each with its article span."""
    base = sentence.start
    text = sentence.text
    out: list[Token] = []
    for m in _WORD.finditer(text):
        word, end = m.group(), m.end()
        if text[end : end + 1] == "." and _DOTTED.fullmatch(word):
            word, end = word + ".", end + 1  # "U.S." keeps its last dot
        out.append(Token(word, base + m.start(), base + end))
    return out


@dataclass
class Draft:
    """One drafted question, before it gets an id and unique evidence."""

    rule: str
    """The rule that made it, such as ``dates/absolute``; written as a comment."""
    tag: str
    """Its tag: dates, actors, quotes, sanctions, numbers or claims."""
    kind: str
    """choice, multi, text, claim or order."""
    key: str
    """What its id is made from (the answer, usually)."""
    sentence: Sentence
    """The sentence it asks about (for ordering and the explanation)."""
    evidence: tuple[Span, ...]
    """Spans to quote; each is widened until it is found once in the article."""
    prompt: str = ""
    """The question (choice, multi, text)."""
    options: tuple[str, ...] = ()
    """The options (choice, multi)."""
    answer: str = ""
    """The right option (choice)."""
    answers: tuple[str, ...] = ()
    """The right options (multi)."""
    accept: tuple[str, ...] = ()
    """The accepted spellings (text)."""
    items: tuple[str, ...] = ()
    """The items in their right order (order)."""
    plain: str = ""
    """The prompt without its owner ("To how much was the fine cut?" for "To how much did the
    High Court cut the fine?"), for when another question asks the owner; empty when none."""
    claim: str = ""
    """The claim (claim)."""
    verdict: str = ""
    """supported or refuted (claim)."""
    explanation: str = ""
    """Why the answer is right, citing the sentence label."""
    quotes: tuple[str, ...] = field(default=())
    """The unique evidence quotes, filled in once resolved."""


def clean(text: str) -> str:
    """``text`` on one line, with runs of white space as one space."""
    return " ".join(text.split())


def shorten(text: str, words: int = 28) -> str:
    """``text`` cut to about ``words`` words, with an ellipsis where it was cut."""
    parts = clean(text).split(" ")
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:") + " …"


def slugify(text: str, limit: int = 40) -> str:
    """``text`` as lowercase ASCII letters, digits and single hyphens (maybe empty)."""
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    slug = _SLUG.sub("-", ascii_text).strip("-")
    return slug[:limit].rstrip("-")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The form options are compared in: case, accents and punctuation do not count."""
    return loose(text) or normalize(text).casefold()


def distinct(values: list[str] | tuple[str, ...], limit: int) -> list[str]:
    """The first ``limit`` of ``values`` that differ after :func:`fold`, in order."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        key = fold(value)
        if not value.strip() or key in seen:
            continue
        seen.add(key)
        kept.append(value)
        if len(kept) == limit:
            break
    return kept


def separate(values: list[str], limit: int) -> list[str]:
    """Like :func:`distinct`, and leaving out a value inside another ("State Department" after
    "State Department spokesperson"), so no option is a part of another."""
    kept: list[str] = []
    folded: list[str] = []
    for value in distinct(values, len(values)):
        key = fold(value)
        if any(key in f or f in key for f in folded):
            continue
        kept.append(value)
        folded.append(key)
        if len(kept) == limit:
            break
    return kept


class Pool:
    """Distinct values (by :func:`fold`) in the order first met, to pick neighbours from."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self.where: dict[str, int] = {}

    def add(self, value: str) -> None:
        """Add ``value`` unless an equal one is in."""
        key = fold(value)
        if key not in self.where:
            self.where[key] = len(self.values)
            self.values.append(value)

    def near(self, value: str, limit: int) -> list[str]:
        """Up to ``limit`` other values, the nearest to ``value`` (in order met) first."""
        at = self.where.get(fold(value), 0)
        out: list[str] = []
        for step in range(1, len(self.values)):
            for i in (at - step, at + step):
                if 0 <= i < len(self.values):
                    out.append(self.values[i])
            if len(out) >= limit or step > limit + 1:
                break
        return out[:limit]


def rotate(options: list[str], seed: str) -> list[str]:
    """``options`` turned by an amount taken from ``seed``, so answers are not always first."""
    if not options:
        return options
    turn = sum(map(ord, seed)) % len(options)
    return options[turn:] + options[:turn]


def cloze(sentence: Sentence, start: int, end: int, words: int = 14) -> str:
    """``sentence`` with ``[start, end)`` (article offsets) blanked, cut to a window around it."""
    text = sentence.text
    before = clean(text[: start - sentence.start]).split(" ") if start > sentence.start else []
    after = clean(text[end - sentence.start :]).split(" ")
    before = [w for w in before if w]
    after = [w for w in after if w]
    lead = "… " if len(before) > words else ""
    tail = " …" if len(after) > words else ""
    joined = around(" ".join(before[-words:]), "___", " ".join(after[:words]))
    return quoted(f"{lead}{joined}{tail}")


def around(left: str, middle: str, right: str) -> str:
    """``middle`` between the words ``left`` and ``right``, spaced as the sentence had them: no
    space after an opening mark, none before a comma or a closing one."""
    joined = (left + " " if left and not left.endswith(("“", '"', "(", "‘")) else left) + middle
    if right:
        joined += right if right[:1] in ",.;:’”\"')" or right.startswith("’s") else " " + right
    return joined


def quoted(text: str) -> str:
    """``text`` in quotation marks, unless it opens or closes with its own (a sentence that
    is or ends in a quote would otherwise show doubled marks, ``““I’ve…``, ``…disagree.””``)."""
    if text.startswith(("“", '"')) or text.endswith(("”", '"')):
        return text
    return f"“{text}”"


def label_of(sentence: Sentence) -> str:
    """The sentence's place, as the explanation cites it."""
    return sentence.label
