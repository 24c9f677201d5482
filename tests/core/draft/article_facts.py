"""The three articles written for measuring drafts (tests/core/draft/articles/): each one's
listed facts (what a good draft asks about, for recall) and its truths (who said what, who holds
which role, who was targeted, what a figure or a date is), against which every drafted key is
checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "articles"


@dataclass(frozen=True)
class Truths:
    """What the article says, to check drafted keys against."""

    said: dict[str, str]
    """A few words of what was said (quoted or reported) -> who said it."""
    roles: dict[str, str]
    """A role as a prompt words it -> who holds it."""
    targets: frozenset[str]
    """Every target of the article's sanctions (empty when it has none)."""
    figures: dict[str, str] = field(default_factory=dict)
    """Words of a figure's prompt -> the figure."""
    days: dict[str, str] = field(default_factory=dict)
    """A relative date as written -> the calendar date it is."""
    order: tuple[str, ...] = ()
    """The first words of the article's dated events, earliest first."""


@dataclass(frozen=True)
class Measured:
    """One article for the measurement."""

    path: Path
    """The article."""
    facts: list[tuple[str, str]]
    """(tag, words that must be among the answers of a question with that tag)."""
    truths: Truths
    """What the keys are checked against."""


WIRE = Measured(
    ARTICLES / "wire-export-controls.txt",
    [
        ("sanctions", "Kirill Morozov"),
        ("sanctions", "Ona Petraitė"),
        ("quotes", "Rachel Dunmore"),
        ("quotes", "Jurgita Kalvaitienė"),
        ("quotes", "Ashby"),
        ("quotes", "Gabrielius Landsberg"),
        ("actors", "Colin Ashby"),
        ("actors", "Gabrielius Landsberg"),
        ("actors", "Commerce Department"),
        ("actors", "Vilkas Transit"),
        ("actors", "Klaipėda"),
        ("numbers", "nine"),
        ("numbers", "214"),
        ("numbers", "6 percent"),
        ("numbers", "€3.2 million"),
        ("dates", "12 May 2026"),
        ("dates", "15 May 2026"),
        ("dates", "March 2025"),
        ("dates", "2022"),
    ],
    Truths(
        said={
            "These networks": "Rachel Dunmore",
            "Every shipment": "Rachel Dunmore",
            "investigators had traced": "Colin Ashby",
            "engines were bought": "Colin Ashby",
            "listed firms handled": "Jurgita Kalvaitienė",
            "Most of them are small": "Jurgita Kalvaitienė",
            "shared customs records": "Gabrielius Landsberg",
        },
        roles={
            "Assistant Secretary": "Colin Ashby",
            "Foreign Minister": "Gabrielius Landsberg",
            "freight analyst": "Jurgita Kalvaitienė",
            "freight broker": "Ona Petraitė",
            "spokesperson": "Rachel Dunmore",
        },
        targets=frozenset({"Kirill Morozov", "Ona Petraitė"}),
        figures={
            "fine two of the companies": "€3.2 million",
            "two of the companies fined": "€3.2 million",
            "shipments were traced": "214",
        },
        days={"Tuesday": "12 May 2026", "Friday": "15 May 2026", "last year": "2025"},
        order=(
            "His father",
            "The European Union fined",
            "The United States sanctioned",
            "A court in Klaipėda",
        ),
    ),
)

COURT = Measured(
    ARTICLES / "court-data-fine.txt",
    [
        ("dates", "19 March 2026"),
        ("dates", "October 2023"),
        ("dates", "June 2024"),
        ("dates", "February 2026"),
        ("numbers", "€310 million"),
        ("numbers", "four votes to one"),
        ("numbers", "€150 million"),
        ("numbers", "seven"),
        ("numbers", "90"),
        ("numbers", "41"),
        ("actors", "Tobias Lindqvist"),
        ("actors", "Marta Szczepańska"),
        ("actors", "Helen Dwyer"),
        ("actors", "High Court"),
        ("actors", "Independent Workers"),
        ("quotes", "Aoife Brennan"),
        ("quotes", "Tobias Lindqvist"),
        ("quotes", "Marta Szczepańska"),
        ("quotes", "Helen Dwyer"),
    ],
    Truths(
        said={
            "does not bend": "Aoife Brennan",
            "never told couriers": "Aoife Brennan",
            "study the judgment": "Tobias Lindqvist",
            "storage period": "Tobias Lindqvist",
            "Couriers were tracked": "Marta Szczepańska",
            "central fund": "Helen Dwyer",
        },
        roles={
            "general counsel": "Tobias Lindqvist",
            "union leader": "Marta Szczepańska",
            "Commissioner": "Helen Dwyer",
        },
        targets=frozenset(),
        figures={
            "cut the fine": "€150 million",
            "the fine cut": "€150 million",
            "votes to how many": "four votes to one",
            "fine against": "€310 million",
            "storage period": "90",
            "new inquiries were opened": "41",
        },
        days={"Thursday": "19 March 2026", "last year": "2025"},
        order=(
            "The Data Protection Commission fined",
            "The High Court cut",
            "The Commission opened",
            "The Supreme Court of Ireland upheld",
        ),
    ),
)

SCIENCE = Measured(
    ARTICLES / "science-sleep-study.txt",
    [
        ("numbers", "21"),
        ("numbers", "1,240"),
        ("numbers", "18"),
        ("numbers", "six"),
        ("numbers", "38 percent"),
        ("dates", "1 April 2026"),
        ("dates", "August 2024"),
        ("dates", "March 2025"),
        ("dates", "September 2026"),
        ("actors", "Aarhus University"),
        ("actors", "University of Groningen"),
        ("actors", "World Health Organization"),
        ("actors", "Pediatric Sleep Research"),
        ("actors", "Norway"),
        ("actors", "Denmark"),
        ("quotes", "Lotte Vinther"),
        ("quotes", "Ruud Bakker"),
    ],
    Truths(
        said={
            "The effect is modest": "Lotte Vinther",
            "did not prove": "Lotte Vinther",
            "results were encouraging": "Ruud Bakker",
            "is not long enough": "Ruud Bakker",
        },
        roles={"sleep researcher": "Lotte Vinther"},
        figures={"pupils were followed": "1,240"},
        targets=frozenset(),
        days={"Wednesday": "1 April 2026"},
        order=(
            "The team began recruiting",
            "The trial ended",
            "Teenagers who stopped",
            "A larger trial in Norway",
        ),
    ),
)

MEASURED = {"wire": WIRE, "court": COURT, "science": SCIENCE}
