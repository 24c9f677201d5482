"""Generates ``docs/question-format.md`` from the models, so the reference never drifts.

Run ``python -m quiz.core.bank.formatdoc > docs/question-format.md``; a test fails when the file
differs from what this prints. The error examples are produced by running the checker itself on
small broken banks.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

from quiz.core.bank.model import (
    KINDS,
    MAX_OPTIONS,
    MAX_POINTS,
    MIN_POINTS,
    VERDICTS,
    BankInfo,
    Question,
)
from quiz.core.text.spelling import LONGEST_ONE_EDIT, SHORTEST_FORGIVEN

_TYPES = {
    "str": "string",
    "str | None": "string",
    "tuple[str, ...]": "list of strings",
    "str | tuple[str, ...] | None": "string, or list of strings",
    "float": "number",
    "bool": "true or false",
    "dict[str, str]": "table: option → text",
    "Verdict": " / ".join(f'`"{v}"`' for v in VERDICTS),
    "Tolerance": '`"spelling"` / `"exact"`',
}

EXAMPLES: dict[str, str] = {
    "choice": """[[questions]]
id = "directorate-2020"
kind = "choice"
prompt = "Which Turkish body did Washington sanction in December 2020?"
options = ["Defense Industry Directorate", "Ministry of Foreign Affairs", "Central Bank"]
answer = "Defense Industry Directorate"
evidence = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
explanation = "The article names the Defense Industry Directorate as the body sanctioned."
tags = ["sanctions", "dates"]
feedback = { "Central Bank" = "The article never mentions Turkey's central bank." }""",
    "multi": '''[[questions]]
id = "sanctioned-people"
kind = "multi"
prompt = "Whom did the December 2020 sanctions name besides the directorate?"
options = ["Ismail Demir", "three other employees", "Vladimir Putin", "Joe Biden"]
answers = ["Ismail Demir", "three other employees"]
evidence = "along with its chief Ismail Demir and three other employees"
explanation = "The directorate's chief and three other employees were sanctioned with it."''',
    "claim": '''[[questions]]
id = "claim-f35-threat"
kind = "claim"
claim = "According to Washington, the S-400s threaten its F-35 fighter jets."
verdict = "supported"
evidence = "According to Washington, Russia’s S-400s pose a threat to its F-35 fighter jets"
explanation = "The article reports this as Washington's view."

[[questions]]
id = "claim-price"
kind = "claim"
claim = "The article gives the price of the second batch."
verdict = "not-in-article"
explanation = "The article never mentions a price: it cannot settle the claim."''',
    "text": '''[[questions]]
id = "chief-name"
kind = "text"
prompt = "Who heads the Defense Industry Directorate?"
accept = ["Ismail Demir", "Demir"]
evidence = "its chief Ismail Demir"
explanation = "The article names Ismail Demir as the directorate's chief."''',
    "order": '''[[questions]]
id = "sequence"
kind = "order"
prompt = "Put these in the order the article says they happened, earliest first."
items = ["Sanctions on the directorate", "Erdogan's CBS interview", "Meeting Putin in Russia"]
evidence = "In December 2020, Washington imposed sanctions"
explanation = "December 2020 came first; the meeting is later this week."''',
}

_HEADER = """[bank]
id = "example"
title = "Example"
article = "ARTICLE"
"""

ERRORS: dict[str, str] = {
    "TOML syntax error": '[[questions]]\nid = "q1\nkind = "choice"\n',
    "Missing required field": '[[questions]]\nid = "q1"\nkind = "choice"\nprompt = "Who?"\n'
    'options = ["Ismail Demir", "Joe Biden"]\nevidence = "its chief Ismail Demir"\n',
    "Unknown kind": '[[questions]]\nid = "q1"\nkind = "essay"\n',
    "Unknown key": '[[questions]]\nid = "q1"\nkind = "choice"\nprompt = "Who?"\n'
    'options = ["Ismail Demir", "Joe Biden"]\nanswr = "Ismail Demir"\n'
    'evidence = "its chief Ismail Demir"\n',
    "Options that repeat": '[[questions]]\nid = "q1"\nkind = "choice"\nprompt = "Who?"\n'
    'options = ["Ismail Demir", "ismail  demir"]\nanswer = "Ismail Demir"\n'
    'evidence = "its chief Ismail Demir"\nexplanation = "x"\n',
    "A value of the wrong type": '[[questions]]\nid = "q1"\nkind = "choice"\nprompt = "Who?"\n'
    'options = "Ismail Demir, Joe Biden"\nanswer = "Ismail Demir"\n'
    'evidence = "its chief Ismail Demir"\nexplanation = "x"\n',
    "Answer not among the options": '[[questions]]\nid = "q1"\nkind = "choice"\n'
    'prompt = "Who?"\noptions = ["Ismail Demir", "Joe Biden"]\nanswer = "Ismail Demirr"\n'
    'evidence = "its chief Ismail Demir"\nexplanation = "x"\n',
    "Multi answers not a subset": '[[questions]]\nid = "q1"\nkind = "multi"\nprompt = "Who?"\n'
    'options = ["Ismail Demir", "Joe Biden"]\nanswers = ["Putin"]\n'
    'evidence = "its chief Ismail Demir"\nexplanation = "x"\n',
    "Verdict not one of the three": '[[questions]]\nid = "q1"\nkind = "claim"\n'
    'claim = "Demir leads it."\nverdict = "true"\nevidence = "its chief Ismail Demir"\n',
    "Evidence missing": '[[questions]]\nid = "q1"\nkind = "claim"\nclaim = "Demir leads it."\n'
    'verdict = "supported"\nexplanation = "x"\n',
    "Evidence not found": '[[questions]]\nid = "q1"\nkind = "claim"\nclaim = "Demir leads it."\n'
    'verdict = "supported"\nevidence = "its chef Ismael Demir"\nexplanation = "x"\n',
    "Evidence found more than once": '[[questions]]\nid = "q1"\nkind = "claim"\n'
    'claim = "Demir leads it."\nverdict = "supported"\nevidence = "S-400"\nexplanation = "x"\n',
    "Question id used twice": '[[questions]]\nid = "q1"\nkind = "claim"\nclaim = "A."\n'
    'verdict = "not-in-article"\nexplanation = "x"\n\n[[questions]]\nid = "q1"\nkind = "claim"\n'
    'claim = "B."\nverdict = "not-in-article"\nexplanation = "x"\n',
    "Warning: no explanation": '[[questions]]\nid = "q1"\nkind = "choice"\nprompt = "Who?"\n'
    'options = ["Ismail Demir", "Joe Biden"]\nanswer = "Joe Biden"\n'
    'evidence = "its chief Ismail Demir"\n',
}


def _type_name(annotation: Any) -> str:
    text = str(annotation)
    return _TYPES.get(text, text)


def _field_rows(cls: type[Any], skip: tuple[str, ...] = ()) -> Iterator[str]:
    yield "| key | type | required | meaning |"
    yield "|---|---|---|---|"
    for f in fields(cls):
        if f.name in skip:
            continue
        required = f.default is MISSING and f.default_factory is MISSING
        default = "" if f.default in (MISSING, None) else f" (default `{_toml(f.default)}`)"
        doc = " ".join(_docstrings(cls).get(f.name, "").split())
        need = "yes" if required else "no" + default
        yield f"| `{f.name}` | {_type_name(f.type)} | {need} | {doc} |"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[]" if not value else str(list(value))
    return str(value)


def _docstrings(cls: type[Any]) -> dict[str, str]:
    from pydantic import TypeAdapter

    schema = TypeAdapter(cls).json_schema()
    return {name: prop.get("description", "") for name, prop in schema["properties"].items()}


def _error_examples(article: Path) -> Iterator[str]:
    from quiz.core.bank.discovery import BankSource
    from quiz.core.bank.loader import load_bank

    with tempfile.TemporaryDirectory() as folder:
        for title, body in ERRORS.items():
            path = Path(folder) / "bank.toml"
            text = _HEADER.replace("ARTICLE", article.as_posix()) + "\n" + body
            path.write_text(text, encoding="utf-8")
            _, problems = load_bank(BankSource(path, "bank.toml", "given"))
            yield f"**{title}**\n\n```toml\n{body.rstrip()}\n```\n"
            yield "```text\n" + "\n".join(str(p) for p in problems) + "\n```\n"


def render(article: Path) -> str:
    """The whole reference, as Markdown; error examples are checked against ``article``."""
    out: list[str] = [
        "# The question-bank format",
        "",
        "<!-- Generated by `python -m quiz.core.bank.formatdoc > docs/question-format.md`;"
        " do not edit by hand. -->",
        "",
        "A bank is a UTF-8 TOML file: one `[bank]` table and any number of `[[questions]]`. Every",
        "question cites its evidence, quotes from the article that `quiz check` finds in it.",
        "Text in a bank is plain text, never markup: `[b]` in a prompt is shown as typed.",
        "",
        "## `[bank]`",
        "",
        *_field_rows(BankInfo),
        "",
        "An article is a UTF-8 text file whose paragraphs are separated by blank lines (in a",
        "text with no blank line, whose every line after the first ends a sentence, by line",
        "breaks). Its metadata (`title`, `outlet`, `author`, `date`, `url`, `note`) lives in",
        "`NAME.meta.toml` beside it; leave out what is not known and the app says *unknown*.",
        "",
        "## Fields of every question",
        "",
        *_field_rows(Question),
        "",
    ]
    common = tuple(f.name for f in fields(Question))
    for kind, cls in KINDS.items():
        out += [f"## `{kind}`", "", " ".join((cls.__doc__ or "").split()), ""]
        out += [*_field_rows(cls, skip=common), ""]
        out += ["```toml", EXAMPLES[kind], "```", ""]
    out += [
        "## Rules",
        "",
        f"- `choice` and `multi` have 2 to {MAX_OPTIONS} options; `order` 2 to {MAX_OPTIONS}",
        "  items. Options (and items) must differ even after normalising and ignoring case.",
        "- `answer` is one of `options`; `answers` is a non-empty subset of `options`.",
        f"- `points` is a number from {MIN_POINTS:g} to {MAX_POINTS}.",
        "- Every question needs `evidence`, except a `not-in-article` claim, which then needs an",
        "  `explanation`.",
        "- Ids are lowercase letters, digits and single hyphens. A bank id is unique among the",
        "  banks loaded together; a question id is unique in its bank. Bank id + question id is",
        "  the question's stable key: keep it when you edit a question.",
        "- Files over 5 MB are refused.",
        "",
        "## How evidence is matched",
        "",
        "Each quote must be found exactly once in the article after normalising both sides:",
        "Unicode NFKC; curly and straight quotes and apostrophes alike; all dashes alike; every",
        "run of white space as one space. Case is kept. A quote may run over several sentences;",
        "the app highlights it in each. Typed `text` answers are matched loosely: case, accents,",
        "punctuation and spacing do not count (`Lukasz Zolc` for `Łukasz Żółć`, `ONeil` for",
        "`O’Neil`, `NordkystBygg` for `Nordkyst Bygg`), but every letter and digit must be there,",
        "and numbers are read as numbers: a decimal point or comma counts (`2.5` and `2,5` alike,",
        "not `25` nor `2 5`), trailing decimal zeros do not (`2.50`), and thousands may be",
        "grouped or not (`1,500`, `1 500`, `1500`; but `1.500` is one and a half).",
        "",
        "## How typed answers are matched",
        "",
        'Unless a question says `tolerance = "exact"`, a typed answer is also right when it is',
        'an accepted answer with a leading "the" left out or added, a word in the singular for',
        "the plural or the other way round (`Committee to Protect Journalist`), or misspelled",
        "by up to one edit (a letter added, dropped or changed, or two side by side swapped) for",
        f"answers of {SHORTEST_FORGIVEN} to {LONGEST_ONE_EDIT} letters (`Putn` for `Putin`) "
        "and two edits for longer ones. Numbers",
        "and dates (an answer with a digit, a number word, a month or a weekday) and answers of",
        f"fewer than {SHORTEST_FORGIVEN} letters must be typed right. An answer one edit further "
        "off than is forgiven",
        'scores nothing and is told "almost: check the spelling".',
        "",
        "## How answers score",
        "",
        "A question is worth its `points` (1 by default). `choice`, `claim` and `text` answers",
        "score all or nothing. The others give part of the points, and only a fully right answer",
        "counts as right:",
        "",
        "- `multi`: each right option picked counts for, and each wrong option picked against, an",
        "  equal share of the right ones; never below 0. With three right options of four, two",
        "  right picks score 2/3, and so do all four picked (three right, one wrong).",
        "- `order`: the share of item pairs put in the right order of each other. One swapped",
        "  pair of three items scores 2/3.",
        "",
        "## Warnings",
        "",
        "`quiz check` warns (and `quiz check --strict` refuses) a question without an explanation,",
        "a `choice` answer that does not appear in its evidence, a `text` question none of whose",
        "accepted answers appears in its evidence, an evidence quote that starts or ends inside",
        "a word of the article (`s chief Ismail Dem`), and a question still marked `draft = true`.",
        "",
        "## Every problem, as `quiz check` reports it",
        "",
        "Each problem is one line, `path:line: error: what is wrong, and what to do`. The examples",
        "below are run against the bundled article (only the `[[questions]]` part of each bank",
        "is shown; the `[bank]` table above it takes 4 lines and a blank).",
        "",
        *_error_examples(article),
    ]
    return "\n".join(out).rstrip() + "\n"


def main() -> None:
    """Print the reference for the bundled article."""
    from quiz.core.locations import bundled_seeds

    print(render(bundled_seeds() / "s400-second-batch.txt"), end="")


if __name__ == "__main__":
    main()
