"""Quotations and their speakers: "“...,” said X", "X said: “...”", a quotation that goes on in the
next sentence or paragraph, and reported speech ("X said Ankara intends to ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.core.draft.common import Draft, fold, rotate, separate, shorten
from quiz.core.draft.context import Context
from quiz.core.draft.gazetteer import ROLES
from quiz.core.draft.mentions import Mention
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
_NP_END = re.compile(
    r"\s+(?:on|in|at|to|during|after|before|when|who|which|that|about|for|from|with|as|in)\s|—|–"
)
_REPORTED = re.compile(
    rf"\s(?:also\s+)?(?:(?:{_SURE})(?:,|\s+that)?|(?:{_LOOSE})\s+that)\s+(?P<clause>[^“”\"]+)$"
)
_BETWEEN = re.compile(r"^(?:\s*,[^,]{1,40},|\s*,)?\s*(?:also\s+)?$")
_PRONOUNS = frozenset("he she they it".split())
_OF_CHAIN = re.compile(r"^,?\s+(?:of|at|from|with)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}$")
_OBJECT_OF = re.compile(r"\b(?:in|of|from|at|for|near|across|around)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Quotation:
    """A direct quotation."""

    start: int
    """Offset of its opening mark."""
    end: int
    """Offset just past its closing mark."""
    sentence: Sentence
    """The sentence it starts in."""
    last: Sentence
    """The sentence it ends in."""

    def inner(self, text: str) -> str:
        """The quoted words, without marks or a trailing comma."""
        return text[self.start + 1 : self.end - 1].strip().rstrip(",").strip()


@dataclass(frozen=True)
class Speaker:
    """Who said it, as the options name it, and where the article names it so."""

    name: str
    """The name or role, as written: "Erdogan", "State Department spokesperson"."""
    key: str
    """Same speaker, same key."""
    start: int
    """Offset of the name."""
    end: int
    """Offset just past it."""
    kind: str = ""
    """person, org or place when the speaker is a named actor; "" for a role alone."""


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
                gives=ctx.shown(s, prompt),
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
            speaker = _speaker(ctx, m.start("np"), m.end("np"), q, previous)
            if speaker is not None:
                return "quotes/said-after", speaker, (q.start, max(speaker.end, m.end()))
    head_start = q.sentence.start
    for pattern in (_BEFORE, _ACCORDING):
        m = pattern.search(text, head_start, q.start)
        if m:
            speaker = _speaker(ctx, m.start("np"), m.end("np"), q, previous)
            if speaker is not None:
                return "quotes/said-before", speaker, (_near(speaker, m.start("np")), q.end)
    for m in _ANYWHERE.finditer(text, q.sentence.start, q.start):
        speaker = _speaker(ctx, m.start("np"), m.end("np"), q, previous)
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


def _speaker(
    ctx: Context, start: int, end: int, q: Quotation, previous: tuple[Quotation, Speaker] | None
) -> Speaker | None:
    """The speaker named by the noun phrase ``text[start:end]`` (cut at a preposition)."""
    text = ctx.article.text
    cut = _NP_END.search(text, start, end)
    if cut:
        end = cut.start()
    np = text[start:end].strip()
    if not np or len(np.split()) > 6:
        return None
    start = text.index(np, start)
    end = start + len(np)
    mentions = [m for m in ctx.cast.in_span(start, end) if m.kind in ("person", "org", "place")]
    words = np.split()
    role = words[-1].lower() in ROLES or words[-1].lower() in ("official", "officials", "source")
    if role:
        named = _apposed(ctx, start, end)
        if named is not None:
            return named  # "its spokesperson, Daniel Pryce": one actor, asked by the name
    if mentions and not (role and mentions[-1].end < end):
        m = _main(ctx, mentions)
        return _named(ctx, m)
    if role:
        first = words[0].lower()
        if first in ("the", "a", "an", "its", "his", "her", "their") and len(words) > 1:
            if first == "the" and previous is not None and previous[1].name.endswith(words[-1]):
                return previous[1]
            if first != "the" or _role_of_someone(ctx, words[-1]):
                return None  # "its spokesperson" may be anyone; the named one is asked by name
            known = _earlier_role(ctx, words[-1], start)
            if known is not None:
                return known
            words = words[1:]
            start = text.index(words[0], start)
        if _role_of_someone(ctx, words[-1]):
            return None  # a named person holds this role: the role is that person, not another
        if words[0][:1].isupper() or len(words) > 1:
            name = text[start:end]
            return Speaker(name, fold(name), start, end)
    pronoun = words[0].lower() in _PRONOUNS and len(words) == 1
    if pronoun:
        return _pronoun(ctx, words[0].lower(), q, previous)
    return None


def _named(ctx: Context, m: Mention) -> Speaker:
    return Speaker(m.text, m.key, m.start, m.end, ctx.cast.entities[m.key].kind)


def _apposed(ctx: Context, start: int, end: int) -> Speaker | None:
    """The person named beside a role, set off by a comma: "its spokesperson, Daniel Pryce" or
    "Daniel Pryce, its spokesperson"."""
    text = ctx.article.text
    after = re.match(r",\s*", text[end : end + 3])
    if after:
        at = end + after.end()
        for m in ctx.cast.in_span(at, at + 80):
            if m.start == at and m.kind == "person":
                return _named(ctx, m)
    floor = max(start - 4, 0)
    before = re.search(r",\s*$", text[floor:start])
    if before:
        at = floor + before.start()
        for m in ctx.cast.in_span(max(at - 80, 0), at):
            if m.end == at and m.kind == "person":
                return _named(ctx, m)
    return None


def _role_of_someone(ctx: Context, noun: str) -> bool:
    """Whether the article names a person with the role ``noun`` ("spokesperson")."""
    noun = noun.lower()
    return any(
        m.kind == "person" and m.role and m.role.split()[-1].lower() == noun
        for m in ctx.cast.mentions
    )


def _pronoun(
    ctx: Context, pronoun: str, q: Quotation, previous: tuple[Quotation, Speaker] | None
) -> Speaker | None:
    """Who "he said" or "it said" is: the one person (or, for "it", organisation) named in this
    paragraph and the one before, else the last speaker if no one else was named since, else
    nobody (a quotation left out rather than given to a guess)."""
    found = one_named(ctx, pronoun, q.sentence, q.start)
    if found is not None or previous is None:
        return found
    if q.sentence.paragraph - previous[0].last.paragraph > 1:
        return None
    # "he said" is the last speaker only if no one else was named since: "Mayor Brekke said ...
    # “…,” he said" after a quotation of Dr. Vos is Brekke's, not hers.
    between = ctx.cast.in_span(previous[0].end, q.start)
    if any(m.kind == "person" and m.key != previous[1].key for m in between):
        return None
    wanted = "org" if pronoun == "it" else "person"
    return previous[1] if previous[1].kind == wanted else None


def one_named(ctx: Context, pronoun: str, sentence: Sentence, at: int) -> Speaker | None:
    """Who "he" or "she" (a person) or "it" (an organisation) at offset ``at`` is: the one of
    that kind named in its paragraph before it, or, when none is, in the paragraph before."""
    if pronoun not in ("he", "she", "it"):
        return None
    wanted = "org" if pronoun == "it" else "person"
    sentences = ctx.article.sentences
    i = sentence.index - 1
    for paragraph in (sentence.paragraph, sentence.paragraph - 1):
        while i > 0 and sentences[i - 1].paragraph >= paragraph:
            i -= 1
        floor = sentences[i].start
        named = [
            m
            for m in ctx.cast.in_span(floor, at)
            if m.kind == wanted and not ctx.quoted_in(m.start) and m.sentence.paragraph == paragraph
        ]
        if named:
            keys = {m.key for m in named}
            return _named(ctx, named[-1]) if len(keys) == 1 else None
        if i == 0:
            break
        i -= 1
    return None


def _main(ctx: Context, mentions: list[Mention]) -> Mention:
    """The mention that names the speaker: the first person who is not a possessor ("Professor
    Ruud Bakker of the University of Groningen", "Quikbite's counsel Tobias Lindqvist"), else the
    last actor."""
    text = ctx.article.text
    people = [
        m for m in mentions if m.kind == "person" and text[m.end : m.end + 2] not in ("’s", "'s")
    ]
    return people[0] if people else mentions[-1]


def _earlier_role(ctx: Context, noun: str, before: int) -> Speaker | None:
    """The last "X spokesperson" named before ``before``, for a later "the spokesperson"."""
    text = ctx.article.text
    pattern = re.compile(rf"(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w.’'-]*\s+){{1,4}}{re.escape(noun)})")
    found = None
    for m in pattern.finditer(text, max(before - 20_000, 0), before):
        found = m
    if found is None:
        return None
    name = found.group(1)
    return Speaker(name, fold(name), found.start(1), found.end(1))


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
    return _named(ctx, subject), (subject.start, m.start("clause"))


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
