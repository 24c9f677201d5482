"""``quiz check`` and ``quiz list``: validating banks and listing them, without the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from quiz.cli.common import load_catalog


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(paths: Sequence[str], strict: bool) -> None:
    """Validate question banks: the named files and folders, or all known banks.

    Prints each problem as `path:line: error: ...`, then a summary. Exits 0 with no error,
    1 with errors, 2 for a usage error.
    """
    from quiz.core.words import plural

    catalog = load_catalog(paths, for_play=False)
    problems = [p.as_error() if strict else p for p in catalog.problems]
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    said = [plural(len(catalog.banks), "bank"), plural(catalog.questions, "question")]
    if catalog.left_out:
        said[-1] += f" ({catalog.left_out} left out for errors)"
    counts = [(errors, "error"), (warnings, "warning"), (catalog.files, "file")]
    said += [plural(n, word) for n, word in counts]
    click.echo(", ".join(said) + " checked")
    sys.exit(1 if errors else 0)


@click.command(name="list")
@click.argument("paths", nargs=-1)
def list_banks(paths: Sequence[str]) -> None:
    """List banks: title, article, question counts by kind and tag, and where each came from."""
    from quiz.core.bank.listing import describe_catalog
    from quiz.core.locations import user_banks

    catalog = load_catalog(paths, for_play=False)
    for line in describe_catalog(catalog):
        click.echo(line)
    if not paths:
        click.echo(own_banks_line(user_banks()))


def own_banks_line(folder: Path) -> str:
    """The line naming the user's banks folder, which is created here so that it exists once
    named; where it cannot be, the line says why."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"Your own banks folder: {folder} (cannot be created: {exc.strerror or exc})"
    return f"Your own banks folder: {folder} (put .toml banks there, each with its article)"
