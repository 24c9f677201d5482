"""What the drafter finds in an article, as data: actors and their mentions, dates, numbers.

The finders (:mod:`.entities`, :mod:`.dates`, :mod:`.numbers`) make these and the rules read
them through :mod:`.context`; this module imports none of them, so none of them forms a circle.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date as date_type

from quiz.core.text.sentences import Sentence

Kind = str  # "person", "org" or "place"


@dataclass
class Entity:
    """One actor, however many ways the article names it."""

    key: str
    """Folded canonical name: mentions with the same key are the same actor."""
    kind: Kind
    """person, org or place."""
    name: str
    """How options name it: the fullest form the article uses."""
    first: int
    """Offset of its first mention."""
    mentions: list[Mention] = field(default_factory=list)
    """Every mention, in order."""
    abbreviation: Mention | None = None
    """Its abbreviation where the article ties one to it: ``(CPJ)``."""


@dataclass
class Mention:
    """A place where the article names an actor."""

    key: str
    """The entity's key."""
    kind: Kind
    """person, org or place."""
    text: str
    """The name as written here (without a title or a possessive ’s)."""
    start: int
    """Offset of the name."""
    end: int
    """Offset just past it."""
    sentence: Sentence
    """The sentence it stands in."""
    role: str = ""
    """A title or role written with it: "Turkish President", "its chief"."""
    role_start: int = -1
    """Offset of the role (``-1`` when there is none)."""
    owner: str = ""
    """Whose role it is, where the role says "its" or "his": the owner's name."""
    possessor: str = ""
    """A possessor written before the name: "Turkey" in "Turkey’s Defense Industry Directorate"."""


@dataclass
class Cast:
    """Every actor of an article, and every mention in article order."""

    entities: dict[str, Entity]
    """Key -> entity."""
    mentions: list[Mention]
    """Every mention, in article order."""

    def of_kind(self, kind: Kind) -> list[Entity]:
        """Entities of one kind, by first mention."""
        return [e for e in self.entities.values() if e.kind == kind]

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions inside ``[start, end)``, in order."""
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.mentions):
            starts = self.__dict__["_starts"] = [m.start for m in self.mentions]
        i = bisect_left(starts, start)
        out: list[Mention] = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out


@dataclass(frozen=True)
class DateMention:
    """A date or time the article gives."""

    text: str
    """As written: "later this week on Wednesday"."""
    kind: str
    """full, month-year, month-day, month, year, decade, weekday, time, relative or combo."""
    start: int
    """Offset in the article."""
    end: int
    """Offset just past it."""
    sentence: Sentence
    """The sentence it stands in."""

    @property
    def relative(self) -> bool:
        """Whether it is relative to when the article was written."""
        return self.kind in ("relative", "weekday", "combo") and not re.search(r"\d{4}", self.text)


@dataclass(frozen=True)
class NumberMention:
    """A number the article gives."""

    text: str
    """As written, with its unit: "12 percent", "three"."""
    kind: str
    """digits, word or ordinal."""
    unit: str
    """Its unit ("percent", "million") or the noun after it ("employees"), for grouping."""
    start: int
    """Offset in the article."""
    end: int
    """Offset just past it."""
    sentence: Sentence
    """The sentence it stands in."""


@dataclass(frozen=True)
class Setting:
    """Where the article's story stands: its date, its dateline and its headline."""

    date: date_type | None = None
    """The day it was written (from its meta file, else its dateline), ``None`` if not known."""
    dateline_end: int = 0
    """Offset just past a dateline ("VILNIUS, May 14 (Wire) - "), 0 when there is none."""
    headline_end: int = 0
    """Offset just past a headline the text opens with, 0 when there is none."""

    def aside(self, start: int) -> bool:
        """Whether offset ``start`` stands in the headline or the dateline (never asked about:
        a headline is not a sentence, and a dateline only says where and when it was filed)."""
        return start < self.headline_end or (
            self.dateline_end > 0 and self.dateline_end > start >= self.headline_end
        )
