"""Whatever a bank file holds, loading it gives problems, never a crash."""

import json
import math
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.core.bank.catalog import Bank
from quiz.core.bank.discovery import BankSource
from quiz.core.bank.loader import load_bank
from quiz.core.errors import Problem, QuizError
from quiz.core.text.loader import ArticleLoader

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "s400-second-batch.txt"

FAST = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

VALID_BANK = """\
[bank]
id = "fuzz"
title = "Fuzz"
article = "article.txt"

[[questions]]
id = "q1"
kind = "choice"
prompt = "Which body was sanctioned?"
options = ["Defense Industry Directorate", "Central Bank"]
answer = "Defense Industry Directorate"
evidence = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
explanation = "Said so."
tags = ["sanctions"]

[questions.feedback]
"Central Bank" = "No."

[[questions]]
id = "m1"
kind = "multi"
prompt = "Who?"
options = ["Ismail Demir", "three other employees", "Vladimir Putin"]
answers = ["Ismail Demir", "three other employees"]
evidence = ["its chief Ismail Demir", "three other employees"]

[[questions]]
id = "c1"
kind = "claim"
claim = "The article gives the price."
verdict = "not-in-article"
explanation = \"\"\"No price
is given.\"\"\"

[[questions]]
id = "t1"
kind = "text"
prompt = "Name the chief."
accept = ["Ismail Demir"]
evidence = "its chief Ismail Demir"
draft = true

[[questions]]
id = "o1"
kind = "order"
prompt = "Earliest first."
items = ["Sanctions", "Meeting"]
evidence = ["In December 2020", "later this week on Wednesday"]
points = 2
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz")
    shutil.copyfile(SEED, path / "article.txt")
    (path / "latin1.txt").write_bytes(b"Caf\xe9.")
    (path / "empty.txt").write_bytes(b"")
    (path / "sub").mkdir()
    return path


@pytest.fixture(scope="module")
def articles() -> ArticleLoader:
    return ArticleLoader()


def load(folder: Path, articles: ArticleLoader, data: bytes) -> None:
    """Load ``data`` as a bank and check the outcome is a bank and/or problems, nothing else."""
    path = folder / "bank.toml"
    path.write_bytes(data)
    source = BankSource(path, "bank.toml", "given")
    try:
        bank, problems = load_bank(source, articles)
    except QuizError:
        return
    assert bank is None or isinstance(bank, Bank)
    assert isinstance(problems, list)
    lines = data.count(b"\n") + 1
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == "bank.toml"
        assert problem.severity in ("error", "warning")
        assert 1 <= problem.line <= lines, (problem, lines)
        assert problem.message
    if bank is None:
        assert any(p.severity == "error" for p in problems), "a bank left out must say why"
    else:
        ids = [q.id for q in bank.questions]
        assert len(ids) == len(set(ids))
        assert set(bank.evidence) == set(ids)


def test_valid_bank_loads(folder: Path, articles: ArticleLoader) -> None:
    (folder / "bank.toml").write_text(VALID_BANK, encoding="utf-8")
    bank, problems = load_bank(BankSource(folder / "bank.toml", "bank.toml", "given"), articles)
    assert bank is not None
    assert [q.id for q in bank.questions] == ["q1", "m1", "c1", "t1", "o1"]
    assert [(p.line, p.severity, p.message.split(":")[0]) for p in problems] == [
        (19, "warning", "question `m1`"),  # no explanation
        (35, "warning", "question `t1`"),  # no explanation
        (41, "warning", "question `t1`"),  # draft
        (43, "warning", "question `o1`"),  # no explanation
    ]


# --- random bytes ----------------------------------------------------------------------------


@FAST
@given(st.binary(max_size=400))
def test_random_bytes(folder: Path, articles: ArticleLoader, data: bytes) -> None:
    load(folder, articles, data)


# --- TOML-ish text from a grammar ------------------------------------------------------------

KEYS = [
    "id", "title", "article", "topic", "description", "kind", "prompt", "claim", "options",
    "answer", "answers", "verdict", "accept", "items", "evidence", "explanation", "tags",
    "points", "draft", "feedback", "answr", "Central Bank", "x.y",
]  # fmt: skip
WORDS = [
    "t", "fuzz", "q1", "choice", "multi", "claim", "text", "order", "poll", "supported",
    "refuted", "not-in-article", "article.txt", "missing.txt", "latin1.txt", "empty.txt", "sub",
    "..", "", " ", "Ismail Demir", "Central Bank", "its chief Ismail Demir", "Erdogan",
    "December 2020", "NATO ally", "[b]bold[/b]", "Turkey's", "Q 1", "a\nb",
]  # fmt: skip


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


SCALARS = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(blacklist_characters="\x00"), max_size=12),
    st.integers(-3, 12),
    st.floats(),
    st.booleans(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    ),
    max_leaves=8,
)
# kind and article also take lists, tables and names with a NUL: these once crashed the loader.
KIND_VALUES = st.one_of(st.sampled_from(WORDS), st.integers(), st.booleans(), VALUES)
ARTICLE_VALUES = st.one_of(
    st.sampled_from(WORDS), st.integers(), st.booleans(), st.just("a\x00.txt"), VALUES
)


@st.composite
def entries(draw: st.DrawFn) -> tuple[str, str]:
    key = draw(st.sampled_from(KEYS))
    if key == "kind":
        value = draw(KIND_VALUES)
    elif key == "article":
        value = draw(ARTICLE_VALUES)
    else:
        value = draw(VALUES)
    return key, f"{toml_key(key)} = {toml_value(value)}"


def table(keys: list[str]) -> st.SearchStrategy[list[str]]:
    """Lines of a table: some of ``keys`` with plausible values, then a few random entries."""
    plausible = st.fixed_dictionaries(
        {},
        optional={
            k: st.sampled_from(WORDS)
            if k not in ("options", "answers", "accept", "items")
            else st.lists(st.sampled_from(WORDS), max_size=4)
            for k in keys
        },
    )
    return st.tuples(plausible, st.lists(entries(), max_size=3, unique_by=lambda e: e[0])).map(
        lambda pair: (
            [f"{toml_key(k)} = {toml_value(v)}" for k, v in pair[0].items()]
            + [line for key, line in pair[1] if key not in pair[0]]
        )
    )


BANK_KEYS = ["id", "title", "article", "topic"]
QUESTION_KEYS = [
    "id", "kind", "prompt", "claim", "options", "answer", "answers", "verdict", "accept", "items",
    "evidence", "explanation",
]  # fmt: skip
HEADERS = st.sampled_from(
    ["[[questions]]"] * 6 + ["[questions.feedback]", "[bank]", "[other]", "[[bank]]", ""]
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        lines = VALID_BANK.split("\n")[:4]  # a valid [bank] table
    else:
        lines = ["[bank]", *draw(table(BANK_KEYS))]
    for _ in range(draw(st.integers(0, 4))):
        header = draw(HEADERS)
        if header == "[questions.feedback]" and "[[questions]]" not in lines:
            header = "[[questions]]"
        lines.append(header)
        lines += draw(table(QUESTION_KEYS if header == "[[questions]]" else []))
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.text(max_size=20)))  # a stray line
    return "\n".join(lines) + "\n"


@FAST
@given(documents())
def test_grammar_documents(folder: Path, articles: ArticleLoader, text: str) -> None:
    load(folder, articles, text.encode("utf-8", "surrogatepass"))


# --- mutations of a valid bank ---------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    text = VALID_BANK
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        op = draw(st.sampled_from(["delete", "insert", "drop-line", "dup-line", "swap", "replace"]))
        at = draw(st.integers(0, len(text)))
        if op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 30)) :]
        elif op == "insert":
            piece = draw(st.one_of(st.text(max_size=6), st.sampled_from(list("[]{}\"'=#\n,."))))
            text = text[:at] + piece + text[at:]
        elif op == "replace" and text:
            at = min(at, len(text) - 1)
            text = text[:at] + draw(st.characters(blacklist_characters="\x00")) + text[at + 1 :]
        else:
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if op == "drop-line":
                del lines[i]
            elif op == "dup-line":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 5)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=3)) + data[at:]
    return data


@FAST
@given(mutated())
def test_mutated_banks(folder: Path, articles: ArticleLoader, data: bytes) -> None:
    load(folder, articles, data)
