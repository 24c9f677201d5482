"""Evidence form, loose form, and the map from normalised offsets back to the original."""

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.text.normalize import loose, normalize, normalize_with_map

# --- evidence form ---------------------------------------------------------------------------


def test_nfkc() -> None:
    assert normalize("the ﬁnal ﬂag") == "the final flag"
    assert normalize("ＡＢＣ１２３") == "ABC123"
    assert normalize("x\u00b2 \u2460") == "x2 1"
    assert normalize("cafe\u0301") == "caf\u00e9"


@pytest.mark.parametrize("mark", [*"‘’‚‛′ʼ`´"])
def test_single_quotes_alike(mark: str) -> None:
    assert normalize(f"Turkey{mark}s") == "Turkey's"


@pytest.mark.parametrize("mark", [*"“”„‟«»″"])
def test_double_quotes_alike(mark: str) -> None:
    assert normalize(f"{mark}x{mark}") == '"x"'


@pytest.mark.parametrize(
    "mark", list("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
)
def test_dashes_alike(mark: str) -> None:
    assert normalize(f"S{mark}400") == "S-400"


def test_curly_and_straight_text_normalise_the_same() -> None:
    assert normalize("Russia’s “Face the Nation” — 2020") == normalize(
        'Russia\'s "Face the Nation" - 2020'
    )


def test_whitespace_runs_become_one_space() -> None:
    assert normalize("a  b\t\tc\n\nd \u00a0 e\r\nf") == "a b c d e f"
    # Leading and trailing runs become one space too (they are not stripped).
    assert normalize("  a  ") == " a "


def test_case_is_kept() -> None:
    assert normalize("NATO Ally") == "NATO Ally"


def test_plain_text_unchanged() -> None:
    text = "In December 2020, Washington imposed sanctions."
    assert normalize(text) == text
    assert normalize("") == ""


# --- the offset map --------------------------------------------------------------------------


def span_of(original: str, needle: str) -> str:
    """The original text under the first match of ``needle`` in the normalised text."""
    norm = normalize_with_map(original)
    at = norm.text.index(needle)
    start, end = norm.original_span(at, at + len(needle))
    return original[start:end]


def test_map_without_changes_is_identity() -> None:
    norm = normalize_with_map("plain text")
    assert norm.text == "plain text"
    assert norm.original_span(2, 7) == (2, 7)
    assert norm.original_offset(9) == 9


def test_map_over_whitespace_runs() -> None:
    original = "a  \n\t b   c"
    norm = normalize_with_map(original)
    assert norm.text == "a b c"
    assert span_of(original, "b") == "b"
    assert span_of(original, "c") == "c"
    assert span_of(original, "a b c") == original
    assert norm.original_offset(2) == original.index("b")


def test_map_after_quote_and_dash_translation() -> None:
    original = "Russia’s S–400 “deal”"
    assert span_of(original, "S-400") == "S–400"
    assert span_of(original, '"deal"') == "“deal”"


def test_map_after_ligature() -> None:
    original = "the ﬁnal word"
    norm = normalize_with_map(original)
    assert norm.text == "the final word"
    assert span_of(original, "final") == "ﬁnal"
    assert span_of(original, "word") == "word"
    assert span_of(original, "the") == "the"


def test_map_after_several_expansions() -> None:
    original = "Ⅻ ﬃ  done ½ more"
    norm = normalize_with_map(original)
    assert norm.text == "XII ffi done 1⁄2 more"
    assert span_of(original, "done") == "done"
    assert span_of(original, "more") == "more"
    assert span_of(original, "ffi done") == "ﬃ  done"


def test_map_after_combining_accent() -> None:
    original = "cafe\u0301 au lait, cre\u0300me"
    norm = normalize_with_map(original)
    assert norm.text == "caf\u00e9 au lait, cr\u00e8me"
    assert span_of(original, "au lait") == "au lait"
    assert span_of(original, "cr") == "cr"


def test_empty_span() -> None:
    norm = normalize_with_map("a  b")
    assert norm.original_span(2, 2) == (3, 3)


def test_map_span_ending_in_a_ligature() -> None:
    assert span_of("a ﬁ b", "a fi") == "a ﬁ"
    assert span_of("x½ y", "1⁄2") == "½"


def test_map_span_ending_in_a_composed_accent() -> None:
    assert span_of("le cafe\u0301 noir", "le café") == "le cafe\u0301"


def test_map_text_equals_normalize_for_conjoining_jamo() -> None:
    text = "\u1100\u1161 x"  # ᄀ + ᅡ, which NFKC composes to 가
    assert normalize_with_map(text).text == normalize(text)


SIMPLE = st.text(alphabet=st.sampled_from(list("ab. \t\n\r\u00a0’“”—-")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(SIMPLE, st.data())
def test_map_round_trip_without_nfkc_changes(text: str, data: st.DataObject) -> None:
    norm = normalize_with_map(text)
    assert norm.text == normalize(text)
    if not norm.text:
        return
    i = data.draw(st.integers(0, len(norm.text) - 1))
    j = data.draw(st.integers(i + 1, len(norm.text)))
    start, end = norm.original_span(i, j)
    assert 0 <= start <= end <= len(text)
    assert normalize(text[start:end]) == norm.text[i:j]


LATIN = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aeoAEO. \t\n’“—½①²Ⅻﬁﬃ\u00a0\u212b")),
        st.characters(min_codepoint=0x300, max_codepoint=0x36F),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(LATIN)
def test_map_text_is_the_normal_form(text: str) -> None:
    norm = normalize_with_map(text)
    assert norm.text == normalize(text)
    assert norm.original_offset(0) == 0
    assert norm.original_span(0, len(norm.text))[0] == 0
    assert norm.original_offset(len(norm.text)) == len(text)


# --- loose form ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ismail Demir", "ismail demir"),
        ("Ismail Demir", "  ISMAIL   DEMIR "),
        ("Défense", "defense"),
        ("naïve café", "naive cafe"),
        ("S-400", "S 400"),
        ("Turkey’s", "Turkey's"),
        ("“Face the Nation”", "face the nation"),
        ("U.S.", "U S"),
        ("Straße", "strasse"),
        ("ﬁnal", "final"),
    ],
)
def test_loose_equal(a: str, b: str) -> None:
    assert loose(a) == loose(b)


def test_loose_values() -> None:
    assert loose("  Café  DÉJÀ-vu, “naïve”!  ") == "cafe deja vu naive"
    assert loose("S-400") == "s 400"
    assert loose("snake_case") == "snake case"
    assert loose("?!...") == ""
    assert loose("") == ""


@pytest.mark.parametrize(("a", "b"), [("Demir", "Demirel"), ("2020", "2021"), ("US", "UN")])
def test_loose_different(a: str, b: str) -> None:
    assert loose(a) != loose(b)


# The evidence form as documented, done the slow and obvious way.
_REFERENCE_TABLE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)


def reference_normalize(text: str) -> str:
    # The table applies before NFKC (which would rewrite ´ and ″) and after it.
    marked = text.translate(_REFERENCE_TABLE)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", marked).translate(_REFERENCE_TABLE))


MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aZ.'\"` \t\n\r\x0b\x0c\u00a0\u2003\u2028ﬁ½’“—–−")),
        st.characters(),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_normalize_matches_reference(text: str) -> None:
    assert normalize(text) == reference_normalize(text)


def _loose_reference(text: str) -> str:
    """The loose form as documented, the slow and obvious way."""
    folded = unicodedata.normalize("NFKD", normalize(text).casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    for letter, plain in {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th"}.items():
        folded = folded.replace(letter, plain)
    return " ".join(re.sub(r"[^\w\s]|_", " ", folded.replace("'", "")).split())


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_loose_ascii_table_agrees_with_the_documented_form(text: str) -> None:
    assert loose(text) == _loose_reference(text)


@given(st.text(alphabet=st.sampled_from(list("aZ'’` .-ŁłØøÆæŒœÞþéü")), max_size=20))
def test_loose_agrees_with_the_documented_form_on_letters_and_apostrophes(text: str) -> None:
    assert loose(text) == _loose_reference(text)


@pytest.mark.parametrize(
    ("written", "typed"),
    [("Łukasz Żółć", "Lukasz Zolc"), ("Øster", "Oster"), ("O’Neil", "ONeil"), ("Æsir", "aesir")],
)
def test_loose_forgives_letters_with_strokes_and_apostrophes(written: str, typed: str) -> None:
    assert loose(written) == loose(typed)
