"""Whether to go on with an unfinished quiz before starting a new one on the same topic."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.core.bank.catalog import Bank
from quiz.core.errors import safe_text
from quiz.core.results.records import AttemptRecord
from quiz.tui.screens.confirm import ConfirmScreen


def resume_question(record: AttemptRecord, banks: Sequence[Bank]) -> str:
    """What the player is asked about ``record``: its topics and how far it went."""
    titles = ", ".join(b.info.title for b in banks if b.id in record.banks)
    return safe_text(
        f"{record.player}, you have an unfinished quiz ({titles}): {record.answered_so_far} of "
        f"{len(record.order)} answered. Resume it? (escape goes back)"
    )


class ResumeScreen(ConfirmScreen):
    """Offers to resume ``record``: ``True`` resumes it, ``False`` starts a new quiz, and
    ``None`` (escape) starts nothing."""

    def __init__(self, record: AttemptRecord, banks: Sequence[Bank]) -> None:
        super().__init__(resume_question(record, banks), yes="Resume", no="Start a new quiz")
        self.record = record
        """The attempt offered."""
