"""The format reference is generated from the models and must match the committed file."""

from pathlib import Path

from quiz.core.bank.formatdoc import render
from quiz.core.bank.model import KINDS, field_names

ROOT = Path(__file__).resolve().parent.parent


def test_question_format_doc_is_current() -> None:
    committed = (ROOT / "docs" / "question-format.md").read_text(encoding="utf-8")
    generated = render(ROOT / "seeds" / "s400-second-batch.txt")
    assert committed == generated, (
        "docs/question-format.md is stale: run "
        "`python -m quiz.core.bank.formatdoc > docs/question-format.md`"
    )


def test_doc_names_every_kind_and_field() -> None:
    doc = (ROOT / "docs" / "question-format.md").read_text(encoding="utf-8")
    for kind, cls in KINDS.items():
        assert f"## `{kind}`" in doc
        for name in field_names(cls):
            assert f"| `{name}` |" in doc, f"{kind}.{name} is not documented"


def test_every_error_example_produced_a_located_message() -> None:
    doc = (ROOT / "docs" / "question-format.md").read_text(encoding="utf-8")
    examples = doc.split("## Every problem", 1)[1]
    blocks = examples.split("```text\n")[1:]
    assert len(blocks) >= 12
    for block in blocks:
        first = block.split("\n", 1)[0]
        assert first.startswith("bank.toml:"), first
        assert ": error: " in first or ": warning: " in first, first
