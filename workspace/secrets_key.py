"""Secrets at rest: AES-256-GCM with the account, row and field bound in as associated data.

The key comes from WORKSPACE_SECRETS_KEY or an instance file, never the database. The app
refuses to start without one (outside tests); `python -m workspace.secrets_key --init`
creates the instance file for the embedded mode.
"""

from __future__ import annotations

import argparse
import base64
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import Flask, current_app

PREFIX = "v1:"


class SecretsKeyMissing(RuntimeError):
    pass


def _decode(raw: str) -> bytes:
    key = base64.urlsafe_b64decode(raw.strip().encode())
    if len(key) != 32:
        raise SecretsKeyMissing("The secrets key must be 32 bytes, urlsafe base64 encoded.")
    return key


def configure(app: Flask) -> None:
    """Load the key into the app config; fail closed when there is none."""
    raw = app.config.get("SECRETS_KEY") or ""
    path = Path(app.config["SECRETS_KEY_FILE"])
    if not raw and path.is_file():
        raw = path.read_text()
    if not raw and app.config.get("TESTING"):
        raw = base64.urlsafe_b64encode(os.urandom(32)).decode()
    if not raw:
        raise SecretsKeyMissing(
            f"No secrets key: set WORKSPACE_SECRETS_KEY or create {path} "
            "with `python -m workspace.secrets_key --init`."
        )
    app.config["SECRETS_KEY_BYTES"] = _decode(raw)
    if not app.config.get("SECRET_KEY"):
        # Flask's own signing key (flashes, etc.) derives from it when not given.
        app.config["SECRET_KEY"] = base64.urlsafe_b64encode(
            app.config["SECRETS_KEY_BYTES"]
        ).decode()


def _aad(account_id: int, table: str, row_id: int, field: str) -> bytes:
    return f"{account_id}|{table}|{row_id}|{field}".encode()


def encrypt(plaintext: str, *, account_id: int, table: str, row_id: int, field: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(current_app.config["SECRETS_KEY_BYTES"]).encrypt(
        nonce, plaintext.encode(), _aad(account_id, table, row_id, field)
    )
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()


def decrypt(token: str, *, account_id: int, table: str, row_id: int, field: str) -> str:
    """Raises ValueError when the value was tampered with or moved to another row or field."""
    if not token.startswith(PREFIX):
        raise ValueError("not an encrypted value")
    blob = base64.urlsafe_b64decode(token[len(PREFIX) :].encode())
    try:
        plain = AESGCM(current_app.config["SECRETS_KEY_BYTES"]).decrypt(
            blob[:12], blob[12:], _aad(account_id, table, row_id, field)
        )
    except InvalidTag as exc:
        raise ValueError("the encrypted value does not belong here") from exc
    return plain.decode()


def init_key_file(path: Path) -> bool:
    """Create the key file (mode 600) when missing; True when one was made."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(base64.urlsafe_b64encode(os.urandom(32)).decode())
    return True


def main() -> None:
    from workspace.config import Config

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--init", action="store_true", help="create the instance key file")
    args = parser.parse_args()
    if args.init:
        path = Path(Config.SECRETS_KEY_FILE)
        made = init_key_file(path)
        print(f"{'created' if made else 'kept'} secrets key file {path}")


if __name__ == "__main__":
    main()
