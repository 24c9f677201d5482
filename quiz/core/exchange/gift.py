"""GIFT, Moodle's text format for questions: read as Moodle's ``qformat_gift`` reads it, and
written so that it reads back the same.

A question is a block of lines between blank lines; ``//`` lines are comments, where Moodle
finds ``[id:…]`` and ``[tag:…]``; ``$CATEGORY:`` sets the category of those after it. The
answers stand between the first unescaped ``{`` and the first unescaped ``}``, and ``~ = # { } :``
are escaped with a backslash (``\\\\`` is a backslash, ``\\n`` a new line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quiz.core.exchange.foreign import Answer, Foreign, Read, Skipped, grade_text
from quiz.core.exchange.markup import html_to_text

_SPECIAL = ":#={}~"
_HELD = {c: chr(0xE000 + i) for i, c in enumerate(_SPECIAL + "n")}
"""An escaped special character is held as a private-use character while the question is
taken apart, as Moodle holds it as ``&&058;``."""
_RESTORE = str.maketrans({held: ("\n" if c == "n" else c) for c, held in _HELD.items()})
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_FORMATS = ("moodle", "html", "plain", "markdown")
_ID = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>\x00-\x1f])+)\]")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _hold(text: str) -> str:
    return _ESCAPE.sub(lambda m: "\\" if m.group(1) == "\\" else _HELD[m.group(1)], text)


def _plain(text: str, default: str = "moodle") -> tuple[str, str]:
    """A text of the question as plain text, and its format (``[html]`` and the like)."""
    text = text.strip()
    form = default
    if text.startswith("["):
        end = text.find("]")
        if text[1:end] in _FORMATS:
            form, text = text[1:end], text[end + 1 :]
    text = text.translate(_RESTORE).strip()
    if form in ("html", "moodle"):
        text = html_to_text(text)
    return text, form


def blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """The blocks of lines between blank lines, each with its first line's number."""
    block: list[str] = []
    start = 1
    # Only "\n" ends a line, as in Moodle: splitlines() would also cut at \x85 or \u2028.
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def read_gift(text: str) -> Read:
    """Every question of a GIFT file, and what cannot be imported, named with its line."""
    read = Read()
    category = ""
    for start, lines in blocks(text):
        comments = "\n".join(line.strip() for line in lines if line.strip().startswith("//"))
        body = [line for line in lines if not line.strip().startswith("//")]
        if not body:
            continue
        line = start + next(i for i, ln in enumerate(lines) if not ln.strip().startswith("//"))
        found = _question("\n".join(body).strip(), comments, line, category)
        if isinstance(found, str):
            category = found
        elif isinstance(found, Skipped):
            read.skipped.append(found)
        else:
            read.questions.append(found)
    return read


@dataclass(frozen=True)
class _Head:
    """What every question of a block has, before its answers are known."""

    name: str
    text: str
    general_feedback: str
    idnumber: str
    tags: tuple[str, ...]
    category: str
    line: int

    def make(self, kind: str, answers: Iterable[Answer], single: bool = True) -> Foreign:
        return Foreign(
            kind,
            name=self.name,
            text=self.text,
            answers=tuple(answers),
            single=single,
            general_feedback=self.general_feedback,
            idnumber=self.idnumber,
            tags=self.tags,
            category=self.category,
            line=self.line,
        )

    def skip(self, reason: str) -> Skipped:
        return Skipped(self.name, self.line, reason)


def _question(text: str, comments: str, line: int, category: str) -> Foreign | Skipped | str:
    """One block: a question, what cannot be imported, or a new category (a ``str``)."""
    text = _hold(text)
    if text.startswith("$CATEGORY:"):
        return text[10:].translate(_RESTORE).strip()
    name = ""
    if text.startswith("::") and "::" in text[2:]:
        end = text.index("::", 2)
        name, text = text[2:end].translate(_RESTORE).strip(), text[end + 2 :].strip()
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        return Skipped(name or _plain(text)[0][:40], line, "a description, not a question")
    if start < 0 or finish < start:
        return Skipped(name, line, "a { without its } (or the reverse); escape them as \\{ \\}")
    answer = text[start + 1 : finish].strip()
    # As Moodle: answers closing the text are cut out, answers inside it leave a blank.
    blank = "" if text.endswith("}") else "_____"
    stem = text[:start] + blank + text[finish + 1 :]
    feedback = ""
    if "####" in answer:
        at = answer.rindex("####")
        answer, feedback = answer[:at].strip(), answer[at + 4 :]
    prompt, form = _plain(stem)
    idnumber, tags = _id_and_tags(comments)
    head = _Head(
        name or prompt[:40], prompt, _plain(feedback, form)[0], idnumber, tags, category, line
    )
    if not answer:
        return head.skip("an essay question; factquiz has no essays")
    if answer.startswith("#"):
        return _numerical(answer[1:], form, head)
    if "~" in answer:
        return _multichoice(answer, form, head)
    if "=" in answer and "->" in answer:
        return head.skip("a matching question; factquiz has no matching kind")
    bare = answer.split("#", 1)[0].strip()
    if bare in _TRUE_FALSE:
        parts = [*answer.split("#", 2), "", ""]
        wrong, right = _plain(parts[1], form)[0], _plain(parts[2], form)[0]
        truth = _TRUE_FALSE[bare]
        return head.make(
            "truefalse",
            (
                Answer("true", 100.0 if truth else 0.0, right if truth else wrong),
                Answer("false", 0.0 if truth else 100.0, wrong if truth else right),
            ),
        )
    return _short(answer, form, head)


def _split(answer: str, mark: str) -> list[str]:
    parts = [part.strip() for part in answer.split(mark)]
    return parts[1:] if not parts[0] else parts


def _answer(part: str, form: str, default: float, *, weighed: bool = True) -> Answer:
    """An answer: ``%50%`` its weight (unless not ``weighed``: Moodle reads none after the
    ``=`` of a multichoice), then its text, then ``#`` its feedback."""
    weight = _WEIGHT.match(part) if weighed else None
    fraction = default
    if weight:
        fraction, part = float(weight.group(1)), part[weight.end() :]
    text, _, feedback = part.partition("#")
    return Answer(_plain(text, form)[0], fraction, _plain(feedback, form)[0])


def _multichoice(answer: str, form: str, head: _Head) -> Foreign | Skipped:
    answers = [
        _answer(part[1:], form, 100.0, weighed=False)
        if part.startswith("=")
        else _answer(part, form, 0.0)
        for part in _split(answer.replace("=", "~="), "~")
    ]
    if len(answers) < 2:
        return head.skip("a choice needs two answers or more")
    return head.make("multichoice", answers, single="=" in answer)


def _short(answer: str, form: str, head: _Head) -> Foreign | Skipped:
    answers = [_answer(part, form, 100.0) for part in _split(answer, "=")]
    if not answers:
        return head.skip("a short answer with no answer")
    return head.make("shortanswer", answers)


def _numerical(answer: str, form: str, head: _Head) -> Foreign | Skipped:
    answer = answer.split("~", 1)[0]  # the feedback for any wrong number
    answers = []
    for part in _split(answer, "="):
        found = _answer(part, form, 100.0)
        value = found.text
        try:
            if ".." in value:
                low, high = (float(v) for v in value.split("..", 1))
                number, tolerance = (low + high) / 2, (high - low) / 2
            else:
                number_text, _, tolerance_text = value.partition(":")
                number, tolerance = float(number_text), float(tolerance_text or 0)
        except ValueError:
            return head.skip(f"`{value}` is not a number")
        answers.append(Answer(_number(number), found.fraction, found.feedback, tolerance))
    if not answers:
        return head.skip("a numerical question with no number")
    return head.make("numerical", answers)


def _number(value: float) -> str:
    return format(value, ".12g")


def _id_and_tags(comments: str) -> tuple[str, tuple[str, ...]]:
    found = _ID.search(comments)
    idnumber = found.group(1).replace("\\]", "]").strip() if found else ""
    tags = tuple(t.replace("\\]", "]").strip() for t in _TAG.findall(comments))
    return idnumber, tags


def escape(text: str) -> str:
    """``text`` safe in GIFT: a backslash before each of ``\\ ~ = # { } :``, ``\\n`` for a
    new line (as Moodle's own export writes it)."""
    text = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _in_comment(text: str) -> str:
    """``text`` inside ``[id:…]`` or ``[tag:…]``: one line, ``]`` escaped."""
    return "".join(c if c.isprintable() else " " for c in text).replace("]", "\\]")


def _text(text: str) -> str:
    """``text`` escaped, after ``[plain]`` when it starts with ``[`` (which Moodle would
    otherwise read as the name of a format)."""
    return ("[plain]" if text.startswith("[") else "") + escape(text)


def _option(answer: Answer, single: bool, short: bool) -> str:
    if short:
        mark = "=%100%" if answer.text.startswith("%") else "="
    elif single and answer.fraction == 100:
        mark = "="
    elif answer.fraction == 0 and not answer.text.startswith("%"):
        mark = "~"
    else:  # a weight, also 0, before a text that begins with a % of its own
        mark = f"~%{grade_text(answer.fraction)}%"
    feedback = f"#{_text(answer.feedback)}" if answer.feedback else ""
    return f"\t{mark}{_text(answer.text)}{feedback}"


def refusal(question: Foreign) -> str | None:
    """Why ``question`` cannot be written as GIFT, or ``None``."""
    if question.type == "shortanswer" and any("->" in a.text for a in question.answers):
        return "an accepted answer holds `->`, which GIFT reads as a matching question"
    return None


def write_gift(questions: Iterable[Foreign], header: Iterable[str] = ()) -> str:
    """The GIFT text of ``questions``: a ``$CATEGORY:`` line where the category changes, then
    each question with its id and tags in a comment, its name, and its text as ``[plain]``."""
    out = [f"// {_in_comment(line)}" for line in header]
    if out:
        out.append("")
    category: str | None = None
    for q in questions:
        if q.category != category:
            category = q.category
            out += [f"$CATEGORY: {_in_comment(category)}", ""]
        out.append(f"// question: {_in_comment(q.name)}")
        marks = [f"[id:{_in_comment(q.idnumber)}]"] if q.idnumber else []
        marks += [f"[tag:{_in_comment(tag)}]" for tag in q.tags]
        if marks:
            out.append("// " + " ".join(marks))
        out.append(f"::{escape(q.name)}::[plain]{escape(q.text)}{{")
        out += [_option(a, q.single, q.type == "shortanswer") for a in q.answers]
        if q.general_feedback:
            out.append(f"\t####{_text(q.general_feedback)}")
        out += ["}", ""]
    return "\n".join(out)
