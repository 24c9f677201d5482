"""Whether one drafted question gives away another's answer: its prompt, claim or items show
that answer where the article has it.

"Who said that the engines were bought in Germany and relabelled in Klaipėda?" shows the answers
of the two gaps cut into that sentence; "How much did the European Union fine two of the
companies?" shows the answer of "The European Union fined ___ of the companies". A name shown
elsewhere ("How many shipments were traced, according to Colin Ashby?") gives nothing away: an
answer counts as shown only with a word beside it as in its own sentence ("Colin Ashby told").
Options are not counted: they name every actor of the article alike.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from quiz.core.draft.common import Draft, fold, quoted


def answers_of(d: Draft) -> tuple[str, ...]:
    """What the player must find: the right option or options, the typed answer, or for a
    refuted claim the fact it swapped (a question showing "nine of the same companies" shows
    that "ten of the same companies" is false)."""
    if d.kind == "choice":
        return (d.answer,)
    if d.kind == "multi":
        return d.answers
    if d.kind == "text":
        return d.accept[:1]
    if d.kind == "claim" and d.verdict == "refuted" and d.evidence:
        a, b = d.evidence[0]
        s = d.sentence
        if s.start <= a <= b <= s.end:
            return (s.text[a - s.start : b - s.start],)
    return ()


@lru_cache(maxsize=1 << 14)
def _seen(prompt: str, claim: str, items: tuple[str, ...]) -> tuple[str, ...]:
    """The folded words the player reads before answering (not the evidence, shown after; not
    the options, which name every actor of the article alike), once per question text (ranking
    asks again and again)."""
    return tuple(" | ".join(fold(p) for p in (prompt, claim, *items) if p).split())


_ARTICLES = frozenset(("the", "a", "an"))
"""Words beside an answer that say nothing of where it stands ("opened by the Commission")."""


@lru_cache(maxsize=1 << 12)
def _beside(sentence: str, answer: str) -> tuple[tuple[str, str], ...]:
    """The words before and after the answer (``""`` at an end, or for a word that says
    nothing of where it stands), each time it stands in ``sentence`` (both folded)."""
    words = sentence.split()
    want = answer.split()
    n = len(want)
    found: list[tuple[str, str]] = []
    for i in range(len(words) - n + 1):
        if words[i : i + n] == want:
            before = words[i - 1] if i > 0 and words[i - 1] not in _ARTICLES else ""
            found.append((before, words[i + n] if i + n < len(words) else ""))
    return tuple(found)


def _alike(a: str, b: str) -> bool:
    """The same word, maybe in another form ("fine", "fined")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short)


def shows(q: Draft, p: Draft) -> bool:
    """Whether ``q`` shows the answer of ``p`` (``q`` is not ``p``)."""
    if q is p:
        return False
    seen = _seen(q.prompt, q.claim, q.items)
    for answer in answers_of(p):
        key = tuple(fold(answer).split())
        if not key:
            continue
        n = len(key)
        beside = _beside(fold(p.sentence.text), " ".join(key))
        for i in range(len(seen) - n + 1):
            if seen[i : i + n] != key:
                continue
            before = seen[i - 1] if i > 0 else ""
            after = seen[i + n] if i + n < len(seen) else ""
            for b, a in beside:
                if (b and before and _alike(b, before)) or (a and after and _alike(a, after)):
                    return True
    return False


_GAP = re.compile(r"(?P<head>.*?as the article has it[?:] )(?P<part>.+)(?P<tail>)$", re.S)
_DATED = re.compile(r"(?P<head>.*” in )(?P<part>“.+”)(?P<tail>\? Type it\.)$", re.S)
_REPORTED = re.compile(r"(?P<head>Who said that )(?P<part>.+)(?P<tail>\?)$", re.S)
_QUOTE = re.compile(r"(?P<head>Who said )(?P<part>“.+”)(?P<tail>\?)$", re.S)
_EXCERPTS = (_GAP, _DATED, _REPORTED, _QUOTE)
_LINKS = frozenset("a an the in on at of to for by from with and or as about".split())
"""Words that lead into what was cut, left out before a closing ellipsis."""
MIN_WORDS = 3
"""The fewest words a cut excerpt keeps beside its gap, so it still says what it asks."""
MAX_CUTS = 3
"""The most ellipses a cut excerpt may hold (its own lead and tail counted)."""


def trimmed(q: Draft, p: Draft) -> Draft | None:
    """A copy of ``q`` with the excerpt it shows (a gap's, a dated word's, a reported
    clause's, an event's first words) cut short before ``p``'s answer, so it no longer shows
    it; ``None`` when ``q`` has no such excerpt or too little of it would be left."""
    out = q
    if q.plain and not shows(replace(q, prompt=q.plain), p):
        return replace(q, prompt=q.plain, plain="")
    for _ in range(4):  # the answer may stand in it more than once
        if not shows(out, p):
            return out
        if out.kind == "order":
            cut = _cut_items(out, p)
        elif out.kind == "claim":
            cut = _cut_claim(out, p)
        else:
            cut = _cut_prompt(out, p)
        if cut is None:
            return None
        out = cut
    return None


def _cut_prompt(q: Draft, p: Draft) -> Draft | None:
    m = next((m for r in _EXCERPTS if (m := r.match(q.prompt))), None)
    if m is None:
        return None
    part = m["part"]
    marks = part.startswith("“") and part.endswith("”")
    words = (part[1:-1] if marks else part).split(" ")
    if m.re in (_REPORTED, _QUOTE):
        anchor = -1
    elif m.re is _DATED:
        first = fold(q.accept[-1]).split()[:1] if q.accept else []
        anchor = next((i for i, w in enumerate(words) if fold(w).split()[:1] == first), -2)
    else:
        anchor = next((i for i, w in enumerate(words) if "___" in w), -2)
    if anchor == -2:
        return None
    extra = 3 if m.re in (_REPORTED, _QUOTE) else 0
    kept = _cut_words(words, anchor, [fold(a).split() for a in answers_of(p)], extra)
    if kept is None:
        return None
    text = " ".join(kept)
    if text.count("…") > MAX_CUTS:
        return None  # an excerpt cut in so many places says too little
    if marks or m.re is not _REPORTED:
        text = quoted(text) if not marks else f"“{text}”"
    return replace(q, prompt=f"{m['head']}{text}{m['tail']}")


_ASIDE = re.compile(r", (?P<cut>(?:run|led|owned|based|founded|chaired) [^,]{3,60}),")
_TRAILING = re.compile(
    r"(?P<keep>.{30,}?),?\s+(?:in|on|at|since|by|from|until|before|after|to)\s+(?P<cut>[^,;:]+)\.$"
)


def _cut_claim(q: Draft, p: Draft) -> Draft | None:
    """A claim without the aside (", run by Vistula Chemicals,") or, if supported, the phrase
    it ends in ("… with Washington in March 2025.") that holds ``p``'s answer, when that part
    is the article's own words (not the fact a refuted claim swapped): what is left still
    says the same of the rest."""
    wanted = [fold(a) for a in answers_of(p) if fold(a)]
    said = fold(q.sentence.text)

    def holds(part: str) -> bool:
        return fold(part) in said and any(f" {w} " in f" {fold(part)} " for w in wanted)

    for aside in _ASIDE.finditer(q.claim):
        if holds(aside["cut"]):
            return replace(q, claim=q.claim[: aside.start()] + q.claim[aside.end() - 1 :])
    end = _TRAILING.match(q.claim)
    if q.verdict == "supported" and end is not None and holds(end["cut"]):
        return replace(q, claim=end["keep"] + ".")
    return None


def _cut_items(q: Draft, p: Draft) -> Draft | None:
    wanted = [fold(a).split() for a in answers_of(p)]
    items: list[str] = []
    for item in q.items:
        seen = f" {fold(item)} "
        if not any(f" {' '.join(w)} " in seen for w in wanted if w):
            items.append(item)
            continue
        kept = _cut_words(item.split(" "), -1, wanted)
        if kept is None or kept[0].startswith("…"):
            return None  # an event is known by its first words
        items.append(" ".join(kept))
    if len({fold(i) for i in items}) != len(items):
        return None
    return replace(q, items=tuple(items))


def _cut_words(
    words: list[str], anchor: int, wanted: list[list[str]], extra: int = 0
) -> list[str] | None:
    """``words`` without the first of ``wanted`` in them: after the anchor, cut short before
    it when :data:`MIN_WORDS` words and one more are left, else with only its words put as an
    ellipsis; before the anchor, the other way round. ``None`` when it stands in the anchor's
    own word, opens a quote or a clause, or too few words would be left."""
    folded: list[tuple[int, str]] = [(i, t) for i, w in enumerate(words) for t in fold(w).split()]
    tokens = [t for _, t in folded]
    for want in wanted:
        n = len(want)
        for j in range(len(tokens) - n + 1):
            if not want or tokens[j : j + n] != want:
                continue
            first, last = folded[j][0], folded[j + n - 1][0]
            if first <= anchor <= last:
                return None  # the answer is in the gap's own word
            after = first > anchor
            cut = [*words[:first], "…"] if after else ["…", *words[last + 1 :]]
            # beside the anchor: not its dated word (a gap is no word), and ``extra`` more
            dated = int(anchor >= 0 and "___" not in words[anchor]) + extra
            if anchor < 0 and first == 0:
                return None  # a quote or a clause cut at its first words says too little
            cut = _tidy(cut)
            tail = words[last][len(words[last].rstrip(',;:.”"’)')) :]
            masked = _tidy([*words[:first], "…" + tail, *words[last + 1 :]])
            # Before the gap, only the answer goes ("A larger trial in … is planned to start
            # in ___"), so the excerpt keeps what it is about; after it, the rest goes too.
            tries = [(cut, MIN_WORDS + 1), (masked, MIN_WORDS)]
            for kept, least in tries if after else tries[::-1]:
                if _real(kept) - dated >= least:
                    return kept
            return None
    return None


def _real(words: list[str]) -> int:
    return sum(1 for w in words if fold(w) and "___" not in w)


def _tidy(words: list[str]) -> list[str]:
    """No two ellipses in a row, and no comma left before a closing one."""
    out: list[str] = []
    for w in words:
        if w.startswith("…") and out and out[-1].startswith("…"):
            out[-1] = w
            continue
        out.append(w)
    while len(out) > 2 and out[-1] == "…" and out[-2].casefold() in _LINKS:
        del out[-2]  # "bought in …" reads as "bought …"
    if len(out) > 1 and out[-1] == "…":
        out[-2] = out[-2].rstrip(",;:")
    return out


def _spare(c: Draft, d: Draft, chosen: list[Draft]) -> bool:
    """Whether ``c`` is a claim the bank can spare for ``d``: ``d`` is a gap cut into its
    sentence while another claim of its verdict stays (so the bank keeps claims to check, true
    and false); or ``d`` asks more facts than it (the targets of sanctions)."""
    if c.kind != "claim":
        return False
    more = len(answers_of(d)) > max(len(answers_of(c)), 1)
    kept = any(o is not c and o.kind == "claim" and o.verdict == c.verdict for o in chosen)
    return more or ("___" in d.prompt and kept)


def settle(d: Draft, chosen: list[Draft]) -> tuple[Draft, dict[int, Draft], int | None] | None:
    """``d`` as it may join ``chosen`` without a question showing another's answer: with its
    excerpt cut where it would show one of theirs, with the cut copies of those of ``chosen``
    (by index) that would show its own, and the index of the one claim of ``chosen`` whose
    place it takes (a claim shows its whole sentence: a fact asked is worth more than a claim
    that keeps it out, while the bank keeps other claims, :func:`_spare`). ``None`` when that
    cannot settle it: the better question, chosen first, stays and ``d`` is left out."""
    cut: dict[int, Draft] = {}
    gone: int | None = None
    for at, c in enumerate(chosen):
        if not (shows(d, c) or shows(c, d)):
            continue
        mine, theirs = d, cut.get(at, c)
        if shows(mine, theirs):
            mine = trimmed(mine, theirs) or mine
        if shows(theirs, mine):
            theirs = trimmed(theirs, mine) or theirs
        if not (shows(mine, theirs) or shows(theirs, mine)):
            d = mine
            if theirs is not c:
                cut[at] = theirs
        elif gone is None and d.kind != "claim" and answers_of(d) and _spare(c, d, chosen):
            gone = at
        else:
            return None
    return d, {at: c for at, c in cut.items() if at != gone}, gone
