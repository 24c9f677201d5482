"""Fixtures shared by the test folders."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "s400-second-batch.txt"


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A folder holding ``article.txt`` and ``article.meta.toml``: copies of the bundled article."""
    shutil.copyfile(SEED_ARTICLE, tmp_path / "article.txt")
    shutil.copyfile(
        SEED_ARTICLE.with_name("s400-second-batch.meta.toml"), tmp_path / "article.meta.toml"
    )
    return tmp_path


@pytest.fixture
def quiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder of the test's own, never the user's, for the test and every
    command or app process it starts. The app, end-to-end and serve tests use it for every
    test (see their conftest)."""
    home = tmp_path / "quiz-home"
    monkeypatch.setenv("QUIZ_HOME", str(home))
    monkeypatch.delenv("QUIZ_DB", raising=False)
    return home
