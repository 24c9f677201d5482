"""Drafting a question bank from an article, rule by rule (``quiz draft``).

Each rule module reads the article once found out (:mod:`.context`: actors, dates, numbers,
quotations) and proposes questions: :mod:`.dates`, :mod:`.actors`, :mod:`.quotes`,
:mod:`.targets` (sanctions), :mod:`.numbers` and :mod:`.claims`. :mod:`.builder` keeps a diverse
selection and makes every evidence quote unique (:mod:`.quoting`); :mod:`.writer` writes TOML.
The output is deterministic: the same article gives the same file.
"""

from __future__ import annotations

from quiz.core.draft.builder import Drafted, draft_article
from quiz.core.draft.common import Draft, slugify
from quiz.core.draft.writer import render_bank, toml_string

__all__ = ["Draft", "Drafted", "draft_article", "render_bank", "slugify", "toml_string"]
