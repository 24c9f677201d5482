"""Choosing the best questions of a draft: one per fact, spread over the paragraphs, a mix of
kinds, and options that do not give the answer away.

Each rule's questions have a worth (a typed copy of a date is worth less than who said what);
each question already chosen lowers the worth of the rest from its paragraph, its sentence, its
family and its kind, so the best ``N`` are also a varied ``N``. The order chosen is the order
written: the best first.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable

from quiz.core.draft.common import Draft, fold
from quiz.core.draft.leaks import settle

WORTH: dict[str, float] = {
    "quotes/said-after": 10,
    "quotes/said-before": 10,
    "sanctions/targets": 9,
    "numbers/owned": 9,
    "actors/role": 8,
    "quotes/reported": 8,
    "dates/order": 8,
    "dates/resolved": 7,
    "quotes/continued": 7,
    "claims/refuted": 6,
    "claims/attributed": 6,
    "dates/absolute": 6,
    "actors/abbreviation": 6,
    "numbers/quantity": 6,
    "actors/person": 4,
    "actors/org": 4,
    "dates/relative": 4,
    "numbers/ordinal": 4,
    "actors/place": 3,
    "claims/supported": 2,
}
"""What a question of each rule is worth before the spread is counted."""
TYPED = 3.0
"""How much less a typed question is worth than the same as a choice."""
SENTENCE, PARAGRAPH, FAMILY, KIND = 9.0, 2.0, 4.0, 0.1
"""How much each question chosen lowers the worth of the rest from its sentence, paragraph,
family (tag) and kind."""
MAX_PER_SENTENCE, MAX_SHOWN = 4, 2
"""At most four questions from one sentence (none shows another's answer: :mod:`.leaks`), and
of them two that show the sentence (a gap, a claim), which give away more of it each time. A
short article gives fewer than ``N`` questions rather than five gaps cut into one sentence."""
SHORTLIST = 4
"""Of each rule's questions, ``SHORTLIST`` times ``N`` are ranked (spread over the article)."""
VERDICT = 2.5
"""How much each claim chosen lowers the worth of the rest with its verdict, so that claims are
not all refuted (a player would learn that rather than check)."""


def fact_of(d: Draft) -> str:
    """What a question asks about: its answer (so "nine" is asked once), or for a quotation or
    a claim, its sentence."""
    if d.tag in ("quotes", "claims"):
        return f"said:{d.sentence.index}"  # "Who said that X?" and "According to Y, X."
    if d.kind == "choice":
        return "a:" + fold(d.answer)
    if d.kind == "text":
        return "a:" + fold(d.accept[0]) if d.accept else "t:" + d.prompt
    if d.kind == "multi":
        return "m:" + "|".join(sorted(fold(a) for a in d.answers))
    return d.rule


def reveals(d: Draft) -> bool:
    """Whether the question shows its sentence (a gap in it, a claim made of it)."""
    return d.kind == "claim" or "___" in d.prompt


def facts_of(d: Draft) -> set[str]:
    """Every fact a question asks about: a refuted claim asks about the fact it swapped too
    ("€620 million" for "€310 million"), so that fact is not asked again as a gap."""
    found = {fact_of(d)}
    if d.kind == "claim" and d.verdict == "refuted" and d.evidence:
        a, b = d.evidence[0]
        found.add("a:" + fold(d.sentence.text[a - d.sentence.start : b - d.sentence.start]))
    return found


def worth(d: Draft) -> float:
    """The question's worth alone."""
    base = WORTH.get(d.rule, 3.0)
    return base - TYPED if d.kind == "text" and d.rule != "dates/resolved" else base


def fair_options(d: Draft) -> bool:
    """Drop the distractors that stand in the question's own sentence (they give the answer
    away by elimination); ``False`` when too few options are left to ask."""
    if d.kind not in ("choice", "multi"):
        return True
    said = fold(d.sentence.text)
    right = {d.answer} if d.kind == "choice" else set(d.answers)
    kept = tuple(o for o in d.options if o in right or fold(o) not in said)
    d.options = kept
    wrong = len(kept) - len(right)
    return wrong >= (1 if d.kind == "multi" else 2) or (d.kind == "choice" and wrong >= 1)


def _shortlist(drafts: list[Draft], limit: int) -> list[int]:
    """The indices worth ranking: of each rule's questions, a few times ``limit``, spread over
    the article (a long article gives thousands, and the best ``N`` are among these)."""
    by_rule: dict[str, list[int]] = {}
    for i, d in enumerate(drafts):
        by_rule.setdefault(d.rule, []).append(i)
    keep = max(limit * SHORTLIST, 40)
    out: list[int] = []
    for found in by_rule.values():
        if len(found) <= keep:
            out.extend(found)
        else:
            found.sort(key=lambda i: drafts[i].sentence.index)
            step = len(found) / keep  # evenly over the article
            out.extend(found[int(j * step)] for j in range(keep))
    return out


def choose(drafts: list[Draft], limit: int, usable: Callable[[Draft], bool]) -> list[Draft]:
    """Up to ``limit`` of ``drafts``, best first, a few from a sentence (:data:`MAX_PER_SENTENCE`)
    and none showing another's answer (:func:`.leaks.settle` cuts an excerpt short, or leaves
    the worse question out for the next best); ``usable`` is asked of each before it is taken
    (it gives the question its quotes)."""
    used: dict[str, Counter[object]] = {k: Counter() for k in ("s", "r", "p", "f", "k", "v")}
    shortlist = _shortlist(drafts, limit)
    facts: set[str] = set()
    chosen: list[Draft] = []

    def score(d: Draft) -> float:
        return (
            worth(d)
            - SENTENCE * used["s"][d.sentence.index]
            - PARAGRAPH * used["p"][d.sentence.paragraph]
            - FAMILY * used["f"][d.tag]
            - KIND * used["k"][d.kind]
            - VERDICT * used["v"][d.verdict]
        )

    heap = [(-score(drafts[i]), i) for i in shortlist]
    heapq.heapify(heap)
    waiting: list[int] = []  # left out for another's sake, until a claim gives way
    while heap and len(chosen) < limit:
        _, i = heapq.heappop(heap)
        d = drafts[i]
        now = -score(d)
        if heap and now > heap[0][0] + 1e-9:
            heapq.heappush(heap, (now, i))  # worth less since it was stored: look again
            continue
        asks = facts_of(d)
        if asks & facts:
            waiting.append(i)  # asked already
            continue
        if reveals(d) and used["r"][d.sentence.index] >= MAX_SHOWN:
            continue
        if used["s"][d.sentence.index] >= MAX_PER_SENTENCE:
            continue
        settled = settle(d, chosen)
        if settled is None:
            waiting.append(i)  # it would show another's answer, or another shows its own
            continue
        d, cut, gone = settled
        if not usable(d):
            continue
        for at, shorter in cut.items():
            chosen[at] = shorter
        if gone is not None:  # a claim it cannot stand beside gives it its place
            old = chosen[gone]
            facts -= facts_of(old)
            _count(used, old, -1)
            chosen[gone] = d
            for j in waiting:  # what the claim kept out may be asked now
                heapq.heappush(heap, (-score(drafts[j]), j))
            waiting.clear()
        else:
            chosen.append(d)
        facts |= asks
        _count(used, d, 1)
    return chosen


def _count(used: dict[str, Counter[object]], d: Draft, sign: int) -> None:
    """Count ``d`` as chosen (``sign`` 1) or as no longer chosen (-1)."""
    used["s"][d.sentence.index] += sign
    used["r"][d.sentence.index] += sign * reveals(d)
    used["p"][d.sentence.paragraph] += sign
    used["f"][d.tag] += sign
    used["k"][d.kind] += sign
    if d.verdict:
        used["v"][d.verdict] += sign
