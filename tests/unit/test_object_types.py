"""The object-type registry: catalogue, schemas, presets, port rules."""

from __future__ import annotations

import json

import pytest
from marshmallow import ValidationError

from workspace.objects.types import REGISTRY, UnknownTypeError, catalogue, get_type
from workspace.objects.types.ring_group import ring_all, sequential


def test_when_type_is_unknown_then_get_type_raises_lookup_error():
    with pytest.raises(UnknownTypeError, match="unknown object type 'queue'"):
        get_type("queue")
    assert issubclass(UnknownTypeError, LookupError)


@pytest.mark.parametrize(
    ("name", "properties"),
    [
        ("phone_number", {"number": 7, "extra": 1}),
        ("ring_group", {"members": [{"target": 1, "colour": "red"}]}),
        ("ring_group", {"members": [{"target": 1}, {"target": 1}]}),
        ("contact_method", {"contact_method": "44"}),
    ],
)
def test_when_properties_are_wrong_then_schema_refuses_them(name, properties):
    with pytest.raises(ValidationError):
        get_type(name).schema.load(properties)


@pytest.mark.parametrize(
    "name", ["phone_number", "internal_number", "ring_group", "contact_method"]
)
def test_when_properties_are_empty_then_schema_loads_the_defaults(name):
    kind = get_type(name)
    assert kind.schema.load({}) == kind.defaults


def test_when_member_has_no_start_or_duration_then_0_and_30():
    loaded = get_type("ring_group").schema.load({"members": [{"target": 4}]})
    assert loaded["members"] == [{"target": 4, "start": 0, "duration": 30}]


def test_when_catalogue_is_served_then_it_is_json_in_palette_order():
    served = json.loads(json.dumps(catalogue()))
    assert [t["type"] for t in served] == list(REGISTRY)
    assert [(t["type"], t["category"]) for t in served] == [
        ("phone_number", "entry"),
        ("internal_number", "entry"),
        ("time_router", "routing"),
        ("caller_router", "routing"),
        ("blacklist", "routing"),
        ("ring_group", "routing"),
        ("contact_method", "destination"),
        ("forward", "destination"),
    ]
    for entry in served:
        assert set(entry) == {
            "type",
            "display_name",
            "category",
            "icon",
            "color",
            "ports",
            "properties_schema",
            "defaults",
            "default_name_prefix",
            "exits",
            "pickers",
            "max_visits",
        }
        assert entry["color"].startswith("#") and len(entry["color"]) == 7


def test_when_ring_group_is_in_catalogue_then_its_ports_are_exact():
    ring_group = next(t for t in catalogue() if t["type"] == "ring_group")
    assert ring_group["ports"] == [
        {
            "name": "calls",
            "direction": "in",
            "label": "Calls",
            "max_cables": None,
            "signal": None,
            "accepts": ["call"],
            "warning": False,
            "tone": None,
        },
        {
            "name": "members",
            "direction": "out",
            "label": "Members",
            "max_cables": None,
            "signal": "member",
            "accepts": [],
            "warning": False,
            "tone": None,
        },
        {
            "name": "no_answer",
            "direction": "out",
            "label": "No answer",
            "max_cables": 1,
            "signal": "call",
            "accepts": [],
            "warning": True,
            "tone": None,
        },
    ]
    assert ring_group["defaults"] == {"members": [], "preset": "ring_all"}
    assert ring_group["default_name_prefix"] == "Ring Group"


def test_when_entries_are_in_catalogue_then_one_calls_cable_and_no_inputs():
    for name in ("phone_number", "internal_number"):
        assert [p.to_dict() for p in get_type(name).ports] == [
            {
                "name": "calls",
                "direction": "out",
                "label": "Calls",
                "max_cables": 1,
                "signal": "call",
                "accepts": [],
                "warning": False,
                "tone": None,
            }
        ]


def test_when_signals_meet_ports_then_only_contact_methods_take_members():
    takers = {
        name: sorted(p.accepts)
        for name, kind in REGISTRY.items()
        for p in kind.ports
        if p.direction == "in"
    }
    assert takers == {
        "time_router": ["call"],
        "caller_router": ["call"],
        "blacklist": ["call"],
        "ring_group": ["call"],
        "contact_method": ["call", "member"],
        "forward": ["call"],
    }


def test_when_ports_are_looked_up_then_direction_matters():
    kind = get_type("ring_group")
    assert kind.port("calls", "in").label == "Calls"
    assert kind.port("calls", "out") is None


def test_when_ring_all_preset_then_everyone_at_zero():
    assert ring_all([40, 41]) == [
        {"target": 40, "start": 0, "duration": 30},
        {"target": 41, "start": 0, "duration": 30},
    ]


def test_when_sequential_preset_then_staggered():
    assert sequential([40, 41, 42], duration=15) == [
        {"target": 40, "start": 0, "duration": 15},
        {"target": 41, "start": 15, "duration": 15},
        {"target": 42, "start": 30, "duration": 15},
    ]


def test_when_presets_get_no_targets_then_empty():
    assert ring_all([]) == sequential([]) == []


def test_when_properties_schema_is_read_then_it_matches_the_defaults():
    for kind in REGISTRY.values():
        schema = kind.properties_schema
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        assert set(schema["properties"]) == set(kind.defaults)


def test_when_timeline_entries_are_wrong_then_errors_name_index_and_field():
    errors = get_type("ring_group").schema.validate(
        {"members": [{"target": 1}, {"target": True, "start": 301, "ring": 1}, "x"]}
    )
    assert errors == {
        "members": {
            1: {
                "ring": ["Unknown field."],
                "target": ["Not a valid integer."],
                "start": ["Must be greater than or equal to 0 and less than or equal to 300."],
            },
            2: {"_schema": ["Invalid input type."]},
        }
    }


def test_when_timeline_is_not_a_list_then_not_a_valid_list():
    errors = get_type("ring_group").schema.validate({"members": {"target": 1}})
    assert errors == {"members": ["Not a valid list."]}
