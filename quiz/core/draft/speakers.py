"""Who a quotation is from: the speaker a noun phrase names (a person beside a role is that
person; a possessor is not the speaker), and whom "he said" or "it said" points to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.core.draft.common import fold
from quiz.core.draft.context import Context
from quiz.core.draft.gazetteer import ROLES
from quiz.core.draft.mentions import Mention
from quiz.core.text.sentences import Sentence

_NP_END = re.compile(
    r"\s+(?:on|in|at|to|during|after|before|when|who|which|that|about|for|from|with|as|in)\s|—|–"
)
_PRONOUNS = frozenset("he she they it".split())


@dataclass(frozen=True)
class Quotation:
    """A direct quotation."""

    start: int
    """Offset of its opening mark."""
    end: int
    """Offset just past its closing mark."""
    sentence: Sentence
    """The sentence it starts in."""
    last: Sentence
    """The sentence it ends in."""

    def inner(self, text: str) -> str:
        """The quoted words, without marks or a trailing comma."""
        return text[self.start + 1 : self.end - 1].strip().rstrip(",").strip()


@dataclass(frozen=True)
class Speaker:
    """Who said it, as the options name it, and where the article names it so."""

    name: str
    """The name or role, as written: "Erdogan", "State Department spokesperson"."""
    key: str
    """Same speaker, same key."""
    start: int
    """Offset of the name."""
    end: int
    """Offset just past it."""
    kind: str = ""
    """person, org or place when the speaker is a named actor; "" for a role alone."""


def speaker_of(
    ctx: Context, start: int, end: int, q: Quotation, previous: tuple[Quotation, Speaker] | None
) -> Speaker | None:
    """The speaker named by the noun phrase ``text[start:end]`` (cut at a preposition)."""
    text = ctx.article.text
    cut = _NP_END.search(text, start, end)
    if cut:
        end = cut.start()
    np = text[start:end].strip()
    if not np or len(np.split()) > 6:
        return None
    start = text.index(np, start)
    end = start + len(np)
    mentions = [m for m in ctx.cast.in_span(start, end) if m.kind in ("person", "org", "place")]
    words = np.split()
    role = words[-1].lower() in ROLES or words[-1].lower() in ("official", "officials", "source")
    if role:
        named = _apposed(ctx, start, end)
        if named is not None:
            return named  # "its spokesperson, Daniel Pryce": one actor, asked by the name
    if mentions and not (role and mentions[-1].end < end):
        m = _main(ctx, mentions)
        return named_speaker(ctx, m)
    if role:
        first = words[0].lower()
        if first in ("the", "a", "an", "its", "his", "her", "their") and len(words) > 1:
            if first == "the" and previous is not None and previous[1].name.endswith(words[-1]):
                return previous[1]
            if first != "the" or _role_of_someone(ctx, words[-1]):
                return None  # "its spokesperson" may be anyone; the named one is asked by name
            known = _earlier_role(ctx, words[-1], start)
            if known is not None:
                return known
            words = words[1:]
            start = text.index(words[0], start)
        if _role_of_someone(ctx, words[-1]):
            return None  # a named person holds this role: the role is that person, not another
        if words[0][:1].isupper() or len(words) > 1:
            name = text[start:end]
            return Speaker(name, fold(name), start, end)
    pronoun = words[0].lower() in _PRONOUNS and len(words) == 1
    if pronoun:
        return _pronoun(ctx, words[0].lower(), q, previous)
    return None


def named_speaker(ctx: Context, m: Mention) -> Speaker:
    """The speaker a mention of an actor names."""
    return Speaker(m.text, m.key, m.start, m.end, ctx.cast.entities[m.key].kind)


def _apposed(ctx: Context, start: int, end: int) -> Speaker | None:
    """The person named beside a role, set off by a comma: "its spokesperson, Daniel Pryce" or
    "Daniel Pryce, its spokesperson"."""
    text = ctx.article.text
    after = re.match(r",\s*", text[end : end + 3])
    if after:
        at = end + after.end()
        for m in ctx.cast.in_span(at, at + 80):
            if m.start == at and m.kind == "person":
                return named_speaker(ctx, m)
    floor = max(start - 4, 0)
    before = re.search(r",\s*$", text[floor:start])
    if before:
        at = floor + before.start()
        for m in ctx.cast.in_span(max(at - 80, 0), at):
            if m.end == at and m.kind == "person":
                return named_speaker(ctx, m)
    return None


def _role_of_someone(ctx: Context, noun: str) -> bool:
    """Whether the article names a person with the role ``noun`` ("spokesperson")."""
    noun = noun.lower()
    return any(
        m.kind == "person" and m.role and m.role.split()[-1].lower() == noun
        for m in ctx.cast.mentions
    )


def _pronoun(
    ctx: Context, pronoun: str, q: Quotation, previous: tuple[Quotation, Speaker] | None
) -> Speaker | None:
    """Who "he said" or "it said" is: the one person (or, for "it", organisation) named in this
    paragraph and the one before, else the last speaker if no one else was named since, else
    nobody (a quotation left out rather than given to a guess)."""
    found = one_named(ctx, pronoun, q.sentence, q.start)
    if found is not None or previous is None:
        return found
    if q.sentence.paragraph - previous[0].last.paragraph > 1:
        return None
    # "he said" is the last speaker only if no one else was named since: "Mayor Brekke said ...
    # “…,” he said" after a quotation of Dr. Vos is Brekke's, not hers.
    between = ctx.cast.in_span(previous[0].end, q.start)
    if any(m.kind == "person" and m.key != previous[1].key for m in between):
        return None
    wanted = "org" if pronoun == "it" else "person"
    return previous[1] if previous[1].kind == wanted else None


def one_named(ctx: Context, pronoun: str, sentence: Sentence, at: int) -> Speaker | None:
    """Who "he" or "she" (a person) or "it" (an organisation) at offset ``at`` is: the one of
    that kind named in its paragraph before it, or, when none is, in the paragraph before."""
    if pronoun not in ("he", "she", "it"):
        return None
    wanted = "org" if pronoun == "it" else "person"
    sentences = ctx.article.sentences
    i = sentence.index - 1
    for paragraph in (sentence.paragraph, sentence.paragraph - 1):
        while i > 0 and sentences[i - 1].paragraph >= paragraph:
            i -= 1
        floor = sentences[i].start
        named = [
            m
            for m in ctx.cast.in_span(floor, at)
            if m.kind == wanted and not ctx.quoted_in(m.start) and m.sentence.paragraph == paragraph
        ]
        if named:
            keys = {m.key for m in named}
            return named_speaker(ctx, named[-1]) if len(keys) == 1 else None
        if i == 0:
            break
        i -= 1
    return None


def _main(ctx: Context, mentions: list[Mention]) -> Mention:
    """The mention that names the speaker: the first person who is not a possessor ("Professor
    Ruud Bakker of the University of Groningen", "Quikbite's counsel Tobias Lindqvist"), else the
    last actor."""
    text = ctx.article.text
    people = [
        m for m in mentions if m.kind == "person" and text[m.end : m.end + 2] not in ("’s", "'s")
    ]
    return people[0] if people else mentions[-1]


def _earlier_role(ctx: Context, noun: str, before: int) -> Speaker | None:
    """The last "X spokesperson" named before ``before``, for a later "the spokesperson"."""
    text = ctx.article.text
    pattern = re.compile(rf"(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w.’'-]*\s+){{1,4}}{re.escape(noun)})")
    found = None
    for m in pattern.finditer(text, max(before - 20_000, 0), before):
        found = m
    if found is None:
        return None
    name = found.group(1)
    return Speaker(name, fold(name), found.start(1), found.end(1))
