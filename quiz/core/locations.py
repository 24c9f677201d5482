"""Where things live: the bundled articles and banks, the user's banks, the results store."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "factquiz"


def bundled_root() -> Path:
    """The folder holding ``seeds/`` and ``questions/``: inside the installed package, or the
    repository root when running from a checkout."""
    package = Path(__file__).resolve().parents[1]  # quiz/, above core/
    installed = package / "data"
    if (installed / "questions").is_dir():
        return installed
    return package.parent


def bundled_questions() -> Path:
    """The bundled question banks."""
    return bundled_root() / "questions"


def bundled_seeds() -> Path:
    """The bundled articles."""
    return bundled_root() / "seeds"


def data_dir() -> Path:
    """The user data directory (``QUIZ_HOME`` overrides it, for tests and classrooms)."""
    override = os.environ.get("QUIZ_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_banks() -> Path:
    """The folder where a user's own banks are found."""
    return data_dir() / "banks"


def default_db() -> Path:
    """The results store: ``QUIZ_DB`` if set, else ``results.sqlite`` in the data directory."""
    override = os.environ.get("QUIZ_DB")
    return Path(override) if override else data_dir() / "results.sqlite"
