"""Quotations and their speakers: "“...,” said X", "X said: “...”", a quotation that goes on in the
next sentence or paragraph, and reported speech ("X said Ankara intends to ...")."""

from __future__ import annotations

import re

from quiz.core.draft.common import Draft, rotate, separate, shorten
from quiz.core.draft.context import Context
from quiz.core.draft.speakers import Quotation, Speaker, named_speaker, one_named, speaker_of
from quiz.core.text.article import Article
from quiz.core.text.sentences import Sentence

_QUOTATION = re.compile(r"“[^“”]+”|\"[^\"\n]+\"")
_SURE = (
    r"said|says|say|told|tells|stated|wrote|writes|explained|warned|insisted|argued|replied"
    r"|stressed|urged|claimed"
)
_LOOSE = r"added|adds|asked|noted|continued|mentioned|announced|declared"
"""Verbs that are speech only before a quotation, "that" or a colon: "added seven companies to
its list" says nothing."""
_VERBS = rf"(?:{_SURE}|{_LOOSE})"
_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Sgt|Sen|Rep|Gov|Rev|Fr|St)\.\s+)?"
"""A title ending in a period before a name (``Dr. Amara Okafor``): not the end of the phrase."""
_NP = r"[^,.;:“”\"]"
"""A character of a noun phrase: it ends at punctuation or a quotation mark."""
_AFTER_VERB_FIRST = re.compile(rf"[\s,.]*{_VERBS}\s+(?P<np>{_TITLE}{_NP}{{1,80}})")
_AFTER_NP_FIRST = re.compile(rf"[\s,.]*(?P<np>{_TITLE}{_NP}{{1,60}}?)\s+{_VERBS}\b")
_BEFORE = re.compile(
    rf"(?P<np>{_TITLE}{_NP}{{1,80}}?)\s+(?:also\s+)?{_VERBS}(?:\s+[a-z]+)?\s*[,:]?\s*$"
)
_ACCORDING = re.compile(r"[Aa]ccording to (?P<np>[^,.;:“”\"]{1,60}),\s*$")
_ANYWHERE = re.compile(
    rf"(?P<np>[^,.;:“”\"]{{1,60}}?),?\s+(?:also\s+)?(?:(?:{_SURE})\b|(?:{_LOOSE})(?=\s*[,:]|\s+that\b))"
)
_REPORTED = re.compile(
    rf"\s(?:also\s+)?(?:(?:{_SURE})(?:,|\s+that)?|(?:{_LOOSE})\s+that)\s+(?P<clause>[^“”\"]+)$"
)
_BETWEEN = re.compile(r"^(?:\s*,[^,]{1,40},|\s*,)?\s*(?:also\s+)?$")
_OF_CHAIN = re.compile(r"^,?\s+(?:of|at|from|with)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}$")
_OBJECT_OF = re.compile(r"\b(?:in|of|from|at|for|near|across|around)\s+(?:the\s+)?$", re.I)


def find_quotations(article: Article) -> list[Quotation]:
    """Direct quotations of four words or more (titles such as “Face the Nation” left out)."""
    found: list[Quotation] = []
    text = article.text
    sentences = article.sentences
    i = 0
    while i < len(sentences):
        j = i
        while j + 1 < len(sentences) and sentences[j + 1].paragraph == sentences[i].paragraph:
            j += 1
        start, end = sentences[i].start, sentences[j].end
        for m in _QUOTATION.finditer(text, start, end):
            words = m.group()[1:-1].split()
            titled = all(w[:1].isupper() or len(w) <= 3 for w in words)
            if len(words) < 4 or (titled and not re.search(r"[.,!?]$", m.group()[:-1])):
                continue
            first = article.sentence_at(m.start())
            last = article.sentence_at(m.end() - 1)
            found.append(Quotation(m.start(), m.end(), first, last))
        i = j + 1
    return found


def quote_questions(ctx: Context, quotations: list[Quotation]) -> list[Draft]:
    """ "Who said ...?" for each quotation whose speaker is found, and for reported speech."""
    text = ctx.article.text
    said: list[tuple[str, Quotation | None, Sentence, Speaker, tuple[int, int]]] = []
    previous: tuple[Quotation, Speaker] | None = None
    for quotation in quotations:
        found = _attribute(ctx, quotation, previous)
        if found is None:
            previous = None
            continue
        rule, speaker, span = found
        said.append((rule, quotation, quotation.sentence, speaker, span))
        previous = (quotation, speaker)
    quoted_sentences = {q.sentence.index for q in quotations} | {q.last.index for q in quotations}
    for s in ctx.article.sentences:
        if s.index in quoted_sentences:
            continue
        reported = reported_speech(ctx, s)
        if reported is not None:
            said.append(("quotes/reported", None, s, reported[0], reported[1]))
    order: dict[str, int] = {}
    for _, _, _, sp, _ in said:
        order.setdefault(sp.key, len(order))
    entities = ctx.cast.entities
    names = {sp.key: entities[sp.key].name if sp.key in entities else sp.name for *_, sp, _ in said}
    kinds = {sp.key: sp.kind for _, _, _, sp, _ in said}
    keys = list(order)
    drafts: list[Draft] = []
    for rule, q, s, speaker, span in said:
        if q is not None:
            prompt = f"Who said “{shorten(q.inner(text), 25)}”?"
        else:
            clause = clause_of(text[span[1] : s.end])
            if not clause:
                continue
            prompt = f"Who said that {clause}?"
        at = order[speaker.key]
        near = (
            sorted(range(len(keys)), key=lambda i: abs(i - at))[1:4]
            if len(keys) < 50
            else [i for i in (at - 1, at + 1, at - 2, at + 2) if 0 <= i < len(keys)]
        )
        # A person for a person, an organisation for one; a role alone ("its spokesperson")
        # is never offered beside names, for it may be one of them.
        kind = speaker.kind or "person"
        pool = [names[keys[i]] for i in near if kinds[keys[i]] == speaker.kind]
        others = ctx.others((kind,), {speaker.key}, speaker.start)
        pool += ctx.names(others, [speaker.name, *pool], 6)
        options = separate([speaker.name, *pool], 4)
        if len(options) < 2:
            continue
        evidence = [span]
        if not (span[0] <= speaker.start and speaker.end <= span[1]):
            evidence.append((speaker.start, speaker.end))
        drafts.append(
            Draft(
                rule=rule,
                tag="quotes",
                kind="choice",
                key=f"{speaker.name} {s.label}",
                sentence=s,
                evidence=tuple(evidence),
                prompt=prompt,
                options=tuple(rotate(options, prompt)),
                answer=speaker.name,
                explanation=ctx.explain(s),
            )
        )
    return drafts


def _attribute(
    ctx: Context, q: Quotation, previous: tuple[Quotation, Speaker] | None
) -> tuple[str, Speaker, tuple[int, int]] | None:
    """The rule, speaker and evidence span of quotation ``q``."""
    text = ctx.article.text
    tail_end = q.last.end
    for pattern in (_AFTER_VERB_FIRST, _AFTER_NP_FIRST):
        m = pattern.match(text, q.end, tail_end)
        if m:
            speaker = speaker_of(ctx, m.start("np"), m.end("np"), q, previous)
            if speaker is not None:
                return "quotes/said-after", speaker, (q.start, max(speaker.end, m.end()))
    head_start = q.sentence.start
    for pattern in (_BEFORE, _ACCORDING):
        m = pattern.search(text, head_start, q.start)
        if m:
            speaker = speaker_of(ctx, m.start("np"), m.end("np"), q, previous)
            if speaker is not None:
                return "quotes/said-before", speaker, (_near(speaker, m.start("np")), q.end)
    for m in _ANYWHERE.finditer(text, q.sentence.start, q.start):
        speaker = speaker_of(ctx, m.start("np"), m.end("np"), q, previous)
        if speaker is not None:
            return "quotes/said-before", speaker, (_near(speaker, m.start("np")), q.end)
    if previous is not None and _continues(ctx.article, previous[0], q):
        return "quotes/continued", previous[1], (q.start, q.end)
    return None


def _near(speaker: Speaker, np_start: int) -> int:
    """Where the evidence starts: at the speaker if named here, else at the noun phrase."""
    return speaker.start if speaker.start >= np_start else np_start


def _continues(article: Article, before: Quotation, q: Quotation) -> bool:
    """Whether ``q`` stands alone right after ``before`` (same or next paragraph)."""
    near = q.sentence.index - before.last.index == 1
    alone = q.start - q.sentence.start <= 1 and q.sentence.end - q.end <= 2
    return near and alone


def reported_speech(ctx: Context, s: Sentence) -> tuple[Speaker, tuple[int, int]] | None:
    """ "X said (that) ..." without quotation marks: the speaker and the span up to the verb."""
    text = ctx.article.text
    if not text[s.start : s.end].rstrip().endswith((".", "!", "”", '"')):
        return None  # a headline
    m = _REPORTED.search(text, s.start, s.end)
    if m is None:
        return None
    verb_start = m.start()
    candidates = [x for x in ctx.cast.in_span(s.start, s.end) if x.end <= verb_start]
    lead = re.match(r"\s*(He|She)(?:\s+also)?\s*$", text[s.start : verb_start])
    if lead:
        speaker = one_named(ctx, lead.group(1).lower(), s, s.start)
        if speaker is None:
            return None
        return speaker, (s.start, m.start("clause"))
    if not candidates:
        return None
    subject = next(
        (c for c in reversed(candidates) if _BETWEEN.match(text[c.end : verb_start])), None
    )
    if subject is None:
        return None
    if subject.kind != "person":
        # "Analyst Jurgita Kalvaitienė of the consultancy Deniz Analiz said": she said it
        head = next((c for c in candidates if c.kind == "person" and c.end <= subject.start), None)
        if head is not None and _OF_CHAIN.match(text[head.end : subject.start]):
            subject = head
    if _OBJECT_OF.search(text, max(s.start, subject.start - 12), subject.start):
        return None  # "Officials in Łódź announced": Łódź did not speak
    return named_speaker(ctx, subject), (subject.start, m.start("clause"))


_ASIDE = re.compile(
    r",\s+(?:in\s+a\s+move|a\s+move|a\s+step|which|a\s+decision|in\s+what|something)\b|;\s+"
)
"""Where the reporter's own words begin after reported speech: "X said Ankara will buy more,
in a move that could deepen the rift" (the move is the reporter's reading, not X's word)."""


def clause_of(rest: str) -> str:
    """The reported words, whole, without the final stop and without the reporter's aside that
    may follow them ("" when too short or too long to ask about: a clause cut at a comma reads
    as nonsense)."""
    aside = _ASIDE.search(rest)
    if aside is not None:
        rest = rest[: aside.start()]
    out = rest.split()
    if not 4 <= len(out) <= 30:
        return ""
    head = [w.lower() for w in out[:5]]
    if "that" in head:
        out = out[head.index("that") + 1 :]
    clause = " ".join(out).rstrip(",.;:")
    if len(clause.split()) < 3 or clause.count('"') % 2 or clause.count("“") != clause.count("”"):
        return ""
    return clause
