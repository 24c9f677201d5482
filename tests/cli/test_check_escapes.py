"""`quiz check` shows invisible characters of a bank escaped, never raw.

A carriage return, an escape code, a zero-width space or a no-break space in a value would
garble the terminal or make two different strings look the same; each problem shows them as
``\\r``, ``\\x1b``, ``\\u200b``, ``\\u00a0``. The shared bank parts and helpers are in
``check_helpers``.
"""

import pytest

from .check_helpers import (
    CHOICE,
    HEAD,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check_bank,
    only_error,
)

ANSWER = 'answer = "Ismail Demir"'  # line 11 of HEAD + CHOICE


def test_a_no_break_space_that_makes_an_answer_differ_is_shown() -> None:
    body = HEAD + CHOICE.replace(ANSWER, 'answer = "Ismail\\u00a0Demir"')
    assert only_error(check_bank(body), 11) == (
        "question `q1`: answer `Ismail\\u00a0Demir` is not among the options (closest: "
        "`Ismail Demir`); copy it exactly"
    )


@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        ("\\r", "\\r"),
        ("\\n", "\\n"),
        ("\\t", "\\t"),
        ("\\u001b[2J", "\\x1b[2J"),  # an escape code that would clear the screen
        ("\\u0085", "\\u0085"),  # a C1 control: next line
        ("\\u200b", "\\u200b"),  # zero-width space (format)
        ("\\u202e", "\\u202e"),  # right-to-left override (format)
        ("\\u00ad", "\\u00ad"),  # soft hyphen (format)
        ("\\u2028", "\\u2028"),  # line separator
        ("\\u3000", "\\u3000"),  # ideographic space
    ],
)
def test_every_invisible_character_is_escaped(escape: str, shown: str) -> None:
    body = HEAD + CHOICE.replace(ANSWER, f'answer = "Ismail{escape}Demir"')
    result = check_bank(body)
    message = only_error(result, 11, f"answer `Ismail{shown}Demir`")
    assert message.isprintable()
    assert all(line.isprintable() for line in result.stdout.splitlines())


def test_plain_text_and_visible_unicode_are_kept() -> None:
    body = HEAD + CHOICE.replace(ANSWER, 'answer = "Ísmail “Demir” 🙂"')
    only_error(check_bank(body), 11, "answer `Ísmail “Demir” 🙂`")
