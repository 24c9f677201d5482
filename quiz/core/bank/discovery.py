"""Finding bank files: the bundled ``questions/`` folder, the user's banks folder, and the files
and folders named on the command line (folders searched recursively for ``*.toml``, passing over
``*.meta.toml``)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quiz.core.errors import Problem, QuizError
from quiz.core.files import resolved

Origin = Literal["bundled", "user", "given"]


@dataclass(frozen=True)
class BankSource:
    """A bank file and how to name it to the user."""

    path: Path
    """The file."""
    shown: str
    """The path as the user gave it, or relative to the bundled folder."""
    origin: Origin
    """Where it was found: bundled with the app, the user's banks folder, or named by the user."""
    root: Path | None = None
    """The folder tree it came from (the folder named, the folder of a file named, the user's
    banks folder or the bundled data): an article outside it is warned of."""


def _folder_sources(
    folder: Path, shown: str, origin: Origin, problems: list[Problem] | None
) -> list[BankSource]:
    """The bank files below ``folder``, whose name is ``shown``; a folder below it that cannot
    be read is a warning in ``problems`` (when given), and the rest are still found."""

    def unreadable(exc: OSError) -> None:
        if problems is None or exc.filename is None:
            return
        where = Path(shown) / Path(exc.filename).relative_to(folder)
        why = exc.strerror or "it cannot be listed"
        problems.append(
            Problem(
                str(where),
                1,
                "warning",
                f"cannot read this folder ({why}); its banks were passed over; "
                "check its permissions",
            )
        )

    # Links to folders are not followed (as ``rglob`` did not): a loop of them cannot trap the
    # walk. Links to files are listed, and a broken one is said when its bank is read.
    files: list[Path] = []
    for top, _, names in os.walk(folder, onerror=unreadable):
        files.extend(Path(top) / n for n in names if _is_bank_name(n))
    root = _root_of(folder)
    return [
        BankSource(p, str(Path(shown) / p.relative_to(folder)), origin, root) for p in sorted(files)
    ]


def _is_bank_name(name: str) -> bool:
    return name.endswith(".toml") and not name.endswith(".meta.toml")


def discover(paths: Sequence[str], problems: list[Problem] | None = None) -> list[BankSource]:
    """The bank files named by ``paths`` (files, or folders searched recursively).

    A named folder that holds no bank file is a problem, added to ``problems`` when given.
    Raises :class:`QuizError` for a path that does not exist.
    """
    sources: list[BankSource] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            found = _folder_sources(path, given, "given", problems)
            if not found and problems is not None:
                problems.append(_empty_folder(given, path))
            sources.extend(found)
        elif path.exists():
            sources.append(BankSource(path, given, "given", _root_of(path.parent)))
        else:
            raise QuizError(
                f"{given}: no such file or folder; give a bank file or a folder of banks"
            )
    return _unique(sources)


def _root_of(folder: Path) -> Path:
    """The tree a bank found in ``folder`` came from: the bundled data when it lies in it (its
    banks cite the articles of ``seeds/`` beside ``questions/``), else ``folder`` itself."""
    from quiz.core.locations import bundled_root

    here, bundled = resolved(folder), resolved(bundled_root())
    return bundled if here.is_relative_to(bundled / "questions") else here


def _empty_folder(given: str, path: Path) -> Problem:
    """The problem of a folder named as banks that holds none."""
    named = "a folder named like a bank file" if path.suffix.lower() == ".toml" else "a folder"
    message = f"{named}, with no bank files (*.toml) in it"
    return Problem(given, 1, "error", f"{message}; name a bank file, or a folder that holds some")


def default_sources(problems: list[Problem] | None = None) -> list[BankSource]:
    """The bundled banks and the user's own banks; a folder among them that cannot be read is
    a warning in ``problems`` (when given)."""
    from quiz.core.locations import bundled_questions, user_banks

    bundled = bundled_questions()
    sources = _folder_sources(bundled, "questions", "bundled", problems) if bundled.is_dir() else []
    mine = user_banks()
    if mine.is_dir():
        sources.extend(_folder_sources(mine, str(mine), "user", problems))
    return _unique(sources)


def _unique(sources: Iterable[BankSource]) -> list[BankSource]:
    seen: set[Path] = set()
    unique: list[BankSource] = []
    for source in sources:
        real = resolved(source.path)
        if real not in seen:
            seen.add(real)
            unique.append(source)
    return unique


def served_roots(paths: Sequence[str]) -> list[Path]:
    """The folder trees whose articles ``quiz serve`` may show to browsers: the bundled data,
    and each folder named in ``paths`` (a named file's folder); without ``paths``, the bundled
    data and the user's banks folder."""
    from quiz.core.locations import bundled_root, user_banks

    named = [Path(given).expanduser() for given in paths] or [user_banks()]
    folders = [path if path.is_dir() else path.parent for path in named]
    return [resolved(bundled_root()), *(resolved(folder) for folder in folders)]


def outside_served(article: Path, roots: Sequence[Path]) -> bool:
    """Whether ``article`` lies outside every one of ``roots`` (see :func:`served_roots`)."""
    real = resolved(article)
    return not any(real.is_relative_to(root) for root in roots)
