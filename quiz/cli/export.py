"""``quiz export``: banks as GIFT, Moodle XML or Aiken, for import into Moodle."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from quiz.cli.common import bank_sources, fail, load_catalog
from quiz.core.exchange import FORMATS

_NAMES = {"gift": "GIFT", "moodle-xml": "Moodle XML", "aiken": "Aiken"}


@click.command(name="export")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "form",
    type=click.Choice(FORMATS),
    help="The format (default: from the extension of -o: .gift, .xml or .txt for Aiken).",
)
@click.option(
    "-o", "--out", type=click.Path(path_type=Path), help="The file to write (default: stdout)."
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def export(paths: tuple[str, ...], form: str | None, out: Path | None, force: bool) -> None:
    """Write the banks of PATHS (files or folders) for import into Moodle.

    Questions come in the order of the banks, each bank's in file order, under a category
    named after the bank. One line on stderr names each question left out (order questions;
    for Aiken, all but single choice).
    """
    from quiz.core.errors import safe_text
    from quiz.core.exchange.foreign import Foreign
    from quiz.core.exchange.formats import EXTENSIONS, refusal, write_questions
    from quiz.core.exchange.outgoing import bank_questions
    from quiz.core.files import resolved
    from quiz.core.words import plural

    if form is None:
        form = EXTENSIONS.get(out.suffix.lower()) if out is not None else None
        if form is None:
            fail("say which format: --format gift|moodle-xml|aiken (or -o FILE.gift|.xml)", 2)
    if out is not None:
        if out.is_dir():
            fail(f"{out}: is a folder; give -o a file name such as {out / 'bank.gift'}", 2)
        if out.exists() and not force:
            fail(f"{out}: already exists; pass --force to overwrite it, or -o another file")
        if resolved(out) in {resolved(source.path) for source in bank_sources(paths)}:
            fail(f"{out}: a bank being exported; write the export to another file with -o", 2)
    catalog = load_catalog(paths, for_play=True)
    for problem in catalog.problems:
        if problem.severity == "error":
            click.echo(str(problem), err=True)
    written: list[Foreign] = []
    kinds: Counter[str] = Counter()
    skipped = 0
    banks: set[str] = set()
    for bank, question, item in bank_questions(catalog.banks):
        reason = refusal(item, form) if isinstance(item, Foreign) else item.reason
        if reason is not None or not isinstance(item, Foreign):
            skipped += 1
            click.echo(
                f"{safe_text(bank.source.shown)}: question `{safe_text(question.id)}` "
                f"skipped: {reason}",
                err=True,
            )
            continue
        written.append(item)
        kinds[question.kind] += 1
        banks.add(bank.id)
    if not written:
        fail(f"no question of {', '.join(paths)} can be written as {_NAMES[form]}")
    header = ["Exported by `quiz export` from factquiz banks, for import into Moodle."]
    text = write_questions(written, form, header)
    if out is None:
        # A terminal is shown the text made safe; a pipe gets the very bytes -o would write.
        shown = safe_text(text, lines=True) if sys.stdout.isatty() else text
        click.echo(shown, nl=False)
    else:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"{out}: cannot write it ({exc.strerror}); check the folder and its permissions")
    summary = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    where = f"to {out}" if out is not None else "to stdout"
    left = f"; {plural(skipped, 'question')} skipped" if skipped else ""
    click.echo(
        f"Wrote {plural(len(written), 'question')} of {plural(len(banks), 'bank')} {where} as "
        f"{_NAMES[form]} ({summary}){left}.",
        err=True,
    )
