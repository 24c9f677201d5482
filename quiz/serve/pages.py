"""The HTML a served class sees: the join page, the notices, and the page of a quiz tab.

Templates live in ``quiz/serve/templates`` (shipped in the wheel) and load nothing from the
internet: the terminal's script, styles and font come from textual-serve's own static folder,
served by this server. Every value is escaped.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from aiohttp import web

from quiz.core.words import plural

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""The folder of this package's templates."""
TITLE = "factquiz"
"""The title of every page."""

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


def security_headers(public_ws: str) -> dict[str, str]:
    """Headers on every answer: nothing from elsewhere, no framing, no caching, no sniffing."""
    policy = "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src 'self' {public_ws}",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
        ]
    )
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }


def _html(template: str, status: int, **context: object) -> web.Response:
    body = _env.get_template(template).render(title=TITLE, **context)
    response = web.Response(text=body, status=status, content_type="text/html", charset="utf-8")
    response.headers["Cache-Control"] = "no-store"
    return response


def join_page(problem: str | None = None, status: int = 200) -> web.Response:
    """The page asking for the join code (with what was wrong with the last one)."""
    return _html(
        "page.html",
        status,
        heading="Join the quiz",
        lines=["Type the join code your teacher gave you."],
        problem=problem,
        ask_code=True,
    )


def locked_page(wait_seconds: float) -> web.Response:
    """Too many wrong codes from this address."""
    seconds = max(1, round(wait_seconds))
    return _html(
        "page.html",
        429,
        heading="Too many wrong codes",
        lines=[
            f"Wait {plural(seconds, 'second')}, then try again with the code your teacher gave you."
        ],
        problem=None,
        ask_code=False,
    )


def full_page(max_sessions: int) -> web.Response:
    """Every seat is taken."""
    return _html(
        "page.html",
        503,
        heading="The class is full",
        lines=[
            f"Every place of this quiz ({max_sessions}) is taken right now.",
            "Ask your teacher, or try again in a moment when someone has finished.",
        ],
        problem=None,
        ask_code=False,
    )


def closed_page(ended: bool) -> web.Response:
    """The teacher closed joining, or ended the class."""
    heading = "The class has ended" if ended else "Joining is closed"
    line = (
        "Your teacher ended this class: your answers are kept."
        if ended
        else "Your teacher closed this class to new students. Ask your teacher."
    )
    return _html("page.html", 403, heading=heading, lines=[line], problem=None, ask_code=False)


def too_many_tabs_page(tabs: int) -> web.Response:
    """This browser has its tabs open already."""
    return _html(
        "page.html",
        429,
        heading="Your quiz is open in another tab",
        lines=[
            f"This browser has {plural(tabs, 'quiz tab')} open already, the most it may have.",
            "Go back to one of them, or close one and reload this page.",
        ],
        problem=None,
        ask_code=False,
    )


def app_page(websocket_url: str, font_size: int = 16) -> web.Response:
    """The page of one quiz tab, whose websocket URL holds its single-use ticket."""
    return _html(
        "app.html",
        200,
        static_url="static/",
        websocket_url=websocket_url,
        font_size=font_size,
    )


FULL_TEXT = (
    "\r\n  The class is full: every place of this quiz is taken right now.\r\n"
    "  Ask your teacher, or try again in a moment.\r\n"
)
"""What a tab shows when the class filled up between its page and its websocket."""
TOO_MANY_TABS_TEXT = (
    "\r\n  Your quiz is open in other tabs of this browser already.\r\n"
    "  Go back to one of them, or close one and reload this page.\r\n"
)
"""What a tab shows when its browser opened too many tabs between its page and its websocket."""
IDLE_TEXT = (
    "\r\n  This tab was closed after a long time without a key pressed: your answers are kept."
    "\r\n  Start again, then type your name and your resume code to go on.\r\n"
)
"""What an idle tab shows as it is closed."""
REMOVED_TEXT = "\r\n  Your teacher removed you from this class: your answers are kept.\r\n"
"""What a tab shows when the teacher removed its player."""
