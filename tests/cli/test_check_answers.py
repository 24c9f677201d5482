"""`quiz check`: options and answers, and what a claim needs.

Options that repeat or are too few or too many, answers not among the options, feedback keyed
by an unknown option, multi answers, order items, accepted texts; a claim's verdict and its
evidence or explanation. The shared bank parts and helpers are in ``check_helpers``.
"""

import pytest

from .check_helpers import (
    CHOICE,
    CLAIM,
    HEAD,
    MULTI,
    TEXT,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check_bank,
    only_error,
    summary,
)

# --- options and answers ---------------------------------------------------------------------


def test_options_repeat() -> None:
    body = HEAD + CHOICE.replace('"Vladimir Putin"]', '"Vladimir Putin", "Ismail Demir"]')
    only_error(check_bank(body), 10, "option `Ismail Demir` repeats")


def test_fewer_than_two_options() -> None:
    body = HEAD + CHOICE.replace('["Ismail Demir", "Vladimir Putin"]', '["Ismail Demir"]')
    assert only_error(check_bank(body), 10) == "question `q1`: options has 1 entry; give 2 to 9"


def test_more_than_nine_options() -> None:
    many = ", ".join(f'"Option {n}"' for n in range(9))
    body = HEAD + CHOICE.replace('"Vladimir Putin"]', f'"Vladimir Putin", {many}]')
    assert only_error(check_bank(body), 10) == "question `q1`: options has 11 entries; give 2 to 9"


@pytest.mark.parametrize("same", ["ismail  demir", "ISMAIL DEMIR", "Ismail Demír", "Ismail-Demir"])
def test_options_same_after_normalisation(same: str) -> None:
    body = HEAD + CHOICE.replace('"Vladimir Putin"]', f'"Vladimir Putin", "{same}"]')
    only_error(check_bank(body), 10, f"option `{same}` is the same as `Ismail Demir`")


def test_options_same_with_curly_and_straight_quotes() -> None:
    body = HEAD + CHOICE.replace(
        '["Ismail Demir", "Vladimir Putin"]', '["Turkey’s army", "Turkey\'s army", "Ismail Demir"]'
    )
    only_error(check_bank(body), 10, "option `Turkey's army` is the same as `Turkey’s army`")


def test_answer_not_among_options() -> None:
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Ismail Demirr"')
    only_error(
        check_bank(body),
        11,
        "answer `Ismail Demirr` is not among the options",
        "closest: `Ismail Demir`",
    )


NOT_AN_OPTION = (
    "question `q1`: feedback for `{}`, which is not one of the options{}; "
    "a feedback key must be an option, copied exactly"
)


def test_feedback_for_an_unknown_option() -> None:
    body = HEAD + CHOICE + '\n[questions.feedback]\n"Vladimir Putin" = "No."\n"Joe Biden" = "No."\n'
    assert only_error(check_bank(body), 17) == NOT_AN_OPTION.format("Joe Biden", "")


@pytest.mark.parametrize(
    "feedback",
    [
        'feedback = { "Vladimir Putin" = "No.", "Vladimir Putn" = "No." }',
        'feedback."Vladimir Putn" = "No."',
    ],
)
def test_feedback_for_an_unknown_option_at_its_line(feedback: str) -> None:
    body = HEAD + CHOICE + feedback + "\n"
    assert only_error(check_bank(body), 14) == NOT_AN_OPTION.format(
        "Vladimir Putn", " (closest: `Vladimir Putin`)"
    )


def test_feedback_text_of_a_wrong_type_at_its_line() -> None:
    body = HEAD + CHOICE + '\n[questions.feedback]\n"Ismail Demir" = "Yes."\n"Vladimir Putin" = 3\n'
    assert only_error(check_bank(body), 17) == (
        "question `q1`: `feedback` must be a table with a text for each option, but "
        '`Vladimir Putin` is 3; write it like feedback = { "…" = "…" }'
    )


def test_multi_answers_not_a_subset() -> None:
    body = HEAD + MULTI.replace(
        'answers = ["Ismail Demir"', 'answers = ["Joe Biden", "Ismail Demir"'
    )
    only_error(check_bank(body), 11, "answers `Joe Biden` not among the options", "subset")


def test_multi_answers_empty() -> None:
    body = HEAD + MULTI.replace(
        'answers = ["Ismail Demir", "three other employees"]', "answers = []"
    )
    only_error(check_bank(body), 11, "answers is empty")


def test_order_items_repeat() -> None:
    order = """
[[questions]]
id = "o1"
kind = "order"
prompt = "Earliest first."
items = ["Sanctions", "Meeting", "sanctions"]
evidence = "later this week on Wednesday"
explanation = "Dates."
"""
    only_error(check_bank(HEAD + order), 10, "item `sanctions` is the same as `Sanctions`")


def test_text_accept_without_answer() -> None:
    body = HEAD + TEXT.replace('accept = ["Ismail Demir", "Demir"]', 'accept = ["?!", " "]')
    only_error(check_bank(body), 10, "accept has no answer")


# --- claims ----------------------------------------------------------------------------------


def test_verdict_not_one_of_three() -> None:
    body = HEAD + CLAIM.replace('verdict = "supported"', 'verdict = "true"')
    assert only_error(check_bank(body), 10) == (
        'question `c1`: `verdict` must be "supported", "refuted" or "not-in-article", '
        'not "true"; write one of them, like verdict = "supported"'
    )


def test_evidence_missing_where_required() -> None:
    body = HEAD + CLAIM.replace(
        'evidence = "Russia’s S-400s pose a threat to its F-35 fighter jets"\n', ""
    )
    only_error(check_bank(body), 6, "question `c1`: missing evidence")


def test_evidence_missing_for_a_choice() -> None:
    body = HEAD + CHOICE.replace('evidence = "its chief Ismail Demir"\n', "")
    only_error(check_bank(body), 6, "question `q1`: missing evidence")


def test_not_in_article_without_evidence_needs_explanation() -> None:
    claim = """
[[questions]]
id = "c2"
kind = "claim"
claim = "The article gives the price."
verdict = "not-in-article"
"""
    only_error(
        check_bank(HEAD + claim), 6, "not-in-article claim without evidence needs an explanation"
    )
    result = check_bank(HEAD + claim + 'explanation = "No price is given."\n')
    assert result.exit_code == 0, result.output
    assert summary(result) == (1, 1, 0, 0, 1)


@pytest.mark.parametrize(("key", "closest"), [("vladimir putin", "Vladimir Putin"), ("VP", "")])
def test_feedback_for_an_option_in_another_case_names_the_option(key: str, closest: str) -> None:
    body = HEAD + CHOICE + f'feedback."{key}" = "No."\n'
    hint = f" (closest: `{closest}`)" if closest else ""
    assert only_error(check_bank(body), 14) == NOT_AN_OPTION.format(key, hint)
