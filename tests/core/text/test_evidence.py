"""Resolving evidence quotes to exact spans and sentences."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.text.article import Article, ArticleMeta, load_article, split_sentences
from quiz.core.text.evidence import Evidence, EvidenceAmbiguous, EvidenceIndex, EvidenceNotFound
from quiz.core.text.loader import ArticleLoader
from quiz.core.text.prepared import PreparedArticles

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "s400-second-batch.txt"


def make_index(text: str) -> EvidenceIndex:
    article = Article(Path("a.txt"), ArticleMeta(), split_sentences(text))
    return EvidenceIndex(article)


@pytest.fixture(scope="module")
def index() -> EvidenceIndex:
    return EvidenceIndex(load_article(SEED))


def labels(index: EvidenceIndex, indices: tuple[int, ...]) -> list[str]:
    return [index.article.sentences[i - 1].label for i in indices]


# --- found once ------------------------------------------------------------------------------


def test_found_once(index: EvidenceIndex) -> None:
    quote = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
    found = index.resolve(quote)
    text = index.article.text
    assert found == Evidence(quote, text.index(quote), text.index(quote) + len(quote), (6,))
    assert text[found.start : found.end] == quote
    assert labels(index, found.sentences) == ["¶5 s1"]


def test_found_with_straight_quotes_against_curly_text(index: EvidenceIndex) -> None:
    found = index.resolve("Washington imposed sanctions on Turkey's Defense Industry Directorate")
    assert index.article.text[found.start : found.end] == (
        "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
    )
    found = index.resolve('CBS News\' "Face the Nation"')
    assert index.article.text[found.start : found.end] == "CBS News’ “Face the Nation”"
    assert labels(index, found.sentences) == ["¶3 s1"]


def test_quote_with_other_spacing_and_surrounding_blanks(index: EvidenceIndex) -> None:
    found = index.resolve("  the  second\nbatch. ")
    assert index.article.text[found.start : found.end] == "the second batch."
    assert labels(index, found.sentences) == ["¶6 s1"]


def test_quote_spanning_two_sentences(index: EvidenceIndex) -> None:
    found = index.resolve("broader defense systems. Turkey, a NATO ally")
    assert labels(index, found.sentences) == ["¶2 s1", "¶2 s2"]
    assert found.sentences == (2, 3)
    assert index.article.text[found.start : found.end] == (
        "broader defense systems. Turkey, a NATO ally"
    )


def test_quote_spanning_a_paragraph_break_touches_both_sentences() -> None:
    text = "He left early.\n\nShe stayed late."
    found = make_index(text).resolve("left early. She stayed")
    assert found.sentences == (1, 2)
    assert text[found.start : found.end] == "left early.\n\nShe stayed"


def test_whole_sentence(index: EvidenceIndex) -> None:
    sentence = index.article.sentences[12]
    found = index.resolve(sentence.text)
    assert (found.start, found.end, found.sentences) == (sentence.start, sentence.end, (13,))


@pytest.mark.parametrize(
    ("quote", "label"),
    [("Putin", "¶9 s1"), ("Vladimir Putin", "¶9 s1"), ("CAATSA", "¶7 s2"), ("rift", "¶1 s1")],
)
def test_short_quotes(index: EvidenceIndex, quote: str, label: str) -> None:
    found = index.resolve(quote)
    assert index.article.text[found.start : found.end] == quote
    assert labels(index, found.sentences) == [label]


# --- not found -------------------------------------------------------------------------------


def test_not_found_gives_closest_passage(index: EvidenceIndex) -> None:
    quote = "Washington imposed sanctions on Turkey’s Defence Industry Directorate"
    with pytest.raises(EvidenceNotFound) as caught:
        index.resolve(quote)
    assert caught.value.quote == quote
    assert caught.value.closest is not None
    sentence, passage = caught.value.closest
    assert sentence.label == "¶5 s1"
    assert passage.startswith("Washington imposed sanctions on Turkey’s Defense Industry")
    assert passage in sentence.text


def test_not_found_closest_for_a_misremembered_phrase(index: EvidenceIndex) -> None:
    with pytest.raises(EvidenceNotFound) as caught:
        index.resolve("its chief Ismail Demirr and four employees")
    assert caught.value.closest is not None
    sentence, passage = caught.value.closest
    assert sentence.label == "¶5 s1"
    assert passage == "its chief Ismail Demir and three other employees"


@pytest.mark.parametrize(
    ("quote", "label", "passage"),
    [
        ("Demirr", "¶5 s1", "Demir"),  # one word, misspelt: no word shared with the article
        ("Vladmir Puttin", "¶9 s1", "Vladimir Putin"),
        ("cheif Ismail", "¶5 s1", "chief Ismail"),  # short, one word shared
        ("Committee to Protect Jurnalists", "¶12 s1", "Committee to Protect Journalists"),
    ],
)
def test_not_found_closest_for_a_typo(
    index: EvidenceIndex, quote: str, label: str, passage: str
) -> None:
    with pytest.raises(EvidenceNotFound) as caught:
        index.resolve(quote)
    assert caught.value.closest is not None
    sentence, found = caught.value.closest
    assert (sentence.label, found) == (label, passage)


def test_closest_passage_keeps_the_punctuation_the_quote_has() -> None:
    index = make_index("Dr. Renée Kowalczyk, the chief engineer, spoke. She said “we start now.”")
    with pytest.raises(EvidenceNotFound) as caught:
        index.resolve("Kowalczik")
    assert caught.value.closest is not None
    assert caught.value.closest[1] == "Kowalczyk"  # not "Kowalczyk,"
    with pytest.raises(EvidenceNotFound) as caught:
        index.resolve("She said “we start now!”")
    assert caught.value.closest is not None
    assert caught.value.closest[1] == "She said “we start now.”"


def test_the_closest_passage_covers_the_quote_not_only_its_start() -> None:
    index = make_index("The council voted 7 to 2 on Monday to approve the repair.")
    with pytest.raises(EvidenceNotFound) as caught:
        index.resolve("voted 7-2")
    assert caught.value.closest is not None
    assert caught.value.closest[1] == "voted 7 to 2"  # not "voted 7", which loses the point


@pytest.mark.parametrize(
    "quote",
    ["xyzzy plugh", "", "   ", "the Kremlin said on Tuesday"],  # the last: only "said"
)
def test_not_found_nothing_alike(index: EvidenceIndex, quote: str) -> None:
    with pytest.raises(EvidenceNotFound) as caught:
        index.resolve(quote)
    assert caught.value.closest is None


def test_not_found_short_quote(index: EvidenceIndex) -> None:
    with pytest.raises(EvidenceNotFound):
        index.resolve("Ankara said")


# --- found more than once --------------------------------------------------------------------


def test_ambiguous_lists_places(index: EvidenceIndex) -> None:
    with pytest.raises(EvidenceAmbiguous) as caught:
        index.resolve("Erdogan")
    places = [s.label for s in caught.value.places]
    assert places == ["¶1 s1", "¶3 s1", "¶7 s1", "¶9 s1", "¶10 s1", "¶13 s1"]
    assert caught.value.quote == "Erdogan"


def test_ambiguous_two_word_quote(index: EvidenceIndex) -> None:
    with pytest.raises(EvidenceAmbiguous) as caught:
        index.resolve("December 2020")
    assert [s.label for s in caught.value.places] == ["¶5 s1", "¶7 s2"]


def test_ambiguous_twice_in_one_sentence(index: EvidenceIndex) -> None:
    with pytest.raises(EvidenceAmbiguous) as caught:
        index.resolve("NATO ally")
    assert [s.label for s in caught.value.places] == ["¶2 s2", "¶2 s2"]


def test_case_counts_in_evidence() -> None:
    text = "Intro here. We will go to the sea and we will go to the sea again. End."
    found = make_index(text).resolve("we will go to the sea")
    assert text[found.start : found.end] == "we will go to the sea"
    assert text[found.start - 4 : found.start] == "and "


def test_ambiguous_long_quote_twice_in_one_sentence_same_case() -> None:
    text = "Intro here. They will go to the sea and they will go to the sea again. End."
    with pytest.raises(EvidenceAmbiguous) as caught:
        make_index(text).resolve("will go to the sea")
    assert [s.label for s in caught.value.places] == ["¶1 s2", "¶1 s2"]


@pytest.mark.parametrize(
    ("text", "quote", "count"),
    [
        ("It said ha ha ha. Done.", "ha ha", 2),
        ("Count a b a b a now. Done.", "a b a", 2),
        ("Count a b a b a b a now. Done.", "a b a b a", 2),
    ],
)
def test_ambiguous_overlapping(text: str, quote: str, count: int) -> None:
    with pytest.raises(EvidenceAmbiguous) as caught:
        make_index(text).resolve(quote)
    assert len(caught.value.places) == count
    assert {s.label for s in caught.value.places} == {"¶1 s1"}


def test_ambiguous_across_paragraphs() -> None:
    text = "The deal was signed.\n\nLater, the deal was signed again."
    with pytest.raises(EvidenceAmbiguous) as caught:
        make_index(text).resolve("deal was signed")
    assert [s.label for s in caught.value.places] == ["¶1 s1", "¶2 s1"]


# --- articles that normalise differently -----------------------------------------------------


def test_span_maps_back_over_ligature_and_accent() -> None:
    text = "First line.\n\nThe ﬁnal cafe\u0301 report  came   out. Then more."
    found = make_index(text).resolve("report came out")
    assert text[found.start : found.end] == "report  came   out"
    found = make_index(text).resolve("The final café report")
    assert text[found.start : found.start + 5] == "The ﬁ"
    assert found.sentences == (2,)


def test_span_of_quote_ending_in_decomposed_accent() -> None:
    text = "They met at the cafe\u0301. Then left."
    found = make_index(text).resolve("met at the café")
    assert text[found.start : found.end] == "met at the cafe\u0301"


_WORDS = ("the", "U.S.", "said", "Ankara", "“No,”", "—", "sanctions", "a", "it’s", "2020.")
# Weighted so that in a long text "the" and "said" are often common words, found in more places
# than the index keeps (MOST_PLACES), and quotes made only of them must be found by a scan.
_TEXT_WORDS = _WORDS + ("the",) * 6 + ("said",) * 3


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from(_TEXT_WORDS), min_size=1, max_size=200),
    gaps=st.lists(st.sampled_from([" ", " ", "  ", "\n", "\n\n"]), min_size=200, max_size=200),
    cut=st.tuples(st.integers(0, 1600), st.integers(1, 60)),
)
def test_occurrences_agree_with_a_plain_scan(
    tmp_path_factory: pytest.TempPathFactory,
    words: list[str],
    gaps: list[str],
    cut: tuple[int, int],
) -> None:
    """Whatever word is looked up, built or read back from disk, every start is found."""
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    path = tmp_path_factory.mktemp("article") / "a.txt"
    path.write_text(text, encoding="utf-8")
    built = ArticleLoader().get(path)[1]
    folder = path.parent / "prepared"
    ArticleLoader(PreparedArticles(folder)).get(path)
    restored = ArticleLoader(PreparedArticles(folder)).get(path)[1]
    normal = built.normalized.text
    needle = normal[cut[0] : cut[0] + cut[1]].strip()
    if not needle:
        return
    expected = [i for i in range(len(normal)) if normal.startswith(needle, i)]
    assert built.occurrences(needle) == expected
    assert restored.occurrences(needle) == expected


@pytest.mark.parametrize(
    "needle",
    ["cat said the dog the cat", "the dog the", "said Ankara the dog", "dog the cat said"],
)
def test_quotes_of_common_words_are_found_everywhere(tmp_path: Path, needle: str) -> None:
    """Words in more places than the index keeps are found by their rarer neighbours, or by a
    scan when a quote has no rarer inner word; built or read back, the answer is the same."""
    text = " ".join(
        ["the cat said the dog"] * 40 + ["the cat said Ankara the dog"] + ["the cat"] * 40
    )
    path = tmp_path / "a.txt"
    path.write_text(text + "\n", encoding="utf-8")
    built = ArticleLoader().get(path)[1]
    assert built._places("the") == ()  # common: its places are not kept
    ArticleLoader(PreparedArticles(tmp_path / "prepared")).get(path)
    restored = ArticleLoader(PreparedArticles(tmp_path / "prepared")).get(path)[1]
    normal = built.normalized.text
    expected = [i for i in range(len(normal)) if normal.startswith(needle, i)]
    assert len(expected) >= 1
    assert built.occurrences(needle) == expected
    assert restored.occurrences(needle) == expected
