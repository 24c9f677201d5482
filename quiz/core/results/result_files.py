"""Result files: how attempts and answers travel between machines.

A result file is how results
move between machines: JSON (``{"format": "factquiz-results", "version": 1, "attempts": [...]}``)
or CSV (one row per answer, :data:`CSV_COLUMNS` first). Reading one checks it thoroughly and
raises a :class:`~quiz.core.errors.QuizError` naming the file and what to do.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import IO, Any, TypeVar

from quiz.core.bank.model import MAX_POINTS
from quiz.core.errors import QuizError
from quiz.core.files import NotRegularFile, read_capped
from quiz.core.play.scoring import Grade, Response
from quiz.core.play.session import QuizSettings
from quiz.core.results.records import (
    LIST_KINDS,
    SEPARATOR,
    AnswerRecord,
    AttemptRecord,
    answer_text,
    iso,
    mode_of,
    now,
    parse_time,
)

T = TypeVar("T")
FORMAT = "factquiz-results"
VERSION = 1
"""The result-file version this program writes and reads."""
CSV_COLUMNS = (
    "attempt_id",
    "player",
    "bank_id",
    "question_id",
    "fingerprint",
    "kind",
    "answer",
    "correct",
    "points",
    "max_points",
    "answered_at",
    "mode",
    "seed",
)
"""The CSV columns every result file has, in this order."""
CSV_EXTRA = (
    "tags",
    "started_at",
    "finished_at",
    "banks",
    "max_score",
    "question_order",
    "question_text",
)
"""Further CSV columns this program writes after :data:`CSV_COLUMNS` (optional when read)."""


def attempt_json(attempt: AttemptRecord) -> dict[str, Any]:
    """One attempt as the JSON result file holds it."""
    return {
        "id": attempt.id,
        "player": attempt.player,
        "banks": list(attempt.banks),
        "mode": attempt.mode,
        "seed": attempt.seed,
        "tag_filter": list(attempt.settings.tags),
        "count": attempt.settings.count,
        "shuffle": attempt.settings.shuffle,
        "question_order": list(attempt.order),
        "started_at": iso(attempt.started_at),
        "finished_at": iso(attempt.finished_at) if attempt.finished_at else None,
        "score": attempt.score,
        "max_score": attempt.max_score,
        "answered": attempt.answered,
        "right": attempt.right,
        "answers": [
            {
                "bank_id": a.bank_id,
                "question_id": a.question_id,
                "fingerprint": a.fingerprint,
                "kind": a.kind,
                "answer": a.response if isinstance(a.response, str) else list(a.response),
                "correct": a.correct,
                "points": a.points,
                "max_points": a.max_points,
                "tags": list(a.tags),
                "answered_at": iso(a.answered_at),
                "question_text": a.text,
            }
            for a in attempt.answers
        ],
    }


def write_json(attempts: Iterable[AttemptRecord], out: IO[str]) -> None:
    """Write ``attempts`` (with their answers) as a JSON result file."""
    data = {"format": FORMAT, "version": VERSION, "attempts": [attempt_json(a) for a in attempts]}
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes a cell to be a formula for, when it starts with it."""


def safe_cell(value: object) -> object:
    """``value`` for a CSV file: a text a spreadsheet would run as a formula (a player named
    ``=HYPERLINK(…)``) is written with a leading ``'``, which spreadsheets show as text and
    :func:`read_results` takes off. A text that only starts with quotes before such a start
    gets one too, so that taking one off gives every text back as it was."""
    if isinstance(value, str) and value.lstrip("'").startswith(_FORMULA_START):
        return "'" + value
    return value


def _unsafe_cell(value: str) -> str:
    return value[1:] if value[:1] == "'" and value.lstrip("'").startswith(_FORMULA_START) else value


def csv_rows(out: IO[str], header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    """Write a CSV ``header`` and ``rows`` (made safe, see :func:`safe_cell`) to ``out``.

    Every text is quoted: the csv module leaves a lone carriage return unquoted, and a reader
    would end the row there. Numbers stay bare, so a spreadsheet reads them as numbers.
    """
    csv.writer(out, lineterminator="\n").writerow(header)
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerows([_bare(safe_cell(v)) for v in row] for row in rows)


def _bare(value: object) -> object:
    """``value`` as the csv module writes it: a flag as 1 or 0, nothing as an empty text."""
    if isinstance(value, bool):
        return int(value)
    return "" if value is None else value


def _csv_answer(kind: str, response: Response) -> str:
    """A response for a CSV cell: options joined with `` | `` as people read them, or a JSON
    list where that could not be read back (an option holding `` | ``, or a cell that starts
    with ``[``, which :func:`_list_answer` reads as JSON)."""
    text = answer_text(response)
    if isinstance(response, str) or kind not in LIST_KINDS:
        return text
    if text.startswith("[") or any(SEPARATOR in option for option in response):
        return json.dumps(list(response), ensure_ascii=False)
    return text


def write_csv(attempts: Iterable[AttemptRecord], out: IO[str]) -> None:
    """Write ``attempts`` as a CSV result file: one row per answer (``out`` opened with
    ``newline=""``)."""
    csv_rows(out, CSV_COLUMNS + CSV_EXTRA, _answer_rows(attempts))


def _answer_rows(attempts: Iterable[AttemptRecord]) -> Iterable[tuple[object, ...]]:
    for t in attempts:
        finished = iso(t.finished_at) if t.finished_at else ""
        started, banks, order = iso(t.started_at), " ".join(t.banks), " ".join(t.order)
        for a in t.answers:
            yield (
                (t.id, t.player, a.bank_id, a.question_id, a.fingerprint, a.kind)
                + (_csv_answer(a.kind, a.response), int(a.correct), a.points, a.max_points)
                + (iso(a.answered_at), t.mode, t.seed, SEPARATOR.join(a.tags))
                + (started, finished, banks, t.max_score, order, a.text)
            )


# -- reading files ---------------------------------------------------------------------------

_AGAIN = "export it again with `quiz results --format json` (or csv)"
Table = dict[str, Any]


class _Bad(ValueError):
    """What is wrong in a result file, and what to do (the caller adds the path)."""


def read_results(path: Path) -> list[AttemptRecord]:
    """The attempts (with answers) of a JSON or CSV result file.

    Raises :class:`QuizError` (``path: what is wrong; what to do``) for a file that cannot be
    read, is empty, is not a factquiz result file, is cut short, or comes from a newer factquiz.
    """
    try:
        raw = read_capped(path)
    except NotRegularFile:
        raise QuizError(
            f"{path}: not a regular file (a device, pipe or socket); give a result file"
        ) from None
    except OSError as exc:
        raise QuizError(f"{path}: cannot read the file ({exc.strerror}); check the path") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    try:
        if not raw.removeprefix(codecs.BOM_UTF8).strip():
            raise _Bad(f"the file is empty; {_AGAIN}")
        json_like = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
        tables = _json_tables(text) if json_like else _csv_tables(text)
        return [_attempt(where, fields, answers) for where, fields, answers in tables]
    except _Bad as exc:
        raise QuizError(f"{path}: {exc}") from None


_Tables = list[tuple[str, Table, list[tuple[str, Table]]]]


def _json_tables(text: str) -> _Tables:
    try:
        data = json.loads(text)
    except RecursionError:
        raise _Bad(f"nested too deeply to be a result file; {_AGAIN}") from None
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and not text.rstrip().endswith("}"):
            raise _Bad(f"the file is cut short (at line {exc.lineno}); {_AGAIN}") from None
        raise _Bad(f"not valid JSON at line {exc.lineno} ({exc.msg}); {_AGAIN}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _Bad(f'not a factquiz result file (no "format": "{FORMAT}"); {_AGAIN}')
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise _Bad(f"written by a newer factquiz (version {version}); upgrade factquiz to read it")
    if version != VERSION or not isinstance(data.get("attempts"), list):
        raise _Bad(f"not a factquiz result file of version {VERSION}; {_AGAIN}")
    tables: _Tables = []
    for n, item in enumerate(data["attempts"], 1):
        answers = item.get("answers") if isinstance(item, dict) else None
        if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
            raise _Bad(f"attempt {n} has no list of answers; {_AGAIN}")
        answers = [(f"attempt {n}, answer {m}", a) for m, a in enumerate(answers, 1)]
        tables.append((f"attempt {n}", item, answers))
    return tables


def _csv_tables(text: str) -> _Tables:
    # The csv module finds the rows: a text may hold a line break of any kind, quoted.
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, [])
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise _Bad(f"not a factquiz result file (no column `{missing[0]}`); {_AGAIN}")
    grouped: dict[str, tuple[Table, list[tuple[str, Table]]]] = {}
    for line, row in enumerate(rows, 2):
        if len(row) < len(header) and row:
            raise _Bad(f"line {line} is cut short ({len(row)} of {len(header)} columns); {_AGAIN}")
        table = dict(zip(header, map(_unsafe_cell, row), strict=False))
        if table:
            first = grouped.setdefault(
                table["attempt_id"], ({**table, "id": table["attempt_id"]}, [])
            )
            first[1].append((f"line {line}", table))
    return [(f"attempt {aid}", fields, answers) for aid, (fields, answers) in grouped.items()]


def _time(value: Any) -> datetime:
    return parse_time(_text(value))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(value)
    return float(value)


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(value)
    return int(value)


def _flag(value: Any) -> bool:
    if isinstance(value, bool) or value in ("1", "0"):
        return value in (True, "1")
    raise ValueError(value)


def _texts(separator: str | None) -> Callable[[Any], tuple[str, ...]]:
    def convert(value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            return tuple(value.split(separator)) if value else ()
        return tuple(_text(v) for v in value)

    return convert


def _list_answer(value: Any) -> tuple[str, ...]:
    """The options of a multi or order answer, as :func:`_csv_answer` or a JSON file wrote it."""
    if isinstance(value, str) and value.startswith("["):
        options = json.loads(value)  # a ValueError says the file is broken
        if not isinstance(options, list):
            raise TypeError(options)
        return tuple(_text(option) for option in options)
    return _texts(SEPARATOR)(value)


def _get(table: Table, name: str, convert: Callable[[Any], T], where: str) -> T:
    try:
        return convert(table[name])
    except (KeyError, TypeError, ValueError):
        raise _Bad(f"{where}: `{name}` is missing or wrong; {_AGAIN}") from None


def _maybe(table: Table, name: str, convert: Callable[[Any], T], where: str) -> T | None:
    return None if table.get(name) in (None, "") else _get(table, name, convert, where)


def _attempt(where: str, fields: Table, rows: list[tuple[str, Table]]) -> AttemptRecord:
    """A record from a file's fields; what the file leaves out is worked out from its answers."""
    aid = _get(fields, "id", _text, where)
    answers = [_answer(aid, at, row) for at, row in rows]
    mode = mode_of(fields.get("mode"))
    seed = _get(fields, "seed", _integer, where)
    tags = _maybe(fields, "tag_filter", _texts(SEPARATOR), where)
    count = _maybe(fields, "count", _integer, where)
    shuffle = fields.get("shuffle") is not False
    max_score = _maybe(fields, "max_score", _number, where)
    return AttemptRecord(
        id=aid,
        player=_get(fields, "player", _text, where),
        banks=_maybe(fields, "banks", _texts(None), where)
        or tuple(dict.fromkeys(a.bank_id for a in answers)),
        settings=QuizSettings(mode, tags or (), count, seed, shuffle),
        order=_maybe(fields, "question_order", _texts(None), where)
        or tuple(a.key for a in answers),
        max_score=sum(a.max_points for a in answers) if max_score is None else max_score,
        started_at=_maybe(fields, "started_at", _time, where)
        or min((a.answered_at for a in answers), default=now()),
        finished_at=_maybe(fields, "finished_at", _time, where),
        score=sum(a.points for a in answers),
        answered=len(answers),
        right=sum(a.correct for a in answers),
        answers=tuple(answers),
    )


def _answer(aid: str, where: str, row: Table) -> AnswerRecord:
    kind = _get(row, "kind", _text, where)
    response: Response = (
        _get(row, "answer", _list_answer, where)
        if kind in LIST_KINDS
        else _get(row, "answer", _text, where)
    )
    points = _get(row, "points", _number, where)
    most = _get(row, "max_points", _number, where)
    if not 0 <= points <= most <= MAX_POINTS:  # also false for NaN
        raise _Bad(f"{where}: {points:g} of {most:g} points cannot be; {_AGAIN}")
    correct = _get(row, "correct", _flag, where)
    if correct != Grade(points, most).correct:
        said = "true" if correct else "false"
        raise _Bad(
            f"{where}: `correct` is {said} with {points:g} of {most:g} points, "
            f"which cannot be; {_AGAIN}"
        )
    return AnswerRecord(
        aid,
        _get(row, "bank_id", _text, where),
        _get(row, "question_id", _text, where),
        _get(row, "fingerprint", _text, where),
        kind,
        response,
        correct,
        points,
        most,
        _maybe(row, "tags", _texts(SEPARATOR), where) or (),
        _get(row, "answered_at", _time, where),
        _maybe(row, "question_text", _text, where) or "",
    )
