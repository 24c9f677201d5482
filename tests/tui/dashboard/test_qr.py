"""The QR code of the class's address, drawn in half blocks."""

from __future__ import annotations

import segno

from quiz.tui.dashboard.qr import BORDER, qr_lines

URL = "http://192.168.1.20:8000"


def modules(lines: list[str]) -> list[list[bool]]:
    """The dark modules the half blocks stand for, two rows a line."""
    top = {"█": True, "▀": True, "▄": False, " ": False}
    low = {"█": True, "▀": False, "▄": True, " ": False}
    rows = []
    for line in lines:
        rows.append([top[ch] for ch in line])
        rows.append([low[ch] for ch in line])
    return rows


def test_the_half_blocks_hold_every_module_of_the_code_in_its_quiet_zone() -> None:
    lines = qr_lines(URL)
    matrix = [[bool(m) for m in row] for row in segno.make(URL, error="l").matrix]
    size = len(matrix)
    assert all(len(line) == size + 2 * BORDER for line in lines)
    assert len(lines) == (size + 2 * BORDER + 1) // 2  # two rows a line: 15 lines for 25 rows
    drawn = modules(lines)
    inner = [row[BORDER : BORDER + size] for row in drawn[BORDER : BORDER + size]]
    assert inner == matrix
    assert not any(drawn[0]) and not any(row[0] for row in drawn)  # the quiet zone is light
