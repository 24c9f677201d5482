"""What the ``quiz`` commands share: the one way to fail, finding banks, and quiz options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from quiz.core.bank.catalog import Bank, Catalog
    from quiz.core.bank.discovery import BankSource
    from quiz.core.bank.model import AnyQuestion
    from quiz.core.errors import Problem
    from quiz.core.play.session import QuizSettings
    from quiz.core.results.records import AttemptRecord
    from quiz.core.results.regrade import Regrading

F = TypeVar("F", bound=Callable[..., object])


def fail(message: str, code: int = 1) -> NoReturn:
    """End the command with ``quiz: message`` on stderr: status 1, or 2 for a usage error."""
    click.echo(f"quiz: {message}", err=True)
    sys.exit(code)


def bank_sources(paths: Sequence[str], problems: list[Problem] | None = None) -> list[BankSource]:
    """The bank files of ``paths``, or of every known folder without; a usage error for a
    path that does not exist. A named folder without banks is added to ``problems``."""
    from quiz.core.bank.discovery import default_sources, discover
    from quiz.core.errors import QuizError

    try:
        return discover(paths, problems) if paths else default_sources(problems)
    except QuizError as exc:
        fail(str(exc), 2)


def load_catalog(paths: Sequence[str], *, for_play: bool) -> Catalog:
    """The banks of ``paths`` (all known banks without). For play, through the bank cache and
    with their evidence placed; else only checked, as ``quiz check`` and ``quiz list`` need.
    A named folder without banks is one of the catalog's problems."""
    from quiz.core.bank.loader import load_banks
    from quiz.core.text.loader import default_articles

    empty: list[Problem] = []
    sources = bank_sources(paths, empty)
    if not for_play:
        catalog = load_banks(sources, articles=default_articles(), place=False)
    else:
        from quiz.core.bank.cache import default_cache

        catalog = load_banks(sources, default_cache(), default_articles())
    catalog.problems[:0] = empty
    return catalog


def current_questions(paths: Sequence[str], say_errors: bool) -> dict[str, AnyQuestion]:
    """The current questions by key: of ``paths``, else the bundled and the user's banks; with
    ``say_errors``, the banks' errors on stderr (a key fixed with a typo must not pass for
    "none changed" when answers are regraded with it)."""
    catalog = load_catalog(paths, for_play=True)
    if say_errors:
        for problem in catalog.problems:
            if problem.severity == "error":
                click.echo(str(problem), err=True)
    return {f"{b.id}/{q.id}": q for b in catalog.banks for q in b.questions}


def regraded(
    attempts: list[AttemptRecord], questions: dict[str, AnyQuestion]
) -> tuple[list[AttemptRecord], Regrading]:
    """``attempts`` graded again with ``questions``' keys; what changed said on stderr."""
    from quiz.core.results.regrade import regrade

    found, regrading = regrade(attempts, questions)
    for line in regrading.lines():
        click.echo(f"quiz: {line}", err=True)
    return found, regrading


def playable_banks(paths: Sequence[str]) -> tuple[list[Bank], str | None]:
    """The banks of ``paths`` (all known banks without) that have questions to play, and a
    note on the errors found; their problems go to stderr, and no playable bank is an error."""
    from quiz.core.words import plural

    catalog = load_catalog(paths, for_play=True)
    for problem in catalog.problems:
        if problem.severity == "error":
            click.echo(str(problem), err=True)
    banks = [bank for bank in catalog.banks if bank.questions]
    if not banks:
        where = ", ".join(paths) if paths else "the bundled and user folders"
        fail(f"no playable bank in {where}; run `quiz check` to see why")
    notice = None
    if catalog.errors:
        notice = (
            f"{plural(catalog.errors, 'error')} in the banks: banks or questions with errors "
            "are left out; run `quiz check` to see them."
        )
    return banks, notice


def require_questions(
    banks: Sequence[Bank], settings: QuizSettings, keep: Collection[str] | None = None
) -> int:
    """How many questions each quiz of ``banks`` asks under ``settings``; fail, in one line,
    before any quiz starts, when ``settings`` (its tags above all) keep none."""
    from quiz.core.errors import QuizError
    from quiz.core.play.session import select_items

    try:
        return len(select_items(banks, settings, settings.seed or 0, keep))
    except QuizError as exc:
        fail(str(exc))


def quiz_options(command: F) -> F:
    """``--mode``, ``--tag``, ``--count`` and ``--seed``: how a quiz is put together."""
    decorators = [
        click.option(
            "--mode",
            type=click.Choice(["practice", "exam"]),
            default="practice",
            show_default=True,
            help="practice: feedback after each answer; exam: feedback only at the end.",
        ),
        click.option(
            "--tag", "tags", multiple=True, help="Only questions with this tag (repeatable)."
        ),
        click.option(
            "--count", type=click.IntRange(min=1), help="Play a random subset of N questions."
        ),
        click.option("--seed", type=int, help="Same seed, same questions and order for everyone."),
    ]
    for decorate in reversed(decorators):
        command = decorate(command)
    return command
