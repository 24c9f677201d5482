"""An article, split into paragraphs and sentences with stable numbers and character spans.

An article is a UTF-8 text file whose paragraphs are separated by blank lines. Its metadata lives
once, beside it, in ``<name>.meta.toml``. Sentences are numbered ``¶p sN`` (paragraph, sentence,
both from 1) and by a global index from 1, and carry their ``[start, end)`` span in the text.

The splitter is rule-based: it breaks after ``.``, ``!`` or ``?`` (and any closing quotes) when
white space and a capital, digit or opening quote follow, except after a known abbreviation
(``Dr.``, ``U.S.``, ``Jan.``), an initial (``J. Smith``), or inside a quotation, so that a quote of
several sentences stays one unit with its speaker.
"""

from __future__ import annotations

import os
import re
import stat
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from quiz.core.errors import QuizError
from quiz.core.text.sentences import Sentence, Sentences

MAX_ARTICLE_BYTES = 5 * 1024 * 1024

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_LINE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
# A candidate end: terminal punctuation, closing quotes/brackets, then white space.
_CANDIDATE = re.compile(r"[.!?…؟]+[\"'”’)\]»›]*(?=\s)|[。！？]+[」』\"'”’)\]»›]*")
"""What may end a sentence: a stop before white space, or a full-width stop (Chinese and
Japanese put no space after one)."""
_NEXT_START = re.compile(r"\s*([\"'“‘(\[「『«‹]*)(\S)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD = re.compile(r"\S+")

TITLES = frozenset(
    "mr mrs ms dr prof gen sen rep gov lt col capt cmdr sgt st jr sr rev fr pres maj adm hon"
    " mt ft dept est approx vs etc inc corp co ltd bros".split()
)
# Abbreviations only before a number: "No. 5", "Vol. 2".
NUMBERED = frozenset("no nos vol fig art ch sec p pp".split())
MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# After a dotted acronym (U.S., U.N.) a new sentence is assumed only before these words.
_STARTERS = frozenset(
    "the a an it he she they we i in on at but this that these those there his her its their"
    " our as after before when while however meanwhile yet so if".split()
)


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about where an article comes from; ``None`` means not known."""

    title: str | None = None
    """The headline, or a title given by whoever added the article."""
    outlet: str | None = None
    """The publication."""
    author: str | None = None
    """Who wrote it."""
    date: str | None = None
    """When it was published (as written in the meta file)."""
    url: str | None = None
    """Where it was found."""
    note: str | None = None
    """Anything else worth saying, such as why the fields above are unknown."""
    unknown: tuple[tuple[str, int], ...] = ()
    """Keys of the meta file that are none of the above, each with its line: they are ignored
    (``quiz check`` warns of them)."""


META_KEYS = ("title", "outlet", "author", "date", "url", "note")
"""The keys a meta file may hold."""


class MetaError(QuizError):
    """An article's meta file that cannot be used, with the line at fault where known."""

    def __init__(self, meta: Path, line: int | None, what: str) -> None:
        self.meta = meta
        """The meta file."""
        self.line = line
        """1-based line at fault, or ``None`` for the whole file."""
        self.what = what
        """What is wrong with it (and how to fix it)."""
        where = str(meta) if line is None else f"{meta}:{line}"
        super().__init__(f"{where}: {what} (or delete {meta.name})")


@dataclass(frozen=True)
class Article:
    """An article's text, its metadata and its sentences."""

    path: Path
    """The text file."""
    meta: ArticleMeta
    """Title, outlet, date and URL where known."""
    sentences: Sentences = field(repr=False)
    """Every sentence, in order."""

    @property
    def text(self) -> str:
        """The whole text, as read (evidence is checked against it as it is)."""
        return self.sentences.text

    @property
    def title(self) -> str:
        """The title from the metadata, else the headline the text opens with, else the file
        name."""
        return self.meta.title or self.headline or self.path.stem

    @property
    def headline(self) -> str | None:
        """The first paragraph when it reads as a headline: one short line, not ending like a
        sentence, with more text after it."""
        sentences = self.sentences
        if len(sentences) < 2 or sentences.paragraphs[1] == 1:
            return None
        first = sentences[0].text
        if len(first) > 120 or "\n" in first or first[-1] in ".!?:;,…":
            return None
        return first

    @property
    def paragraphs(self) -> int:
        """How many paragraphs the article has."""
        return self.sentences[-1].paragraph if self.sentences else 0

    def read_text(self) -> None:
        """Read the text now if its reading was put off (see :meth:`Sentences.deferred`): a
        :class:`QuizError` if the file changed since it was split."""
        _ = self.sentences.text

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding character ``offset`` (the nearest one before it otherwise)."""
        return self.sentences[self.sentences.position_at(offset)]


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """The ``[start, end)`` spans of the non-blank paragraphs of ``text``, stripped.

    Paragraphs are separated by blank lines; in a text with none, whose every line but the
    first (a headline) ends a sentence, as text copied from a web page often is, by line
    breaks. (Lines of a text wrapped by hand end mid-sentence, and are not paragraphs.)
    """
    breaks = _PARAGRAPH_BREAK
    if breaks.search(text) is None and _lines_end_sentences(text):
        breaks = _LINE_BREAK
    last = 0
    for match in breaks.finditer(text):
        yield from _stripped(text, last, match.start())
        last = match.end()
    yield from _stripped(text, last, len(text))


def _lines_end_sentences(text: str) -> bool:
    """Whether ``text`` has several lines and each after the first ends a sentence."""
    lines = [line for line in (raw.strip() for raw in text.splitlines()) if line]
    return len(lines) > 2 and all(_LINE_END.search(line) for line in lines[1:])


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _is_abbreviation(text: str, start: int, dot: int, next_word: str) -> bool:
    """Whether the period at ``dot`` ends an abbreviation rather than a sentence."""
    # Searched for in the last few characters only: searching from ``start`` costs a regex try
    # at every character of the sentence so far. The whole span is searched when that found a
    # word that may go on further back.
    near = max(start, dot - 32)
    before = _WORD_BEFORE.search(text, near, dot)
    if before is not None and before.start() == near > start:
        before = _WORD_BEFORE.search(text, start, dot)
    if before is None:
        return False
    word = before.group(1).lstrip("\"'“‘(")
    bare = word.rstrip(".").lower()
    if bare in TITLES or bare in MONTHS:
        return True
    if bare in NUMBERED:
        return next_word[:1].isdigit()
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Smith"
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        # a dotted acronym: U.S. or U.N. ends a sentence only before a usual first word
        return next_word.lower() not in _STARTERS
    return False


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the paragraph ``text[start:end]`` into sentence spans."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    quote_depth = 0
    scan = start
    for match in _CANDIDATE.finditer(text, start, end):
        quote_depth = _quote_depth(text, scan, match.end(), quote_depth)
        scan = match.end()
        if quote_depth > 0:
            continue
        follow = _NEXT_START.match(text, match.end(), end)
        if follow is None:
            continue
        first = follow.group(2)
        # A sentence starts with a capital, a digit or a quotation mark; in a script without
        # capitals (Arabic, Chinese), with any letter; after a full-width stop, with anything.
        if not (
            first.isupper()
            or first.isdigit()
            or follow.group(1)
            or (first.isalpha() and not first.islower())
            or match.group()[0] in "。！？"
        ):
            continue
        word = _WORD.match(text, follow.start(2), end)
        next_word = word.group().strip(".,;:\"'”’") if word else ""
        if match.group().startswith(".") and _is_abbreviation(
            text, sentence_start, match.start(), next_word
        ):
            continue
        spans.append((sentence_start, match.end()))
        sentence_start = follow.start(1)
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def _quote_depth(text: str, start: int, end: int, depth: int) -> int:
    """The quotation depth after ``text[start:end]``, starting from ``depth``."""
    segment = text[start:end]
    depth = max(depth + segment.count("“") - segment.count("”"), 0)
    if segment.count('"') % 2:
        depth = 0 if depth else 1
    return depth


def split_sentences(text: str) -> Sentences:
    """Every sentence of ``text``, numbered by paragraph and globally."""
    starts, ends, paragraphs, numbers = array("i"), array("i"), array("i"), array("i")
    for paragraph, (p_start, p_end) in enumerate(paragraph_spans(text), start=1):
        spans = split_paragraph(text, p_start, p_end)
        for s_start, s_end in spans:
            starts.append(s_start)
            ends.append(s_end)
        paragraphs.extend([paragraph] * len(spans))
        numbers.extend(range(1, len(spans) + 1))
    return Sentences(text, starts, ends, paragraphs, numbers)


def meta_path(article_path: Path) -> Path:
    """Where the metadata of ``article_path`` lives: ``name.meta.toml`` beside it."""
    return article_path.with_name(article_path.stem + ".meta.toml")


def article_text(path: Path, data: bytes) -> str:
    """The text of the article file ``path`` read as ``data`` (see :func:`read_article`); a
    :class:`QuizError` if it is not UTF-8 or holds no text."""
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        raise QuizError(
            f"{path}: article is not UTF-8 (bad byte at offset {exc.start}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise QuizError(f"{path}: article is empty; put the article's text in the file")
    return text


def decode_text(data: bytes) -> str:
    """UTF-8 ``data`` as text, without a byte-order mark and with every line ending ``\\n``
    (see :func:`article_text` for the checks around it)."""
    text = data.decode("utf-8-sig")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def load_meta(path: Path) -> ArticleMeta:
    """The metadata beside the article at ``path``, or empty metadata where there is none; a
    :class:`MetaError` if the meta file cannot be read or is not UTF-8 TOML."""
    mpath = meta_path(path)
    try:
        raw = mpath.read_bytes()
    except FileNotFoundError:
        return ArticleMeta()
    except OSError as exc:
        what = f"cannot read it ({exc.strerror}); check its permissions"
        raise MetaError(mpath, None, what) from None
    import tomli

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        what = f"bytes that are not UTF-8 (at byte {exc.start}); save it as UTF-8"
        raise MetaError(mpath, line, what) from None
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        from quiz.core.tomlfile.syntax import describe

        raise MetaError(mpath, *describe(exc, text)) from None
    known = {name: data.get(name) for name in META_KEYS}
    values = {
        k: v.isoformat() if isinstance(v, (date, datetime)) else str(v)
        for k, v in known.items()
        if isinstance(v, (str, int, float, date, datetime)) and v != ""
    }
    unknown: tuple[tuple[str, int], ...] = ()
    if not data.keys() <= set(META_KEYS):
        from quiz.core.tomlfile.lines import scan

        top = scan(text).top
        unknown = tuple((key, top.line(key)) for key in data if key not in META_KEYS)
    return ArticleMeta(**values, unknown=unknown)


ARTICLE_SUFFIXES = (".txt", ".md")
"""What an article file's name ends in: it is a text file, not whatever a path can name."""


def read_article(path: Path) -> bytes:
    """The bytes of the article file at ``path``; a :class:`QuizError` if it cannot be read or
    is plainly not a text file (see :func:`article_text` for its text).

    Its kind and size are known before a byte is read, and no more than the limit and one byte
    is ever read: a device (``/dev/zero``), a pipe that never ends or a gigabyte is refused,
    not read.
    """
    try:
        # Non-blocking, so that opening a named pipe does not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise QuizError(f"{path}: article not found; check the bank's article path") from None
    except IsADirectoryError:
        raise QuizError(f"{path}: article is a folder; name the article's .txt file") from None
    except OSError as exc:
        raise QuizError(
            f"{path}: cannot read article ({exc.strerror}); check permissions"
        ) from None
    try:
        _refuse_what_is_no_article(path, os.fstat(fd))
        file = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with file:
        try:
            data = file.read(MAX_ARTICLE_BYTES + 1)
        except OSError as exc:
            raise QuizError(
                f"{path}: cannot read article ({exc.strerror}); check permissions"
            ) from None
    if len(data) > MAX_ARTICLE_BYTES:  # it grew since it was measured
        raise QuizError(f"{path}: article is over 5 MB; split it or cut it to the story")
    if b"\x00" in data:
        raise QuizError(f"{path}: article is not a text file; give a UTF-8 .txt file")
    return data


def _refuse_what_is_no_article(path: Path, mode: os.stat_result) -> None:
    """A :class:`QuizError` for a file that is no article, known from its status alone."""
    if stat.S_ISDIR(mode.st_mode):
        raise QuizError(f"{path}: article is a folder; name the article's .txt file")
    if not stat.S_ISREG(mode.st_mode):
        raise QuizError(
            f"{path}: article is not a regular file (a device, pipe or socket); "
            "give a UTF-8 .txt file"
        )
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise QuizError(
            f"{path}: an article is a .txt or .md text file; save the article's text as one"
        )
    if mode.st_size > MAX_ARTICLE_BYTES:
        raise QuizError(f"{path}: article is over 5 MB; split it or cut it to the story")


def load_article(path: Path) -> Article:
    """Read, decode and split the article at ``path``; a :class:`QuizError` if it is unusable."""
    text = article_text(path, read_article(path))
    return Article(path=path, meta=load_meta(path), sentences=split_sentences(text))
