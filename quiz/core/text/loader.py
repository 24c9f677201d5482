"""Articles and their evidence indexes, loaded once per file however many banks cite them."""

from __future__ import annotations

from pathlib import Path

from quiz.core.errors import QuizError
from quiz.core.files import resolved
from quiz.core.text.article import Article, load_article, load_meta
from quiz.core.text.evidence import EvidenceIndex
from quiz.core.text.prepared import PreparedArticles


class ArticleLoader:
    """Articles and their evidence indexes, loaded once per file however many banks cite them.

    With ``prepared``, an article prepared in an earlier run is read back rather than split and
    indexed again.
    """

    def __init__(self, prepared: PreparedArticles | None = None) -> None:
        self._loaded: dict[Path, tuple[Article, EvidenceIndex] | QuizError] = {}
        self._prepared = prepared

    def _load(self, path: Path) -> tuple[Article, EvidenceIndex]:
        if self._prepared is None:
            article = load_article(path)
            return article, EvidenceIndex(article)
        index = self._prepared.prepare(path, load_meta(path))
        return index.article, index

    def get(self, path: Path) -> tuple[Article, EvidenceIndex]:
        """The article at ``path`` and its index; a :class:`QuizError` if it is unusable."""
        key = resolved(path)
        if key not in self._loaded:
            try:
                self._loaded[key] = self._load(path)
            except QuizError as exc:
                self._loaded[key] = exc
        found = self._loaded[key]
        if isinstance(found, QuizError):
            raise found
        return found


def default_articles() -> ArticleLoader:
    """An article loader keeping prepared articles in the user data directory."""
    from quiz.core.locations import data_dir

    return ArticleLoader(PreparedArticles(data_dir() / "cache" / "articles"))
