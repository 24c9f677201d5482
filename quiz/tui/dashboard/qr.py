"""A QR code of the class's address, drawn with half blocks so that phones can scan the screen."""

from __future__ import annotations

import segno

BORDER = 2
"""Light modules around the code (scanners need a quiet zone)."""


def qr_lines(data: str, border: int = BORDER) -> list[str]:
    """``data`` as a QR code (error correction as high as fits its size): each character is
    one module wide and two modules high; a dark module is drawn (``█``, ``▀``, ``▄``), a light
    one is blank (shown on a light background)."""
    matrix = [list(row) for row in segno.make(data, error="l").matrix]
    size = len(matrix) + 2 * border
    blank = [0] * size
    rows = [blank] * border + [[0] * border + r + [0] * border for r in matrix] + [blank] * border
    if len(rows) % 2:
        rows.append(blank)
    glyphs = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}
    return [
        "".join(glyphs[bool(top), bool(low)] for top, low in zip(rows[i], rows[i + 1], strict=True))
        for i in range(0, len(rows), 2)
    ]
