"""The ``quiz`` command line: parses options, then calls the core or starts the app."""

from __future__ import annotations

import click

from quiz import __version__
from quiz.cli.common import fail

LAZY_COMMANDS = {
    "play": "quiz.cli.play:play",
    "check": "quiz.cli.banks:check",
    "list": "quiz.cli.banks:list_banks",
    "draft": "quiz.cli.draft:draft",
    "export": "quiz.cli.export:export",
    "import": "quiz.cli.imports:import_bank",
    "review": "quiz.cli.review:review",
    "new": "quiz.cli.review:new",
    "results": "quiz.cli.results:results",
    "report": "quiz.cli.report:report",
    "serve": "quiz.cli.serve:serve",
}
"""Each command, imported only when used, so that ``quiz`` itself starts sooner."""


class _PlayByDefault(click.Group):
    """``quiz`` and ``quiz PATH...`` mean ``quiz play``; other words name commands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = args[0] if args else None
        known = first in self.commands or first in LAZY_COMMANDS
        if first is None or (not known and first not in ("-h", "--help", "--version")):
            if first is not None:
                self._refuse_a_mistyped_command(first)
            args = ["play", *args]
        return super().parse_args(ctx, args)

    def _refuse_a_mistyped_command(self, word: str) -> None:
        """A word that is no file but is spelt like a command (``chek``) is a usage error that
        names the command, not a bank that is not found."""
        import os
        from difflib import get_close_matches

        if word.startswith("-") or os.path.exists(word):
            return
        near = get_close_matches(word, self.list_commands(click.Context(self)), n=1, cutoff=0.6)
        if near:
            fail(f"no command or file `{word}`; did you mean `quiz {near[0]}`?", code=2)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; a :class:`QuizError` that reaches here (such as an article edited
        while a command reads it) ends it with its one line, not a traceback."""
        from quiz.core.errors import QuizError

        try:
            return super().invoke(ctx)
        except QuizError as exc:
            fail(str(exc))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its summary whole (click cuts it at the terminal's width)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        from importlib import import_module

        module, name = target.split(":")
        command = getattr(import_module(module), name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_PlayByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quiz")
def main() -> None:
    """A fact-check quiz on real news articles: every answer is tied to a checked sentence.

    `quiz` opens the app on the bundled article and your own banks; `quiz PATH...` plays the
    named banks or folders; `quiz check` validates banks.
    """
