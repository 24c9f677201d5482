"""`quiz check`: every problem the loader reports, at its line, and the exit codes.

Each test writes a bank into a folder holding a copy of the bundled article (the ``bank_dir``
fixture) and runs ``quiz check bank.toml`` from that folder, so problems read
``bank.toml:LINE: ...``.
"""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.core.errors import QuizError

HEAD = """\
[bank]
id = "t"
title = "Test bank"
article = "article.txt"
"""

# A valid choice question. With HEAD before it, its lines are:
# 6 [[questions]], 7 id, 8 kind, 9 prompt, 10 options, 11 answer, 12 evidence, 13 explanation.
CHOICE = """
[[questions]]
id = "q1"
kind = "choice"
prompt = "Who was sanctioned?"
options = ["Ismail Demir", "Vladimir Putin"]
answer = "Ismail Demir"
evidence = "its chief Ismail Demir"
explanation = "The article names him."
"""

# 6 [[questions]], 7 id, 8 kind, 9 prompt, 10 options, 11 answers, 12 evidence, 13 explanation.
MULTI = """
[[questions]]
id = "m1"
kind = "multi"
prompt = "Who was sanctioned?"
options = ["Ismail Demir", "three other employees", "Vladimir Putin"]
answers = ["Ismail Demir", "three other employees"]
evidence = "along with its chief Ismail Demir and three other employees"
explanation = "Both are named."
"""

# 6 [[questions]], 7 id, 8 kind, 9 claim, 10 verdict, 11 evidence, 12 explanation.
CLAIM = """
[[questions]]
id = "c1"
kind = "claim"
claim = "Washington says S-400s threaten F-35 jets."
verdict = "supported"
evidence = "Russia’s S-400s pose a threat to its F-35 fighter jets"
explanation = "The article says so."
"""

# 6 [[questions]], 7 id, 8 kind, 9 prompt, 10 accept, 11 evidence, 12 explanation.
TEXT = """
[[questions]]
id = "t1"
kind = "text"
prompt = "Name the chief of the directorate."
accept = ["Ismail Demir", "Demir"]
evidence = "its chief Ismail Demir"
explanation = "He is named."
"""

SUMMARY = re.compile(
    r"^(\d+) banks?, (\d+) questions?(?: \((\d+) left out for errors\))?, "
    r"(\d+) errors?, (\d+) warnings?, (\d+) files? checked$"
)


@pytest.fixture(autouse=True)
def _in_bank_dir(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(bank_dir)
    monkeypatch.setenv("QUIZ_HOME", str(bank_dir / "home"))


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


def check_bank(text: str | bytes, *args: str) -> Result:
    path = Path("bank.toml")
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return check(*args, "bank.toml")


def problems(result: Result) -> list[tuple[str, int, str, str]]:
    """(file, line, severity, message) of each problem line of the output."""
    found = []
    for line in result.stdout.splitlines():
        match = re.match(r"^(.+?):(\d+): (error|warning): (.*)$", line)
        if match:
            found.append((match[1], int(match[2]), match[3], match[4]))
    return found


def summary(result: Result) -> tuple[int, ...]:
    """(banks, questions, errors, warnings, files) from the summary line."""
    last = result.stdout.splitlines()[-1]
    match = SUMMARY.match(last)
    assert match, last
    banks, questions, _, errors, warnings, files = match.groups()
    return tuple(int(n) for n in (banks, questions, errors, warnings, files))


def left_out(result: Result) -> int:
    """How many questions the summary line says were left out for errors."""
    match = SUMMARY.match(result.stdout.splitlines()[-1])
    assert match, result.stdout
    return int(match[3] or 0)


def only_problem(result: Result) -> tuple[int, str, str]:
    """The single problem reported for bank.toml, as (line, severity, message)."""
    found = problems(result)
    assert len(found) == 1, result.stdout
    file, line, severity, message = found[0]
    assert file == "bank.toml"
    return line, severity, message


def only_error(result: Result, line: int, *words: str) -> str:
    """Assert exactly one error, at ``line``, whose message holds every one of ``words``."""
    assert result.exit_code == 1, result.output
    got_line, severity, message = only_problem(result)
    assert (got_line, severity) == (line, "error"), message
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert summary(result)[2] == 1
    return message


# --- valid banks -----------------------------------------------------------------------------


def test_valid_bank_of_every_kind() -> None:
    body = HEAD + CHOICE + MULTI + CLAIM + TEXT
    result = check_bank(body)
    assert result.exit_code == 0, result.output
    assert problems(result) == []
    assert result.stdout.splitlines() == [
        "1 bank, 4 questions, 0 errors, 0 warnings, 1 file checked"
    ]


def test_summary_plurals_and_counts(bank_dir: Path) -> None:
    (bank_dir / "a.toml").write_text(HEAD + CHOICE + CLAIM, encoding="utf-8")
    second = HEAD.replace('id = "t"', 'id = "u"') + TEXT.replace('explanation = "He is named."', "")
    (bank_dir / "b.toml").write_text(
        second + MULTI.replace("answers = [", "answers = ['x', "), encoding="utf-8"
    )
    result = check("a.toml", "b.toml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        "2 banks, 3 questions (1 left out for errors), 1 error, 1 warning, 2 files checked"
    )
    assert summary(result) == (2, 3, 1, 1, 2)
    assert left_out(result) == 1


def test_a_repeated_question_id_is_said_even_when_both_questions_have_other_errors() -> None:
    wrong_answer = CHOICE.replace('answer = "Ismail Demir"', 'answer = "Demir"')
    body = (
        HEAD
        + wrong_answer
        + CLAIM.replace('id = "c1"', 'id = "q1"').replace('verdict = "', 'verdict = "x')
    )
    result = check_bank(body)
    found = [(line, message.split(";")[0]) for _, line, _, message in problems(result)]
    assert found[1][1] == "question id `q1` is used twice in the bank (first at line 7)", found
    assert len(found) == 3 and summary(result)[:3] == (1, 0, 3)
    assert left_out(result) == 2


def test_a_files_problems_are_said_from_the_top_down() -> None:
    # The unknown key (line 11) is found before the missing answer, said at the header (line 6).
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', "zzz = 1")
    result = check_bank(body)
    assert [(line, message.split(";")[0]) for _, line, _, message in problems(result)] == [
        (6, "question `q1`: missing required field `answer` for a choice question"),
        (11, "question `q1`: unknown key `zzz`"),
    ]


def test_a_misspelt_required_key_is_said_once_as_the_key_it_resembles() -> None:
    only_error(check_bank(HEAD + CHOICE.replace("answer =", "answr =")), 11, "`answr`", "`answer`")
    result = check_bank(HEAD.replace("title =", "titel =") + CHOICE)
    only_error(result, 3, "unknown key `titel`; did you mean `title`?")
    result = check_bank(HEAD.replace('id = "t"', 'idd = "t"') + CHOICE)
    only_error(result, 2, "unknown key `idd`; did you mean `id`?")


# --- file-level errors -----------------------------------------------------------------------


def test_toml_syntax_error_line() -> None:
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Ismail Demir')
    only_error(check_bank(body), 11, "TOML syntax error")
    assert summary(check_bank(body))[:2] == (0, 0)


def test_toml_syntax_error_in_bank_table() -> None:
    only_error(check_bank("[bank\n" + CHOICE), 1, "TOML syntax error")


def test_bytes_not_utf8_line() -> None:
    body = (HEAD + CHOICE).encode().replace(b"names him", b"names \xff him")
    message = only_error(check_bank(body), 13, "not UTF-8", "save the file as UTF-8")
    offset = (HEAD + CHOICE).encode().index(b"names him") + len(b"names ")
    assert f"at byte {offset}" in message


def test_file_over_5_mb() -> None:
    body = HEAD + CHOICE + "# " + "x" * (5 * 1024 * 1024) + "\n"
    only_error(check_bank(body), 1, "over the 5 MB limit")


def test_bank_with_bom_and_crlf_loads() -> None:
    body = "\ufeff" + (HEAD + CHOICE).replace("\n", "\r\n")
    result = check_bank(body.encode())
    assert result.exit_code == 0, result.output
    assert summary(result) == (1, 1, 0, 0, 1)


def test_crlf_lines_are_counted_right() -> None:
    body = (HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Demir"')).replace(
        "\n", "\r\n"
    )
    only_error(check_bank(body.encode()), 11, "answer `Demir` is not among the options")


# --- the [bank] table ------------------------------------------------------------------------


def test_missing_bank_field() -> None:
    body = HEAD.replace('title = "Test bank"\n', "") + CHOICE
    only_error(check_bank(body), 1, "missing required field `title`")


def test_missing_bank_table() -> None:
    only_error(check_bank(CHOICE), 1, "missing `[bank]` table")


def test_unknown_bank_key() -> None:
    body = HEAD.replace('title = "Test bank"', 'titel = "Test bank"') + CHOICE
    result = check_bank(body)
    assert result.exit_code == 1
    assert (3, "unknown key `titel`; did you mean `title`?") in [
        (line, msg) for _, line, _, msg in problems(result)
    ]


def test_bad_bank_id() -> None:
    body = HEAD.replace('id = "t"', 'id = "My Bank"') + CHOICE
    only_error(check_bank(body), 2, "bank id `My Bank`", "lowercase")


def test_unknown_top_level_table() -> None:
    assert only_error(check_bank(HEAD + CHOICE + "\n[extra]\na = 1\n"), 15) == (
        "unknown top-level table `extra`; a bank has only [bank] and [[questions]]"
    )


def test_questions_that_are_not_tables_at_their_line() -> None:
    result = check_bank("# A bank\nquestions = [1]\n" + HEAD)
    assert problems(result) == [
        (
            "bank.toml",
            2,
            "error",
            "each question must be a table; write it under a [[questions]] header",
        )
    ]


def test_bank_without_questions() -> None:
    only_error(check_bank(HEAD), 1, "no questions")


def test_questions_written_as_one_table() -> None:
    body = HEAD + CHOICE.replace("[[questions]]", "[questions]")
    assert only_error(check_bank(body), 6) == (
        "`[questions]` must be written `[[questions]]`, with double brackets, once per question"
    )


def test_questions_written_as_a_value() -> None:
    assert only_error(check_bank('questions = "q1"\n' + HEAD), 1) == (
        "`questions` must be a list of tables; write each question under its own "
        "[[questions]] header"
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
    ],
)
def test_points_out_of_range(points: str, shown: str) -> None:
    body = HEAD + CHOICE.replace("explanation =", f"points = {points}\nexplanation =")
    assert only_error(check_bank(body), 13) == (
        f"question `q1`: points must be a number above 0 and at most 1000, not {shown}; "
        "give the question's weight, 1 by default"
    )


@pytest.mark.parametrize("points", ["0.25", "1000"])
def test_points_in_range(points: str) -> None:
    body = HEAD + CHOICE.replace("explanation =", f"points = {points}\nexplanation =")
    result = check_bank(body)
    assert result.exit_code == 0, result.output
    assert problems(result) == []


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


# --- evidence --------------------------------------------------------------------------------


def test_evidence_not_found_quotes_the_closest_passage() -> None:
    body = HEAD + CHOICE.replace(
        'evidence = "its chief Ismail Demir"',
        'evidence = "its chief Ismail Demirr and four employees"',
    )
    only_error(
        check_bank(body),
        12,
        "evidence “its chief Ismail Demirr and four employees” is not in the article",
        "closest passage (¶5 s1): “its chief Ismail Demir and three other employees”",
    )


def test_evidence_nothing_like_it() -> None:
    body = HEAD + CHOICE.replace('evidence = "its chief Ismail Demir"', 'evidence = "xyzzy plugh"')
    only_error(check_bank(body), 12, "is not in the article, nor anything like it")


def test_evidence_found_more_than_once_says_where() -> None:
    body = HEAD + CHOICE.replace(
        'evidence = "its chief Ismail Demir"', 'evidence = "December 2020"'
    )
    only_error(
        check_bank(body),
        12,
        "evidence “December 2020” is found 2 times (¶5 s1, ¶7 s2)",
        "quote more words",
    )


def test_one_bad_quote_in_a_list() -> None:
    body = HEAD + CHOICE.replace(
        'evidence = "its chief Ismail Demir"',
        'evidence = ["its chief Ismail Demir", "NATO ally"]',
    )
    only_error(check_bank(body), 12, "“NATO ally” is found 2 times (¶2 s2 (twice))")


def test_empty_evidence_quote() -> None:
    body = HEAD + CHOICE.replace('evidence = "its chief Ismail Demir"', 'evidence = "  "')
    only_error(check_bank(body), 12, "an evidence quote is empty")


def test_empty_quote_in_a_list_of_evidence() -> None:
    body = HEAD + CHOICE.replace(
        'evidence = "its chief Ismail Demir"', 'evidence = ["its chief Ismail Demir", "\\t"]'
    )
    only_error(check_bank(body), 12, "an evidence quote is empty")


def test_empty_evidence_quote_is_said_even_when_the_article_is_missing() -> None:
    body = HEAD.replace("article.txt", "gone.txt") + CHOICE.replace(
        'evidence = "its chief Ismail Demir"', 'evidence = " "'
    )
    result = check_bank(body)
    assert result.exit_code == 1
    assert "bank.toml:12: error: question `q1`: an evidence quote is empty" in (result.output), (
        result.output
    )
    assert "gone.txt" in result.output


def test_straight_quotes_match_curly_article() -> None:
    body = HEAD + CLAIM.replace("Russia’s", "Russia's")
    result = check_bank(body)
    assert result.exit_code == 0, result.output
    assert summary(result) == (1, 1, 0, 0, 1)


# --- articles --------------------------------------------------------------------------------


def test_missing_article() -> None:
    body = HEAD.replace("article.txt", "missing.txt") + CHOICE
    only_error(check_bank(body), 4, "article `missing.txt` cannot be used", "article not found")
    assert summary(check_bank(body))[:2] == (0, 0)


def test_article_not_utf8(bank_dir: Path) -> None:
    (bank_dir / "bad.txt").write_bytes(b"Hello there.\n\nCaf\xe9 here.\n")
    body = HEAD.replace("article.txt", "bad.txt") + CHOICE
    only_error(check_bank(body), 4, "article `bad.txt` cannot be used", "not UTF-8", "offset 17")


def test_article_is_a_folder(bank_dir: Path) -> None:
    (bank_dir / "sub").mkdir()
    body = HEAD.replace("article.txt", "sub") + CHOICE
    only_error(check_bank(body), 4, "article `sub` cannot be used", "folder")


def test_article_by_absolute_path(tmp_path_factory: pytest.TempPathFactory) -> None:
    other = tmp_path_factory.mktemp("articles") / "story.txt"
    other.write_text("The mayor resigned on Monday. Nobody knew why.", encoding="utf-8")
    body = HEAD.replace('"article.txt"', f'"{other.as_posix()}"') + CHOICE.replace(
        '"its chief Ismail Demir"', '"The mayor resigned"'
    ).replace('"Ismail Demir", "Vladimir Putin"', '"Ismail Demir", "The mayor"')
    result = check_bank(body)
    assert result.exit_code == 0, result.output
    # The answer is not in the evidence: a warning, not an error.
    assert [(line, sev) for _, line, sev, _ in problems(result)] == [(11, "warning")]


# --- ids used twice --------------------------------------------------------------------------


def test_question_id_used_twice() -> None:
    body = HEAD + CHOICE + CHOICE.replace('"Vladimir Putin"]', '"Joe Biden"]')
    result = check_bank(body)
    only_error(result, 16, "question id `q1` is used twice", "first at line 7")
    assert summary(result)[:2] == (1, 1)


def test_bank_id_used_twice_names_both_files(bank_dir: Path) -> None:
    (bank_dir / "a.toml").write_text(HEAD + CHOICE, encoding="utf-8")
    (bank_dir / "b.toml").write_text("# the same id\n" + HEAD + TEXT, encoding="utf-8")
    result = check("a.toml", "b.toml")
    assert result.exit_code == 1
    assert problems(result) == [
        ("b.toml", 3, "error", "bank id `t` is also used by a.toml; give each bank its own id")
    ]
    assert summary(result) == (1, 1, 1, 0, 2)


# --- several files ---------------------------------------------------------------------------


def test_one_bad_file_does_not_stop_others(bank_dir: Path) -> None:
    banks = bank_dir / "banks"
    banks.mkdir()
    (banks / "a-broken.toml").write_text("[bank\n", encoding="utf-8")
    (banks / "b-good.toml").write_text(
        HEAD.replace('"article.txt"', '"../article.txt"') + CHOICE, encoding="utf-8"
    )
    (banks / "c-bad.toml").write_bytes(b"\xff\xfe")
    result = check("banks")
    assert result.exit_code == 1
    assert [(f, line) for f, line, _, _ in problems(result)] == [
        ("banks/a-broken.toml", 1),
        ("banks/c-bad.toml", 1),
    ]
    assert summary(result) == (1, 1, 2, 0, 3)


def test_meta_toml_files_are_passed_over(bank_dir: Path) -> None:
    (bank_dir / "bank.toml").write_text(HEAD + CHOICE, encoding="utf-8")
    (bank_dir / "broken.meta.toml").write_text("not toml [[[", encoding="utf-8")
    assert (bank_dir / "article.meta.toml").exists()
    result = check(".")
    assert result.exit_code == 0, result.output
    assert summary(result) == (1, 1, 0, 0, 1)


def test_questions_with_errors_are_left_out_others_load() -> None:
    body = HEAD + CHOICE + CLAIM.replace('verdict = "supported"', 'verdict = "maybe"')
    result = check_bank(body)
    assert result.exit_code == 1
    assert summary(result) == (1, 1, 1, 0, 1)


def test_markup_is_plain_text() -> None:
    body = HEAD + CHOICE.replace("Who was sanctioned?", "Who was [b]sanctioned[/b]? [red")
    result = check_bank(body)
    assert result.exit_code == 0, result.output
    assert summary(result) == (1, 1, 0, 0, 1)


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


# --- exit codes ------------------------------------------------------------------------------


def test_usage_error_for_missing_path() -> None:
    result = check("no-such-folder")
    assert result.exit_code == 2
    assert "no-such-folder: no such file or folder" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("name", "named"), [("empty", "a folder"), ("x.toml", "a folder named like a bank file")]
)
def test_a_folder_without_banks_is_an_error(name: str, named: str) -> None:
    Path(name).mkdir()
    Path("bank.toml").write_text(HEAD + CHOICE, encoding="utf-8")
    result = check(name, "bank.toml")
    assert result.exit_code == 1, result.output
    assert problems(result) == [
        (
            name,
            1,
            "error",
            f"{named}, with no bank files (*.toml) in it; "
            "name a bank file, or a folder that holds some",
        )
    ]
    assert summary(result) == (1, 1, 1, 0, 1)


def test_play_names_a_folder_without_banks() -> None:
    Path("x.toml").mkdir()
    result = CliRunner().invoke(main, ["play", "x.toml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "x.toml:1: error: a folder named like a bank file, with no bank files (*.toml) in it; "
        "name a bank file, or a folder that holds some",
        "quiz: no playable bank in x.toml; run `quiz check` to see why",
    ]


def test_unknown_option_is_a_usage_error() -> None:
    assert check("--no-such-option").exit_code == 2


# --- where lines are found -------------------------------------------------------------------


def test_line_of_key_after_multiline_array() -> None:
    body = HEAD + CHOICE.replace(
        'options = ["Ismail Demir", "Vladimir Putin"]',
        'options = [\n  "Ismail Demir",\n  "Vladimir Putin",\n]',
    ).replace('answer = "Ismail Demir"', 'answer = "Demir"')
    only_error(check_bank(body), 14, "answer `Demir` is not among the options")


def test_line_of_key_after_multiline_string() -> None:
    body = HEAD + CHOICE.replace(
        'prompt = "Who was sanctioned?"', 'prompt = """Who was\n[b]sanctioned[/b]?"""'
    ).replace('answer = "Ismail Demir"', 'answer = "Demir"')
    only_error(check_bank(body), 12, "answer `Demir` is not among the options")


def test_line_of_key_after_brackets_in_strings_and_comments() -> None:
    body = HEAD + CHOICE.replace(
        'prompt = "Who was sanctioned?"',
        'prompt = "Who was [sanctioned?"\n# a note [with a bracket',
    ).replace('answer = "Ismail Demir"', 'answer = "Demir"')
    only_error(check_bank(body), 12, "answer `Demir` is not among the options")


def test_line_after_comment_with_bracket_on_a_string_line() -> None:
    second = CHOICE.replace('id = "q1"', 'id = "q2"').replace(
        'answer = "Ismail Demir"', 'answer = "Demir"'
    )
    body = (
        HEAD
        + CHOICE.replace(
            'prompt = "Who was sanctioned?"', 'prompt = "Who was sanctioned?"  # see [¶5'
        )
        + second
    )
    only_error(check_bank(body), 20, "question `q2`: answer `Demir` is not among the options")


def test_line_after_multiline_string_with_bracket_on_first_line() -> None:
    question = '''
[[questions]]
id = "q1"
kind = "choice"
prompt = "Who?"
explanation = """Both are named [see ¶5
s1]."""
options = ["Ismail Demir", "Vladimir Putin"]
answer = "Demir"
evidence = "its chief Ismail Demir"
'''
    only_error(check_bank(HEAD + question), 13, "answer `Demir` is not among the options")


def test_no_false_warning_when_evidence_ends_in_decomposed_accent(bank_dir: Path) -> None:
    (bank_dir / "nfd.txt").write_text("They met at the cafe\u0301. Then left.\n", encoding="utf-8")
    question = """
[[questions]]
id = "q1"
kind = "choice"
prompt = "Where did they meet?"
options = ["café", "bar"]
answer = "café"
evidence = "met at the café"
explanation = "Said."
"""
    result = check_bank(HEAD.replace("article.txt", "nfd.txt") + question)
    assert problems(result) == []


def test_an_article_edited_while_being_checked_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Known by its stamp, the article is read only for a message; if it changed meanwhile the
    # command ends with one line rather than a traceback.
    monkeypatch.setattr("quiz.core.prepared.SETTLED_NS", -1)
    body = HEAD + CHOICE.replace("its chief Ismail Demir", "its chief Ismail Demirr")
    check_bank(body)

    def changed(path: Path, stamp: str) -> str:
        raise QuizError(f"{path}: the article changed while in use; run the command again")

    monkeypatch.setattr("quiz.core.prepared._text_if_unchanged", changed)
    result = check_bank(body)
    assert result.exit_code == 1
    assert result.output.strip().endswith(
        "article.txt: the article changed while in use; run the command again"
    ), result.output
    assert "Traceback" not in result.output
