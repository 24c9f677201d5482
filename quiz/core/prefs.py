"""Small things remembered between runs, such as the last player's name."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.core.files import replace_whole


def prefs_path() -> Path:
    """The preferences file in the user data directory."""
    from quiz.locations import data_dir

    return data_dir() / "prefs.json"


def last_player(path: Path | None = None) -> str:
    """The name last used to play, or ``""``; an unreadable file counts as none."""
    try:
        data = json.loads((path or prefs_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    name = data.get("last_player") if isinstance(data, dict) else None
    return name if isinstance(name, str) else ""


def remember_player(name: str, path: Path | None = None) -> None:
    """Remember ``name`` as the last player; failing to write it is not worth an error."""
    replace_whole(path or prefs_path(), json.dumps({"last_player": name}).encode())
