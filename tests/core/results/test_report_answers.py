"""Each answer counted, what the strongest chose, and the flag that says to check the key."""

from __future__ import annotations

from dataclasses import replace

from quiz.core.bank.model import ChoiceQuestion, ClaimQuestion, MultiQuestion
from quiz.core.results.records import AnswerRecord
from quiz.core.results.report import item_analysis
from quiz.core.results.report_answers import Chosen, chosen, key_doubt
from quiz.core.results.report_formats import report_json, report_lines

from .test_report import answer, attempt


def claim(aid: str, given: str, right: bool, n: int, qid: str = "q1") -> AnswerRecord:
    return replace(answer(aid, qid, right, given, n), kind="claim")


def test_every_answer_is_counted_and_options_nobody_chose_are_shown_with_the_bank() -> None:
    given = ["Paris", "Rome", "Paris", "Oslo", "Paris"]
    answers = [answer(f"a{n}", "q1", g == "Paris", g, n) for n, g in enumerate(given)]
    assert chosen(answers, None) == (
        Chosen("Paris", 3, True),
        Chosen("Oslo", 1, False),
        Chosen("Rome", 1, False),
    )
    question = ChoiceQuestion(
        id="q1",
        kind="choice",
        prompt="?",
        options=("Paris", "Rome", "Oslo", "Bern"),
        answer="Paris",
    )
    assert chosen(answers, question)[-1] == Chosen("Bern", 0, False)


def test_a_multi_answer_counts_each_option_and_verdicts_show_their_labels() -> None:
    picks = [("A", "B"), ("A",), ("A", "C")]
    answers = [
        replace(answer(f"a{n}", "q1", p == ("A", "B"), "", n), kind="multi", response=p)
        for n, p in enumerate(picks)
    ]
    # without the bank, the right options are those of a fully right answer
    assert chosen(answers, None) == (
        Chosen("A", 3, True),
        Chosen("B", 1, True),
        Chosen("C", 1, False),
    )
    question = MultiQuestion(
        id="q1", kind="multi", prompt="?", options=("A", "B", "C", "D"), answers=("A", "B")
    )
    assert Chosen("D", 0, False) in chosen(answers, question)
    verdicts = [claim("a", "refuted", False, 0), claim("b", "supported", True, 1)]
    verdict = ClaimQuestion(id="q1", kind="claim", claim="x", verdict="supported")
    assert chosen(verdicts, verdict) == (
        Chosen("Refuted", 1, False),
        Chosen("Supported", 1, True),
        Chosen("Not in the article", 0, False),
    )


def test_the_key_is_doubted_when_most_of_the_strongest_chose_the_same_wrong_answer() -> None:
    strongest = [claim(f"s{n}", "supported", False, n) for n in range(4)]
    strongest.append(claim("s4", "refuted", True, 4))
    assert key_doubt(strongest) == "check the answer key: 4 of the 5 strongest chose Supported"
    split = [claim("a", "supported", False, 0), claim("b", "refuted", True, 1)]
    assert key_doubt(split * 2) is None  # only 2 of 4
    assert key_doubt(strongest[:2]) is None  # too few to say


def test_the_report_flags_the_key_and_says_what_to_do() -> None:
    # 18 players: the top 27% is round(4.86) = 5. The five strongest got q2..q4 right and
    # said "supported" to q1, whose key says "refuted"; the others got only q1 right.
    attempts = []
    for n in range(18):
        strong = n < 5
        q1 = claim(f"a{n}", "supported" if strong else "refuted", not strong, 10 * n)
        rest = [answer(f"a{n}", f"q{m}", strong, "x", 10 * n + m) for m in range(2, 5)]
        attempts.append(attempt(f"a{n}", f"p{n:02}", [q1, *rest]))
    report = item_analysis(attempts)
    q1 = next(q for q in report.questions if q.key == "b/q1")
    assert q1.flags[0] == "check the answer key: 5 of the 5 strongest chose Supported"
    assert q1.chosen == (
        Chosen("Refuted", 13, True),
        Chosen("Supported", 5, False),
        Chosen("Not in the article", 0, False),  # a verdict nobody gave
    )
    lines = report_lines(report)
    assert "            chosen: Refuted 13 (right), Supported 5, Not in the article 0" in lines
    assert any(line.startswith("Caution: only 18 players; below 20") for line in lines)
    data = report_json(report)["questions"][0]
    assert data["chosen"][0] == {"answer": "Refuted", "count": 13, "right": True}
    twenty = [*attempts, *(replace(a, id=f"x{a.id}", player=f"x{a.player}") for a in attempts[:2])]
    assert not any(line.startswith("Caution") for line in report_lines(item_analysis(twenty)))


def test_long_answer_counts_wrap_within_the_terminal() -> None:
    options = [f"option number {n} with a long name" for n in range(6)]
    answers = [answer(f"a{n}", "q1", n == 0, o, n) for n, o in enumerate(options)]
    lines = report_lines(item_analysis([attempt(a.attempt_id, a.attempt_id, [a]) for a in answers]))
    start = next(n for n, line in enumerate(lines) if "chosen: " in line)
    block = lines[start : start + 3]
    assert all(len(line) <= 100 for line in block)
    assert block[1].strip().startswith("option number") and block[0].endswith(",")
    counted = "".join(block)
    assert all(f"{o} 1" in counted for o in options)
