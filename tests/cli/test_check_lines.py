"""`quiz check`: the line a problem is said at.

After multi-line arrays and strings, and after brackets inside strings and comments. The
shared bank parts and helpers are in ``check_helpers``.
"""

from .check_helpers import (
    CHOICE,
    HEAD,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check_bank,
    only_error,
)

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


def test_an_item_of_a_list_over_several_lines_is_said_at_its_own_line() -> None:
    # 6 [[questions]], 7 id, 8 kind, 9 prompt, 10 options = [, 11-14 the options, 15 ]
    options = '[\n  "Ismail Demir",\n  "Vladimir Putin",\n  "Joe Biden",\n  "vladimir  putin",\n]'
    body = HEAD + CHOICE.replace('["Ismail Demir", "Vladimir Putin"]', options)
    only_error(check_bank(body), 14, "option `vladimir  putin` is the same as `Vladimir Putin`")


def test_a_quote_of_a_list_over_several_lines_is_said_at_its_own_line() -> None:
    # 6 [[questions]] ... 16 evidence = [, 17 the first quote, then a multi-line quote on
    # 18-19, then the quote not found on 20
    quotes = (
        '[\n  "its chief Ismail Demir",\n  """three other\nemployees""",\n'
        '  "Ismail Demirr and four employees",\n]'
    )
    options = '[\n  "Ismail Demir",\n  "Vladimir Putin",\n  "Joe Biden",\n]'
    body = HEAD + CHOICE.replace('["Ismail Demir", "Vladimir Putin"]', options).replace(
        '"its chief Ismail Demir"', quotes
    )
    only_error(check_bank(body), 20, "evidence “Ismail Demirr and four employees” is not")
