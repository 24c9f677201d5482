"""Loading question banks, each checked against its article.

The bank files come from :mod:`quiz.core.bank.discovery`. One bad file never stops the others from
loading.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING

from quiz.core.bank.catalog import Bank, Catalog
from quiz.core.bank.discovery import BankSource
from quiz.core.bank.file_checks import (
    META_FILE,
    TOP_LEVEL,
    article_path_problem,
    meta_error_message,
    meta_warnings,
    not_a_bank,
    outside_problem,
    syntax_problem,
    top_level_problems,
)
from quiz.core.bank.model import AnyQuestion
from quiz.core.collector import collector_paused
from quiz.core.errors import Problem, QuizError
from quiz.core.files import NotRegularFile, read_capped, resolved
from quiz.core.text.article import Article, MetaError
from quiz.core.text.evidence import Evidence, EvidenceIndex
from quiz.core.text.loader import ArticleLoader

if TYPE_CHECKING:
    from quiz.core.bank.cache import BankCache
    from quiz.core.bank.reporter import Reporter
    from quiz.core.tomlfile.lines import BankLines

MAX_BANK_BYTES = 5 * 1024 * 1024


def read_bank_text(source: BankSource) -> str:
    """The text of a bank file; :class:`QuizError` (with a located problem) if it is unusable."""
    shown = source.shown

    def fail(line: int, message: str) -> QuizError:
        problem = Problem(shown, line, "error", message)
        return QuizError(str(problem), (problem,))

    try:
        size = source.path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise fail(1, f"file is {size / 1e6:.1f} MB, over the 5 MB limit; split the bank")
        data = read_capped(source.path, MAX_BANK_BYTES)
        if len(data) > MAX_BANK_BYTES:  # it grew since it was measured
            raise fail(1, "file is over the 5 MB limit; split the bank")
    except NotRegularFile:
        raise fail(1, "not a regular file (a device, pipe or socket); name a bank file") from None
    except OSError as exc:
        raise fail(
            1, f"cannot read file ({exc.strerror}); check it exists and is readable"
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        other = not_a_bank(source.path, "it is not UTF-8 text")
        if other is not None:
            raise fail(1, other) from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise fail(
            line, f"bytes that are not UTF-8 (at byte {exc.start}); save the file as UTF-8"
        ) from None


def load_bank(
    source: BankSource, articles: ArticleLoader | None = None, *, place: bool = True
) -> tuple[Bank | None, list[Problem]]:
    """Load and check one bank file; the bank is ``None`` when it cannot be used at all.

    Without ``place`` the bank's evidence is checked but not placed (its ``evidence`` is
    empty): enough to check or list banks, not to play them.
    """
    import tomli

    from quiz.core.bank.reporter import Reporter
    from quiz.core.bank.validate import check_bank_info, check_question
    from quiz.core.tomlfile.lines import LazyLines

    articles = articles or ArticleLoader()
    try:
        text = read_bank_text(source)
    except QuizError as exc:
        return None, list(exc.problems)
    try:
        data = tomli.loads(text)
    except RecursionError:
        return None, [
            Problem(
                source.shown,
                1,
                "error",
                "TOML nested too deeply to read; a bank nests no deeper than a table in an array",
            )
        ]
    except tomli.TOMLDecodeError as exc:
        return None, [syntax_problem(source.shown, source.path, text, exc)]
    if "bank" not in data and source.path.name.lower().endswith(".meta.toml"):
        return None, [Problem(source.shown, 1, "error", META_FILE)]
    lines = LazyLines(text)  # scanned only if a problem needs a line
    head = Reporter(source.shown, lines.bank())
    if not data.keys() <= set(TOP_LEVEL):
        head.problems.extend(top_level_problems(data, lines.found, source.shown))
        if "bank" not in data and any(key.lower() == "bank" for key in data):
            return None, head.problems  # [Bank]: said above, as the table it resembles
    info = check_bank_info(data.get("bank"), head)
    problems = head.problems
    if info is None:
        return None, problems
    article, index = _article(source, info.article, articles, head, place)
    tables = data.get("questions", [])
    if not isinstance(tables, list):
        problems.append(_questions_not_a_list(source.shown, lines.found))
        tables = []
    elif not tables:
        head.add(None, "the bank has no questions; add [[questions]] tables")
    questions: list[AnyQuestion] = []
    evidence: dict[str, tuple[Evidence, ...]] = {}
    seen: dict[str, int] = {}
    # One reporter, its lines moved from question to question (see Reporter.begin).
    where = lines.question(0)
    report = Reporter(source.shown, where, problems)
    for number, table in enumerate(tables):
        where.index = number
        report.begin()
        # A repeated id is said from the raw table, so it is found even when either question
        # has other errors too.
        qid = table.get("id") if isinstance(table, dict) else None
        first = seen.get(qid) if isinstance(qid, str) else None
        if first is None and isinstance(qid, str):
            seen[qid] = number
        checked = check_question(table, report, index, place=place)
        if first is not None:
            report.question = None
            report.add(
                "id",
                f"question id `{qid}` is used twice in the bank (first at line "
                f"{lines.question(first).line('id')}); give each its own id",
            )
        if checked is None or first is not None:
            continue
        question, found = checked
        questions.append(question)
        if place:
            evidence[question.id] = found
    if article is None:
        return None, problems
    left_out = len(tables) - len(questions)
    return Bank(info, tuple(questions), evidence, article, source, left_out), problems


def _article(
    source: BankSource, written: str, articles: ArticleLoader, head: Reporter, place: bool
) -> tuple[Article | None, EvidenceIndex | None]:
    """The bank's article and its index, or ``None`` twice with the problem reported at the
    bank's ``article`` key; ``written`` is the path as the bank gives it."""
    wrong = article_path_problem(written, source.path.parent)
    if wrong is not None:
        head.add("article", wrong)
        return None, None
    try:
        article, index = articles.get(resolved(source.path.parent / written))
        if place:  # a game shows the text: read it now, while a problem can still be said
            article.read_text()
    except MetaError as exc:
        head.add("article", meta_error_message(written, exc))
    except QuizError as exc:
        head.add("article", f"article `{written}` cannot be used: {_after_path(exc)}")
    except (OSError, ValueError):
        head.add("article", f"article `{written}` is not a usable file name; fix the path")
    else:
        for warning in meta_warnings(written, article.path, article.meta):
            head.add("article", warning, "warning")
        outside = outside_problem(written, article.path, source.root)
        if outside is not None:
            head.add("article", outside, "warning")
        return article, index
    return None, None


def _questions_not_a_list(shown: str, lines: BankLines) -> Problem:
    """The problem of a bank whose ``questions`` is one table or a value, not ``[[questions]]``."""
    line = lines.top.line("questions")
    if "questions" in lines.headers:
        message = (
            "`[questions]` must be written `[[questions]]`, with double brackets, once per question"
        )
    else:
        message = (
            "`questions` must be a list of tables; write each question under its own "
            "[[questions]] header"
        )
    return Problem(shown, line, "error", message)


def _after_path(exc: QuizError) -> str:
    """A QuizError's message without its leading ``path: `` (the caller names the file)."""
    text = exc.message
    return text.split(": ", 1)[1] if ": " in text else text


def load_banks(
    sources: Sequence[BankSource],
    cache: BankCache | None = None,
    articles: ArticleLoader | None = None,
    *,
    place: bool = True,
) -> Catalog:
    """Load every bank in ``sources`` (through ``cache`` and ``articles`` when given). A bank id
    used by two files is an error in each; the one kept is the first with the fewest errors.
    Without ``place``, evidence is checked but not placed (see :func:`load_bank`), and ``cache``
    is not used."""
    catalog = Catalog(files=len(sources))
    articles = articles or ArticleLoader()
    found: dict[BankSource, list[Problem]] = {}
    by_id: dict[str, tuple[Bank, int]] = {}  # bank id → the bank kept, and its errors
    for source in sources:
        with collector_paused():
            if cache is not None and place:
                bank, problems = cache.load(source, partial(load_bank, source, articles))
            else:
                bank, problems = load_bank(source, articles, place=place)
        found[source] = problems = list(problems)
        if bank is None:
            continue
        errors = sum(p.severity == "error" for p in problems)
        kept = by_id.get(bank.id)
        if kept is None:
            by_id[bank.id] = (bank, errors)
            continue
        first, first_errors = kept
        problems.append(_id_used_twice(bank, first.source))
        found[first.source].append(_id_used_twice(first, source))
        if errors < first_errors:
            by_id[bank.id] = (bank, errors)
    for problems in found.values():
        # A file's problems are said from its top down, as an editor would list them.
        catalog.problems.extend(sorted(problems, key=attrgetter("line")))
    catalog.banks = [bank for bank, _ in by_id.values()]
    return catalog


def _id_used_twice(bank: Bank, other: BankSource) -> Problem:
    from quiz.core.tomlfile.lines import scan

    line = scan(read_bank_text(bank.source)).bank.line("id")
    return Problem(
        bank.source.shown,
        line,
        "error",
        f"bank id `{bank.id}` is also used by {other.shown}; give each bank its own id",
    )
