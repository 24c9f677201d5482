"""Checking one bank's tables: types through pydantic, then the rules of each kind.

Every problem becomes a :class:`~quiz.core.errors.Problem` at the line of the key at fault
(pydantic's errors are worded by :mod:`quiz.core.bank.pydantic_errors`). This module is the only one
that imports pydantic, so that playing from the bank cache never pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import get_close_matches
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quiz.core.bank.model import (
    ID_PATTERN,
    KINDS,
    MAX_OPTIONS,
    MAX_POINTS,
    MIN_POINTS,
    VERDICTS,
    AnyQuestion,
    BankInfo,
    ChoiceQuestion,
    ClaimQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    field_names,
    required_fields,
)
from quiz.core.bank.reporter import Reporter
from quiz.core.bank.validate_evidence import empty_quote, evidence_warnings, resolve_evidence, short
from quiz.core.text.evidence import Evidence, EvidenceIndex
from quiz.core.text.normalize import loose, normalize, surely_distinct_loose
from quiz.core.words import a_or_an, plural

_ID = re.compile(ID_PATTERN)
ALL_QUESTION_KEYS = sorted({name for cls in KINDS.values() for name in field_names(cls)})
# Per kind, worked out once: the keys a question may hold (in order, and as a set), and those
# it must hold.
_NAMES = {kind: field_names(cls) for kind, cls in KINDS.items()}
_NAME_SETS = {kind: frozenset(names) for kind, names in _NAMES.items()}
_REQUIRED = {kind: required_fields(cls) for kind, cls in KINDS.items()}


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


class _Validators(dict[str, Callable[[object], Any]]):
    """Kind → its adapter's own validator (``TypeAdapter.validate_python`` only adds options
    not used here), each built when first needed: building one takes about 10 ms."""

    def __missing__(self, kind: str) -> Callable[[object], Any]:
        validate = self[kind] = _adapter(KINDS[kind]).validator.validate_python
        return validate


_VALIDATORS = _Validators()


def _unknown_keys(
    table: dict[str, Any], known: tuple[str, ...], report: Reporter, kind: str = ""
) -> dict[str, str]:
    """Report each key of ``table`` not in ``known``; return the known keys suggested for them,
    each with the key written in its place."""
    suggested: dict[str, str] = {}
    for key in table:
        if key in known:
            continue
        close = get_close_matches(key, known, n=1, cutoff=0.6)
        other = get_close_matches(key, ALL_QUESTION_KEYS, n=1, cutoff=0.75)
        if close:
            hint = f"did you mean `{close[0]}`?"
            suggested.setdefault(close[0], key)
        elif other and kind:
            hint = (
                f"`{other[0]}` is not a key of {a_or_an(kind)} question; "
                f"its keys: {', '.join(known)}"
            )
        else:
            hint = f"known keys: {', '.join(known)}"
        report.add(key, f"unknown key `{key}`; {hint}")
    return suggested


def _typed(cls: type[Any], table: dict[str, Any], report: Reporter) -> Any | None:
    """``table`` validated as ``cls``, or ``None`` with its problems reported."""
    try:
        return _adapter(cls).validator.validate_python(table)
    except ValidationError as exc:
        from quiz.core.bank.pydantic_errors import report_errors

        report_errors(cls, table, exc.errors(include_url=False), report)
        return None


def check_bank_info(table: object, report: Reporter) -> BankInfo | None:
    """The ``[bank]`` table as a :class:`BankInfo`, or ``None`` with its problems reported."""
    if isinstance(table, list):
        report.add(None, "`[[bank]]` has double brackets: a file holds one bank; write [bank]")
        return None
    if not isinstance(table, dict):
        report.add(
            None, "missing `[bank]` table; start the file with [bank] and its id, title, article"
        )
        return None
    suggested = _unknown_keys(table, field_names(BankInfo), report)
    known = {k: v for k, v in table.items() if k in field_names(BankInfo)}
    # A misspelt key is said once, as the unknown key it was written as, not as missing too:
    # its value stands in for the missing one.
    known.update({key: table[written] for key, written in suggested.items() if key not in known})
    info = _typed(BankInfo, known, report)
    if info is not None and not _ID.match(info.id):
        report.add(
            "id",
            f"bank id `{info.id}` is not lowercase letters, digits and hyphens; "
            "rename it like `s400-dates`",
        )
        return None
    return info if not report.failed else None


def check_question(
    table: object, report: Reporter, index: EvidenceIndex | None, *, place: bool = True
) -> tuple[AnyQuestion, tuple[Evidence, ...]] | None:
    """One ``[[questions]]`` table, validated and with its evidence resolved.

    ``index`` is ``None`` when the article could not be loaded (evidence is then not checked).
    Without ``place``, each quote is only checked to stand once in the article, and no
    :class:`Evidence` (span and sentences) is made: checking a bank needs no more.
    """
    if not isinstance(table, dict):
        report.add(None, "each question must be a table; write it under a [[questions]] header")
        return None
    qid = table.get("id")
    if isinstance(qid, str):
        report.question = qid
    kind = table.get("kind")
    if kind is None:
        report.add(None, f"missing required field `kind`; add kind = one of {', '.join(KINDS)}")
        return None
    if not isinstance(kind, str) or kind not in KINDS:
        close = get_close_matches(str(kind), list(KINDS), n=1)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        report.add("kind", f"unknown kind `{kind}`{hint}; use one of {', '.join(KINDS)}")
        return None
    try:
        question: AnyQuestion = _VALIDATORS[kind](table)
    except ValidationError:
        # Unknown keys (with a suggestion) and missing ones are said in our words first.
        suggested: dict[str, str] = {}
        if not _NAME_SETS[kind].issuperset(table):
            suggested = _unknown_keys(table, _NAMES[kind], report, kind)
        for key in _REQUIRED[kind]:
            # A misspelt required key is said once, as the unknown key it was written as.
            if key not in table and key not in suggested:
                report.add(
                    None,
                    f"missing required field `{key}` for {a_or_an(kind)} question; "
                    f"add `{key} = ...`",
                )
        if report.failed:
            return None
        _typed(KINDS[kind], table, report)  # every key is known: the values are at fault
        return None
    _RULES[kind](question, report)
    _common_rules(question, report)
    if index is not None:
        evidence, quoted = resolve_evidence(question, report, index, place)
    else:
        evidence, quoted = (), None
        if any(not normalize(quote).strip() for quote in question.quotes):
            empty_quote(report)
    if report.failed:
        return None
    evidence_warnings(question, quoted, report)
    return question, evidence


def _common_rules(q: AnyQuestion, report: Reporter) -> None:
    if not _ID.match(q.id):
        report.add("id", f"id `{q.id}` is not lowercase letters, digits and hyphens; rename it")
    points = q.points
    if not MIN_POINTS <= points <= MAX_POINTS:
        report.add(
            "points",
            f"points must be a number from {MIN_POINTS:g} to {MAX_POINTS}, not {points:g}; "
            "give the question's weight, 1 by default",
        )
    text = q.claim if isinstance(q, ClaimQuestion) else q.prompt
    if not text or text.isspace():
        report.add(
            "prompt" if q.kind != "claim" else "claim", "the question text is empty; write it"
        )
    tags = q.tags
    if tags and not all(map(str.strip, tags)):
        report.add("tags", "a tag is empty; name it, or take it out of the list")
    quotes = q.evidence
    if type(quotes) is tuple and len(quotes) > 1 and len(set(quotes)) < len(quotes):
        number = next(i for i, quote in enumerate(quotes) if quote in quotes[:i])
        report.add(
            f"evidence.{number}", f"evidence “{short(quotes[number])}” is given twice; keep one"
        )


def _distinct(values: tuple[str, ...], key: str, what: str, report: Reporter) -> None:
    if len(values) < 2 or len(values) > MAX_OPTIONS:
        report.add(key, f"{key} has {plural(len(values), 'entry')}; give 2 to {MAX_OPTIONS}")
    if surely_distinct_loose(values):
        return
    folded = [loose(value) or normalize(value).casefold() for value in values]
    if len(set(folded)) == len(folded):
        return
    seen: dict[str, str] = {}
    for number, (value, form) in enumerate(zip(values, folded, strict=True)):
        if form in seen:
            same = "repeats" if seen[form] == value else "is the same as"
            other = (
                ""
                if seen[form] == value
                else f" `{seen[form]}` (ignoring case, accents, spacing and punctuation)"
            )
            report.add(
                f"{key}.{number}", f"{what} `{value}` {same}{other}; make every entry different"
            )
        seen[form] = value


def _choice(q: ChoiceQuestion, report: Reporter) -> None:
    _distinct(q.options, "options", "option", report)
    if q.answer not in q.options:
        hint = _closest_option(q.answer, q.options)
        report.add("answer", f"answer `{q.answer}` is not among the options{hint}; copy it exactly")
    for option in q.feedback:
        if option not in q.options:
            report.add(
                f"feedback.{option}",
                f"feedback for `{option}`, which is not one of the options"
                f"{_closest_option(option, q.options)}; "
                "a feedback key must be an option, copied exactly",
            )


def _closest_option(value: str, options: tuple[str, ...]) -> str:
    """`` (closest: `option`)`` for the option most like ``value``, if one is alike."""
    alike = [o for o in options if loose(o) == loose(value) or o.casefold() == value.casefold()]
    if alike:  # differs only in case, accents, spacing or punctuation: "A" for "a"
        return f" (closest: `{alike[0]}`)"
    folded = {option.casefold(): option for option in options}
    close = get_close_matches(value.casefold(), list(folded), n=1)
    return f" (closest: `{folded[close[0]]}`)" if close else ""


def _multi(q: MultiQuestion, report: Reporter) -> None:
    _distinct(q.options, "options", "option", report)
    if not q.answers:
        report.add("answers", "answers is empty; list every right option")
    missing = [a for a in q.answers if a not in q.options]
    if missing:
        report.add(
            f"answers.{q.answers.index(missing[0])}",
            f"answers {', '.join(f'`{m}`' for m in missing)} not among the "
            "options; answers must be a subset of options",
        )
    if len(set(q.answers)) != len(q.answers):
        report.add("answers", "answers repeat an option; list each right option once")


def _claim(q: ClaimQuestion, report: Reporter) -> None:
    if q.verdict not in VERDICTS:  # pydantic has checked; kept for a clear message
        report.add("verdict", f"verdict must be one of {', '.join(VERDICTS)}")


def _text(q: TextQuestion, report: Reporter) -> None:
    if not any(loose(a) for a in q.accept):
        report.add("accept", "accept has no answer; list at least one accepted answer")


def _order(q: OrderQuestion, report: Reporter) -> None:
    _distinct(q.items, "items", "item", report)


_RULES: dict[str, Callable[[Any, Reporter], None]] = {
    "choice": _choice,
    "multi": _multi,
    "claim": _claim,
    "text": _text,
    "order": _order,
}
