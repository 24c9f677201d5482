"""The join code, lockouts, passes and tickets; sizes; the address students open."""

from __future__ import annotations

import socket

import pytest

from quiz.serve import network
from quiz.serve.guard import JoinGuard
from quiz.serve.options import (
    CODE_ALPHABET,
    CODE_LENGTH,
    SERVED_FLAG,
    ServeOptions,
    app_command,
    bounded_size,
    new_code,
    normalize_code,
)


class Clock:
    """Time that moves only when told."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_generated_codes_are_random_and_easy_to_read() -> None:
    codes = {new_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("0O1IL")


def test_codes_compare_without_case_spaces_or_dashes() -> None:
    guard = JoinGuard("K7MQ42")
    assert normalize_code(" k7m-q42 ") == "K7MQ42"
    assert guard.try_code("a", "k7m q42").verdict == "ok"
    assert guard.try_code("a", "K7MQ4").verdict == "wrong"
    assert guard.try_code("a", "K7MQ42X").verdict == "wrong"
    assert guard.try_code("a", "").verdict == "wrong"
    with pytest.raises(ValueError):
        JoinGuard("--")


def test_five_wrong_codes_lock_that_address_for_a_minute() -> None:
    clock = Clock()
    guard = JoinGuard("K7MQ42", clock=clock)
    tries = [guard.try_code("10.0.0.7", f"WRONG{i}") for i in range(5)]
    assert [t.verdict for t in tries] == ["wrong"] * 4 + ["locked"]
    assert [t.tries_left for t in tries[:4]] == [4, 3, 2, 1]
    assert guard.try_code("10.0.0.7", "K7MQ42").verdict == "locked"  # not even checked
    assert guard.try_code("10.0.0.8", "K7MQ42").verdict == "ok"  # another address is free
    clock.now += 59
    assert guard.wait_seconds("10.0.0.7") == pytest.approx(1)
    clock.now += 1.5
    assert guard.wait_seconds("10.0.0.7") == 0
    assert guard.try_code("10.0.0.7", "WRONG").tries_left == 4  # counting starts again
    assert guard.try_code("10.0.0.7", "K7MQ42").verdict == "ok"
    assert guard.try_code("10.0.0.7", "WRONG").tries_left == 4  # the right code cleared it


def test_passes_are_signed_by_this_server() -> None:
    guard, other = JoinGuard("K7MQ42"), JoinGuard("K7MQ42")
    token = guard.try_code("a", "K7MQ42").pass_token
    assert token and guard.check_pass(token)
    assert not other.check_pass(token)  # a restarted server voids old passes
    nonce, signature = token.split(".")
    assert not guard.check_pass(f"{nonce}x.{signature}")
    other_digit = "1" if signature.endswith("0") else "0"  # a changed signature, always
    assert not guard.check_pass(f"{nonce}.{signature[:-1]}{other_digit}")
    for junk in (None, "", ".", "a.b.c", "é.é", "x" * 500):
        assert not guard.check_pass(junk)


def test_tickets_are_single_use_and_short_lived() -> None:
    clock = Clock()
    guard = JoinGuard("K7MQ42", clock=clock, ticket_seconds=10)
    first, second = guard.issue_ticket(), guard.issue_ticket()
    assert first != second
    assert guard.use_ticket(first)
    assert not guard.use_ticket(first)
    clock.now += 11
    assert not guard.use_ticket(second)
    assert not guard.use_ticket("made-up")


def test_a_ticket_names_the_browser_whose_pass_asked_for_it() -> None:
    guard = JoinGuard("K7MQ42")
    attempt = guard.try_code("10.0.0.7", "K7MQ42")
    browser = guard.pass_id(attempt.pass_token)
    assert browser and guard.check_pass(attempt.pass_token)
    assert guard.pass_id(f"{browser}.forged") is None and guard.pass_id(None) is None
    other = guard.pass_id(guard.try_code("10.0.0.7", "K7MQ42").pass_token)
    assert other and other != browser  # each browser its own pass
    ticket = guard.issue_ticket(browser)
    assert guard.redeem(ticket) == browser
    assert guard.redeem(ticket) is None  # spent


@pytest.mark.parametrize(
    ("width", "height", "size"),
    [
        (80, 24, (80, 24)),
        (100000, 100000, (300, 100)),
        (1, 1, (20, 10)),
        ("120", "40", (120, 40)),
        (-5, "-5", (20, 24)),
        (None, "x", (80, 24)),
        (True, 3.5, (80, 24)),
        ("9" * 40, "50", (80, 50)),
    ],
)
def test_terminal_sizes_are_bounded(width: object, height: object, size: tuple[int, int]) -> None:
    assert bounded_size(width, height) == size


def test_the_command_of_a_tab(tmp_path: object) -> None:
    options = ServeOptions(
        db=tmp_path / "r.sqlite",  # type: ignore[operator]
        code="K7MQ42",
        paths=("/banks/a.toml",),
        mode="exam",
        count=3,
        seed=9,
        tags=("x", "y"),
    )
    command = app_command(options, "abcdef0123")
    assert command[1:5] == ["-m", "quiz", "play", "/banks/a.toml"]
    assert command[-10:] == ["--mode", "exam", "--count", "3", "--seed", "9"] + [
        "--tag",
        "x",
        "--tag",
        "y",
    ]
    if SERVED_FLAG:
        assert ["--served", "--db", str(options.db)] == command[5:8]
    else:
        assert command[5:7] == ["--player", "student-abcdef"]


def test_the_address_students_open(monkeypatch: pytest.MonkeyPatch) -> None:
    assert network.public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert network.public_url("192.168.4.20", 80) == "http://192.168.4.20"
    assert network.public_url("::1", 8000) == "http://[::1]:8000"
    assert network.public_url("0.0.0.0", 8000, "http://quiz.lan/") == "http://quiz.lan"
    monkeypatch.setattr(network, "default_route_address", lambda ipv6=False: "10.1.2.3")
    assert network.public_url("0.0.0.0", 8000) == "http://10.1.2.3:8000"
    assert network.public_url("", 8000) == "http://10.1.2.3:8000"
    monkeypatch.setattr(network, "default_route_address", lambda ipv6=False: None)
    with pytest.raises(network.NoAddressError, match="--public-url"):
        network.public_url("0.0.0.0", 8000)
    assert network.is_loopback("localhost") and network.is_loopback("127.0.0.9")
    assert not network.is_loopback("0.0.0.0") and network.is_wildcard("::")


def test_the_route_lookup_sends_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_socket = socket.socket

    class Watched(real_socket):  # type: ignore[misc, valid-type]
        def send(self, *args: object) -> int:
            calls.append("send")
            raise AssertionError("a packet would leave")

        def sendto(self, *args: object) -> int:
            calls.append("sendto")
            raise AssertionError("a packet would leave")

    monkeypatch.setattr(network.socket, "socket", Watched)
    address = network.default_route_address()
    assert calls == []
    assert address is None or not (network.is_wildcard(address) or network.is_loopback(address))
