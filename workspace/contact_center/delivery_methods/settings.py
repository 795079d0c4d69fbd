"""One settings schema per delivery type, and the dispatch on `type` that picks it.

Secret fields carry metadata {"secret": True}: they are load-only, stored encrypted one by
one, and never dumped. Validation messages never repeat a submitted value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from marshmallow import ValidationError, fields, validate, validates

from workspace.contact_center.delivery_methods.naming import template_problem
from workspace.contact_center.fields import Host, Secret, Text
from workspace.schemas import BaseSchema

__all__ = ["SETTINGS_SCHEMAS", "load_settings", "secret_fields"]

_TENANT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$")
_DRIVE_ID = re.compile(r"^[A-Za-z0-9_-]{1,200}$")
PORTS = validate.Range(min=1, max=65535, error="Use a port from 1 to 65535.")


def _host_key(value: str) -> None:
    parts = value.split()
    try:
        if len(parts) < 2:
            raise ValueError
        serialization.load_ssh_public_key(f"{parts[0]} {parts[1]}".encode())
    except (ValueError, UnsupportedAlgorithm):
        raise ValidationError(
            'Give the server\'s public key as one line such as "ssh-ed25519 AAAA..." '
            "(from ssh-keyscan, without the host name)."
        ) from None


def _private_key(value: str) -> None:
    data = value.strip().encode()
    try:
        if b"OPENSSH PRIVATE KEY" in data:
            serialization.load_ssh_private_key(data, password=None)
        else:
            serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise ValidationError("Give the private key without a passphrase.") from None
    except (ValueError, UnsupportedAlgorithm):
        raise ValidationError("Paste the private key as PEM text (-----BEGIN ...).") from None


def _secret(*, required: bool = True, max_length: int = 4096, checks: Iterable = ()) -> Secret:
    rules = [validate.Length(min=1, max=max_length), *checks]
    return Secret(required=required, validate=rules, metadata={"secret": True})


def _text(*, default: str | None = None, max_length: int = 200, checks: Iterable = ()) -> Text:
    """Required without a default; refuses empty text either way."""
    rules = [validate.Length(min=1, max=max_length, error="Enter 1 to {max} characters."), *checks]
    if default is None:
        return Text(required=True, validate=rules)
    return Text(load_default=default, validate=rules)


def _folder(default: str) -> Text:
    return _text(default=default, max_length=1000)


def _file_name_template(value: str) -> None:
    problem = template_problem(value)
    if problem:
        raise ValidationError(problem)


class DeliveredSettings(BaseSchema):
    """What every type shares: the name recordings are delivered under (None: the default,
    "{date}_{time}_{direction}_{from}_{to}.{ext}")."""

    file_name_template = Text(
        load_default=None,
        allow_none=True,
        validate=[validate.Length(min=1, max=200), _file_name_template],
    )


class EmailSettings(DeliveredSettings):
    addresses = fields.List(
        fields.Email(validate=validate.Length(max=254)),
        required=True,
        validate=validate.Length(min=1, max=10, error="Give 1 to 10 email addresses."),
    )

    @validates("addresses")
    def _unique(self, value: list[str], **_) -> None:
        if len({address.lower() for address in value}) != len(value):
            raise ValidationError("Give each address once.")


class FtpSettings(DeliveredSettings):
    host = Host(required=True)
    port = fields.Integer(strict=True, load_default=21, validate=PORTS)
    username = _text()
    password = _secret()
    folder = _folder("/")
    tls = fields.Boolean(load_default=True)


class SftpSettings(DeliveredSettings):
    host = Host(required=True)
    port = fields.Integer(strict=True, load_default=22, validate=PORTS)
    username = _text()
    password = _secret(required=False)
    private_key = _secret(required=False, max_length=16384, checks=[_private_key])
    host_key = _text(max_length=16384, checks=[_host_key])
    folder = _folder(".")  # relative to the login folder

    one_of_secrets = ("password", "private_key")


class DropboxSettings(DeliveredSettings):
    access_token = _secret()
    refresh_token = _secret(required=False)
    app_key = _text()
    app_secret = _secret(required=False)
    folder = _folder("/")


class GoogleDriveSettings(DeliveredSettings):
    client_id = _text()
    client_secret = _secret()
    refresh_token = _secret()
    folder_id = _text(
        default="root", checks=[validate.Regexp(_DRIVE_ID, error="Not a Drive folder id.")]
    )


class OneDriveSettings(DeliveredSettings):
    client_id = _text()
    client_secret = _secret()
    refresh_token = _secret()
    tenant = _text(
        default="common",
        checks=[validate.Regexp(_TENANT, error="Use common, a tenant id or a tenant domain.")],
    )
    folder = _folder("/")


SETTINGS_SCHEMAS: dict[str, type[BaseSchema]] = {
    "email": EmailSettings,
    "ftp": FtpSettings,
    "sftp": SftpSettings,
    "dropbox": DropboxSettings,
    "google_drive": GoogleDriveSettings,
    "onedrive": OneDriveSettings,
}
_SCHEMAS = {type_: schema() for type_, schema in SETTINGS_SCHEMAS.items()}


def secret_fields(type_: str) -> frozenset[str]:
    schema = _SCHEMAS[type_]
    return frozenset(n for n, f in schema.fields.items() if f.metadata.get("secret"))


def load_settings(
    type_: str, raw: dict[str, Any], *, kept: Iterable[str] = ()
) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate `raw` as settings of `type_`: (plain settings, secrets given).

    `kept` names secrets already stored that `raw` leaves alone: they count as present.
    A secret given as null counts as absent (the caller clears it).
    """
    schema = _SCHEMAS[type_]
    secrets = secret_fields(type_)
    raw = {k: v for k, v in raw.items() if not (k in secrets and v is None)}
    loaded = schema.load(raw, partial=tuple(set(kept) & secrets))
    given = {k: v for k, v in loaded.items() if k in secrets}
    group = getattr(schema, "one_of_secrets", ())
    if group and not (set(group) & (set(given) | set(kept))):
        message = f"Give a {' or a '.join(n.replace('_', ' ') for n in group)}."
        raise ValidationError({group[0]: [message]})
    return {k: v for k, v in loaded.items() if k not in secrets}, given
