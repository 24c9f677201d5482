"""Articles prepared once (split, normalised, word-indexed) and kept on disk by content hash.

Preparing a long article costs far more than checking a bank against it (about 80 ms for 1 MB,
against a few milliseconds to read the prepared form back), and a teacher checks a bank again
and again while the article stays the same. An entry is named by the SHA-256 of the article's
bytes and this program's preparation code, so an edited article or a changed splitter never
meets a stale entry; an unreadable or corrupt entry is prepared afresh and rewritten.
"""

from __future__ import annotations

import marshal
import os
from array import array
from pathlib import Path

from quiz import __version__
from quiz.core.article import Article, ArticleMeta, Sentences, article_text, split_sentences
from quiz.core.banks import ArticleLoader
from quiz.core.evidence import EvidenceIndex
from quiz.core.normalize import NormalizedText

FORMAT = 3
KEEP = 32
"""How many prepared articles are kept; the least recently written go first."""
_CODE = ("article.py", "normalize.py", "evidence.py", "prepared.py")


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

    def _entry_path(self, data: bytes) -> Path:
        import hashlib  # here: playing from the bank cache never prepares an article

        digest = hashlib.sha256(data)
        digest.update(_code_key().encode())
        return self.folder / f"{digest.hexdigest()[:32]}.marshal"

    def prepare(self, path: Path, data: bytes, meta: ArticleMeta) -> EvidenceIndex:
        """The evidence index (and with it the split article) of the article read from ``path``
        as ``data`` (see :func:`~quiz.core.article.read_article`): from disk when kept, else
        made and kept. A :class:`~quiz.core.errors.QuizError` if the article is unusable."""
        entry = self._entry_path(data)
        restored = self._read(entry, path, data, meta)
        if restored is not None:
            return restored
        text = article_text(path, data)
        index = EvidenceIndex(Article(path, meta, split_sentences(text)))
        self._write(entry, index)
        return index

    def _read(
        self, entry: Path, path: Path, data: bytes, meta: ArticleMeta
    ) -> EvidenceIndex | None:
        try:
            saved = marshal.loads(entry.read_bytes())
            spans = [array("i", saved["sentences"][n]) for n in range(4)]
            keys = tuple(array("i", saved["keys"]))
            offsets = array("i", saved["offsets"])
            normalized = NormalizedText(
                saved["normalized"], tuple(zip(keys, offsets, strict=True)), keys
            )
            words = saved["words"]
            if not isinstance(words, dict) or not isinstance(normalized.text, str):
                return None
        except Exception:  # a missing, stale or corrupt entry is simply prepared again
            return None
        # Only text that decoded and split has an entry: its decoding can wait until needed.
        article = Article(path, meta, Sentences.undecoded(data, *spans))
        return EvidenceIndex.restore(article, normalized, words)

    def _write(self, entry: Path, index: EvidenceIndex) -> None:
        sentences = index.article.sentences
        spans = (sentences.starts, sentences.ends, sentences.paragraphs, sentences.numbers)
        normalized = index.normalized
        saved = {
            "sentences": [array("i", span).tobytes() for span in spans],
            "normalized": normalized.text,
            "keys": array("i", normalized.keys).tobytes(),
            "offsets": array("i", (b[1] for b in normalized.breaks)).tobytes(),
            "words": index.word_places(),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(saved))
            tmp.replace(entry)
            self._prune()
        except OSError:
            pass  # a folder that cannot be written only costs speed

    def _prune(self) -> None:
        """Keep the :data:`KEEP` entries written last (an edited article leaves its old one)."""
        entries = sorted(self.folder.glob("*.marshal"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)


def default_articles() -> ArticleLoader:
    """An article loader keeping prepared articles in the user data directory."""
    from quiz.locations import data_dir

    return ArticleLoader(PreparedArticles(data_dir() / "cache" / "articles"))
