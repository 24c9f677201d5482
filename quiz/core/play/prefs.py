"""Small things remembered between runs: the last player's name and the theme chosen."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.core.files import replace_whole


def prefs_path() -> Path:
    """The preferences file in the user data directory."""
    from quiz.core.locations import data_dir

    return data_dir() / "prefs.json"


def read_prefs(path: Path | None = None) -> dict[str, str]:
    """Everything remembered (only text values); an unreadable file counts as nothing."""
    try:
        data = json.loads((path or prefs_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def remember(key: str, value: str, path: Path | None = None) -> None:
    """Remember ``value`` as ``key``, keeping the rest; failing to write it is not worth an
    error."""
    data = read_prefs(path)
    if data.get(key) != value:
        data[key] = value
        replace_whole(path or prefs_path(), json.dumps(data).encode())


def remember_player(name: str, path: Path | None = None) -> None:
    """Remember ``name`` as the last player."""
    remember("last_player", name, path)
