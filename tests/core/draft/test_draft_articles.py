"""The measurement on three articles written for it (a wire story, a court ruling, a science
story): per article, the questions drafted (the default best 30), the recall of its listed facts
(>= 90%) and the wrong keys (none). Every key is checked against the article's truths; a question
the truths do not cover counts as wrong, so a new rule's questions cannot slip by unread.

    pytest -q -s tests/core/draft/test_draft_articles.py   (prints the figures)
"""

from __future__ import annotations

import re

import pytest

from quiz.core.draft import Draft, draft_article
from quiz.core.draft.common import fold
from quiz.core.text.article import load_article
from quiz.core.text.normalize import loose

from .article_facts import MEASURED, Truths
from .facts import answers, recall

_LEAD = re.compile(r"^According to (?P<who>[^,]+), ")


def _names(answer: str, person: str) -> bool:
    """Whether ``answer`` names ``person`` (in full, or by the surname)."""
    return loose(answer) in (loose(person), loose(person.split()[-1]))


def _said_by(text: str, truths: Truths) -> str | None:
    return next((who for words, who in truths.said.items() if words in text), None)


def _in_article(fragment: str, article: str) -> bool:
    return loose(fragment) in article


def _opens(item: str, event: str, article: str) -> bool:
    """Whether ``item`` is the first words of the sentence of ``article`` (raw text) that
    opens with ``event``, maybe with its date left out and another question's answer cut out
    ("His father, …, left Lithuania"): its words stand in that sentence in order."""
    if item.startswith(event):
        return True
    at = article.casefold().find(event.casefold())
    if at < 0 or "…" not in item:
        return False
    stop = article.find(". ", at)
    words = iter(loose(article[at : stop if stop > 0 else len(article)]).split())
    wanted = loose(item).split()
    return wanted[:1] == loose(event).split()[:1] and all(w in words for w in wanted)


def wrong_keys(q: Draft, truths: Truths, article: str, raw: str = "") -> list[str]:
    """What is wrong with the question's key ([] when it checks out)."""
    wrong: list[str] = []
    said = q.prompt or q.claim
    if q.kind in ("choice", "multi"):
        folded = [fold(o) for o in q.options]
        for o in folded:
            if any(p != o and p.endswith(" " + o) for p in folded):
                wrong.append(f"two names of one actor among {q.options}")
        if any("spokesperson" in o or o.startswith("its ") for o in folded):
            wrong.append(f"a role offered beside names: {q.options}")
    if q.tag == "quotes":
        who = _said_by(said, truths)
        if who is None or not _names(q.answer, who):
            wrong.append(f"“{said}” keyed {q.answer}, said by {who}")
    elif q.kind == "claim":
        lead = _LEAD.match(q.claim)
        body = q.claim[lead.end() :].rstrip(".") if lead else q.claim.rstrip(".")
        if lead:
            who = _said_by(q.claim, truths)
            if who is None or not _names(lead["who"], who):
                wrong.append(f"“{q.claim}” given to {lead['who']}, said by {who}")
        if q.verdict == "supported" and not _in_article(body, article):
            wrong.append(f"supported claim not in the article: {q.claim}")
        if q.verdict == "refuted" and _in_article(body, article):
            wrong.append(f"refuted claim stands in the article: {q.claim}")
    elif q.rule == "actors/role":
        role = next((r for r in truths.roles if r in q.prompt), None)
        keys = answers(q)
        if role is None or not any(_names(k, truths.roles[role]) for k in keys[:1]):
            wrong.append(f"“{q.prompt}” keyed {keys}, role of {truths.roles.get(role or '')}")
    elif q.tag == "sanctions":
        if set(q.answers) != truths.targets:
            wrong.append(f"targets keyed {q.answers}, not {sorted(truths.targets)}")
    elif q.rule == "numbers/owned":
        figure = next((v for k, v in truths.figures.items() if k in q.prompt), None)
        if figure != q.answer:
            wrong.append(f"“{q.prompt}” keyed {q.answer}, not {figure}")
    elif q.rule == "dates/resolved":
        day = truths.days.get(q.accept[-1])
        if day != q.accept[0]:
            wrong.append(f"“{q.accept[-1]}” resolved to {q.accept[0]}, not {day}")
    elif q.kind == "order":
        at = [
            next((i for i, p in enumerate(truths.order) if _opens(item, p, raw)), -1)
            for item in q.items
        ]
        if -1 in at or at != sorted(at):
            wrong.append(f"order {q.items} is not {truths.order}")
    elif "___" in q.prompt:
        key = answers(q)[0]
        gap = re.split(r"(?:has it|fills the gap)[?:] ", q.prompt)[-1]
        filled = gap.replace("___", key).strip('“”"… ')
        for part in filled.split("…"):
            if part.strip(' “”"') and not _in_article(part.strip(' “”"'), article):
                wrong.append(f"gap filled with {key} is not the article's: {filled}")
    else:
        wrong.append(f"no truth checks this question: {said}")
    return wrong


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_drafts_of_the_measured_articles_have_no_wrong_key_and_high_recall(name: str) -> None:
    measured = MEASURED[name]
    article = load_article(measured.path)
    drafted = draft_article(article)
    text = loose(article.text)
    wrong = [
        w for q in drafted.questions for w in wrong_keys(q, measured.truths, text, article.text)
    ]
    share, missed = recall(drafted.questions, measured.facts)
    print(
        f"\n{name}: {len(drafted.questions)} questions drafted (of {drafted.found} found), "
        f"recall {share:.0%} of {len(measured.facts)} facts, {len(wrong)} wrong keys; "
        f"missed: {missed or 'none'}"
    )
    assert not wrong, wrong
    assert share >= 0.9, f"recall {share:.0%} < 90%; missed {missed}"
    assert 15 <= len(drafted.questions) <= 30
