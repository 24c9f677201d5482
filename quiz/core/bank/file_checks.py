"""What is wrong with a bank file as a whole, said before and around its tables' checks.

A file that is not TOML (an article named in its bank's place, say), names at the top level
other than ``[bank]`` and ``[[questions]]``, an article path that cannot name a file, and an
article whose meta file is broken or holds unknown keys.
:func:`quiz.core.bank.loader.load_bank` asks these; each answer is a message saying what is
wrong and what to do.
"""

from __future__ import annotations

import unicodedata
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.core.bank.model import KINDS, BankInfo, field_names
from quiz.core.errors import Problem
from quiz.core.files import resolved
from quiz.core.text.article import META_KEYS, ArticleMeta, MetaError, meta_path

if TYPE_CHECKING:
    from tomli import TOMLDecodeError

    from quiz.core.tomlfile.lines import BankLines

TOP_LEVEL = ("bank", "questions")
"""The names a bank has at its top level."""
META_FILE = "this is an article's meta file, not a bank; name the bank (.toml) that cites it"
"""What to say of an article's meta file named as a bank."""
_WRITTEN = {"bank": "[bank]", "questions": "[[questions]]"}
# The control characters a backslash escape makes in "…", and the letter it was written with.
_ESCAPED_LETTERS = {"\b": "b", "\t": "t", "\n": "n", "\f": "f", "\r": "r"}


def not_a_bank(path: Path, why: str) -> str | None:
    """What to say of a file named as a bank that is not one (``why``: it is not TOML, or not
    text), or ``None`` if it may well be a bank with a fault."""
    name = path.name.lower()
    if name.endswith(".meta.toml"):
        return META_FILE
    if name.endswith(".toml"):
        return None
    if name.endswith(".txt"):
        return (
            f"this looks like an article, not a bank ({why}, and its name does not end in "
            ".toml); name the bank (.toml) that cites it"
        )
    return f"this is not a bank ({why}, and its name does not end in .toml); name a bank (.toml)"


def syntax_problem(shown: str, path: Path, text: str, exc: TOMLDecodeError) -> Problem:
    """The problem of a file named as a bank that is not valid TOML."""
    from quiz.core.tomlfile.syntax import describe

    other = not_a_bank(path, "it is not TOML")
    if other is not None:
        return Problem(shown, 1, "error", other)
    line, message = describe(exc, text)
    return Problem(shown, line, "error", message)


def top_level_problems(data: dict[str, Any], lines: BankLines, shown: str) -> list[Problem]:
    """A problem for each name at the top of a bank other than ``[bank]`` and
    ``[[questions]]``, at its line."""
    found = []
    for key in data:
        if key in TOP_LEVEL:
            continue
        written = lines.headers.get(key)
        message = _stray_key(key) if written is None else _unknown_table(key, written)
        found.append(Problem(shown, lines.top.line(key), "error", message))
    return found


def _unknown_table(key: str, written: str) -> str:
    close = get_close_matches(key.lower(), TOP_LEVEL, n=1, cutoff=0.6)
    if close:
        return (
            f"unknown table `{written}`; did you mean `{_WRITTEN[close[0]]}`? (a bank has only "
            "[bank] and [[questions]])"
        )
    return (
        f"unknown table `{written}`; a bank has only [bank] and [[questions]], so rename it or "
        "delete it"
    )


def _stray_key(key: str) -> str:
    bank_keys = field_names(BankInfo)
    said = f"key `{key}` stands outside any table, above the first [header]"
    if key in bank_keys:
        return f"{said}; move it under [bank]"
    close = get_close_matches(key, bank_keys, n=1, cutoff=0.75)
    if close:
        return f"{said}; if it is the bank's `{close[0]}`, move it under [bank] as {close[0]}"
    if any(key in field_names(cls) for cls in KINDS.values()):
        return f"{said}; move it into its question, under a [[questions]] header"
    return f"{said}, and is no bank key ({', '.join(bank_keys)}); delete it"


def article_path_problem(article: str, folder: Path) -> str | None:
    """What is wrong with the bank's ``article`` path (``folder`` is the bank's), if it
    plainly cannot name the article file."""
    if not article.strip():
        return (
            "the article path is empty; give the article file's path relative to the bank, "
            'like article = "reef.txt"'
        )
    if any(unicodedata.category(char) == "Cc" for char in article):
        fixed = "".join(
            f"/{_ESCAPED_LETTERS[char]}" if char in _ESCAPED_LETTERS else char for char in article
        )
        return (
            f'article path `{article}` holds a control character, which a backslash makes in "…"'
            f' (\\r, \\n, \\t); write paths with forward slashes: article = "{fixed}"'
        )
    if "\\" in article and not (folder / article).exists():
        fixed = article.replace("\\", "/")
        return (
            f"article `{article}` not found: write paths with forward slashes, which work on "
            f'every system: article = "{fixed}"'
        )
    return None


def shown_meta(article: str, meta: Path) -> str:
    """The meta file ``meta`` of the bank's ``article``, named as the bank names the article."""
    cut = article.rfind("/") + 1
    return article[:cut] + meta.name


def meta_error_message(article: str, exc: MetaError) -> str:
    """What to say, on the bank's ``article`` line, of an article whose meta file is broken."""
    meta = shown_meta(article, exc.meta)
    where = meta if exc.line is None else f"{meta}:{exc.line}"
    return f"article `{article}` cannot be used: {where}: {exc.what} (or delete {meta})"


def meta_warnings(article: str, path: Path, meta: ArticleMeta) -> list[str]:
    """A warning for each key of the article's meta file that is ignored, as unknown."""
    shown = shown_meta(article, meta_path(path))
    said = []
    for key, line in meta.unknown:
        close = get_close_matches(key, META_KEYS, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else f"known: {', '.join(META_KEYS)}"
        said.append(
            f"{shown}:{line}: unknown key `{key}` is ignored ({hint}); rename it or delete it"
        )
    return said


def outside_problem(article: str, path: Path, root: Path | None) -> str | None:
    """The warning for an article (``article`` as written, at ``path``) that lies outside the
    folder tree ``root`` its bank came from: a bank from someone else can name any file of
    the machine (``../../../etc/passwd.txt``), and the app would show it."""
    if root is None or resolved(path).is_relative_to(root):
        return None
    return (
        f"article `{article}` lies outside the folder the bank came from ({root}); a shared "
        "bank could show any file this way: keep the article in the bank's folder"
    )
