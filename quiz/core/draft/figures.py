"""Figures tied to whom they belong to: a fine ("How much did the regulator fine Dashly?"), a
sum cut or raised ("To how much did the High Court cut the fine?"), and a vote ("By how many
votes to how many did the court rule?"), rather than a bare number in a gap."""

from __future__ import annotations

import re

from quiz.core.draft.common import Draft, distinct, rotate
from quiz.core.draft.context import Context
from quiz.core.draft.mentions import NumberMention
from quiz.core.draft.numbers import WORDS, variants
from quiz.core.draft.quotes import reported_speech

_FINED = re.compile(
    r"\bfined\s+(?P<obj>[^,.;:“”\"]{2,60}?)\s+(?:a\s+total\s+of\s+|a\s+record\s+|about\s+"
    r"|some\s+|nearly\s+|almost\s+)?$"
)
_FINE_AGAINST = re.compile(
    r"^\s+fine\s+(?:against|on|for)\s+(?P<obj>[^,.;:“”\"]{2,50}?)(?=[,.;]|\s+(?:for|over|after"
    r"|because|ruling|in|on|last|this|which|that)\b)"
)
_CHANGED = re.compile(
    r"\b(?P<verb>cut|reduced|raised|increased|lowered)\s+"
    r"(?P<what>(?:the|its|their)\s+[a-z ]{2,30}?)\s+to\s+(?:about\s+|nearly\s+)?$"
)
_COUNTED_VERB = re.compile(
    r"\b(?P<verb>[a-z]{2,}ed)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|only\s+)?$"
)
_COUNTED_NOUN = re.compile(
    r"^\s+(?P<noun>(?:(?:new|other|more|extra)\s+)?[a-z][a-z-]+s)\b(?!\s+of\b)"
)
_NOT_COUNTED = frozenset("percent times years months weeks days hours minutes points".split())
_VOTES = re.compile(r"^\s+votes?\s+to\s+(?P<other>[a-z]+|\d+)\b")
_PAST = {"cut": "cut", "reduced": "reduce", "raised": "raise", "increased": "increase"}
_PAST["lowered"] = "lower"


def _subject(ctx: Context, n: NumberMention, before: int, first: bool = False) -> str:
    """Who acts in the sentence before offset ``before``: the last actor named (or the first,
    the sentence's subject), with its "the"."""
    text = ctx.article.text
    floor = ctx.body(n.sentence).start
    actors = [
        m
        for m in ctx.cast.in_span(floor, before)
        if m.kind in ("org", "person", "place") and not ctx.quoted_in(m.start)
    ]
    if not actors:
        return ""
    m = actors[0] if first else actors[-1]
    if text[max(m.start - 4, 0) : m.start].lower() == "the ":
        return f"the {m.text}"
    return m.text


def _agent(ctx: Context, n: NumberMention, verb: int) -> str:
    """The actor named right before the verb at ``verb`` ("The Commission opened"), "" when the
    doer is someone unnamed ("investigators had traced") or a place ("a fire in Łódź killed")."""
    text = ctx.article.text
    floor = ctx.body(n.sentence).start
    for m in ctx.cast.in_span(floor, verb):
        between = text[m.end : verb]
        if m.kind in ("org", "person") and re.fullmatch(r"\s+(?:has\s+|have\s+|had\s+)?", between):
            if re.search(
                r"\b(?:in|of|at|from|near|for|with)\s+(?:the\s+)?$", text[floor : m.start]
            ):
                return ""
            the = text[max(m.start - 4, 0) : m.start].lower() == "the "
            return f"the {m.text}" if the else m.text
    return ""


def _vote(n: NumberMention, other: str) -> tuple[str, list[str]] | None:
    """ "four votes to one" and made-up votes beside it."""
    words = n.text.lower() in WORDS and other in WORDS
    if words:
        a, b = WORDS.index(n.text.lower()), WORDS.index(other)
    elif n.text.isdigit() and other.isdigit():
        a, b = int(n.text), int(other)
    else:
        return None

    def say(x: int, y: int) -> str:
        if words:
            return f"{WORDS[x]} votes to {WORDS[y]}"
        return f"{x} votes to {y}"

    picks = [(a - 1, b + 1), (a + 1, b - 1), (a, b + 1), (a + 1, b), (b, a)]
    top = len(WORDS) if words else 10_000
    made = [say(x, y) for x, y in picks if 0 <= x < top and 0 <= y < top and (x, y) != (a, b)]
    return say(a, b), made


_PLURAL = re.compile(
    r"(?:\d|two|three|four|five|six|seven|eight|nine|ten|both|all|some|several|many)\b"
    r"|.*(?:companies|firms|banks|groups|people|men|women|users|couriers)$",
    re.I,
)
"""What a fine's object starts or ends with when it is many ("two of the companies")."""


def figure_questions(ctx: Context) -> list[Draft]:
    """A choice question for each fine, changed sum and vote whose owner the sentence names."""
    text = ctx.article.text
    drafts: list[Draft] = []
    for n in ctx.numbers:
        if ctx.quoted_in(n.start) or ctx.setting.aside(n.start):
            continue
        head = text[ctx.body(n.sentence).start : n.start]
        tail = text[n.end : n.sentence.end]
        prompt = plain = ""  # plain: the prompt without the owner, should a gap ask it
        answer, made, end = n.text, variants(n), n.end
        fined = _FINED.search(head)
        against = _FINE_AGAINST.match(tail)
        changed = _CHANGED.search(head)
        votes = _VOTES.match(tail)
        if fined and n.unit.lower() not in ("percent", "%"):
            who = _subject(ctx, n, n.sentence.start + len(head) - len(fined.group()))
            obj = fined["obj"]
            plain = f"How much {'were' if _PLURAL.match(obj) else 'was'} {obj} fined"
            prompt = f"How much did {who} fine {obj}" if who else plain
        elif against:
            prompt = f"How large was the fine against {against['obj']}"
        elif changed:
            who = _subject(ctx, n, n.sentence.start + len(head) - len(changed.group()))
            verb = changed["verb"]
            plain = f"To how much was {changed['what']} {verb}"
            prompt = f"To how much did {who} {_PAST[verb]} {changed['what']}" if who else plain
        elif (verb := _COUNTED_VERB.search(head)) and (noun := _COUNTED_NOUN.match(tail)):
            if (
                noun["noun"].split()[-1] not in _NOT_COUNTED
                and n.kind != "ordinal"
                and not n.unit.endswith(("percent", "%"))
            ):
                at = n.sentence.start + len(head) - len(verb.group())
                who = _agent(ctx, n, at)
                by = f" by {who}" if who else ""
                plain = f"How many {noun['noun']} were {verb['verb']}"
                prompt = plain + by
        elif votes:
            vote = _vote(n, votes["other"])
            who = _subject(ctx, n, n.start, first=True)
            if vote is not None and who:
                answer, made = vote
                end = n.end + votes.end()
                prompt = f"By how many votes to how many did {who} decide"
        if not prompt or text[n.start : end] != answer:
            continue
        said = reported_speech(ctx, n.sentence)
        source = f"according to {said[0].name}" if said else "according to the article"
        options = distinct([answer, *made], 4)
        if len(options) < 3:
            continue
        drafts.append(
            Draft(
                rule="numbers/owned",
                tag="numbers",
                kind="choice",
                key=answer,
                sentence=n.sentence,
                evidence=((n.start, end),),
                prompt=f"{prompt}, {source}?",
                plain=f"{plain}, {source}?" if plain and plain != prompt else "",
                options=tuple(rotate(options, answer + n.sentence.label)),
                answer=answer,
                explanation=ctx.explain(n.sentence),
            )
        )
    return drafts
