"""``quiz review`` and ``quiz new``: review a drafted bank, or start one, in the app."""

from __future__ import annotations

import re
from pathlib import Path

import click

from quiz.cli.common import fail


def open_review(bank: Path) -> None:
    """Open the review app on ``bank``; one clear line when it cannot be opened."""
    from quiz.core.bank.editing import open_bank
    from quiz.core.errors import QuizError
    from quiz.core.text.loader import default_articles
    from quiz.tui.review.app import make_review_app

    if not bank.exists():
        fail(f"{bank}: no such file; give the path of a bank (.toml) to review", 2)
    if bank.is_dir():
        fail(f"{bank}: is a folder; name one bank file (.toml) to review", 2)
    try:
        editor = open_bank(bank, default_articles())
    except QuizError as exc:
        fail(f"{exc}; fix it, then run `quiz review {bank}` again")
    make_review_app(editor).run()
    progress = editor.progress
    click.echo(f"{bank}: {progress}. Every change is saved; `quiz review {bank}` goes on.")
    if progress.left == 0:
        click.echo(f"Check it: quiz check --strict {bank}")


@click.command()
@click.argument("bank", type=click.Path(path_type=Path))
def review(bank: Path) -> None:
    """Review the drafted questions of BANK in the app: keep, drop or edit each, and write new
    ones from the article. Every change is written at once and can be undone; a review left
    goes on where it stopped."""
    open_review(bank)


@click.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    help="The bank file to start (default: the article's name with .toml, beside it).",
)
@click.option("--id", "bank_id", help="The bank id (default: from the file name).")
@click.option("--title", help="The bank title (default: the article's title).")
def new(article: Path, out: Path | None, bank_id: str | None, title: str | None) -> None:
    """Start an empty bank for ARTICLE and write its questions in the app."""
    from quiz.core.bank.model import ID_PATTERN
    from quiz.core.bank.new_bank import start_bank
    from quiz.core.errors import QuizError
    from quiz.core.text.article import load_article

    if not article.exists():  # a pipe or a device is refused where it is read
        fail(f"{article}: no such file; give the path of the article (.txt) to write for", 2)
    if article.is_dir():
        fail(f"{article}: is a folder; name the article's .txt file", 2)
    target = out if out is not None else article.with_suffix(".toml")
    if target.exists() and target.resolve() == article.resolve():
        fail(f"{target}: that is the article itself; name the bank with -o BANK.toml", 2)
    made = bank_id or re.sub(r"[^a-z0-9]+", "-", article.stem.lower()).strip("-") or "mine"
    if not re.match(ID_PATTERN, made):
        fail(f"--id `{made}` is not lowercase letters, digits and hyphens; try `--id my-bank`", 2)
    try:
        loaded = load_article(article)
        start_bank(article, target, made, title or loaded.title)
    except QuizError as exc:
        fail(str(exc))
    click.echo(f"Started {target} for {article}.")
    open_review(target)
