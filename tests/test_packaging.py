"""pyproject.toml names every package, and ships the bundled articles and banks as quiz/data/."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = {"quiz.data.seeds": "seeds", "quiz.data.questions": "questions"}


def _setuptools() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        config: dict[str, Any] = tomllib.load(file)["tool"]["setuptools"]
    return config


def test_every_package_under_quiz_is_listed() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in ROOT.glob("quiz/**/__init__.py")
    }
    listed = set(_setuptools()["packages"])
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert listed - found == set(BUNDLED)


def test_seeds_and_questions_ship_as_quiz_data() -> None:
    config = _setuptools()
    assert config["package-dir"] == BUNDLED
    data = config["package-data"]
    assert {"*.txt", "*.meta.toml"} <= set(data["quiz.data.seeds"])
    assert "**/*.toml" in data["quiz.data.questions"]
    assert all((ROOT / folder).is_dir() for folder in BUNDLED.values())
