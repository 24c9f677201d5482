"""A stand-in for an app in the middle of drawing: it writes screen packets without pause.

It speaks textual's web-driver framing (``D``/``M`` packets, 4-byte big-endian sizes). Told to
quit (an ``M`` packet with ``{"type": "quit"}``) it draws one last large frame, as an app does on
its way out, then exits 0. With ``--deaf`` it never listens: only a signal stops it.
"""

from __future__ import annotations

import json
import os
import sys
import threading

FRAME = b"D" + (256 * 1024).to_bytes(4, "big") + b"x" * (256 * 1024)
quit_asked = threading.Event()


def listen() -> None:
    """Read stdin packets; note a quit."""
    stdin = sys.stdin.buffer
    while header := stdin.read(5):
        payload = stdin.read(int.from_bytes(header[1:5], "big"))
        if header[:1] == b"M" and json.loads(payload).get("type") == "quit":
            quit_asked.set()


def main() -> None:
    out = sys.stdout.buffer
    out.write(b"__GANGLION__\n")
    out.flush()
    if "--deaf" not in sys.argv:
        threading.Thread(target=listen, daemon=True).start()
    while not quit_asked.is_set():
        out.write(FRAME)
        out.flush()
    for _ in range(8):  # the last frames, 2 MiB: more than any pipe holds
        out.write(FRAME)
    out.write(b"M" + (16).to_bytes(4, "big") + b'{"type": "exit"}')
    out.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
