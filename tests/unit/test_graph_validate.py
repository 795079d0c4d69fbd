"""Each validation rule: one workspace that triggers it, one that does not."""

from __future__ import annotations

import pytest

from workspace.graph import build, has_errors, valid_objects, validate
from workspace.objects.types import REGISTRY

# -- objects -----------------------------------------------------------------------------


def test_when_type_is_unknown_then_object_unknown_type(ws):
    problems = ws.problems([ws.obj(1, "teleporter", "Beam")])
    assert problems == [
        {
            "code": "object.unknown_type",
            "severity": "error",
            "message": "Teleporter \"Beam\" has an unknown type 'teleporter'.",
            "objects": [1],
            "cables": [],
        }
    ]


def test_when_every_type_is_known_then_no_unknown_type(ws):
    assert "object.unknown_type" not in ws.codes(ws.simple_objects(), ws.simple_cables())


def test_when_cable_touches_unknown_type_then_only_unknown_type_is_reported(ws):
    objects = [ws.obj(1, "teleporter"), ws.obj(2, "contact_method", contact_method=46)]
    codes = ws.codes(objects, [ws.cable(5, 1, "beam", 2)])
    assert codes == ["object.unknown_type", "object.unreachable"]


def test_when_properties_have_unknown_key_then_object_invalid_properties(ws):
    problems = ws.problems([ws.obj(1, "phone_number", "Main line", number=7, colour="red")])
    assert problems[:1] == [
        {
            "code": "object.invalid_properties",
            "severity": "error",
            "message": 'Phone Number "Main line" has invalid properties: colour: Unknown field.',
            "objects": [1],
            "cables": [],
        }
    ]


@pytest.mark.parametrize(
    ("type_", "properties"),
    [
        ("phone_number", {"number": "7"}),
        ("internal_number", {"number": 4.5}),
        ("contact_method", {"contact_method": [44]}),
        ("ring_group", {"members": [{"target": 40, "start": -1}]}),
        ("ring_group", {"members": [{"target": 40, "duration": 0}]}),
        ("ring_group", {"members": [{"target": 40}, {"target": 40}]}),
        ("ring_group", {"members": [{"start": 0}]}),
        ("ring_group", {"preset": "random"}),
        ("ring_group", {"members": {"target": 40}}),
    ],
)
def test_when_property_value_is_wrong_then_object_invalid_properties(ws, type_, properties):
    problems = ws.problems([ws.obj(1, type_, **properties)])
    assert problems[0]["code"] == "object.invalid_properties"
    assert [p["code"] for p in problems].count("object.invalid_properties") == 1


def test_when_properties_are_not_a_dict_then_object_invalid_properties(facts):
    G = build([{"id": 1, "type": "ring_group", "properties": [1, 2]}], [])
    problems = validate(G, types=REGISTRY, facts=facts)
    assert [p["code"] for p in problems] == ["object.invalid_properties", "object.unreachable"]


def test_when_properties_are_valid_then_no_invalid_properties(ws):
    objects = [
        ws.obj(1, "ring_group", members=[{"target": 2}], preset="custom"),
        ws.obj(2, "contact_method", contact_method=44),
    ]
    assert "object.invalid_properties" not in ws.codes(objects, [ws.cable(5, 1, "members", 2)])


# -- references --------------------------------------------------------------------------


def test_when_number_is_not_in_inventory_then_reference_missing(ws):
    objects = [ws.obj(1, "phone_number", "Main line", number=99), ws.obj(2, "contact_method")]
    problems = ws.problems(objects, [ws.cable(5, 1, "calls", 2)])
    assert problems[0] == {
        "code": "reference.missing",
        "severity": "error",
        "message": 'Phone Number "Main line" refers to phone number #99, which does not exist.',
        "objects": [1],
        "cables": [],
    }


def test_when_contact_method_is_not_selected_then_reference_unset(ws):
    objects = [ws.obj(1, "phone_number", number=7), ws.obj(2, "contact_method", "Ann")]
    problems = ws.problems(objects, [ws.cable(5, 1, "calls", 2)])
    assert problems == [
        {
            "code": "reference.unset",
            "severity": "error",
            "message": 'Contact Method "Ann" has no contact method selected.',
            "objects": [2],
            "cables": [],
        }
    ]


def test_when_references_resolve_then_no_reference_problem(ws):
    codes = ws.codes(ws.simple_objects(), ws.simple_cables())
    assert "reference.missing" not in codes
    assert "reference.unset" not in codes


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (lambda f: f["contact_methods"][44].update(devices=[5, 77]), "device #77"),
        (lambda f: f["devices"][5].update(sip_accounts=[3, 78]), "SIP account #78"),
        (lambda f: f["contact_methods"][44]["settings"].update(internal_caller_id=79), None),
        (
            lambda f: f["contact_methods"][44]["settings"]["recording"].update(
                enabled=True, delivery_method=80
            ),
            "delivery method #80",
        ),
        (
            lambda f: f["contact_methods"][44]["settings"]["announcements"].update(external=81),
            "the external announcement audio file #81",
        ),
    ],
)
def test_when_call_center_setting_names_missing_row_then_reference_missing(ws, facts, change, what):
    change(facts)
    problems = ws.problems(ws.simple_objects(), ws.simple_cables(), facts)
    assert [p["code"] for p in problems] == ["reference.missing"]
    assert problems[0]["objects"] == [40]
    assert what is None or what in problems[0]["message"]


def test_when_sip_account_method_names_missing_account_then_reference_missing(ws, facts):
    facts["contact_methods"][45]["sip_account"] = 99
    objects = [
        ws.obj(1, "phone_number", number=7),
        ws.obj(2, "contact_method", "Ann", contact_method=45),
    ]
    problems = ws.problems(objects, [ws.cable(5, 1, "calls", 2)], facts)
    assert problems == [
        {
            "code": "reference.missing",
            "severity": "error",
            "message": 'Contact Method "Ann" refers to SIP account #99, which does not exist.',
            "objects": [2],
            "cables": [],
        }
    ]


@pytest.mark.parametrize(
    ("method", "change", "without"),
    [(45, {"sip_account": None}, "a SIP account"), (46, {"number": None}, "a phone number")],
)
def test_when_method_lacks_its_account_or_number_then_reference_missing(
    ws, facts, method, change, without
):
    facts["contact_methods"][method].update(change)
    objects = [
        ws.obj(1, "phone_number", number=7),
        ws.obj(2, "contact_method", "Ann", contact_method=method),
    ]
    assert ws.problems(objects, [ws.cable(5, 1, "calls", 2)], facts) == [
        {
            "code": "reference.missing",
            "severity": "error",
            "message": f'Contact Method "Ann" stands for a contact method without {without}.',
            "objects": [2],
            "cables": [],
        }
    ]


# -- cables and ports --------------------------------------------------------------------


def test_when_members_port_is_cabled_to_ring_group_then_cable_illegal_port_pair(ws):
    objects = [
        ws.obj(1, "phone_number", "Main line", number=7),
        ws.obj(2, "ring_group", "Sales", members=[{"target": 3}]),
        ws.obj(3, "ring_group", "Support"),
    ]
    cables = [ws.cable(5, 1, "calls", 2), ws.cable(6, 2, "members", 3)]
    problems = ws.problems(objects, cables)
    assert [p["code"] for p in problems] == ["ring_group.no_members", "cable.illegal_port_pair"]
    assert problems[1] == {
        "code": "cable.illegal_port_pair",
        "severity": "error",
        "message": 'Ring Group "Sales"\'s Members port cannot connect to '
        'Ring Group "Support"\'s Calls port.',
        "objects": [2, 3],
        "cables": [6],
    }


def test_when_members_port_is_cabled_to_contact_method_then_no_illegal_port_pair(ws):
    assert "cable.illegal_port_pair" not in ws.codes(ws.simple_objects(), ws.simple_cables())


def test_when_no_answer_is_cabled_to_contact_method_then_no_illegal_port_pair(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method", contact_method=46)]
    cables = [*ws.simple_cables(), ws.cable(4, 30, "no_answer", 41)]
    assert ws.problems(objects, cables) == []


@pytest.mark.parametrize(
    ("source_port", "target_port", "missing"),
    [
        ("ring", "calls", "Phone Number \"Main line\" has no output port 'ring'"),
        ("calls", "members", "Ring Group \"Sales\" has no input port 'members'"),
    ],
)
def test_when_port_does_not_exist_then_cable_unknown_port(ws, source_port, target_port, missing):
    objects = [
        ws.obj(1, "phone_number", "Main line", number=7),
        ws.obj(2, "ring_group", "Sales"),
    ]
    problems = ws.problems(objects, [ws.cable(5, 1, source_port, 2, target_port)])
    assert {
        "code": "cable.unknown_port",
        "severity": "error",
        "message": f'The cable from Phone Number "Main line" to Ring Group "Sales" is broken: '
        f"{missing}.",
        "objects": [1, 2],
        "cables": [5],
    } in problems


def test_when_ports_exist_then_no_unknown_port(ws):
    assert "cable.unknown_port" not in ws.codes(ws.simple_objects(), ws.simple_cables())


def test_when_entry_has_two_cables_then_port_too_many_cables(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method", contact_method=46)]
    cables = [*ws.simple_cables(), ws.cable(4, 12, "calls", 41)]
    assert ws.problems(objects, cables) == [
        {
            "code": "port.too_many_cables",
            "severity": "error",
            "message": 'Phone Number "Main line"\'s Calls port takes one cable at most, it has 2.',
            "objects": [12],
            "cables": [1, 4],
        }
    ]


def test_when_no_answer_has_two_cables_then_port_too_many_cables(ws):
    objects = [
        *ws.simple_objects(),
        ws.obj(41, "contact_method", contact_method=46),
        ws.obj(42, "contact_method", contact_method=45),
    ]
    cables = [
        *ws.simple_cables(),
        ws.cable(4, 30, "no_answer", 41),
        ws.cable(5, 30, "no_answer", 42),
    ]
    problems = ws.problems(objects, cables)
    assert [(p["code"], p["objects"], p["cables"]) for p in problems] == [
        ("port.too_many_cables", [30], [4, 5])
    ]


def test_when_ports_take_many_then_no_too_many_cables(ws):
    objects = [
        *ws.simple_objects(),
        ws.obj(41, "contact_method", contact_method=46),
        ws.obj(42, "contact_method", contact_method=45),
    ]
    cables = [*ws.simple_cables(), ws.cable(4, 30, "members", 41), ws.cable(5, 30, "members", 42)]
    assert ws.problems(objects, cables) == []


def test_when_same_ports_are_cabled_twice_then_cable_duplicate_warning(ws):
    cables = [*ws.simple_cables(), ws.cable(4, 30, "members", 40)]
    assert ws.problems(ws.simple_objects(), cables) == [
        {
            "code": "cable.duplicate",
            "severity": "warning",
            "message": 'Ring Group "Mike" is cabled to Contact Method "Mike Brown" twice on the '
            "same ports.",
            "objects": [30, 40],
            "cables": [3, 4],
        }
    ]


# -- entries, loops, reachability --------------------------------------------------------


def test_when_entry_has_no_cable_then_entry_no_route(ws):
    assert ws.problems([ws.obj(1, "phone_number", "Main line", number=7)]) == [
        {
            "code": "entry.no_route",
            "severity": "error",
            "message": 'Phone Number "Main line" is not cabled to anything: its calls go nowhere.',
            "objects": [1],
            "cables": [],
        }
    ]


def test_when_entry_is_cabled_then_no_entry_no_route(ws):
    assert "entry.no_route" not in ws.codes(ws.simple_objects(), ws.simple_cables())


def test_when_no_answer_chain_comes_back_then_route_loop(ws):
    objects = [
        *ws.simple_objects(),
        ws.obj(31, "ring_group", "Backup", members=[{"target": 40}]),
    ]
    cables = [
        *ws.simple_cables(),
        ws.cable(4, 30, "no_answer", 31),
        ws.cable(5, 31, "no_answer", 30),
        ws.cable(6, 31, "members", 40),
    ]
    assert ws.problems(objects, cables) == [
        {
            "code": "route.loop",
            "severity": "error",
            "message": 'Calls go round in a loop through Ring Group "Mike", Ring Group "Backup".',
            "objects": [30, 31],
            "cables": [4, 5],
        }
    ]


def test_when_no_answer_goes_back_to_itself_then_route_loop(ws):
    cables = [*ws.simple_cables(), ws.cable(4, 30, "no_answer", 30)]
    problems = ws.problems(ws.simple_objects(), cables)
    assert [(p["code"], p["objects"], p["cables"]) for p in problems] == [("route.loop", [30], [4])]


def test_when_no_answer_chain_ends_then_no_route_loop(ws):
    objects = [*ws.simple_objects(), ws.obj(31, "ring_group", "Backup", members=[{"target": 40}])]
    cables = [*ws.simple_cables(), ws.cable(4, 30, "no_answer", 31), ws.cable(6, 31, "members", 40)]
    assert ws.problems(objects, cables) == []


def test_when_nothing_reaches_object_then_object_unreachable_warning(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method", "Ann's phone", contact_method=46)]
    assert ws.problems(objects, ws.simple_cables()) == [
        {
            "code": "object.unreachable",
            "severity": "warning",
            "message": 'Contact Method "Ann\'s phone" is not reached by any number.',
            "objects": [41],
            "cables": [],
        }
    ]


def test_when_every_object_is_reached_then_no_unreachable(ws):
    assert "object.unreachable" not in ws.codes(ws.simple_objects(), ws.simple_cables())


# -- ring groups -------------------------------------------------------------------------


def test_when_ring_group_has_no_member_cable_then_ring_group_no_members(ws):
    objects = [ws.obj(1, "phone_number", number=7), ws.obj(2, "ring_group", "Sales")]
    assert ws.problems(objects, [ws.cable(5, 1, "calls", 2)]) == [
        {
            "code": "ring_group.no_members",
            "severity": "error",
            "message": 'Ring Group "Sales" has no members: cable its Members port to a contact '
            "method.",
            "objects": [2],
            "cables": [],
        }
    ]


def test_when_ring_group_has_member_cable_then_no_ring_group_no_members(ws):
    assert "ring_group.no_members" not in ws.codes(ws.simple_objects(), ws.simple_cables())


def test_when_no_member_starts_at_zero_then_ring_group_no_member_at_zero(ws):
    objects = ws.simple_objects()
    objects[2]["properties"]["members"] = [{"target": 40, "start": 5, "duration": 30}]
    assert ws.problems(objects, ws.simple_cables()) == [
        {
            "code": "ring_group.no_member_at_zero",
            "severity": "error",
            "message": 'Ring Group "Mike" rings nobody at 0 s: at least one member must start at '
            "once.",
            "objects": [30],
            "cables": [],
        }
    ]


def test_when_uncabled_entry_starts_at_zero_then_no_member_at_zero_still_reported(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method", contact_method=46)]
    objects[2]["properties"]["members"] = [{"target": 40, "start": 5}, {"target": 41, "start": 0}]
    codes = ws.codes(objects, ws.simple_cables())
    assert codes == [
        "ring_group.no_member_at_zero",
        "ring_group.member_not_cabled",
        "object.unreachable",
    ]


def test_when_cabled_member_has_no_timeline_entry_then_it_starts_at_zero(ws):
    objects = ws.simple_objects()
    objects[2]["properties"]["members"] = []
    assert ws.problems(objects, ws.simple_cables()) == []


def test_when_timeline_ends_after_300_s_then_ring_group_timeline_too_long(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method", contact_method=46)]
    objects[2]["properties"]["members"] = [
        {"target": 40, "start": 0, "duration": 30},
        {"target": 41, "start": 280, "duration": 21},
    ]
    cables = [*ws.simple_cables(), ws.cable(4, 30, "members", 41)]
    assert ws.problems(objects, cables) == [
        {
            "code": "ring_group.timeline_too_long",
            "severity": "error",
            "message": 'Ring Group "Mike"\'s timeline lasts 301 s; it may last 300 s at most.',
            "objects": [30],
            "cables": [],
        }
    ]


def test_when_timeline_ends_at_300_s_then_no_timeline_too_long(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method", contact_method=46)]
    objects[2]["properties"]["members"] = [
        {"target": 40, "start": 0, "duration": 30},
        {"target": 41, "start": 280, "duration": 20},
    ]
    cables = [*ws.simple_cables(), ws.cable(4, 30, "members", 41)]
    assert ws.problems(objects, cables) == []


def test_when_timeline_names_uncabled_target_then_ring_group_member_not_cabled(ws):
    objects = ws.simple_objects()
    objects[2]["properties"]["members"].append({"target": 99, "start": 0, "duration": 10})
    assert ws.problems(objects, ws.simple_cables()) == [
        {
            "code": "ring_group.member_not_cabled",
            "severity": "warning",
            "message": 'Ring Group "Mike"\'s timeline lists object #99, which is not cabled to '
            "its Members port; it will not ring.",
            "objects": [30],
            "cables": [],
        }
    ]


def test_when_every_timeline_target_is_cabled_then_no_member_not_cabled(ws):
    assert "ring_group.member_not_cabled" not in ws.codes(ws.simple_objects(), ws.simple_cables())


# -- numbers -----------------------------------------------------------------------------


def test_when_number_is_on_two_objects_then_number_placed_twice(ws):
    objects = [*ws.simple_objects(), ws.obj(14, "phone_number", "Copy", number=7)]
    cables = [*ws.simple_cables(), ws.cable(4, 14, "calls", 30)]
    assert ws.problems(objects, cables) == [
        {
            "code": "number.placed_twice",
            "severity": "error",
            "message": 'The phone number +14155550100 is placed twice: Phone Number "Main line" '
            'and Phone Number "Copy".',
            "objects": [12, 14],
            "cables": [],
        }
    ]


def test_when_two_inventory_rows_spell_one_extension_then_number_placed_twice(ws, facts):
    facts["internal_numbers"][5]["number"] = "101"
    objects = [*ws.simple_objects(), ws.obj(14, "internal_number", number=5)]
    cables = [*ws.simple_cables(), ws.cable(4, 14, "calls", 30)]
    assert ws.codes(objects, cables, facts) == ["number.placed_twice"]


def test_when_numbers_differ_then_no_number_placed_twice(ws):
    objects = [*ws.simple_objects(), ws.obj(14, "phone_number", number=8)]
    cables = [*ws.simple_cables(), ws.cable(4, 14, "calls", 30)]
    assert ws.problems(objects, cables) == []


# -- call.center settings ----------------------------------------------------------------


def test_when_internal_caller_id_is_not_on_workspace_then_caller_id_internal_not_placed(ws):
    objects = [o for o in ws.simple_objects() if o["id"] != 13]
    cables = [c for c in ws.simple_cables() if c["source"] != 13]
    assert ws.problems(objects, cables) == [
        {
            "code": "caller_id.internal_not_placed",
            "severity": "error",
            "message": 'Contact Method "Mike Brown" uses internal caller ID 101, but no Internal '
            "Number object on the workspace carries it.",
            "objects": [40],
            "cables": [],
        }
    ]


def test_when_internal_caller_id_is_placed_then_no_internal_not_placed(ws):
    assert "caller_id.internal_not_placed" not in ws.codes(ws.simple_objects(), ws.simple_cables())


def test_when_no_internal_caller_id_then_no_internal_not_placed(ws, facts):
    facts["contact_methods"][44]["settings"]["internal_caller_id"] = None
    objects = [o for o in ws.simple_objects() if o["id"] != 13]
    cables = [c for c in ws.simple_cables() if c["source"] != 13]
    assert ws.problems(objects, cables, facts) == []


def test_when_external_caller_id_is_not_in_inventory_then_external_not_in_inventory(ws, facts):
    facts["contact_methods"][44]["settings"]["external_caller_id"] = 70
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == [
        {
            "code": "caller_id.external_not_in_inventory",
            "severity": "error",
            "message": 'Contact Method "Mike Brown" uses external caller ID #70, which is not one '
            "of the account's phone numbers.",
            "objects": [40],
            "cables": [],
        }
    ]


def test_when_external_caller_id_is_in_inventory_then_no_external_not_in_inventory(ws, facts):
    facts["contact_methods"][44]["settings"]["external_caller_id"] = 8  # not placed: fine
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == []


def test_when_outbound_without_external_caller_id_then_outbound_no_external_caller_id(ws, facts):
    facts["contact_methods"][44]["settings"]["external_caller_id"] = None
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == [
        {
            "code": "outbound.no_external_caller_id",
            "severity": "error",
            "message": 'Contact Method "Mike Brown" allows outbound calls but has no external '
            "caller ID.",
            "objects": [40],
            "cables": [],
        }
    ]


def test_when_outbound_is_off_then_no_external_caller_id_needed(ws, facts):
    settings = facts["contact_methods"][44]["settings"]
    settings.update(outbound_calling=False, external_caller_id=None)
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == []


def test_when_recording_has_no_delivery_method_then_recording_no_delivery_method(ws, facts):
    facts["contact_methods"][44]["settings"]["recording"].update(enabled=True, inbound=True)
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == [
        {
            "code": "recording.no_delivery_method",
            "severity": "error",
            "message": 'Contact Method "Mike Brown" records calls but has no delivery method for '
            "the recordings.",
            "objects": [40],
            "cables": [],
        }
    ]


def test_when_recording_has_delivery_method_then_no_recording_problem(ws, facts):
    facts["contact_methods"][44]["settings"]["recording"].update(
        enabled=True, inbound=True, on_demand=True, delivery_method=8
    )
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == []


def test_when_recording_is_off_then_its_options_are_not_checked(ws, facts):
    facts["contact_methods"][44]["settings"]["recording"].update(enabled=False, on_demand=True)
    facts["feature_codes"] = {}
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == []


@pytest.mark.parametrize(
    "feature_codes",
    [
        {},
        {2: {"code": "*1", "purpose": "record_on_demand", "enabled": False}},
        {2: {"code": "*2", "purpose": "voicemail", "enabled": True}},
    ],
)
def test_when_on_demand_has_no_enabled_code_then_recording_on_demand_no_feature_code(
    ws, facts, feature_codes
):
    facts["feature_codes"] = feature_codes
    facts["contact_methods"][44]["settings"]["recording"].update(
        enabled=True, on_demand=True, delivery_method=8
    )
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == [
        {
            "code": "recording.on_demand_no_feature_code",
            "severity": "error",
            "message": 'Contact Method "Mike Brown" offers recording on demand, but no '
            "record-on-demand feature code is enabled.",
            "objects": [40],
            "cables": [],
        }
    ]


@pytest.mark.parametrize(("code", "extension"), [("*1", "*12"), ("*12", "*1"), ("#7", "#7")])
def test_when_feature_code_and_extension_dial_strings_overlap_then_collides(
    ws, facts, code, extension
):
    # Internal numbers saved through the API are digits; an imported or foreign one may not be.
    facts["feature_codes"][3] = {"code": code, "purpose": "voicemail", "enabled": True}
    facts["internal_numbers"][4]["number"] = extension
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == [
        {
            "code": "feature_code.collides_internal_number",
            "severity": "error",
            "message": f'Feature code {code} and Internal Number "Mike\'s extension" ({extension}) '
            "collide: one dial string begins the other (feature code #3).",
            "objects": [13],
            "cables": [],
        }
    ]


@pytest.mark.parametrize(
    ("code", "enabled"),
    [("*10", True), ("*1", True), ("#101", True), ("*11", True), ("*1", False), ("", True)],
)
def test_when_feature_code_shares_only_digits_with_extension_then_no_collision(
    ws, facts, code, enabled
):
    facts["feature_codes"][3] = {"code": code, "purpose": "voicemail", "enabled": enabled}
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == []


def test_when_contact_method_is_not_call_center_then_settings_are_not_checked(ws, facts):
    facts["contact_methods"][46]["settings"] = {"outbound_calling": True}
    objects = [ws.obj(1, "phone_number", number=7), ws.obj(2, "contact_method", contact_method=46)]
    assert ws.problems(objects, [ws.cable(5, 1, "calls", 2)], facts) == []


# -- the whole list ----------------------------------------------------------------------


def test_when_many_things_are_wrong_then_every_problem_errors_first(ws):
    objects = [
        ws.obj(1, "phone_number", number=7),
        ws.obj(2, "phone_number", number=7),
        ws.obj(3, "ring_group"),
        ws.obj(4, "contact_method", contact_method=46),
        ws.obj(5, "mystery"),
    ]
    cables = [ws.cable(10, 1, "calls", 3), ws.cable(11, 3, "no_answer", 3)]
    assert [(p["code"], p["objects"]) for p in ws.problems(objects, cables)] == [
        ("object.unknown_type", [5]),
        ("ring_group.no_members", [3]),
        ("entry.no_route", [2]),
        ("number.placed_twice", [1, 2]),
        ("route.loop", [3]),
        ("object.unreachable", [4]),
    ]


def test_when_validated_twice_then_the_same_list(ws):
    objects = [ws.obj(2, "ring_group"), ws.obj(1, "phone_number"), ws.obj(3, "x")]
    first = ws.problems(objects)
    assert ws.problems(list(reversed(objects))) == first


def test_when_validating_then_graph_and_facts_are_unchanged(ws, facts):
    G = build(ws.simple_objects(), ws.simple_cables())
    before_nodes, before_edges = dict(G.nodes(data=True)), list(G.edges(keys=True, data=True))
    snapshot = repr(facts)
    validate(G, types=REGISTRY, facts=facts)
    assert dict(G.nodes(data=True)) == before_nodes
    assert list(G.edges(keys=True, data=True)) == before_edges
    assert repr(facts) == snapshot


def test_when_simple_call_flow_then_no_problems(ws, facts):
    assert ws.problems(ws.simple_objects(), ws.simple_cables(), facts) == []


def test_when_workspace_is_empty_then_no_problems(ws):
    assert ws.problems([], []) == []


def test_when_asking_for_valid_objects_then_known_types_with_good_properties(ws):
    G = build([ws.obj(3, "ring_group", preset="x"), ws.obj(2, "x"), ws.obj(1, "ring_group")], [])
    assert valid_objects(G, types=REGISTRY) == [1]


def test_when_only_warnings_then_has_errors_is_false(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method", contact_method=46)]
    problems = ws.problems(objects, ws.simple_cables())
    assert [p["severity"] for p in problems] == ["warning"]
    assert has_errors(problems) is False
    assert has_errors(ws.problems([ws.obj(1, "x")])) is True
