"""The ``quiz results`` and ``quiz report`` commands: the results store from the command line.

``quiz.cli`` loads them when they are used. Every user mistake ends as ``quiz: message`` on
stderr and exit status 1 (2 for a usage error), never a traceback.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from quiz.cli_common import fail, load_catalog
from quiz.core.errors import QuizError
from quiz.core.words import plural, sentence

if TYPE_CHECKING:
    from quiz.core.model import AnyQuestion
    from quiz.core.records import AttemptRecord
    from quiz.core.store import ResultsStore

F = TypeVar("F", bound=Callable[..., object])
FORMATS = click.Choice(["table", "csv", "json"])


def _db_option(command: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The results store (default: $QUIZ_DB, else results.sqlite in the data folder).",
    )(command)


def _out_option(command: F) -> F:
    return click.option(
        "-o",
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of the terminal.",
    )(command)


def _format_option(command: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=FORMATS,
        help="table, csv or json (default: from the extension of -o, else table).",
    )(command)


SUFFIXES = {".csv": "csv", ".json": "json"}
"""Output file extensions that say a format."""


def _format(fmt: str | None, out: Path | None) -> str:
    """The format asked for, else the one the output file's name says, else a table; a usage
    error when both are given and disagree (CSV in ``class.json``)."""
    said = SUFFIXES.get(out.suffix.lower()) if out is not None else None
    if out is not None and fmt is not None and said is not None and fmt != said:
        better = out.with_suffix(".txt" if fmt == "table" else f".{fmt}").name
        fail(
            f"--format {fmt} but -o {out.name}: the extension and the format disagree; "
            f"name the file {better}, or leave out --format",
            2,
        )
    return fmt or said or "table"


def _holds_results(path: Path) -> bool:
    """Whether ``path`` is a results file exported by ``quiz results`` (JSON or CSV)."""
    from quiz.core.results import CSV_COLUMNS, FORMAT

    try:
        with path.open("rb") as handle:
            head = handle.read(300).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return False
    return head.startswith(CSV_COLUMNS[0] + ",") or f'"{FORMAT}"' in head


def _open(db: Path | None, read_only: bool = True) -> ResultsStore:
    from quiz.core.store import ResultsStore

    return ResultsStore.open(db, create=False, read_only=read_only)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise QuizError(f"{out}: cannot write the file ({exc.strerror}); choose another") from None
    click.echo(f"Wrote {out}.", err=True)  # on stderr: standard output stays for the data


@click.command()
@click.option("--player", help="Only this player's attempts.")
@click.option("--bank", metavar="ID", help="Only attempts with questions of this bank.")
@_format_option
@_out_option
@click.option("--forget", metavar="NAME", help="Delete every attempt and answer of NAME.")
@click.option("--yes", is_flag=True, help="With --forget: do not ask first.")
@_db_option
def results(
    player: str | None,
    bank: str | None,
    fmt: str | None,
    out: Path | None,
    forget: str | None,
    yes: bool,
    db: Path | None,
) -> None:
    """List attempts with their scores (one line each), or export them with their answers.

    --format csv writes one row per answer; --format json the whole attempts. Both can be read
    back by `quiz report FILE...` on another machine.
    """
    from quiz.core.results import write_csv, write_json

    fmt = _format(fmt, out)
    if forget is not None and (player or bank):
        fail("--forget deletes every attempt of one player: give it without --player or --bank", 2)
    if yes and forget is None:
        fail("--yes only answers the question --forget asks; give --forget NAME with it", 2)
    try:
        with _open(db, read_only=forget is None) as store:
            if forget is not None:
                _forget(store, forget, yes)
                return
            attempts = store.attempts(player, bank, with_answers=fmt != "table")
            alike = store.players_like(player) if player and not attempts else []
            unplayed = bank if bank and not attempts and not store.attempts(bank=bank) else None
        if unplayed is not None and unplayed not in _known(()):
            _no_such_bank(unplayed)
        if fmt == "table":
            lines = _attempt_lines(attempts) if attempts else [_none_found(player, bank, alike)]
            _emit("".join(f"{line}\n" for line in lines), out)
            return
        buffer = io.StringIO(newline="")
        (write_csv if fmt == "csv" else write_json)(attempts, buffer)
        _emit(buffer.getvalue(), out)
    except QuizError as exc:
        fail(str(exc))


def _none_found(player: str | None, bank: str | None, alike: Sequence[str] = ()) -> str:
    if player:
        hint = f"; did you mean `{alike[0]}`?" if alike else "."
        return f"No attempts found for `{player}` (names must match exactly, case too){hint}"
    if bank:
        return f"No attempts found with questions of bank `{bank}`."
    return "No attempts found."


def _attempt_lines(attempts: Sequence[AttemptRecord]) -> list[str]:
    """A table of attempts, a header line first; columns measured in terminal cells, so that
    a name in wide letters (李) does not push its row out of line."""
    from rich.cells import cell_len

    from quiz.core.scoring import score_text

    rows = [
        (
            f"{a.started_at:%Y-%m-%d %H:%M}",
            a.player,
            "-" if a.exam_going_on else score_text(a.score, a.max_score),
            "-" if a.exam_going_on else f"{a.percent:.0f}%",
            f"{a.answered}/{len(a.order)}",
            "finished" if a.finished_at else "unfinished",
            a.mode,
            a.id[:8],
            " ".join(a.banks),
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


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--bank", metavar="ID", help="Only the questions of this bank.")
@_format_option
@click.option("--anonymous", is_flag=True, help="Show players as P1, P2, ...")
@click.option(
    "--banks",
    "bank_paths",
    multiple=True,
    metavar="PATH",
    help="Compare with these banks (default: the bundled banks and your own).",
)
@_out_option
@_db_option
def report(
    files: Sequence[Path],
    bank: str | None,
    fmt: str | None,
    anonymous: bool,
    bank_paths: Sequence[str],
    out: Path | None,
    db: Path | None,
) -> None:
    """Item analysis for teachers: per question, per tag and per player.

    From the results store, or from result files (JSON or CSV from `quiz results`, each attempt
    counted once). Each player's first answer to each question counts, once: retakes add
    nothing, and a player who left questions unanswered is marked. Flags questions almost
    nobody gets right, questions the strongest players do worse on than the weakest (D < 0),
    and answers given to an older wording. Exits 1 when a file could not be used (the others
    still count).
    """
    from quiz.core.report import item_analysis, merge_results
    from quiz.core.report_formats import CSV_COLUMNS, report_json, report_lines, report_rows

    fmt = _format(fmt, out)
    if out is not None and _holds_results(out):
        fail(f"{out}: holds results exported by `quiz results`; write the report to another file")
    broken = False
    try:
        questions = _questions(bank_paths)
        if files:
            attempts, problems, notes = merge_results(files, questions)
            for line in problems + notes:
                click.echo(f"quiz: {line}", err=True)
            broken = bool(problems)
            if not attempts:
                fail("no usable result file; nothing to report")
        else:
            with _open(db) as store:
                attempts = store.attempts(bank=bank, with_answers=True)
        if bank is not None and not _in_results(bank, attempts) and bank not in _known(bank_paths):
            _no_such_bank(bank)
        found = item_analysis(attempts, questions, bank=bank, anonymous=anonymous)
        if fmt == "table":
            text = "".join(f"{line}\n" for line in report_lines(found))
        elif fmt == "json":
            import json

            text = json.dumps(report_json(found), ensure_ascii=False, indent=1) + "\n"
        else:
            import csv

            from quiz.core.results import safe_cell

            buffer = io.StringIO(newline="")
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            writer.writerows([safe_cell(v) for v in row] for row in report_rows(found))
            text = buffer.getvalue()
        _emit(text, out)
    except QuizError as exc:
        fail(str(exc))
    if broken:
        sys.exit(1)


def _questions(paths: Sequence[str]) -> dict[str, AnyQuestion]:
    """The current questions by key: of ``paths``, else the bundled and the user's banks."""
    catalog = load_catalog(paths, for_play=True)
    return {f"{b.id}/{q.id}": q for b in catalog.banks for q in b.questions}


def _known(paths: Sequence[str]) -> set[str]:
    """The ids of the banks of ``paths``, else of the bundled and the user's banks."""
    return {b.id for b in load_catalog(paths, for_play=False).banks}


def _in_results(bank: str, attempts: Sequence[AttemptRecord]) -> bool:
    """Whether an attempt put a question of ``bank``, or has an answer to one."""
    return any(bank in t.banks or any(a.bank_id == bank for a in t.answers) for t in attempts)


def _no_such_bank(bank: str) -> NoReturn:
    """A usage error: ``--bank`` names a bank that is neither known nor in any result."""
    fail(f"no bank with id `{bank}`; `quiz list` shows the bank ids", 2)
