"""`quiz check`: the bank's article path, and the meta file beside the article.

An empty path, one garbled by a backslash escape or written with backslashes; a meta file that
is not TOML or not UTF-8 (named, with its line), and one holding keys it does not know (a
warning, with the key it resembles). All are said at the bank's ``article`` line (line 4). The
shared bank parts and helpers are in ``check_helpers``.
"""

from pathlib import Path

from .check_helpers import (
    CHOICE,
    HEAD,
    _in_bank_dir,  # noqa: F401  (autouse: each test runs in a bank folder of its own)
    check_bank,
    only_error,
    only_problem,
    summary,
)

# --- the article path ------------------------------------------------------------------------


def test_an_empty_article_path_is_said_to_be_empty() -> None:
    body = HEAD.replace('"article.txt"', '""') + CHOICE
    assert only_error(check_bank(body), 4) == (
        "the article path is empty; give the article file's path relative to the bank, "
        'like article = "reef.txt"'
    )


def test_a_path_garbled_by_an_escape_is_shown_escaped_with_forward_slashes_advised() -> None:
    body = HEAD.replace('"article.txt"', '"sub\\reef.txt"') + CHOICE  # \r: a carriage return
    result = check_bank(body)
    assert "\r" not in result.stdout
    assert only_error(result, 4) == (
        'article path `sub\\reef.txt` holds a control character, which a backslash makes in "…" '
        '(\\r, \\n, \\t); write paths with forward slashes: article = "sub/reef.txt"'
    )


def test_a_path_written_with_backslashes_is_told_to_use_forward_slashes(bank_dir: Path) -> None:
    (bank_dir / "sub").mkdir()
    (bank_dir / "article.txt").rename(bank_dir / "sub" / "article.txt")
    body = HEAD.replace('"article.txt"', "'sub\\article.txt'") + CHOICE
    assert only_error(check_bank(body), 4) == (
        "article `sub\\article.txt` not found: write paths with forward slashes, which work on "
        'every system: article = "sub/article.txt"'
    )


# --- the meta file ---------------------------------------------------------------------------


def test_a_meta_file_that_is_not_toml_is_named_with_its_line(bank_dir: Path) -> None:
    (bank_dir / "article.meta.toml").write_text(
        '# Where the story comes from\ntitle = "Reef"\noutlet = Reef News\n', encoding="utf-8"
    )
    assert only_error(check_bank(HEAD + CHOICE), 4) == (
        "article `article.txt` cannot be used: article.meta.toml:3: TOML syntax error: text "
        'values need quotes: outlet = "Reef News" (or delete article.meta.toml)'
    )


def test_a_meta_file_in_a_folder_is_named_as_the_bank_names_the_article(bank_dir: Path) -> None:
    (bank_dir / "sub").mkdir()
    (bank_dir / "article.txt").rename(bank_dir / "sub" / "reef.txt")
    (bank_dir / "sub" / "reef.meta.toml").write_bytes(b'title = "Caf\xe9"\n')
    body = HEAD.replace('"article.txt"', '"sub/reef.txt"') + CHOICE
    assert only_error(check_bank(body), 4) == (
        "article `sub/reef.txt` cannot be used: sub/reef.meta.toml:1: bytes that are not UTF-8 "
        "(at byte 12); save it as UTF-8 (or delete sub/reef.meta.toml)"
    )


def test_unknown_meta_keys_are_warned_of_with_the_key_meant(bank_dir: Path) -> None:
    meta = bank_dir / "article.meta.toml"
    meta.write_text('titel = "Reef"\n', encoding="utf-8")
    result = check_bank(HEAD + CHOICE)
    assert result.exit_code == 0, result.output
    assert only_problem(result) == (
        4,
        "warning",
        "article.meta.toml:1: unknown key `titel` is ignored (did you mean `title`?); rename it "
        "or delete it",
    )
    meta.write_text('title = "Reef"\n\nsource = "x"\n', encoding="utf-8")
    assert only_problem(check_bank(HEAD + CHOICE))[2] == (
        "article.meta.toml:3: unknown key `source` is ignored (known: title, outlet, author, "
        "date, url, note); rename it or delete it"
    )
    assert summary(check_bank(HEAD + CHOICE)) == (1, 1, 0, 1, 1)
