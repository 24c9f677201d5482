"""The table of players: name, answered, score so far, and playing / left / finished."""

from __future__ import annotations

from textual.coordinate import Coordinate
from textual.reactive import reactive
from textual.widgets import DataTable

from quiz.core.play.classroom import PlayerLine
from quiz.core.play.scoring import points_text
from quiz.tui.text import shown


def player_label(line: PlayerLine, number: int, anonymous: bool) -> str:
    """The name shown for ``line``: ``P3`` in the projector view."""
    if anonymous:
        return f"P{number}"
    return line.player or "(typing a name)"


class PlayersTable(DataTable[object]):
    """One row per player; it scrolls inside itself, so the address never scrolls away."""

    players: reactive[tuple[PlayerLine, ...]] = reactive((), init=False)
    """The class's players (and tabs still without a name)."""
    anonymous: reactive[bool] = reactive(False, init=False)
    """Projector view: players are numbered, not named."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns("Player", "Answered", "Score", "State")

    def watch_players(self) -> None:
        self._fill()

    def watch_anonymous(self) -> None:
        self._fill()

    @property
    def chosen(self) -> PlayerLine | None:
        """The player under the cursor."""
        if not self.players or not 0 <= self.cursor_row < len(self.players):
            return None
        return self.players[self.cursor_row]

    def _fill(self) -> None:
        rows = [
            (
                shown(player_label(line, number, self.anonymous)),
                str(line.answered),
                points_text(line.score),
                line.state,
            )
            for number, line in enumerate(self.players, 1)
        ]
        if len(rows) == self.row_count:  # in place: the teacher's scroll and cursor stay
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    if self.get_cell_at(Coordinate(r, c)) != cell:
                        self.update_cell_at(Coordinate(r, c), cell)
            return
        row = self.cursor_row
        self.clear()
        for cells in rows:
            self.add_row(*cells)
        if rows:
            self.move_cursor(row=min(row, len(rows) - 1))
