"""Building the graph from rows."""

from __future__ import annotations

import copy

import networkx as nx
import pytest

from workspace.graph import BuildError, GraphError, build, in_cables, object_label, out_cables


def test_when_object_id_repeats_then_build_error(ws):
    with pytest.raises(BuildError, match="object id 1 appears twice"):
        build([ws.obj(1, "ring_group"), ws.obj(1, "contact_method")], [])


def test_when_cable_id_repeats_then_build_error(ws):
    objects = [ws.obj(1, "phone_number"), ws.obj(2, "ring_group")]
    cables = [ws.cable(5, 1, "calls", 2), ws.cable(5, 1, "calls", 2)]
    with pytest.raises(BuildError, match="cable id 5 appears twice"):
        build(objects, cables)


def test_when_cable_names_missing_object_then_build_error(ws):
    with pytest.raises(BuildError, match="cable 5 connects an object that is not in the"):
        build([ws.obj(1, "phone_number")], [ws.cable(5, 1, "calls", 2)])


def test_when_build_fails_then_error_is_a_graph_error_and_value_error():
    assert issubclass(BuildError, GraphError)
    assert issubclass(BuildError, ValueError)


def test_when_rows_are_built_then_nodes_and_keyed_edges_carry_them(ws):
    G = build(ws.simple_objects(), ws.simple_cables(), {"account": 1})
    assert G.graph == {"account": 1}
    assert dict(G.nodes[30]) == {
        "type": "ring_group",
        "name": "Mike",
        "tab": 1,
        "properties": {"members": [{"target": 40, "start": 0, "duration": 30}]},
    }
    assert sorted(G.edges(keys=True, data=True)) == [
        (12, 30, 1, {"source_port": "calls", "target_port": "calls"}),
        (13, 30, 2, {"source_port": "calls", "target_port": "calls"}),
        (30, 40, 3, {"source_port": "members", "target_port": "calls"}),
    ]


def test_when_built_then_graph_equals_one_built_with_networkx_methods(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method")]
    cables = [*ws.simple_cables(), ws.cable(4, 30, "members", 40), ws.cable(5, 30, "no_answer", 30)]
    G = build(objects, cables)
    expected = nx.MultiDiGraph()
    expected.add_nodes_from(
        (o["id"], {k: o[k] for k in ("type", "name", "tab", "properties")}) for o in objects
    )
    expected.add_edges_from(
        (c["source"], c["target"], c["id"], {k: c[k] for k in ("source_port", "target_port")})
        for c in cables
    )
    assert nx.utils.graphs_equal(G, expected)
    assert list(G.in_edges(40, keys=True)) == list(expected.in_edges(40, keys=True))
    assert dict(G.out_degree()) == dict(expected.out_degree())
    assert G.number_of_edges(30, 40) == 2
    assert list(G.successors(30)) == [40, 30]
    assert list(G.predecessors(30)) == [12, 13, 30]


def test_when_fields_are_left_out_then_defaults():
    G = build([{"id": 1, "type": "ring_group"}], [])
    assert dict(G.nodes[1]) == {"type": "ring_group", "name": "", "tab": None, "properties": {}}


def test_when_built_then_input_is_unchanged_and_not_shared(ws):
    objects, cables = ws.simple_objects(), ws.simple_cables()
    before = copy.deepcopy((objects, cables))
    G = build(objects, cables)
    assert (objects, cables) == before
    G.nodes[30]["properties"]["members"][0]["start"] = 99
    assert objects[2]["properties"]["members"][0]["start"] == 0


def test_when_reading_ports_then_cables_by_id(ws):
    objects = [*ws.simple_objects(), ws.obj(41, "contact_method")]
    cables = [*ws.simple_cables(), ws.cable(0, 30, "members", 41)]
    G = build(objects, cables)
    assert out_cables(G, 30, "members") == [(0, 41), (3, 40)]
    assert out_cables(G, 30, "no_answer") == []
    assert out_cables(G, 30) == [(0, 41), (3, 40)]
    assert in_cables(G, 30, "calls") == [(1, 12), (2, 13)]
    assert in_cables(G, 12) == []


def test_when_object_is_unnamed_then_label_uses_id():
    G = build(
        [{"id": 3, "type": "ring_group"}, {"id": 4, "type": "ring_group", "name": "Sales"}], []
    )
    assert object_label(G, 3) == "Ring group #3"
    assert object_label(G, 4, "Ring Group") == 'Ring Group "Sales"'


def test_when_properties_are_not_owned_then_the_graph_copies_them(ws):
    objects = [ws.obj(30, "ring_group", members=[{"target": 40}]), ws.obj(40, "contact_method")]
    G = build(objects, [])
    objects[0]["properties"]["members"].append({"target": 41})
    assert G.nodes[30]["properties"] == {"members": [{"target": 40}]}


def test_when_properties_are_owned_then_the_graph_keeps_them_as_they_are(ws):
    objects = [ws.obj(30, "ring_group", members=[{"target": 40}])]
    G = build(objects, [], owned=True)
    assert G.nodes[30]["properties"] is objects[0]["properties"]


def test_when_cables_join_the_same_two_ports_then_they_share_one_attribute_dict(ws):
    objects = [ws.obj(1, "phone_number"), ws.obj(2, "phone_number"), ws.obj(30, "ring_group")]
    objects += [ws.obj(40, "contact_method")]
    cables = [ws.cable(7, 1, "calls", 30), ws.cable(8, 2, "calls", 30)]
    cables += [ws.cable(9, 30, "members", 40)]
    G = build(cables=cables, objects=objects)
    first, second, member = (G.edges[s, t, k] for s, t, k in ((1, 30, 7), (2, 30, 8), (30, 40, 9)))
    assert first is second and first == {"source_port": "calls", "target_port": "calls"}
    assert member == {"source_port": "members", "target_port": "calls"}
