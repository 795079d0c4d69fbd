"""A device's settings, built in one place from the account's facts.

Decision: contact-center settings (caller IDs, recording, announcements, lines and their
dialing rules, the directory) take effect on save, everywhere at once. So every reader of a
device's settings calls this module with facts of the same shape: the compiler (the plan's
``devices`` section at publish), the device API (``GET /device/v1/config``), the portal's
effective-config view and the SIP server's plan (``workspace.device_api.sip_plan``). Only
*where a device rings* (``reachable_at``) comes from the published call program; callers
pass it in.

Pure: plain dicts in, plain dicts out, no database and no clock. The facts are those of
``workspace.objects.facts`` (``load_facts`` for a whole account, ``load_device_facts`` for a
few devices); the keys read here are ``devices``, ``contact_methods``, ``sip_accounts``,
``internal_numbers``, ``phone_numbers``, ``feature_codes`` and ``directory_version``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from workspace.graph.facts import record_on_demand_code

__all__ = [
    "LINE_FIELDS",
    "RECORDING_FLAGS",
    "call_center_method_of",
    "device_settings",
    "devices_section",
    "line_settings",
]

Facts = Mapping[str, Any]

RECORDING_FLAGS = ("inbound", "outbound", "internal", "external")
LINE_FIELDS = (
    "server",
    "port",
    "transport",
    "proxy",
    "username",
    "auth_username",
    "display_name",
    "push",
)


def devices_section(
    facts: Facts, method_ids: Iterable[int], reachable: Mapping[int, list[str]]
) -> dict[str, dict[str, Any]]:
    """The settings of every device of these call.center methods, by ``str(device id)``.

    ``method_ids`` are contact-method ids (other kinds are skipped); ``reachable`` maps a
    device id to the route keys that ring it (absent: ``[]``).

    Example
    -------
    >>> facts = {"contact_methods": {4: {"kind": "call_center", "contact": 9,
    ...                                  "contact_name": "Ann", "devices": [5]}},
    ...          "devices": {5: {"contact": 9, "name": "Desk", "sip_accounts": []}}}
    >>> section = devices_section(facts, [4], {5: ["+14155550100"]})
    >>> section["5"]["caller_id"]["name"], section["5"]["reachable_at"]
    ('Ann', ['+14155550100'])
    """
    shared = _account_settings(facts)
    shared["lines"] = {}  # SIP account id -> its line, built once however many devices share it
    section: dict[str, dict[str, Any]] = {}
    for method_id in sorted(method_ids):
        method = facts["contact_methods"][method_id]
        if method["kind"] != "call_center":
            continue
        settings = _method_settings(facts, method, shared["on_demand_code"])
        for device in sorted(method.get("devices") or []):
            if str(device) in section:
                continue  # one call.center method per contact: this guards bad facts only
            section[str(device)] = _entry(
                facts, device, method_id, settings, shared, reachable.get(device, [])
            )
    return section


def device_settings(facts: Facts, device_id: int, reachable_at: list[str]) -> dict[str, Any]:
    """The settings of one device: the same entry ``devices_section`` gives it.

    A device whose contact has no call.center method still gets its lines (it can register
    and call out); its ``contact_method``, ``caller_id``, ``recording`` and
    ``announcements`` are None.

    Example
    -------
    >>> facts = {"contact_methods": {}, "sip_accounts": {},
    ...          "devices": {5: {"contact": 9, "name": "Desk", "sip_accounts": []}}}
    >>> entry = device_settings(facts, 5, [])
    >>> entry["contact"], entry["caller_id"], entry["lines"]
    (9, None, [])
    """
    shared = _account_settings(facts)
    contact = facts["devices"][device_id].get("contact")
    method_id = call_center_method_of(facts, contact)
    settings = (
        None
        if method_id is None
        else _method_settings(facts, facts["contact_methods"][method_id], shared["on_demand_code"])
    )
    return _entry(facts, device_id, method_id, settings, shared, list(reachable_at))


def call_center_method_of(facts: Facts, contact: int | None) -> int | None:
    """The id of the contact's call.center method in the facts (lowest id), or None."""
    for method_id, method in sorted((facts.get("contact_methods") or {}).items()):
        if method["kind"] == "call_center" and method.get("contact") == contact:
            return int(method_id)
    return None


def line_settings(account_id: int, account: Mapping[str, Any]) -> dict[str, Any]:
    """One SIP line of a device; the password is only ever said to be manual or provisioned.

    >>> line_settings(3, {"username": "1001", "manual_password": True})["password"]
    'manual'
    """
    get = account.get
    line: dict[str, Any] = {"sip_account": account_id}
    for field in LINE_FIELDS:
        line[field] = get(field)
    line["password"] = "manual" if get("manual_password") else "provisioned"
    line["dialing_rules"] = [
        {
            "start_with": rule.get("start_with"),
            "replace_with": rule.get("replace_with"),
            "min_length": rule.get("min_length"),
        }
        for rule in get("dialing_rules") or ()
    ]
    return line


def _entry(
    facts: Facts,
    device_id: int,
    method_id: int | None,
    settings: Mapping[str, Any] | None,
    shared: Mapping[str, Any],
    reachable_at: list[str],
) -> dict[str, Any]:
    row = facts["devices"][device_id]
    method = facts["contact_methods"][method_id] if method_id is not None else {}
    sip_accounts = facts.get("sip_accounts") or {}
    lines: dict[int, dict[str, Any]] = shared.get("lines", {})
    for account in row.get("sip_accounts") or []:
        if account in sip_accounts and account not in lines:
            lines[account] = line_settings(account, sip_accounts[account])
    return {
        "contact": row.get("contact", method.get("contact")),
        "contact_method": method_id,
        "name": row.get("name"),
        # Lines are shared read-only between the devices on one SIP account, like settings.
        "lines": [lines[account] for account in row.get("sip_accounts") or [] if account in lines],
        # One set of dicts per method, shared by its devices like the steps: read-only.
        **(settings or {"caller_id": None, "recording": None, "announcements": None}),
        "feature_codes": shared["feature_codes"],
        "directory": shared["directory"],
        # Kept, not copied: devices_section's lists are the plan's own (shared between
        # devices that ring at the same routes), device_settings hands in a copy.
        "reachable_at": reachable_at,
    }


def _account_settings(facts: Facts) -> dict[str, Any]:
    """What every device of the account shares: feature codes and the directory's version."""
    codes = facts.get("feature_codes") or {}
    enabled = sorted(
        ({"code": c["code"], "purpose": c["purpose"]} for c in codes.values() if c["enabled"]),
        key=lambda c: (c["code"], c["purpose"] or ""),
    )
    return {
        "on_demand_code": record_on_demand_code(facts),
        "feature_codes": enabled,
        "directory": {"version": facts.get("directory_version")},
    }


def _method_settings(
    facts: Facts, method: Mapping[str, Any], on_demand_code: str | None
) -> dict[str, dict[str, Any]]:
    """The caller ID, recording and announcement settings a call.center method gives devices."""
    settings = method.get("settings") or {}
    internal = settings.get("internal_caller_id")
    external = settings.get("external_caller_id")
    recording = settings.get("recording") or {}
    enabled = bool(recording.get("enabled"))
    announcements = settings.get("announcements") or {}
    internal_numbers = facts.get("internal_numbers") or {}
    phone_numbers = facts.get("phone_numbers") or {}
    return {
        "caller_id": {
            "name": settings.get("caller_id_name") or method.get("contact_name"),
            "internal": _number(internal_numbers, internal),
            "external": _number(phone_numbers, external),
            "outbound": bool(settings.get("outbound_calling")),
        },
        # Recording options take effect only while recording is enabled.
        "recording": {
            "enabled": enabled,
            **{k: enabled and bool(recording.get(k)) for k in RECORDING_FLAGS},
            "on_demand_code": on_demand_code if enabled and recording.get("on_demand") else None,
            "delivery_method": recording.get("delivery_method") if enabled else None,
        },
        "announcements": {
            "internal": announcements.get("internal"),
            "external": announcements.get("external"),
        },
    }


def _number(numbers: Mapping[int, Mapping[str, Any]], row: int | None) -> str | None:
    """The digits of a number row; None for no row (or one gone since, as the device API did)."""
    found = numbers.get(row) if row is not None else None
    return None if found is None else str(found["number"])
