"""Which unfinished attempt a player may go on with: the one rule the app and the CLI share."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from quiz.core.bank.catalog import Bank
from quiz.core.play.session import tagged
from quiz.core.results.records import AttemptRecord, latest_unfinished
from quiz.core.results.store import ResultsStore


def resumable(
    store: ResultsStore,
    player: str,
    loaded: Sequence[Bank],
    picked: Sequence[Bank] | None = None,
    tags: Collection[str] = (),
) -> AttemptRecord | None:
    """``player``'s unfinished attempt to go on with, with its answers, or ``None``.

    Without ``picked`` (``quiz play --resume``): the latest unfinished attempt. With ``picked``
    (the banks of the topic chosen, or those named on the command line): the latest unfinished
    attempt on exactly those of them that hold a question the tag filter ``tags`` keeps, so that
    choosing one topic never offers an attempt on another. Either way, only an attempt whose
    banks are all among ``loaded`` (it can be rebuilt) and that has a question left to answer.
    """
    attempts = store.attempts(player, unfinished=True, with_answers=True)
    return offered(attempts, loaded, picked, tags)


def offered(
    attempts: Sequence[AttemptRecord],
    loaded: Sequence[Bank],
    picked: Sequence[Bank] | None = None,
    tags: Collection[str] = (),
) -> AttemptRecord | None:
    """Of a player's ``attempts`` (oldest first), the one :func:`resumable` offers to go on
    with; the home screen marks a topic by the same rule."""
    banks = None
    if picked is not None:
        banks = {b.id for b in picked if any(tagged(q, tags) for q in b.questions)}
        if not banks:
            return None
    record = latest_unfinished(attempts, banks)
    known = {bank.id for bank in loaded}
    return record if record is not None and known.issuperset(record.banks) else None
