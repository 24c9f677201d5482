"""`quiz check` on files that are not valid TOML: what is wrong and what to do, at the best line.

Curly quotes, text without quotes, [questions] with single brackets, a list missing a comma or
its closing bracket, a key set twice; and a file that is no bank at all (an article or a meta
file named in its bank's place). No message shows a Python tuple or tomli's bare wording. The
shared bank parts and helpers are in ``check_helpers``; the wording itself is unit-tested in
``tests/core/test_toml_errors.py``.
"""

import pytest

from .check_helpers import (
    CHOICE,
    HEAD,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check,
    check_bank,
    only_error,
    summary,
)

OPTIONS = 'options = ["Ismail Demir", "Vladimir Putin"]'  # line 10 of HEAD + CHOICE


def syntax_error(body: str, line: int) -> str:
    """The one error of ``body``, at ``line``, without its ``TOML syntax error: `` prefix."""
    message = only_error(check_bank(body), line, "TOML syntax error: ")
    assert "('" not in message and "Invalid value" not in message, message
    return message.removeprefix("TOML syntax error: ")


def test_curly_quotes_around_a_value_say_to_use_straight_ones() -> None:
    body = HEAD + CHOICE.replace('prompt = "Who was sanctioned?"', "prompt = “Who?”")
    assert syntax_error(body, 9) == (
        'curly quotes (“ ”) are not TOML quotes; put text between straight double quotes ("): '
        'prompt = "Who?"'
    )


def test_a_curly_closing_quote_is_named() -> None:
    body = HEAD + CHOICE.replace(OPTIONS, 'options = ["Ismail Demir”, "Vladimir Putin"]')
    assert syntax_error(body, 10).startswith("a curly quote (”) used as a string's quote;")


def test_a_curly_apostrophe_inside_a_string_is_not_blamed() -> None:
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Demir’s"\nanswer = "x"')
    assert syntax_error(body, 12).startswith("key `answer` is set twice")


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("topic = Science", 'text values need quotes: topic = "Science"'),
        ("topic = Sci fi  # for now", 'text values need quotes: topic = "Sci fi"'),
        ("topic = 20th century", 'text values need quotes: topic = "20th century"'),
        ("topic =", 'a value is missing; write one: topic = "…"'),
    ],
)
def test_a_value_without_quotes_says_text_needs_them(written: str, said: str) -> None:
    assert syntax_error(HEAD + written + "\n" + CHOICE, 5) == said


def test_true_in_capitals_is_not_told_to_be_quoted() -> None:
    body = HEAD + CHOICE + "draft = True\n"
    assert syntax_error(body, 14) == "true and false are written in lower case: draft = true"


def test_questions_twice_with_single_brackets_says_double_brackets_at_the_first() -> None:
    single = CHOICE.replace("[[questions]]", "[questions]")
    body = HEAD + single + single.replace('"q1"', '"q2"')
    assert syntax_error(body, 6) == (
        "`[questions]` has single brackets: each question starts with [[questions]] (double "
        "brackets); write [[questions]] at every question's header"
    )


def test_a_single_bracket_question_before_a_double_one_is_found() -> None:
    body = HEAD + CHOICE.replace("[[questions]]", "[questions]") + CHOICE
    assert syntax_error(body, 6).startswith("`[questions]` has single brackets")


def test_a_missing_comma_is_said_at_the_item_before_it() -> None:
    body = HEAD + CHOICE.replace(OPTIONS, 'options = ["Ismail Demir" "Vladimir Putin"]')
    assert syntax_error(body, 10) == (
        'a list needs commas between its items and a closing ]; add a comma after `"Ismail Demir"`'
    )


def test_a_missing_comma_in_a_list_over_several_lines_is_said_where_the_comma_goes() -> None:
    # tomli stops at line 12, the item after the gap; the comma belongs at the end of line 11.
    listed = 'options = [\n  "Ismail Demir"  # the chief\n  "Vladimir Putin",\n]'
    message = syntax_error(HEAD + CHOICE.replace(OPTIONS, listed), 11)
    assert message.endswith('add a comma after `"Ismail Demir"`')


def test_a_missing_closing_bracket_is_said_where_the_list_opens() -> None:
    # tomli stops at the next key (line 11 here, line 13 below): the line the list opens on
    # says which list is open, where a line after it points at a key that is fine.
    body = HEAD + CHOICE.replace(OPTIONS, OPTIONS.removesuffix("]"))
    assert syntax_error(body, 10) == (
        "a list needs commas between its items and a closing ]; add ] after the last item of "
        "this list"
    )
    listed = 'options = [\n  "Ismail Demir",\n  "Vladimir Putin"\n'
    assert syntax_error(HEAD + CHOICE.replace(OPTIONS + "\n", listed), 10).endswith(
        "add ] after the last item of this list"
    )


def test_a_key_set_twice_is_named_at_its_second_line() -> None:
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Ismail Demir"\nanswer = "x"')
    assert syntax_error(body, 12) == (
        "key `answer` is set twice in this table (first at line 11); keep one"
    )


def test_a_table_set_twice_is_named_as_written_in_toml() -> None:
    feedback = '\n[questions.feedback]\n"Ismail Demir" = "Yes."\n'
    body = HEAD + CHOICE + feedback + feedback
    assert syntax_error(body, 18) == (
        "`[questions.feedback]` is declared twice (first at line 15); put all its keys under one "
        "header"
    )


def test_an_unclosed_string_says_how_to_close_it() -> None:
    body = HEAD + CHOICE.replace('answer = "Ismail Demir"', 'answer = "Ismail Demir')
    assert syntax_error(body, 11).startswith("a string is not closed on this line;")
    assert summary(check_bank(body))[:2] == (0, 0)


# --- files that are no bank ------------------------------------------------------------------


def test_an_article_named_as_a_bank_says_to_name_the_bank() -> None:
    result = check("article.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "article.txt:1: error: this looks like an article, not a bank (it is not TOML, and its "
        "name does not end in .toml); name the bank (.toml) that cites it"
    )
    assert summary(result) == (0, 0, 1, 0, 1)


def test_a_meta_file_named_as_a_bank_says_what_it_is() -> None:
    result = check("article.meta.toml")
    assert result.stdout.splitlines()[0] == (
        "article.meta.toml:1: error: this is an article's meta file, not a bank; name the bank "
        "(.toml) that cites it"
    )


def test_a_binary_file_named_as_a_bank_is_not_told_to_be_saved_as_utf8() -> None:
    with open("notes.docx", "wb") as handle:
        handle.write(b"PK\x03\x04\xff\xfe")
    result = check("notes.docx")
    assert result.stdout.splitlines()[0] == (
        "notes.docx:1: error: this is not a bank (it is not UTF-8 text, and its name does not end "
        "in .toml); name a bank (.toml)"
    )
