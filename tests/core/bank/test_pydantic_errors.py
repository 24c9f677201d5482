"""pydantic's errors in a bank author's words (quiz.core.bank.pydantic_errors)."""

import pytest

from quiz.core.bank.model import KINDS, BankInfo
from quiz.core.bank.pydantic_errors import _SHAPES, _message, field_types, shown


@pytest.mark.parametrize("cls", [BankInfo, *KINDS.values()], ids=lambda cls: cls.__name__)
def test_every_field_type_has_words(cls: type) -> None:
    """A field whose type has no TOML words would fall back to pydantic's Python names."""
    for name, annotation in field_types(cls).items():
        assert annotation in _SHAPES, f"{cls.__name__}.{name}: {annotation}"


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (True, "true"),
        (False, "false"),
        (3, "3"),
        (2.5, "2.5"),
        (float("inf"), "inf"),
        (float("nan"), "nan"),
        ("A, B", '"A, B"'),
        ("x" * 50, '"' + "x" * 39 + '…"'),
        ([], "an empty list"),
        (["a"], "a list"),
        ({"a": 1}, "a table"),
    ],
)
def test_values_are_shown_in_toml_words(value: object, said: str) -> None:
    assert shown(value) == said


@pytest.mark.parametrize(
    ("said", "message"),
    [
        ("Input should be a valid tuple", "`x` must be a list, not 3; fix its value"),
        ("Input should be a valid dictionary", "`x` must be a table, not 3; fix its value"),
        ("Input should be a valid integer", "`x` must be a whole number, not 3; fix its value"),
        ("Input should be a valid boolean", "`x` must be true or false, not 3; fix its value"),
        ("Input should be a finite number", "`x` must be a finite number, not 3; fix its value"),
    ],
)
def test_a_type_without_words_still_gets_toml_words(said: str, message: str) -> None:
    error = {"type": "t", "loc": ("x",), "msg": said, "input": 3}
    assert _message("x", "set[int]", [error], 3) == (message, "x")  # type: ignore[list-item]
