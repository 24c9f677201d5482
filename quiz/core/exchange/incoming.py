"""Moodle questions as bank questions, for ``quiz import``: each becomes the nearest kind.

- multichoice with one answer → ``choice`` (its options' feedback kept), or ``claim`` when its
  options are the three verdicts; with several → ``multi`` (the options worth more than 0);
- truefalse → ``claim``, supported or refuted;
- shortanswer → ``text`` with every spelling worth 100%; numerical → ``text`` with the number.

Moodle's own rules refuse a multichoice whose grades are not Moodle's allowed grades, a single
answer one without a 100% option, and a multiple answer one whose grades above 0 do not add up
to 100%. Every question is written ``draft = true``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from quiz.core.bank.model import ID_PATTERN, MAX_OPTIONS, MAX_POINTS, MIN_POINTS, VERDICT_LABELS
from quiz.core.exchange.foreign import Answer, Foreign, Skipped, allowed_grade, grade_text
from quiz.core.exchange.outgoing import EVIDENCE_LABEL

_EVIDENCE_LINE = re.compile(rf"^{EVIDENCE_LABEL} \(.*\): “(.*)”$")
_LABELS = {label.casefold(): verdict for verdict, label in VERDICT_LABELS.items()}


@dataclass
class Incoming:
    """A question on its way into a bank: its fields in the order the file shows them."""

    id: str
    """Its id in the bank."""
    kind: str
    """Its kind: choice, multi, claim or text."""
    fields: dict[str, object]
    """The bank fields after ``id`` and ``kind`` (prompt or claim, options, the key…)."""
    line: int
    """Where it stood in the file read."""
    name: str
    """Its name in that file."""
    needles: tuple[str, ...] = ()
    """The words of the right answer, to find evidence with."""
    quotes: tuple[str, ...] = ()
    """Evidence quotes found in its general feedback (as ``quiz export`` writes them)."""
    warnings: list[str] = field(default_factory=list)
    """What the teacher should know about it, in words."""

    @property
    def needs_evidence(self) -> bool:
        """Whether ``quiz check`` wants evidence for it (all but not-in-article claims)."""
        return not (self.kind == "claim" and self.fields.get("verdict") == "not-in-article")

    @property
    def waiting(self) -> bool:
        """Whether it lacks the evidence it needs, and so is written commented out."""
        return self.needs_evidence and not self.quotes


def slug(text: str, most: int = 48) -> str:
    """``text`` as an id: ASCII lowercase letters and digits, single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > most:
        words = words[:most].rsplit("-", 1)[0] if "-" in words[:most] else words[:most]
    return words.strip("-")


def _split_feedback(general: str) -> tuple[str, tuple[str, ...]]:
    """The explanation and the evidence quotes of a general feedback."""
    kept, quotes = [], []
    for line in general.split("\n"):
        found = _EVIDENCE_LINE.match(line.strip())
        if found:
            quotes.append(found.group(1))
        else:
            kept.append(line)
    return "\n".join(kept).strip(), tuple(quotes)


def _grade_refusal(question: Foreign) -> str | None:
    """Moodle's rules for the grades of a multichoice, broken, in words; else ``None``."""
    for answer in question.answers:
        if allowed_grade(answer.fraction) is None:
            return (
                f"grade {grade_text(answer.fraction)}% of “{answer.text[:40]}” is not one Moodle "
                "allows (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, "
                "25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0, or one of them negative)"
            )
    if question.single:
        if max(a.fraction for a in question.answers) < 100:
            return "no option is worth 100%; one of the choices should be"
        return None
    total = sum(a.fraction for a in question.answers if a.fraction > 0)
    if abs(total - 100) >= 0.5:
        return f"the grades above 0 add up to {grade_text(total)}%, not 100%"
    return None


def _options_refusal(options: list[str]) -> str | None:
    if len(options) > MAX_OPTIONS:
        return f"{len(options)} options; a factquiz question has at most {MAX_OPTIONS}"
    if any(not o.strip() for o in options):
        return "an option is empty"
    if len(set(options)) != len(options):
        return "two options are the same"
    return None


_Made = tuple[str, dict[str, object], tuple[str, ...]]
"""A kind, its first fields, and the words of its right answers (to find evidence with)."""


def _multichoice(question: Foreign, right: list[Answer], warnings: list[str]) -> _Made | str:
    answers = question.answers
    options = [a.text for a in answers]
    refusal = _grade_refusal(question) or _options_refusal(options)
    if refusal:
        return refusal
    if question.single and {o.casefold() for o in options} == set(_LABELS) and len(right) == 1:
        verdict = _LABELS[right[0].text.casefold()]
        return "claim", {"claim": question.text, "verdict": verdict}, (question.text,)
    if not question.single:
        picked = [a.text for a in answers if a.fraction > 0]
        return (
            "multi",
            {"prompt": question.text, "options": options, "answers": picked},
            tuple(picked),
        )
    fields: dict[str, object] = {"prompt": question.text, "options": options}
    fields["answer"] = right[0].text
    feedback = {a.text: a.feedback for a in answers if a.feedback}
    if feedback:
        fields["feedback"] = feedback
    if any(0 < a.fraction < 100 for a in answers):
        warnings.append(
            "its partial credit for some options is dropped (a choice has one right option)"
        )
    return "choice", fields, (right[0].text,)


def _truefalse(question: Foreign, right: list[Answer], warnings: list[str]) -> _Made | str:
    truth = next((a.text.lower() == "true" for a in right), None)
    if truth is None:
        return "neither true nor false is worth 100%"
    verdict = "supported" if truth else "refuted"
    return "claim", {"claim": question.text, "verdict": verdict}, (question.text,)


def _typed(question: Foreign, right: list[Answer], warnings: list[str]) -> _Made | str:
    """A short answer or a numerical question: the answers worth 100% are accepted."""
    accept = list(dict.fromkeys(a.text for a in right if "*" not in a.text and a.text.strip()))
    if not accept:
        return "no answer worth 100% (without a * wildcard)"
    if len(accept) < len([a for a in question.answers if a.fraction > 0]):
        warnings.append("answers worth less than 100%, or with a * wildcard, are left out")
    if any(a.tolerance for a in right):
        warnings.append("accepts only the exact number: Moodle's tolerance is not kept")
    return "text", {"prompt": question.text, "accept": accept}, tuple(accept)


_CONVERTERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _typed,
    "numerical": _typed,
}


def convert(question: Foreign) -> Incoming | Skipped:
    """``question`` as a bank question, or why it cannot be one."""
    converter = _CONVERTERS.get(question.type)
    if converter is None:
        return Skipped(question.name, question.line, f"a question of type `{question.type}`")
    if not question.text.strip():
        return Skipped(question.name, question.line, "the question has no text")
    warnings: list[str] = []
    right = [a for a in question.answers if a.fraction >= 100 - 0.001]
    made = converter(question, right, warnings)
    if isinstance(made, str):
        return Skipped(question.name, question.line, made)
    kind, fields, needles = made
    explanation, quotes = _split_feedback(question.general_feedback)
    explanation = explanation or _right_feedback(question.answers)
    if kind == "claim" and fields["verdict"] == "not-in-article":
        needles = ()
        if not explanation:
            explanation = (
                "The article does not say this. (Imported without an explanation: say why.)"
            )
    if explanation:
        fields["explanation"] = explanation
    tags = list(dict.fromkeys(t.strip() for t in question.tags if t.strip()))
    if tags:
        fields["tags"] = tags
    points = question.points
    if points is not None and points != 1 and MIN_POINTS <= points <= MAX_POINTS:
        fields["points"] = points
    return Incoming("", kind, fields, question.line, question.name, needles, quotes, warnings)


def _right_feedback(answers: tuple[Answer, ...]) -> str:
    """The feedback of the right answers, when the question has no general feedback."""
    said = [a.feedback for a in answers if a.fraction > 0 and a.feedback]
    return "\n".join(dict.fromkeys(said))


def give_ids(questions: list[Incoming], sources: list[Foreign]) -> None:
    """An id for each question, unique in the bank: from its idnumber, else its name, else its
    text, else its place."""
    taken: set[str] = set()
    for number, (question, source) in enumerate(zip(questions, sources, strict=True), 1):
        base = next(
            (s for s in (slug(source.idnumber), slug(source.name), slug(source.text)) if s),
            f"q{number}",
        )
        if not re.match(ID_PATTERN, base):
            base = f"q{number}"
        qid, n = base, 2
        while qid in taken:
            qid, n = f"{base}-{n}", n + 1
        taken.add(qid)
        question.id = qid
