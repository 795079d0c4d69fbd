"""Keep delivery targets off the server's own network (SSRF guard).

An admin types a host name into a delivery method and the server connects to it; without
this guard that host could be 127.0.0.1, a cloud metadata address (169.254.169.254) or a
machine on the private network behind the server. ``resolve_allowed`` resolves the name
once, refuses it when any address is not a public one (unless the deployment allows
private hosts), and returns the checked addresses so the caller connects to exactly those
(a second lookup could answer differently: DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket

from workspace.delivery.destinations.base import DeliveryError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def refusal(address: IPAddress) -> str | None:
    """Why `address` is not a public address, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal(address.ipv4_mapped)
    checks = (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_unspecified", "an unspecified address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private network address"),
        ("is_reserved", "a reserved address"),
    )
    for attribute, words in checks:
        if getattr(address, attribute):
            return words
    if not address.is_global:  # e.g. 100.64.0.0/10, shared carrier-grade NAT space
        return "not a public address"
    return None


def resolve_allowed(host: str, port: int, *, allow_private: bool) -> list[str]:
    """The addresses `host` resolves to, every one checked; raises DeliveryError otherwise.

    kind "dns" (retry): the name does not resolve. kind "host_not_allowed" (no retry): an
    address is loopback, link-local, private, unspecified, multicast or reserved.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise DeliveryError(
            f'The host name "{host}" could not be resolved; check the spelling.',
            kind="dns",
            retry=True,
        ) from exc
    addresses: list[str] = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        if text not in addresses:
            addresses.append(text)
    if not addresses:
        raise DeliveryError(f'The host name "{host}" has no address.', kind="dns", retry=True)
    if not allow_private:
        for text in addresses:
            why = refusal(ipaddress.ip_address(text))
            if why:
                raise DeliveryError(
                    f'The host "{host}" resolves to {text}, {why}; delivery to the server\'s '
                    "own or private network is not allowed.",
                    kind="host_not_allowed",
                    retry=False,
                )
    return addresses


def connect_checked(
    host: str, port: int, *, allow_private: bool, timeout: float
) -> tuple[socket.socket, str]:
    """A TCP connection to the first reachable checked address of `host`: (socket, address)."""
    last: OSError | None = None
    for address in resolve_allowed(host, port, allow_private=allow_private):
        try:
            return socket.create_connection((address, port), timeout=timeout), address
        except OSError as exc:
            last = exc
    assert last is not None
    raise last
