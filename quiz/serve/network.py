"""The address students open: never ``0.0.0.0``, which other machines cannot reach.

Finding this machine's own address sends nothing: connecting a UDP socket only asks the kernel
which route (and so which local address) it would use.
"""

from __future__ import annotations

import ipaddress
import socket

ROUTE_PROBE_V4 = "192.0.2.1"
"""A documentation address (TEST-NET-1): only its route is looked up, no packet goes there."""
ROUTE_PROBE_V6 = "2001:db8::1"
"""The IPv6 documentation address, for the same purpose."""


class NoAddressError(Exception):
    """This machine has no network address to give students: ``--public-url`` must say it."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine (``127.x``, ``::1``, ``localhost``)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """Whether ``host`` means every interface (``0.0.0.0``, ``::``, or empty)."""
    if not host:
        return True
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def default_route_address(ipv6: bool = False) -> str | None:
    """The local address of the interface carrying the default route, or None without one.

    A UDP ``connect`` sets the socket's peer and picks the source address; it sends no packet.
    """
    family, probe = (socket.AF_INET6, ROUTE_PROBE_V6) if ipv6 else (socket.AF_INET, ROUTE_PROBE_V4)
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe_socket:
            probe_socket.connect((probe, 80))
            address = str(probe_socket.getsockname()[0])
    except OSError:
        return None
    if is_wildcard(address) or is_loopback(address):
        return None
    return address


def url_host(host: str) -> str:
    """``host`` as it is written in a URL (an IPv6 address goes in brackets)."""
    try:
        if ipaddress.ip_address(host).version == 6:
            return f"[{host}]"
    except ValueError:
        pass
    return host


def origin(host: str, port: int) -> str:
    """``http://host:port``, without the port when it is 80."""
    return f"http://{url_host(host)}" + ("" if port == 80 else f":{port}")


def public_url(host: str, port: int, given: str | None = None) -> str:
    """The address to open: ``given`` if any; else the bound address, or for a wildcard host
    this machine's address on the network carrying the default route.

    Raises :class:`NoAddressError` for a wildcard host on a machine with no default route.
    """
    if given:
        return given.rstrip("/")
    if is_wildcard(host):
        ipv6 = bool(host) and ipaddress.ip_address(host).version == 6
        address = default_route_address(ipv6) or (default_route_address() if ipv6 else None)
        if address is None:
            raise NoAddressError(
                f"cannot tell this machine's network address (no default route) to serve on "
                f"{host or 'every interface'}; give the address students open with --public-url"
            )
        return origin(address, port)
    return origin(host, port)
