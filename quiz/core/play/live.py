"""The live status of a player in a served classroom, for the teacher's terminal.

``quiz serve`` gives each browser tab's app a file to keep it in (``QUIZ_SERVE_STATUS``); the app
rewrites it whenever the player starts, answers or finishes, and the server reads them all.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from quiz.core.files import replace_whole

STATUS_ENV = "QUIZ_SERVE_STATUS"


@dataclass(frozen=True)
class LiveStatus:
    """Who is playing in one tab, and how far they have got."""

    player: str
    """The name the player typed."""
    answered: int
    """How many questions they have answered in this attempt."""
    finished: bool
    """Whether they have finished it."""
    attempt: str = ""
    """The attempt's id (empty while the player waits in the lobby)."""
    score: float = 0.0
    """Points earned so far."""
    max_score: float = 0.0
    """Points the whole attempt can earn."""
    waiting: bool = False
    """Whether the player waits in the lobby for the teacher to start."""


def write_status(path: Path, status: LiveStatus) -> None:
    """Replace the status file at ``path`` at once (readers never see half a file)."""
    # Not written is no error: the teacher's live line is a convenience, the answers are in the
    # store. Nor is the folder made again: the server removes it when it stops.
    replace_whole(path, json.dumps(asdict(status)).encode(), make_folder=False)
