"""Dates on the calendar: relative dates ("on Tuesday", "last month") resolved against the
article's date, asked as calendar dates; and an ``order`` question from the article's dated
events, when it has three or more.

Where the article's date is not known, relative dates stay words (:mod:`.dates` asks them as
written). A weekday is read as the last one on or before the article's date, or the next one on
or after it when its clause speaks of what is to come ("is due to rule on Friday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from quiz.core.draft.common import Draft, around, shorten
from quiz.core.draft.context import Context
from quiz.core.draft.dates import MONTHS, WEEKDAYS
from quiz.core.draft.mentions import DateMention

_FUTURE = re.compile(
    r"\b(?:will|is due|are due|due to|is expected|are expected|expected to|plans? to|planned"
    r"|is set to|are set to|scheduled|next|later this|coming|upcoming|is to|are to)\b",
    re.IGNORECASE,
)
_LEAD = re.compile(r"(?:\b(?:in|on|since|by|from|until|during|before|after|as of)\s+)?$", re.I)
_CLAUSES = re.compile(r";\s+|,\s+(?:and|but|then|while|when)\s+|\s+and\s+then\s+|,\s+which\s+")
_DATED = frozenset(("full", "month-year", "month-day", "year", "combo"))
MAX_LOOKED_AT = 60
"""How many of a long article's dates the order question looks at."""
MIN_EVENTS = 3
MAX_EVENTS = 5


@dataclass(frozen=True)
class Span:
    """A stretch of the calendar a date names: a day, a month or a year."""

    first: date
    """Its first day."""
    last: date
    """Its last day."""

    def before(self, other: Span) -> bool:
        """Whether it ends before ``other`` begins."""
        return self.last < other.first


def written(day: date) -> str:
    """ "12 May 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_spellings(day: date) -> list[str]:
    """The ways a player may type a day."""
    month = MONTHS[day.month - 1]
    return [
        written(day),
        f"{month} {day.day}, {day.year}",
        f"{day.isoformat()}",
        f"{day.day} {month}",
        f"{month} {day.day}",
    ]


def _month_span(year: int, month: int) -> Span:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return Span(first, nxt - timedelta(days=1))


def resolve(ctx: Context, d: DateMention) -> tuple[Span, str] | None:
    """The calendar span a relative date names, and how to write it; ``None`` when the
    article's date is not known or the words are not sure enough ("in the coming weeks")."""
    today = ctx.setting.date
    if today is None:
        return None
    words = d.text.lower()
    weekday = next((w for w in WEEKDAYS if w.lower() in words), None)
    if weekday is not None and d.kind in ("weekday", "combo") and not re.search(r"\d", words):
        head = ctx.article.text[d.sentence.start : d.start]
        future = bool(_FUTURE.search(head)) or bool(_FUTURE.search(words))
        if re.search(r"\b(?:last|past|earlier)\b", words):
            future = False
        target = WEEKDAYS.index(weekday)
        if future:
            day = today + timedelta(days=(target - today.weekday()) % 7)
        else:
            day = today - timedelta(days=(today.weekday() - target) % 7)
        return Span(day, day), written(day)
    shifts = {"yesterday": -1, "today": 0, "tomorrow": 1}
    if words in shifts:
        day = today + timedelta(days=shifts[words])
        return Span(day, day), written(day)
    if words in ("last month", "next month", "this month"):
        step = {"last": -1, "next": 1, "this": 0}[words.split()[0]]
        index = today.year * 12 + today.month - 1 + step
        year, month = divmod(index, 12)
        return _month_span(year, month + 1), f"{MONTHS[month]} {year}"
    if words in ("last year", "next year", "this year"):
        year = today.year + {"last": -1, "next": 1, "this": 0}[words.split()[0]]
        return Span(date(year, 1, 1), date(year, 12, 31)), str(year)
    return None


def absolute(ctx: Context, d: DateMention) -> Span | None:
    """The calendar span of a date written in full, a month of a year, or a year."""
    text = d.text
    year_m = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    month = next((i for i, m in enumerate(MONTHS, 1) if m in text or m[:3] + "." in text), None)
    if month is None:
        month = next((i for i, m in enumerate(MONTHS, 1) if re.search(rf"\b{m[:3]}\b", text)), None)
    day_m = re.search(
        r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d|:)", text.replace(year_m[0], "") if year_m else text
    )
    year = int(year_m[1]) if year_m else None
    if year is None and d.kind == "month-day" and ctx.setting.date is not None:
        year = ctx.setting.date.year  # "on March 5" in an article of 2026
    try:
        if d.kind in ("full", "month-day", "combo") and year and month and day_m:
            day = date(year, month, int(day_m[1]))
            return Span(day, day)
        if d.kind in ("month-year", "combo") and year and month:
            return _month_span(year, month)
        if d.kind == "year" and year:
            return Span(date(year, 1, 1), date(year, 12, 31))
    except ValueError:
        return None
    return None


def resolved_questions(ctx: Context) -> list[Draft]:
    """ "What date is “Tuesday”?" for each relative date the article's date resolves."""
    today = ctx.setting.date
    if today is None:
        return []
    drafts: list[Draft] = []
    for d in ctx.dates:
        if not d.relative or ctx.setting.aside(d.start):
            continue
        found = resolve(ctx, d)
        if found is None:
            continue
        span, label = found
        if span.first == span.last:
            accept = [*day_spellings(span.first), d.text]
            what = "date (day, month and year)"
        elif span.first.year == span.last.year and span.first.month == span.last.month:
            month = MONTHS[span.first.month - 1]
            accept = [label, f"{month[:3]} {span.first.year}", span.first.isoformat()[:7], d.text]
            what = "month and year"
        else:
            accept = [label, d.text]
            what = "year"
        body = ctx.body(d.sentence)
        sentence = _window(body.text, d.start - body.start, d.end - body.start)
        drafts.append(
            Draft(
                rule="dates/resolved",
                tag="dates",
                kind="text",
                key=f"{d.text} {label}",
                sentence=d.sentence,
                evidence=((d.start, d.end),),
                prompt=(
                    f"The article is dated {today.strftime('%A')} {written(today)}. Which "
                    f"{what} is “{d.text}” in “{sentence}”? Type it."
                ),
                accept=tuple(dict.fromkeys(accept)),
                explanation=(
                    f"The article, dated {written(today)}, says “{d.text}” ({d.sentence.label}):"
                    f" that is {label}."
                ),
            )
        )
    return drafts


def _window(text: str, start: int, end: int, words: int = 4) -> str:
    """A few words either side of ``text[start:end]``: enough to say which event it dates, and
    not the whole sentence, whose other facts other questions ask."""
    before = text[:start].split()
    after = text[end:].split()
    lead = "… " if len(before) > words else ""
    tail = " …" if len(after) > words else ""
    middle = around(" ".join(before[-words:]), text[start:end], " ".join(after[:words]))
    return f"{lead}{middle}{tail}"


def _event(ctx: Context, d: DateMention) -> str:
    """What happened at date ``d``: its clause without the date, as an order item."""
    body = ctx.body(d.sentence)
    text = body.text
    at, end = d.start - body.start, d.end - body.start
    lead = _LEAD.search(text, 0, at)
    cut = lead.start() if lead else at
    pieces = list(_CLAUSES.finditer(text))
    left = max((m.end() for m in pieces if m.end() <= cut), default=0)
    right = min((m.start() for m in pieces if m.start() >= end), default=len(text))
    clause = (text[left:cut] + text[end:right]).strip()
    clause = re.sub(r"\s+([,.;:])", r"\1", " ".join(clause.split())).strip(" ,;:.")
    if len(clause.split()) < 3 or '"' in clause or "“" in clause or "”" in clause:
        return ""
    return shorten(clause[:1].upper() + clause[1:], 14)


def order_question(ctx: Context) -> list[Draft]:
    """One ``order`` question: three to five of the article's dated events, earliest first,
    none of whose dates overlap (a year and a month of it cannot be ordered)."""
    events: list[tuple[Span, str, DateMention]] = []
    seen: set[str] = set()
    dated = [d for d in ctx.dates if d.relative or d.kind in _DATED]
    if len(dated) > MAX_LOOKED_AT:  # a long article: dates from all over it, not every one
        step = len(dated) / MAX_LOOKED_AT
        dated = [dated[int(i * step)] for i in range(MAX_LOOKED_AT)]
    for d in dated:
        head = ctx.article.text[max(d.start - 7, 0) : d.start].lower()
        if ctx.setting.aside(d.start) or head.endswith(("since ", "until ", "by ", "from ")):
            continue  # "traced 214 shipments since 2024": a period, not when an event was
        span = absolute(ctx, d) if not d.relative else None
        if span is None and d.relative:
            found = resolve(ctx, d)
            span = found[0] if found else None
        if span is None:
            continue
        item = _event(ctx, d)
        if item and item not in seen:
            seen.add(item)
            events.append((span, item, d))
    events.sort(key=lambda e: (e[0].first, e[0].last))
    kept: list[tuple[Span, str, DateMention]] = []
    for e in events:
        if kept and not kept[-1][0].before(e[0]):
            continue  # overlaps the one before: which came first is not sure
        kept.append(e)
    if len(kept) < MIN_EVENTS:
        return []
    if len(kept) > MAX_EVENTS:
        step = (len(kept) - 1) / (MAX_EVENTS - 1)
        kept = [kept[round(i * step)] for i in range(MAX_EVENTS)]
    first = kept[0][2]
    return [
        Draft(
            rule="dates/order",
            tag="dates",
            kind="order",
            key="order of events",
            sentence=first.sentence,
            evidence=tuple((e[2].start, e[2].end) for e in kept),
            prompt="Put these events in the order they happened, earliest first, as the "
            "article dates them.",
            items=tuple(e[1] for e in kept),
            explanation="The article dates them: "
            + "; ".join(f"{e[2].text} ({e[2].sentence.label})" for e in kept)
            + ".",
        )
    ]
