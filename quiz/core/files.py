"""Files: writing one whole, so that a reader never meets half of one; naming one for sure;
reading one that may be a pipe, a device or too large."""

from __future__ import annotations

import errno
import os
import stat
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


class NotRegularFile(OSError):
    """A path that names a device, a pipe or a socket, where a file was wanted."""


def read_capped(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` + 1 of them when a limit is
    given (a caller that gets more than ``limit`` knows the file is too large, even one that grew
    since it was measured).

    A named pipe is opened without waiting for a writer and, as a device (``/dev/zero``), is
    refused with :class:`NotRegularFile` before a byte is read; a folder raises
    :class:`IsADirectoryError`; other failures raise the :class:`OSError` of the system.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file (a device, pipe or socket)")
        file = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with file:
        return file.read() if limit is None else file.read(limit + 1)
