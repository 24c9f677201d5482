"""What the teacher chose for a class, and the command each browser tab runs.

Nothing here touches the network: :mod:`quiz.serve.network` finds addresses,
:mod:`quiz.serve.server` serves the pages.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from quiz.core.play.classroom import CLASS_ENV
from quiz.core.play.live import STATUS_ENV

SERVED_FLAG: Final = True
"""Whether tabs run ``quiz play --served`` (name asked in the app, restricted, status file).

``False`` runs ``quiz play PATH... --player student-XXXXXX`` instead: the plain app, for trying
the server with a ``quiz play`` that has no ``--served``.
"""


CODE_ALPHABET: Final = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Letters and digits of a generated join code: none that reads like another (0/O, 1/I/L)."""
CODE_LENGTH: Final = 6
"""Characters of a generated join code (about 10^9 codes; five tries a minute per address)."""
MIN_CODE_LENGTH: Final = 4
"""The shortest join code a teacher may choose (letters and digits, after normalizing)."""

MIN_COLUMNS, MAX_COLUMNS = 20, 300
"""Bounds of a tab's terminal width: a browser asking for more or less gets the bound."""
MIN_ROWS, MAX_ROWS = 10, 100
"""Bounds of a tab's terminal height."""
DEFAULT_SIZE: Final = (80, 24)
"""The terminal size of a tab that gives none (or gives nonsense)."""


def new_code() -> str:
    """A fresh join code, drawn with :mod:`secrets`."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: str) -> str:
    """A code as compared: letters and digits only, upper case (``ab-12 c`` is ``AB12C``)."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def bounded_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size from the browser, kept within the bounds; nonsense gives the default."""

    def number(value: object, default: int) -> int:
        if isinstance(value, bool):
            return default
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 6:
            return int(value)
        return default

    columns = min(max(number(width, DEFAULT_SIZE[0]), MIN_COLUMNS), MAX_COLUMNS)
    rows = min(max(number(height, DEFAULT_SIZE[1]), MIN_ROWS), MAX_ROWS)
    return columns, rows


@dataclass(frozen=True)
class ServeOptions:
    """Everything ``quiz serve`` was told: what to play, where to listen, who may join."""

    db: Path
    """The teacher's results store: every tab writes its answers here."""
    code: str
    """The join code students type before a quiz starts for them."""
    paths: tuple[str, ...] = ()
    """The banks and folders to play (absolute); empty for every known bank."""
    mode: str = "practice"
    """``practice`` or ``exam``, as ``quiz play --mode``."""
    count: int | None = None
    """Play a random subset of this many questions (``--count``)."""
    seed: int | None = None
    """Same seed, same questions and order for everyone (``--seed``)."""
    tags: tuple[str, ...] = ()
    """Only questions with these tags (``--tag``)."""
    host: str = "127.0.0.1"
    """The address to listen on; only this machine can connect unless it is changed."""
    port: int = 8000
    """The port to listen on (0: any free port, for tests)."""
    public_url: str | None = None
    """The address students open, when the computed one is not right (a proxy, a name)."""
    max_sessions: int = 40
    """At most this many app processes at once; the next visitor is told the class is full."""
    idle_minutes: float = 20.0
    """A tab without a key pressed for this long is closed (its answers are kept)."""
    tabs_per_browser: int = 2
    """At most this many tabs at once for one joined browser."""
    lobby: bool = False
    """Joined tabs wait until the teacher starts everyone together."""
    anonymous: bool = False
    """The teacher's screen starts in the projector view: no names shown."""
    extra_env: Mapping[str, str] = field(default_factory=dict)
    """More environment for every app process (tests use it for a private data folder)."""
    warm_start: bool = True
    """Fork each tab's app from a warm process with the app imported (Linux), rather than
    start a fresh Python for each: ready sooner, sharing memory."""


def app_command(options: ServeOptions, session_id: str) -> list[str]:
    """The command a browser tab runs: ``quiz play`` on the teacher's banks and settings."""
    command = [sys.executable, "-m", "quiz", "play", *options.paths]
    if SERVED_FLAG:
        command += ["--served", "--db", str(options.db)]
    else:
        command += ["--player", f"student-{session_id[:6]}"]
    command += ["--mode", options.mode]
    if options.count is not None:
        command += ["--count", str(options.count)]
    if options.seed is not None:
        command += ["--seed", str(options.seed)]
    for tag in options.tags:
        command += ["--tag", tag]
    return command


def app_environment(options: ServeOptions, status_file: Path) -> dict[str, str]:
    """What a tab's process gets on top of the server's environment."""
    env = dict(options.extra_env)
    env[STATUS_ENV] = str(status_file)
    env[CLASS_ENV] = str(status_file.parent)  # the class folder holds the tabs' status files
    env["QUIZ_DB"] = str(options.db)  # the store, also for a ``quiz play`` without ``--db``
    return env
