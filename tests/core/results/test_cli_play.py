"""`quiz play --resume` and `--missed`: options they would ignore, nothing to play that way,
and a player who never played, each said in one line on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli.main import main
from quiz.core.bank.catalog import Bank
from quiz.core.results.store import ResultsStore

from .conftest import load, play, start, write_bank


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of its own, and no QUIZ_DB from outside."""
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("QUIZ_DB", raising=False)
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each command here must end before the app would open."""
    from quiz.tui.app import QuizApp

    def run(self: QuizApp) -> None:
        raise AssertionError("the app was started")

    monkeypatch.setattr(QuizApp, "run", run)


@pytest.fixture
def db(tmp_path: Path, banks: list[Bank]) -> Path:
    """A store where ann finished one attempt, all right, and left one with one answer."""
    path = tmp_path / "class.sqlite"
    with ResultsStore.open(path) as store:
        play(store, start(banks, "ann", seed=1), [True] * 5)
        play(store, start(banks, "ann", seed=2), [True])
    return path


def quiz_play(tmp_path: Path, db: Path, *args: str) -> Result:
    """``quiz play BANKS --db DB ARGS...``."""
    return CliRunner().invoke(main, ["play", str(tmp_path / "banks"), "--db", str(db), *args])


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["--mode", "practice", "--tag", "dates"], "--mode, --tag"),
        (["--count", "2"], "--count"),
        (["--seed", "3", "--no-shuffle"], "--seed, --no-shuffle"),
    ],
)
def test_resume_refuses_the_options_of_a_new_quiz(
    tmp_path: Path, db: Path, options: list[str], named: str
) -> None:
    result = quiz_play(tmp_path, db, "--player", "ann", "--resume", *options)
    assert result.exit_code == 2
    assert result.stderr == (
        "quiz: --resume goes on with the quiz as it was started (its mode, tags and count); "
        f"leave out {named}, or play a new quiz without --resume\n"
    )


@pytest.mark.parametrize("flag", ["--resume", "--missed"])
def test_a_player_who_never_played_is_told_so(tmp_path: Path, db: Path, flag: str) -> None:
    result = quiz_play(tmp_path, db, "--player", "Nobody2", flag)
    assert result.exit_code == 1
    assert result.stderr == f"quiz: Nobody2 has not played yet; play without {flag}\n"
    other_case = quiz_play(tmp_path, db, "--player", "Ann ", flag)  # is ann
    if flag == "--missed":  # ann answered everything right
        assert other_case.stderr == (
            "quiz: Ann has no question answered wrong last time; play without --missed\n"
        )
    else:  # ann's unfinished attempt is resumed: the app would start
        assert "the app was started" in str(other_case.exception)


def test_resume_with_nothing_to_resume_says_so_and_starts_nothing(
    tmp_path: Path, banks: list[Bank]
) -> None:
    path = tmp_path / "done.sqlite"
    with ResultsStore.open(path) as store:
        play(store, start(banks, "ann"), [True] * 5)
        play(store, start(banks, "ann", seed=3), [True] * 5, finish=False)  # left at the end
    result = quiz_play(tmp_path, path, "--player", "ann", "--resume")
    assert result.exit_code == 1
    assert result.stderr == "quiz: ann has no unfinished quiz to resume; play without --resume\n"
    with ResultsStore.open(path) as store:
        assert len(store.attempts("ann")) == 2


def test_resume_of_a_quiz_on_banks_not_loaded_names_them(tmp_path: Path, db: Path) -> None:
    other = load(write_bank(tmp_path / "other", "other"))
    with ResultsStore.open(db) as store:
        play(store, start(other, "ann"), [True])
    result = quiz_play(tmp_path, db, "--player", "ann", "--resume")
    assert result.exit_code == 1
    assert result.stderr == (
        "quiz: ann's unfinished quiz is on banks not loaded here (other); name them, or play "
        "without --resume\n"
    )


def test_due_plays_only_the_questions_due_and_says_when_none_are(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime, timedelta, timezone

    from quiz.core.results.schedule import player_schedule
    from quiz.tui.app import QuizApp

    none_yet = quiz_play(tmp_path, db, "--player", "ann", "--due")
    assert none_yet.exit_code == 1
    assert none_yet.stderr == (
        "quiz: ann has no question due now; see when with quiz results --player ann --due\n"
    )
    later = datetime.now(timezone.utc) + timedelta(days=400)
    monkeypatch.setattr("quiz.core.results.records.now", lambda: later)
    started: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self: started.append(self))
    result = quiz_play(tmp_path, db, "--player", "Ann", "--due")
    assert result.exit_code == 0, result.output
    [app] = started
    with ResultsStore.open(db) as store:
        assert set(app.launch.keep or ()) == set(player_schedule(store, "ann"))
    assert app.launch.start_now
    both = quiz_play(tmp_path, db, "--player", "ann", "--due", "--missed")
    assert both.exit_code == 2 and "--due does not go with" in both.stderr
