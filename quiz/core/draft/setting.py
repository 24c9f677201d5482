"""Finding an article's setting (its date, dateline and headline) and whether it is in English.

The date comes from the meta file (``date = "2026-03-20"``, or "20 March 2026") or else from a
dateline with its year ("VILNIUS, May 14, 2026 (Wire) -"); relative dates are resolved against
it (:mod:`.when`).
"""

from __future__ import annotations

import re
from datetime import date

from quiz.core.draft.mentions import Setting
from quiz.core.errors import QuizError
from quiz.core.text.article import Article

_NAMES = "January February March April May June July August September October November December"
_MONTHS = {m.lower(): i for i, m in enumerate(_NAMES.split(), start=1)}
_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
_DATELINE = re.compile(
    rf"^(?P<place>[^\W\d_][^\W\d_.’' -]*(?:[ .’'-]+[^\W\d_]+){{0,3}}),\s+"
    rf"(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,\s+)?"
    rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\s*)?"
    r"(?:\([^()]{1,40}\)\s*)?[-–—]+\s*"
)
"""A dateline: a place in capitals ("VILNIUS", "GDAŃSK", "NEW YORK"), maybe its region, maybe
a date, maybe the agency in brackets, then a dash."""
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_WRITTEN = re.compile(
    r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})|([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})"
)
_ENGLISH = frozenset(
    "the a an of to in and is are was were for on with by that this it as at from has have had"
    " be been not but or said says he she they we his her its their will would".split()
)
MIN_ENGLISH = 0.08
"""The least share of very common English words in an English text (about 0.4 in news)."""


def _month(name: str) -> int | None:
    name = name.lower()
    return next((n for m, n in _MONTHS.items() if m.startswith(name[:3]) and len(name) >= 3), None)


def parse_date(text: str | None) -> date | None:
    """A calendar date from a meta file's ``date`` ("2026-03-20", "20 March 2026",
    "March 20, 2026"), ``None`` when it is not one."""
    if not text:
        return None
    try:
        iso = _ISO.match(text)
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        m = _WRITTEN.search(text)
        if m is None:
            return None
        if m[1]:
            month = _month(m[2])
            return date(int(m[3]), month, int(m[1])) if month else None
        month = _month(m[4])
        return date(int(m[6]), month, int(m[5])) if month else None
    except ValueError:
        return None


def find_setting(article: Article) -> Setting:
    """The article's date, dateline and headline."""
    sentences = article.sentences
    headline_end = 0
    body = 0
    if article.headline is not None and sentences:
        headline_end = sentences[0].end
        body = 1
    dateline_end = 0
    when = parse_date(article.meta.date)
    if len(sentences) > body:
        first = sentences[body]
        m = _DATELINE.match(first.text)
        if m is not None and m["place"].isupper():
            dateline_end = first.start + m.end()
            month = _month(m["month"]) if m["month"] else None
            if when is None and month and m["year"]:
                try:
                    when = date(int(m["year"]), month, int(m["day"]))
                except ValueError:
                    when = None
    return Setting(when, dateline_end, headline_end)


def require_english(article: Article) -> None:
    """Raise a :class:`QuizError` when the article is not English: the rules read English
    sentences, and would write English prompts around another language's words."""
    words = re.findall(r"[^\W\d_]+", article.text[:100_000].lower())
    if len(words) < 30:
        return  # too short to tell; the rules find what they can
    share = sum(w in _ENGLISH for w in words) / len(words)
    if share < MIN_ENGLISH:
        raise QuizError(
            f"{article.path}: this does not read as English ({share:.0%} of its words are common "
            "English words); quiz draft drafts from English text only: write the bank by hand"
        )
