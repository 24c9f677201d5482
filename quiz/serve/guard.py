"""Who may start a quiz: the join code, the lockout after wrong codes, passes and tickets.

textual-serve has no access control of its own; this is it. The flow:

1. A visitor types the join code. :meth:`JoinGuard.try_code` compares it in constant time. A wrong
   code starts nothing; after :data:`MAX_FAILURES` wrong codes an address waits
   :data:`LOCKOUT_SECONDS` before any code is looked at again.
2. The right code earns a *pass*: a random nonce signed with this server's secret, kept in a
   cookie. A server restart (a new secret) voids every pass.
3. Each page shown to a pass holder carries a fresh *ticket* in its websocket URL: random,
   single-use, short-lived. Only a websocket with a live ticket starts an app process.

Pure: no network, no clock of its own (one is passed in, so tests can move time).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from quiz.serve.options import normalize_code

MAX_FAILURES = 5
"""Wrong codes an address may type before it is locked out."""
LOCKOUT_SECONDS = 60.0
"""How long a locked-out address waits."""
TICKET_SECONDS = 120.0
"""How long a page's websocket ticket stays valid (it is used once, as the page loads)."""
MAX_TICKETS = 2000
"""Unused tickets kept at most; the oldest go first."""
MAX_ADDRESSES = 10000
"""Addresses with wrong codes remembered at most; the oldest go first."""

Verdict = Literal["ok", "wrong", "locked"]


@dataclass
class _Strikes:
    """Wrong codes from one address."""

    count: int = 0
    locked_until: float = 0.0


@dataclass(frozen=True)
class Attempt:
    """What a typed code earned."""

    verdict: Verdict
    """``ok``: the right code; ``wrong``: not it; ``locked``: not even looked at."""
    pass_token: str | None = None
    """With ``ok``: the pass to keep in a cookie."""
    tries_left: int = 0
    """With ``wrong``: wrong codes left before the lockout."""
    wait_seconds: float = 0.0
    """With ``locked``: seconds left to wait."""


class JoinGuard:
    """The join code of one class, and the passes and tickets it has handed out."""

    def __init__(
        self,
        code: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_failures: int = MAX_FAILURES,
        lockout_seconds: float = LOCKOUT_SECONDS,
        ticket_seconds: float = TICKET_SECONDS,
    ) -> None:
        """Guard with ``code`` (compared as :func:`normalize_code` writes it)."""
        if not normalize_code(code):
            raise ValueError("a join code needs letters or digits")
        self._secret = secrets.token_bytes(32)
        self._code_digest = self._digest(normalize_code(code))
        self._clock = clock
        self._max_failures = max_failures
        self._lockout = lockout_seconds
        self._ticket_seconds = ticket_seconds
        self._strikes: OrderedDict[str, _Strikes] = OrderedDict()
        self._tickets: OrderedDict[str, tuple[float, str]] = OrderedDict()

    def _digest(self, text: str) -> bytes:
        """A keyed hash, so that codes of any length compare in the same time."""
        return hmac.new(self._secret, text.encode("utf-8"), hashlib.sha256).digest()

    # The code ------------------------------------------------------------------------------

    def wait_seconds(self, address: str) -> float:
        """Seconds ``address`` must still wait before typing a code (0: none)."""
        strikes = self._strikes.get(address)
        if strikes is None:
            return 0.0
        return max(0.0, strikes.locked_until - self._clock())

    def try_code(self, address: str, code: str) -> Attempt:
        """Check a code typed from ``address``; a locked address is refused before any check."""
        wait = self.wait_seconds(address)
        if wait > 0:
            return Attempt("locked", wait_seconds=wait)
        right = hmac.compare_digest(self._digest(normalize_code(code)), self._code_digest)
        if right:
            self._strikes.pop(address, None)
            return Attempt("ok", pass_token=self._new_pass())
        strikes = self._strikes.pop(address, None) or _Strikes()
        if strikes.locked_until:  # a lockout that has run out: start counting again
            strikes = _Strikes()
        strikes.count += 1
        self._strikes[address] = strikes
        while len(self._strikes) > MAX_ADDRESSES:
            self._strikes.popitem(last=False)
        if strikes.count >= self._max_failures:
            strikes.locked_until = self._clock() + self._lockout
            return Attempt("locked", wait_seconds=self._lockout)
        return Attempt("wrong", tries_left=self._max_failures - strikes.count)

    # Passes ----------------------------------------------------------------------------------

    def _new_pass(self) -> str:
        nonce = secrets.token_urlsafe(18)
        return f"{nonce}.{self._sign(nonce)}"

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, b"pass:" + nonce.encode(), hashlib.sha256).hexdigest()

    def check_pass(self, token: str | None) -> bool:
        """Whether ``token`` is a pass this server handed out."""
        return self.pass_id(token) is not None

    def pass_id(self, token: str | None) -> str | None:
        """The id of the browser holding pass ``token`` (its nonce), or None for no pass."""
        if not token or token.count(".") != 1 or len(token) > 200:
            return None
        nonce, signature = token.split(".")
        good = hmac.compare_digest(self._sign(nonce).encode(), signature.encode("utf-8", "replace"))
        return nonce if good else None

    # Tickets ---------------------------------------------------------------------------------

    def issue_ticket(self, owner: str = "") -> str:
        """A fresh single-use ticket for one websocket of the browser ``owner``."""
        self._drop_stale_tickets()
        ticket = secrets.token_urlsafe(24)
        self._tickets[ticket] = (self._clock() + self._ticket_seconds, owner)
        while len(self._tickets) > MAX_TICKETS:
            self._tickets.popitem(last=False)
        return ticket

    def use_ticket(self, ticket: str) -> bool:
        """Spend ``ticket``: true once for a live ticket, false for anything else."""
        return self.redeem(ticket) is not None

    def redeem(self, ticket: str) -> str | None:
        """Spend ``ticket``: once for a live ticket, the browser it was issued to; else None."""
        self._drop_stale_tickets()
        found = self._tickets.pop(ticket, None)
        return found[1] if found is not None and found[0] > self._clock() else None

    def _drop_stale_tickets(self) -> None:
        now = self._clock()
        while self._tickets:
            ticket, (expires, _) = next(iter(self._tickets.items()))
            if expires > now:
                break
            del self._tickets[ticket]
