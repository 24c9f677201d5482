"""What loading banks gives: a loaded bank, and the catalog of all that loaded with its problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.core.bank.discovery import BankSource
from quiz.core.bank.model import AnyQuestion, BankInfo
from quiz.core.errors import Problem
from quiz.core.text.article import Article
from quiz.core.text.evidence import Evidence


@dataclass(frozen=True)
class Bank:
    """A loaded bank: its valid questions, their resolved evidence, and its article."""

    info: BankInfo
    """The ``[bank]`` table."""
    questions: tuple[AnyQuestion, ...]
    """The questions that passed every check, in file order."""
    evidence: dict[str, tuple[Evidence, ...]]
    """Question id → where its evidence stands in the article."""
    article: Article
    """The article the bank is about."""
    source: BankSource
    """Where the bank came from."""
    left_out: int = 0
    """How many of the file's questions were left out for errors."""

    @property
    def id(self) -> str:
        """The bank id."""
        return self.info.id

    @property
    def topic(self) -> str:
        """The topic the menu groups it under."""
        return self.info.topic or self.info.title


@dataclass
class Catalog:
    """The outcome of loading some banks: what loaded and every problem found."""

    banks: list[Bank] = field(default_factory=list)
    """Banks that loaded (perhaps with some questions left out for errors)."""
    problems: list[Problem] = field(default_factory=list)
    """Errors and warnings, file by file."""
    files: int = 0
    """How many bank files were read."""

    @property
    def errors(self) -> int:
        """How many errors were found."""
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        """How many warnings were found."""
        return sum(p.severity == "warning" for p in self.problems)

    @property
    def questions(self) -> int:
        """How many questions loaded."""
        return sum(len(b.questions) for b in self.banks)

    @property
    def left_out(self) -> int:
        """How many questions of the loaded banks were left out for errors."""
        return sum(b.left_out for b in self.banks)
