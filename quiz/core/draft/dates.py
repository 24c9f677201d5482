"""Dates and times, absolute ("March 3, 2019", "in 2011") and relative ("last month", "later this
week on Wednesday"), with the other ways to write them and made-up neighbours for distractors."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quiz.core.draft.common import Draft, Pool, cloze, distinct, fold, rotate
from quiz.core.draft.mentions import DateMention
from quiz.core.text.article import Article

if TYPE_CHECKING:
    from quiz.core.draft.context import Context

MONTHS = (
    "January February March April May June July August September October November December".split()
)
_SHORT = {m[:3]: m for m in MONTHS} | {"Sept": "September"}
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_UNIT = (
    r"(?:week|month|year|weekend|decade|spring|summer|autumn|fall|winter|morning|afternoon"
    r"|evening|night|quarter|century)"
)
_COUNT = r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)"


def _after(words: str) -> str:
    """A look-behind for any of ``words`` and a space (each look-behind of fixed width)."""
    both = [v for w in words.split() for v in (w, w.capitalize())]
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in both) + ")"


_PATTERNS: tuple[tuple[str, str], ...] = (
    ("full", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("full", rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}\b"),
    ("month-year", rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ("month-day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)"),
    ("month-day", rf"\b{_DAY}\s+{_MONTH}\b"),
    (
        "time",
        r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b(?:noon|midnight)\b",
    ),
    (
        "relative",
        rf"\b(?i:(?:earlier|later|early|late)\s+(?:this|last|next)\s+{_UNIT}"
        rf"|(?:last|next|this|past|coming)\s+{_UNIT}"
        rf"|{_COUNT}\s+(?:day|week|month|year|hour)s?\s+(?:ago|later|earlier)"
        rf"|in\s+the\s+(?:coming|next|past)\s+(?:few\s+)?(?:days|weeks|months|years)"
        r"|yesterday|today|tomorrow|tonight)\b",
    ),
    ("weekday", rf"\b{_WEEKDAY}\b"),
    ("month", rf"{_after('in since until by from last next this early late mid')}{_MONTH}\b"),
    (
        "year",
        rf"{_after('in since until by from before after during between and to of')}"
        rf"{_YEAR}\b(?!\s*(?:percent|%|people|\w+s\b))",
    ),
    ("decade", r"\bthe\s+(?:1[89]|20)\d0s\b"),
)
_DATE = re.compile(
    r"\b(?:" + "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)) + ")"
)
_KINDS = {f"k{i}": kind for i, (kind, _) in enumerate(_PATTERNS)}
_JOIN = re.compile(r"^\s+(?:on|at)\s+$")
_COMMA = re.compile(r"^,?\s+$")
_RELATIVE_SWAPS = (
    ("last", "next"),
    ("earlier", "later"),
    ("yesterday", "tomorrow"),
    ("week", "month"),
    ("month", "year"),
    ("ago", "later"),
)
_RELATIVE_FILLERS = ("last week", "next month", "last year", "earlier this month", "two weeks ago")


def find_dates(article: Article) -> list[DateMention]:
    """Every date and time in the article, adjacent ones joined ("later this week on Wednesday")."""
    found: list[DateMention] = []
    for s in article.sentences:
        pieces: list[tuple[int, int, str]] = []
        for m in _DATE.finditer(s.text):
            kind = _KINDS[m.lastgroup or "k0"]
            start, end = m.span()
            if kind == "decade":
                start += 4  # "the 1990s" -> "1990s"
            pieces.append((start, end, kind))
        merged: list[tuple[int, int, str]] = []
        for start, end, kind in pieces:
            gap = s.text[merged[-1][1] : start] if merged else "x"
            last = merged[-1][2] if merged else ""
            if _JOIN.match(gap) or (
                _COMMA.match(gap)
                and (last == "weekday" or kind in ("weekday", "time"))
                and "relative" not in (last, kind)
            ):
                merged[-1] = (merged[-1][0], end, "combo")
            else:
                merged.append((start, end, kind))
        for start, end, kind in merged:
            text = s.text[start:end]
            found.append(DateMention(text, kind, s.start + start, s.start + end, s))
    return found


def spellings(text: str, kind: str) -> list[str]:
    """Other ways to type the date: "Dec 2020", "2020-12", "3 March 2019", "Wed"."""
    out = [text]
    month = _month_in(text)
    year = re.search(r"\d{4}", text)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", text)
    if kind == "month-year" and month and year:
        out += [f"{month[:3]} {year.group()}", f"{year.group()}-{MONTHS.index(month) + 1:02d}"]
    elif kind == "full" and month and year and day:
        d = int(day.group(1))
        out += [
            f"{month} {d}, {year.group()}",
            f"{d} {month} {year.group()}",
            f"{year.group()}-{MONTHS.index(month) + 1:02d}-{d:02d}",
        ]
    elif kind == "month-day" and month and day:
        out += [f"{month} {int(day.group(1))}", f"{int(day.group(1))} {month}"]
    if kind == "combo":
        # "Tuesday, March 4, 2025": the date, however spelt, but not "Tuesday" or "2025" alone;
        # "later this week on Wednesday": either part says when.
        pieces = [(m.group(), _KINDS[m.lastgroup or "k0"]) for m in _DATE.finditer(text)]
        specific = [(p, k) for p, k in pieces if k in ("full", "month-day", "month-year")]
        if specific:
            return out + [s for p, k in specific for s in spellings(p, k)]
        out += [p for p in re.split(r",?\s+(?:on|at|in|of)\s+|,\s*", text) if p]
    for weekday in WEEKDAYS:
        if weekday in text:
            out += [weekday, weekday[:3]]
    return out


def _month_in(text: str) -> str | None:
    words: list[str] = re.findall(r"[A-Z][a-z]+", text)
    for word in words:
        if word in MONTHS:
            return word
        if word in _SHORT:
            return _SHORT[word]
    return None


def variants(text: str, kind: str) -> list[str]:
    """Made-up dates of the same kind, near ``text``, for distractors."""
    out: list[str] = []
    year_m = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    if year_m:
        y = int(year_m.group())
        for delta in (-1, 1, -2, 2):
            out.append(text[: year_m.start()] + str(y + delta) + text[year_m.end() :])
    month = _month_in(text)
    if month:
        i = MONTHS.index(month)
        written = month if month in text else next(k for k, v in _SHORT.items() if v == month)
        for delta in (3, -4, 6):
            other = MONTHS[(i + delta) % 12]
            other = other if written == month else other[:3]
            out.insert(len(out) // 2, text.replace(written, other, 1))
    day_m = re.search(r"\b(\d{1,2})(st|nd|rd|th)?\b(?!\d|:)", text) if kind != "time" else None
    if day_m and kind in ("full", "month-day", "combo"):
        d = int(day_m.group(1))
        for day in (d + 7 if d <= 21 else d - 14, d + 2 if d <= 26 else d - 3):
            suffix = _ordinal(day) if day_m.group(2) else ""
            out.insert(0, text[: day_m.start()] + f"{day}{suffix}" + text[day_m.end() :])
    for weekday in WEEKDAYS:
        if weekday in text:
            i = WEEKDAYS.index(weekday)
            out = [text.replace(weekday, WEEKDAYS[(i + d) % 7]) for d in (2, -2, 1)] + out
    if kind == "time":
        hour = re.match(r"\d+", text)
        if hour:
            h = int(hour.group())
            out += [f"{(h + d - 1) % 12 + 1}{text[hour.end() :]}" for d in (2, -3, 5)]
    if kind == "decade":
        decade = int(text[:4])
        out += [f"{decade + d}s" for d in (-10, 10, -20)]
    if kind in ("relative", "combo") and not out:
        for a, b in _RELATIVE_SWAPS:
            for old, new in ((a, b), (b, a)):
                found = re.search(rf"\b{old}\b", text, re.IGNORECASE)
                if found:
                    swapped = new.capitalize() if found.group()[:1].isupper() else new
                    out.append(text[: found.start()] + swapped + text[found.end() :])
        out += [r for r in _RELATIVE_FILLERS if r.split()[-1] in text.split()[-1]]
        out += list(_RELATIVE_FILLERS)
    return [v for v in out if v.casefold() != text.casefold()]


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def date_questions(ctx: Context) -> list[Draft]:
    """A "When ..." choice question for every date, and a typed one for each absolute date."""
    by_kind: dict[str, Pool] = {}
    for d in ctx.dates:
        by_kind.setdefault(d.kind, Pool()).add(d.text)
    drafts: list[Draft] = []
    typed: set[str] = set()
    for d in ctx.dates:
        key = fold(d.text)
        from_article = by_kind[d.kind].near(d.text, 3)
        options = distinct([d.text, *from_article, *variants(d.text, d.kind)], 4)
        if len(options) < 2:
            continue
        rule = "dates/relative" if d.relative else "dates/absolute"
        gap = cloze(ctx.body(d.sentence), d.start, d.end)
        drafts.append(
            Draft(
                rule=rule,
                tag="dates",
                kind="choice",
                key=d.text,
                sentence=d.sentence,
                evidence=((d.start, d.end),),
                prompt=f"When? Fill the gap as the article has it: {gap}",
                options=tuple(rotate(options, d.text + d.sentence.label)),
                answer=d.text,
                explanation=ctx.explain(d.sentence),
            )
        )
        if d.relative or key in typed:
            continue
        typed.add(key)
        drafts.append(
            Draft(
                rule=rule,
                tag="dates",
                kind="text",
                key=d.text + " typed",
                sentence=d.sentence,
                evidence=((d.start, d.end),),
                prompt=f"When, according to the article? Type what fills the gap: {gap}",
                accept=tuple(distinct(spellings(d.text, d.kind), 6)),
                explanation=ctx.explain(d.sentence),
            )
        )
    return drafts
