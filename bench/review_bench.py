"""How long one review change takes: the time between a key and the file written and checked.

The review app makes each change (keep, drop, edit, undo) on the UI thread, then draws the next
question with its problems, so what a teacher waits for after each key is one change plus one
check. This drafts banks of growing size from the bundled article (drafts repeated under new ids
to reach the size), then for each size times, best of N:

* open: ``open_bank`` (reading, checking the whole bank, parsing it with tomlkit);
* keep: ``keep`` of a draft (its check, the tomlkit edit, the atomic write);
* drop: ``drop`` of a question;
* edit: ``update`` of an explanation;
* undo: ``undo`` of that edit;
* check: ``problems`` of one question (what each keystroke in the form costs).

    python bench/review_bench.py [--sizes 30,300,1000] [--repeats N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from quiz.core.bank.editing import BankEditor, open_bank
from quiz.core.draft import draft_article, render_bank
from quiz.core.text.article import load_article

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "s400-second-batch.txt"


def make_bank(folder: Path, size: int) -> Path:
    """A drafted bank of ``size`` questions beside a copy of the article."""
    shutil.copyfile(ARTICLE, folder / "article.txt")
    article = load_article(folder / "article.txt")
    drafted = draft_article(article, 300)
    text = render_bank(
        drafted.questions,
        drafted.ids,
        bank_id="bench",
        title="Bench",
        article="article.txt",
        source="article.txt",
    )
    head, _, first = text.partition("\n# rule:")
    body = "\n# rule:" + first
    parts = [head]
    copies = 0
    while sum(p.count("[[questions]]") for p in parts) < size:
        parts.append(re.sub(r'^id = "([^"]+)"$', rf'id = "\1-{copies}"', body, flags=re.M))
        copies += 1
    blocks = "".join(parts[1:]).split("\n# rule:")[1 : size + 1]
    bank = folder / "bench.toml"
    bank.write_text(head + "".join("\n# rule:" + b for b in blocks), encoding="utf-8")
    return bank


def best(repeats: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeats`` runs, in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def measure(size: int, repeats: int) -> str:
    """One line of figures for a bank of ``size`` questions."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bank = make_bank(folder, size)
        logs = folder / "logs"
        opened = best(repeats, lambda: open_bank(bank, log_folder=logs))
        editor: BankEditor = open_bank(bank, log_folder=logs)
        counter = iter(range(10**6))

        def keep() -> None:
            position = editor.next_draft()
            assert position is not None
            editor.keep(position)

        kept = best(repeats, keep)
        dropped = best(repeats, lambda: editor.drop(len(editor) - 1))
        edited = best(repeats, lambda: editor.update(0, {"explanation": f"E {next(counter)}."}))
        undone = best(repeats, editor.undo)
        checked = best(repeats, lambda: editor.problems(len(editor) // 2))
    return (
        f"{size:>9} {opened:>7.1f}ms {kept:>6.1f}ms {dropped:>6.1f}ms {edited:>6.1f}ms "
        f"{undone:>6.1f}ms {checked:>6.2f}ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300,1000")
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    names = ("open", "keep", "drop", "edit", "undo", "check")
    print(f"{'questions':>9} " + " ".join(f"{n:>8}" for n in names))
    for size in (int(s) for s in options.sizes.split(",")):
        print(measure(size, options.repeats))


if __name__ == "__main__":
    main()
