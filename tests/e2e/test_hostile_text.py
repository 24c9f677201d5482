"""Outside text that carries terminal sequences (an OSC 52 clipboard write, a window title, a
blink, a bidi override) reaches the real terminal shown escaped, never as the sequence."""

from __future__ import annotations

from pathlib import Path

import pexpect

from .test_terminal import Terminal, quiz_command

CLIPBOARD = "\x1b]52;c;SEVMTE8=\x1b\\"
TITLE = "\x1b]2;PWNED\x07"
BLINK = "\x1b[5mBLINK\x1b[0m"
BIDI = "\u202eevil"
HOSTILE = CLIPBOARD + TITLE + BLINK + BIDI
SEQUENCES = (b"\x1b]52;c;SEVMTE8", b"\x1b]2;PWNED", b"\x1b[5mBLINK", "\u202eevil".encode())

ARTICLE = (
    "Hostile test article\n\n"
    f"The council voted 7-2 on Tuesday {HOSTILE} to close the branch library.\n\n"
    "It had opened in 1962.\n"
)
BANK = f"""[bank]
id = "hostile"
title = "Title {TITLE}"
topic = "Topic {BLINK}"
article = "article.txt"

[[questions]]
id = "vote"
kind = "choice"
prompt = "How did the council vote? {CLIPBOARD}"
options = ["7-2 {BIDI}", "8-1"]
answer = "7-2 {BIDI}"
evidence = "The council voted 7-2 on Tuesday"
explanation = "It says so. {TITLE}"
"""


def toml_escaped(text: str) -> str:
    """``text`` with its control characters as TOML escapes (a bank may write them so)."""
    return "".join(
        f"\\u{ord(c):04x}" if ord(c) < 0x20 or c in "\x7f\\" else c for c in text
    ).replace("\\u000a", "\n")


def test_sequences_in_a_bank_and_its_article_never_reach_the_terminal(
    tmp_path: Path, quiz_env: dict[str, str]
) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bank.toml").write_text(toml_escaped(BANK), encoding="utf-8")
    raw = bytearray()
    term = Terminal(
        quiz_command(), ["play", str(tmp_path / "bank.toml"), "--player", "Ana"], quiz_env
    )
    real_feed = term.stream.feed

    def keep(data: bytes) -> None:
        raw.extend(data)
        real_feed(data)

    term.stream.feed = keep  # type: ignore[method-assign]
    try:
        term.wait_for_text("How did the council vote? \\x1b]52;c;SEVMTE8=", timeout=8)
        term.wait_for_text("\\u202eevil")  # the option, its override shown, not obeyed
        term.send("1" if "1. 7-2" in term.flat() else "2")
        term.wait_for_text("It says so. \\x1b]2;PWNED\\x07")  # the explanation
        term.wait_for_text("Tuesday \\x1b]52;c;SEVMTE8=")  # the evidence sentence
        term.send("a")  # the article, at the evidence
        term.wait_for_text("close the branch library")
        term.send("\x11")  # ctrl+q
        term.child.expect(pexpect.EOF, timeout=5)
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    output = bytes(raw)
    for sequence in SEQUENCES:
        assert sequence not in output, sequence


def test_an_export_to_the_terminal_shows_the_sequences_escaped(
    tmp_path: Path, quiz_env: dict[str, str]
) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bank.toml").write_text(toml_escaped(BANK), encoding="utf-8")
    for form in ("gift", "aiken", "moodle-xml"):
        child = pexpect.spawn(
            quiz_command(),
            ["export", str(tmp_path / "bank.toml"), "--format", form],
            env=quiz_env,
            cwd=str(tmp_path),
        )
        child.expect(pexpect.EOF, timeout=20)
        output = child.before or b""
        assert b"How did the council vote?" in output, output
        for sequence in SEQUENCES:
            assert sequence not in output, (form, sequence)


def test_an_export_to_a_pipe_is_the_file_byte_for_byte(
    tmp_path: Path, quiz_env: dict[str, str]
) -> None:
    import subprocess

    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bank.toml").write_text(toml_escaped(BANK), encoding="utf-8")
    bank, out = str(tmp_path / "bank.toml"), tmp_path / "bank.gift"
    piped = subprocess.run(
        [quiz_command(), "export", bank, "--format", "gift"], env=quiz_env, capture_output=True
    )
    subprocess.run([quiz_command(), "export", bank, "-o", str(out)], env=quiz_env, check=True)
    assert piped.stdout == out.read_bytes()
    assert CLIPBOARD.encode().replace(b"=", b"\\=") in piped.stdout  # the data, kept as it is
