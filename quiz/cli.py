"""The ``quiz`` command line: parses options, then calls the core or starts the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from quiz import __version__


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"quiz: {message}", err=True)
    sys.exit(code)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quiz")
@click.pass_context
def main(ctx: click.Context) -> None:
    """A fact-check quiz on real news articles: every answer is tied to a checked sentence.

    Run `quiz` to open the app, `quiz check` to validate question banks.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(paths: Sequence[str], strict: bool) -> None:
    """Validate question banks: the named files and folders, or all known banks.

    Prints each problem as `path:line: error: ...`, then a summary. Exits 0 with no error,
    1 with errors, 2 for a usage error.
    """
    from quiz.core.banks import default_sources, discover, load_banks
    from quiz.core.errors import QuizError

    try:
        sources = discover(paths) if paths else default_sources()
    except QuizError as exc:
        _fail(str(exc), 2)
        return
    catalog = load_banks(sources)
    problems = [p.as_error() if strict else p for p in catalog.problems]
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts = [
        (len(catalog.banks), "bank"),
        (catalog.questions, "question"),
        (errors, "error"),
        (warnings, "warning"),
        (catalog.files, "file"),
    ]
    click.echo(", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts) + " checked")
    sys.exit(1 if errors else 0)


@main.command(name="list")
@click.argument("paths", nargs=-1)
def list_banks(paths: Sequence[str]) -> None:
    """List banks: title, article, question counts by kind and tag, and where each came from."""
    from quiz.core.banks import default_sources, discover, load_banks
    from quiz.core.errors import QuizError
    from quiz.core.listing import describe_catalog
    from quiz.locations import user_banks

    try:
        sources = discover(paths) if paths else default_sources()
    except QuizError as exc:
        _fail(str(exc), 2)
        return
    catalog = load_banks(sources)
    for line in describe_catalog(catalog):
        click.echo(line)
    if not paths:
        click.echo(f"Your own banks folder: {user_banks()} (put .toml banks there)")
