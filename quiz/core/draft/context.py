"""What the rules read: the article and everything found in it once."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from quiz.core.draft.common import fold, quoted, shorten
from quiz.core.draft.mentions import Cast, DateMention, Entity, NumberMention, Setting
from quiz.core.text.article import Article
from quiz.core.text.sentences import Sentence


@dataclass
class Context:
    """An article with its actors, dates and numbers found."""

    article: Article
    """The article."""
    cast: Cast
    """Its actors."""
    dates: list[DateMention]
    """Its dates, in order."""
    numbers: list[NumberMention]
    """Its quantities, in order."""
    quoted: list[tuple[int, int]] = field(default_factory=list)
    """Spans of direct quotations, in order."""
    setting: Setting = field(default_factory=Setting)
    """Its date, dateline and headline."""
    _by_kind: dict[str, tuple[list[Entity], list[int]]] = field(default_factory=dict, repr=False)

    def quoted_in(self, start: int, end: int | None = None) -> list[tuple[int, int]]:
        """The quotation spans that hold offset ``start`` (or overlap ``[start, end)``)."""
        stop = start + 1 if end is None else end
        i = max(bisect_left(self.quoted, (start, start)) - 1, 0)
        out: list[tuple[int, int]] = []
        while i < len(self.quoted) and self.quoted[i][0] < stop:
            a, b = self.quoted[i]
            if b > start:
                out.append((a, b))
            i += 1
        return out

    def body(self, sentence: Sentence) -> Sentence:
        """``sentence`` without the dateline it may open with."""
        cut = self.setting.dateline_end
        if sentence.start < cut < sentence.end:
            return replace(sentence, start=cut, text=self.article.text[cut : sentence.end])
        return sentence

    def explain(self, sentence: Sentence, lead: str = "The article says") -> str:
        """``The article says (¶5 s1): “…”``."""
        return f"{lead} ({sentence.label}): {quoted(shorten(self.body(sentence).text, 30))}"

    def others(
        self, kinds: tuple[str, ...], exclude: set[str], near: int, limit: int = 12
    ) -> list[Entity]:
        """Up to ``limit`` entities of ``kinds`` not in ``exclude`` (keys), kind by kind, the
        nearest to offset ``near`` first."""
        out: list[Entity] = []
        for kind in kinds:
            cached = self._by_kind.get(kind)
            if cached is None:
                ordered = sorted(
                    (
                        e
                        for e in self.cast.entities.values()
                        if e.kind == kind
                        and not all(self.setting.aside(m.start) for m in e.mentions)
                    ),
                    key=lambda e: (e.first, e.key),
                )
                cached = self._by_kind[kind] = (ordered, [e.first for e in ordered])
            ordered, firsts = cached
            at = bisect_left(firsts, near)
            left, right = at - 1, at
            while len(out) < limit and (left >= 0 or right < len(ordered)):
                take_right = right < len(ordered) and (
                    left < 0 or ordered[right].first - near <= near - ordered[left].first
                )
                e = ordered[right] if take_right else ordered[left]
                if take_right:
                    right += 1
                else:
                    left -= 1
                if e.key not in exclude:
                    out.append(e)
        return out

    def names(self, entities: list[Entity], avoid: list[str], limit: int) -> list[str]:
        """Up to ``limit`` names of ``entities`` that differ from every name in ``avoid``."""
        seen = {fold(a) for a in avoid}
        out: list[str] = []
        for e in entities:
            key = fold(e.name)
            if key in seen or any(key in s or s in key for s in seen if len(s) > 3):
                continue
            seen.add(key)
            out.append(e.name)
            if len(out) == limit:
                break
        return out
