"""Finding the actors of an article: people (with their titles and roles), organisations and
places, each mention tied to one entity (a surname to the full name, ``CPJ`` to the Committee to
Protect Journalists, Ankara to Turkey)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quiz.core.draft.common import Token, fold, tokens
from quiz.core.draft.gazetteer import (
    ALIASES,
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    ORG_NOUNS,
    ORG_WORDS,
    STARTERS,
    THINGS,
    TITLES,
)
from quiz.core.draft.mentions import Cast, Entity, Kind, Mention
from quiz.core.draft.roles import find_roles
from quiz.core.text.article import Article
from quiz.core.text.sentences import Sentence

_JOINERS = frozenset("of de da di du van von der den bin ibn al el la le del dos das y".split())
_PARTICLE = re.compile(r"(?:^|(?<=[\s“\"‘'(]))(de|da|di|du|van|von|der|del|dos|bin|ibn|al|le|la) $")
"""A lowercase word that opens a surname written alone: "de Wit said" is Pieter de Wit."""
_ORG_JOINERS = frozenset("for to and the on".split())
_TITLE_JOINERS = frozenset("for of and the".split())
_DETERMINERS = frozenset("its his her their the a an".split())
_PLACE_WORDS = frozenset(
    """New North South East West Northern Southern Eastern Western Central Upper Lower Saint St
    San Santa Los Las Port Mount Lake Gulf Sea Middle Greater Cape Fort""".split()
)
_PLACE_PREPOSITIONS = frozenset("in from near at into across outside inside to via".split())
_CALENDAR = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday""".split()
)
_ABBREVIATION = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,5}|[A-Z](?:\.[A-Z])+)$")
_POSSESSIVE = ("’s", "'s")


@dataclass
class _Phrase:
    toks: list[Token]
    possessive: bool = False
    at_start: bool = False

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.toks]


def _gap(text: str, left: Token, right: Token) -> str:
    return text[left.end : right.start]


def _phrases(text: str, sentence: Sentence, toks: list[Token]) -> Iterable[_Phrase]:
    """Runs of capitalised words, joined by "of", "de" (and "for", "to" in organisation names)."""
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if not tok.capitalized or any(c.isdigit() for c in tok.text):
            i += 1
            continue
        before = text[sentence.start : tok.start].rstrip()
        at_start = not before or before[-1] in "“\"‘'(:—–-"
        run = [tok]
        possessive = tok.text.endswith(_POSSESSIVE)
        j = i + 1
        while j < n and not possessive:
            nxt = toks[j]
            gap = _gap(text, run[-1], nxt)
            if gap in ("’ ", "' ") and run[-1].text.endswith("s") and nxt.capitalized:
                run.append(nxt)  # "Independent Workers’ Union"
                j += 1
                continue
            if gap != " ":
                break
            if nxt.capitalized and not any(c.isdigit() for c in nxt.text):
                run.append(nxt)
                possessive = nxt.text.endswith(_POSSESSIVE)
                j += 1
                continue
            word = nxt.text
            joins = word in _JOINERS or (
                word in _ORG_JOINERS and any(t.text in ORG_WORDS or t.text in TITLES for t in run)
            )
            if (
                joins
                and j + 1 < n
                and toks[j + 1].capitalized
                and _gap(text, nxt, toks[j + 1]) == " "
                and not (word == "the" and run[-1].text not in ("of", "for"))
            ):
                run.append(nxt)
                j += 1
                continue
            break
        i = j
        if possessive:
            last = run[-1]
            cut = len(last.text) - 2
            run[-1] = Token(last.text[:cut], last.start, last.start + cut)
        yield _Phrase(run, possessive, at_start)


def _strip_starters(phrase: _Phrase, lowercase: set[str]) -> list[Token]:
    toks = list(phrase.toks)
    if phrase.at_start:
        orgish = any(t.text in ORG_WORDS for t in toks[1:])  # "Data Protection Commission"
        while toks and (
            toks[0].text in STARTERS or (toks[0].text.lower() in lowercase and not orgish)
        ):
            toks.pop(0)
    while toks and toks[0].text in _CALENDAR:
        toks.pop(0)
    while toks and (toks[-1].text in _CALENDAR or toks[-1].text in _JOINERS | _ORG_JOINERS):
        toks.pop()
    return toks


def _split_title(words: list[str]) -> int:
    """How many leading words are a title ("Turkish President"), 0 when none.

    A title that goes on with "for", "of" or "and" ("Under Secretary for Industry and Security
    Marcus Hale") runs up to the last two words, the name: never "Security Marcus Hale"."""
    last = -1
    for i, word in enumerate(words):
        if word in TITLES or word.rstrip(".") + "." in TITLES:
            last = i
        elif word in DEMONYMS or word in COUNTRIES or word in ALIASES:
            continue
        elif last >= 0 and word in _TITLE_JOINERS:
            tail = words[i + 1 :]
            if len(tail) >= 3 and all(w[:1].isupper() for w in tail[-2:]):
                return len(words) - 2
            return len(words) if len(tail) < 3 else last + 1
        else:
            break
    return last + 1


def _place_key(name: str) -> str | None:
    if name in ALIASES:
        return fold(ALIASES[name])
    if name in COUNTRIES:
        return fold(name)
    return None


class _Builder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.surnames: dict[str, set[str]] = {}
        self.pending: list[tuple[Token, Sentence, bool, str]] = []
        self.lowercase = {
            w for w in re.findall(r"\b[a-z][a-z’']*\b", article.text[:200_000]) if len(w) > 1
        }

    def add(self, kind: Kind, key: str, name: str, toks: list[Token], s: Sentence) -> Mention:
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(key, kind, name, toks[0].start)
        mention = Mention(
            key,
            entity.kind,
            self.text[toks[0].start : toks[-1].end],
            toks[0].start,
            toks[-1].end,
            s,
        )
        entity.mentions.append(mention)
        self.mentions.append(mention)
        return mention

    def sentence(self, s: Sentence) -> None:
        toks = tokens(s)
        index = {t.start: i for i, t in enumerate(toks)}
        for phrase in _phrases(self.text, s, toks):
            kept = _strip_starters(phrase, self.lowercase)
            if not kept:
                continue
            words = [t.text for t in kept]
            first = index[kept[0].start]
            prev = toks[first - 1].text if first > 0 else ""
            nxt_i = index.get(phrase.toks[-1].start, -1) + 1
            nxt = toks[nxt_i].text if 0 < nxt_i < len(toks) else ""
            mention = self.classify(kept, words, s, prev, nxt, phrase.possessive)
            if mention is not None and first > 0:
                before = toks[first - 1]
                if before.text.endswith(_POSSESSIVE) and before.capitalized:
                    mention.possessor = before.text[:-2]

    def classify(
        self, kept: list[Token], words: list[str], s: Sentence, prev: str, nxt: str, poss: bool
    ) -> Mention | None:
        surface = self.text[kept[0].start : kept[-1].end]
        if len(words) >= 2 and words[-1] in THINGS:
            return None  # "Entity List": a thing, not an actor
        if poss and len(words) == 1 and _place_key(surface) is None:
            return None  # "Varga’s nephew": whoever Varga is, the nephew is not him
        titled = _split_title(words)
        if 0 < titled < len(words) and _TITLE_JOINERS & set(words[:titled]):
            mention = self.person(kept[titled:], s)  # "Secretary of the Treasury Ann Lee"
            mention.role = self.text[kept[0].start : kept[titled - 1].end]
            mention.role_start = kept[0].start
            return mention
        if any(w in ORG_WORDS for w in words) or (
            len(words) == 1 and _ABBREVIATION.match(surface) and _place_key(surface) is None
        ):
            if len(words) == 1 and nxt[:1].isdigit():
                return None  # a designation such as "CAATSA 231"
            if len(words) == 1 and all(w in DEMONYMS or w in TITLES for w in words):
                return None
            return self.add("org", fold(surface), surface, kept, s)
        if prev in ORG_NOUNS and not _split_title(words):
            return self.add("org", fold(surface), surface, kept, s)
        place = _place_key(surface)
        if place is not None:
            canonical = ALIASES.get(surface, surface)
            return self.add(
                "place", place, canonical if canonical in COUNTRIES else surface, kept, s
            )
        split = titled
        if 0 < split < len(words):
            name_toks = kept[split:]
            mention = self.person(name_toks, s)
            mention.role = self.text[kept[0].start : kept[split - 1].end]
            mention.role_start = kept[0].start
            return mention
        if split:
            return None  # a title alone: "Prime Minister"
        if all(w in DEMONYMS for w in words) and (not nxt or nxt[:1].islower() or poss):
            return None
        if len(words) == 1 and words[0].endswith(("ian", "ish", "ese")) and nxt[:1].islower():
            return None
        near_place = prev in _PLACE_PREPOSITIONS and not self.text[
            max(kept[0].start - 13, 0) : kept[0].start
        ].lower().endswith("according to ")
        if (words[0] in _PLACE_WORDS and len(words) > 1) or (near_place and len(words) <= 2):
            return self.add("place", fold(surface), surface, kept, s)
        if len(words) >= 2 and all(w[:1].isupper() or w in _JOINERS for w in words):
            if words[-1].lower() in self.lowercase or words[0] in _CALENDAR:
                return None  # "Entity List", "Federal Register": a thing, not a person
            return self.person(kept, s)
        if len(words) == 1:
            self.pending.append((kept[0], s, prev in _PLACE_PREPOSITIONS, nxt))
        return None

    def person(self, toks: list[Token], s: Sentence) -> Mention:
        surface = self.text[toks[0].start : toks[-1].end]
        if len(toks) == 1:
            known = self.surnames.get(surface)
            if known and len(known) == 1:
                key = next(iter(known))
                return self.add("person", key, self.entities[key].name, toks, s)
        key = fold(surface)
        if len(toks) >= 2:
            self.surnames.setdefault(toks[-1].text, set()).add(key)
        return self.add("person", key, surface, toks, s)

    def _with_particle(self, tok: Token) -> list[Token]:
        """A surname's tokens, with the particle before it when the full name has it: "de Wit",
        not "Wit", for Pieter de Wit."""
        found = _PARTICLE.search(self.text, max(tok.start - 5, 0), tok.start)
        if found is None or f" {found.group(1)} {tok.text}" not in f" {self._name_of(tok)}":
            return [tok]
        return [Token(found.group(1), found.start(1), found.end(1)), tok]

    def _name_of(self, tok: Token) -> str:
        """The full name of the one person whose surname ``tok`` is."""
        return self.entities[next(iter(self.surnames[tok.text]))].name

    def resolve_pending(self) -> None:
        """Single capitalised words: a known surname, an abbreviation, or a place after "in"."""
        abbreviations: dict[str, str] = {}
        for entity in self.entities.values():
            if entity.abbreviation is not None:
                abbreviations[entity.abbreviation.text] = entity.key
        for tok, s, after_place_word, nxt in self.pending:
            word = tok.text
            keys = self.surnames.get(word)
            if keys and len(keys) == 1:
                key = next(iter(keys))
                self.add("person", key, self.entities[key].name, self._with_particle(tok), s)
            elif word in abbreviations:
                self.add("org", abbreviations[word], word, [tok], s)
            elif fold(word) in self.entities and self.entities[fold(word)].kind != "person":
                entity = self.entities[fold(word)]  # "Quikbite", named before as "the app Quikbite"
                self.add(entity.kind, entity.key, entity.name, [tok], s)
            elif after_place_word and word not in STARTERS and word not in HONORIFICS:
                self.add("place", fold(word), word, [tok], s)
            elif nxt in ("said", "says", "told", "added", "stated"):
                self.add("person", fold(word), word, [tok], s)
        self.mentions.sort(key=lambda m: m.start)
        for entity in self.entities.values():
            entity.mentions.sort(key=lambda m: m.start)
            entity.first = entity.mentions[0].start

    def tie_abbreviations(self) -> None:
        """``Full Name (ABBR)``: the abbreviation becomes a name of the full entity."""
        merged: dict[str, str] = {}
        by_end = {m.end: m for m in self.mentions}
        for m in list(self.mentions):
            if m.kind != "org" or not _ABBREVIATION.match(m.text):
                continue
            opening = self.text[max(m.start - 2, 0) : m.start]
            if not opening.endswith("("):
                continue
            full = by_end.get(m.start - 2) or by_end.get(m.start - 1)
            if full is None or full.key == m.key or " " not in full.text:
                continue
            if m.text.replace(".", "")[:1] != full.text[:1]:
                continue
            merged[m.key] = full.key
            self.entities[full.key].abbreviation = m
            self.entities[full.key].kind = "org"
        for old, new in merged.items():
            entity = self.entities.pop(old, None)
            if entity is None:
                continue
            for m in entity.mentions:
                m.key = new
                m.kind = "org"
            self.entities[new].mentions.extend(entity.mentions)


def find_cast(article: Article) -> Cast:
    """Every actor the article names."""
    builder = _Builder(article)
    for s in article.sentences:
        builder.sentence(s)
    builder.tie_abbreviations()
    builder.resolve_pending()
    cast = Cast(builder.entities, builder.mentions)
    find_roles(cast, article.text)
    return cast
