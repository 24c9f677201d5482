"""How fast `quiz export` and `quiz import` run: prints questions/s for writing and reading
GIFT, Moodle XML and Aiken, and the seconds of proposing evidence for each imported question.

The questions are the bundled banks' (every kind but order), repeated to ``--count``; the
evidence is proposed from the bundled article, with the quotes taken out of the general
feedback so that every question goes through the search.

    python bench/exchange_bench.py [--count 5000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.core.bank.discovery import BankSource  # noqa: E402
from quiz.core.bank.loader import load_bank  # noqa: E402
from quiz.core.exchange import aiken, gift, moodle_xml  # noqa: E402
from quiz.core.exchange.foreign import Foreign  # noqa: E402
from quiz.core.exchange.incoming import Incoming, convert, give_ids  # noqa: E402
from quiz.core.exchange.outgoing import bank_questions  # noqa: E402
from quiz.core.exchange.proposing import place_evidence  # noqa: E402
from quiz.core.text.evidence import EvidenceIndex  # noqa: E402


def _best(repeats: int, work: object) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    banks = []
    for path in sorted((ROOT / "questions" / "s400").glob("*.toml")):
        bank, _ = load_bank(BankSource(path, path.name, "given"))
        assert bank is not None
        banks.append(bank)
    base = [item for _, _, item in bank_questions(banks) if isinstance(item, Foreign)]
    questions = [
        replace(base[i % len(base)], name=f"q{i}", idnumber=f"q{i}") for i in range(args.count)
    ]
    single = [q for q in questions if aiken.refusal(q) is None]
    formats = [
        ("GIFT", lambda: gift.write_gift(questions), lambda text: gift.read_gift(text), questions),
        (
            "Moodle XML",
            lambda: moodle_xml.write_xml(questions),
            lambda text: moodle_xml.read_xml(text.encode(), "bench.xml"),
            questions,
        ),
        ("Aiken", lambda: aiken.write_aiken(single), lambda text: aiken.read_aiken(text), single),
    ]
    print(f"{args.count} questions, best of {args.repeats}")
    for name, write, read, items in formats:
        text = write()
        wrote = _best(args.repeats, write)
        readt = _best(args.repeats, lambda: read(text))  # noqa: B023
        size = len(text.encode()) / 1e6
        print(
            f"  {name:<10} write {len(items) / wrote:>9,.0f} q/s   read {len(items) / readt:>9,.0f}"
            f" q/s   {size:.1f} MB"
        )
    index = EvidenceIndex(banks[0].article)
    sample = [replace(q, general_feedback="") for q in questions[:500]]

    def propose() -> None:
        pairs = [(m, q) for q in sample if isinstance(m := convert(q), Incoming)]
        give_ids([m for m, _ in pairs], [q for _, q in pairs])
        place_evidence([m for m, _ in pairs], index)

    took = _best(args.repeats, propose)
    print(
        f"  evidence proposed for {len(sample)} questions: {took:.2f} s "
        f"({took / len(sample) * 1000:.2f} ms a question)"
    )


if __name__ == "__main__":
    main()
