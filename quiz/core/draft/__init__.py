"""Drafting a question bank from an article, rule by rule (``quiz draft``).

Each rule module reads the article once found out (:mod:`.context`: actors, dates, numbers,
quotations, its setting from :mod:`.setting`) and proposes questions: :mod:`.dates`,
:mod:`.when` (calendar dates, the order of events), :mod:`.actors`, :mod:`.quotes`,
:mod:`.targets` (sanctions), :mod:`.figures` and :mod:`.numbers`, and :mod:`.claims`.
:mod:`.builder` runs them; :mod:`.rank` keeps the best ``N``, one per fact and spread over the
article, and :mod:`.quoting` makes every evidence quote unique; :mod:`.writer` writes TOML
(with tomlkit). The output is deterministic: the same article gives the same file. Only English
articles are drafted from.
"""

from __future__ import annotations

from quiz.core.draft.builder import Drafted, draft_article
from quiz.core.draft.common import Draft, slugify
from quiz.core.draft.writer import render_bank, toml_string

__all__ = ["Draft", "Drafted", "draft_article", "render_bank", "slugify", "toml_string"]
