"""What the teacher sees while a class plays: one line per player, from the tabs' status files.

A served app writes ``{"player": ..., "answered": N, "finished": false}`` to the file named by
``QUIZ_SERVE_STATUS`` whenever it changes (an atomic replace). A file that is missing, half
written or odd is read as "no news yet". Pure: no network, no Textual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from quiz.core.play.classroom import PlayerLine, name_key

MAX_STATUS_BYTES = 4096
"""A status file larger than this is ignored."""
MAX_NAME = 40
"""Characters of a player's name shown."""


@dataclass(frozen=True)
class PlayerStatus:
    """What one tab's app last said about its player."""

    player: str
    """The name the player typed (empty before they typed it)."""
    answered: int
    """Questions answered so far."""
    finished: bool
    """Whether the attempt is over."""
    attempt: str = ""
    """The attempt's id (empty before it started)."""
    score: float = 0.0
    """Points earned so far."""
    waiting: bool = False
    """Whether the player waits in the lobby."""


def _number(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def read_status(path: Path) -> PlayerStatus | None:
    """The status in ``path``, or None when there is none (yet) or it makes no sense."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_STATUS_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_STATUS_BYTES:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    player, answered, finished = data.get("player"), data.get("answered"), data.get("finished")
    if not isinstance(player, str) or isinstance(answered, bool) or not isinstance(answered, int):
        return None
    name = " ".join("".join(ch for ch in player if ch.isprintable()).split())[:MAX_NAME]
    attempt = data.get("attempt")
    attempt = attempt if isinstance(attempt, str) and len(attempt) <= 64 else ""
    score = max(_number(data.get("score")), 0.0)
    return PlayerStatus(
        name, max(answered, 0), finished is True, attempt, score, data.get("waiting") is True
    )


RosterLine = PlayerLine
"""One player's line (the core's :class:`~quiz.core.play.classroom.PlayerLine`)."""


class Roster:
    """The tabs of a class, open and closed, and what their status files say."""

    def __init__(self, status_dir: Path) -> None:
        """Follow the status files in ``status_dir``."""
        self.status_dir = status_dir
        """Where the tabs' status files are."""
        self._open: dict[str, int] = {}
        self._last: dict[str, PlayerStatus] = {}
        self._order = 0

    def status_file(self, session_id: str) -> Path:
        """The status file of tab ``session_id``."""
        return self.status_dir / f"{session_id}.json"

    def joined(self, session_id: str) -> None:
        """A tab opened."""
        self._order += 1
        self._open[session_id] = self._order

    def left(self, session_id: str) -> None:
        """A tab closed: keep its last status, forget its file."""
        self._read(session_id)
        self._open.pop(session_id, None)
        self.status_file(session_id).unlink(missing_ok=True)

    @property
    def connected(self) -> int:
        """Tabs open now."""
        return len(self._open)

    def _read(self, session_id: str) -> PlayerStatus | None:
        status = read_status(self.status_file(session_id))
        if status is not None:
            self._last[session_id] = status
        return self._last.get(session_id)

    def lines(self) -> list[RosterLine]:
        """One line per player, by name, then the tabs still waiting for a name."""
        by_player: dict[str, RosterLine] = {}
        nameless: list[RosterLine] = []
        for session_id in list(self._last) + [s for s in self._open if s not in self._last]:
            status = self._read(session_id) if session_id in self._open else None
            status = status or self._last.get(session_id)
            connected = session_id in self._open
            if status is None or not status.player:
                if connected:
                    nameless.append(RosterLine("", 0, False, True, tab=session_id))
                continue
            line = RosterLine(
                status.player,
                status.answered,
                status.finished,
                connected,
                status.score,
                status.attempt,
                status.waiting,
                session_id,
            )
            key = name_key(status.player)
            earlier = by_player.get(key)
            if earlier is None or connected or not earlier.connected:
                by_player[key] = line
        return [by_player[k] for k in sorted(by_player)] + nameless

    def summary(self) -> str:
        """``3 playing, 1 left``."""
        lines = self.lines()
        playing = sum(line.connected for line in lines)
        left = len(lines) - playing
        return f"{playing} connected, {left} left" if left else f"{playing} connected"
