"""Files written whole: aside, then renamed over the old one."""

from __future__ import annotations

from pathlib import Path

from quiz.core.files import replace_whole


def test_the_new_file_replaces_the_old_whole_and_nothing_is_left_aside(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "entry.bin"
    assert replace_whole(target, b"old")
    assert replace_whole(target, b"new ", b"in ", b"parts")
    assert target.read_bytes() == b"new in parts"
    assert sorted(p.name for p in target.parent.iterdir()) == ["entry.bin"]


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    assert not replace_whole(blocker / "entry.bin", b"data")


def test_the_folder_is_not_made_again_when_told_not_to(tmp_path: Path) -> None:
    gone = tmp_path / "removed" / "status.json"
    assert not replace_whole(gone, b"{}", make_folder=False)
    assert not gone.parent.exists()


def test_preferences_keep_what_they_do_not_change(tmp_path: Path) -> None:
    from quiz.core.play.prefs import read_prefs, remember, remember_player

    path = tmp_path / "prefs.json"
    assert read_prefs(path) == {}
    remember_player("Ana", path)
    remember("theme", "nord", path)
    remember_player("Bea", path)
    assert read_prefs(path) == {"last_player": "Bea", "theme": "nord"}
    path.write_text("[1, 2]", encoding="utf-8")
    assert read_prefs(path) == {}  # not ours: nothing remembered, and no error
