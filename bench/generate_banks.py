"""The article and banks that ``check_bench.py`` times ``quiz check`` on.

A ~1 MB news-like article, seeded so it is the same every run, in which every sentence holds a
number found nowhere else; and banks of 1,000 questions each, every kind mixed, each question
quoting a passage around such a number, so that every quote is found exactly once, every answer
is inside its evidence and the banks check clean. ``generate(root, sizes)`` writes the article
and a folder of banks for each size.

Imported by ``bench/check_bench.py`` (run as a script, so this folder is on ``sys.path``).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
