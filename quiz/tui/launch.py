"""What the app does first, as the command line asks."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class Launch:
    """What the app does first."""

    start_now: bool = False
    """Go straight to the first question (needs a player)."""
    resume: bool = False
    """Resume the player's unfinished attempt without asking (else start a new one)."""
    keep: Collection[str] | None = None
    """Play only the questions with these keys (``quiz play --missed``)."""
    theme: str | None = None
    """The theme to start in (the one last chosen), if it is one of Textual's."""
    offered: str = ""
    """The previous player's name on this machine: offered on the home screen (as a
    suggestion), never filled in, so that ``enter`` does not play as someone else."""
    closed_book: bool = False
    """In an exam, the article cannot be opened before the exam is submitted."""
