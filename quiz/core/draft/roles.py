"""Lower-case roles written before a name ("its chief Ismail Demir", "his Russian counterpart
Vladimir Putin"), with whose role it is where the role says "its" or "his"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quiz.core.draft.gazetteer import ROLES

if TYPE_CHECKING:
    from quiz.core.draft.mentions import Cast, Mention

_DETERMINERS = frozenset("its his her their the a an".split())
_POSSESSIVE = ("’s", "'s")


def find_roles(cast: Cast, text: str) -> None:
    """Lower-case roles before a person's name: "its chief Ismail Demir"."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in cast.mentions:
        by_sentence.setdefault(m.sentence.index, []).append(m)
    for index, group in by_sentence.items():
        earlier = by_sentence.get(index - 1, []) + group
        for m in group:
            if m.kind != "person" or m.role:
                continue
            found = role_before(text, m.sentence.start, m.start)
            if found is None:
                continue
            m.role_start, det = found
            m.role = text[m.role_start : m.start].strip().rstrip(",").strip()
            if det in ("its", "his", "her", "their"):
                # Whose role it is only when one actor of the kind stands before it: "its
                # spokesperson" after the Commerce Department and Minsk is nobody's for sure.
                wanted = ("org",) if det in ("its", "their") else ("person",)
                owners = [o for o in earlier if o.end <= m.role_start and o.kind in wanted]
                if len({o.key for o in owners}) == 1:
                    owner = owners[-1]
                    name = cast.entities[owner.key].name
                    if owner.possessor:
                        name = f"{owner.possessor}’s {name}"
                    elif text[max(owner.start - 4, 0) : owner.start].lower() == "the ":
                        name = f"the {name}"  # "the spokesperson of the Commerce Department"
                    m.owner = name


_WORDS_BEFORE = re.compile(r"(\S+)\s+$")
_FUNCTION = frozenset("with to and of for on in at by from as or but that which who".split())


def role_before(text: str, floor: int, at: int) -> tuple[int, str] | None:
    """A lower-case role ending just before ``at`` ("its chief "): its start and determiner."""
    found = _WORDS_BEFORE.search(text, floor, at)
    if found is None:
        return None
    noun = found.group(1).rstrip(",")
    if noun.lower() not in ROLES or not noun.islower():
        return None
    start = bare = found.start(1)
    capitals = True
    for _ in range(3):
        word = _WORDS_BEFORE.search(text, floor, start)
        if word is None:
            if text[floor:start].strip() == "":
                bare = start  # the sentence opens with the role: "Courier union leader X"
            break
        w = word.group(1)
        if w.lower() in _DETERMINERS or w.endswith(_POSSESSIVE):
            return word.start(1), w.lower()
        if w.lower() in _FUNCTION or not w.replace("-", "").replace(".", "").isalpha():
            break
        start = word.start(1)
        capitals = capitals and w[:1].isupper()
        if capitals:
            bare = start
    return bare, ""
