"""Articles prepared once (split, normalised, word-indexed) and kept on disk by content hash.

Preparing a long article costs far more than checking a bank against it (about 80 ms for 1 MB,
against a few milliseconds to read the prepared form back), and a teacher checks a bank again
and again while the article stays the same. An entry is named by the SHA-256 of the article's
bytes and this program's preparation code, so an edited article or a changed splitter never
meets a stale entry; an unreadable or corrupt entry is prepared afresh and rewritten.

Hashing still reads the whole article (about a millisecond for 1 MB), so each article file's
digest is also remembered with the file's stamp: device, inode, size, and modification and
change times. While the stamp is the same the file is not read at all, and its text is read only
if a message or the game needs it. The change time moves on every write and cannot be set back,
but two writes within one tick of the clock may share it, so (as git does for its index) a stamp
is only remembered for a file left unchanged for :data:`SETTLED_NS`. On Windows the change time
is the creation time: there every article is hashed.

An entry is the marshalled index followed by the normalised text in UTF-8. When that text is
ASCII, as most English articles are once quotes and dashes are plain, it is not read into a
string: the file is memory-mapped and quotes are compared with its bytes where they lie. Entries
are only ever replaced whole (written aside, then renamed), never rewritten in place, which a
mapped file could not survive.
"""

from __future__ import annotations

import marshal
import mmap
import os
import time
from array import array
from collections.abc import Callable
from functools import partial
from pathlib import Path

from quiz import __version__
from quiz.core.errors import QuizError
from quiz.core.files import replace_whole
from quiz.core.text.article import (
    Article,
    ArticleMeta,
    article_text,
    decode_text,
    read_article,
    split_sentences,
)
from quiz.core.text.evidence import EvidenceIndex
from quiz.core.text.normalize import NormalizedText
from quiz.core.text.sentences import Sentences

FORMAT = 5
KEEP = 32
"""How many prepared articles are kept; the least recently written go first."""
SETTLED_NS = 2_000_000_000
"""How long a file must have been left unchanged for its stamp to be trusted."""
_CODE = ("article.py", "sentences.py", "normalize.py", "evidence.py", "prepared.py")


def _code_key() -> str:
    """What the preparation depends on besides the text: format, version and code files."""
    here = Path(__file__).parent
    parts = [str(FORMAT), __version__]
    for name in _CODE:
        try:
            stat = (here / name).stat()
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(name)
    return "|".join(parts)


class PreparedArticles:
    """Prepared articles kept in ``folder``, one file per article text."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _entry_path(self, digest: str) -> Path:
        return self.folder / f"{_sha256(f'{digest}|{_code_key()}'.encode())[:32]}.marshal"

    def prepare(self, path: Path, meta: ArticleMeta) -> EvidenceIndex:
        """The evidence index (and with it the split article) of the article file ``path``:
        from disk when kept, else made and kept. A :class:`~quiz.core.errors.QuizError` if the
        article is unusable."""
        stat = _stat(path)
        if stat is not None and (digest := self._remembered(path, stat)) is not None:
            text_of = partial(_text_if_unchanged, path, _stamp(stat))
            restored = self._read(self._entry_path(digest), path, meta, text_of)
            if restored is not None:
                return restored
        data = read_article(path)
        digest = _sha256(data)
        entry = self._entry_path(digest)
        # Only text that decoded and split has an entry: its decoding can wait until needed.
        restored = self._read(entry, path, meta, partial(decode_text, data))
        if restored is None:
            restored = EvidenceIndex(Article(path, meta, split_sentences(article_text(path, data))))
            self._write(entry, restored)
        if stat is not None and time.time_ns() - stat.st_ctime_ns > SETTLED_NS:
            self._remember(path, stat, digest)
        return restored

    def _stamp_path(self, path: Path) -> Path:
        return self.folder / "stamps" / _sha256(str(path).encode())[:32]

    def _remembered(self, path: Path, stat: os.stat_result) -> str | None:
        """The digest remembered for ``path`` if its stamp is still ``stat``'s."""
        try:
            kept_path, stamp, digest = self._stamp_path(path).read_text("utf-8").split("\n")
        except (OSError, ValueError):
            return None
        return digest if kept_path == str(path) and stamp == _stamp(stat) else None

    def _remember(self, path: Path, stat: os.stat_result, digest: str) -> None:
        where = self._stamp_path(path)
        record = f"{path}\n{_stamp(stat)}\n{digest}"
        try:
            if where.read_text("utf-8") == record:
                return
        except (OSError, ValueError):
            pass
        replace_whole(where, record.encode())

    def _read(
        self, entry: Path, path: Path, meta: ArticleMeta, text_of: Callable[[], str]
    ) -> EvidenceIndex | None:
        try:
            with entry.open("rb") as file:
                data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            base = 8 + int.from_bytes(data[:8], "little")
            if base > len(data):
                return None
            with memoryview(data) as view:
                saved = marshal.loads(view[8:base])
            spans = [array("i", saved["sentences"][n]) for n in range(4)]
            keys = array("i", saved["keys"])
            offsets = array("i", saved["offsets"])
            words = saved["words"]
            if not isinstance(words, dict) or len(keys) != len(offsets) or not keys:
                return None

            def normalized() -> NormalizedText:
                breaks = tuple(zip(keys, offsets, strict=True))
                return NormalizedText(data[base:].decode(), breaks, tuple(keys))

            article = Article(path, meta, Sentences.deferred(text_of, *spans))
            if saved["ascii"]:  # quotes are checked against the mapped bytes
                return EvidenceIndex.restore(article, normalized, words, (data, base))
            return EvidenceIndex.restore(article, normalized(), words)
        except Exception:  # a missing, stale or corrupt entry is simply prepared again
            return None

    def _write(self, entry: Path, index: EvidenceIndex) -> None:
        """Keep ``index``: its parts marshalled, then its normalised text as UTF-8 (so that
        an ASCII text can be used where it lies in the file, mapped into memory)."""
        sentences = index.article.sentences
        spans = (sentences.starts, sentences.ends, sentences.paragraphs, sentences.numbers)
        normalized = index.normalized
        header = marshal.dumps(
            {
                "sentences": [array("i", span).tobytes() for span in spans],
                "keys": array("i", normalized.keys).tobytes(),
                "offsets": array("i", (b[1] for b in normalized.breaks)).tobytes(),
                "words": index.word_places(),
                "ascii": normalized.text.isascii(),
            }
        )
        size = len(header).to_bytes(8, "little")
        if replace_whole(entry, size, header, normalized.text.encode()):
            self._prune()

    def _prune(self) -> None:
        """Keep the :data:`KEEP` entries written last (an edited article leaves its old one),
        and as many stamps."""
        try:
            for pattern in ("*.marshal", "stamps/*"):
                kept = sorted(self.folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
                for old in kept[:-KEEP]:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a folder that cannot be tidied only costs room


def _sha256(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex."""
    import hashlib  # here: playing from the bank cache never prepares an article

    return hashlib.sha256(data).hexdigest()


def _stat(path: Path) -> os.stat_result | None:
    """The article file's status, when its stamp can be trusted (not on Windows)."""
    if os.name == "nt":
        return None
    try:
        return path.stat()
    except OSError:
        return None  # read_article says what is wrong


def _stamp(stat: os.stat_result) -> str:
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}"


def _text_if_unchanged(path: Path, stamp: str) -> str:
    """The text of the article file ``path``, which must still have ``stamp``: its sentences
    were split from the text that had it."""
    try:
        with path.open("rb") as file:
            data = file.read()
            same = _stamp(os.fstat(file.fileno())) == stamp
    except OSError:
        same = False
    if not same:
        raise QuizError(f"{path}: the article changed while in use; run the command again")
    return decode_text(data)
