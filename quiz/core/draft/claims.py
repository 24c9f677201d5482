"""Claims to judge: a ``supported`` one from reported speech, framed as the source's word
("According to Ashby, ..."), and a ``refuted`` one made by swapping one fact of a sentence (a
number, a date, an actor) for another of the same kind. A sentence copied whole as a claim
cannot fail, and is written only when nothing else can be drafted (:func:`fallback_claims`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.core.draft import dates, numbers
from quiz.core.draft.common import Draft, Span, clean, fold, quoted, shorten
from quiz.core.draft.context import Context
from quiz.core.draft.quotes import clause_of, reported_speech
from quiz.core.draft.speakers import Speaker
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
        if d.relative and ctx.setting.date is not None:
            continue  # asked on the calendar (.when): "Tuesday" is 12 May, not a weekday to swap
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
        said = reported_speech(ctx, s) or _according(ctx, s)
        if said is not None:
            speaker, (_, clause_start) = said
            tail = _ACCORDING_END.search(s.text)
            stop = (
                s.start + tail.start() if tail and clause_start < s.start + tail.start() else s.end
            )
            clause = clause_of(ctx.article.text[clause_start:stop])
            if clause and clause_start == ctx.body(s).start:
                clause = clause[:1].lower() + clause[1:] if clause[1:2].islower() else clause
            if clause:
                # one claim a sentence, supported and refuted in turn
                turn += 1
                lead = f"According to {speaker.name}, "
                refuted = (
                    _refuted(ctx, s, found, lead, clause, clause_start) if turn % 2 == 0 else None
                )
                if refuted is not None:
                    drafts.append(refuted)
                else:
                    span = (speaker.start, s.end)
                    drafts.append(_attributed(ctx, s, lead, clause, span))
            continue
        body = ctx.body(s)
        refuted = _refuted(ctx, s, found, "", body.text, body.start)
        if refuted is not None:
            drafts.append(refuted)
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
        claim=clean(ctx.body(s).text),
        verdict="supported",
        explanation=ctx.explain(s, "The article says so"),
    )


_ACCORDING_END = re.compile(r",\s+according\s+to\s+(?P<who>[^,;:“”\"]{2,60})\.\s*$")


def _according(ctx: Context, s: Sentence) -> tuple[Speaker, Span] | None:
    """ "..., according to Mei Chen.": the named source and where the claim starts (a report
    or "a study" is no source to name)."""
    m = _ACCORDING_END.search(s.text)
    if m is None or ctx.quoted_in(s.start, s.end):
        return None
    start = s.start + m.start("who")
    named = [x for x in ctx.cast.in_span(start, s.start + m.end("who")) if x.kind != "place"]
    if not named or s.start + m.start() < ctx.body(s).start:
        return None
    who = named[-1]
    speaker = Speaker(who.text, who.key, who.start, who.end, who.kind)
    return speaker, (ctx.body(s).start, ctx.body(s).start)


_CLAUSE_END = re.compile(
    r";\s+|,\s+(?=(?:and|but|while|which|who|when|after|as|a\s+step|ruling|accusing|saying"
    r"|according\s+to)\b)"
)


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause of ``text`` that holds ``[start, end)``, ended with a stop, so a claim shows
    the fact it changes and not every other fact of a long sentence (other questions ask
    those); the whole ``text`` when the clause would be too short to stand alone."""
    cuts = list(_CLAUSE_END.finditer(text))
    left = max((m.end() for m in cuts if m.end() <= start), default=0)
    right = min((m.start() for m in cuts if m.start() >= end), default=len(text))
    clause = text[left:right].strip()
    if len(clause.split()) < 6 or (left and clause[:1].islower()):
        return text  # "which heard it in 2025" cannot stand alone
    return clause if clause.endswith((".", "!", "?", "”", '"')) else clause.rstrip(",;:") + "."


def _attributed(ctx: Context, s: Sentence, lead: str, clause: str, span: Span) -> Draft:
    """ "According to X, ...": a claim from reported speech, framed as the source's word."""
    return Draft(
        rule="claims/attributed",
        tag="claims",
        kind="claim",
        key=f"supported {s.label}",
        sentence=s,
        evidence=(span,),
        claim=f"{lead}{clause}.",
        verdict="supported",
        explanation=ctx.explain(s, "The article says so"),
    )


def _refuted(
    ctx: Context,
    s: Sentence,
    found: list[_Fact],
    lead: str,
    said: str,
    at: int,
) -> Draft | None:
    """One fact of ``said`` (the words from offset ``at``) swapped for another of its kind."""
    folded = fold(s.text)
    text = ctx.article.text
    for fact in found:
        if fact.start < at:
            continue
        for swap in fact.swaps:
            if not swap.strip() or fold(swap) in folded or fold(swap) == fold(fact.text):
                continue
            a = said.find(text[fact.start : fact.end])
            if a < 0:
                continue
            changed = said[:a] + swap + said[a + fact.end - fact.start :]
            if not lead:
                changed = _clause_around(changed, a, a + len(swap))
            claim = clean(f"{lead}{changed}" + ("." if lead and not changed.endswith(".") else ""))
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
                    f"{quoted(shorten(ctx.body(s).text, 30))}"
                ),
            )
    return None
