"""The teacher's hold on a served class: what the class looks like now, and what the keys do.

:class:`ServedClass` is what the teacher's screen is given (it never sees the server): a view of
the players and events, the live results from the store, and the actions behind the keys (start
the lobby, close joining, remove a player, end the class).
"""

from __future__ import annotations

import io
import shlex
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from quiz.core.bank.model import AnyQuestion
from quiz.core.errors import QuizError
from quiz.core.files import replace_whole
from quiz.core.play.classroom import ClassView, name_key
from quiz.core.results.live import LiveQuestion, live_results
from quiz.core.results.records import AttemptRecord
from quiz.core.results.report import item_analysis
from quiz.core.results.report_formats import report_lines
from quiz.core.results.result_files import write_json
from quiz.core.results.store import ResultsStore
from quiz.serve import pages
from quiz.serve.server import QuizServer


class ServedClass:
    """One class being served, as its teacher drives it."""

    def __init__(
        self, server: QuizServer, questions: Mapping[str, AnyQuestion] | None = None
    ) -> None:
        """Drive ``server``; ``questions`` (by ``bank/question`` key) name the options."""
        self.server = server
        """The server of the class."""
        self.questions = dict(questions or {})
        """The questions played, by key."""
        self.started = time.strftime("%Y%m%d-%H%M%S")
        """When the class started (names its results file)."""
        self._roster_attempts: frozenset[str] = frozenset()

    @property
    def anonymous(self) -> bool:
        """Whether the teacher asked for the projector view from the start."""
        return self.server.options.anonymous

    def view(self) -> ClassView:
        """The class now: address, code, players, latest events. On the server's loop only:
        the roster and the events are the server's own, changed by that loop."""
        server = self.server
        players = tuple(server.roster.lines())
        self._roster_attempts = frozenset(line.attempt for line in players if line.attempt)
        return ClassView(
            url=server.public_url,
            code=server.options.code,
            db=str(server.options.db),
            state=server.state,
            players=players,
            events=tuple(server.events),
            max_sessions=server.options.max_sessions,
        )

    # The keys --------------------------------------------------------------------------------

    def start(self) -> None:
        """Let every tab waiting in the lobby start."""
        state = self.server.state
        if state.phase == "lobby":
            self.server.classroom.set_state(replace(state, phase="playing"))
            self.server.note("the teacher started the class")

    def toggle_joining(self) -> bool:
        """Close joining to new students (or open it again); whether it is open now."""
        state = self.server.state
        self.server.classroom.set_state(replace(state, joining=not state.joining))
        self.server.note("joining opened again" if not state.joining else "joining closed")
        return not state.joining

    async def remove(self, player: str) -> bool:
        """Close ``player``'s tabs and keep the name out of the class; whether they were in."""
        server = self.server
        claim = server.classroom.claimed(player)
        key = name_key(player)
        tabs = {li.tab for li in server.roster.lines() if name_key(li.player) == key and li.tab}
        if claim is None and not tabs:
            return False
        if claim is not None:
            server.classroom.update(player, replace(claim, removed=True))
            tabs.add(claim.tab)
        server.note(f"the teacher removed {player} (answers kept)")
        for tab in tabs:
            await server.close_tab(tab, pages.REMOVED_TEXT)
        return True

    def end(self) -> None:
        """End the class: no new answers, every tab shows its results, nobody new joins."""
        state = self.server.state
        if state.phase != "ended":
            self.server.classroom.set_state(replace(state, phase="ended", joining=False))
            self.server.note("the teacher ended the class")

    # Results ---------------------------------------------------------------------------------

    def attempt_ids(self) -> set[str]:
        """The attempts played in this class: the names' claims (files, safe to read from a
        worker) and the tabs' attempts as the last :meth:`view` saw them."""
        ids = {claim.attempt for claim in self.server.classroom.claims() if claim.attempt}
        return ids | self._roster_attempts

    def attempts(self) -> list[AttemptRecord]:
        """This class's attempts with their answers, from the store (blocking: in a worker)."""
        ids = self.attempt_ids()
        if not ids:
            return []
        with ResultsStore.open(self.server.options.db, create=False) as store:
            return store.attempts(ids=ids, with_answers=True)

    def live(self) -> list[LiveQuestion]:
        """How each question is doing so far (blocking: in a worker)."""
        return live_results(self.attempts(), self.questions)

    def report(self) -> tuple[list[str], str]:
        """The class's report as lines, and the command that exports it (blocking).

        The class's attempts are written to a results file beside the store, so that
        ``quiz report`` on that file is the report of this class and of no other.
        """
        attempts = self.attempts()
        lines = report_lines(item_analysis(attempts, self.questions, anonymous=self.anonymous))
        db = Path(self.server.options.db)
        path = db.with_name(f"class-{self.started}.json")
        out = io.StringIO()
        write_json(attempts, out)
        if not replace_whole(path, out.getvalue().encode("utf-8")):
            raise QuizError(f"{path}: cannot write the class's results there")
        out_name = f"class-{self.started}-report.csv"
        return lines, f"quiz report {shlex.quote(str(path))} --format csv --out {out_name}"
