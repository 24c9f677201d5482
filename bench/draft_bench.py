"""How fast `quiz draft` drafts a large article: prints MB/s and the seconds for 1 MB.

Generates a news-like article of real-looking paragraphs (varied people, titles, organisations,
places, dates, quotations, sanctions and numbers, every sentence distinct), then times
``draft_article`` (splitting, every rule, unique evidence) and the TOML rendering.

    python bench/draft_bench.py [--mb 1.0] [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

FIRST = (
    "Renée Ismail Marek Anna Tomasz Ingrida Stéphane Joe Olena Kenji Amara Luis Fatima Piotr Sven"
    " Aylin Rafael Chidi Mei Dmitri"
).split()
LAST = (
    "Dupont Demir Nowak Kowalczyk Šimonytė Dujarric Walsh Kovalenko Tanaka Okafor García Haddad"
    " Wiśniewski Lindqvist Yılmaz Moreau Adeyemi Chen Volkov Brandt"
).split()
TITLES = (
    "Foreign Minister|Prime Minister|Finance Minister|President|Defence Minister|Trade Minister"
    "|Governor|Senator"
).split("|")
NATIONS = "French|Polish|Lithuanian|Turkish|Ukrainian|Japanese|Nigerian|Brazilian".split("|")
PLACES = (
    "Poland Lithuania Turkey Ukraine Japan Nigeria Brazil France Belarus Russia Georgia Kenya"
).split()
CITIES = "Łódź Kraków Vilnius Izmir Lviv Osaka Lagos Recife Lyon Gdańsk Kaunas Bursa".split()
ORGS = (
    "Vistula Chemicals|Grodno Azot|Baltic Shipping Group|Anatolia Steel|Dnipro Energy Company"
    "|Kansai Rail Corporation|Niger Delta Oil Company|Amazonia Mining Group"
).split("|")
AGENCIES = [
    ("Committee to Protect Journalists", "CPJ"),
    ("International Energy Agency", "IEA"),
    ("World Health Organization", "WHO"),
    ("Polish Press Agency", "PAP"),
]
MONTHS = (
    "January February March April May June July August September October November December".split()
)
DAYS = "Monday Tuesday Wednesday Thursday Friday".split()
NUMBER_WORDS = "two three four five six seven eight nine".split()
NOUNS = "workers employees subsidiaries vessels shipments officials plants contracts".split()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _paragraph(rng: random.Random, n: int) -> str:
    """One paragraph; ``n`` makes its sentences distinct."""
    who, other = _person(rng), _person(rng)
    title = f"{rng.choice(NATIONS)} {rng.choice(TITLES)}"
    org, org2 = rng.sample(ORGS, 2)
    agency, abbr = rng.choice(AGENCIES)
    place, place2 = rng.sample(PLACES, 2)
    city = rng.choice(CITIES)
    year = rng.randint(1995, 2024)
    month = rng.choice(MONTHS)
    day = rng.randint(1, 28)
    count = rng.choice(NUMBER_WORDS)
    noun = rng.choice(NOUNS)
    pct = rng.randint(2, 60)
    money = rng.randint(11, 990) / 10
    templates = [
        f"{title} {who} said on {rng.choice(DAYS)} that {place} would review {n} contracts "
        f"signed with {org} in {month} {year}.",
        f"“We will not accept report number {n},” {who.split()[-1]} told reporters in {city}. "
        f"“The talks of {month} {day}, {year} changed nothing for {count} of our partners.”",
        f"In {month} {year}, {place} imposed sanctions on {org}, along with its chief {other} "
        f"and {count} other {noun}, in case {n}.",
        f"According to the {agency} ({abbr}), output in {city} fell {pct} percent to about "
        f"${money} billion in {year}, the {n}th drop on record.",
        f"{place2} also banned exports to {org2} last month, file {n} shows.",
        f"{who.split()[-1]} is expected to meet his counterpart {other} in {city} later this week "
        f"to discuss {n} disputed shipments.",
    ]
    rng.shuffle(templates)
    return " ".join(templates[: rng.randint(2, 4)])


def make_article(size: int, seed: int = 7) -> str:
    """A news-like article of about ``size`` bytes (UTF-8)."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    n = 0
    while total < size:
        n += 1
        paragraph = _paragraph(rng, n)
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


def make_repetitive(size: int) -> str:
    """About ``size`` bytes of one short article's paragraphs over and over (a page saved with
    its boilerplate repeated, or many copies of one wire story)."""
    base = make_article(20_000).split("\n\n")
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = base[len(paragraphs) % len(base)].strip()
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


def run(
    mb: float, repeats: int, limit: int | None = None, repetitive: bool = False
) -> tuple[float, int, int]:
    """Median seconds to draft and render a generated article of ``mb`` megabytes."""
    from quiz.core.draft import draft_article, render_bank
    from quiz.core.errors import QuizError
    from quiz.core.text.article import load_article

    size = int(mb * 1_000_000)
    text = make_repetitive(size) if repetitive else make_article(size)
    times: list[float] = []
    questions = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        for _ in range(repeats):
            start = time.perf_counter()
            article = load_article(path)
            try:
                drafted = draft_article(article, *([] if limit is None else [limit]))
            except QuizError:  # nothing quotable once: timed all the same
                times.append(time.perf_counter() - start)
                questions = 0
                continue
            render_bank(
                drafted.questions,
                drafted.ids,
                bank_id="big",
                title="Big",
                article="big.txt",
                source="big.txt",
            )
            times.append(time.perf_counter() - start)
            questions = len(drafted.questions)
    return statistics.median(times), len(text.encode("utf-8")), questions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="article size in MB (default 1)")
    parser.add_argument("--repeats", type=int, default=3, help="runs; the median is shown")
    parser.add_argument(
        "--all", action="store_true", help="keep every question (no default cap of 300)"
    )
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="time 1, 2, 4 and 5 MB of varied and of repetitive text (once each)",
    )
    args = parser.parse_args()
    if args.sweep:
        return sweep()
    seconds, size, questions = run(args.mb, args.repeats, 10**9 if args.all else None)
    rate = size / 1e6 / seconds
    print(f"article: {size / 1e6:.2f} MB, {questions} questions drafted")
    print(f"draft: {seconds:.2f} s median of {args.repeats} ({rate:.2f} MB/s)")
    print(f"1 MB takes {1 / rate:.2f} s (goal: under 3 s)")
    return 0


def sweep() -> int:
    """Seconds per size and kind of text: drafting must grow linearly with the article."""
    print(f"{'MB':>4} {'varied s':>9} {'s/MB':>6} {'repetitive s':>13} {'s/MB':>6} questions")
    for mb in (1.0, 2.0, 4.0, 5.0):
        varied, _, asked = run(mb, 1)
        repeated, _, asked_again = run(mb, 1, repetitive=True)
        print(
            f"{mb:4.0f} {varied:9.2f} {varied / mb:6.2f} {repeated:13.2f} {repeated / mb:6.2f}"
            f" {asked} / {asked_again}"
        )
    print("goal: 5 MB of either under 20 s, and s/MB about the same at every size")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
