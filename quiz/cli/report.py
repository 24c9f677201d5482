"""``quiz report``: the teacher's item analysis, from the results store or from result files.

``quiz.cli.main`` loads it when it is used. Every user mistake ends as ``quiz: message`` on
stderr and exit status 1 (2 for a usage error), never a traceback.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli.common import current_questions, fail, regraded
from quiz.core.errors import QuizError

if TYPE_CHECKING:
    pass

from quiz.cli.output import (
    check_out,
    chosen_format,
    db_option,
    emit,
    format_option,
    holds_results,
    in_results,
    known_banks,
    no_such_bank,
    open_store,
    out_option,
)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--bank", metavar="ID", help="Only the questions of this bank.")
@format_option
@click.option("--anonymous", is_flag=True, help="Show players as P1, P2, ...")
@click.option(
    "--banks",
    "bank_paths",
    multiple=True,
    metavar="PATH",
    help="Compare with these banks (default: the bundled banks and your own).",
)
@click.option(
    "--regrade",
    is_flag=True,
    help="Grade the answers again with the current keys of the banks (nothing is written).",
)
@out_option
@db_option
def report(
    files: Sequence[Path],
    bank: str | None,
    fmt: str | None,
    anonymous: bool,
    bank_paths: Sequence[str],
    regrade: bool,
    out: Path | None,
    force: bool,
    db: Path | None,
) -> None:
    """Item analysis for teachers: per question, per tag and per player.

    From the results store, or from result files (JSON or CSV from `quiz results`, each attempt
    counted once). Each player's first answer to each question counts, once: retakes add
    nothing, and a player who left questions unanswered is marked. Flags questions almost
    nobody gets right, questions the strongest players do worse on than the weakest (D < 0),
    and answers given to an older wording. With Moodle's statistics (facility index,
    discrimination index, CIC...) and a legend. --regrade grades the answers again with the
    current keys (after a key was fixed) and says how many changed. Exits 1 when a file could
    not be used (the others still count).
    """
    from quiz.core.results.report import item_analysis, merge_results
    from quiz.core.results.report_formats import CSV_COLUMNS, report_json, report_lines, report_rows

    fmt = chosen_format(fmt, out)
    if out is not None and holds_results(out):
        fail(f"{out}: holds results exported by `quiz results`; write the report to another file")
    check_out(out, force)
    broken = False
    try:
        questions = current_questions(bank_paths, say_errors=bool(bank_paths) or regrade)
        if files:
            attempts, problems, notes = merge_results(
                files, questions, banks_given=bool(bank_paths)
            )
            for line in problems + notes:
                click.echo(f"quiz: {line}", err=True)
            broken = bool(problems)
            if not attempts:
                fail("no usable result file; nothing to report")
        else:
            with open_store(db) as store:
                attempts = store.attempts(bank=bank, with_answers=True)
        if bank is not None and not in_results(bank, attempts):
            known = known_banks(bank_paths)
            if bank not in known:
                no_such_bank(bank)
        regrading = None
        if regrade:
            attempts, regrading = regraded(attempts, questions)
        found = item_analysis(attempts, questions, bank=bank, anonymous=anonymous)
        if fmt == "table":
            text = "".join(f"{line}\n" for line in report_lines(found))
        elif fmt == "json":
            import json

            data = report_json(found)
            if regrading is not None:
                data["regrade"] = {
                    "regraded": regrading.regraded,
                    "changed": regrading.changed,
                    "up": regrading.up,
                    "down": regrading.down,
                    "changed_by_question": dict(regrading.changed_by_question),
                }
            text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        else:
            from quiz.core.results.result_files import csv_rows

            buffer = io.StringIO(newline="")
            csv_rows(buffer, CSV_COLUMNS, report_rows(found))
            text = buffer.getvalue()
        emit(text, out)
    except QuizError as exc:
        fail(str(exc))
    if broken:
        sys.exit(1)
