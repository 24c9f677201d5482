"""``quiz results``: the attempts in the store as a table, CSV or JSON; forgetting a player.

``quiz.cli.main`` loads it when it is used. Every user mistake ends as ``quiz: message`` on
stderr and exit status 1 (2 for a usage error), never a traceback.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli.common import fail
from quiz.core.errors import QuizError
from quiz.core.words import plural, sentence

if TYPE_CHECKING:
    from quiz.core.results.records import AttemptRecord
    from quiz.core.results.store import ResultsStore

from quiz.cli.output import (
    check_out,
    chosen_format,
    db_option,
    emit,
    format_option,
    known_banks,
    no_such_bank,
    open_store,
    out_option,
)


@click.command()
@click.option("--player", help="Only this player's attempts.")
@click.option("--bank", metavar="ID", help="Only attempts with questions of this bank.")
@format_option
@out_option
@click.option("--forget", metavar="NAME", help="Delete every attempt and answer of NAME.")
@click.option("--yes", is_flag=True, help="With --forget: do not ask first.")
@click.option(
    "--regrade",
    is_flag=True,
    help="Show the scores regraded with the current keys of the banks (nothing is written).",
)
@click.option(
    "--banks",
    "bank_paths",
    multiple=True,
    metavar="PATH",
    help="With --regrade: the banks whose keys to use (default: the bundled banks and yours).",
)
@click.option(
    "--due", is_flag=True, help="With --player: when each question is due again, soonest first."
)
@db_option
def results(
    player: str | None,
    bank: str | None,
    fmt: str | None,
    out: Path | None,
    force: bool,
    forget: str | None,
    yes: bool,
    regrade: bool,
    bank_paths: Sequence[str],
    due: bool,
    db: Path | None,
) -> None:
    """List attempts with their scores (one line each), or export them with their answers.

    --format csv writes one row per answer; --format json the whole attempts. Both can be read
    back by `quiz report FILE...` on another machine. --regrade shows every score as the
    current keys grade it (after a key was fixed, say), and how many answers changed.
    """
    from quiz.core.errors import first_unsafe
    from quiz.core.results.result_files import write_csv, write_json

    fmt = chosen_format(fmt, out)
    check_out(out, force)
    if forget is not None and (player or bank):
        fail("--forget deletes every attempt of one player: give it without --player or --bank", 2)
    if yes and forget is None:
        fail("--yes only answers the question --forget asks; give --forget NAME with it", 2)
    if forget is not None and regrade:
        fail("--forget deletes attempts; --regrade only shows scores: give one of them", 2)
    if bank_paths and not regrade:
        fail("--banks names the keys to regrade with: give --regrade with it", 2)
    unsafe = first_unsafe(player) if player else None
    if unsafe is not None:
        fail(f"a player name cannot hold control or invisible characters ({unsafe}); fix it", 2)
    if due and not player:
        fail("--due shows one player's schedule: give --player NAME with it", 2)
    try:
        with open_store(db, read_only=forget is None) as store:
            if due and player:
                from quiz.core.results.schedule import player_schedule

                lines = due_lines(player, player_schedule(store, player))
                emit("".join(f"{line}\n" for line in lines), out)
                return
            if forget is not None:
                _forget(store, forget, yes)
                return
            attempts = store.attempts(player, bank, with_answers=fmt != "table" or regrade)
            alike = store.players_like(player) if player and not attempts else []
            unplayed = bank if bank and not attempts and not store.attempts(bank=bank) else None
        if unplayed is not None and unplayed not in known_banks(()):
            no_such_bank(unplayed)
        if regrade:
            from quiz.cli.common import current_questions, regraded

            attempts, _ = regraded(attempts, current_questions(bank_paths, say_errors=True))
        if fmt == "table":
            lines = _attempt_lines(attempts) if attempts else [_none_found(player, bank, alike)]
            emit("".join(f"{line}\n" for line in lines), out)
            return
        buffer = io.StringIO(newline="")
        (write_csv if fmt == "csv" else write_json)(attempts, buffer)
        emit(buffer.getvalue(), out)
    except QuizError as exc:
        fail(str(exc))


def due_lines(player: str, due: dict[str, datetime]) -> list[str]:
    """When each of ``player``'s questions is due, soonest first; ``now`` for those due."""
    from quiz.core.errors import safe_text
    from quiz.core.results.records import now

    if not due:
        return [f"No questions scheduled for `{safe_text(player)}` yet: play a quiz first."]
    at = now()
    ready = sum(when <= at for when in due.values())
    lines = [f"{safe_text(player)}: {ready} of {len(due)} questions due now"]
    for key, when in sorted(due.items(), key=lambda kv: (kv[1], kv[0])):
        said = "now" if when <= at else f"{when.astimezone():%Y-%m-%d %H:%M}"
        lines.append(f"  {said:<16}  {safe_text(key)}")
    return lines


def _none_found(player: str | None, bank: str | None, alike: Sequence[str] = ()) -> str:
    if player:
        hint = f"; did you mean `{alike[0]}`?" if alike else "."
        return f"No attempts found for `{player}`{hint}"
    if bank:
        return f"No attempts found with questions of bank `{bank}`."
    return "No attempts found."


def _attempt_lines(attempts: Sequence[AttemptRecord]) -> list[str]:
    """A table of attempts, a header line first; columns measured in terminal cells, so that
    a name in wide letters (李) does not push its row out of line."""
    from rich.cells import cell_len

    from quiz.core.errors import safe_text
    from quiz.core.play.scoring import score_text

    rows = [
        (
            f"{a.started_at:%Y-%m-%d %H:%M}",
            safe_text(a.player),
            "-" if a.exam_going_on else score_text(a.score, a.max_score),
            "-" if a.exam_going_on else f"{a.percent:.0f}%",
            f"{a.answered}/{len(a.order)}",
            "finished" if a.finished_at else "unfinished",
            a.mode,
            safe_text(a.id[:8]),
            safe_text(" ".join(a.banks)),
        )
        for a in attempts
    ]
    header = ("started", "player", "score", "share", "answered", "state", "mode", "attempt")
    rows.insert(0, (*header, "banks"))
    widths = [max(cell_len(row[n]) for row in rows) for n in range(len(header))]
    right = {2, 3, 4}  # numbers line up on the right
    lines = []
    for row in rows:
        cells = [
            " " * (width - cell_len(text)) + text
            if n in right
            else text + " " * (width - cell_len(text))
            for n, (text, width) in enumerate(zip(row, widths, strict=False))
        ]
        lines.append("  ".join([*cells, row[-1]]))
    return lines


def _forget(store: ResultsStore, player: str, yes: bool) -> None:
    found = store.attempts(player)
    if not found:
        raise QuizError(
            f"{store.path}: no attempts by `{player}`; nothing deleted (names must match exactly: "
            "see `quiz results`)"
        )
    answers = sum(a.answered for a in found)
    question = (
        f"Delete {plural(len(found), 'attempt')} and {plural(answers, 'answer')} of {player} "
        f"from {store.path}?"
    )
    try:
        agreed = yes or click.confirm(question, default=False)
    except click.Abort:
        agreed = False
    if not agreed:
        fail("nothing deleted")
    click.echo(sentence(f"Deleted {plural(store.forget(player), 'attempt')} of {player}"))
