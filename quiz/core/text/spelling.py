"""Forgiving a typed answer's spelling, never its facts.

A typed answer that is not right letter for letter (as :mod:`quiz.core.play.scoring` compares)
is still right when it is the accepted answer

- with a leading "the" left out or added,
- with a word in the singular for the plural or the other way round,
- misspelled by up to one edit (a letter added, dropped or changed, or two letters side by side
  swapped) for answers of 5 to 11 letters, or two edits for longer ones;

unless the answer holds a number or a date (a digit, a number word, a month or a weekday), or has
fewer than five letters: those must be typed as they are. A question with ``tolerance = "exact"``
forgives nothing of this. A wrong answer to a forgiving answer, one edit further away than is
forgiven, is a *near miss*: the player is told "almost: check the spelling", and it scores
nothing.
"""

from __future__ import annotations

import re

from quiz.core.text.normalize import loose

SHORTEST_FORGIVEN = 5
"""Answers with fewer letters than this must be spelled right."""
LONGEST_ONE_EDIT = 11
"""Answers up to this many letters forgive one edit; longer ones forgive two."""
ALMOST = "almost: check the spelling"
"""What a near miss is told."""

_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fourty fifty sixty seventy
    eighty ninety hundred thousand million billion trillion dozen half quarter third first second
    fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth hundredth
    thousandth millionth once twice""".split()
)
_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
_COUNTED = _NUMBER_WORDS | _DATE_WORDS
_NUMBER_WORD_PARTS = re.compile(
    r"(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|hundred|"
    r"thousand|million|billion|first|second|third|fifth|th)+"
)


def _is_counted(word: str) -> bool:
    """Whether ``word`` names a number or a date (``seventy-two`` arrives as ``seventytwo``)."""
    bare = _singular(word)
    if word in _COUNTED or bare in _COUNTED:
        return True
    return _NUMBER_WORD_PARTS.fullmatch(word) is not None and any(
        w in word for w in _NUMBER_WORDS if len(w) > 3
    )


def holds_number_or_date(text: str) -> bool:
    """Whether ``text`` holds a digit, a number word, a month or a weekday."""
    if any(c.isdigit() for c in text):
        return True
    return any(_is_counted(word) for word in loose(text).split())


def _singular(word: str) -> str:
    """``word`` without a plural ending (both sides of a comparison go through this)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _forgiving_form(text: str) -> str:
    """``text`` loose, without a leading "the", each word singular, spaces dropped."""
    words = loose(text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(_singular(word) for word in words)


def edits_forgiven(accepted: str) -> int:
    """How many edits a typed answer may differ from ``accepted`` by and still be right."""
    if holds_number_or_date(accepted):
        return 0
    letters = sum(c.isalpha() for c in _forgiving_form(accepted))
    if letters < SHORTEST_FORGIVEN:
        return 0
    return 1 if letters <= LONGEST_ONE_EDIT else 2


def _distance(typed: str, accepted: str, limit: int) -> int | None:
    """The edits between the forgiving forms, or ``None`` when either is a number or date or
    they are more than ``limit`` apart."""
    if holds_number_or_date(typed) or holds_number_or_date(accepted):
        return None
    a, b = _forgiving_form(typed), _forgiving_form(accepted)
    if not a or not b:
        return None
    from rapidfuzz.distance import OSA  # here: only a typed answer not exactly right needs it

    found = OSA.distance(a, b, score_cutoff=limit)
    return found if found <= limit else None


def spelled_near(typed: str, accepted: str) -> bool:
    """Whether ``typed`` is ``accepted`` up to a missing "the", singular and plural, and the
    edits :func:`edits_forgiven` allows."""
    return _distance(typed, accepted, edits_forgiven(accepted)) is not None


def almost(typed: str, accepted: str) -> bool:
    """Whether ``typed`` misses ``accepted`` by one edit more than is forgiven: close enough to
    say so, not to score."""
    allowed = edits_forgiven(accepted)
    if allowed == 0:
        return False
    found = _distance(typed, accepted, allowed + 1)
    return found == allowed + 1
