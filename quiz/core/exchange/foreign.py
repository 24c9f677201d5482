"""Questions as Moodle holds them, between a file of GIFT, Moodle XML or Aiken and a bank.

Each format module reads its files into :class:`Foreign` questions (or :class:`Skipped` items)
and writes them back; :mod:`.outgoing` and :mod:`.incoming` convert them to and from a bank.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_FILE_BYTES = 5 * 1024 * 1024
"""The largest file ``quiz import`` reads: banks themselves are kept under 5 MB."""

_GRADES = (
    100.0,
    90.0,
    83.33333,
    80.0,
    75.0,
    70.0,
    66.66667,
    60.0,
    50.0,
    40.0,
    33.33333,
    30.0,
    25.0,
    20.0,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10.0,
    5.0,
    0.0,
)
GRADES: tuple[float, ...] = (*_GRADES, *(-g for g in reversed(_GRADES[:-1])))
"""The grades, in percent, Moodle allows an answer (``question_bank::fraction_options_full``):
p/q for q up to 6, tenths, 1/q for q up to 10, and 1/20, each also negative."""
_SLACK = 0.001
"""How far from an allowed grade a grade may be, in percent (Moodle: 0.00001 of a fraction)."""


def allowed_grade(percent: float) -> float | None:
    """The allowed grade ``percent`` is (within Moodle's slack), or ``None``."""
    for grade in GRADES:
        if abs(percent - grade) < _SLACK:
            return grade
    return None


def nearest_grade(percent: float) -> float:
    """The allowed grade nearest ``percent`` (for writing a share such as 100/7)."""
    return min(GRADES, key=lambda grade: abs(percent - grade))


def grade_text(percent: float) -> str:
    """A grade as Moodle writes it: ``50``, ``33.33333``, ``-12.5``."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Answer:
    """One answer of a Moodle question: an option, an accepted spelling or a number."""

    text: str
    """The answer as plain text."""
    fraction: float
    """Its grade in percent, from -100 to 100."""
    feedback: str = ""
    """Shown when this answer is given."""
    tolerance: float = 0.0
    """For a numerical answer: how far from it an answer is still right."""


@dataclass(frozen=True)
class Foreign:
    """One question as Moodle knows it."""

    type: str
    """Moodle's question type: ``multichoice``, ``truefalse``, ``shortanswer``,
    ``numerical``."""
    name: str
    """Its name (GIFT ``::title::``, XML ``<name>``)."""
    text: str
    """The question text, as plain text."""
    answers: tuple[Answer, ...] = ()
    """Its answers, in order."""
    single: bool = True
    """For multichoice: one answer only (else several, with partial credit)."""
    shuffle: bool = True
    """For multichoice: shown shuffled (XML ``<shuffleanswers>``; GIFT cannot say)."""
    general_feedback: str = ""
    """Shown to everyone after answering."""
    idnumber: str = ""
    """Moodle's stable id for the question (GIFT ``// [id:…]``, XML ``<idnumber>``)."""
    tags: tuple[str, ...] = ()
    """Its tags."""
    category: str = ""
    """The category it is in: ``$course$/top/Title``."""
    points: float | None = None
    """Its default mark, where the format has one (XML ``<defaultgrade>``)."""
    line: int = 1
    """Where it starts in the file read (1 for a question not read from a file)."""


@dataclass(frozen=True)
class Skipped:
    """An item of a file (or a question of a bank) that cannot be carried over."""

    name: str
    """Its title or id, as the file gives it ("" when it has none)."""
    line: int
    """Where it starts in the file (0 for a question of a bank)."""
    reason: str
    """Why, in words."""


@dataclass
class Read:
    """What a format module read from a file."""

    questions: list[Foreign] = field(default_factory=list)
    """The questions it could read, in file order."""
    skipped: list[Skipped] = field(default_factory=list)
    """What it could not, in file order."""


def category_path(title: str) -> str:
    """The Moodle category for a bank of this title (a ``/`` in it doubled, as Moodle does)."""
    return "$course$/top/" + " ".join(title.split()).replace("/", "//")


def category_title(path: str) -> str:
    """The last part of a category path, its ``//`` undone: the bank title it stands for."""
    parts = path.replace("//", "\0").split("/")
    return parts[-1].replace("\0", "/").strip() if parts else ""
