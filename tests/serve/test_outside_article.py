"""`quiz serve` refuses a bank whose article lies outside the folders named on its command line:
every browser would be shown that file (a shared bank could name any file of the machine)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from quiz.cli.main import main
from quiz.core.bank.discovery import outside_served, served_roots

from .conftest import BANK


def bank_with_article_elsewhere(tmp_path: Path, article: Path) -> Path:
    """A folder ``banks/`` holding a bank whose article is ``../elsewhere/article.txt``."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copyfile(article, elsewhere / "article.txt")
    banks = tmp_path / "banks"
    banks.mkdir()
    text = BANK.replace('article = "article.txt"', 'article = "../elsewhere/article.txt"')
    (banks / "served.toml").write_text(text, encoding="utf-8")
    return banks


def test_an_article_outside_the_named_folder_is_refused(bank: Path, tmp_path: Path) -> None:
    banks = bank_with_article_elsewhere(tmp_path, bank.parent / "article.txt")
    result = CliRunner().invoke(main, ["serve", str(banks), "--port", "0"])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "article `../elsewhere/article.txt` lies outside the folders named" in lines[0]
    assert "name its folder on the command line" in lines[0]


def test_naming_the_article_s_folder_too_lets_it_be_served(bank: Path, tmp_path: Path) -> None:
    banks = bank_with_article_elsewhere(tmp_path, bank.parent / "article.txt")
    article = tmp_path / "elsewhere" / "article.txt"
    assert outside_served(article, served_roots([str(banks)]))
    assert not outside_served(article, served_roots([str(banks), str(tmp_path / "elsewhere")]))
    assert not outside_served(article, served_roots([str(tmp_path)]))


def test_the_bundled_article_may_always_be_served() -> None:
    bundled = Path(__file__).resolve().parents[2] / "seeds" / "s400-second-batch.txt"
    assert not outside_served(bundled, served_roots([]))
    assert not outside_served(bundled, served_roots(["/nowhere-named"]))


def test_a_link_out_of_the_named_folder_is_seen_through(bank: Path, tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("A private note.\n", encoding="utf-8")
    (banks / "article.txt").symlink_to(secret)
    assert outside_served(banks / "article.txt", served_roots([str(banks)]))
