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
