"""The evidence of a question: each quote found once in the article, and the warnings about
what the evidence holds (an answer it does not quote, a quote that cuts a word)."""

from __future__ import annotations

from quiz.core.bank.model import AnyQuestion, ChoiceQuestion, ClaimQuestion, TextQuestion
from quiz.core.bank.reporter import Reporter
from quiz.core.text.evidence import Evidence, EvidenceAmbiguous, EvidenceIndex, EvidenceNotFound
from quiz.core.text.normalize import normalize


def resolve_evidence(
    q: AnyQuestion, report: Reporter, index: EvidenceIndex, place: bool
) -> tuple[tuple[Evidence, ...], str]:
    """The question's evidence found in the article, and the quotes found, normalised (for
    the warnings)."""
    evidence = q.evidence
    if not place and type(evidence) is str:  # the usual case, kept short: one quote to check
        needle = normalize(evidence).strip()
        found_at = index.occurrences(needle) if needle else ()
        if len(found_at) == 1:
            cut = index.cut_words(needle, found_at[0])
            if cut:
                _whole_words(evidence, cut, report, "evidence")
            return (), needle
    quotes = q.quotes
    if not quotes:
        if isinstance(q, ClaimQuestion) and q.verdict == "not-in-article":
            if not (q.explanation or "").strip():
                report.add(
                    None,
                    "a not-in-article claim without evidence needs an explanation; "
                    "say what the article does and does not say",
                )
        else:
            report.add(None, "missing evidence; add evidence = a quote from the article")
        return (), ""
    found: list[Evidence] = []
    needles: list[str] = []
    empty = False
    listed = type(q.evidence) is tuple
    for number, quote in enumerate(quotes):
        key = f"evidence.{number}" if listed else "evidence"  # its own line in a long list
        needle = normalize(quote).strip()
        if not needle:
            empty = True
            continue
        try:
            at = index.find(quote, needle)
        except (EvidenceNotFound, EvidenceAmbiguous) as exc:
            _evidence_problem(quote, exc, report, key)
            continue
        _whole_words(quote, index.cut_words(needle, at), report, key)
        if place:
            found.append(index.resolve(quote, needle, at))
        needles.append(needle)
    if empty:
        empty_quote(report)
    return tuple(found), needles[0] if len(needles) == 1 else " ".join(needles)


def _whole_words(quote: str, cut: str, report: Reporter, key: str) -> None:
    """Warn of a quote that ``cut`` says starts or ends inside a word of the article."""
    if cut:
        report.add(
            key,
            f"evidence “{short(quote)}” {cut} inside a word of the article; "
            "quote whole words, so that the highlight does not cut one",
            "warning",
        )


def empty_quote(report: Reporter) -> None:
    """Say that an evidence quote is empty."""
    report.add("evidence", "an evidence quote is empty; copy the sentence from the article")


def _evidence_problem(
    quote: str, exc: EvidenceNotFound | EvidenceAmbiguous, report: Reporter, key: str
) -> None:
    """Say why ``quote`` cannot be used as evidence."""
    if isinstance(exc, EvidenceAmbiguous):
        report.add(
            key,
            f"evidence “{short(quote)}” is found {exc.count} times "
            f"({exc.describe_places()}); quote more words so it is found once",
        )
    elif exc.closest is not None:
        sentence, passage = exc.closest
        quote, passage = " ".join(quote.split()), " ".join(passage.split())
        at = _first_difference(normalize(quote), normalize(passage))
        report.add(
            key,
            f"evidence “{around(quote, at, 60)}” is not in the article; closest "
            f"passage ({sentence.label}): “{around(passage, at, 90)}”; copy it exactly",
        )
    else:
        report.add(
            key,
            f"evidence “{short(quote)}” is not in the article, nor "
            "anything like it; copy the quote from the article",
        )


def evidence_warnings(q: AnyQuestion, quoted: str | None, report: Reporter) -> None:
    """Warnings; ``quoted`` is the evidence found, normalised (``None`` when the article could
    not be read, so evidence was not looked for)."""
    explanation = q.explanation
    if not explanation or explanation.isspace():
        report.add(None, "no explanation; add explanation = why the answer is right", "warning")
    if q.draft:
        report.add(
            "draft", "drafted and not yet reviewed; check it, then remove draft = true", "warning"
        )
    if not quoted or not isinstance(q, (ChoiceQuestion, TextQuestion)):
        return
    quoted = quoted.casefold()
    if isinstance(q, ChoiceQuestion) and normalize(q.answer).casefold() not in quoted:
        report.add(
            "answer",
            f"answer `{q.answer}` does not appear in its evidence; quote the words that hold it",
            "warning",
        )
    if isinstance(q, TextQuestion):
        for accepted in q.accept:
            if normalize(accepted).casefold() in quoted:
                break
        else:
            report.add(
                "accept",
                "no accepted answer appears in the evidence; quote the words that hold it",
                "warning",
            )


def _first_difference(one: str, other: str) -> int:
    """Where ``one`` and ``other`` first differ (the length of the shorter if one begins the
    other)."""
    return next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
        min(len(one), len(other)),
    )


def around(text: str, at: int, limit: int) -> str:
    """``text`` cut to about ``limit`` characters so that the place ``at`` (where it differs
    from a passage) stays in view: ``…on February 21``."""
    if len(text) <= limit:
        return text
    start = max(at - limit // 2, 0)
    if start <= 1:
        return short(text, limit)
    cut_end = start + limit - 2 < len(text)
    if not cut_end:  # the window reaches the end: one ellipsis
        start = len(text) - (limit - 1)
    space = text.find(" ", start - 1, start + 12)  # begin with a whole word
    start = space + 1 if space >= 0 else start
    return "…" + (text[start : start + limit - 2] + "…" if cut_end else text[start:])


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
