"""The question-bank model: what a bank file may say, kind by kind.

These are plain dataclasses so that playing a bank needs no validation library; loading a file
validates them with pydantic (see :mod:`quiz.core.bank.validate`). The docstring under each
field is its documentation: ``docs/question-format.md`` is generated from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

Verdict = Literal["supported", "refuted", "not-in-article"]
Tolerance = Literal["spelling", "exact"]
VERDICTS: tuple[Verdict, ...] = ("supported", "refuted", "not-in-article")
VERDICT_LABELS: dict[str, str] = {
    "supported": "Supported",
    "refuted": "Refuted",
    "not-in-article": "Not in the article",
}
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_OPTIONS = 9
MAX_POINTS = 1000
"""The most a question may be worth: a score stays a plain number everywhere it is shown."""
MIN_POINTS = 0.01
"""The least a question may be worth: points are shown to two decimals."""

_CONFIG: dict[str, Any] = {"extra": "forbid", "use_attribute_docstrings": True}
_STRICT: dict[str, Any] = {"strict": True}
"""Field metadata pydantic reads as ``Field(strict=True)`` (no import needed): a number field
takes whole numbers and decimals but not true/false or "2"; a true/false field takes only
true or false."""


@dataclass(frozen=True, kw_only=True)
class BankInfo:
    """The ``[bank]`` table: what the bank is and which article it is about."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _CONFIG

    id: str
    """Unique among the banks loaded together; lowercase letters, digits and single hyphens."""
    title: str
    """What the bank asks about, shown in the menu."""
    article: str
    """The article's text file, relative to the bank file."""
    topic: str | None = None
    """A short topic name; the menu groups banks by it (default: the title)."""
    description: str | None = None
    """One or two sentences shown under the title."""


@dataclass(frozen=True, kw_only=True)
class Question:
    """Fields every kind of question has."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _CONFIG
    KIND: ClassVar[str] = ""

    id: str
    """Unique within the bank; the bank id plus this id is the question's stable key."""
    kind: str
    """Which kind of question this is: choice, multi, claim, text or order."""
    evidence: str | tuple[str, ...] | None = None
    """A quote, or a list of quotes, from the article; each must occur exactly once in it."""
    explanation: str | None = None
    """Why the answer is right, in one or two sentences; shown after answering."""
    tags: tuple[str, ...] = ()
    """Topics for filtering and for the score breakdown: dates, actors, sanctions, quotes..."""
    points: float = field(default=1, metadata=_STRICT)
    """What a fully right answer scores: from 0.01 to 1000."""
    draft: bool = field(default=False, metadata=_STRICT)
    """Set by ``quiz draft``: not yet reviewed by a person; ``quiz check`` warns about it."""

    @property
    def quotes(self) -> tuple[str, ...]:
        """The evidence as a tuple of quotes (empty when there is none)."""
        if self.evidence is None:
            return ()
        if isinstance(self.evidence, str):
            return (self.evidence,)
        return self.evidence

    @property
    def text(self) -> str:
        """What is asked: the prompt, or the claim."""
        return str(getattr(self, "prompt", "") or getattr(self, "claim", ""))


@dataclass(frozen=True, kw_only=True)
class ChoiceQuestion(Question):
    """A question with one right option."""

    KIND: ClassVar[str] = "choice"
    prompt: str
    """The question asked."""
    options: tuple[str, ...]
    """2 to 9 distinct options, shown shuffled unless ``--no-shuffle``."""
    answer: str
    """The right option; must be one of ``options``."""
    feedback: dict[str, str] = field(default_factory=dict)
    """Optional text per option, shown when that option is chosen (option → text)."""


@dataclass(frozen=True, kw_only=True)
class MultiQuestion(Question):
    """A question with several right options; every right one must be picked."""

    KIND: ClassVar[str] = "multi"
    prompt: str
    """The question asked."""
    options: tuple[str, ...]
    """2 to 9 distinct options."""
    answers: tuple[str, ...]
    """The right options: a non-empty subset of ``options``."""


@dataclass(frozen=True, kw_only=True)
class ClaimQuestion(Question):
    """A claim to judge against the article: supported, refuted, or not in the article."""

    KIND: ClassVar[str] = "claim"
    claim: str
    """A statement about what the article reports."""
    verdict: Verdict
    """``supported``, ``refuted`` or ``not-in-article``; ``not-in-article`` needs an explanation
    when it has no evidence."""


@dataclass(frozen=True, kw_only=True)
class TextQuestion(Question):
    """A question answered by typing; matching ignores case, accents, spacing and punctuation,
    and forgives small misspellings (see "How typed answers are matched")."""

    KIND: ClassVar[str] = "text"
    prompt: str
    """The question asked."""
    accept: tuple[str, ...]
    """Every answer to accept (at least one)."""
    tolerance: Tolerance = "spelling"
    """``"spelling"`` forgives a small misspelling, singular for plural and a missing "the";
    ``"exact"`` accepts only the answers as listed (case, accents, spacing and punctuation
    still do not count)."""


@dataclass(frozen=True, kw_only=True)
class OrderQuestion(Question):
    """Items to put in order (always shown shuffled)."""

    KIND: ClassVar[str] = "order"
    prompt: str
    """The question asked, saying what the order is (earliest first, say)."""
    items: tuple[str, ...]
    """2 to 9 distinct items, in the right order."""


AnyQuestion = ChoiceQuestion | MultiQuestion | ClaimQuestion | TextQuestion | OrderQuestion
KINDS: dict[str, type[Question]] = {
    cls.KIND: cls
    for cls in (ChoiceQuestion, MultiQuestion, ClaimQuestion, TextQuestion, OrderQuestion)
}


def field_names(cls: type[Any]) -> tuple[str, ...]:
    """The keys a table of this model may hold."""
    return tuple(f.name for f in fields(cls))


def required_fields(cls: type[Any]) -> tuple[str, ...]:
    """The keys a table of this model must hold."""
    from dataclasses import MISSING

    return tuple(
        f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING
    )


# What changes the meaning of a question; tags, points and explanations do not.
_FINGERPRINTED = (
    "kind",
    "prompt",
    "claim",
    "options",
    "answer",
    "answers",
    "verdict",
    "accept",
    "items",
)


def fingerprint(question: Question) -> str:
    """A short hash of what the question asks and accepts, to flag answers to an older wording."""
    import hashlib
    import json

    content = {name: getattr(question, name) for name in _FINGERPRINTED if hasattr(question, name)}
    if "answers" in content:
        content["answers"] = sorted(content["answers"])
    data = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()[:12]
