"""The configuration a call.center device downloads, and its content hash (the ETag).

Its settings are the device's entry built by the one function
``workspace.graph.devices.device_settings`` from the current contact-center facts: SIP lines,
caller IDs, recording, announcements, feature codes and the directory's version take effect
on save, exactly as the portal's effective-config view and the SIP server's plan show them
(``workspace.objects.device_config``). The published plan says only whether the device is
in it (``in_plan``) and where it rings (``reachable_at``). A device outside the plan still
gets its lines, so it can register and call out; ``in_plan`` says it rings for nothing.

The wire shape is the device API's own (``device`` and ``contact`` as objects, a line's
``password_mode`` and ``password_version``), unchanged for the apps in the field.

The password of a line is added only for the device itself (``with_secrets``) and only when
its SIP account provisions passwords; a manual-password line says so and carries none (the
user types it in the app's Account Info window).

The ``sip`` block says where a browser device registers (``sip_connection``): the SIP
server's WebSocket URL and domain. It is hashed with the rest, so moving the SIP server
makes every device refetch.

The ETag (`config_etag`) hashes the config without the passwords, so the hash never depends
on a secret, yet changes when one does: each line carries ``password_version``, a digest of
the stored ciphertext (fresh nonce per write), which moves whenever a password is set.
It leaves out ``revision`` as well: a publish that leaves a device's config as it was must
not make the device download it again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterable
from typing import Any

from flask import current_app

from workspace.contact_center.devices.models import Device
from workspace.contact_center.providers.models import SipAccount
from workspace.device_api.ice_servers import ice_block
from workspace.device_api.sip_connection import sip_connection
from workspace.extensions import db
from workspace.graph.devices import device_settings
from workspace.objects.device_config import published_devices
from workspace.objects.facts import load_device_facts
from workspace.secrets_key import decrypt
from workspace.tenancy import scoped

log = logging.getLogger(__name__)

__all__ = ["build_device_config", "build_device_configs", "config_etag", "wire_config"]

SIP_TABLE = "sip_accounts"
# Left out of the hash: the etag itself, and the revision (see the module docstring).
_UNHASHED = ("etag", "revision")


def config_etag(config: dict[str, Any]) -> str:
    """sha256 hex of the canonical JSON of `config` without passwords, etag and revision.

    >>> line = {"sip_account": 3, "password_version": "ab", "password": "s3cret"}
    >>> a = config_etag({"lines": [line], "revision": 1})
    >>> a == config_etag({"lines": [{**line, "password": None}], "revision": 2})
    True
    >>> a == config_etag({"lines": [{**line, "password_version": "cd"}], "revision": 1})
    False
    """
    hashed = {k: v for k, v in config.items() if k not in _UNHASHED}
    hashed["lines"] = [
        {k: v for k, v in line.items() if k != "password"} for line in config.get("lines") or []
    ]
    if isinstance(config.get("sip"), dict):
        hashed["sip"] = _hashed_sip(config["sip"])
    canonical = json.dumps(hashed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _hashed_sip(sip: dict[str, Any]) -> dict[str, Any]:
    """The ``sip`` block as its hash sees it. TURN credentials are made anew at each fetch (and
    never in a background hash): the servers count, what a device was given to log in with
    there does not. Without ICE servers the block hashes as it did before they existed."""
    hashed = {k: v for k, v in sip.items() if not k.startswith("ice_")}
    if sip.get("ice_transport_policy", "all") != "all":
        hashed["ice_transport_policy"] = sip["ice_transport_policy"]
    if sip.get("ice_servers"):
        hashed["ice_servers"] = [
            {k: v for k, v in server.items() if k not in ("username", "credential")}
            for server in sip["ice_servers"]
        ]
    return hashed


def build_device_config(device: Device, *, with_secrets: bool) -> dict[str, Any]:
    """The config of one device, "etag" included; passwords only when `with_secrets`."""
    return build_device_configs(device.account_id, [device], with_secrets=with_secrets)[device.id]


def build_device_configs(
    account_id: int, devices: Iterable[Device], *, with_secrets: bool = False
) -> dict[int, dict[str, Any]]:
    """Configs of several devices of one account, by device id, with a query per table."""
    devices = list(devices)
    if not devices:
        return {}
    published = published_devices(account_id)
    reachable = published.reachable or {}
    facts = load_device_facts(account_id, [d.id for d in devices])
    passwords = _passwords(account_id, facts) if with_secrets else {}
    sip = sip_connection(current_app.config)
    configs = {}
    for device in devices:
        in_plan = str(device.id) in reachable
        settings = device_settings(facts, device.id, reachable.get(str(device.id), []))
        config = wire_config(settings, facts, device.id, in_plan, published.revision)
        config["sip"] = {
            **sip,
            **ice_block(
                current_app.config, user=str(device.id), now=time.time(), with_secrets=with_secrets
            ),
        }
        for line in config["lines"]:
            if line["sip_account"] in passwords:
                line["password"] = passwords[line["sip_account"]]
        config["etag"] = config_etag(config)
        configs[device.id] = config
    return configs


def wire_config(
    settings: dict[str, Any],
    facts: dict[str, Any],
    device_id: int,
    in_plan: bool,
    revision: int | None,
) -> dict[str, Any]:
    """The device API's shape of a device's settings (``device_settings``'s entry)."""
    contact = settings["contact"]
    sips = facts["sip_accounts"]
    return {
        "device": {"id": device_id, "name": settings["name"]},
        "contact": {"id": contact, "name": (facts["contacts"].get(contact) or {}).get("name")},
        "in_plan": in_plan,
        "revision": revision,
        "reachable_at": settings["reachable_at"],
        "lines": [_wire_line(line, sips[line["sip_account"]]) for line in settings["lines"]],
        "caller_id": settings["caller_id"],
        "recording": settings["recording"],
        "announcements": settings["announcements"],
        "feature_codes": settings["feature_codes"],
        "directory": settings["directory"],
    }


def _wire_line(line: dict[str, Any], sip: dict[str, Any]) -> dict[str, Any]:
    """A plan line says ``password`` "manual"/"provisioned"; the device API says it as
    ``password_mode`` with ``password_version`` and keeps ``password`` for the secret."""
    wire = {k: v for k, v in line.items() if k != "password"}
    wire["password_mode"] = line["password"]
    wire["password_version"] = sip.get("password_version")
    return wire


def _passwords(account_id: int, facts: dict[str, Any]) -> dict[int, str | None]:
    """SIP account id -> its decrypted password, for the lines that provision one."""
    ids = [sid for sid, sip in facts["sip_accounts"].items() if not sip["manual_password"]]
    return provisioned_passwords(account_id, ids)


def provisioned_passwords(account_id: int, ids: list[int]) -> dict[int, str | None]:
    """SIP account id -> its decrypted password, for these SIP accounts of the account."""
    if not ids:
        return {}
    rows = db.session.execute(scoped(SipAccount, account_id).where(SipAccount.id.in_(ids)))
    return {sip.id: _password(sip) for sip in rows.scalars()}


def _password(sip: SipAccount) -> str | None:
    if sip.password_encrypted is None:
        return None
    try:
        return decrypt(
            sip.password_encrypted,
            account_id=sip.account_id,
            table=SIP_TABLE,
            row_id=sip.id,
            field="password",
        )
    except ValueError:  # tampered with or keyed differently: no password rather than a 500
        log.warning("SIP account %s: stored password cannot be decrypted", sip.id)
        return None
