"""From the database and app config to what a destination is given (Target, DeliveryContext).

This is the one place where a delivery method's secrets are decrypted; the Target keeps
them out of its repr, and destinations never log them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workspace.contact_center.delivery_methods.models import DeliveryMethod
from workspace.delivery.destinations.base import DeliveryContext, DeliveryError, Target
from workspace.secrets_key import decrypt

TABLE = "delivery_methods"  # as sealed by contact_center/delivery_methods/service.py

MAIL_KEYS = (
    "MAIL_SERVER",
    "MAIL_PORT",
    "MAIL_USE_TLS",
    "MAIL_USE_SSL",
    "MAIL_USERNAME",
    "MAIL_PASSWORD",
    "MAIL_FROM",
    "MAIL_MAX_BYTES",
    "MAIL_OUTBOX_DIR",
)


def load_target(method: DeliveryMethod) -> Target:
    """The method with its secrets decrypted (needs an app context for the key).

    A secret that no longer decrypts (the key changed, or the row was tampered with) is a
    DeliveryError the admin fixes by entering the secret again; it is not retried.
    """
    secrets: dict[str, str] = {}
    for field, sealed in (method.secrets or {}).items():
        try:
            secrets[field] = decrypt(
                sealed, account_id=method.account_id, table=TABLE, row_id=method.id, field=field
            )
        except ValueError:
            raise DeliveryError(
                f'The saved {field.replace("_", " ")} of "{method.name}" cannot be read '
                "(the secrets key changed?): enter it again.",
                kind="login",
                retry=False,
            ) from None
    return Target(
        type=method.type, name=method.name, settings=dict(method.settings or {}), secrets=secrets
    )


def delivery_context(app_config: Mapping[str, Any]) -> DeliveryContext:
    """Base URLs, timeout, chunk size, mail settings and the private-host switch."""
    return DeliveryContext(
        api_base_urls={
            "dropbox": app_config.get("DROPBOX_API_URL") or "https://api.dropboxapi.com",
            "dropbox_content": app_config.get("DROPBOX_CONTENT_URL")
            or "https://content.dropboxapi.com",
            "google_oauth": app_config.get("GOOGLE_OAUTH_URL") or "https://oauth2.googleapis.com",
            "google": app_config.get("GOOGLE_API_URL") or "https://www.googleapis.com",
            "microsoft_login": app_config.get("MICROSOFT_LOGIN_URL")
            or "https://login.microsoftonline.com",
            "graph": app_config.get("GRAPH_API_URL") or "https://graph.microsoft.com",
        },
        timeout=float(app_config.get("DELIVERY_TIMEOUT") or 30.0),
        allow_private_hosts=bool(app_config.get("DELIVERY_ALLOW_PRIVATE_HOSTS", False)),
        mail={key: app_config.get(key) for key in MAIL_KEYS},
        chunk_size=int(app_config.get("DELIVERY_CHUNK_BYTES") or 8 * 1024 * 1024),
    )
