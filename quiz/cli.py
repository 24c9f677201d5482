"""The ``quiz`` command line: parses options, then calls the core or starts the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from quiz import __version__
from quiz.cli_common import fail, load_catalog, playable_banks, quiz_options, require_questions
from quiz.core.collector import collector_paused

if TYPE_CHECKING:
    from quiz.core.banks import Bank
    from quiz.core.session import QuizSettings
    from quiz.core.store import ResultsStore


LAZY_COMMANDS = {
    "draft": "quiz.cli_draft:draft",
    "results": "quiz.cli_store:results",
    "report": "quiz.cli_store:report",
    "serve": "quiz.cli_serve:serve",
}
"""Commands imported only when used, so that ``quiz`` itself starts sooner."""


class _PlayByDefault(click.Group):
    """``quiz`` and ``quiz PATH...`` mean ``quiz play``; other words name commands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = args[0] if args else None
        known = first in self.commands or first in LAZY_COMMANDS
        if first is None or (not known and first not in ("-h", "--help", "--version")):
            if first is not None:
                self._refuse_a_mistyped_command(first)
            args = ["play", *args]
        return super().parse_args(ctx, args)

    def _refuse_a_mistyped_command(self, word: str) -> None:
        """A word that is no file but is spelt like a command (``chek``) is a usage error that
        names the command, not a bank that is not found."""
        import os
        from difflib import get_close_matches

        if word.startswith("-") or os.path.exists(word):
            return
        near = get_close_matches(word, self.list_commands(click.Context(self)), n=1, cutoff=0.6)
        if near:
            fail(f"no command or file `{word}`; did you mean `quiz {near[0]}`?", code=2)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; a :class:`QuizError` that reaches here (such as an article edited
        while a command reads it) ends it with its one line, not a traceback."""
        from quiz.core.errors import QuizError

        try:
            return super().invoke(ctx)
        except QuizError as exc:
            fail(str(exc))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        from importlib import import_module

        module, name = target.split(":")
        command = getattr(import_module(module), name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_PlayByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quiz")
def main() -> None:
    """A fact-check quiz on real news articles: every answer is tied to a checked sentence.

    `quiz` opens the app on the bundled article and your own banks; `quiz PATH...` plays the
    named banks or folders; `quiz check` validates banks.
    """


@main.command()
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
    "--db",
    type=click.Path(dir_okay=False),
    help="The results store (default: QUIZ_DB, else your data folder).",
)
@click.option(
    "--served",
    is_flag=True,
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
    db: str | None,
    served: bool,
) -> None:
    """Play banks: the named files and folders, or all known banks.

    With --player and banks given (or --resume, or --missed), the quiz starts straight at the
    first question. Every answer is saved as it is given.
    """
    from quiz.core.errors import QuizError
    from quiz.core.prefs import read_prefs
    from quiz.core.session import MAX_NAME, QuizSettings
    from quiz.core.store import ResultsStore

    if resume and missed:
        fail("--resume and --missed do not go together; choose one", 2)
    if resume:
        _refuse_options_resume_ignores()
    prefs = read_prefs()
    name = (player or prefs.get("last_player", "")[:MAX_NAME]).strip()
    if len(name) > MAX_NAME:
        fail(f"a player name has at most {MAX_NAME} characters; give a shorter --player", 2)
    if (resume or missed) and not name:
        fail("say whose quiz it is with --player NAME", 2)
    banks, notice = playable_banks(paths)
    try:
        store = ResultsStore.open(db)
    except QuizError as exc:
        fail(str(exc))
    keep = _missed_or_resumed(store, name, banks, missed) if resume or missed else None
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
    from quiz.tui.launch import make_app

    app = make_app(
        banks,
        settings,
        player=name,
        start_now=bool(name) and (bool(player and paths) or resume or missed),
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


def _missed_or_resumed(
    store: ResultsStore, name: str, banks: Sequence[Bank], missed: bool
) -> set[str] | None:
    """For ``--missed``, the questions ``name`` last answered wrong; for ``--resume``, nothing.
    Ends the command (status 1) when there is nothing to play that way."""
    from quiz.core.resuming import resumable

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

    from quiz.core.live import STATUS_ENV
    from quiz.tui.served import ServedQuizApp

    status = os.environ.get(STATUS_ENV)
    app = ServedQuizApp(banks, settings, store, Path(status) if status else None)
    try:
        app.run()
    finally:
        store.close()


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(paths: Sequence[str], strict: bool) -> None:
    """Validate question banks: the named files and folders, or all known banks.

    Prints each problem as `path:line: error: ...`, then a summary. Exits 0 with no error,
    1 with errors, 2 for a usage error.
    """
    from quiz.core.words import plural

    catalog = load_catalog(paths, for_play=False)
    problems = [p.as_error() if strict else p for p in catalog.problems]
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    said = [plural(len(catalog.banks), "bank"), plural(catalog.questions, "question")]
    if catalog.left_out:
        said[-1] += f" ({catalog.left_out} left out for errors)"
    counts = [(errors, "error"), (warnings, "warning"), (catalog.files, "file")]
    said += [plural(n, word) for n, word in counts]
    click.echo(", ".join(said) + " checked")
    sys.exit(1 if errors else 0)


@main.command(name="list")
@click.argument("paths", nargs=-1)
def list_banks(paths: Sequence[str]) -> None:
    """List banks: title, article, question counts by kind and tag, and where each came from."""
    from quiz.core.listing import describe_catalog
    from quiz.locations import user_banks

    catalog = load_catalog(paths, for_play=False)
    for line in describe_catalog(catalog):
        click.echo(line)
    if not paths:
        click.echo(f"Your own banks folder: {user_banks()} (put .toml banks there)")
