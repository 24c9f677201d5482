"""What one refresh of the teacher's dashboard costs, for a class of 30 (issue 15).

The dashboard reads the class every second in a worker: the players (one status file per tab,
the names taken) and the live results (the class's attempts from the store, then the counts per
option). This builds a class of ``--players`` students who each answered ``--answers`` of 20
questions, then prints the best and median time of each read, and of the report at the end.

    python bench/dashboard_bench.py [--players 30] [--answers 15] [--repeats 20]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from quiz.core.bank.discovery import discover
from quiz.core.bank.loader import load_banks
from quiz.core.play.classroom import Claim
from quiz.core.play.live import LiveStatus, write_status
from quiz.core.play.scoring import right_answer
from quiz.core.play.session import QuizSession, QuizSettings
from quiz.core.results.store import ResultsStore
from quiz.serve.control import ServedClass
from quiz.serve.options import ServeOptions
from quiz.serve.server import QuizServer

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "s400-second-batch.txt"
QUESTION = """
[[questions]]
id = "q{n}"
kind = "choice"
prompt = "Question {n}: which body was sanctioned?"
options = ["Defense Industry Directorate", "Central Bank", "Ministry {n}", "Airlines"]
answer = "Defense Industry Directorate"
evidence = "Washington imposed sanctions on Turkey’s Defense Industry Directorate"
"""


def timed(work: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Best and median milliseconds of ``work``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, default=30)
    parser.add_argument("--answers", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    try:
        shutil.copyfile(ARTICLE, folder / "article.txt")
        head = '[bank]\nid = "bench"\ntitle = "Bench"\narticle = "article.txt"\n'
        body = "".join(QUESTION.format(n=n) for n in range(20))
        (folder / "bench.toml").write_text(head + body, encoding="utf-8")
        banks = load_banks(discover([str(folder / "bench.toml")])).banks
        db = folder / "class.sqlite"
        server = QuizServer(ServeOptions(db=db, code="K7MQ42", port=0))
        rng = random.Random(1)
        with ResultsStore.open(db) as store:
            for n in range(args.players):
                player, tab = f"Player {n}", f"tab{n:04}"
                session = QuizSession.start(banks, QuizSettings(seed=n), player)
                store.start_attempt(session)
                for _ in range(args.answers):
                    item = session.current
                    assert item is not None
                    right = right_answer(item.question)
                    wrong = next(c for c in item.choices if c != right)
                    response = right if rng.random() < 0.6 else wrong
                    store.record_answer(session, session.answer(response))
                    session.advance()
                server.roster.joined(tab)
                server.classroom.claim(player, tab)
                server.classroom.update(player, Claim(player, tab, session.attempt_id))
                status = LiveStatus(player, args.answers, False, session.attempt_id, 1.0, 20.0)
                write_status(server.roster.status_file(tab), status)
        questions = {f"{b.id}/{q.id}": q for b in banks for q in b.questions}
        served = ServedClass(server, questions)
        answers = args.players * args.answers
        print(f"A class of {args.players} players, {answers} answers to 20 questions:")
        for what, work in (
            ("players (status files, names)", served.view),
            ("live results (store + counts)", served.live),
            ("report at the end (+ its file)", served.report),
        ):
            best, median = timed(work, args.repeats)
            print(f"  {what:<32} best {best:7.1f} ms   median {median:7.1f} ms")
        shutil.rmtree(server.runtime_dir, ignore_errors=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
