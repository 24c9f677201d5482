"""One open tab of a served class, as the server keeps it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from aiohttp import web

from quiz.serve.process import GuardedAppService


@dataclass
class Seat:
    """One open tab and its app process."""

    session_id: str
    """Random id of the tab; also names its status file."""
    address: str
    """Where the browser connects from."""
    service: GuardedAppService
    """The app process."""
    websocket: web.WebSocketResponse
    """The tab's connection."""
    browser: str = ""
    """The id of the joined browser (its pass) that opened it."""
    started: float = field(default_factory=time.monotonic)
    """When the tab connected."""
    last_key: float = field(default_factory=time.monotonic)
    """When the tab last sent a key (or first showed its app)."""
    ready: bool = False
    """Whether the app's first output reached the tab."""
