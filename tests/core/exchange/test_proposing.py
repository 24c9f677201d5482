"""Evidence proposed for imported questions: the sentence holding the right answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.exchange.incoming import Incoming
from quiz.core.exchange.proposing import Proposer, place_evidence
from quiz.core.text.article import load_article
from quiz.core.text.evidence import EvidenceIndex

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def index() -> EvidenceIndex:
    return EvidenceIndex(load_article(ROOT / "seeds" / "s400-second-batch.txt"))


def test_the_sentence_holding_the_answer_is_proposed_whole(index):
    (quote,) = Proposer(index).propose(["Ismail Demir"], "Who is the directorate's chief?")
    assert "Ismail Demir" in quote
    sentence = index.article.sentence_at(index.article.text.index("Ismail Demir"))
    assert quote == " ".join(sentence.text.split())
    index.find(quote)  # it stands once in the article, as quiz check wants


def test_a_misspelt_answer_finds_its_sentence_through_the_closest_passage(index):
    (quote,) = Proposer(index).propose(["Ismael Demirr"], "Who is the chief?")
    assert "Ismail Demir" in quote


def test_nothing_close_gives_no_quote_and_the_question_a_warning(index):
    assert Proposer(index).propose(["Quetzalcoatl Xylophone"], "Who?") == ()
    question = Incoming(
        "q", "text", {"prompt": "Who?", "accept": ["Quetzalcoatl"]}, 3, "Q", ("Quetzalcoatl",)
    )
    place_evidence([question], index)
    assert question.quotes == ()
    assert question.waiting
    assert "no sentence of the article is close enough" in question.warnings[0]


def test_quotes_from_the_general_feedback_are_kept_when_they_are_in_the_article(index):
    kept = Incoming("k", "text", {}, 1, "K", ("Demir",), ("along with its chief Ismail Demir",))
    wrong = Incoming("w", "text", {}, 1, "W", ("Ismail Demir",), ("not in the article at all",))
    place_evidence([kept, wrong], index)
    assert kept.quotes == ("along with its chief Ismail Demir",)
    assert len(wrong.quotes) == 1 and "Ismail Demir" in wrong.quotes[0]
