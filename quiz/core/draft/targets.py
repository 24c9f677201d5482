"""Targets of sanctions and similar actions ("imposed sanctions on X, along with Y and Z",
"blacklisted X and its two subsidiaries", "banned exports to X"): ``multi`` questions whose
answers are every target named."""

from __future__ import annotations

import re

from quiz.core.draft.common import Draft, distinct, fold
from quiz.core.draft.context import Context
from quiz.core.draft.mentions import DateMention, Mention
from quiz.core.text.sentences import Sentence

# trigger -> how the prompt says it
_TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        r"(?:imposed|slapped|placed|levied|announced|introduced)\s+(?:new\s+|fresh\s+|further\s+"
        r"|additional\s+|economic\s+|financial\s+|targeted\s+)*sanctions\s+(?:on|against)",
        "impose sanctions on",
    ),
    (r"(?:has\s+|have\s+)?sanctioned", "sanction"),
    (r"(?:has\s+|have\s+)?blacklisted", "blacklist"),
    (r"(?:put|placed|added)\s+(?:sanctions\s+)?on\s+(?:its|a|the)\s+blacklist", "blacklist"),
    (
        r"banned\s+(?P<what>(?:\w+\s+){0,2}?(?:exports?|imports?|sales?|flights?|travel))\s+(?:to|from)",
        "ban {what} to",
    ),
    (r"froze\s+(?:the\s+)?assets\s+of", "freeze the assets of"),
    (r"(?:expelled|barred)", "bar"),
)
_TRIGGER = re.compile("|".join(f"(?P<t{i}>\\b{p})" for i, (p, _) in enumerate(_TRIGGERS)))
_STOP = re.compile(
    r"[.;:!?“”\"(]|\s(?:following|after|for|over|because|amid|in\s+response|as\s+part|which|who"
    r"|that|on\s+charges|under|in\s+(?:[A-Z]|19|20|early|late)|last|this|on\s+[A-Z]|saying|citing"
    r"|accused|to\s+(?!its\b))\b"
)
_SPLIT_KEEP = re.compile(r"(,?\s+(?:along\s+with|as\s+well\s+as|together\s+with|plus|and)\s+|,\s+)")
_DETS = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
MAX_ITEM_WORDS = 6
_LATER_ITEM = re.compile(
    r"(?:its|their|his|her|\d|two|three|four|five|six|seven|eight|nine|ten|several|other)\b"
)


def _has_mention(mentions: list[Mention], item: str) -> bool:
    return any(m.text in item for m in mentions)


def _possessor(text: str, m: Mention) -> bool:
    """Whether the mention is a possessor ("Sedov’s" in "Sedov’s daughter"): not the target."""
    return text[m.end : m.end + 2] in ("’s", "'s")


def _apposed(ctx: Context, listed: str, mentions: list[Mention]) -> list[str]:
    """The items of a list of targets, a descriptor and the name set beside it by a comma
    ("Sedov’s daughter, Alina Sedova") taken as one target, named by the name."""
    parts = _SPLIT_KEEP.split(listed.strip().rstrip(","))
    items, seps = parts[0::2], [*parts[1::2], ""]
    people = {
        m.text for m in mentions if m.kind == "person" and not _possessor(ctx.article.text, m)
    }
    out: list[str] = []
    for i, item in enumerate(items):
        item = item.strip()
        if not item:
            continue
        nxt = items[i + 1].strip() if i + 1 < len(items) else ""
        descriptor = item[:1].islower() or re.search(r"[’']s\s+[a-z]", item) is not None
        if seps[i].strip() == "," and nxt in people and descriptor and item not in people:
            continue  # the name that follows is the same actor
        out.append(item)
    return out


def target_questions(ctx: Context) -> list[Draft]:
    """A ``multi`` question for every sentence that names the targets of an action."""
    text = ctx.article.text
    found: list[tuple[Sentence, str, Mention | None, list[str], set[str], tuple[int, int]]] = []
    targeted: set[str] = set()
    for s in ctx.article.sentences:
        m = _TRIGGER.search(text, s.start, s.end)
        if m is None:
            continue
        index = int((m.lastgroup or "t0").lstrip("t"))
        verb = _TRIGGERS[index][1]
        what = m.groupdict().get("what")
        if what:
            verb = verb.format(what=" ".join(what.split()))
        stop = _STOP.search(text, m.end(), s.end)
        end = stop.start() if stop else s.end
        mentions = ctx.cast.in_span(s.start, s.end)
        items = _apposed(ctx, text[m.end() : end].strip(), mentions)
        names: list[str] = []
        keys: set[str] = set()
        first_name = ""
        for item in items:
            if len(item.split()) > MAX_ITEM_WORDS:
                break
            if names and not _LATER_ITEM.match(item.strip()) and not _has_mention(mentions, item):
                break  # an aside such as ", a move ..." ends the list
            name, key = _target_name(ctx, item, mentions, m.end(), end, first_name)
            if not name:
                break
            names.append(name)
            keys.add(key)
            first_name = first_name or name
        if not names:
            continue
        subject = next((x for x in reversed(mentions) if x.end <= m.start()), None)
        targeted |= keys
        found.append((s, verb, subject, names, keys, (m.start(), end)))
    dates: dict[int, list[DateMention]] = {}
    for d in ctx.dates:
        if not ctx.setting.aside(d.start):  # a dateline's date is when it was filed
            dates.setdefault(d.sentence.index, []).append(d)
    return [_question(ctx, *entry, targeted=targeted, dates=dates) for entry in found]


def _target_name(
    ctx: Context, item: str, mentions: list[Mention], lo: int, hi: int, first: str
) -> tuple[str, str]:
    """How the options name one target, and its key."""
    text = ctx.article.text
    item = item.strip().rstrip(",")
    at = text.find(item, lo, hi)
    inside = [x for x in mentions if at <= x.start and x.end <= at + len(item)] if at >= 0 else []
    inside = [x for x in inside if not _possessor(text, x)]
    people = [x for x in inside if x.kind == "person"]
    if people:
        return people[-1].text, people[-1].key
    if inside:
        main = inside[-1]
        return main.text, main.key
    bare = _DETS.sub("", item)
    if not bare or not any(c.isalpha() for c in bare):
        return "", ""
    if item.lower().startswith(("its ", "their ")) and first:
        bare = f"{first}’s {bare}"
    return bare, fold(bare)


def _subject_name(ctx: Context, subject: Mention, s: Sentence) -> str:
    """The subject as written with its article: "the U.S. Treasury Department"."""
    text = ctx.article.text
    head = text[max(s.start, subject.start - 20) : subject.start]
    found = re.search(r"\b[Tt]he\s+(?:[A-Z][\w.’'-]*\s+)?$", head)
    if subject.kind in ("org", "place") and found:
        return "the " + text[subject.start - len(head) + found.start() + 4 : subject.end]
    return subject.text


def _question(
    ctx: Context,
    s: Sentence,
    verb: str,
    subject: Mention | None,
    names: list[str],
    keys: set[str],
    span: tuple[int, int],
    targeted: set[str],
    dates: dict[int, list[DateMention]],
) -> Draft:
    names = distinct(names, 7)
    exclude = targeted | keys | ({subject.key} if subject else set())
    kinds = {ctx.cast.entities[k].kind for k in keys if k in ctx.cast.entities}
    # people for people first; companies (sanctioned as often) fill in where too few are named
    wanted_kinds = ("person", "org") if kinds == {"person"} else ("org", "person", "place")
    others = ctx.others(wanted_kinds, exclude, span[0], 16)
    wanted = max(2, min(4, 9 - len(names)))
    pool = ctx.names(others, names + ([subject.text] if subject else []), wanted)
    options = distinct(names + pool, 9)
    near = sorted(dates.get(s.index, []), key=lambda d: abs(d.start - span[0]))
    when = near[0].text if near else ""
    who = _subject_name(ctx, subject, s) if subject else "the article’s actor"
    date = ""
    if when:
        day = r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[A-Z][a-z]+\.? \d{1,2}(?!\d)|\d{1,2} [A-Z]"
        lead = "on" if re.match(day, when) else "in"
        relative = re.match(r"(?i)(last|next|this|earlier|later|yesterday|today)", when)
        date = f" {when}" if relative else f" {lead} {when}"
    prompt = f"Whom or what did {who} {verb}{{}}, according to the article? Pick every one named."
    start = min(span[0], subject.start) if subject and subject.start >= s.start else span[0]
    return Draft(
        rule="sanctions/targets",
        tag="sanctions",
        kind="multi",
        key=f"{who} {verb}",
        sentence=s,
        evidence=((start, span[1]),),
        prompt=prompt.format(date),
        plain=prompt.format("") if date else "",  # should a gap ask the date
        options=tuple(sorted(options, key=lambda o: (fold(o)[::-1], o))),
        answers=tuple(names),
        explanation=ctx.explain(s),
    )
