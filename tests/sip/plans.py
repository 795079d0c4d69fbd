"""Plans for the sip tests: the devices section the app writes (HA1 only), and small call
programs in plan format 2, written the way the app writes them (write_plan_file)."""

from __future__ import annotations

from workspace.sip.plan_files import ha1, write_plan_file

ACCOUNT = 1
REALM = "127.0.0.1"
PASSWORDS = {"101": "pw-mike-101", "102": "pw-sarah-102", "103": "pw-omar-103"}
DIAL_RULE = {"start_with": "017", "replace_with": "1", "min_length": 10}


def _line(user: str, sip_account: int, rules=()) -> dict:
    return {
        "sip_account": sip_account,
        "username": user,
        "auth_username": None,
        "display_name": None,
        "dialing_rules": list(rules),
        "ha1": ha1(user, REALM, PASSWORDS[user]),
    }


DEVICES = {
    "5": {
        "name": "Mike's phone",
        "contact": 9,
        "lines": [_line("101", 1, [DIAL_RULE])],
        "caller_id": {
            "name": "Mike Brown",
            "internal": "101",
            "external": "+14155550100",
            "outbound": True,
        },
    },
    "6": {
        "name": "Sarah's phone",
        "contact": 10,
        "lines": [_line("102", 3)],
        "caller_id": {
            "name": "Sarah Lee",
            "internal": "102",
            "external": "+14155550100",
            "outbound": False,
        },
    },
    "7": {
        "name": "Omar's phone",
        "contact": 11,
        "lines": [_line("103", 4)],
        "caller_id": {"name": "Omar Diaz", "internal": "103", "external": None, "outbound": False},
    },
}
DEVICE_OF_USER = {"101": 5, "102": 6, "103": 7}
CONTACT_METHOD_OF_DEVICE = {5: 44, 6: 45, 7: 46}
USER_OF_METHOD = {44: "101", 45: "102", 46: "103"}


def entry(obj: int, device: int, start: int, duration: int) -> dict:
    """A call.center timeline entry ringing one device."""
    return {
        "object": obj,
        "contact_method": CONTACT_METHOD_OF_DEVICE[device],
        "contact": DEVICES[str(device)]["contact"],
        "kind": "call_center",
        "devices": [device],
        "start": start,
        "duration": duration,
    }


def group(obj: int, entries: list[dict], no_answer: str | None = None) -> dict:
    node = {
        "object": obj,
        "type": "ring_group",
        "timeline": entries,
        "no_answer_after": max(e["start"] + e["duration"] for e in entries),
    }
    if no_answer:
        node["exits"] = {"no_answer": no_answer}
    return node


def method(obj: int, device: int) -> dict:
    return {
        "object": obj,
        "type": "contact_method",
        "contact_method": CONTACT_METHOD_OF_DEVICE[device],
        "contact": DEVICES[str(device)]["contact"],
        "kind": "call_center",
        "devices": [device],
    }


def program(number: str, first: dict, *more: tuple[str, dict], revision: int = 1) -> dict:
    """A plan routing ``number`` (E.164 or ext:NNN) through ``first`` (node n30) and more."""
    entry_type = "internal_number" if number.startswith("ext:") else "phone_number"
    nodes = {"n12": {"object": 12, "type": entry_type, "exits": {"calls": "n30"}}, "n30": first}
    nodes.update(dict(more))
    return {"revision": revision, "routes": {number: {"node": "n12"}}, "nodes": nodes}


def write_plan(kamailio, plan: dict, devices: dict | None = None) -> None:
    document = {
        "account": ACCOUNT,
        "format": 2,
        "revision": plan.get("revision"),
        "hash": None,
        "routes": plan.get("routes", {}),
        "nodes": plan.get("nodes", {}),
        "devices": DEVICES if devices is None else devices,
    }
    write_plan_file(kamailio.plans, ACCOUNT, document)
