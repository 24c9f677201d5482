"""What a new user reads in `--help`: every option explained, no internal ones, whole summaries;
and what `quiz serve` says it serves."""

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from quiz.cli.main import LAZY_COMMANDS, main
from quiz.cli.serve import serving_lines
from quiz.core.bank.discovery import BankSource
from quiz.core.bank.loader import load_bank

DATES = Path(__file__).resolve().parents[2] / "questions" / "s400" / "dates.toml"


def commands() -> list[tuple[str, click.Command]]:
    """Every command of `quiz`, by name."""
    context = click.Context(main)
    found = [(name, main.get_command(context, name)) for name in sorted(LAZY_COMMANDS)]
    return [(name, command) for name, command in found if command is not None]


@pytest.mark.parametrize(("name", "command"), commands())
def test_every_option_shown_says_what_it_does(name: str, command: click.Command) -> None:
    silent = [
        option.opts[0]
        for option in command.params
        if isinstance(option, click.Option) and not option.hidden and not option.help
    ]
    assert silent == [], f"quiz {name}: options without help"


def test_play_help_hides_the_internal_served_option() -> None:
    shown = CliRunner().invoke(main, ["play", "--help"]).output
    assert "--player" in shown
    assert "--served" not in shown


def test_serve_help_describes_the_port() -> None:
    shown = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "Port to listen on" in shown


def test_quiz_help_shows_each_summary_whole() -> None:
    output = CliRunner().invoke(main, ["--help"], terminal_width=80).output
    shown = " ".join(output.split("Commands:", 1)[1].split())
    assert "..." not in shown
    for name, command in commands():
        summary = command.get_short_help_str(limit=1_000)
        assert summary.endswith(".")
        assert f"{name} {summary}" in shown


def test_serve_says_how_many_questions_each_tab_is_asked_and_how() -> None:
    bank, problems = load_bank(BankSource(DATES, "dates.toml", "bundled"))
    assert bank is not None, problems
    dated = sum("dates" in q.tags for q in bank.questions)
    lines = serving_lines([bank], dated, 3, "exam", ["dates"])
    assert lines[-1] == (
        f"Each tab is asked 3 of the {dated} questions tagged dates, drawn anew for each tab,"
        " in exam mode (feedback at the end)."
    )
    every = serving_lines([bank], len(bank.questions), None, "practice", [])
    assert every[-1] == (
        f"Each tab is asked all {len(bank.questions)} questions, in practice mode"
        " (feedback after each answer)."
    )
    seeded = serving_lines([bank], len(bank.questions), 2, "practice", [], seed=7)
    assert "the same for every tab (--seed)" in seeded[-1]
