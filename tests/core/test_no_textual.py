"""The core and `quiz check`/`quiz list` never import Textual (a subprocess, as other tests do)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import quiz.core

ROOT = Path(__file__).resolve().parents[2]
BANK = """\
[bank]
id = "tiny"
title = "Tiny"
article = "article.txt"

[[questions]]
id = "q1"
kind = "claim"
claim = "The price is given."
verdict = "not-in-article"
explanation = "It is not."
"""

NO_TEXTUAL = (
    "import sys\n"
    "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
    "assert not loaded, loaded[:5]\n"
)


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(quiz.core.__path__, "quiz.core."))


def run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_core_modules_are_found() -> None:
    modules = core_modules()
    for name in (
        "text.article",
        "bank.loader",
        "errors",
        "text.evidence",
        "tomlfile.lines",
        "bank.model",
        "text.normalize",
        "bank.validate",
    ):
        assert f"quiz.core.{name}" in modules


def test_importing_the_core_does_not_import_textual(tmp_path: Path) -> None:
    imports = "".join(f"import {name}\n" for name in core_modules())
    result = run(imports + NO_TEXTUAL, tmp_path)
    assert result.returncode == 0, result.stderr


def test_check_and_list_do_not_import_textual(bank_dir: Path) -> None:
    (bank_dir / "bank.toml").write_text(BANK, encoding="utf-8")
    code = (
        "import os\n"
        f"os.environ['QUIZ_HOME'] = {str(bank_dir / 'home')!r}\n"
        "from click.testing import CliRunner\n"
        "from quiz.cli.main import main\n"
        "result = CliRunner().invoke(main, ['check', 'bank.toml'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert '1 bank, 1 question' in result.output, result.output\n"
        "result = CliRunner().invoke(main, ['list', 'bank.toml'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'tiny: Tiny' in result.output, result.output\n" + NO_TEXTUAL
    )
    result = run(code, bank_dir)
    assert result.returncode == 0, result.stderr


def test_the_check_detects_textual() -> None:
    # The assertion above really fails when Textual is imported.
    result = run("import textual\n" + NO_TEXTUAL, ROOT)
    assert result.returncode != 0
    assert "AssertionError" in result.stderr
