"""The SSRF guard: which addresses a delivery may connect to."""

from __future__ import annotations

import ipaddress

import pytest

from workspace.delivery.destinations import DeliveryError
from workspace.delivery.netguard import refusal, resolve_allowed

REFUSED = [
    "127.0.0.1",
    "127.8.9.10",
    "::1",
    "169.254.169.254",  # cloud metadata
    "fe80::1",
    "10.0.0.1",
    "172.16.5.4",
    "172.31.255.255",
    "192.168.1.1",
    "fc00::1",
    "fd12:3456::1",
    "0.0.0.0",
    "::",
    "224.0.0.1",
    "ff02::1",
    "240.0.0.1",
    "100.64.0.1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
]


@pytest.mark.parametrize("address", REFUSED)
def test_when_address_is_not_public_then_it_is_refused(address):
    assert refusal(ipaddress.ip_address(address)) is not None
    with pytest.raises(DeliveryError) as caught:
        resolve_allowed(address, 21, allow_private=False)
    assert (caught.value.kind, caught.value.retry) == ("host_not_allowed", False)


EMBEDDED = [
    ("2002:7f00:1::1", "6to4", "127.0.0.1"),
    ("2002:a00:1::", "6to4", "10.0.0.1"),
    ("2002:a9fe:a9fe::1", "6to4", "169.254.169.254"),
    ("2002:c0a8:101::", "6to4", "192.168.1.1"),
    ("64:ff9b::7f00:1", "NAT64", "127.0.0.1"),
    ("64:ff9b::ac10:504", "NAT64", "172.16.5.4"),
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "Teredo", "10.0.0.1"),  # the client, obfuscated
    ("2001:0:a00:1::", "Teredo", "10.0.0.1"),  # the Teredo server
    ("::ffff:127.0.0.1", "IPv4-mapped", "127.0.0.1"),
    ("::ffff:a9fe:a9fe", "IPv4-mapped", "169.254.169.254"),
]


@pytest.mark.parametrize(("address", "kind", "inner"), EMBEDDED, ids=[e[0] for e in EMBEDDED])
def test_when_an_ipv6_address_embeds_a_non_public_ipv4_then_it_is_refused_naming_it(
    address, kind, inner
):
    assert f"{kind} address of {inner}" in refusal(ipaddress.ip_address(address))
    with pytest.raises(DeliveryError) as caught:
        resolve_allowed(address, 21, allow_private=False)
    assert (caught.value.kind, caught.value.retry) == ("host_not_allowed", False)
    assert f"{kind} address of {inner}" in caught.value.reason


def test_when_an_address_is_local_use_nat64_then_it_is_refused_whatever_it_embeds():
    assert "local-use NAT64" in refusal(ipaddress.ip_address("64:ff9b:1::808:808"))


def test_when_a_name_resolves_to_loopback_then_it_is_refused():
    with pytest.raises(DeliveryError) as caught:
        resolve_allowed("localhost", 21, allow_private=False)
    assert caught.value.kind == "host_not_allowed"
    assert "localhost" in caught.value.reason


def test_when_a_name_does_not_resolve_then_dns_error():
    with pytest.raises(DeliveryError) as caught:
        resolve_allowed("no-such-host.invalid", 21, allow_private=False)
    assert (caught.value.kind, caught.value.retry) == ("dns", True)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888"])
def test_when_address_is_public_then_it_is_allowed(address):
    assert refusal(ipaddress.ip_address(address)) is None
    assert resolve_allowed(address, 21, allow_private=False) == [address]


def test_when_private_hosts_are_allowed_then_loopback_passes():
    assert resolve_allowed("127.0.0.1", 21, allow_private=True) == ["127.0.0.1"]


def _https_server(folder):
    """A Flask app over TLS on loopback with a certificate for "localhost" only."""
    import datetime
    import ssl
    import threading

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from flask import Flask, request
    from werkzeug.serving import make_server

    from tests.servers import free_port

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    app = Flask("tls-standin")
    app.get("/")(lambda: {"host": request.headers.get("Host")})
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    port = free_port()
    server = make_server("127.0.0.1", port, app, ssl_context=context)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return server, port, cert_file


def test_when_connecting_to_the_checked_address_then_tls_still_verifies_the_name(tmp_path):
    import requests

    from workspace.delivery.destinations._http import GuardedAdapter

    server, port, cert_file = _https_server(tmp_path)
    session = requests.Session()
    session.trust_env = False
    session.mount("https://", GuardedAdapter(allow_private=True))
    try:
        by_name = session.get(f"https://localhost:{port}/", verify=str(cert_file), timeout=5)
        assert by_name.json() == {"host": f"localhost:{port}"}
        with pytest.raises(requests.exceptions.SSLError):  # the certificate names localhost only
            session.get(f"https://127.0.0.1:{port}/", verify=str(cert_file), timeout=5)
    finally:
        session.close()
        server.shutdown()
