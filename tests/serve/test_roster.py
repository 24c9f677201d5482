"""The teacher's live lines, read from the status files the served tabs write."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.core.play.classroom import PlayerLine
from quiz.serve.roster import PlayerStatus, Roster, read_status


def write(path: Path, player: str, answered: int, finished: bool = False) -> None:
    path.write_text(json.dumps({"player": player, "answered": answered, "finished": finished}))


def test_status_files_odd_or_missing_read_as_no_news(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    assert read_status(path) is None
    for junk in (
        "",
        "{",
        "[]",
        '{"player": 3, "answered": 1}',
        '{"player": "a", "answered": true}',
    ):
        path.write_text(junk)
        assert read_status(path) is None, junk
    path.write_text(json.dumps({"player": "x" * 10, "answered": 1, "pad": "y" * 5000}))
    assert read_status(path) is None  # too large
    path.write_text(json.dumps({"player": " Ana\x1b[31m \n Lee ", "answered": -2}))
    assert read_status(path) == PlayerStatus("Ana[31m Lee", 0, False)


def test_one_line_per_player_connected_or_gone(tmp_path: Path) -> None:
    roster = Roster(tmp_path)
    for session in ("s1", "s2", "s3"):
        roster.joined(session)
    assert [line.describe() for line in roster.lines()] == [
        "(typing a name)        0 answered  playing"
    ] * 3
    write(roster.status_file("s1"), "Ben", 2)
    write(roster.status_file("s2"), "Ana", 5, finished=True)
    lines = roster.lines()
    assert [(line.player, line.answered, line.finished) for line in lines[:2]] == [
        ("Ana", 5, True),
        ("Ben", 2, False),
    ]
    assert lines[2].player == "" and roster.summary() == "3 connected"
    roster.left("s1")
    assert not roster.status_file("s1").exists()
    assert roster.lines()[1].describe() == "Ben                    2 answered  left"
    assert roster.summary() == "2 connected, 1 left"
    roster.joined("s4")  # Ben comes back (resumes): one line for him, connected
    write(roster.status_file("s4"), "ben", 3)
    bens = [line for line in roster.lines() if line.player.casefold() == "ben"]
    assert len(bens) == 1 and bens[0].connected and bens[0].answered == 3


def test_a_status_carries_the_attempt_the_score_and_the_lobby(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    data = {"player": "Ana", "answered": 2, "finished": False, "attempt": "a-1", "score": 1.5}
    path.write_text(json.dumps({**data, "waiting": True}))
    assert read_status(path) == PlayerStatus("Ana", 2, False, "a-1", 1.5, True)
    path.write_text(json.dumps({**data, "attempt": "x" * 65, "score": True, "waiting": 1}))
    assert read_status(path) == PlayerStatus("Ana", 2, False, "", 0.0, False)  # odd: nothing
    roster = Roster(tmp_path)
    roster.joined("s1")
    path = roster.status_file("s1")
    path.write_text(json.dumps({**data, "answered": 0, "waiting": True}))
    [line] = roster.lines()
    assert (line.state, line.tab, line.score) == ("waiting", "s1", 1.5)
    assert line.resume_code and line.resume_code != PlayerLine("Ana", 0, False, True).resume_code
