"""Files that are no files (a named pipe, a device, a folder) given to the new commands: each
is one clear line naming the path, at once, never a wait for ever nor a wrong "no such file"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
S400 = ROOT / "seeds" / "s400-second-batch.txt"
BANK = ROOT / "questions" / "s400" / "dates.toml"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def quiz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command, in a process of its own, so that one that waits is stopped."""
    env = {**os.environ, "QUIZ_HOME": str(cwd / "home")}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    """A named pipe with a bank's name, which no one ever writes."""
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", ["check", "export", "review"])
def test_a_pipe_as_a_bank_is_refused_at_once(pipe: Path, tmp_path: Path, command: str) -> None:
    extra = ["--format", "gift"] if command == "export" else []
    result = quiz(command, pipe.name, *extra, cwd=tmp_path)
    assert result.returncode in (1, 2), result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "pipe.toml" in result.stdout + result.stderr
    assert "not a regular file" in result.stdout + result.stderr


def test_list_counts_a_pipe_as_an_error_and_ends(pipe: Path, tmp_path: Path) -> None:
    result = quiz("list", pipe.name, cwd=tmp_path)
    assert "1 error" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("name", ["pipe.json", "/dev/zero"])
def test_a_pipe_or_a_device_as_a_result_file_is_refused(tmp_path: Path, name: str) -> None:
    if name == "pipe.json":
        os.mkfifo(tmp_path / name)
    elif not Path(name).exists():
        pytest.skip("no /dev/zero")
    result = quiz("report", name, cwd=tmp_path)
    assert result.returncode in (1, 2), result.stdout + result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"quiz: {name}:") and "not a regular file" in first, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["import", "new"])
def test_a_pipe_or_a_folder_is_not_called_missing(tmp_path: Path, command: str) -> None:
    os.mkfifo(tmp_path / "pipe.gift")
    (tmp_path / "folder.gift").mkdir()
    for name, said in (("pipe.gift", "not a regular file"), ("folder.gift", "is a folder")):
        args = [name, "--article", str(S400)] if command == "import" else [name]
        result = quiz(command, *args, cwd=tmp_path)
        assert result.returncode in (1, 2), result.stderr
        assert said in result.stderr and "no such file" not in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["draft", "new", "import"])
@pytest.mark.parametrize("folder", [".", ""])
def test_the_current_folder_as_the_file_is_one_line(
    tmp_path: Path, command: str, folder: str
) -> None:
    args = [folder, "--article", str(S400)] if command == "import" else [folder]
    result = quiz(command, *args, cwd=tmp_path)
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is a folder" in lines[0], result.stderr
