"""``quiz draft``: draft a question bank from an article, for a person to review."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import click

from quiz.cli.common import fail


def _default_title(article_title: str | None, first_sentence: str) -> str:
    if article_title:
        return article_title
    words = " ".join(first_sentence.split())
    return words if len(words) <= 80 else words[:79].rsplit(" ", 1)[0] + "…"


@click.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    help="The bank file to write (default: the article's name with .toml, beside it).",
)
@click.option("--id", "bank_id", help="The bank id (default: from the file name).")
@click.option("--title", help="The bank title (default: the article's title or first sentence).")
@click.option(
    "--max",
    "max_questions",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="Write the best N questions, best first: one per fact, spread over the article's "
    "paragraphs and kinds.",
)
@click.option("--force", is_flag=True, help="Overwrite the bank file if it exists.")
@click.option("--review", is_flag=True, help="Then review the drafted questions in the app.")
def draft(
    article: Path,
    out: Path | None,
    bank_id: str | None,
    title: str | None,
    max_questions: int,
    force: bool,
    review: bool,
) -> None:
    """Draft a question bank from ARTICLE, a UTF-8 text file (paragraphs split by blank lines).

    Every question cites its evidence, is marked `draft = true` and names the rule that made it;
    review them, then run `quiz check` on the bank.
    """
    from quiz.core.bank.model import ID_PATTERN
    from quiz.core.bank.new_bank import article_ref
    from quiz.core.draft import draft_article, render_bank, slugify
    from quiz.core.errors import QuizError
    from quiz.core.text.article import load_article
    from quiz.core.words import plural

    if not article.exists():
        fail(f"{article}: no such file; give the path of the article to draft from", 2)
    if article.is_dir():
        fail(f"{article}: is a folder; name the article's .txt file", 2)
    target = out if out is not None else article.with_suffix(".toml")
    if bank_id is not None and not re.match(ID_PATTERN, bank_id):
        fail(
            f"--id `{bank_id}` is not lowercase letters, digits and hyphens; try `--id my-bank`", 2
        )
    if target.exists() and target.resolve() == article.resolve():
        fail(f"{target}: that is the article itself; name the bank with -o BANK.toml", 2)
    if target.is_dir():
        fail(f"{target}: is a folder; give -o a file name such as {target / 'bank.toml'}", 2)
    if target.exists() and not force:
        fail(f"{target}: already exists; pass --force to overwrite it, or -o another file")
    if not target.parent.is_dir():
        fail(f"{target.parent}: no such folder for the bank; create it or pick another -o")
    try:
        loaded = load_article(article)
        if not loaded.text.strip():
            raise QuizError(f"{article}: article is empty; give a text with at least a sentence")
        drafted = draft_article(loaded, max_questions)
    except QuizError as exc:
        fail(str(exc))
    bank_id = bank_id or slugify(article.stem, 48) or "draft"
    first = loaded.sentences[0].text if loaded.sentences else article.stem
    text = render_bank(
        drafted.questions,
        drafted.ids,
        bank_id=bank_id,
        title=title or _default_title(loaded.meta.title, first),
        article=article_ref(article, target),
        source=article.name,
    )
    size = len(text.encode("utf-8"))
    if size > 5 * 1024 * 1024:
        fail(f"the bank would be {size / 1e6:.1f} MB, over the 5 MB limit; pass --max N")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{target}: cannot write the bank ({exc.strerror}); check the folder's permissions")
    counts = Counter(q.tag for q in drafted.questions)
    summary = ", ".join(f"{tag} {n}" for tag, n in sorted(counts.items()))
    left = drafted.found - len(drafted.questions)
    more = (
        f"; {left} more left out (a fact asked already, --max, or no unique quote)"
        if left > 0
        else ""
    )
    wrote = plural(len(drafted.questions), "draft question")
    click.echo(f"Wrote {wrote} to {target} ({summary}){more}.")
    if review:
        from quiz.cli.review import open_review

        open_review(target)
        return
    click.echo(f"Review each, remove its `draft = true`, then run: quiz check {target}")
