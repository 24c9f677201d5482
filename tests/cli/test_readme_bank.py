"""README's bank example works where README says to put it: the banks folder `quiz list` names."""

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = ROOT / "seeds" / "s400-second-batch.txt"


def readme_bank() -> str:
    """The TOML example under README's "Writing a bank"."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Writing a bank", 1)[1]
    found = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert found is not None
    return found.group(1)


def banks_folder(listed: str) -> Path:
    """The folder the last line of `quiz list` names."""
    found = re.search(r"Your own banks folder: (.+?) \(", listed.splitlines()[-1])
    assert found is not None, listed
    return Path(found.group(1))


def test_quiz_list_names_the_banks_folder_and_creates_it(quiz_home: Path) -> None:
    listed = CliRunner().invoke(main, ["list"])
    assert listed.exit_code == 0, listed.output
    folder = banks_folder(listed.output)
    assert folder == quiz_home / "banks"
    assert folder.is_dir()


def test_quiz_list_says_when_the_banks_folder_cannot_be_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("QUIZ_HOME", str(blocker))
    listed = CliRunner().invoke(main, ["list"])
    assert listed.exit_code == 0, listed.output
    assert "(cannot be created:" in listed.output.splitlines()[-1]


def test_the_readme_example_checks_clean_in_the_banks_folder(quiz_home: Path) -> None:
    folder = banks_folder(CliRunner().invoke(main, ["list"]).output)
    shutil.copyfile(SEED_ARTICLE, folder / SEED_ARTICLE.name)
    (folder / "mine.toml").write_text(readme_bank(), encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", "--strict"])
    assert checked.exit_code == 0, checked.output
    assert "0 errors" in checked.output
    listed = CliRunner().invoke(main, ["list"]).output
    assert "from: " in listed and "mine.toml" in listed
