"""What a served class shares in its folder: names taken once, whatever their case and spacing,
and the teacher's word."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from quiz.core.play.classroom import Claim, ClassFolder, ClassState, PlayerLine, name_key


def test_names_match_whatever_their_case_spacing_and_width() -> None:
    assert name_key("Casey") == name_key("casey") == name_key("  CASEY ") == name_key("Ca sey")
    assert name_key("Ｃａｓｅｙ") == name_key("casey")  # full-width letters
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("Casey") != name_key("Kasey")


def test_a_name_is_taken_once_and_its_claim_is_read_back(tmp_path: Path) -> None:
    folder = ClassFolder(tmp_path)
    assert folder.claimed("Victim") is None
    assert folder.claim("Victim", "tab-1") is None  # taken now
    held = folder.claim(" victim", "tab-2")
    assert held == Claim("Victim", "tab-1")
    folder.update("VICTIM", Claim("Victim", "tab-1", "attempt-1"))
    assert folder.claimed("victim") == Claim("Victim", "tab-1", "attempt-1")
    assert folder.claims() == [Claim("Victim", "tab-1", "attempt-1")]
    assert not list((tmp_path / "names").glob(".*"))  # no draft left behind


def test_of_many_tabs_claiming_one_name_at_once_exactly_one_gets_it(tmp_path: Path) -> None:
    folder = ClassFolder(tmp_path)
    results: list[Claim | None] = []
    start = threading.Barrier(8)

    def claim(n: int) -> None:
        start.wait()
        results.append(folder.claim("Ana" if n % 2 else "ana", f"tab-{n}"))

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(None) == 1
    winner = folder.claimed("ANA")
    assert winner is not None and all(r == winner for r in results if r is not None)


def test_odd_claim_files_and_phase_files_read_as_nothing(tmp_path: Path) -> None:
    folder = ClassFolder(tmp_path)
    assert folder.state() == ClassState("playing", True)  # nobody spoke yet
    folder.set_state(ClassState("lobby", False))
    assert folder.state() == ClassState("lobby", False)
    for junk in ("", "[]", '{"phase": "party", "joining": "yes"}', "x" * 5000):
        (tmp_path / "phase.json").write_text(junk)
        assert folder.state() == ClassState(), junk
    folder.claim("Ana", "tab-1")
    [path] = (tmp_path / "names").glob("*.json")
    for junk in ("{", '{"player": 3, "tab": "t"}', json.dumps({"player": "Ana"})):
        path.write_text(junk)
        assert folder.claimed("Ana") is None, junk
        assert folder.claims() == []


def test_a_players_state_reads_in_words() -> None:
    line = PlayerLine("Ana", 2, False, True)
    assert line.state == "playing" and line.resume_code == ""
    assert PlayerLine("Ana", 0, False, True, waiting=True).state == "waiting"
    assert PlayerLine("Ana", 2, False, False).state == "left"
    assert PlayerLine("Ana", 5, True, True).state == "finished"
    assert PlayerLine("Ana", 5, True, False).state == "finished, left"
    assert len(PlayerLine("Ana", 1, False, True, attempt="a-1").resume_code) == 6
