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


# NAT64 (RFC 6052): a gateway turns 64:ff9b::a.b.c.d into a connection to a.b.c.d. The
# local-use prefix may carry the IPv4 address at any of six offsets, so it cannot be read.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[tuple[str, ipaddress.IPv4Address]]:
    """The IPv4 addresses a 6to4, Teredo or NAT64 address reaches, named by mechanism."""
    found = []
    if address.sixtofour is not None:
        found.append(("6to4", address.sixtofour))
    if address.teredo is not None:
        server, client = address.teredo
        found += [("Teredo", server), ("Teredo", client)]
    if address in _NAT64:
        found.append(("NAT64", ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF)))
    return found


def _ipv6_refusal(address: ipaddress.IPv6Address) -> str | None:
    """Why an IPv6 address that stands for an IPv4 one is refused, from that IPv4 address.

    Python's own checks do not look inside (2002:7f00:1:: is "global" to some versions), so
    an address embedding loopback or a private network would pass them.
    """
    if address in _NAT64_LOCAL:
        return "a local-use NAT64 address, whose IPv4 address cannot be told"
    for kind, inner in _embedded_ipv4(address):
        why = refusal(inner)
        if why:
            return f"a {kind} address of {inner}, {why}"
    return None


def refusal(address: IPAddress) -> str | None:
    """Why `address` is not a public address, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:  # the IPv4 address itself, written as IPv6
            why = refusal(address.ipv4_mapped)
            return f"an IPv4-mapped address of {address.ipv4_mapped}, {why}" if why else None
        why = _ipv6_refusal(address)
        if why:
            return why
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
