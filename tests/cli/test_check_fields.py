"""`quiz check`: a question's fields, and values of the wrong type said in TOML's words.

Missing and unknown keys, kinds, keys of another kind, wrong types (never with Python's type
names), question ids, points and true-or-false values. The shared bank parts and helpers are
in ``check_helpers``.
"""

import re

import pytest

from .check_helpers import (
    CHOICE,
    HEAD,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check_bank,
    only_error,
    problems,
)

# --- question fields -------------------------------------------------------------------------


def test_missing_required_field() -> None:
    body = HEAD + CHOICE.replace('prompt = "Who was sanctioned?"\n', "")
    only_error(check_bank(body), 6, "question `q1`", "missing required field `prompt`")


def test_missing_kind() -> None:
    body = HEAD + CHOICE.replace('kind = "choice"\n', "")
    only_error(check_bank(body), 6, "missing required field `kind`")


def test_unknown_kind() -> None:
    body = HEAD + CHOICE.replace('kind = "choice"', 'kind = "choise"')
    only_error(check_bank(body), 8, "unknown kind `choise`", "did you mean `choice`?")


def test_unknown_key_with_suggestion() -> None:
    body = HEAD + CHOICE.replace("answer =", "answr =")
    result = check_bank(body)
    assert result.exit_code == 1
    found = [(line, msg) for _, line, _, msg in problems(result)]
    # said once: the missing `answer` is the misspelt key, not a second problem
    assert found == [(11, "question `q1`: unknown key `answr`; did you mean `answer`?")]


def test_key_of_another_kind() -> None:
    body = HEAD + CHOICE.replace('explanation = "The article names him."', 'verdict = "supported"')
    result = check_bank(body)
    assert result.exit_code == 1
    line, _, message = problems(result)[0][1:]
    assert line == 13
    assert "unknown key `verdict`" in message
    assert "not a key of a choice question" in message


def test_wrong_type() -> None:
    body = HEAD + CHOICE.replace('options = ["Ismail Demir", "Vladimir Putin"]', "options = 3")
    assert only_error(check_bank(body), 10) == (
        "question `q1`: `options` must be a list of strings, not 3; "
        'write it like options = ["…", "…"]'
    )


@pytest.mark.parametrize(
    ("line", "old", "new", "message"),
    [
        (
            10,
            'options = ["Ismail Demir", "Vladimir Putin"]',
            'options = "Ismail Demir, Vladimir Putin"',
            '`options` must be a list of strings, not "Ismail Demir, Vladimir Putin"; '
            'write it like options = ["…", "…"]',
        ),
        (
            10,
            '"Vladimir Putin"]',
            "1998]",
            "`options` must be a list of strings, but entry 2 is 1998; "
            'write it like options = ["…", "…"]',
        ),
        (
            13,
            "explanation =",
            'tags = "actors"\nexplanation =',
            '`tags` must be a list of strings, not "actors"; write it like tags = ["…", "…"]',
        ),
        (
            9,
            'prompt = "Who was sanctioned?"',
            "prompt = 1979-05-27",
            '`prompt` must be a string, not a date or time; write it in quotes, like prompt = "…"',
        ),
        (
            13,
            "explanation =",
            "feedback = 3\nexplanation =",
            "`feedback` must be a table with a text for each option, not 3; "
            'write it like feedback = { "…" = "…" }',
        ),
    ],
)
def test_wrong_type_in_toml_words(line: int, old: str, new: str, message: str) -> None:
    body = HEAD + CHOICE.replace(old, new)
    assert only_error(check_bank(body), line) == f"question `q1`: {message}"


PYTHON_TYPES = re.compile(r"\b(tuple|dict|dictionary|float|int|integer|bool|boolean|str)\b")


@pytest.mark.parametrize(
    "value", ["3", "2.5", "true", "[1]", '["a", [2]]', "{ a = 1 }", "1979-05-27"]
)
@pytest.mark.parametrize(
    "key", ["prompt", "options", "answer", "evidence", "explanation", "tags", "feedback", "points"]
)
def test_no_python_type_names(key: str, value: str) -> None:
    lines = [line for line in CHOICE.splitlines() if not line.startswith(f"{key} =")]
    result = check_bank(HEAD + "\n".join(lines) + f"\n{key} = {value}\n")
    for _, _, _, message in problems(result):
        assert not PYTHON_TYPES.search(message), message
        assert "; " in message, message


@pytest.mark.parametrize(
    ("evidence", "said"),
    [
        ("1998", "not 1998"),
        ('["its chief", 3]', "but entry 2 is 3"),
        ("[[1]]", "but entry 1 is a list"),
        ("{ quote = 1 }", "not a table"),
    ],
)
def test_union_typed_field_is_one_line(evidence: str, said: str) -> None:
    body = HEAD + CHOICE.replace('evidence = "its chief Ismail Demir"', f"evidence = {evidence}")
    assert only_error(check_bank(body), 12) == (
        f"question `q1`: `evidence` must be a quote (a string) or a list of quotes, {said}; "
        'write it like evidence = "…" or ["…", "…"]'
    )


def test_bad_question_id() -> None:
    body = HEAD + CHOICE.replace('id = "q1"', 'id = "Q 1"')
    only_error(check_bank(body), 7, "id `Q 1` is not lowercase")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("points = true", "`points` must be a number, not true; "),
        ('points = "2"', '`points` must be a number, not "2"; '),
        ('draft = "yes"', '`draft` must be true or false, not "yes"; '),
        ("draft = 1", "`draft` must be true or false, not 1; "),
    ],
)
def test_numbers_and_true_or_false_are_strict(setting: str, message: str) -> None:
    body = HEAD + CHOICE.replace("explanation =", f"{setting}\nexplanation =")
    key = setting.split()[0]
    advice = (
        "write a number without quotes, like points = 2"
        if key == "points"
        else "write true or false without quotes, like draft = true"
    )
    assert only_error(check_bank(body), 13) == f"question `q1`: {message}{advice}"


@pytest.mark.parametrize(
    ("points", "shown"),
    [
        ("0", "0"),
        ("-1", "-1"),
        ("nan", "nan"),
        ("inf", "inf"),
        ("1e308", "1e+308"),
        ("1000.5", "1000.5"),
        ("1e-9", "1e-09"),
        ("0.009", "0.009"),
    ],
)
def test_points_out_of_range(points: str, shown: str) -> None:
    body = HEAD + CHOICE.replace("explanation =", f"points = {points}\nexplanation =")
    assert only_error(check_bank(body), 13) == (
        f"question `q1`: points must be a number from 0.01 to 1000, not {shown}; "
        "give the question's weight, 1 by default"
    )


@pytest.mark.parametrize("points", ["0.25", "1000"])
def test_points_in_range(points: str) -> None:
    body = HEAD + CHOICE.replace("explanation =", f"points = {points}\nexplanation =")
    result = check_bank(body)
    assert result.exit_code == 0, result.output
    assert problems(result) == []


@pytest.mark.parametrize("tags", ['["dates", ""]', '["  "]'])
def test_an_empty_tag(tags: str) -> None:
    body = HEAD + CHOICE.replace("explanation =", f"tags = {tags}\nexplanation =")
    only_error(check_bank(body), 13, "a tag is empty")


def test_a_quote_given_twice_in_the_evidence() -> None:
    quotes = 'evidence = ["its chief Ismail Demir", "Defense Industry", "its chief Ismail Demir"]'
    body = HEAD + CHOICE.replace('evidence = "its chief Ismail Demir"', quotes)
    only_error(check_bank(body), 12, "evidence “its chief Ismail Demir” is given twice; keep one")
