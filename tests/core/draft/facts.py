"""The facts of each test article that a draft should ask about, and how recall is measured."""

from __future__ import annotations

from quiz.core.draft import Draft
from quiz.core.text.normalize import loose

# (tag, words that must be among the answers of a question with that tag)
S400_FACTS: list[tuple[str, str]] = [
    ("dates", "December 2020"),
    ("dates", "later this week"),
    ("dates", "Wednesday"),
    ("actors", "Tayyip Erdogan"),
    ("actors", "Vladimir Putin"),
    ("actors", "Joe Biden"),
    ("actors", "Ismail Demir"),
    ("actors", "Committee to Protect Journalists"),
    ("actors", "Human Rights Watch"),
    ("actors", "State Department"),
    ("actors", "NATO"),
    ("actors", "Syria"),
    ("sanctions", "Defense Industry Directorate"),
    ("sanctions", "Ismail Demir"),
    ("sanctions", "three other employees"),
    ("quotes", "Erdogan"),
    ("quotes", "State Department spokesperson"),
    ("quotes", "Human Rights Watch"),
    ("numbers", "three"),
    ("numbers", "second"),
]

LODZ_FACTS: list[tuple[str, str]] = [
    ("dates", "Wednesday"),
    ("dates", "last month"),
    ("dates", "March 3, 2019"),
    ("dates", "Thursday"),
    ("dates", "2011"),
    ("dates", "Friday"),
    ("dates", "2023"),
    ("dates", "June 2022"),
    ("dates", "later this week"),
    ("dates", "Monday"),
    ("actors", "Renée Dupont"),
    ("actors", "Alexander Lukashenko"),
    ("actors", "Marek Nowak"),
    ("actors", "Stéphane Dujarric"),
    ("actors", "Tomasz Kowalczyk"),
    ("actors", "Ingrida Šimonytė"),
    ("actors", "Vistula Chemicals"),
    ("actors", "Polish Press Agency"),
    ("actors", "United Nations"),
    ("actors", "Eurostat"),
    ("actors", "Łódź"),
    ("actors", "Belarus"),
    ("sanctions", "Grodno Azot"),
    ("sanctions", "two subsidiaries"),
    ("sanctions", "Belaruskali"),
    ("quotes", "Dupont"),
    ("quotes", "Nowak"),
    ("quotes", "Stéphane Dujarric"),
    ("numbers", "14"),
    ("numbers", "12 percent"),
    ("numbers", "$1.4 billion"),
    ("numbers", "250,000"),
    ("numbers", "three"),
]


def answers(q: Draft) -> list[str]:
    """What counts as the question's answer."""
    if q.kind == "choice":
        return [q.answer]
    if q.kind == "multi":
        return list(q.answers)
    if q.kind == "text":
        return list(q.accept)
    if q.rule == "claims/refuted" and q.evidence:
        a, b = q.evidence[0]  # the fact swapped: the claim asks whether the player knows it
        return [q.sentence.text[a - q.sentence.start : b - q.sentence.start]]
    if q.rule == "claims/attributed":
        return [q.claim.removeprefix("According to ").split(",")[0]]  # who said it
    return []


def _asks(q: Draft, tag: str) -> bool:
    """Whether ``q`` asks a fact of ``tag``: who said what is asked by a quotes question or by
    a claim framed as the speaker's word ("According to X, ..."); a date, a number or an actor
    also by a refuted claim that swaps it."""
    if q.rule == "claims/refuted":
        return tag in ("dates", "numbers", "actors")
    return q.tag == tag or (tag == "quotes" and q.rule == "claims/attributed")


def recall(questions: list[Draft], facts: list[tuple[str, str]]) -> tuple[float, list[str]]:
    """The share of ``facts`` some question asks about, and the facts missed."""
    missed: list[str] = []
    for tag, fact in facts:
        want = loose(fact)
        if not any(_asks(q, tag) and any(want in loose(a) for a in answers(q)) for q in questions):
            missed.append(f"{tag}: {fact}")
    return 1 - len(missed) / len(facts), missed
