"""The three formats side by side: telling them apart, reading a file, writing questions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from quiz.core.errors import QuizError
from quiz.core.exchange import aiken, gift, moodle_xml
from quiz.core.exchange.foreign import MAX_FILE_BYTES, Foreign, Read
from quiz.core.files import NotRegularFile, read_capped

EXTENSIONS = {".gift": "gift", ".xml": "moodle-xml", ".txt": "aiken"}
"""The format a file's extension says, for ``-o`` without ``--format``."""
_AIKEN_ANSWER = re.compile(r"^\s*ANSWER:\s*[A-Z]", re.MULTILINE)


def detect(text: str) -> str | None:
    """The format of a file's text, told from its content; ``None`` when it is none of them."""
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith(("<?xml", "<quiz")):
        return "moodle-xml"
    if _AIKEN_ANSWER.search(text) and "{" not in text:
        return "aiken"
    if "{" in text or "::" in text or "$CATEGORY:" in text:
        return "gift"
    return None


def read_questions(path: Path, form: str | None = None) -> tuple[str, Read]:
    """The format and the questions of the file at ``path``; a one-line :class:`QuizError`
    for a file too large, not text, of no known format or malformed."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise QuizError(
                f"{path}: {size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit "
                "for an imported file; export fewer questions (a category at a time) from Moodle"
            )
        data = read_capped(path, MAX_FILE_BYTES)
        if len(data) > MAX_FILE_BYTES:  # it grew since it was measured
            raise QuizError(
                f"{path}: over the {MAX_FILE_BYTES // 2**20} MB limit for an imported file"
            )
    except IsADirectoryError:
        raise QuizError(f"{path}: is a folder; name the file exported from Moodle") from None
    except NotRegularFile:
        raise QuizError(
            f"{path}: not a regular file (a device, pipe or socket); name the file exported "
            "from Moodle"
        ) from None
    except OSError as exc:
        raise QuizError(f"{path}: cannot read it ({exc.strerror}); check the path") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise QuizError(
            f"{path}:{line}: bytes that are not UTF-8 (at byte {exc.start}); save the file as UTF-8"
        ) from None
    form = form or detect(text)
    if form is None:
        raise QuizError(
            f"{path}: neither GIFT, Moodle XML nor Aiken as far as its content tells; "
            "pass --format gift|moodle-xml|aiken"
        )
    if form == "moodle-xml":
        return form, moodle_xml.read_xml(data, str(path))
    return form, gift.read_gift(text) if form == "gift" else aiken.read_aiken(text)


def refusal(question: Foreign, form: str) -> str | None:
    """Why ``question`` cannot be written in ``form``, or ``None``."""
    if form == "aiken":
        return aiken.refusal(question)
    if form == "gift":
        return gift.refusal(question)
    return None


def write_questions(questions: Iterable[Foreign], form: str, header: Iterable[str]) -> str:
    """``questions`` in ``form`` (each must pass :func:`refusal`)."""
    if form == "gift":
        return gift.write_gift(questions, header)
    if form == "moodle-xml":
        return moodle_xml.write_xml(questions, header)
    return aiken.write_aiken(questions)
