"""Numbers and quantities ("12 percent", "three other employees", "$4.5 billion", "a second
batch"), with plausible nearby numbers for distractors."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from quiz.core.draft.common import Draft, Pool, cloze, distinct, rotate
from quiz.core.draft.mentions import NumberMention
from quiz.core.text.article import Article

if TYPE_CHECKING:
    from quiz.core.draft.context import Context

WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
).split()
TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
).split()

_UNIT = r"(?:\s?%|\s+(?:percent|per\s+cent|percentage\s+points|million|billion|trillion|thousand))"
_DIGITS = re.compile(
    rf"(?<![\w.,/:-])(?P<cur>[$€£¥])?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<dec>\.\d+)?"
    rf"(?P<unit>{_UNIT}+)?(?![\w/:-]|\.\d|,\d)"
)
_WORD_NUMBERS = "|".join([*WORDS[2:], *TENS, "hundred", "dozen", "hundreds", "thousands", "dozens"])
_NUMBER_WORD = re.compile(
    rf"(?<![\w-])(?P<num>(?i:{_WORD_NUMBERS}))(?P<unit>{_UNIT}+)?(?=\s+[a-z])"
)
_ORDINAL = re.compile(
    r"\b(?:a|an|the|its|his|her|their|A|An|The)\s"
    r"(?P<num>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|first)(?=\s+[a-z])"
)


def find_numbers(article: Article, taken: list[tuple[int, int]]) -> list[NumberMention]:
    """Every quantity in the article, except inside ``taken`` spans (dates) and designations such
    as "S-400" or "CAATSA 231"."""
    busy = sorted(taken)
    busy_starts = [a for a, _ in busy]
    found: list[NumberMention] = []
    for s in article.sentences:
        text = s.text
        hits: list[tuple[int, int, str]] = []
        for m in _DIGITS.finditer(text):
            if (
                not m.group("unit")
                and not m.group("cur")
                and re.fullmatch(r"1[89]\d\d|20\d\d", m.group())
            ):
                continue  # a year
            before = text[: m.start()].split()
            named = bool(before) and before[-1][:1].isupper()
            bare = named and before[-1].rstrip(",.:;") == before[-1]
            bare = bare and not m.group("cur") and not m.group("unit")  # "Dashly €298 million"
            if bare and (len(before) > 1 or before[-1].isupper()):
                continue  # "CAATSA 231", "Resolution 2231"
            hits.append((m.start(), m.end(), "digits"))
        for m in _NUMBER_WORD.finditer(text):
            hits.append((m.start(), m.end(), "word"))
        for m in _ORDINAL.finditer(text):
            hits.append((m.start("num"), m.end("num"), "ordinal"))
        for start, end, kind in sorted(hits):
            a, b = s.start + start, s.start + end
            i = bisect_left(busy_starts, b) - 1
            if i >= 0 and busy[i][1] > a:
                continue
            after = text[end:].split(maxsplit=2)
            unit_m = re.search(r"[a-z%]+", text[start:end].lower().split(" ", 1)[-1])
            unit = unit_m.group() if unit_m and " " in text[start:end] else ""
            if "%" in text[start:end]:
                unit = "%"
            if not unit and after:
                unit = after[0] if after[0] not in ("other", "more", "of") else " ".join(after[:2])
            found.append(NumberMention(text[start:end], kind, unit.strip(".,;:"), a, b, s))
    return found


def variants(mention: NumberMention) -> list[str]:
    """Nearby numbers written the same way, for distractors."""
    text = mention.text
    if mention.kind == "ordinal":
        i = ORDINALS.index(text.lower())
        return [_case(ORDINALS[j], text) for j in (i + 1, i - 1, i + 2, i + 3) if 0 < j < 13]
    if mention.kind == "word":
        word = text.split()[0]
        rest = text[len(word) :]
        low = word.lower()
        if low in WORDS:
            i = WORDS.index(low)
            steps = [
                j for j in (i + 1, i - 1, i + 2, i * 2, i + 5) if 1 < j < len(WORDS) and j != i
            ]
            return [_case(WORDS[j], word) + rest for j in steps]
        if low in TENS:
            n = TENS[low]
            others = [k for k, v in TENS.items() if abs(v - n) in (10, 20)]
            return [_case(k, word) + rest for k in others]
        swap = {"hundred": "thousand", "dozen": "hundred", "hundreds": "thousands"}
        swap |= {"thousands": "hundreds", "dozens": "hundreds"}
        return [_case(swap.get(low, "several"), word) + rest]
    m = _DIGITS.fullmatch(text)
    if m is None:
        return []
    raw = m.group("num").replace(",", "")
    decimals = len(m.group("dec") or "") - 1
    value = float(raw + (m.group("dec") or ""))
    picks: list[float] = [
        value * 2,
        value / 2,
        value + _step(value),
        value - _step(value),
        value * 3,
    ]
    out: list[str] = []
    for p in picks:
        if p <= 0 or p == value:
            continue
        if decimals > 0:
            number = f"{p:,.{decimals}f}" if "," in m.group("num") else f"{p:.{decimals}f}"
        else:
            number = f"{round(p):,}" if "," in m.group("num") else str(round(p))
        out.append(f"{m.group('cur') or ''}{number}{m.group('unit') or ''}")
    return out


def _step(value: float) -> float:
    if value < 1:
        return 0.1
    if value < 10:
        return 1 if value == int(value) else 0.5
    magnitude = float(10 ** (len(str(int(value))) - 1))
    return max(magnitude // 2, 1.0) if value < 100 else magnitude


def _case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


_RANGE_WORD = rf"(?:\d[\d,.]*|{'|'.join(WORDS[1:])})"
_RANGE_AFTER = re.compile(rf"\s+(?:to|and)\s+{_RANGE_WORD}\b", re.IGNORECASE)
_RANGE_BEFORE = re.compile(rf"\b{_RANGE_WORD}\s+to\s+$", re.IGNORECASE)


def number_questions(ctx: Context) -> list[Draft]:
    """A choice question for every quantity, with the article's other numbers of the same unit
    and nearby made-up ones as distractors."""
    by_unit: dict[tuple[str, str], Pool] = {}
    for n in ctx.numbers:
        by_unit.setdefault((n.kind, n.unit), Pool()).add(n.text)
    drafts: list[Draft] = []
    text = ctx.article.text
    for n in ctx.numbers:
        if _RANGE_AFTER.match(text, n.end) or _RANGE_BEFORE.search(
            text, max(n.start - 16, 0), n.start
        ):
            continue  # "aged 13 to 16": a gap in a range is guessed from its other end
        from_article = by_unit[(n.kind, n.unit)].near(n.text, 2)
        options = distinct([n.text, *from_article, *variants(n)], 4)
        if len(options) < 3:
            continue
        what = "word" if n.kind == "ordinal" else "number"
        drafts.append(
            Draft(
                rule=f"numbers/{'ordinal' if n.kind == 'ordinal' else 'quantity'}",
                tag="numbers",
                kind="choice",
                key=n.text if n.text.endswith(n.unit) else f"{n.text} {n.unit}",
                sentence=n.sentence,
                evidence=((n.start, n.end),),
                prompt=f"Which {what} fills the gap, as the article has it? "
                f"{cloze(ctx.body(n.sentence), n.start, n.end)}",
                options=tuple(rotate(options, n.text + n.sentence.label)),
                answer=n.text,
                explanation=ctx.explain(n.sentence),
            )
        )
    return drafts
