"""``quiz play`` (plain ``quiz`` too): the app on some banks, or one tab of ``quiz serve``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from quiz.cli.common import fail, playable_banks, quiz_options, require_questions
from quiz.core.collector import collector_paused

if TYPE_CHECKING:
    from quiz.core.bank.catalog import Bank
    from quiz.core.play.session import QuizSettings
    from quiz.core.results.store import ResultsStore


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--player", help="Your name (default: the last name used).")
@quiz_options
@click.option("--no-shuffle", is_flag=True, help="Questions and options in file order.")
@click.option(
    "--resume",
    is_flag=True,
    help="Go on with your latest unfinished quiz, as it was started, without asking.",
)
@click.option("--missed", is_flag=True, help="Only the questions you last got wrong.")
@click.option(
    "--due",
    is_flag=True,
    help="Only your questions due for another go today (spaced repetition, from your answers).",
)
@click.option(
    "--closed-book",
    is_flag=True,
    help="In an exam, the article opens only once the exam is submitted.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    help="The results store (default: QUIZ_DB, else your data folder).",
)
@click.option(
    "--served",
    is_flag=True,
    hidden=True,
    help="Run as one browser tab of `quiz serve`: limited to playing these banks.",
)
@collector_paused()  # the app resumes collecting once its first screen is drawn
def play(
    paths: Sequence[str],
    player: str | None,
    mode: str,
    tags: Sequence[str],
    count: int | None,
    seed: int | None,
    no_shuffle: bool,
    resume: bool,
    missed: bool,
    due: bool,
    closed_book: bool,
    db: str | None,
    served: bool,
) -> None:
    """Play banks: the named files and folders, or all known banks.

    With --player and banks given (or --resume, or --missed), the quiz starts straight at the
    first question. Every answer is saved as it is given.
    """
    from quiz.core.errors import QuizError
    from quiz.core.play.prefs import read_prefs
    from quiz.core.play.session import MAX_NAME, QuizSettings, name_problem
    from quiz.core.results.store import ResultsStore

    if resume and missed:
        fail("--resume and --missed do not go together; choose one", 2)
    if due and (resume or missed):
        fail("--due does not go with --resume or --missed; choose one", 2)
    if resume:
        _refuse_options_resume_ignores()
    prefs = read_prefs()
    name = (player or prefs.get("last_player", "")[:MAX_NAME]).strip()
    problem = name_problem(name)
    if problem is not None:
        fail(f"{problem}; give another --player", 2)
    if (resume or missed) and not name:
        fail("say whose quiz it is with --player NAME", 2)
    banks, notice = playable_banks(paths)
    try:
        store = ResultsStore.open(db)
    except QuizError as exc:
        fail(str(exc))
    keep = _missed_or_resumed(store, name, banks, missed) if resume or missed else None
    if due:
        keep = _due_now(store, name)
    settings = QuizSettings(
        mode="exam" if mode == "exam" else "practice",
        tags=tuple(tags),
        count=count,
        seed=seed,
        shuffle=not no_shuffle,
    )
    if tags and not resume:
        try:  # say a tag no question has here, not in the app
            require_questions(banks, settings, keep)
        except SystemExit:
            store.close()
            raise
    if served:
        _serve_tab(banks, settings, store)
        return
    from quiz.tui.app import make_app

    app = make_app(
        banks,
        settings,
        player=name
        if player or resume or missed or due
        else "",  # a remembered name is only offered
        offered=prefs.get("last_player", "")[:MAX_NAME].strip(),
        closed_book=closed_book,
        start_now=bool(name) and (bool(player and paths) or resume or missed or due),
        resume=resume,
        keep=keep,
        store=store,
        notice=notice,
        theme=prefs.get("theme"),
    )
    try:
        app.run()
    finally:
        store.close()


_RESUME_IGNORES = {
    "mode": "--mode",
    "tags": "--tag",
    "count": "--count",
    "seed": "--seed",
    "no_shuffle": "--no-shuffle",
}
"""The options that put a new quiz together, which a resumed quiz already was."""


def _refuse_options_resume_ignores() -> None:
    """A usage error for ``--resume`` given with options it would ignore, as ``--missed`` is
    with ``--resume``: the quiz goes on as it was started."""
    ctx = click.get_current_context()
    given = [
        flag
        for name, flag in _RESUME_IGNORES.items()
        if ctx.get_parameter_source(name) not in (None, click.core.ParameterSource.DEFAULT)
    ]
    if given:
        fail(
            "--resume goes on with the quiz as it was started (its mode, tags and count); "
            f"leave out {', '.join(given)}, or play a new quiz without --resume",
            2,
        )


def _due_now(store: ResultsStore, name: str) -> set[str]:
    """For ``--due``, the questions ``name`` is due to answer again now; ends the command
    when there are none."""
    from quiz.core.results.records import now
    from quiz.core.results.schedule import due_by, player_schedule

    if not name:
        fail("say whose questions are due with --player NAME", 2)
    keep = due_by(now(), player_schedule(store, name))
    if not keep:
        fail(f"{name} has no question due now; see when with quiz results --player {name} --due")
    return keep


def _missed_or_resumed(
    store: ResultsStore, name: str, banks: Sequence[Bank], missed: bool
) -> set[str] | None:
    """For ``--missed``, the questions ``name`` last answered wrong; for ``--resume``, nothing.
    Ends the command (status 1) when there is nothing to play that way."""
    from quiz.core.results.resuming import resumable

    flag = "--missed" if missed else "--resume"
    if not store.attempts(name):
        alike = store.players_like(name)
        todo = f"did you mean `{alike[0]}`?" if alike else f"play without {flag}"
        fail(f"{name} has not played yet; {todo}")
    if not missed:
        record = store.unfinished_attempt(name)
        if record is None:
            fail(f"{name} has no unfinished quiz to resume; play without --resume")
        if resumable(store, name, banks) is None:
            on = ", ".join(record.banks)
            fail(
                f"{name}'s unfinished quiz is on banks not loaded here ({on}); "
                "name them, or play without --resume"
            )
        return None
    keep = store.missed_keys(name)
    if not keep:
        fail(f"{name} has no question answered wrong last time; play without --missed")
    return keep


def _serve_tab(banks: list[Bank], settings: QuizSettings, store: ResultsStore) -> None:
    """Run one browser tab's app for ``quiz serve``."""
    import os
    from pathlib import Path

    from quiz.core.play.classroom import CLASS_ENV, ClassFolder
    from quiz.core.play.live import STATUS_ENV
    from quiz.tui.served import ServedQuizApp

    status, folder = os.environ.get(STATUS_ENV), os.environ.get(CLASS_ENV)
    classroom = ClassFolder(Path(folder)) if folder else None
    app = ServedQuizApp(banks, settings, store, Path(status) if status else None, classroom)
    try:
        app.run()
    finally:
        store.close()
