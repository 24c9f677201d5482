"""Typed answers forgive small misspellings, plurals and a missing "the", but never a fact."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.core.bank.model import TextQuestion
from quiz.core.play.scoring import grade, near_miss


def _question(*accept: str, tolerance: str = "spelling") -> TextQuestion:
    return TextQuestion(
        id="q",
        kind="text",
        prompt="?",
        accept=accept,
        tolerance=tolerance,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("accepted", "typed"),
    [
        ("Committee to Protect Journalists", "committee to protect journalist"),
        ("Putin", "putn"),
        ("Putin", "Ptuin"),  # two letters swapped are one edit
        ("Ismail Demir", "Ismial Demir"),
        ("The Kremlin", "kremlin"),
        ("Kremlin", "the Kremlin"),
        ("sanctions", "sanction"),
        ("Defense Industry Directorate", "Defence Industry Directrate"),  # 2 edits, 26 letters
        ("Ankara", "Ankra"),
    ],
)
def test_a_small_slip_is_forgiven(accepted: str, typed: str) -> None:
    assert grade(_question(accepted), typed).correct
    assert not near_miss(_question(accepted), typed)


@pytest.mark.parametrize(
    ("accepted", "typed"),
    [
        ("Putin", "Potan"),  # two edits on five letters
        ("Ismail Demir", "Ismael Dimir"),
        ("Defense Industry Directorate", "Defence Industri Directrate"),  # three edits
        ("Iran", "Iraq"),  # under five letters: exact
        ("Erdogan", "Ergodan"),  # two swaps
        ("eighteen", "eighteeen"),  # a number word
        ("eighteen", "eighty"),
        ("March", "Marc"),  # a month
        ("Tuesday", "Thursday"),
    ],
)
def test_more_than_a_slip_is_wrong(accepted: str, typed: str) -> None:
    assert not grade(_question(accepted), typed).correct


@pytest.mark.parametrize(
    ("accepted", "typed", "almost"),
    [
        ("Putin", "Potan", True),
        ("Ismail Demir", "Ismael Dimir", True),
        ("Putin", "Biden", False),
        ("Iran", "Iraq", False),  # nothing is forgiven under five letters, so nothing is almost
        ("31.4", "31.5", False),
        ("eighteen", "eightteen", False),
    ],
)
def test_a_near_miss_is_told_to_check_the_spelling(accepted: str, typed: str, almost: bool) -> None:
    question = _question(accepted)
    assert not grade(question, typed).correct
    assert near_miss(question, typed) is almost


def test_exact_tolerance_forgives_no_spelling() -> None:
    exact = _question("Committee to Protect Journalists", "Putin", tolerance="exact")
    assert not grade(exact, "committee to protect journalist").correct
    assert not grade(exact, "putn").correct
    assert not near_miss(exact, "Potan")
    assert grade(exact, "  PUTIN! ").correct  # case and punctuation still do not count


def _number_forms(value: int | float) -> st.SearchStrategy[str]:
    return st.sampled_from([str(value), f"{value:,}", f"$ {value}", f"{value} million"])


@st.composite
def _two_numbers(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(["int", "decimal"]))
    if kind == "int":
        a = draw(st.integers(0, 10**7))
        b = draw(st.integers(0, 10**7).filter(lambda n: n != a))
        return draw(_number_forms(a)), draw(_number_forms(b))
    a2 = draw(st.integers(1, 10**5)) / 100
    b2 = draw(st.integers(1, 10**5).filter(lambda n: n / 100 != a2)) / 100
    return draw(_number_forms(a2)), draw(_number_forms(b2))


@given(_two_numbers())
def test_the_tolerant_match_never_accepts_a_different_number(pair: tuple[str, str]) -> None:
    accepted, typed = pair
    assert not grade(_question(accepted), typed).correct


_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%B %Y", "%A %d %B", "%B")


@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.sampled_from(_DATE_FORMATS),
)
def test_the_tolerant_match_never_accepts_a_different_date(
    a: dt.date, b: dt.date, form: str
) -> None:
    accepted, typed = a.strftime(form), b.strftime(form)
    if accepted.lower() != typed.lower():
        assert not grade(_question(accepted), typed).correct


_WORDS = [
    "one",
    "two",
    "three",
    "seven",
    "eight",
    "eighteen",
    "eighty",
    "sixty",
    "sixth",
    "forty",
    "fourteen",
    "hundred",
    "thousand",
    "million",
    "billion",
    "first",
    "third",
]


@given(st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.sampled_from(["", " people", "s"]))
def test_a_different_number_word_is_never_accepted(a: str, b: str, tail: str) -> None:
    if a != b:
        assert not grade(_question(a + tail), b + tail).correct
