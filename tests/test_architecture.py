"""docs/architecture.md against the code: every wing it names exists, every module is in one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
QUIZ = ROOT / "quiz"
OUTSIDE_WINGS = {"quiz/__init__.py", "quiz/__main__.py"}
"""The package itself and ``python -m quiz``, which only calls the command line."""


def _wing_rows() -> list[str]:
    """The first cells of the table under "The wings"."""
    section = DOC.read_text(encoding="utf-8").split("## The wings", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [row.split("|")[1] for row in rows[1:]]  # past the header row


def wings() -> list[str]:
    """The wing folders the page names (``quiz/core/text/``)."""
    rows = [row for row in _wing_rows() if "leaves" not in row]
    return [name for row in rows for name in re.findall(r"`(quiz/[\w/]+/)`", row)]


def leaves() -> list[str]:
    """The shared leaf modules the page names, as paths."""
    row = next(row for row in _wing_rows() if "leaves" in row)
    folder = re.search(r"`(quiz/[\w/]+/)`", row)
    assert folder is not None
    cells = DOC.read_text(encoding="utf-8").split(row, 1)[1].split("\n", 1)[0]
    return [folder.group(1) + name for name in re.findall(r"`(\w+\.py)`", cells)]


def test_the_page_names_the_wings_the_issue_asks_for() -> None:
    named = wings()
    for wing in ("text", "bank", "play", "results", "draft"):
        assert f"quiz/core/{wing}/" in named
    assert {"quiz/cli/", "quiz/tui/", "quiz/serve/"} <= set(named)


def test_every_wing_named_exists_and_says_what_it_holds() -> None:
    for wing in wings():
        init = ROOT / wing / "__init__.py"
        assert init.is_file(), f"{wing} is named in docs/architecture.md but is no package"
        assert init.read_text(encoding="utf-8").startswith('"""'), f"{init} has no docstring"


def test_every_leaf_named_exists() -> None:
    named = leaves()
    assert "quiz/core/errors.py" in named
    for leaf in named:
        assert (ROOT / leaf).is_file(), f"{leaf} is named in docs/architecture.md but missing"


def strays(paths: list[str]) -> list[str]:
    """Those of ``paths`` (``quiz/...py``) in no wing of the page and not a named leaf."""
    folders = wings()
    named = set(leaves()) | OUTSIDE_WINGS | {"quiz/core/__init__.py"}
    return [p for p in paths if p not in named and not any(p.startswith(f) for f in folders)]


def test_every_module_is_in_a_wing_or_a_named_leaf() -> None:
    paths = [p.relative_to(ROOT).as_posix() for p in (ROOT / "quiz").rglob("*.py")]
    assert len(paths) > 50
    assert strays(paths) == [], "modules in no wing of docs/architecture.md"


def test_a_module_outside_the_wings_is_found() -> None:
    # The rule above really tells a stray apart: a new module at the root of core, or beside
    # the package, is in no wing.
    found = strays(["quiz/core/stray.py", "quiz/stray.py", "quiz/core/text/article.py"])
    assert found == ["quiz/core/stray.py", "quiz/stray.py"]


APP_LIMIT = 250
"""Lines ``quiz/tui/app.py`` may hold: it wires the screens, the flow lives in ``playing.py``."""

MODULE_LIMIT = 400
"""Lines any module of ``quiz/`` may hold."""


def lines_of(path: Path) -> int:
    """How many lines ``path`` holds."""
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_app_module_only_wires() -> None:
    assert lines_of(QUIZ / "tui" / "app.py") <= APP_LIMIT


def test_no_module_grows_past_the_limit() -> None:
    too_long = {
        str(path.relative_to(QUIZ)): lines_of(path)
        for path in QUIZ.rglob("*.py")
        if lines_of(path) > MODULE_LIMIT
    }
    assert too_long == {}
