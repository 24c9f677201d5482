"""No drafted question shows the answer of another: on the measured articles and the bundled
seed, and rule by rule (a gap's excerpt cut short, a figure asked without its owner, an event's
words with the answer cut out, a claim giving way to the gap it would give away)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.draft import Draft, draft_article
from quiz.core.draft.common import fold
from quiz.core.draft.leaks import settle, shows, trimmed
from quiz.core.text.article import load_article
from quiz.core.text.sentences import Sentence

from .article_facts import MEASURED

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = [*(m.path for m in MEASURED.values()), ROOT / "seeds" / "s400-second-batch.txt"]


def _answers(q: Draft) -> list[str]:
    """What the player must find (for a refuted claim, the fact it swapped)."""
    if q.kind == "claim" and q.verdict == "refuted":
        a, b = q.evidence[0]
        return [q.sentence.text[a - q.sentence.start : b - q.sentence.start]]
    return [q.answer] if q.kind == "choice" else [*q.answers, *q.accept[:1]]


def _given_away(q: Draft, p: Draft) -> list[str]:
    """The answers of ``p`` that ``q`` shows with a word beside them as in ``p``'s sentence."""
    seen = " " + " | ".join(fold(t) for t in (q.prompt, q.claim, *q.items) if t) + " "
    words = fold(p.sentence.text).split()
    found: list[str] = []
    for answer in _answers(p):
        want = fold(answer).split()
        for i in range(len(words) - len(want) + 1):
            if want and words[i : i + len(want)] == want:
                pairs = [words[i - 1 : i + len(want)], words[i : i + len(want) + 1]]
                pairs = [w for w in pairs if len(w) > len(want) and w[0] not in ("the", "a", "an")]
                if any(f" {' '.join(w)} " in seen for w in pairs):
                    found.append(answer)
    return found


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_drafted_question_shows_another_ones_answer(path: Path) -> None:
    drafted = draft_article(load_article(path))
    leaks = [
        f"“{q.prompt or q.claim or q.items}” shows {found} of “{p.prompt or p.claim}”"
        for q in drafted.questions
        for p in drafted.questions
        if p is not q and (found := _given_away(q, p))
    ]
    assert not leaks, leaks
    assert len(drafted.questions) >= 20 or path.stem.startswith("science")


def _sentence(text: str) -> Sentence:
    return Sentence(1, 1, 1, 0, len(text), text)


def _gap(s: Sentence, answer: str, prompt: str, rule: str = "actors/place") -> Draft:
    at = s.text.index(answer)
    return Draft(
        rule, rule.split("/")[0], "choice", answer, s, ((at, at + len(answer)),), prompt=prompt,
        options=(answer, "Riga", "Tallinn"), answer=answer,
    )  # fmt: skip


ASHBY = _sentence("Ashby said the engines were bought in Germany and relabelled in Klaipėda.")


def test_a_reported_prompt_is_cut_short_before_a_gap_answer() -> None:
    who = _gap(ASHBY, "Ashby", f"Who said that {ASHBY.text[11:-1]}?", "quotes/reported")
    germany = _gap(ASHBY, "Germany", "Which place fills the gap? “… bought in ___ and …”")
    assert shows(who, germany)
    cut = trimmed(who, germany)
    assert cut is not None and not shows(cut, germany)
    assert cut.prompt == "Who said that the engines were bought in … and relabelled in Klaipėda?"


def test_a_gap_excerpt_hides_the_other_gap_of_its_sentence() -> None:
    prompt = f"Which place fills the gap, as the article has it? “{ASHBY.text[:-20]}___.”"
    klaipeda = _gap(ASHBY, "Klaipėda", prompt)
    germany = _gap(ASHBY, "Germany", "Which place fills the gap? “… bought in ___ and …”")
    cut = trimmed(klaipeda, germany)
    assert cut is not None and not shows(cut, germany)
    assert "___" in cut.prompt and "Ashby said the engines were bought" in cut.prompt


def test_a_figure_is_asked_without_its_owner_when_a_gap_asks_the_owner() -> None:
    s = _sentence("The company appealed, and the High Court cut the fine to €150 million.")
    court = _gap(s, "High Court", "Which organisation fills the gap? “… the ___ cut the fine …”")
    owned = _gap(s, "€150 million", "To how much did the High Court cut the fine?", "numbers/owned")
    owned.plain = "To how much was the fine cut?"
    cut = trimmed(owned, court)
    assert cut is not None and cut.prompt == owned.plain and not shows(cut, court)


def test_an_event_keeps_its_first_words_with_the_answer_cut_out() -> None:
    s = _sentence("His father, Pavel Morozov, left Lithuania in 2022.")
    order = Draft(
        "dates/order", "dates", "order", "order", s, ((0, 10),), prompt="Put these in order.",
        items=("His father, Pavel Morozov, left Lithuania", "The court ruled"),
    )  # fmt: skip
    father = _gap(s, "Pavel Morozov", "Who fills the gap? “His father, ___, left …”")
    cut = trimmed(order, father)
    assert cut is not None and cut.items[0] == "His father, …, left Lithuania"


def test_a_claim_gives_way_to_the_gap_it_would_give_away() -> None:
    s = _sentence("The Commerce Department also added nine of the same companies to its list.")
    at = s.text.index("nine")
    claim = Draft(
        "claims/refuted", "claims", "claim", "refuted", s, ((at, at + 4),),
        claim=s.text.replace("nine", "ten"), verdict="refuted",
    )  # fmt: skip
    gap = _gap(s, "Commerce Department", "Which organisation fills the gap? “The ___ also added …”")
    other = Draft(
        "claims/refuted", "claims", "claim", "x", _sentence("x"), ((0, 1),), verdict="refuted"
    )
    settled = settle(gap, [claim, other])
    assert settled is not None and settled[2] == 0  # takes the claim's place
    assert settle(gap, [claim]) is None  # unless it is the bank's only claim
    assert settle(claim, [gap]) is None  # and a claim never pushes a gap out
