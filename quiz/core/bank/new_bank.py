"""Starting an empty bank for an article, for a teacher who writes their own questions."""

from __future__ import annotations

import os
from pathlib import Path

import tomlkit

from quiz.core.errors import QuizError
from quiz.core.files import replace_whole


def article_ref(article: Path, bank: Path) -> str:
    """The article's path relative to the folder of ``bank``, with ``/``, as a bank names it."""
    try:
        rel = os.path.relpath(article.resolve(), bank.resolve().parent)
    except ValueError:  # another drive on Windows
        return article.resolve().as_posix()
    return Path(rel).as_posix()


def empty_bank_text(bank_id: str, title: str, article: str) -> str:
    """The text of a bank with its ``[bank]`` table and no question yet."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment("Written with `quiz new`; `quiz review` adds and edits questions."))
    doc.add(tomlkit.nl())
    info = tomlkit.table()
    info["id"] = bank_id
    info["title"] = title
    info["article"] = article
    doc["bank"] = info
    return doc.as_string()


def start_bank(article: Path, target: Path, bank_id: str, title: str) -> None:
    """Write an empty bank for ``article`` at ``target``, which must not exist yet."""
    if target.exists():
        raise QuizError(f"{target}: already exists; open it with `quiz review {target}`")
    text = empty_bank_text(bank_id, title, article_ref(article, target))
    if not replace_whole(target, text.encode("utf-8"), make_folder=False):
        raise QuizError(f"{target}: cannot write the bank; check the folder and its permissions")
