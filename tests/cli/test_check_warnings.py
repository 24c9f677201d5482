"""`quiz check`: warnings, and `--strict`, which makes them errors.

No explanation, an answer not found in its evidence, a draft not yet reviewed. The shared bank
parts and helpers are in ``check_helpers``.
"""

from click.testing import Result

from .check_helpers import (
    CHOICE,
    HEAD,
    TEXT,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check_bank,
    only_problem,
    problems,
    summary,
)

# --- warnings --------------------------------------------------------------------------------


def only_warning(result: Result, line: int, *words: str) -> str:
    assert result.exit_code == 0, result.output
    got_line, severity, message = only_problem(result)
    assert (got_line, severity) == (line, "warning"), message
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert summary(result) == (1, 1, 0, 1, 1)
    return message


def test_warning_no_explanation() -> None:
    body = HEAD + CHOICE.replace('explanation = "The article names him."\n', "")
    only_warning(check_bank(body), 6, "question `q1`: no explanation")


def test_warning_choice_answer_not_in_evidence() -> None:
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Vladimir Putin"')
    only_warning(check_bank(body), 11, "answer `Vladimir Putin` does not appear in its evidence")


def test_choice_answer_in_evidence_ignores_case_and_quotes() -> None:
    body = HEAD + CHOICE.replace('"Ismail Demir"', '"ISMAIL DEMIR"')
    result = check_bank(body)
    assert result.exit_code == 0
    assert problems(result) == []


def test_warning_no_text_answer_in_evidence() -> None:
    body = HEAD + TEXT.replace(
        'evidence = "its chief Ismail Demir"', 'evidence = "three other employees"'
    )
    only_warning(check_bank(body), 10, "no accepted answer appears in the evidence")


def test_one_text_answer_in_evidence_is_enough() -> None:
    body = HEAD + TEXT.replace('["Ismail Demir", "Demir"]', '["The chief", "demir"]')
    result = check_bank(body)
    assert result.exit_code == 0
    assert problems(result) == []


def test_warning_draft() -> None:
    body = HEAD + CHOICE.replace(
        'explanation = "The article names him."', 'explanation = "x"\ndraft = true'
    )
    only_warning(check_bank(body), 14, "drafted and not yet reviewed", "remove draft = true")


def test_strict_turns_warnings_into_errors() -> None:
    body = HEAD + CHOICE.replace('explanation = "The article names him."', "draft = true")
    lenient = check_bank(body)
    assert lenient.exit_code == 0
    assert [(line, sev) for _, line, sev, _ in problems(lenient)] == [
        (6, "warning"),
        (13, "warning"),
    ]
    strict = check_bank(body, "--strict")
    assert strict.exit_code == 1
    assert [(line, sev) for _, line, sev, _ in problems(strict)] == [(6, "error"), (13, "error")]
    assert summary(strict)[2:4] == (2, 0)


def test_strict_without_warnings_passes() -> None:
    result = check_bank(HEAD + CHOICE, "--strict")
    assert result.exit_code == 0
    assert summary(result) == (1, 1, 0, 0, 1)


def test_warning_evidence_that_cuts_a_word() -> None:
    body = HEAD + CHOICE.replace('"its chief Ismail Demir"', '"s chief Ismail Demir and thr"')
    only_warning(
        check_bank(body),
        12,
        "evidence “s chief Ismail Demir and thr” starts and ends inside a word of the article",
    )
