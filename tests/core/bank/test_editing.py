"""Reviewing a bank in the core: keep, drop, edit, add, undo, and the file kept as written."""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest
import tomli

from quiz.core.bank.discovery import BankSource
from quiz.core.bank.editing import UNDO_DEPTH, BankEditor, open_bank
from quiz.core.bank.loader import load_bank
from quiz.core.errors import QuizError

DRAFTED = Path(__file__).resolve().parents[2] / "fixtures" / "review" / "drafted.toml"


@pytest.fixture
def bank(bank_dir: Path) -> Path:
    """The drafted fixture bank beside a copy of the bundled article."""
    target = bank_dir / "drafted.toml"
    shutil.copyfile(DRAFTED, target)
    return target


def editor(bank: Path) -> BankEditor:
    return open_bank(bank, log_folder=bank.parent / "logs")


def check_lines(path: Path, strict: bool = True) -> list[str]:
    """What ``quiz check`` says of the bank: its errors, and with ``strict`` its warnings."""
    source = BankSource(path, str(path), "given", path.parent)
    _, problems = load_bank(source)
    return [str(p) for p in problems if strict or p.severity == "error"]


def test_keep_takes_draft_away_and_keeps_every_other_line(bank: Path) -> None:
    before = bank.read_text(encoding="utf-8")
    review = editor(bank)
    review.keep(review.position("chief") or 0)
    after = bank.read_text(encoding="utf-8")
    diff = [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[0] in "+-?"
    ]
    assert diff == ["- draft = true"]
    assert "draft" not in tomli.loads(after)["questions"][1]
    assert '"Said so."   # kept as written' in after
    assert str(review.progress) == "1 of 3 reviewed, 1 kept"


def test_drop_deletes_the_question_with_its_own_comment(bank: Path) -> None:
    review = editor(bank)
    review.drop(review.position("chief") or 0)
    after = bank.read_text(encoding="utf-8")
    ids = [q["id"] for q in tomli.loads(after)["questions"]]
    assert ids == ["directorate", "claim-f35", "claim-who"]
    assert "# rule: actors/role" not in after
    # The comments of the questions around it stay above their own headers.
    assert '# rule: sanctions/target\n[[questions]]\nid = "directorate"' in after
    assert '# written by the teacher\n[[questions]]\nid = "claim-f35"' in after
    assert str(review.progress) == "1 of 3 reviewed, 0 kept"


def test_the_first_and_last_questions_drop_cleanly(bank: Path) -> None:
    review = editor(bank)
    review.drop(0)
    review.drop(len(review) - 1)
    after = bank.read_text(encoding="utf-8")
    assert "# rule: sanctions/target" not in after and "# rule: claims/refuted" not in after
    assert 'article = "article.txt"\n\n# rule: actors/role\n[[questions]]\nid = "chief"' in after
    assert [q["id"] for q in tomli.loads(after)["questions"]] == ["chief", "claim-f35"]


def test_an_edit_with_an_error_is_said_in_quiz_checks_words_per_field(bank: Path) -> None:
    review = editor(bank)
    position = review.position("directorate")
    assert position is not None
    table = {**review.table(position), "answer": "Central bank", "evidence": "Washington imposd"}
    problems = review.check(table, position)
    by_field = {p.field: p.text for p in problems}
    assert set(by_field) == {"answer", "evidence"}
    review.update(position, {"answer": "Central bank", "evidence": "Washington imposd"})
    said = check_lines(bank)
    for problem in problems:
        assert any(problem.message in line for line in said), problem.message
    with pytest.raises(QuizError, match="cannot keep it: question `directorate`: answer"):
        review.keep(position)
    assert review.is_draft(position)


def test_an_edit_fixed_and_kept_checks_clean(bank: Path) -> None:
    review = editor(bank)
    position = review.position("directorate") or 0
    review.update(position, {"answer": "Central bank"})
    assert review.update(position, {"answer": "Central Bank"}, keep=False) is False
    review.update(position, {"answer": "Defense Industry Directorate"}, keep=True)
    assert not review.is_draft(position)
    assert not [line for line in check_lines(bank) if "directorate" in line]


def test_an_id_used_twice_is_said_as_the_bank_check_says_it(bank: Path) -> None:
    review = editor(bank)
    problems = review.check({**review.table(1), "id": "directorate"}, 1)
    assert [p.message for p in problems] == [
        "question id `directorate` is used twice in the bank (first at line 11); "
        "give each its own id"
    ]


def test_undo_goes_back_change_by_change_to_the_file_as_it_was(bank: Path) -> None:
    original = bank.read_bytes()
    review = editor(bank)
    review.keep(0)
    review.drop(1)
    review.update(0, {"prompt": "Which body was sanctioned?"})
    review.add({"id": review.new_id(), "kind": "claim", "claim": "X.", "verdict": "supported"})
    said = [str(review.undo()) for _ in range(4)]
    assert said == [
        "wrote `mine-1`",
        "edited `directorate`",
        "dropped `chief`",
        "kept `directorate`",
    ]
    assert review.undo() is None
    assert bank.read_bytes() == original
    assert str(review.progress) == "0 of 3 reviewed, 0 kept"


def test_at_least_twenty_changes_can_be_undone(bank: Path) -> None:
    review = editor(bank)
    for number in range(UNDO_DEPTH + 5):
        review.update(0, {"explanation": f"Reason {number}."})
    assert review.can_undo == UNDO_DEPTH >= 20
    for _ in range(UNDO_DEPTH):
        assert review.undo() is not None
    assert review.table(0)["explanation"] == "Reason 4."


def test_a_change_is_written_whole_and_at_once(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review = editor(bank)
    replaced: list[tuple[str, str]] = []
    real = os.replace

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        replaced.append((str(src), str(dst)))
        real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    review.keep(0)
    assert any(dst == str(bank) for _, dst in replaced)  # renamed over it, never written in place
    assert "draft" not in tomli.loads(bank.read_text(encoding="utf-8"))["questions"][0]


def test_a_file_changed_outside_is_never_overwritten(bank: Path) -> None:
    review = editor(bank)
    bank.write_text(bank.read_text(encoding="utf-8") + "\n# the teacher's own line\n", "utf-8")
    with pytest.raises(QuizError, match="changed outside the review"):
        review.drop(0)
    assert "# the teacher's own line" in bank.read_text(encoding="utf-8")
    assert len(review) == 4  # the drop was taken back in memory too


def test_a_file_saved_outside_in_another_encoding_is_never_overwritten(bank: Path) -> None:
    review = editor(bank)
    latin = bank.read_bytes() + "\n# café, saved as Latin-1\n".encode("latin-1")
    bank.write_bytes(latin)
    with pytest.raises(QuizError, match="changed outside the review"):
        review.drop(0)
    assert bank.read_bytes() == latin


def test_a_file_replaced_outside_by_a_pipe_is_refused_without_waiting(bank: Path) -> None:
    review = editor(bank)
    bank.unlink()
    os.mkfifo(bank)
    with pytest.raises(QuizError, match="changed outside the review"):
        review.drop(0)


def test_a_review_left_is_taken_up_where_it_stopped(bank: Path) -> None:
    review = editor(bank)
    review.keep(0)
    review.drop(1)
    again = editor(bank)
    assert again.next_draft() == again.position("claim-who")
    assert str(again.progress) == "2 of 3 reviewed, 1 kept"


def test_a_new_question_is_written_in_the_drafters_key_order(bank: Path) -> None:
    review = editor(bank)
    values = {
        "tags": ["claims"],
        "explanation": "The article gives no price.",
        "verdict": "not-in-article",
        "claim": "Turkey paid $2.5 billion for the S-400s.",
        "kind": "claim",
        "id": review.new_id(),
    }
    position = review.add(values)
    assert review.problems(position) == []
    text = bank.read_text(encoding="utf-8")
    assert text.endswith(
        '\n\n[[questions]]\nid = "mine-1"\nkind = "claim"\n'
        'claim = "Turkey paid $2.5 billion for the S-400s."\nverdict = "not-in-article"\n'
        'explanation = "The article gives no price."\ntags = ["claims"]\n'
    )
    assert str(review.progress) == "0 of 3 reviewed, 0 kept, 1 written"


def test_a_bank_that_cannot_be_opened_says_what_quiz_check_says(bank: Path) -> None:
    bank.write_text('[bank]\nid = "x"\ntitle = "X"\narticle = "missing.txt"\n', "utf-8")
    with pytest.raises(QuizError, match=r"drafted.toml:4: error: article `missing.txt`"):
        editor(bank)


def test_reviewing_every_draft_makes_a_strict_clean_bank(bank: Path) -> None:
    review = editor(bank)
    while (position := review.next_draft()) is not None:
        review.keep(position)
    assert check_lines(bank) == []
