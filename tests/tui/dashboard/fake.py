"""A class without a server: what the dashboard reads and drives, kept in memory."""

from __future__ import annotations

from dataclasses import replace

from quiz.core.play.classroom import ClassEvent, ClassState, ClassView, PlayerLine
from quiz.core.results.live import LiveQuestion, OptionBar
from quiz.core.results.report import QuestionStats

NAMES = [
    "Ana", "Ben", "Chloé", "Dario", "Emre", "Fatma", "Gus", "Hana", "Ivo", "Jana", "Kemal",
    "Lena", "Mo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tess", "Umut", "Vera",
    "Wim", "Xia", "Yusuf",
]  # fmt: skip
"""Players of the fake class, in joining order."""
URL = "http://192.168.1.20:8000"
"""The fake class's address."""


def player(number: int, name: str) -> PlayerLine:
    """A player some way into a quiz of eight questions."""
    answered = (number * 3) % 9
    return PlayerLine(
        name,
        answered,
        answered == 8,
        number % 5 != 4,
        score=answered * 0.75,
        attempt=f"attempt-{number}",
        tab=f"tab-{number}",
    )


def question(key: str, text: str, counts: list[int], options: list[str]) -> LiveQuestion:
    """A choice question whose first option is right, chosen ``counts`` times each."""
    answers, right = sum(counts), counts[0]
    wrong = max(range(1, len(counts)), key=lambda i: counts[i])
    stats = QuestionStats(
        key=key,
        kind="choice",
        text=text,
        answers=answers,
        right=right,
        difficulty=right / answers,
        discrimination=None,
        top_wrong=options[wrong],
        top_wrong_count=counts[wrong],
        top_wrong_ties=0,
        older_wording=0,
        flags=(),
    )
    bars = tuple(
        OptionBar(o, n, i == 0) for i, (o, n) in enumerate(zip(options, counts, strict=True))
    )
    return LiveQuestion(stats, bars)


class FakeClass:
    """The dashboard's :class:`~quiz.tui.dashboard.control.ClassControl`, in memory."""

    def __init__(self, players: int = 12, *, lobby: bool = False, anonymous: bool = False):
        self.anonymous = anonymous
        self.state = ClassState("lobby" if lobby else "playing")
        self.players = [player(n, name) for n, name in enumerate(NAMES[:players], 1)]
        self.events = [ClassEvent("09:02:11", "refused a tab from 10.0.0.7: too many tabs")]
        self.removed: list[str] = []
        self.reports = 0

    def view(self) -> ClassView:
        return ClassView(
            URL, "K7MQ42", "/tmp/class.sqlite", self.state, tuple(self.players),
            tuple(self.events), 40,
        )  # fmt: skip

    def live(self) -> list[LiveQuestion]:
        return [
            question(
                "served/directorate",
                "Which body did Washington sanction in December 2020?",
                [7, 4, 1],
                ["Defense Industry Directorate", "Ministry of Foreign Affairs", "Central Bank"],
            ),
            question(
                "served/chief",
                "Who was the directorate's chief?",
                [2, 6, 0],
                ["Ismail Demir", "Recep Erdogan", "Hulusi Akar"],
            ),
        ]

    def start(self) -> None:
        self.state = replace(self.state, phase="playing")

    def toggle_joining(self) -> bool:
        self.state = replace(self.state, joining=not self.state.joining)
        return self.state.joining

    async def remove(self, player: str) -> bool:
        self.removed.append(player)
        self.players = [p for p in self.players if p.player != player]
        return True

    def end(self) -> None:
        self.state = replace(self.state, phase="ended", joining=False)

    def report(self) -> tuple[list[str], str]:
        self.reports += 1
        return ["Question            Answers  Right", "served/chief        8        25%"], (
            "quiz report /tmp/class-1.json --format csv --out class-1-report.csv"
        )
