"""Running every rule over an article, keeping a diverse selection, and giving each question
unique evidence and an id."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.core.bank.model import MAX_OPTIONS
from quiz.core.collector import collector_paused
from quiz.core.draft.actors import actor_questions
from quiz.core.draft.claims import claim_questions, fallback_claims
from quiz.core.draft.common import Draft, fold, slugify
from quiz.core.draft.context import Context
from quiz.core.draft.dates import date_questions, find_dates
from quiz.core.draft.entities import find_cast
from quiz.core.draft.figures import figure_questions
from quiz.core.draft.numbers import find_numbers, number_questions
from quiz.core.draft.quotes import find_quotations, quote_questions
from quiz.core.draft.quoting import Quoter
from quiz.core.draft.rank import choose, fair_options
from quiz.core.draft.setting import find_setting, require_english
from quiz.core.draft.speakers import Quotation
from quiz.core.draft.targets import target_questions
from quiz.core.draft.when import order_question, resolved_questions
from quiz.core.errors import QuizError
from quiz.core.text.article import Article
from quiz.core.text.evidence import EvidenceIndex
from quiz.core.text.normalize import normalize

DEFAULT_MAX = 30
"""How many questions a draft keeps without ``--max``: the best thirty, which a teacher can
review in minutes (a long article gives thousands)."""


@dataclass
class Drafted:
    """The questions drafted from one article."""

    questions: list[Draft]
    """The questions kept, best first, each with its id and quotes."""
    ids: list[str]
    """Their ids, in the same order."""
    found: int
    """How many questions the rules made before ``--max`` and unquotable ones were left out."""


@collector_paused()  # the rules make many short-lived objects and no cycles worth a pass
def draft_article(article: Article, max_questions: int = DEFAULT_MAX) -> Drafted:
    """The questions the rules find in ``article``: the best ``max_questions``, best first, one
    per fact, spread over the article's paragraphs and its kinds of question (:mod:`.rank`).

    Raises :class:`QuizError` when the article is empty or nothing could be drafted from it.
    """
    if not article.sentences:
        raise QuizError(f"{article.path}: article is empty; give a text with at least a sentence")
    require_english(article)
    quotations = find_quotations(article)
    ctx = build_context(article, quotations)
    resolved = resolved_questions(ctx)
    calendar = {d.evidence for d in resolved}  # asked as calendar dates, not as words
    drafts = [
        *resolved,
        *order_question(ctx),
        *(d for d in date_questions(ctx) if d.evidence not in calendar),
        *actor_questions(ctx),
        *quote_questions(ctx, quotations),
        *target_questions(ctx),
        *figure_questions(ctx),
        *number_questions(ctx),
        *claim_questions(ctx),
    ]
    if not drafts:
        drafts = fallback_claims(ctx)
    drafts = [
        d
        for d in _unique_questions(drafts)
        if not any(ctx.setting.aside(a) for a, _ in d.evidence) and fair_options(d)
    ]
    found = len(drafts)
    quoter = Quoter(EvidenceIndex(article))
    questions = choose(drafts, max_questions, lambda d: _quote(quoter, article, d) and _valid(d))
    if not questions and found:
        raise QuizError(
            f"{article.path}: found {found} things to ask about, but no passage about any of "
            "them stands only once in the article (is the same text in it again and again?); "
            "an evidence quote must be found once: remove the repeated text"
        )
    if not questions:
        raise QuizError(
            f"{article.path}: found nothing to ask about; quiz draft needs sentences of prose"
        )
    return Drafted(questions, _ids(questions), found)


def _unique_questions(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[str, str]] = set()
    out: list[Draft] = []
    for d in drafts:
        key = (d.kind, d.prompt or d.claim)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _quote(quoter: Quoter, article: Article, draft: Draft) -> bool:
    """Fill in ``draft.quotes``; ``False`` when a span cannot be quoted uniquely."""
    quotes: list[str] = []
    for start, end in draft.evidence:
        floor = article.sentence_at(start).start
        ceiling = article.sentence_at(max(end - 1, start)).end
        quote = quoter.unique(start, end, floor, ceiling)
        if quote is None:
            return False
        if quote not in quotes:
            quotes.append(quote)
    draft.quotes = tuple(quotes)
    return True


def _valid(d: Draft) -> bool:
    """What ``quiz check`` requires (and warns about, apart from the draft flag)."""
    quoted = normalize(" ".join(d.quotes)).casefold()
    if not d.quotes or not (d.prompt or d.claim).strip():
        return False
    if d.kind in ("choice", "multi"):
        folded = {fold(o) for o in d.options}
        if not 2 <= len(d.options) <= MAX_OPTIONS or len(folded) != len(d.options):
            return False
    if d.kind == "choice":
        return d.answer in d.options and normalize(d.answer).casefold() in quoted
    if d.kind == "multi":
        return bool(d.answers) and set(d.answers) <= set(d.options)
    if d.kind == "text":
        return any(normalize(a).casefold() in quoted for a in d.accept)
    if d.kind == "order":
        return 2 <= len(d.items) <= MAX_OPTIONS and len({fold(i) for i in d.items}) == len(d.items)
    return d.verdict in ("supported", "refuted")


def _ids(questions: list[Draft]) -> list[str]:
    ids: list[str] = []
    used: set[str] = set()
    for n, d in enumerate(questions, start=1):
        slug = slugify(d.key, 36)
        base = f"{d.tag}-{slug}" if slug else f"{d.tag}-{n}"
        qid = base
        k = 2
        while qid in used:
            qid = f"{base}-{k}"
            k += 1
        used.add(qid)
        ids.append(qid)
    return ids


def build_context(article: Article, quotations: list[Quotation] | None = None) -> Context:
    """Find everything once."""
    cast = find_cast(article)
    dates = find_dates(article)
    numbers = find_numbers(article, [(d.start, d.end) for d in dates])
    if quotations is None:
        quotations = find_quotations(article)
    quoted = [(q.start, q.end) for q in quotations]
    return Context(article, cast, dates, numbers, quoted, find_setting(article))
