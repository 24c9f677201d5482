"""What a served class shares between the server and its tabs: the names taken, and the phase.

``quiz serve`` runs one app process per browser tab; they and the server meet in a private folder
(``QUIZ_SERVE_CLASS``):

- ``names/``: one file per name taken in this class, made at once (a hard link of a finished
  file, so a second tab claiming the same name a moment later always sees the first claim, whole).
  Names match whatever their case and spacing (:func:`name_key`): "casey" is "Casey".
- ``phase.json``: what the teacher said last: ``lobby`` (tabs wait), ``playing`` or ``ended``
  (no new answers), and whether joining is still open. Only the server writes it.

Pure: files only, no network, no Textual.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, get_args

from quiz.core.files import read_capped, replace_whole
from quiz.core.play.session import resume_code

CLASS_ENV = "QUIZ_SERVE_CLASS"
"""The environment variable naming the class folder, for each tab's app."""
MAX_FILE = 4096
"""A class file larger than this is ignored."""
NAME_TAKEN = "that name is taken in this class: type your resume code, or another name"
"""What a tab is told when its player's name belongs to someone else in the class."""
NAME_REMOVED = "the teacher removed that name from this class"
"""What a tab is told when its player's name was removed by the teacher."""

Phase = Literal["lobby", "playing", "ended"]
PHASES: tuple[str, ...] = get_args(Phase)


def name_key(name: str) -> str:
    """The name as compared: compatibility-normalized, case-folded, without any spacing."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(frozen=True)
class Claim:
    """A name taken in the class."""

    player: str
    """The name as its player typed it first."""
    tab: str
    """The tab that holds it now."""
    attempt: str = ""
    """The attempt played under it (empty until it starts)."""
    removed: bool = False
    """Whether the teacher removed this player from the class."""


@dataclass(frozen=True)
class ClassState:
    """What the teacher said last."""

    phase: Phase = "playing"
    """``lobby``: joined tabs wait; ``playing``; ``ended``: no new answers."""
    joining: bool = True
    """Whether new students may still join."""


@dataclass(frozen=True)
class PlayerLine:
    """One player (or one tab whose player has not typed a name yet)."""

    player: str
    """The player's name; empty while the tab waits for it."""
    answered: int
    """Questions answered in the player's latest tab."""
    finished: bool
    """Whether that attempt is over."""
    connected: bool
    """Whether the player has a tab open now."""
    score: float = 0.0
    """Points earned so far in that attempt."""
    attempt: str = ""
    """That attempt's id (empty before it started)."""
    waiting: bool = False
    """Whether the player waits in the lobby."""
    tab: str = ""
    """The tab the line was last read from."""

    @property
    def state(self) -> str:
        """``playing``, ``waiting``, ``left``, ``finished`` or ``finished, left``."""
        if self.finished:
            return "finished" if self.connected else "finished, left"
        if not self.connected:
            return "left"
        return "waiting" if self.waiting else "playing"

    @property
    def resume_code(self) -> str:
        """The code that resumes the player's attempt (empty before it started)."""
        return resume_code(self.attempt) if self.attempt else ""

    def describe(self, width: int = 20) -> str:
        """``Ana            5 answered  playing``."""
        name = self.player or "(typing a name)"
        state = self.state
        answered = f"{self.answered} answered"
        return f"{name:<{width}} {answered:>12}  {state}"


@dataclass(frozen=True)
class ClassEvent:
    """Something the teacher should know: a tab refused or closed, a player removed."""

    at: str
    """When, as ``HH:MM:SS`` local time."""
    text: str
    """What happened, one line."""


@dataclass(frozen=True)
class ClassView:
    """What the teacher's screen shows of the class at one moment."""

    url: str
    """The address students open."""
    code: str
    """The join code."""
    db: str
    """The results store every tab writes to."""
    state: ClassState
    """What the teacher said last."""
    players: tuple[PlayerLine, ...]
    """One line per player (and per tab still without a name)."""
    events: tuple[ClassEvent, ...]
    """The latest events, oldest first."""
    max_sessions: int
    """Tabs allowed at once."""


def _read_json(path: Path) -> dict[str, object] | None:
    try:
        raw = read_capped(path, MAX_FILE)
        data = json.loads(raw) if len(raw) <= MAX_FILE else None
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _claim_of(data: dict[str, object] | None) -> Claim | None:
    """The claim a claim file held, or None when it holds none."""
    if data is None:
        return None
    player, tab, attempt = data.get("player"), data.get("tab"), data.get("attempt", "")
    if not isinstance(player, str) or not isinstance(tab, str) or not isinstance(attempt, str):
        return None
    return Claim(player, tab, attempt, data.get("removed") is True)


class ClassFolder:
    """The shared folder of one served class."""

    def __init__(self, path: Path) -> None:
        """Use the folder ``path`` (made by the server; tabs never make it)."""
        self.path = path
        """The folder."""

    @property
    def _names(self) -> Path:
        return self.path / "names"

    def _claim_file(self, name: str) -> Path:
        digest = hashlib.sha256(name_key(name).encode("utf-8")).hexdigest()[:32]
        return self._names / f"{digest}.json"

    # Names -----------------------------------------------------------------------------------

    def claimed(self, name: str) -> Claim | None:
        """Who holds ``name`` (in any case and spacing), or None when it is free."""
        return _claim_of(_read_json(self._claim_file(name)))

    def claim(self, name: str, tab: str) -> Claim | None:
        """Take ``name`` for ``tab``: None when taken now, else the claim that holds it already.

        Taking is atomic: of two tabs claiming the same name at once, exactly one gets it.
        """
        self._names.mkdir(exist_ok=True)
        target = self._claim_file(name)
        draft = self._names / f".{secrets.token_hex(8)}.tmp"
        draft.write_text(json.dumps(asdict(Claim(name, tab))), encoding="utf-8")
        try:
            os.link(draft, target)
        except FileExistsError:
            return self.claimed(name) or Claim(name, "")
        finally:
            draft.unlink(missing_ok=True)
        return None

    def update(self, name: str, claim: Claim) -> None:
        """Replace the claim on ``name`` (a tab took it over with the resume code, an attempt
        started, the teacher removed the player)."""
        self._names.mkdir(exist_ok=True)
        target = self._claim_file(name)
        replace_whole(target, json.dumps(asdict(claim)).encode(), make_folder=False)

    def tab_open(self, tab: str) -> bool:
        """Whether tab ``tab`` is still open: its status file (``<tab>.json`` here, written by the
        tab) is there until the server sees the tab close."""
        return (self.path / f"{tab}.json").exists()

    def claims(self) -> list[Claim]:
        """Every name taken, in no particular order."""
        paths = sorted(self._names.glob("*.json")) if self._names.is_dir() else []
        return [claim for path in paths if (claim := _claim_of(_read_json(path))) is not None]

    # The phase ---------------------------------------------------------------------------------

    def state(self) -> ClassState:
        """What the teacher said last (a class nobody spoke to is playing, open to join)."""
        data = _read_json(self.path / "phase.json") or {}
        phase = data.get("phase")
        joining = data.get("joining")
        return ClassState(
            phase if isinstance(phase, str) and phase in PHASES else "playing",  # type: ignore[arg-type]
            joining if isinstance(joining, bool) else True,
        )

    def set_state(self, state: ClassState) -> None:
        """Tell every tab (only the server calls this)."""
        replace_whole(self.path / "phase.json", json.dumps(asdict(state)).encode())
