"""``quiz draft --review`` in a real pseudo-terminal: a drafted bank reviewed to a clean check."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pexpect
import tomli

from .test_terminal import Terminal, quiz_command

ARTICLE = Path(__file__).resolve().parent.parent / "fixtures" / "draft" / "lodz-fire.txt"
DRAFTS = 6


def test_a_drafted_bank_reviewed_in_the_app_checks_strict_clean(
    quiz_env: dict[str, str], tmp_path: Path
) -> None:
    article = tmp_path / ARTICLE.name
    shutil.copyfile(ARTICLE, article)
    shutil.copyfile(ARTICLE.with_suffix(".meta.toml"), tmp_path / "lodz-fire.meta.toml")
    bank = tmp_path / "lodz-fire.toml"
    args = ["draft", str(article), "--max", str(DRAFTS), "--review"]
    term = Terminal(quiz_command(), args, quiz_env)
    try:
        term.wait_for_text(f"0 of {DRAFTS} reviewed, 0 kept", timeout=10)
        for done in range(1, DRAFTS + 1):
            term.wait_for_text("• Draft: k keeps it")
            # A draft with a problem cannot be kept: it is dropped.
            term.send("k" if "✓ No problem" in term.flat() else "d")
            term.wait_for(
                lambda done=done: (
                    re.search(rf"\b{done} of {DRAFTS} reviewed", term.flat()) is not None
                ),
                f"{done} reviewed",
            )
            time.sleep(0.1)
        term.wait_for_text("every draft is reviewed")
        term.send("q")
        term.child.expect(pexpect.EOF, timeout=5)
        term.child.close()
        assert term.child.exitstatus == 0
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    checked = subprocess.run(
        [quiz_command(), "check", "--strict", str(bank)],
        env=quiz_env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 errors, 0 warnings" in checked.stdout
    questions = tomli.loads(bank.read_text(encoding="utf-8"))["questions"]
    assert questions and not any(q.get("draft") for q in questions)
