"""Discovering and loading banks through quiz.core.bank.loader (without the command line)."""

from pathlib import Path

import pytest

from quiz.core.bank.discovery import BankSource, discover
from quiz.core.bank.loader import load_bank, load_banks
from quiz.core.bank.model import ChoiceQuestion, ClaimQuestion
from quiz.core.errors import Problem, QuizError

HEAD = """\
[bank]
id = "t"
title = "Test bank"
topic = "Testing"
article = "article.txt"
"""

# With HEAD before it: 7 [[questions]], 8 id, 9 kind, ..., 12 answer, 13 evidence.
CHOICE = """
[[questions]]
id = "q1"
kind = "choice"
prompt = "Which [b]Turkish[/b] body was sanctioned? [not markup"
options = ["Defense Industry Directorate", "Central Bank"]
answer = "Defense Industry Directorate"
evidence = "Washington imposed sanctions on Turkey's Defense Industry Directorate"
explanation = "The article says so."
tags = ["sanctions", "dates"]
feedback = { "Central Bank" = "Never mentioned." }
"""

CLAIM = """
[[questions]]
id = "c1"
kind = "claim"
claim = "The article gives the price."
verdict = "not-in-article"
explanation = "No price is given."
"""


def write(folder: Path, name: str, text: str) -> BankSource:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return BankSource(path, name, "given")


def test_load_bank_valid(bank_dir: Path) -> None:
    bank, problems = load_bank(write(bank_dir, "bank.toml", HEAD + CHOICE + CLAIM))
    assert problems == []
    assert bank is not None
    assert (bank.id, bank.topic, bank.info.title) == ("t", "Testing", "Test bank")
    assert [q.id for q in bank.questions] == ["q1", "c1"]
    choice = bank.questions[0]
    assert isinstance(choice, ChoiceQuestion)
    # Markup is not interpreted: the prompt loads as written.
    assert choice.prompt == "Which [b]Turkish[/b] body was sanctioned? [not markup"
    assert choice.tags == ("sanctions", "dates")
    assert choice.feedback == {"Central Bank": "Never mentioned."}
    (found,) = bank.evidence["q1"]
    assert bank.article.text[found.start : found.end] == (
        "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
    )
    assert found.sentences == (6,)
    assert bank.evidence["c1"] == ()
    assert isinstance(bank.questions[1], ClaimQuestion)
    assert bank.article.title == "Turkey intends to buy a second batch of Russian S-400s"


def test_topic_defaults_to_title(bank_dir: Path) -> None:
    bank, _ = load_bank(
        write(bank_dir, "bank.toml", HEAD.replace('topic = "Testing"\n', "") + CLAIM)
    )
    assert bank is not None and bank.topic == "Test bank"


def test_question_id_used_twice(bank_dir: Path) -> None:
    bank, problems = load_bank(write(bank_dir, "bank.toml", HEAD + CHOICE + CLAIM + CHOICE))
    assert bank is not None
    assert [q.id for q in bank.questions] == ["q1", "c1"]
    assert problems == [
        Problem(
            "bank.toml",
            26,
            "error",
            "question id `q1` is used twice in the bank (first at line 8); give each its own id",
        )
    ]


@pytest.mark.parametrize(("written", "points"), [("2", 2.0), ("2.5", 2.5), ("1_000", 1000.0)])
def test_points_take_whole_numbers_and_decimals(
    bank_dir: Path, written: str, points: float
) -> None:
    text = HEAD + CHOICE.replace("tags =", f"points = {written}\ndraft = true\ntags =")
    bank, problems = load_bank(write(bank_dir, "bank.toml", text))
    assert bank is not None
    (question,) = bank.questions
    assert (question.points, type(question.points), question.draft) == (points, float, True)
    assert [p.severity for p in problems] == ["warning"]  # still a draft


def test_bad_question_does_not_stop_the_bank(bank_dir: Path) -> None:
    bad = CHOICE.replace('id = "q1"', 'id = "q2"').replace('kind = "choice"', 'kind = "poll"')
    bank, problems = load_bank(write(bank_dir, "bank.toml", HEAD + bad + CLAIM))
    assert bank is not None
    assert [q.id for q in bank.questions] == ["c1"]
    assert [(p.line, p.severity) for p in problems] == [(9, "error")]
    assert "unknown kind `poll`" in problems[0].message


def test_missing_article_means_no_bank(bank_dir: Path) -> None:
    bank, problems = load_bank(
        write(bank_dir, "bank.toml", HEAD.replace("article.txt", "gone.txt") + CHOICE)
    )
    assert bank is None
    assert [(p.line, p.severity) for p in problems] == [(5, "error")]
    assert "article `gone.txt` cannot be used: article not found" in problems[0].message


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\ufeff\r\n"])
def test_empty_article_is_said_once(bank_dir: Path, text: str) -> None:
    (bank_dir / "blank.txt").write_text(text, encoding="utf-8")
    bank, problems = load_bank(
        write(bank_dir, "bank.toml", HEAD.replace("article.txt", "blank.txt") + CHOICE + CLAIM)
    )
    assert bank is None
    assert [(p.line, p.severity) for p in problems] == [(5, "error")]
    assert "article `blank.txt` cannot be used: article is empty" in problems[0].message


def test_bank_id_used_twice(bank_dir: Path) -> None:
    first = write(bank_dir, "one/a.toml", HEAD.replace('"article.txt"', '"../article.txt"') + CLAIM)
    second = write(
        bank_dir, "two/b.toml", HEAD.replace('"article.txt"', '"../article.txt"') + CHOICE
    )
    catalog = load_banks([first, second])
    assert [b.source.shown for b in catalog.banks] == ["one/a.toml"]
    assert catalog.problems == [
        Problem(
            "one/a.toml",
            2,
            "error",
            "bank id `t` is also used by two/b.toml; give each bank its own id",
        ),
        Problem(
            "two/b.toml",
            2,
            "error",
            "bank id `t` is also used by one/a.toml; give each bank its own id",
        ),
    ]
    assert (catalog.files, catalog.errors, catalog.warnings, catalog.questions) == (2, 2, 0, 1)


def test_one_bad_file_does_not_stop_the_others(bank_dir: Path) -> None:
    sources = [
        write(bank_dir, "a.toml", "[bank]\nid = 'x'\n[[[\n"),
        write(bank_dir, "b.toml", HEAD + CHOICE),
        write(bank_dir, "c.toml", HEAD.replace('id = "t"', 'id = "u"') + CLAIM),
    ]
    (bank_dir / "d.toml").write_bytes(b"[bank]\nid = '\xff'\n")
    sources.append(BankSource(bank_dir / "d.toml", "d.toml", "given"))
    catalog = load_banks(sources)
    assert [b.id for b in catalog.banks] == ["t", "u"]
    assert [(p.path, p.line) for p in catalog.problems] == [("a.toml", 3), ("d.toml", 2)]
    assert catalog.errors == 2
    assert catalog.questions == 2


def test_article_loaded_once_for_banks_that_share_it(bank_dir: Path) -> None:
    a = write(bank_dir, "a.toml", HEAD + CHOICE)
    b = write(bank_dir, "b.toml", HEAD.replace('id = "t"', 'id = "u"') + CLAIM)
    catalog = load_banks([a, b])
    assert catalog.banks[0].article is catalog.banks[1].article


# --- discovery -------------------------------------------------------------------------------


def test_discover_folders_recursively_passing_over_meta(bank_dir: Path) -> None:
    write(bank_dir, "banks/z.toml", "")
    write(bank_dir, "banks/sub/a.toml", "")
    write(bank_dir, "banks/sub/a.meta.toml", "")
    write(bank_dir, "banks/notes.txt", "")
    sources = discover([str(bank_dir / "banks")])
    assert [s.path.relative_to(bank_dir / "banks").as_posix() for s in sources] == [
        "sub/a.toml",
        "z.toml",
    ]
    assert {s.origin for s in sources} == {"given"}
    assert sources[0].shown == str(Path(bank_dir / "banks") / "sub" / "a.toml")


def test_discover_names_files_as_given_and_drops_duplicates(
    bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(bank_dir)
    write(bank_dir, "a.toml", "")
    sources = discover(["a.toml", "./a.toml", "."])
    assert [s.shown for s in sources] == ["a.toml"]
    assert sources[0].path.resolve() == (bank_dir / "a.toml").resolve()


def test_discover_a_meta_file_named_directly(bank_dir: Path) -> None:
    # Only folder searches pass over .meta.toml; a file named outright is taken as given.
    assert [s.shown for s in discover([str(bank_dir / "article.meta.toml")])] == [
        str(bank_dir / "article.meta.toml")
    ]


@pytest.mark.parametrize(
    ("name", "named"), [("empty", "a folder"), ("x.toml", "a folder named like a bank file")]
)
def test_discover_a_folder_without_banks(tmp_path: Path, name: str, named: str) -> None:
    (tmp_path / name / "sub").mkdir(parents=True)
    (tmp_path / name / "sub" / "a.meta.toml").write_text('title = "x"\n', encoding="utf-8")
    problems: list[Problem] = []
    assert discover([str(tmp_path / name)], problems) == []
    message = (
        f"{named}, with no bank files (*.toml) in it; name a bank file, or a folder that holds some"
    )
    assert problems == [Problem(str(tmp_path / name), 1, "error", message)]
    assert discover([str(tmp_path / name)]) == []  # without a list, nothing is said


def test_discover_missing_path(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="no such file or folder"):
        discover([str(tmp_path / "nope")])


# --- inputs that crash the loader ------------------------------------------------------------


def errors_of(source: BankSource) -> list[Problem]:
    """The errors of loading ``source`` (there must be some)."""
    _, problems = load_bank(source)
    errors = [p for p in problems if p.severity == "error"]
    assert errors
    return errors


@pytest.mark.parametrize("kind", ['["choice"]', "{ a = 1 }"])
def test_kind_that_is_not_a_string(bank_dir: Path, kind: str) -> None:
    text = HEAD + CHOICE.replace('kind = "choice"', f"kind = {kind}")
    problems = errors_of(write(bank_dir, "bank.toml", text))
    assert problems[0].line == 9


def test_article_name_with_nul(bank_dir: Path) -> None:
    text = HEAD.replace('"article.txt"', '"article\\u0000.txt"') + CHOICE
    problems = errors_of(write(bank_dir, "bank.toml", text))
    assert problems[0].line == 5


def test_deeply_nested_toml(bank_dir: Path) -> None:
    text = HEAD + "x = " + "[" * 1000 + "]" * 1000 + "\n"
    problems = errors_of(write(bank_dir, "bank.toml", text))
    assert "TOML" in problems[0].message
