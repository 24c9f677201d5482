"""`quiz check` throughput on generated banks, next to the floor of parsing and validating alone.

Generates, in a temporary folder, a ~1 MB news-like article and banks of N questions (files of
1,000 questions, every kind mixed, each question with a quote found exactly once in the article,
an explanation, and its answer inside its evidence, so the banks check clean). For each size it
times, interleaved and best-of-N in the same run:

* check: ``load_banks(discover([folder]), articles=..., place=False)``, what ``quiz check`` does,
  in-process, with the article prepared in an earlier run and read back (as when a teacher checks
  a bank again while writing it: the article is the same, the bank is parsed, validated and its
  every quote resolved anew). The article file is known by its stamp, as it is once it has been
  left unchanged for two seconds, so it is not read;
* hashed: the same with the article read and hashed to find its prepared form (as when it was
  written in the last two seconds, or on Windows);
* cold: the same with the article split, normalised and indexed in the run (a first check);
* floor: reading each file, ``tomli.loads`` and one pydantic ``TypeAdapter`` validating the whole
  bank (``[bank]`` plus a discriminated union of the question models), nothing else.

The goal (issue 2) is check within 1.5x of the floor and linear in the number of questions. The real
``quiz check`` command is also run once, as a subprocess, on the largest size.

    python bench/check_bench.py [--sizes 1000,10000,100000] [--repeats N]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar

import tomli
from pydantic import Discriminator, Tag, TypeAdapter

import quiz.core.prepared
from quiz.core.banks import ArticleLoader, Catalog, load_banks
from quiz.core.discovery import discover
from quiz.core.model import (
    BankInfo,
    ChoiceQuestion,
    ClaimQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
)
from quiz.core.prepared import PreparedArticles

PER_FILE = 1000
ARTICLE_BYTES = 1_000_000

# --- the article ----------------------------------------------------------------------------

FIRST = (
    "Amira Lena Tomas Ingrid Kwame Sofia Mateo Yuki Olga Rahul Chen Fatima Lars Elena Diego Nadia"
    " Pieter Aylin Jonas Mariam Tariq Beatriz Henrik Leila Viktor Nkechi Hugo Sanna Omar Ines"
).split()
LAST = (
    "Okafor Lindqvist Haddad Moreau Tanaka Kowalski Ferreira Nguyen Petrov Ochieng Rossi Demir"
    " Castillo Bergstrom Mensah Novak Alvarez Sato Jansen Karimi Dubois Costa Ivanova Brennan"
    " Halvorsen Mbeki Romero Fischer Yilmaz Quispe"
).split()
ROLES = (
    "minister of finance|foreign minister|spokeswoman|spokesman|chief executive|mayor"
    "|deputy director|senior analyst|union leader|central bank governor|defence secretary"
    "|chief negotiator|regional governor|auditor general"
).split("|")
ORGS = (
    "the European Commission|the Ministry of Defence|the World Bank|the port authority"
    "|the national grid operator|the Federal Reserve|the state railway|the health ministry"
    "|the electoral commission|the coast guard|the U.N. refugee agency|the statistics office"
    "|the Defense Industry Directorate|the central bank|the city council|the shipping regulator"
).split("|")
PLACES = (
    "Ankara|Lisbon|Nairobi|Oslo|Manila|Lima|Gdansk|Rotterdam|Hanoi|Accra|Tbilisi|Valparaiso"
    "|Osaka|Bergen|Mombasa|Izmir|Porto|Cebu|Krakow|Tallinn|Durban|Quito|Antwerp|Busan"
).split("|")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
THINGS = (
    "the new pipeline|the grain corridor|the bridge repairs|the vaccination drive|the arms deal"
    "|the flood defences|the rail link|the tax reform|the fishing quota|the housing plan"
    "|the debt restructuring|the border checks|the wind farm|the desalination plant"
).split("|")
UNITS = (
    "tonnes of wheat|households|barrels a day|jobs|euros in fines|passengers a week|hectares"
    "|containers|megawatts|troops|doctors|applications|kilometres of track|vessels"
).split("|")
VERBS = "said|told reporters|insisted|warned|confirmed|announced|acknowledged".split("|")
TEMPLATES = (
    "{name}, the {role} of {org}, {verb} on {date} that {thing} would involve {uniq} {unit}.",
    "According to {org}, {uniq} {unit} were affected in {place} between {month} and {month2}.",
    "“We cannot accept {thing} in its present form,” {name} {verb}, adding that {uniq} {unit} "
    "were at stake.",
    "In {year}, {org} reported {uniq} {unit} in {place}, up {pct} percent on the year before.",
    "Dr. {last} of {org} {verb} that {thing} had been delayed by {small} months and that "
    "{uniq} {unit} were still waiting.",
    "The figures, published on {date}, show {uniq} {unit} across {place} and {place2}.",
    "{name} {verb} the plan was “not negotiable” and that {org} had set aside {uniq} {unit} "
    "for {thing}.",
    "Officials in {place} {verb} that {uniq} {unit} had been moved before the storm reached the "
    "coast on {date}.",
    "By the end of {month}, {thing} had drawn {uniq} {unit}, {name} {verb}, though critics "
    "called the count “misleading”.",
    "U.S. officials {verb} on {date} that {org} would review {thing}, which covers {uniq} {unit}.",
    "“We will rebuild {place} … whatever it takes,” {name} {verb}, promising {uniq} {unit} "
    "by {month}.",
    "Prof.\u00a0{last} {verb} that {uniq} {unit} in {place} had been counted twice.",
)


@dataclass
class Sentence:
    text: str
    words: list[str]
    uniq: int  # index in ``words`` of the number found nowhere else in the article


def _date(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2023)}"


def make_article(rng: random.Random) -> tuple[str, list[Sentence]]:
    """~1 MB of paragraphs; every sentence holds a number (1,000 and up) found nowhere else."""
    numbers = iter(rng.sample(range(1000, 1_000_000), 20_000))
    paragraphs: list[str] = []
    sentences: list[Sentence] = []
    size = 0
    while size < ARTICLE_BYTES:
        para: list[str] = []
        for _ in range(rng.randint(2, 6)):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            uniq = f"{next(numbers):,}"
            text = rng.choice(TEMPLATES).format(
                name=name,
                last=rng.choice(LAST),
                role=rng.choice(ROLES),
                org=rng.choice(ORGS),
                verb=rng.choice(VERBS),
                date=_date(rng),
                thing=rng.choice(THINGS),
                uniq=uniq,
                unit=rng.choice(UNITS),
                place=rng.choice(PLACES),
                place2=rng.choice(PLACES),
                month=rng.choice(MONTHS),
                month2=rng.choice(MONTHS),
                year=rng.randint(2010, 2023),
                pct=rng.randint(2, 40),
                small=rng.randint(2, 11),
            )
            words = text.split(" ")
            at = next(i for i, w in enumerate(words) if w.rstrip(".,”") == uniq)
            sentences.append(Sentence(text, words, at))
            para.append(text)
        paragraph = " ".join(para)
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs) + "\n", sentences


# --- the banks ------------------------------------------------------------------------------

TAGS = ("dates", "actors", "figures", "places", "quotes", "sanctions")


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    return str(value)


def _window(rng: random.Random, s: Sentence) -> tuple[str, list[str]]:
    """A quote of 5-14 words around the sentence's unique number (never first or last)."""
    lo = rng.randint(max(s.uniq - 7, 0), max(s.uniq - 1, 0))
    hi = rng.randint(min(s.uniq + 2, len(s.words)), min(s.uniq + 8, len(s.words)))
    words = s.words[lo:hi]
    return " ".join(words), words


def _other_numbers(rng: random.Random, answer: str, k: int) -> list[str]:
    out: list[str] = []
    while len(out) < k:
        n = f"{rng.randint(1000, 999_999):,}"
        if n != answer and n not in out:
            out.append(n)
    return out


def make_question(rng: random.Random, number: int, sentences: list[Sentence]) -> dict[str, Any]:
    s = rng.choice(sentences)
    quote, words = _window(rng, s)
    figure = s.words[s.uniq].rstrip(".,”")
    kind = ("choice", "multi", "claim", "text", "order")[number % 5]
    q: dict[str, Any] = {"id": f"q{number:05d}", "kind": kind}
    if kind == "choice":
        options = [figure, *_other_numbers(rng, figure, 3)]
        rng.shuffle(options)
        q |= {"prompt": "What figure does the article give here?", "options": options}
        q["answer"] = figure
        if number % 3 == 0:
            q["feedback"] = {next(o for o in options if o != figure): "Not the figure reported."}
    elif kind == "multi":
        options = [figure, *_other_numbers(rng, figure, 3)]
        q |= {"prompt": "Which figures does the passage give?", "options": options}
        q["answers"] = [figure]
    elif kind == "claim":
        verdict = rng.choice(("supported", "refuted"))
        q |= {"claim": f"The article reports {figure} for this item.", "verdict": verdict}
    elif kind == "text":
        q |= {"prompt": "Type the figure the article gives.", "accept": [figure]}
        long = [w.strip(".,“”") for w in words if len(w) > 6 and w.isalpha()]
        if long:
            q["accept"].append(long[0])
    else:
        items = [f"{rng.choice(MONTHS)} {y}" for y in rng.sample(range(2000, 2024), 3)]
        q |= {"prompt": "Put these in order, earliest first.", "items": items}
    q["evidence"] = quote
    q["explanation"] = f"The article gives {figure} in this passage."
    q["tags"] = rng.sample(TAGS, rng.randint(1, 2))
    if number % 7 == 0:
        q["points"] = 2
    return q


def make_bank(rng: random.Random, file_no: int, sentences: list[Sentence]) -> str:
    out = [
        "[bank]",
        f'id = "bench-{file_no:04d}"',
        f'title = "Generated bank {file_no}"',
        'topic = "Benchmark"',
        'article = "../article.txt"',
        "",
    ]
    for number in range(PER_FILE):
        q = make_question(rng, number, sentences)
        feedback = q.pop("feedback", None)
        out.append("[[questions]]")
        out.extend(f"{key} = {_toml(value)}" for key, value in q.items())
        if feedback:
            out.append("[questions.feedback]")
            out.extend(f"{_toml(k)} = {_toml(v)}" for k, v in feedback.items())
        out.append("")
    return "\n".join(out)


def generate(root: Path, sizes: list[int]) -> dict[int, Path]:
    rng = random.Random(20240602)
    text, sentences = make_article(rng)
    (root / "article.txt").write_text(text, encoding="utf-8")
    files = [make_bank(rng, n, sentences) for n in range(max(sizes) // PER_FILE)]
    folders: dict[int, Path] = {}
    for size in sizes:
        folder = root / f"n{size}"
        folder.mkdir()
        for n, bank in enumerate(files[: size // PER_FILE]):
            (folder / f"bank-{n:04d}.toml").write_text(bank, encoding="utf-8")
        folders[size] = folder
    return folders


# --- what is timed --------------------------------------------------------------------------


def _kind(value: Any) -> Any:
    return value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)


AnyTagged = Annotated[
    Annotated[ChoiceQuestion, Tag("choice")]
    | Annotated[MultiQuestion, Tag("multi")]
    | Annotated[ClaimQuestion, Tag("claim")]
    | Annotated[TextQuestion, Tag("text")]
    | Annotated[OrderQuestion, Tag("order")],
    Discriminator(_kind),
]


@dataclass
class BankFile:
    """A whole bank file, for the floor: one validation call per file."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
    bank: BankInfo
    questions: list[AnyTagged]


FLOOR = TypeAdapter(BankFile)


def floor(folder: Path) -> int:
    """Parse and validate every bank in ``folder``, nothing more; the number of questions."""
    count = 0
    for path in sorted(folder.glob("*.toml")):
        data = tomli.loads(path.read_bytes().decode("utf-8-sig"))
        count += len(FLOOR.validate_python(data).questions)
    return count


PREPARED: list[Path] = []  # where prepared articles are kept: set in main()


def check(folder: Path) -> int:
    """What ``quiz check FOLDER`` does, in-process; the number of questions (all must load)."""
    return _checked(load_banks(discover([str(folder)]), articles=_articles(), place=False))


def hashed(folder: Path) -> int:
    """``check`` with the article's stamp not trusted: it is read and hashed."""
    settled = quiz.core.prepared.SETTLED_NS
    quiz.core.prepared.SETTLED_NS = 1 << 62  # no stamp is remembered, in a folder of its own
    try:
        articles = ArticleLoader(PreparedArticles(PREPARED[0].with_name("hashed")))
        return _checked(load_banks(discover([str(folder)]), articles=articles, place=False))
    finally:
        quiz.core.prepared.SETTLED_NS = settled


def cold(folder: Path) -> int:
    """``check`` with the article prepared in the run, as in a first check."""
    return _checked(load_banks(discover([str(folder)]), place=False))


def _articles() -> ArticleLoader:
    return ArticleLoader(PreparedArticles(PREPARED[0]))


def _checked(catalog: Catalog) -> int:
    if catalog.problems:
        for problem in catalog.problems[:10]:
            print(problem, file=sys.stderr)
        raise SystemExit(f"the generated banks have {len(catalog.problems)} problems")
    return catalog.questions


def timed(fn: Callable[[Path], int], folder: Path, size: int) -> float:
    gc.collect()
    start = time.perf_counter()
    count = fn(folder)
    elapsed = time.perf_counter() - start
    if count != size:
        raise SystemExit(f"{fn.__name__} saw {count} questions, not {size}")
    return elapsed


def run_cli(folder: Path, size: int) -> float:
    quiz = str(Path(sys.executable).with_name("quiz"))
    env = {**os.environ, "QUIZ_HOME": str(PREPARED[0].parent)}
    start = time.perf_counter()
    done = subprocess.run([quiz, "check", str(folder)], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    expected = f"{size // PER_FILE} banks, {size} questions, 0 errors, 0 warnings"
    if done.returncode != 0 or not summary.startswith(expected):
        raise SystemExit(f"quiz check failed ({done.returncode}): {summary}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated")
    parser.add_argument(
        "--repeats", type=int, help="runs of each side per size (default: 5 at 1,000, else 3)"
    )
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if any(s <= 0 or s % PER_FILE for s in sizes):
        parser.error(f"sizes must be positive multiples of {PER_FILE}")

    with tempfile.TemporaryDirectory(prefix="check-bench-") as tmp:
        started = time.perf_counter()
        folders = generate(Path(tmp), sizes)
        article = Path(tmp, "article.txt").stat().st_size
        print(
            f"generated {article / 1e6:.2f} MB article and {max(sizes) // PER_FILE} bank files "
            f"in {time.perf_counter() - started:.1f}s"
        )
        PREPARED.append(Path(tmp, "home", "articles"))
        # A file's stamp is trusted once it is two seconds old: wait for that, as for a teacher
        # checking a bank again, then warm imports and adapters on every side (the first check
        # prepares the article, the second finds it by its stamp).
        time.sleep(max(0.0, 2.1 - (time.time() - Path(tmp, "article.txt").stat().st_ctime)))
        for fn in (check, check, hashed, cold, floor):
            timed(fn, folders[sizes[0]], sizes[0])
        rows = []
        for size in sizes:
            repeats = args.repeats or (5 if size <= 1000 else 3)
            times: dict[str, list[float]] = {"check": [], "hashed": [], "cold": [], "floor": []}
            sides = [(check, times["check"]), (hashed, times["hashed"])]
            sides += [(cold, times["cold"]), (floor, times["floor"])]
            for r in range(repeats):  # interleaved, turning which goes first
                for fn, out in sides[r % 4 :] + sides[: r % 4]:
                    out.append(timed(fn, folders[size], size))
            best = {name: min(values) for name, values in times.items()}
            rows.append((size, best, repeats))
        cli = run_cli(folders[sizes[-1]], sizes[-1])

    print()
    print(
        f"{'questions':>10} {'check s':>9} {'questions/s':>12} {'floor s':>9} {'ratio':>6}"
        f" {'check µs/q':>11} {'floor µs/q':>11} {'hashed ratio':>13} {'cold ratio':>11}"
        f" {'best of':>8}"
    )
    for size, best, repeats in rows:
        c, f = best["check"], best["floor"]
        print(
            f"{size:>10,} {c:>9.3f} {size / c:>12,.0f} {f:>9.3f} {c / f:>6.2f}"
            f" {c / size * 1e6:>11.1f} {f / size * 1e6:>11.1f} {best['hashed'] / f:>13.2f}"
            f" {best['cold'] / f:>11.2f} {repeats:>8}"
        )
    print(
        f"\n`quiz check` subprocess on {sizes[-1]:,} questions: {cli:.2f}s wall "
        f"({sizes[-1] / cli:,.0f} questions/s, imports included)"
    )
    print(
        "check: article prepared by an earlier run, known by its stamp; hashed: the same, but"
        " read and hashed; cold: article prepared in the run"
    )
    print("goal: ratio <= 1.50, check µs/q flat across sizes")


if __name__ == "__main__":
    main()
