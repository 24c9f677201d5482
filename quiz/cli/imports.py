"""``quiz import``: a GIFT, Moodle XML or Aiken file made into a bank for an article."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import click

from quiz.cli.common import fail
from quiz.core.exchange import FORMATS

_GENERIC = re.compile(r"^(top|default for .*|\$\w+\$)$", re.IGNORECASE)
"""Category names that say nothing of the questions (Moodle's ``top``, ``Default for…``)."""


@click.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--article",
    type=click.Path(path_type=Path),
    required=True,
    help="The article the questions are about (a UTF-8 text file).",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    help="The bank file to write (default: FILE's name with .toml, beside it).",
)
@click.option("--id", "bank_id", help="The bank id (default: from the file name).")
@click.option("--title", help="The bank title (default: the file's category, or its name).")
@click.option(
    "--format",
    "form",
    type=click.Choice(FORMATS),
    help="The file's format (default: told from its content).",
)
@click.option("--force", is_flag=True, help="Overwrite the bank file if it exists.")
def import_bank(
    file: Path,
    article: Path,
    out: Path | None,
    bank_id: str | None,
    title: str | None,
    form: str | None,
    force: bool,
) -> None:
    """Make a bank from FILE, questions exported from Moodle (GIFT, Moodle XML or Aiken).

    Every question becomes the nearest kind and is marked `draft = true`; the sentence of the
    article that best holds its right answer is proposed as its evidence. What cannot be
    imported is named, one line each, and the rest still imports.
    """
    from quiz.core.bank.model import ID_PATTERN
    from quiz.core.bank.new_bank import article_ref
    from quiz.core.errors import QuizError, safe_text
    from quiz.core.exchange.bank_text import render_bank
    from quiz.core.exchange.foreign import Foreign, Skipped, category_title
    from quiz.core.exchange.formats import read_questions
    from quiz.core.exchange.incoming import Incoming, convert, give_ids, slug
    from quiz.core.exchange.proposing import place_evidence
    from quiz.core.text.article import load_article
    from quiz.core.text.evidence import EvidenceIndex
    from quiz.core.words import plural

    for given, what in ((file, "the file to import"), (article, "the article")):
        if not given.exists():  # a pipe or a device is refused where it is read
            fail(f"{given}: no such file; give the path of {what}", 2)
        if given.is_dir():
            fail(f"{given}: is a folder; give the path of {what}", 2)
    target = out if out is not None else file.with_suffix(".toml")
    if bank_id is not None and not re.match(ID_PATTERN, bank_id):
        fail(f"--id `{bank_id}` is not lowercase letters, digits and hyphens; try --id my-bank", 2)
    if target.exists() and target.resolve() in (file.resolve(), article.resolve()):
        fail(f"{target}: that is the file read; name the bank with -o BANK.toml", 2)
    if target.is_dir():
        fail(f"{target}: is a folder; give -o a file name such as {target / 'bank.toml'}", 2)
    if target.exists() and not force:
        fail(f"{target}: already exists; pass --force to overwrite it, or -o another file")
    if not target.parent.is_dir():
        fail(f"{target.parent}: no such folder for the bank; create it or pick another -o")
    try:
        form, read = read_questions(file, form)
        loaded = load_article(article)
        if not loaded.text.strip():
            raise QuizError(f"{article}: article is empty; give a text with at least a sentence")
        index = EvidenceIndex(loaded)
    except QuizError as exc:
        fail(str(exc))
    where = safe_text(str(file))
    skipped: list[Skipped] = list(read.skipped)
    kept: list[Incoming] = []
    sources: list[Foreign] = []
    for question in read.questions:
        made = convert(question)
        if isinstance(made, Skipped):
            skipped.append(made)
        else:
            kept.append(made)
            sources.append(question)
    for item in sorted(skipped, key=lambda s: s.line):
        name = f"“{safe_text(item.name)}”" if item.name else "an item"
        click.echo(f"{where}:{item.line}: skipped: {name}: {safe_text(item.reason)}")
    if not kept:
        fail(f"{file}: no question can be imported ({plural(len(skipped), 'item')} skipped)")
    give_ids(kept, sources)
    place_evidence(kept, index)
    for q in kept:
        for warning in q.warnings:
            click.echo(f"{where}:{q.line}: warning: question `{q.id}`: {warning}")
    if all(q.waiting for q in kept):
        fail(
            f"no question of {file} has a sentence of {article} close to its right answer; "
            "is it the article they are about? (nothing written)"
        )
    categories = [category_title(s.category) for s in sources if s.category]
    named = next((c for c in categories if c and not _GENERIC.match(c)), None)
    text = render_bank(
        kept,
        bank_id=bank_id or slug(file.stem) or "imported",
        title=title or named or file.stem,
        article=article_ref(article, target),
        source=f"{file.name} ({form})",
    )
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{target}: cannot write the bank ({exc.strerror}); check the folder's permissions")
    ready = [q for q in kept if not q.waiting]
    kinds = Counter(q.kind for q in ready)
    summary = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    waiting = len(kept) - len(ready)
    said = [f"{sum(1 for q in ready if q.quotes)} with evidence proposed"]
    if waiting:
        said.append(f"{waiting} more commented out until they have evidence")
    if skipped:
        said.append(f"{plural(len(skipped), 'item')} skipped")
    click.echo(
        f"Imported {plural(len(ready), 'question')} to {safe_text(str(target))} ({summary}); "
        + "; ".join(said)
        + "."
    )
    click.echo(
        f"Review each and its evidence, remove its `draft = true`, then run: quiz check {target}"
    )
