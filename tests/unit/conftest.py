"""Fixtures for the graph and object-type unit tests: the guide's Simple Call Flow and builders.

The Simple Call Flow (user guide, "Simple Call Flow Setup"): Mike Brown's DID +14155550100
and extension 101 both ring a ring group whose one member is his call.center contact method,
which rings his two devices.
"""

from __future__ import annotations

import copy
from types import SimpleNamespace
from typing import Any

import pytest

from workspace.graph import build, compile_plan, validate
from workspace.objects.types import REGISTRY

FACTS: dict[str, Any] = {
    "account": 1,
    "phone_numbers": {7: {"number": "+14155550100"}, 8: {"number": "+14155550111"}},
    "internal_numbers": {4: {"number": "101"}, 5: {"number": "102"}},
    "contact_methods": {
        44: {
            "kind": "call_center",
            "contact": 9,
            "contact_name": "Mike Brown",
            "devices": [5, 6],
            "sip_account": None,
            "number": None,
            "settings": {
                "caller_id_name": "Mike Brown",
                "internal_caller_id": 4,
                "outbound_calling": True,
                "external_caller_id": 7,
                "recording": {
                    "enabled": False,
                    "inbound": False,
                    "outbound": False,
                    "internal": False,
                    "external": False,
                    "on_demand": False,
                    "delivery_method": None,
                },
                "announcements": {"internal": None, "external": None},
            },
        },
        45: {
            "kind": "sip_account",
            "contact": 10,
            "contact_name": "Ann Lee",
            "devices": [],
            "sip_account": 3,
            "number": None,
            "settings": None,
        },
        46: {
            "kind": "phone",
            "contact": 10,
            "contact_name": "Ann Lee",
            "devices": [],
            "sip_account": None,
            "number": "+493012345678",
            "settings": None,
        },
    },
    "devices": {
        5: {"contact": 9, "name": "Mike's laptop", "sip_accounts": [3]},
        6: {"contact": 9, "name": "Mike's phone", "sip_accounts": [3, 4]},
    },
    "sip_accounts": {
        3: {
            "server": "sip.example.net",
            "port": 5060,
            "transport": "udp",
            "proxy": None,
            "username": "1001",
            "auth_username": None,
            "display_name": "Mike Brown",
            "push": True,
            "manual_password": False,
            "password": "s3cret-never-in-a-plan",
            "dialing_rules": [{"start_with": "017", "replace_with": "1", "min_length": 10}],
        },
        4: {
            "server": "pbx.example.org",
            "port": 5061,
            "transport": "tls",
            "proxy": "proxy.example.org",
            "username": "mike",
            "auth_username": "mike-auth",
            "display_name": "Mike",
            "push": False,
            "manual_password": True,
            "dialing_rules": [],
        },
    },
    "feature_codes": {2: {"code": "*9", "purpose": "record_on_demand", "enabled": True}},
    "delivery_methods": {8: {"type": "email"}},
    "audio_files": {11: {"name": "welcome.wav"}},
    "schedules": {
        3: {
            "name": "Office hours",
            "time_zone": "Europe/Berlin",
            "intervals": [{"day": d, "from": "09:00", "to": "17:00"} for d in range(5)],
            "holidays": [
                {
                    "name": "Christmas",
                    "from": "2026-12-24",
                    "to": "2026-12-26",
                    "yearly": True,
                    "exit": "holiday_1",
                },
                {"name": "Founders' day", "from": "2026-12-10", "to": None, "yearly": False},
            ],
        },
        5: {"name": "Never", "time_zone": "UTC", "intervals": [], "holidays": []},
        6: {
            "name": "Overlapping",
            "time_zone": "UTC",
            "intervals": [
                {"day": 0, "from": "09:00", "to": "12:00"},
                {"day": 0, "from": "11:00", "to": "13:00"},
            ],
            "holidays": [],
        },
    },
}


def obj(id: int, type: str, name: str = "", **properties: Any) -> dict[str, Any]:
    """An object row; the name defaults to the type and id, e.g. ``ring_group 30``."""
    return {
        "id": id,
        "type": type,
        "name": name or f"{type} {id}",
        "tab": 1,
        "properties": properties,
    }


def cable(
    id: int, source: int, source_port: str, target: int, target_port: str = "calls"
) -> dict[str, Any]:
    """A cable row."""
    return {
        "id": id,
        "source": source,
        "source_port": source_port,
        "target": target,
        "target_port": target_port,
    }


def simple_objects() -> list[dict[str, Any]]:
    return [
        obj(12, "phone_number", "Main line", number=7),
        obj(13, "internal_number", "Mike's extension", number=4),
        obj(30, "ring_group", "Mike", members=[{"target": 40, "start": 0, "duration": 30}]),
        obj(40, "contact_method", "Mike Brown", contact_method=44),
    ]


def simple_cables() -> list[dict[str, Any]]:
    return [
        cable(1, 12, "calls", 30),
        cable(2, 13, "calls", 30),
        cable(3, 30, "members", 40),
    ]


def problems_of(objects, cables=(), facts=None) -> list[dict[str, Any]]:
    """Validate rows against the registry (the Simple Call Flow facts by default)."""
    return validate(build(objects, cables), types=REGISTRY, facts=FACTS if facts is None else facts)


def codes_of(objects, cables=(), facts=None) -> list[str]:
    return [p["code"] for p in problems_of(objects, cables, facts)]


def plan_of(objects, cables=(), facts=None, **options: Any) -> dict[str, Any]:
    facts = FACTS if facts is None else facts
    return compile_plan(build(objects, cables), types=REGISTRY, facts=facts, **options)


@pytest.fixture
def facts() -> dict[str, Any]:
    """A fresh copy of the Simple Call Flow facts, free to change in a test."""
    return copy.deepcopy(FACTS)


@pytest.fixture
def ws() -> SimpleNamespace:
    """Row builders and runners: ``ws.obj``, ``ws.cable``, ``ws.simple_objects()``, ..."""
    return SimpleNamespace(
        obj=obj,
        cable=cable,
        simple_objects=simple_objects,
        simple_cables=simple_cables,
        problems=problems_of,
        codes=codes_of,
        plan=plan_of,
    )
