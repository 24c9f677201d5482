"""The ``quiz serve`` command: the quiz in the browsers of a classroom.

It checks everything it can before listening (the banks, the results store, the join code, the
address to give students), so that a class never meets a server that fails on the first tab.
Every user mistake ends as ``quiz: message`` on stderr, status 1 (2 for a usage error).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli.common import fail, playable_banks, quiz_options, require_questions

if TYPE_CHECKING:
    from quiz.core.bank.catalog import Bank
    from quiz.serve.console import Front
    from quiz.serve.server import QuizServer


@click.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on: 0.0.0.0 lets the classroom's machines connect.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port, printed in the address).",
)
@click.option("--public-url", help="The address students open, when the printed one is wrong.")
@click.option("--code", help="The join code students type (default: a random one).")
@click.option(
    "--max-sessions",
    type=click.IntRange(min=1),
    default=40,
    show_default=True,
    help="At most this many browser tabs play at once.",
)
@click.option(
    "--idle-minutes",
    type=click.FloatRange(min=0.05),
    default=20,
    show_default=True,
    help="Close a tab after this many minutes without a key pressed (its answers are kept).",
)
@click.option("--lobby", is_flag=True, help="Joined tabs wait until you start everyone together.")
@click.option("--anonymous", is_flag=True, help="Start the teacher's screen without names.")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The results store (default: $QUIZ_DB, else results.sqlite in the data folder).",
)
@quiz_options
def serve(
    paths: Sequence[str],
    host: str,
    port: int,
    public_url: str | None,
    code: str | None,
    max_sessions: int,
    idle_minutes: float,
    lobby: bool,
    anonymous: bool,
    db: Path | None,
    mode: str,
    tags: Sequence[str],
    count: int | None,
    seed: int | None,
) -> None:
    """Serve a quiz to the browsers of a classroom: every answer goes to your results store.

    Students open the printed address, type the join code and their name, and play the banks
    named here (all known banks without PATH) with your --mode, --count, --seed and --tag.
    Only this machine can connect unless --host says otherwise (0.0.0.0: the whole network).
    In a terminal your screen is the class's dashboard (players, live results, keys to start
    the lobby, close joining, remove a player and end the class); otherwise lines of text.
    """
    from rich.console import Console

    from quiz.serve.console import run_class
    from quiz.serve.network import NoAddressError
    from quiz.serve.network import public_url as find_public_url
    from quiz.serve.options import MIN_CODE_LENGTH, ServeOptions, new_code, normalize_code

    if idle_minutes != idle_minutes:  # nan passes every range, and would never close a tab
        fail("--idle-minutes is a number of minutes, such as 20", 2)
    if code is not None and len(normalize_code(code)) < MIN_CODE_LENGTH:
        fail(f"--code needs at least {MIN_CODE_LENGTH} letters or digits", 2)
    banks, available = _playable(paths, tags)
    store_path = _check_store(db)
    try:
        find_public_url(host, port or 8000, public_url)
    except NoAddressError as exc:
        fail(str(exc))
    options = ServeOptions(
        db=store_path,
        code=normalize_code(code) if code else new_code(),
        paths=tuple(str(Path(p).resolve()) for p in paths),
        mode=mode,
        count=count,
        seed=seed,
        tags=tuple(tags),
        host=host,
        port=port,
        public_url=public_url,
        max_sessions=max_sessions,
        idle_minutes=idle_minutes,
        lobby=lobby,
        anonymous=anonymous,
    )
    about = serving_lines(banks, available, count, mode, tags, seed)
    console = Console()
    front = _dashboard(banks, about) if console.is_terminal else None
    try:
        asyncio.run(run_class(options, about, console, front))
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


def _dashboard(banks: list[Bank], about: list[str]) -> Front:
    """The teacher's screen: the dashboard app over the class being served."""

    async def run(server: QuizServer, stop: asyncio.Event) -> None:
        from quiz.serve.control import ServedClass
        from quiz.tui.dashboard.app import DashboardApp

        questions = {f"{bank.id}/{q.id}": q for bank in banks for q in bank.questions}
        await DashboardApp(ServedClass(server, questions), about, stop).run_async()

    return run


def _playable(paths: Sequence[str], tags: Sequence[str]) -> tuple[list[Bank], int]:
    """The playable banks of ``paths``, and how many of their questions the chosen tags keep
    (failing in one line when they keep none)."""
    from quiz.core.play.session import QuizSettings

    banks, _ = playable_banks(paths)
    refuse_outside_articles(banks, paths)
    return banks, require_questions(banks, QuizSettings(tags=tuple(tags)))


def refuse_outside_articles(banks: Sequence[Bank], paths: Sequence[str]) -> None:
    """Fail, in one line, when a bank's article lies outside the folders named on the command
    line (and the bundled data): every browser would be shown that file."""
    from quiz.core.bank.discovery import outside_served, served_roots
    from quiz.core.errors import safe_text

    roots = served_roots(paths)
    for bank in banks:
        if outside_served(bank.article.path, roots):
            where = "the folders named on the command line" if paths else "your banks folder"
            fail(
                f"{safe_text(bank.source.shown)}: article `{safe_text(bank.info.article)}` lies "
                f"outside {where}, and every browser would be shown it; move it beside the "
                "bank, or name its folder on the command line"
            )


MODE_WORDS = {
    "practice": "practice mode (feedback after each answer)",
    "exam": "exam mode (feedback at the end)",
}
"""How the banner names each mode."""


def serving_lines(
    banks: Sequence[Bank],
    available: int,
    count: int | None,
    mode: str,
    tags: Sequence[str],
    seed: int | None = None,
) -> list[str]:
    """What the teacher is told is served: the banks, then how many of the ``available``
    questions (those the tags keep) each tab is asked, and in which mode."""
    from quiz.core.errors import safe_text
    from quiz.core.words import plural

    questions = sum(len(bank.questions) for bank in banks)
    lines = [f"Serving {plural(questions, 'question')} from {plural(len(banks), 'bank')}:"]
    lines += [f"  {safe_text(bank.info.title)} ({len(bank.questions)})" for bank in banks]
    asked = min(count, available) if count is not None else available
    tagged = f" tagged {', '.join(safe_text(tag) for tag in tags)}" if tags else ""
    pool = f"{plural(available, 'question')}{tagged}"
    which = f"all {pool}" if asked == available else f"{asked} of the {pool}"
    picked = "the same for every tab (--seed)" if seed is not None else "drawn anew for each tab"
    order = f", {picked}" if asked < available else ""
    lines.append(f"Each tab is asked {which}{order}, in {MODE_WORDS[mode]}.")
    return lines


def _check_store(db: Path | None) -> Path:
    """The results store's path, once it has been opened (and created if new)."""
    from quiz.core.errors import QuizError
    from quiz.core.results.store import ResultsStore

    try:
        store = ResultsStore.open(db)
    except QuizError as exc:
        fail(str(exc))
    path = store.path.resolve()
    store.close()
    return path
