"""How a player's share of the points on each tag went, attempt after attempt."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.core.results.records import AttemptRecord

BARS = "▁▂▃▄▅▆▇█"
"""A share from 0 to 1 as one of eight heights."""


def tag_progress(records: Sequence[AttemptRecord]) -> dict[str, list[float]]:
    """Tag → the share of its points earned in each attempt that asked it, oldest first (an
    exam going on is left out: its score is not shown before it ends). Needs the answers."""
    progress: dict[str, list[float]] = {}
    for record in sorted(records, key=lambda r: r.started_at):
        if record.exam_going_on:
            continue
        totals: dict[str, tuple[float, float]] = {}
        for answer in record.answers:
            for tag in answer.tags or ("untagged",):
                earned, most = totals.get(tag, (0.0, 0.0))
                totals[tag] = (earned + answer.points, most + answer.max_points)
        for tag, (earned, most) in totals.items():
            if most > 0:
                progress.setdefault(tag, []).append(earned / most)
    return dict(sorted(progress.items()))


def sparkline(shares: Sequence[float]) -> str:
    """``shares`` (0 to 1) as a line of bars: ``▁▄█`` for 0, a half and all."""
    return "".join(BARS[min(len(BARS) - 1, int(share * len(BARS)))] for share in shares)
