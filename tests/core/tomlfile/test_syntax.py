"""TOML syntax errors in a teacher's words (quiz.core.tomlfile.syntax.describe)."""

import pytest
import tomli

from quiz.core.tomlfile.syntax import describe, toml_name


def said(text: str) -> tuple[int, str]:
    with pytest.raises(tomli.TOMLDecodeError) as raised:
        tomli.loads(text)
    line, message = describe(raised.value, text)
    assert message.startswith("TOML syntax error: ")
    return line, message.removeprefix("TOML syntax error: ")


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        ('[bank]\nid = "x"\n[[bank]]\n', 3, "`[[bank]]` clashes with `[bank]` at line 1"),
        ('[bank]\nid = "x"\n[bank]\n', 3, "`[bank]` is declared twice (first at line 1)"),
        ('[[questions]]\nid = "x"\n[questions]\n', 3, "`[questions]` has single brackets"),
        ('[questions]\nid = "x"\n[[questions]]\n', 1, "`[questions]` has single brackets"),
        ("id = [\n1,\n2]\nid = [\n3,\n4\n]\n", 4, "key `id` is set twice in this table (first at"),
        ('f = "x"\nf.a = "y"\n', 2, "`f` already has a value at line 1, so `f.a` cannot be set"),
        ("[[questions]]\nfeedback = {a = 1}\n[questions.feedback]\n", 3, "`questions.feedback` is"),
        ('a = {b = 1}\n[a."c d"]\n', 2, "`a` is already set at line 1"),
        ("[a.b]\nc = 1\n[a]\nb.d = 2\n", 4, "`a.b` already has its own [header]"),
        ('options = ["a", "b"\n\n# c\nanswer = "a"\n', 1, "a list needs commas between its items"),
        ('x = 1\noptions = [\n  "a",\n  "b"\n', 2, "a list needs commas between its items"),
        ('a = "sub\\data.txt"\n', 1, 'a backslash in "…" starts an escape'),
        ('a = "x" "y"\n', 1, "something follows the value on this line"),
        ("Hello world.\n", 1, "a key needs = and a value after it"),
        ("[bank\nid = 1\n", 1, "a table header needs its closing ]"),
        ("“a” = 1\n", 1, "curly quotes (“ ”) are not TOML quotes"),
        ('a = ["x", ‘y’]\n', 1, "curly quotes (“ ”) are not TOML quotes"),
        ("a = .5\n", 1, "a value TOML cannot read"),
        ("a = 1__0\n", 1, "something follows the value on this line"),
    ],
)
def test_describe(text: str, line: int, start: str) -> None:
    got_line, message = said(text)
    assert (got_line, message[: len(start)]) == (line, start), message
    assert "('" not in message and "Invalid value" not in message


def test_line_ends_of_either_kind_give_the_same_line() -> None:
    text = '[bank]\nid = "x"\nid = "y"\n'
    assert (
        said(text.replace("\n", "\r\n"))
        == said(text)
        == (
            3,
            "key `id` is set twice in this table (first at line 2); keep one",
        )
    )


def test_toml_name() -> None:
    assert toml_name(("questions", "feedback")) == "questions.feedback"
    assert toml_name(("feedback", "An option")) == 'feedback."An option"'
