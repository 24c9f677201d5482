"""“Who ...” questions about the actors: people by their title or role, organisations and places by
the gap they fill, and abbreviations by the full name they stand for."""

from __future__ import annotations

from quiz.core.draft.common import Draft, cloze, distinct, fold, rotate
from quiz.core.draft.context import Context
from quiz.core.draft.gazetteer import COUNTRIES, DEMONYMS, HONORIFICS
from quiz.core.draft.mentions import Entity, Mention

_BARE = frozenset("Professor Prof. Justice Judge Senator Sen. Rep. Representative Sir Dame".split())
_ASK = {
    "person": "Who fills the gap, as the article has it?",
    "org": "Which organisation fills the gap, as the article has it?",
    "place": "Which place fills the gap, as the article has it?",
}


def actor_questions(ctx: Context) -> list[Draft]:
    """One question per actor: by role where the article gives one, else by a gap."""
    drafts: list[Draft] = []
    role_prompts: dict[str, int] = {}
    asked: list[tuple[Mention, str]] = []
    for entity in ctx.cast.entities.values():
        if entity.kind != "person":
            continue
        for m in entity.mentions:
            prompt = _role_prompt(m)
            if prompt:
                role_prompts[fold(prompt)] = role_prompts.get(fold(prompt), 0) + 1
                asked.append((m, prompt))
                break
    with_role: set[str] = set()
    for m, prompt in asked:
        if role_prompts[fold(prompt)] > 1:
            continue  # two people with the same role: the question would be ambiguous
        draft = _role_question(ctx, m, prompt)
        if draft is not None:
            drafts.append(draft)
            with_role.add(m.key)
    for entity in ctx.cast.entities.values():
        if entity.key not in with_role:
            draft = _gap_question(ctx, entity)
            if draft is not None:
                drafts.append(draft)
        if entity.abbreviation is not None:
            draft = _abbreviation_question(ctx, entity)
            if draft is not None:
                drafts.append(draft)
    return drafts


def _role_prompt(m: Mention) -> str:
    """ "Who is the Turkish President, according to the article?" (or "" when there is none)."""
    role = " ".join(m.role.split())
    if not role or role.split()[0] in HONORIFICS or role in _BARE:
        return ""  # "Who is the Professor?" asks nothing the article tells
    first = role.split()[0]
    opens = m.role_start == m.sentence.start
    proper = first in DEMONYMS or first in COUNTRIES or first.endswith(("’s", "'s"))
    if opens and role.split()[-1].islower() and not proper:
        role = role[:1].lower() + role[1:]  # "Freight analyst" opens a sentence
    if m.possessor and role[:1].isupper():
        role = f"{m.possessor}’s {role}"  # "Lithuania’s Foreign Minister"
    words = role.split(" ", 1)
    det = words[0].lower()
    rest = words[1] if len(words) > 1 else ""
    if det in ("its", "his", "her", "their"):
        if not m.owner or not rest:
            return ""
        phrase = f"the {rest} of {m.owner}" if det == "its" else f"{m.owner}’s {rest}"
    elif det in ("the", "a", "an"):
        if not rest:
            return ""
        phrase = f"the {rest}"
    elif role[:1].islower() and not det.endswith(("’s", "'s")):
        phrase = f"the {role}"
    elif det.endswith(("’s", "'s")):
        phrase = role if role[:1].isupper() else f"the {role}"  # "the regulator’s director"
    else:
        phrase = f"the {role}"
    return f"Who is {phrase}, according to the article?"


def _role_question(ctx: Context, m: Mention, prompt: str) -> Draft | None:
    entity = ctx.cast.entities[m.key]
    pool = ctx.names(ctx.others(("person",), {m.key}, m.start), [m.text, entity.name], 3)
    evidence = ((m.role_start, m.end),)
    if len(pool) >= 2:
        return Draft(
            rule="actors/role",
            tag="actors",
            kind="choice",
            key=m.text,
            sentence=m.sentence,
            evidence=evidence,
            prompt=prompt,
            options=tuple(rotate(distinct([m.text, *pool], 4), m.text)),
            answer=m.text,
            explanation=ctx.explain(m.sentence),
        )
    surname = m.text.split()[-1]
    return Draft(
        rule="actors/role",
        tag="actors",
        kind="text",
        key=m.text,
        sentence=m.sentence,
        evidence=evidence,
        prompt=prompt.replace(", according to the article?", "? Type the name the article gives."),
        accept=tuple(distinct([m.text, entity.name, surname], 3)),
        explanation=ctx.explain(m.sentence),
    )


def _pick_mention(ctx: Context, entity: Entity) -> Mention | None:
    """The first mention outside a quotation, in a sentence long enough to give context."""
    for m in entity.mentions:
        if ctx.quoted_in(m.start):
            continue
        if len(m.sentence.text.split()) >= 7:
            return m
    return None


def _gap_question(ctx: Context, entity: Entity) -> Draft | None:
    m = _pick_mention(ctx, entity)
    if m is None:
        return None
    pool = ctx.names(ctx.others((entity.kind,), {entity.key}, m.start), [m.text, entity.name], 3)
    if len(pool) < 2:
        return None
    return Draft(
        rule=f"actors/{entity.kind}",
        tag="actors",
        kind="choice",
        key=m.text,
        sentence=m.sentence,
        evidence=((m.start, m.end),),
        prompt=f"{_ASK[entity.kind]} {cloze(ctx.body(m.sentence), m.start, m.end)}",
        options=tuple(rotate(distinct([m.text, *pool], 4), m.text + m.sentence.label)),
        answer=m.text,
        explanation=ctx.explain(m.sentence),
    )


def _abbreviation_question(ctx: Context, entity: Entity) -> Draft | None:
    abbr = entity.abbreviation
    full = entity.mentions[0] if entity.mentions else None
    if abbr is None or full is None:
        return None
    start = min(full.start, abbr.start)
    end = abbr.end + (1 if ctx.article.text[abbr.end : abbr.end + 1] == ")" else 0)
    pool = ctx.names(ctx.others(("org",), {entity.key}, abbr.start), [full.text], 3)
    prompt = f"What does {abbr.text} stand for, according to the article?"
    common = {
        "rule": "actors/abbreviation",
        "tag": "actors",
        "key": abbr.text,
        "sentence": abbr.sentence,
        "evidence": ((start, end),),
        "explanation": ctx.explain(abbr.sentence),
    }
    if len(pool) >= 2:
        options = distinct([full.text, *pool], 4)
        return Draft(
            kind="choice",
            prompt=prompt,
            options=tuple(rotate(options, abbr.text)),
            answer=full.text,
            **common,  # type: ignore[arg-type]
        )
    return Draft(
        kind="text",
        prompt=prompt.replace(", according to the article?", "? Type the full name."),
        accept=(full.text,),
        **common,  # type: ignore[arg-type]
    )
