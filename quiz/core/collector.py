"""Pausing Python's cyclic garbage collector while long-lived objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (reference counting still frees nearly everything),
    and restore its state after; usable as a decorator too.

    Loading banks and starting the app make objects that live as long as the program, and each
    full pass of the collector walks all of them for nothing: with 100,000 questions those
    passes took a third of the loading time. Pauses nest: an inner one leaves the collector as
    the outer one set it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
