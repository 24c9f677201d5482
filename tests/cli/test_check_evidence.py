"""`quiz check`: evidence quotes looked up in the article, and the article files themselves.

A quote not found (with the closest passage), found more than once, or empty; an article that
is missing, not UTF-8, a folder, given by absolute path, or changed while being checked. The
shared bank parts and helpers are in ``check_helpers``.
"""

from pathlib import Path

import pytest

from quiz.core.errors import QuizError

from .check_helpers import (
    CHOICE,
    CLAIM,
    HEAD,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check_bank,
    only_error,
    problems,
    summary,
)

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


def test_a_long_quote_not_found_is_shown_where_it_differs_from_the_passage() -> None:
    long = (
        "In December 2020, Washington imposed sanctions on Turkey’s Defense Industry "
        "Directorate, along with its chief Ismail Demir and three other employes"
    )
    body = HEAD + CHOICE.replace('evidence = "its chief Ismail Demir"', f'evidence = "{long}"')
    message = only_error(check_bank(body), 12, "is not in the article")
    assert "“…along with its chief Ismail Demir and three other employes”" in message, message
    assert "Ismail Demir and three other employees”; copy it exactly" in message, message


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
    # The article lies outside the bank's folder, and the answer is not in the evidence: two
    # warnings, not errors.
    found = problems(result)
    assert [(line, sev) for _, line, sev, _ in found] == [(4, "warning"), (11, "warning")]
    assert "lies outside the folder the bank came from" in found[0][3]


def test_an_article_edited_while_being_checked_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Known by its stamp, the article is read only for a message; if it changed meanwhile the
    # command ends with one line rather than a traceback.
    monkeypatch.setattr("quiz.core.text.prepared.SETTLED_NS", -1)
    body = HEAD + CHOICE.replace("its chief Ismail Demir", "its chief Ismail Demirr")
    check_bank(body)

    def changed(path: Path, stamp: str) -> str:
        raise QuizError(f"{path}: the article changed while in use; run the command again")

    monkeypatch.setattr("quiz.core.text.prepared._text_if_unchanged", changed)
    result = check_bank(body)
    assert result.exit_code == 1
    assert result.output.strip().endswith(
        "article.txt: the article changed while in use; run the command again"
    ), result.output
    assert "Traceback" not in result.output
