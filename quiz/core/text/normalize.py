"""Text normalisation: the strict form evidence is matched in, and the loose form typed answers are.

Evidence form (:func:`normalize`): Unicode NFKC, curly and straight quotes and apostrophes alike,
all dashes alike, every run of white space one space. Case is kept. :class:`NormalizedText` keeps a
map from the normalised text back to the original, so a match can be highlighted where it stands.

Loose form (:func:`loose`): the evidence form, then case folded, accents dropped, punctuation
dropped; used to accept typed answers and to compare options.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

_TABLE = str.maketrans(
    {
        **{c: "'" for c in _SINGLE_QUOTES},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: "-" for c in _DASHES},
    }
)
# The same replacements, found with one search: a few ``str.replace`` calls beat ``str.translate``
# with a dict.
_PLAIN = {chr(code): plain for code, plain in _TABLE.items()}
_MARK = re.compile(f"[{re.escape(''.join(_PLAIN))}]")
_WHITESPACE = re.compile(r"\s+")
# White space runs that are not already a single space.
_ODD_WHITESPACE = re.compile(r" \s+|[^\S ]\s*")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
# For ASCII text, loose form in one table: letters lowered, digits kept, all else a space.
_ASCII_LOOSE = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 or c > 127 else 32
    for c in range(256)
)
# Letters NFKD leaves whole, as they are written without their stroke or as two letters.
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ƚ": "l", "ɨ": "i"}
    | {"æ": "ae", "œ": "oe", "þ": "th", "ĳ": "ij"}
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@dataclass(frozen=True)
class NormalizedText:
    """A text in evidence form, with the way back to the original's character offsets."""

    text: str
    """The normalised text."""
    breaks: tuple[tuple[int, int], ...]
    """Sorted ``(normalised offset, original offset)`` points; offsets move together between."""
    keys: tuple[int, ...] = ()
    """The normalised offsets of ``breaks``, for bisection (filled in when left empty)."""

    def __post_init__(self) -> None:
        if not self.keys:
            object.__setattr__(self, "keys", tuple(b[0] for b in self.breaks))

    def original_offset(self, offset: int) -> int:
        """The offset in the original text of the normalised offset ``offset``."""
        i = bisect_right(self.keys, offset) - 1
        norm_at, orig_at = self.breaks[max(i, 0)]
        return orig_at + (offset - norm_at)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` span of the normalised span ``[start, end)``."""
        keys = self.keys
        i = bisect_right(keys, start) - 1
        norm_at, orig_at = self.breaks[i if i > 0 else 0]
        first = orig_at + (start - norm_at)
        # The end maps as an offset of its own, so that a span ending in an expansion (a
        # ligature) or a composed accent ends where that character ends in the original.
        if i + 1 < len(keys) and keys[i + 1] <= end:
            return first, max(self.original_offset(end), first)
        return first, max(orig_at + (end - norm_at), first)


def _nfkc_with_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """NFKC by clusters (a base character and its combining marks), with break points."""
    if unicodedata.is_normalized("NFKC", text):
        return text, [(0, 0)]
    out: list[str] = []
    breaks: list[tuple[int, int]] = [(0, 0)]
    length = 0
    done = 0
    # An ASCII character is a cluster of its own that NFKC keeps, unless combining marks follow
    # it: only the runs of other characters (with the base before a leading mark) are walked.
    for run in _NON_ASCII.finditer(text):
        i, end = run.span()
        if i > 0 and unicodedata.combining(text[i]):
            i -= 1
        out.append(text[done:i])
        length += i - done
        while i < end:
            j = i + 1
            while j < end and _joins(text[i:j], text[j]):
                j += 1
            piece = unicodedata.normalize("NFKC", text[i:j])
            out.append(piece)
            if len(piece) != j - i:
                breaks.append((length, i))
                breaks.append((length + len(piece), j))
            length += len(piece)
            i = j
        done = end
    out.append(text[done:])
    return "".join(out), breaks


def _joins(cluster: str, char: str) -> bool:
    """Whether NFKC treats ``char`` together with the ``cluster`` before it (a combining mark,
    or a character that composes with it, such as a Hangul vowel after its consonant)."""
    if unicodedata.combining(char):
        return True
    nfkc = unicodedata.normalize
    return nfkc("NFKC", cluster + char) != nfkc("NFKC", cluster) + nfkc("NFKC", char)


def normalize_with_map(text: str) -> NormalizedText:
    """Normalise ``text`` to evidence form, keeping the map back to the original."""
    # Quote marks first as well: NFKC would turn some (´ ″) into other characters.
    nfkc, nfkc_breaks = _nfkc_with_map(_plain_marks(text))
    translated = _plain_marks(nfkc)
    pieces: list[str] = []
    ws_breaks: list[tuple[int, int]] = [(0, 0)]
    last = 0
    length = 0
    for match in _ODD_WHITESPACE.finditer(translated):
        start, end = match.span()
        pieces.append(translated[last:start])
        length += start - last
        pieces.append(" ")
        length += 1
        ws_breaks.append((length, end))
        last = end
    pieces.append(translated[last:])
    normalized = "".join(pieces)
    if len(nfkc_breaks) == 1:
        return NormalizedText(normalized, tuple(ws_breaks))
    # Compose the two maps: normalised -> NFKC text -> original.
    inner = NormalizedText(nfkc, tuple(nfkc_breaks))
    spaces = NormalizedText(normalized, tuple(ws_breaks))
    nfkc_offsets = [inner_at for _, inner_at in ws_breaks]  # increasing, like the keys
    points = sorted(
        {p for p, _ in ws_breaks} | {_back(ws_breaks, nfkc_offsets, q) for q, _ in nfkc_breaks}
    )
    composed = tuple((p, inner.original_offset(spaces.original_offset(p))) for p in points)
    return NormalizedText(normalized, composed)


def _back(breaks: list[tuple[int, int]], inner: list[int], target: int) -> int:
    """The normalised offset of an NFKC-text offset (the first one at or after it).

    ``inner`` holds the second member of each of ``breaks``, for bisection.
    """
    norm_at, inner_at = breaks[max(bisect_right(inner, target) - 1, 0)]
    return max(norm_at + (target - inner_at), 0) if inner_at <= target else 0


def normalize(text: str) -> str:
    """``text`` in evidence form: NFKC, quotes and dashes alike, white space runs as one space."""
    if text.isascii():  # NFKC keeps ASCII as it is, and only ` is a mark to make plain
        if "`" in text:
            text = text.replace("`", "'")
        return text if text.isprintable() and "  " not in text else _WHITESPACE.sub(" ", text)
    text = _plain_marks(text)  # before NFKC too, which turns some marks (´ ″) into others
    if not unicodedata.is_normalized("NFKC", text):
        text = _plain_marks(unicodedata.normalize("NFKC", text))
    if text.isprintable() and "  " not in text:
        return text  # every white space character but " " is unprintable: none to change
    return _WHITESPACE.sub(" ", text)


def _plain_marks(text: str) -> str:
    """``text.translate(_TABLE)``: quotes, apostrophes and dashes made plain, only faster."""
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    for char in set(_MARK.findall(text)):  # only the marks it has: usually none, or one or two
        text = text.replace(char, _PLAIN[char])
    return text


def loose(text: str) -> str:
    """``text`` in loose form: case, accents, punctuation and spacing do not count.

    Apostrophes go without a trace (``O'Neil``, ``ONeil``); letters that are not a plain letter
    with a mark are written as one (``Ł`` as ``l``, ``Æ`` as ``ae``).
    """
    if text.isascii():  # no accents, and all normalize() would change is punctuation or spacing
        return b" ".join(text.encode().translate(_ASCII_LOOSE, b"'`").split()).decode()
    folded = unicodedata.normalize("NFKD", normalize(text).casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(_LETTERS)
    return " ".join(_PUNCTUATION.sub(" ", folded.replace("'", "")).split())


# Every ASCII byte but letters, digits and the separator \x01.
_NOT_ALNUM = bytes(c for c in range(128) if c != 1 and not chr(c).isalnum())


def surely_distinct_loose(values: Sequence[str]) -> bool:
    """Whether ASCII ``values`` differ even with only their letters and digits compared, case
    ignored: then their :func:`loose` forms differ too. One pass over all of them; ``False``
    means only that :func:`loose` must decide."""
    joined = "\x01".join(values)
    if not joined.isascii():
        return False
    # All but letters, digits and separators deleted; the loose table then lowers the letters
    # and makes each separator a space, the only one left. A value holding the separator makes
    # more pieces than values. A value with neither letters nor digits has an empty skeleton
    # (its loose form is empty, so it is compared in evidence form), unlike any other but an
    # empty skeleton.
    skeletons = joined.encode().translate(_ASCII_LOOSE, _NOT_ALNUM).split(b" ")
    return len(skeletons) == len(values) == len(set(skeletons))
