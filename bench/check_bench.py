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
import os
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

import quiz.core.text.prepared
from quiz.core.bank.catalog import Catalog
from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.bank.model import (
    BankInfo,
    ChoiceQuestion,
    ClaimQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
)
from quiz.core.text.loader import ArticleLoader
from quiz.core.text.prepared import PreparedArticles
from quiz.core.words import plural

# isort: split
# The article and banks are made in generate_banks.py, beside this file: run as a script, this
# folder is on sys.path.
from generate_banks import PER_FILE, generate

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
    settled = quiz.core.text.prepared.SETTLED_NS
    quiz.core.text.prepared.SETTLED_NS = 1 << 62  # no stamp is remembered, in a folder of its own
    try:
        articles = ArticleLoader(PreparedArticles(PREPARED[0].with_name("hashed")))
        return _checked(load_banks(discover([str(folder)]), articles=articles, place=False))
    finally:
        quiz.core.text.prepared.SETTLED_NS = settled


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
    expected = f"{plural(size // PER_FILE, 'bank')}, {size} questions, 0 errors, 0 warnings"
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
