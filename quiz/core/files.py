"""Files: writing one whole, so that a reader never meets half of one; naming one for sure."""

from __future__ import annotations

import os
from pathlib import Path


def replace_whole(target: Path, *chunks: bytes, make_folder: bool = True) -> bool:
    """Write ``chunks`` to a file beside ``target``, then rename it over ``target``: a reader,
    in this process or another, sees the old file or the new one whole. ``make_folder``
    creates ``target``'s folder first.

    ``False`` when it cannot be written. Every caller keeps a cache or a convenience there,
    which only costs speed or a nicety when missing, so failing is not an error.
    """
    try:
        if make_folder:
            target.parent.mkdir(parents=True, exist_ok=True)
        aside = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        with aside.open("wb") as file:
            for chunk in chunks:
                file.write(chunk)
        aside.replace(target)
    except OSError:
        return False
    return True


def resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed, or only made absolute where they cannot
    be followed (a loop of links, ``a.toml → b.toml → a.toml``): whoever then reads the file
    says what is wrong with it, rather than the look-up ending the program."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return path.absolute()
