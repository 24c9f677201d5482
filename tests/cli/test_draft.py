"""`quiz draft` on the command line: outputs, overwriting, options, and clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomli
from click.testing import CliRunner, Result

from quiz.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
S400 = ROOT / "seeds" / "s400-second-batch.txt"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["draft", *args])


def one_line_error(result: Result) -> str:
    """The error, which must be a single `quiz: ...` line and no traceback."""
    assert result.exit_code in (1, 2), result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("quiz: "), result.output
    return lines[0]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    shutil.copy(S400, tmp_path / "Turkey S-400 Story.txt")
    shutil.copy(S400.with_name("s400-second-batch.meta.toml"), tmp_path / "x.meta.toml")
    return tmp_path / "Turkey S-400 Story.txt"


def test_default_output_beside_the_article_with_id_and_title(story: Path) -> None:
    result = run(str(story))
    assert result.exit_code == 0, result.output
    bank = story.with_suffix(".toml")
    data = tomli.loads(bank.read_text(encoding="utf-8"))
    assert data["bank"]["id"] == "turkey-s-400-story"
    assert data["bank"]["article"] == story.name
    assert data["bank"]["title"].startswith("In a statement Turkish President")
    assert "draft questions" in result.output


def test_meta_title_and_given_id_and_title(tmp_path: Path) -> None:
    shutil.copy(S400, tmp_path / "s400-second-batch.txt")
    shutil.copy(S400.with_name("s400-second-batch.meta.toml"), tmp_path)
    article = tmp_path / "s400-second-batch.txt"
    assert run(str(article)).exit_code == 0
    data = tomli.loads(article.with_suffix(".toml").read_text(encoding="utf-8"))
    assert data["bank"]["title"] == "Turkey intends to buy a second batch of Russian S-400s"
    out = tmp_path / "other.toml"
    assert (
        run(str(article), "-o", str(out), "--id", "mine-2", "--title", "My “quiz”").exit_code == 0
    )
    data = tomli.loads(out.read_text(encoding="utf-8"))
    assert (data["bank"]["id"], data["bank"]["title"]) == ("mine-2", "My “quiz”")


def test_never_overwrites_without_force(story: Path) -> None:
    bank = story.with_suffix(".toml")
    bank.write_text("mine", encoding="utf-8")
    error = one_line_error(run(str(story)))
    assert "already exists" in error and "--force" in error
    assert bank.read_text(encoding="utf-8") == "mine"
    assert run(str(story), "--force").exit_code == 0
    assert bank.read_text(encoding="utf-8").startswith("# Drafted by `quiz draft`")


def test_bad_id_is_a_usage_error(story: Path) -> None:
    assert "--id" in one_line_error(run(str(story), "--id", "Not OK"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"  \n\n \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"caf\xe9 au lait, said Ren\xe9e.", "not UTF-8"),
        (b"Hello.", "nothing to ask about"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "one-word"],
)
def test_unusable_input_gives_one_clear_line(tmp_path: Path, content: bytes, expected: str) -> None:
    article = tmp_path / "in.txt"
    article.write_bytes(content)
    assert expected in one_line_error(run(str(article)))
    assert not (tmp_path / "in.toml").exists()


def test_missing_article_and_folder(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert one_line_error(missing).endswith(
        "nope.txt: no such file; give the path of the article to draft from"
    )
    assert "folder" in one_line_error(run(str(tmp_path), "-o", str(tmp_path / "b.toml")))


def test_one_line_article_drafts(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text(
        "In March 2021, Foreign Minister Renée Dupont met U.N. envoy Dr. Jan Kubiš in Łódź.",
        encoding="utf-8",
    )
    result = run(str(article))
    assert result.exit_code == 0, result.output
    from quiz.core.bank.discovery import discover
    from quiz.core.bank.loader import load_banks

    catalog = load_banks(discover([str(tmp_path / "one.toml")]))
    assert catalog.errors == 0 and catalog.questions >= 2


@pytest.mark.parametrize(
    "text",
    [
        "北京市政府周三宣布，将在2024年投入120亿元。“我们不会退缩，”市长说。\n\n第二段。",
        "قال وزير الخارجية يوم الأربعاء إن البلاد ستفرض عقوبات جديدة.\n\nوأضاف أن القرار نهائي.",
        "Министр иностранных дел заявил в среду, что санкции будут введены.",
        "🙂 🙂 🙂\n\n\u200b\u200b",
    ],
    ids=["chinese", "arabic", "russian", "emoji"],
)
def test_other_scripts_never_crash(tmp_path: Path, text: str) -> None:
    article = tmp_path / "other.txt"
    article.write_text(text, encoding="utf-8")
    result = run(str(article))
    if result.exit_code == 0:
        from quiz.core.bank.discovery import discover
        from quiz.core.bank.loader import load_banks

        catalog = load_banks(discover([str(tmp_path / "other.toml")]))
        assert catalog.errors == 0
    else:
        one_line_error(result)


def test_an_article_not_in_english_says_drafting_is_for_english(tmp_path: Path) -> None:
    article = tmp_path / "noticia.txt"
    article.write_text(
        "El Gobierno anunció el martes nuevas sanciones contra tres empresas de transporte.\n\n"
        "Según la ministra de Exteriores, Carmen Ruiz, las compañías enviaron piezas de drones a "
        "través de Marruecos durante los últimos dos años. «No vamos a tolerarlo», dijo Ruiz.\n",
        encoding="utf-8",
    )
    error = one_line_error(run(str(article)))
    assert "noticia.txt" in error and "English text only" in error
    assert not (tmp_path / "noticia.toml").exists()


def test_max_writes_the_best_n_and_defaults_to_thirty(story: Path) -> None:
    assert run(str(story)).exit_code == 0
    questions = tomli.loads(story.with_suffix(".toml").read_text(encoding="utf-8"))["questions"]
    assert len(questions) <= 30
    out = story.with_name("five.toml")
    assert run(str(story), "-o", str(out), "--max", "5").exit_code == 0
    five = tomli.loads(out.read_text(encoding="utf-8"))["questions"]
    assert [q["id"] for q in five] == [q["id"] for q in questions[:5]]  # best first
