"""Claims to judge: a ``supported`` one restating a sentence, and a ``refuted`` one made by
swapping one fact of a sentence (a number, a date, an actor) for another of the same kind."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.core.draft import dates, numbers
from quiz.core.draft.common import Draft, clean, fold, quoted, shorten
from quiz.core.draft.context import Context
from quiz.core.text.sentences import Sentence

MIN_WORDS = 6
MAX_WORDS = 45


@dataclass(frozen=True)
class _Fact:
    start: int
    end: int
    text: str
    swaps: tuple[str, ...]


def claim_questions(ctx: Context) -> list[Draft]:
    """Every other eligible sentence as a supported claim, the rest as refuted ones."""
    facts: dict[int, list[_Fact]] = {}
    for n in ctx.numbers:
        facts.setdefault(n.sentence.index, []).append(
            _Fact(n.start, n.end, n.text, tuple(numbers.variants(n)))
        )
    for d in ctx.dates:
        facts.setdefault(d.sentence.index, []).append(
            _Fact(d.start, d.end, d.text, tuple(dates.variants(d.text, d.kind)))
        )
    for m in ctx.cast.mentions:
        if _quoted(ctx, m.start) or m.kind != "person" or not m.role:
            continue  # swapping a titled person contradicts the article; a place may not
        after = ctx.article.text[m.end : m.end + 2]
        before = ctx.article.text[max(m.start - 4, 0) : m.start]
        if after == " (" or after.startswith(")") or before.lower() == "the " and m.kind == "place":
            continue  # "Committee to Protect Journalists (CPJ)", "the Washington"
        entity = ctx.cast.entities[m.key]
        others = ctx.others((m.kind,), {m.key}, m.start, 6)
        swaps = tuple(e.name for e in others if fold(e.name) != fold(entity.name))
        facts.setdefault(m.sentence.index, []).append(_Fact(m.start, m.end, m.text, swaps))
    drafts: list[Draft] = []
    turn = 0
    for s in ctx.article.sentences:
        found = facts.get(s.index)
        if not found or not _eligible(ctx, s):
            continue
        turn += 1
        refuted = _refuted(ctx, s, found) if turn % 2 == 0 else None
        drafts.append(refuted or _supported(ctx, s))
    return drafts


def fallback_claims(ctx: Context, limit: int = 10) -> list[Draft]:
    """Supported claims for an article where no rule found anything (another script, say)."""
    drafts: list[Draft] = []
    for s in ctx.article.sentences:
        if len(s.text.split()) >= 3 or len(s.text.strip()) >= 12:
            drafts.append(_supported(ctx, s))
        if len(drafts) == limit:
            break
    return drafts


def _quoted(ctx: Context, offset: int) -> bool:
    return bool(ctx.quoted_in(offset))


def _eligible(ctx: Context, s: Sentence) -> bool:
    words = s.text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or s.text.rstrip().endswith("?"):
        return False
    if s.text.lstrip()[:1] in "“\"‘'":
        return False
    quoted = sum(b - a for a, b in ctx.quoted_in(s.start, s.end))
    return quoted * 2 < len(s.text)


def _supported(ctx: Context, s: Sentence) -> Draft:
    return Draft(
        rule="claims/supported",
        tag="claims",
        kind="claim",
        key=f"supported {s.label}",
        sentence=s,
        evidence=((s.start, s.end),),
        claim=clean(s.text),
        verdict="supported",
        explanation=ctx.explain(s, "The article says so"),
    )


def _refuted(ctx: Context, s: Sentence, found: list[_Fact]) -> Draft | None:
    folded = fold(s.text)
    for fact in found:
        for swap in fact.swaps:
            if not swap.strip() or fold(swap) in folded or fold(swap) == fold(fact.text):
                continue
            a, b = fact.start - s.start, fact.end - s.start
            claim = clean(s.text[:a] + swap + s.text[b:])
            return Draft(
                rule="claims/refuted",
                tag="claims",
                kind="claim",
                key=f"refuted {s.label}",
                sentence=s,
                evidence=((fact.start, fact.end),),
                claim=claim,
                verdict="refuted",
                explanation=(
                    f"The article says “{fact.text}”, not “{swap}” ({s.label}): "
                    f"{quoted(shorten(s.text, 30))}"
                ),
            )
    return None
