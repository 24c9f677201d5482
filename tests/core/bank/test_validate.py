"""Options that are the same in loose form are found, however they are checked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.bank.reporter import Reporter
from quiz.core.bank.validate import _distinct
from quiz.core.text.normalize import loose, normalize
from quiz.core.tomlfile.lines import TableLines

_PIECES = st.sampled_from(["a", "A", "b", "1", " ", ".", "-", "_", "é", "\x01", "U.S.", "US", ""])
_VALUE = st.lists(_PIECES, max_size=5).map("".join)


def _repeated(values: list[str]) -> bool:
    """Whether two values are the same in loose form: the rule, the plain way."""
    forms = [loose(v) or normalize(v).casefold() for v in values]
    return len(set(forms)) < len(forms)


@settings(max_examples=400)
@given(st.lists(_VALUE, min_size=2, max_size=9))
def test_repeats_are_reported_exactly_when_the_rule_says(values: list[str]) -> None:
    report = Reporter("bank.toml", TableLines())
    _distinct(tuple(values), "options", "option", report)
    assert bool(report.problems) == _repeated(values)


def test_the_usual_options_pass_and_near_repeats_do_not() -> None:
    for values, repeated in [
        (("8-1", "6-3", "5-4"), False),
        (("U.S.", "U S", "UN"), True),
        (("U.S.", "US", "UN"), False),  # "u s" and "us": words count
        (("Defense Industry Directorate", "defense  industry directorate"), True),
        (("Ankara", "Ankara."), True),
        (("Erdoğan", "Erdogan"), True),
    ]:
        report = Reporter("bank.toml", TableLines())
        _distinct(values, "options", "option", report)
        assert bool(report.problems) == repeated, values
