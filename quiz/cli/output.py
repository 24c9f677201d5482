"""What ``quiz results`` and ``quiz report`` share: their options, the store, and the output."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from quiz.cli.common import fail, load_catalog
from quiz.core.errors import QuizError

if TYPE_CHECKING:
    from quiz.core.results.records import AttemptRecord
    from quiz.core.results.store import ResultsStore


F = TypeVar("F", bound=Callable[..., object])
FORMATS = click.Choice(["table", "csv", "json"])


def db_option(command: F) -> F:
    """The ``--db`` option."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The results store (default: $QUIZ_DB, else results.sqlite in the data folder).",
    )(command)


def out_option(command: F) -> F:
    """The ``-o/--out`` option, and ``--force`` to write over an existing file."""
    command = click.option(
        "--force", is_flag=True, help="With -o: overwrite the file if it exists."
    )(command)
    return click.option(
        "-o",
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of the terminal.",
    )(command)


_SQLITE = b"SQLite format 3\x00"


def check_out(out: Path | None, force: bool) -> None:
    """Fail, before any work, when ``out`` exists and ``force`` is not given, or is a results
    store (an SQLite file), which no export may write over."""
    from quiz.core.files import read_capped

    if out is None or not out.exists():
        return
    try:
        head = read_capped(out, len(_SQLITE))
    except OSError:
        head = b""
    if head.startswith(_SQLITE):
        fail(f"{out}: a results store (SQLite file); write to another file with -o", 2)
    if not force:
        fail(f"{out}: already exists; pass --force to overwrite it, or -o another file")


def format_option(command: F) -> F:
    """The ``--format`` option."""
    return click.option(
        "--format",
        "fmt",
        type=FORMATS,
        help="table, csv or json (default: from the extension of -o, else table).",
    )(command)


SUFFIXES = {".csv": "csv", ".json": "json"}
"""Output file extensions that say a format."""


def chosen_format(fmt: str | None, out: Path | None) -> str:
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


def holds_results(path: Path) -> bool:
    """Whether ``path`` is a results file exported by ``quiz results`` (JSON or CSV)."""
    from quiz.core.files import read_capped
    from quiz.core.results.result_files import CSV_COLUMNS, FORMAT

    try:
        head = read_capped(path, 300).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return False
    return head.startswith(CSV_COLUMNS[0] + ",") or f'"{FORMAT}"' in head


def open_store(db: Path | None, read_only: bool = True) -> ResultsStore:
    """The results store at ``db`` (or the default one), which must exist already."""
    from quiz.core.results.store import ResultsStore

    return ResultsStore.open(db, create=False, read_only=read_only)


def emit(text: str, out: Path | None) -> None:
    """Write ``text`` to ``out``, or to standard output without one (made safe there when it
    is a terminal)."""
    if out is None:
        from quiz.core.errors import safe_text

        # A terminal is shown the text made safe; a pipe gets the very bytes -o would write.
        shown = safe_text(text, lines=True) if sys.stdout.isatty() else text
        click.echo(shown, nl=False)
        return
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise QuizError(f"{out}: cannot write the file ({exc.strerror}); choose another") from None
    click.echo(f"Wrote {out}.", err=True)  # on stderr: standard output stays for the data


def known_banks(paths: Sequence[str]) -> set[str]:
    """The ids of the banks of ``paths``, else of the bundled and the user's banks."""
    return {b.id for b in load_catalog(paths, for_play=False).banks}


def in_results(bank: str, attempts: Sequence[AttemptRecord]) -> bool:
    """Whether an attempt put a question of ``bank``, or has an answer to one."""
    return any(bank in t.banks or any(a.bank_id == bank for a in t.answers) for t in attempts)


def no_such_bank(bank: str) -> NoReturn:
    """A usage error: ``--bank`` names a bank that is neither known nor in any result."""
    fail(f"no bank with id `{bank}`; `quiz list` shows the bank ids", 2)
