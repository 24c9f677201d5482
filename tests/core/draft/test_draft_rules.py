"""The rules one by one, on small articles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.core.draft import Draft, draft_article
from quiz.core.draft.builder import build_context
from quiz.core.draft.claims import claim_questions
from quiz.core.draft.common import cloze, quoted
from quiz.core.draft.dates import date_questions, find_dates, spellings
from quiz.core.draft.numbers import number_questions
from quiz.core.draft.quotes import find_quotations, quote_questions
from quiz.core.errors import QuizError
from quiz.core.text.article import Article, ArticleMeta, load_article, split_sentences


def article(text: str) -> Article:
    return Article(Path("a.txt"), ArticleMeta(), split_sentences(text))


def said(text: str) -> list[Draft]:
    """The quote rule's questions, before ranking (which may leave one out for another)."""
    a = article(text)
    return quote_questions(build_context(a), find_quotations(a))


def drafted(text: str) -> list[Draft]:
    return draft_article(article(text), 300).questions  # every rule's questions, not the best 30


def by_rule(questions: list[Draft], rule: str) -> list[Draft]:
    return [q for q in questions if q.rule == rule]


def test_absolute_and_relative_dates() -> None:
    found = find_dates(
        article(
            "The deal was signed on March 3, 2019 in Paris. It was first proposed in 2011. "
            "Talks resumed last month and end later this week on Wednesday. "
            "The March 5 vote came in December 2020."
        )
    )
    assert [(d.text, d.relative) for d in found] == [
        ("March 3, 2019", False),
        ("2011", False),
        ("last month", True),
        ("later this week on Wednesday", True),
        ("March 5", False),
        ("December 2020", False),
    ]


FUND = (
    "The fund was created in March 2011 by Finance Minister Anna Walsh. "
    "It doubled in June 2014, said Prime Minister Olena Kovalenko. "
    "Auditors from the Court of Audit checked it in May 2019."
)


def test_a_date_is_asked_once_however_many_rules_ask_it() -> None:
    questions = drafted(FUND)
    asked = [q for q in questions if "March 2011" in (q.answer, *q.accept, q.claim)]
    assert len(asked) <= 1 or all(q.kind == "order" for q in asked[1:]), asked


def test_date_questions_use_article_dates_first_and_accept_spellings() -> None:
    questions = date_questions(build_context(article(FUND)))  # the rule's, before ranking
    choice = next(q for q in questions if q.kind == "choice" and q.answer == "March 2011")
    assert "June 2014" in choice.options and "May 2019" in choice.options
    typed = next(q for q in questions if q.kind == "text" and "March 2011" in q.accept)
    assert "2011-03" in typed.accept and "Mar 2011" in typed.accept


def test_a_typed_date_with_its_weekday_takes_the_date_not_a_part_of_it() -> None:
    assert spellings("Tuesday, March 4, 2025", "combo") == [
        "Tuesday, March 4, 2025",
        "March 4, 2025",
        "March 4, 2025",
        "4 March 2025",
        "2025-03-04",
    ]  # not "Tuesday", "Tue" or "2025" alone
    assert "Wednesday" in spellings("later this week on Wednesday", "combo")


def test_accented_names_titles_roles_and_dotted_abbreviations() -> None:
    ctx = build_context(
        article(
            "Polish Foreign Minister Renée Wiśniewska met U.N. envoy Dr. Jan Kubiš in Łódź. "
            "The United Nations (U.N.) praised the meeting, and its chief Amara Okafor spoke. "
            "Wiśniewska later flew to the U.S. with Kubiš."
        )
    )
    entities = ctx.cast.entities
    assert entities["renee wisniewska"].kind == "person"
    assert entities["lodz"].kind == "place"
    assert entities["jan kubis"].kind == "person"
    un = entities["united nations"]
    assert un.abbreviation is not None and un.abbreviation.text == "U.N."
    assert [m.text for m in entities["renee wisniewska"].mentions] == [
        "Renée Wiśniewska",
        "Wiśniewska",
    ]
    chief = next(m for m in entities["amara okafor"].mentions)
    assert chief.role == "its chief" and chief.owner == "United Nations"


def test_speakers_in_both_orders_with_curly_and_straight_quotes() -> None:
    questions = said(
        "Trade Minister Sven Lindqvist spoke in Oslo on Monday. "
        "“We will not sign this deal in its current form,” said Lindqvist.\n\n"
        'Central bank governor Aylin Yılmaz said: "Inflation will fall below five percent '
        'by the end of next year."\n\n'
        "Lindqvist told reporters: “Nothing has been agreed. Nothing will be agreed today.”"
    )
    quotes = {q.answer: q for q in questions if q.tag == "quotes"}
    assert {"Lindqvist", "Aylin Yılmaz"} <= set(quotes)
    rules = {q.rule for q in questions if q.tag == "quotes"}
    assert {"quotes/said-after", "quotes/said-before"} <= rules
    two = [q for q in questions if q.tag == "quotes" and "Nothing has been agreed" in q.prompt]
    assert two and two[0].answer == "Lindqvist" and "Nothing will be agreed" in two[0].prompt


def test_a_speaker_named_with_a_title_that_ends_in_a_period() -> None:
    questions = drafted(
        "“Bleached is not dead, not yet,” said Dr. Amara Okafor, a marine biologist.\n\n"
        "Prof. Marco Feld said: “We saw white coral at almost every site.”\n\n"
        "“The money is welcome,” said Helen Park, who chairs the fishers’ union."
    )
    said = {q.answer for q in questions if q.tag == "quotes"}
    assert {"Amara Okafor", "Marco Feld", "Helen Park"} <= said, said


def test_he_said_is_not_the_last_speaker_when_someone_else_was_named_since() -> None:
    questions = drafted(
        "Engineer Helena Vos inspected the wall on Monday. “The breach has grown,” said Vos.\n\n"
        "Mayor Tomas Brekke said the money would come from the harbor fund. "
        "“Nobody will see a higher tax bill because of this,” he said.\n\n"
        "“We will start in May,” Vos added."
    )
    said = {q.prompt: q.answer for q in questions if q.tag == "quotes"}
    tax = [answer for prompt, answer in said.items() if "Nobody will see" in prompt]
    assert "Helena Vos" not in tax and "Vos" not in tax, said
    assert any("The breach has grown" in prompt for prompt in said), said


def test_a_quotation_continued_in_the_next_paragraph() -> None:
    questions = said(
        "“We are ready to talk,” said Foreign Minister Kenji Tanaka in Tokyo.\n\n"
        "“But we will not wait for ever. The offer ends in May.”\n\n"
        "Opposition leader Luis García called the offer a trick."
    )
    continued = by_rule(questions, "quotes/continued")
    assert continued and continued[0].answer == "Kenji Tanaka"
    assert len(continued[0].evidence) == 2  # the quotation, and where the speaker is named


def test_sanction_targets_are_every_one_named() -> None:
    questions = drafted(
        "On Friday, the Treasury Department blacklisted Anatolia Steel and its two subsidiaries. "
        "Canada also banned exports to Baltic Shipping Group, officials said. "
        "In 2020, Washington imposed sanctions on the Defense Industry Directorate, along with "
        "its chief Ismail Demir and three other employees, following the purchase."
    )
    targets = by_rule(questions, "sanctions/targets")
    answers = [set(q.answers) for q in targets]
    assert {"Anatolia Steel", "Anatolia Steel’s two subsidiaries"} in answers
    assert {"Baltic Shipping Group"} in answers
    assert {"Defense Industry Directorate", "Ismail Demir", "three other employees"} in answers
    for q in targets:
        assert set(q.answers) < set(q.options)


def test_numbers_get_nearby_distractors() -> None:
    text = (
        "Exports fell 12 percent in the first quarter, and 340 workers lost their jobs. "
        "The firm Kansai Rail Corporation paid $4.5 billion for three other companies."
    )
    questions = number_questions(build_context(article(text)))  # the rule's, before ranking
    numbers = {q.answer: q.options for q in by_rule(questions, "numbers/quantity")}
    assert {"12 percent", "340", "$4.5 billion", "three"} <= set(numbers)
    assert all(o.endswith("percent") for o in numbers["12 percent"])


def test_refuted_claims_swap_a_fact_for_one_of_the_same_kind() -> None:
    questions = drafted(
        "Finance Minister Anna Walsh met Piotr Nowak in Warsaw on Monday. "
        "Inflation reached 14 percent in May 2022, the central bank said. "
        "President Chidi Adeyemi visited Lagos and Kraków in June 2023 with 40 advisers. "
        "Trade with Kenya grew by 9 percent in 2021, according to Mei Chen."
    )
    refuted = by_rule(questions, "claims/refuted")
    supported = by_rule(questions, "claims/attributed")
    assert refuted and supported
    for q in refuted:
        assert q.verdict == "refuted"
        assert q.claim != q.sentence.text
        assert "not “" in q.explanation


def test_the_core_of_drafting_never_imports_textual() -> None:
    code = "import sys, quiz.core.draft, quiz.cli.draft; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_gap_in_a_sentence_that_is_a_quote_is_not_wrapped_in_doubled_marks() -> None:
    text = "Marek Lis chairs the board. “I’ve heard ‘next spring’ every year since 2011,” he said."
    sentence = article(text).sentences[1]
    start = sentence.start + sentence.text.index("next spring")
    gap = cloze(sentence, start, start + len("next spring"))
    assert gap == "“I’ve heard ‘___’ every year since 2011,” he said."
    assert quoted("plain words") == "“plain words”"
    assert (
        quoted("a partnership “even when we disagree.”") == "a partnership “even when we disagree.”"
    )


def test_a_number_with_its_unit_in_it_names_its_question_once() -> None:
    text = (
        "The plan is expected to cost 412 million złoty. The consortium pays 103 million złoty. "
        "The city pays 206 million złoty, and the state the rest."
    )
    found = draft_article(article(text))
    assert [i for i in found.ids if i.startswith("numbers-412")] == ["numbers-412-million"]


def test_an_article_repeated_over_and_over_says_no_quote_is_found_once(tmp_path: Path) -> None:
    # Every sentence stands many times: nothing can be quoted once, and the drafter says so
    # (rather than "nothing to ask about"), after widening each quote a bounded way.
    paragraph = (
        "On Tuesday the council of Vilnius voted 7-2 to fine Baltic Shipping Group €4 million, "
        "Mayor Anna Nowak said. “We will appeal,” said its spokesperson, Tomas Walsh."
    )
    path = tmp_path / "repeated.txt"
    path.write_text("\n\n".join([paragraph] * 400) + "\n", encoding="utf-8")
    with pytest.raises(QuizError, match="no passage about any of them stands only once"):
        draft_article(load_article(path))


def test_a_refuted_claim_is_the_clause_of_the_changed_fact() -> None:
    text = (
        "The regulator also barred nine of the listed lenders from taking deposits, a step that "
        "cuts them off from about 4 percent of the market, officials in Riga said on Monday."
    )
    ctx = build_context(article(text))
    refuted = [q for q in claim_questions(ctx) if q.verdict == "refuted"]
    assert refuted, [q.claim for q in claim_questions(ctx)]
    for q in refuted:
        assert "a step that" not in q.claim or "percent" in q.claim.split("a step that")[1]
        assert len(q.claim.split()) < len(text.split())
        assert q.claim.endswith(".")
