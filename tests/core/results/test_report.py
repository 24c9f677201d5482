"""The item analysis: difficulty, discrimination, the most chosen wrong answer, tags, players,
and the flags, on a class worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from quiz.core.bank.catalog import Bank
from quiz.core.bank.model import ChoiceQuestion, fingerprint
from quiz.core.play.session import QuizSettings
from quiz.core.results.records import AnswerRecord, AttemptRecord
from quiz.core.results.report import item_analysis
from quiz.core.results.report_formats import CSV_COLUMNS, report_json, report_lines, report_rows
from quiz.core.results.report_statistics import QUIZ_FIELDS
from quiz.core.results.report_table import LEGEND

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)

# Who got each question right. With 8 players the top and bottom groups hold
# round(0.27 * 8) = 2 players each. Scores out of 7: ann 5, bob 4, cat 4, dan 4, eve 2, fay 2,
# gus 2, hal 1, so the top group is ann and bob, the bottom group gus and hal (eve, fay and gus
# tie at 2 and are ranked by name).
RIGHT = {
    "q1": {"ann", "bob", "cat", "dan", "eve"},
    "q2": {"ann", "bob", "cat", "dan", "fay"},
    "q3": {"ann", "bob", "cat"},
    "q4": {"ann", "bob"},
    "q5": {"ann", "cat", "dan", "eve", "fay", "gus"},
    "q6": {"gus", "hal"},
    "q7": {"dan"},
}
PLAYERS = ["ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal"]
WRONG = {"fay": "Central Bank", "gus": "Central Bank", "hal": "Airlines"}  # q1
TYPED = {"dan": "paris", "eve": "Paris!", "fay": "London", "gus": "Rome", "hal": "PARIS"}  # q3
TAGS = {"q1": ("sanctions",), "q2": ("sanctions", "dates")}


def answer(
    aid: str, qid: str, ok: bool, given: str, n: int, fp: str = "f", bank: str = "b"
) -> AnswerRecord:
    kind = "text" if qid == "q3" else "choice"
    return AnswerRecord(
        aid,
        bank,
        qid,
        fp,
        kind,
        given,
        ok,
        float(ok),
        1.0,
        TAGS.get(qid, ()),
        T0 + timedelta(minutes=n),
    )


def attempt(aid: str, player: str, answers: list[AnswerRecord]) -> AttemptRecord:
    return AttemptRecord(
        id=aid,
        player=player,
        banks=("b",),
        settings=QuizSettings(seed=1),
        order=tuple(a.key for a in answers),
        max_score=len(answers),
        started_at=answers[0].answered_at,
        answers=tuple(answers),
    )


def the_class() -> list[AttemptRecord]:
    attempts = []
    for n, player in enumerate(PLAYERS):
        answers: list[AnswerRecord] = []
        for qid, right in RIGHT.items():
            ok = player in right
            given = "Right"
            if not ok and qid == "q1":
                given = WRONG[player]
            elif not ok and qid == "q3":
                given = TYPED[player]
            elif not ok:
                given = "Wrong"
            fp = "old" if qid == "q2" and n < 3 else "f"
            answers.append(answer(f"a{n}", qid, ok, given, 10 * n + len(answers), fp))
        attempts.append(attempt(f"a{n}", player, answers))
    return attempts


def test_difficulty_and_discrimination_by_hand() -> None:
    report = item_analysis(the_class())
    stats = {q.key: q for q in report.questions}
    assert [q.key for q in report.questions] == [f"b/q{n}" for n in range(1, 8)]
    assert stats["b/q1"].answers == 8 and stats["b/q1"].right == 5
    assert stats["b/q1"].difficulty == pytest.approx(5 / 8)
    # q1: top ann, bob both right (1.0); bottom gus, hal both wrong (0.0)
    assert stats["b/q1"].discrimination == pytest.approx(1.0)
    # q5: top ann right, bob wrong (0.5); bottom gus right, hal wrong (0.5)
    assert stats["b/q5"].discrimination == pytest.approx(0.0)
    assert stats["b/q5"].difficulty == pytest.approx(6 / 8)
    # q6: the top both wrong, the bottom both right
    assert stats["b/q6"].discrimination == pytest.approx(-1.0)
    assert stats["b/q7"].difficulty == pytest.approx(1 / 8)
    assert stats["b/q7"].discrimination == pytest.approx(0.0)


def test_most_chosen_wrong_answer() -> None:
    stats = {q.key: q for q in item_analysis(the_class()).questions}
    assert (stats["b/q1"].top_wrong, stats["b/q1"].top_wrong_count) == ("Central Bank", 2)
    # typed answers are grouped loosely: paris, Paris! and PARIS are one answer
    assert (stats["b/q3"].top_wrong, stats["b/q3"].top_wrong_count) == ("paris", 3)
    assert stats["b/q4"].top_wrong == "Wrong"


def test_wrong_answers_chosen_as_often_are_a_tie_said_so() -> None:
    given = {"ann": "Rome", "bob": "Oslo", "cat": "Bern", "dan": "Right", "eve": "Lima"}
    attempts = [
        attempt(p, p, [answer(p, "q1", text == "Right", text, n)])
        for n, (p, text) in enumerate(given.items())
    ]
    for order in (attempts, attempts[::-1]):
        [q] = item_analysis(order).questions
        # Bern, Lima, Oslo and Rome once each: the first in alphabetical order, and the tie
        assert (q.top_wrong, q.top_wrong_count, q.top_wrong_ties) == ("Bern", 1, 3)
    report = item_analysis(attempts)
    assert any(line.endswith("  Bern (1, tied with 3 others)") for line in report_lines(report))
    row = dict(zip(CSV_COLUMNS, report_rows(report)[0], strict=True))
    assert (row["most_chosen_wrong"], row["wrong_count"], row["wrong_ties"]) == ("Bern", 1, 3)
    assert report_json(report)["questions"][0]["top_wrong_ties"] == 3
    two = attempts[1:3]
    assert any(line.endswith("(1, tied with 1 other)") for line in report_lines(item_analysis(two)))
    fay = attempt("fay", "fay", [answer("fay", "q1", False, "Oslo", 9)])
    [q] = item_analysis([*attempts, fay]).questions
    assert (q.top_wrong, q.top_wrong_count, q.top_wrong_ties) == ("Oslo", 2, 0)
    assert not any("tied" in line for line in report_lines(item_analysis([*attempts, fay])))


def test_a_typed_wrong_answer_is_shown_as_first_given_whatever_the_order() -> None:
    late = attempt("b", "bob", [answer("b", "q3", False, "paris", 5)])
    early = attempt("a", "ann", [answer("a", "q3", False, "PARIS", 1)])
    for order in ([late, early], [early, late]):
        [q] = item_analysis(order).questions
        assert (q.top_wrong, q.top_wrong_count, q.top_wrong_ties) == ("PARIS", 2, 0)


def test_flags() -> None:
    stats = {q.key: q for q in item_analysis(the_class()).questions}
    assert any("almost nobody right (12%)" in f for f in stats["b/q7"].flags)
    assert any("D = -1.00" in f for f in stats["b/q6"].flags)
    assert any("3 answers given to an older wording" in f for f in stats["b/q2"].flags)
    assert stats["b/q2"].older_wording == 3
    assert stats["b/q1"].flags == () and stats["b/q5"].flags == ()


def test_older_wording_against_the_current_bank(banks: list[Bank]) -> None:
    question = banks[0].questions[0]
    key = f"sanctions/{question.id}"
    current = fingerprint(question)
    answers = [
        answer("a", question.id, True, "Right", 0, "stale", "sanctions"),
        answer("a", "q9", True, "Right", 1, "x", "sanctions"),
    ]
    later = [answer("b", question.id, True, "Right", 5, current, "sanctions")]
    attempts = [attempt("a", "ann", answers), attempt("b", "bob", later)]
    stats = {q.key: q for q in item_analysis(attempts, {key: question}).questions}
    assert stats[key].older_wording == 1 and stats[key].text == question.text
    assert stats["sanctions/q9"].older_wording == 0 and stats["sanctions/q9"].text == ""
    # Without the banks, the latest fingerprint seen is the current one: the same here.
    assert {q.key: q for q in item_analysis(attempts).questions}[key].older_wording == 1


def test_tags_and_players() -> None:
    report = item_analysis(the_class())
    tags = {t.tag: t for t in report.tags}
    assert set(tags) == {"sanctions", "dates", "untagged"}
    assert (tags["sanctions"].answers, tags["sanctions"].right) == (16, 10)
    assert tags["dates"].share == pytest.approx(5 / 8)
    assert tags["untagged"].answers == 40
    assert [p.player for p in report.players] == PLAYERS  # best first, ties by name
    assert [p.score for p in report.players] == [5, 4, 4, 4, 2, 2, 2, 1]
    assert report.players[0].max_score == 7 and report.players[0].percent == pytest.approx(500 / 7)
    assert (report.attempts, report.answers) == (8, 56)


def test_anonymous_players() -> None:
    report = item_analysis(the_class(), anonymous=True)
    assert [p.player for p in report.players] == [f"P{n}" for n in range(1, 9)]
    text = "\n".join(report_lines(report))
    assert not any(name in text for name in PLAYERS)


def test_anonymous_numbers_follow_the_rows_not_the_names() -> None:
    zoe = attempt("z", "zoe", [answer("z", "q1", True, "Right", 0)])
    amy = attempt("a", "amy", [answer("a", "q1", False, "Wrong", 1)])
    bea = attempt("b", "bea", [answer("b", "q1", True, "Right", 2)])
    report = item_analysis([amy, bea, zoe], anonymous=True)
    # shown best first, ties by name (bea before zoe), numbered in that order
    assert [(p.player, p.score) for p in report.players] == [("P1", 1), ("P2", 1), ("P3", 0)]
    named = item_analysis([amy, bea, zoe])
    assert [p.player for p in named.players] == ["bea", "zoe", "amy"]


def test_bank_filter_and_few_players() -> None:
    attempts = the_class()
    other = attempt("z", "zed", [answer("z", "q1", False, "No", 0, bank="other")])
    report = item_analysis([*attempts, other], bank="other")
    assert [q.key for q in report.questions] == ["other/q1"]
    assert [p.player for p in report.players] == ["zed"]
    assert report.questions[0].discrimination is None  # one player: no groups


def test_outputs() -> None:
    report = item_analysis(the_class())
    data = report_json(report)
    assert data["format"] == "factquiz-report" and len(data["questions"]) == 7
    assert data["questions"][0]["key"] == "b/q1" and data["players"][0]["percent"] == 71.4
    rows = report_rows(report)
    assert {len(r) for r in rows} == {len(CSV_COLUMNS)} == {22}
    # appended: the older columns keep their places
    assert CSV_COLUMNS[12:14] == ("wrong_ties", "unanswered")
    assert [r[0] for r in rows].count("question") == 7
    assert [r[1] for r in rows if r[0] == "quiz"] == list(QUIZ_FIELDS)
    lines = report_lines(report)
    assert any("b/q6" in line for line in lines)
    assert any("! the strongest players did worse" in line for line in lines)
    tags = lines.index("Tags (right: answers fully right)")
    legend = lines.index("What the figures say")
    assert lines[legend:tags] == [*LEGEND, ""]  # under the tables, before the tags
    assert (
        lines.index("Questions")
        < lines.index("Moodle's statistics (in percent, but skewness and kurtosis)")
        < legend
    )
    assert lines[tags + 1].split() == ["tag", "answers", "right"]
    players = lines.index(
        "Players (score: partial credit counted; each question once, the first answer)"
    )
    assert lines[players + 1].split() == ["player", "score", "share", "attempts"]


def test_a_quiz_left_after_one_answer_counts_the_questions_not_answered() -> None:
    finished = attempt("f", "fin", [answer("f", f"q{n}", n != 4, "x", n) for n in range(1, 5)])
    left = attempt("l", "left", [answer("l", "q1", True, "x", 1)])
    left = replace(left, order=tuple(f"b/q{n}" for n in range(1, 5)), max_score=4.0)
    report = item_analysis([finished, left])
    assert [(p.player, p.score, p.max_score) for p in report.players] == [
        ("fin", 3.0, 4.0),
        ("left", 1.0, 4.0),
    ]
    other = answer("l", "z1", True, "x", 2, bank="other")
    mixed = replace(left, order=(*left.order, "other/z1"), answers=(*left.answers, other))
    worth_two = ChoiceQuestion(
        id="q2", kind="choice", points=2.0, prompt="?", options=("a", "b"), answer="a", feedback={}
    )
    only_b = item_analysis([mixed], {"b/q2": worth_two}, bank="b")
    assert [(p.score, p.max_score) for p in only_b.players] == [(1.0, 5.0)]  # 1 + 2 + 1 + 1


def test_too_few_players_to_flag_a_question_the_strongest_did_worse_on() -> None:
    # amy is strongest (q2 and q3 right) and got q1 wrong; the two others got only q1 right
    attempts = [
        attempt("a", "amy", [answer("a", "q1", False, "No", 0), answer("a", "q2", True, "Yes", 1),
                             answer("a", "q3", True, "Paris", 2)]),
        attempt("b", "ben", [answer("b", "q1", True, "Yes", 0), answer("b", "q2", False, "No", 1),
                             answer("b", "q3", False, "Rome", 2)]),
        attempt("c", "cy", [answer("c", "q1", True, "Yes", 0), answer("c", "q2", False, "No", 1),
                            answer("c", "q3", False, "Rome", 2)]),
    ]  # fmt: skip
    q1 = next(q for q in item_analysis(attempts).questions if q.key == "b/q1")
    assert q1.discrimination is not None and q1.discrimination < 0
    assert q1.flags == ()


def test_the_most_chosen_wrong_verdict_is_named_as_players_saw_it() -> None:
    from dataclasses import replace

    def verdict(aid: str, given: str, n: int) -> AnswerRecord:
        return replace(answer(aid, "q1", False, given, n), kind="claim")

    attempts = [attempt(p, p, [verdict(p, "not-in-article", 0)]) for p in ("amy", "ben")]
    [q1] = item_analysis(attempts).questions
    assert (q1.top_wrong, q1.top_wrong_count) == ("Not in the article", 2)
