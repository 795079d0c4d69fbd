"""Marshmallow fields shared by the contact-center schemas: clean text, secrets, host names.

Every string that reaches the database goes through Text or Secret: they refuse what a
database driver would choke on (NUL and other control characters, lone surrogates), so
such input is a 422 naming the field instead of a 500.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata

from marshmallow import ValidationError, fields

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def _encodable(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError("Use valid text (this contains broken characters).") from exc


class Text(fields.String):
    """A single line of text, stripped of surrounding whitespace before validation."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        _encodable(text)
        if any(unicodedata.category(ch) == "Cc" for ch in text):
            raise ValidationError("Use printable characters only (no control characters).")
        return text.strip()


class Secret(fields.String):
    """A write-only secret, taken as typed (no stripping: spaces may be part of it)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("load_only", True)
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        _encodable(text)
        if "\x00" in text:
            raise ValidationError("Use printable characters only (no control characters).")
        return text


def normalise_host(value: str) -> str | None:
    """The host name or IP address in canonical form, or None when it is neither.

    >>> normalise_host("SIP.Example.NET"), normalise_host("2001:DB8::1"), normalise_host("1.2.3")
    ('sip.example.net', '2001:db8::1', None)
    """
    if "%" in value:  # an IPv6 zone ("fe80::1%eth0") means nothing to another host
        return None
    try:
        return ipaddress.ip_address(value).compressed
    except ValueError:
        pass
    host = value.lower()
    labels = host.split(".")
    if len(host) > 253 or not all(_LABEL.match(label) for label in labels):
        return None
    # An all-digit last label ("10.0.0.300", "1.2.3") is a mistyped address, not a name.
    return None if labels[-1].isdigit() else host


def _port(text: str) -> int | None:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        return None
    return int(text)


def normalise_host_port(value: str) -> str | None:
    """`host`, `host:port` or `[ipv6]:port` in canonical form, or None when malformed."""
    host, port = value, None
    if value.startswith("["):
        end = value.find("]")
        host, rest = value[1:end], value[end + 1 :]
        if end < 0 or ":" not in host or (rest and not rest.startswith(":")):
            return None
        port = rest[1:] if rest else None
    elif value.count(":") == 1:
        host, port = value.split(":")
    canonical = normalise_host(host)
    if canonical is None or (port is not None and _port(port) is None):
        return None
    if port is None:
        return canonical
    return f"[{canonical}]:{int(port)}" if ":" in canonical else f"{canonical}:{int(port)}"


class Host(Text):
    """A host name or an IP address, stored lowercase and compressed."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        host = normalise_host(super()._deserialize(value, attr, data, **kwargs))
        if host is None:
            raise ValidationError("Enter a host name (sip.example.com) or an IP address.")
        return host


class HostPort(Text):
    """A host name or IP address with an optional port: host, host:5060, [2001:db8::1]:5060."""

    def _deserialize(self, value, attr, data, **kwargs) -> str | None:
        text = super()._deserialize(value, attr, data, **kwargs)
        if text == "":
            return None
        canonical = normalise_host_port(text)
        if canonical is None:
            raise ValidationError(
                "Enter a host name or IP address, optionally with a port (proxy.example.com:5060)."
            )
        return canonical
