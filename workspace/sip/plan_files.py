"""The per-account file the SIP server routes by (decisions.md #2), written by the app.

``<SIP_DIR>/plans/<account>.json`` = the published revision's call program (plan format 2)
plus two device sections computed from the CURRENT contact-center settings: ``devices``, the
published plan's devices (the ones its nodes ring), and ``other_devices``, every other device
of the account (added since the publish, or of a contact on no route). Both map
``str(device id)`` to ``{"name", "contact", "caller_id", "lines"}``. A device of
``other_devices`` registers and places calls (outbound, extensions) at once; no node rings
it until a publish places it (docs/routing-plan.md, "The SIP server's plan file").

The file is written with an atomic rename, and hard-linked as
``plans/gen/<account>-<generation>.json`` so calls in progress keep reading the plan they
started on (kemi/plans.py). Rewritten on publish and rollback and after every
device-affecting save (a device added or deleted too): the device-config recompute worker
(workspace/device_api/recompute.py) calls ``write_account_plan`` after the debounce, so one
signal (``devices_may_change``) drives both.

Secrets: a line carries ``ha1`` = md5(username:realm:password), the digest Kamailio's auth
module checks (``pv_auth_check`` with the HA1 flag), never the password. Lines with a manual
password (the app does not know it) and lines of other providers are left out: they cannot
register here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from flask import current_app

from workspace.contact_center.providers.models import Provider, SipAccount
from workspace.device_api.config import provisioned_passwords
from workspace.device_api.sip_plan import sip_plan
from workspace.extensions import db
from workspace.tenancy import scoped

log = logging.getLogger(__name__)

__all__ = ["ha1", "plan_document", "write_account_plan", "write_plan_file"]

GEN_KEEP_SECONDS = 3600  # a call in progress never lasts longer than a ring cap + this
LINE_KEYS = ("sip_account", "username", "auth_username", "display_name", "dialing_rules")


def ha1(username: str, realm: str, password: str) -> str:
    """The SIP digest HA1 (RFC 2617): md5 of ``username:realm:password``, hex.

    >>> ha1("101", "sip.phone.systems", "pw")
    '169261f3c80008d78d7a3e5ca9f85960'
    """
    return hashlib.md5(f"{username}:{realm}:{password}".encode()).hexdigest()  # noqa: S324


def plan_document(account_id: int, realm: str) -> dict[str, Any] | None:
    """What the SIP server routes the account's calls by, or None when nothing is published.

    ``sip_plan`` (the one builder the device API and the portal's effective-config view share,
    so the SIP server presents what devices and admins see), with an HA1 on each line that can
    register here and nothing else secret. ``devices`` are the published plan's devices,
    ``other_devices`` the account's others (sip_plan's ``other_devices``): same entries, same
    rules for their lines, so a device added since the publish registers and calls out at
    once; the routing module rings only what the published nodes name.
    """
    plan = sip_plan(account_id)
    if plan is None:
        return None
    sections = {"devices": plan["devices"], "other_devices": plan.get("other_devices") or {}}
    here = _builtin_sip_accounts(account_id)
    wanted = {
        line["sip_account"]
        for devices in sections.values()
        for device in devices.values()
        for line in device["lines"]
        if line["sip_account"] in here and line.get("password") == "provisioned"
    }
    passwords = provisioned_passwords(account_id, sorted(wanted))
    return {
        "account": account_id,
        "format": plan["format"],
        "revision": plan["revision"],
        "hash": plan["hash"],
        "routes": plan["routes"] or {},
        "nodes": plan["nodes"] or {},
        **{
            name: {key: _device_entry(device, passwords, realm) for key, device in devices.items()}
            for name, devices in sections.items()
        },
    }


def _device_entry(
    device: dict[str, Any], passwords: dict[int, str | None], realm: str
) -> dict[str, Any]:
    """What the routing module needs of a device: who it is, its caller ID, its lines."""
    return {
        "name": device["name"],
        "contact": device["contact"],
        "caller_id": device["caller_id"],
        "lines": _registering_lines(device["lines"], passwords, realm),
    }


def _registering_lines(
    lines: list[dict[str, Any]], passwords: dict[int, str | None], realm: str
) -> list[dict[str, Any]]:
    """Lines on this SIP server with a provisioned password, each with its HA1: the app does
    not know a manual password, and other providers' lines register elsewhere."""
    out = []
    for line in lines:
        password = passwords.get(line["sip_account"])
        if not password:
            continue
        entry = {key: line.get(key) for key in LINE_KEYS}
        entry["ha1"] = ha1(line.get("auth_username") or line["username"], realm, password)
        out.append(entry)
    return out


def _builtin_sip_accounts(account_id: int) -> set[int]:
    """The account's SIP accounts on the built-in provider, i.e. on this SIP server."""
    rows = db.session.execute(
        scoped(SipAccount, account_id)
        .join(Provider, Provider.id == SipAccount.provider_id)
        .where(Provider.builtin.is_(True))
        .with_only_columns(SipAccount.id)
    ).scalars()
    return set(rows)


def write_plan_file(plans_dir: str | os.PathLike, account_id: int, document: dict) -> Path:
    """Write the account's file atomically, plus its hard link by generation.

    The generation is a digest of the content, so an unchanged document keeps its name.
    Generation links older than GEN_KEEP_SECONDS are removed.
    """
    root = Path(plans_dir)
    (root / "gen").mkdir(parents=True, exist_ok=True)
    body = {k: v for k, v in document.items() if k != "generation"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    generation = hashlib.sha256(canonical.encode()).hexdigest()[:16]
    text = json.dumps({**body, "generation": generation}, sort_keys=True, separators=(",", ":"))
    tmp = root / f".{account_id}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    link = root / "gen" / f"{account_id}-{generation}.json"
    if not link.exists():
        os.link(tmp, link)
    target = root / f"{account_id}.json"
    os.replace(tmp, target)
    _prune(root / "gen")
    return target


def remove_plan_file(plans_dir: str | os.PathLike, account_id: int) -> None:
    """Nothing published (any more): the account's numbers stop routing here."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(Path(plans_dir) / f"{account_id}.json")


def _prune(gen_dir: Path) -> None:
    cutoff = time.time() - GEN_KEEP_SECONDS
    for path in gen_dir.glob("*.json"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            pass


def write_account_plan(account_id: int) -> Path | None:
    """Rewrite the account's SIP plan file from the database (inside an app context)."""
    config = current_app.config
    plans_dir = Path(config["SIP_DIR"]) / "plans"
    document = plan_document(account_id, config["SIP_DOMAIN"])
    if document is None:
        remove_plan_file(plans_dir, account_id)
        return None
    return write_plan_file(plans_dir, account_id, document)
