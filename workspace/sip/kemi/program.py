"""What the call program (plan format 2, docs/routing-plan.md) does to a call: pure logic.

``advance`` walks from a node to the next thing the SIP server must do (ring a set of timeline
entries, forward, or end the call with an answer), passing entries and, once
workspace/graph/decide.py exists, the branching types. The dispatch is one table,
``HANDLERS``: a type is one entry there, and a type missing from it ends the call with
``501`` and a reason, never a hang. The KSR glue (routing.py) turns the result into SIP.
"""

import importlib.util
import os

MAX_STEPS = 1000  # the bound every executor applies (docs/routing-plan.md)
RING_UNTIL_ANSWERED = None  # a contact_method node rings until someone answers

# Types whose step needs a media engine: reserved shapes in the plan, not executable here.
MEDIA_TYPES = ("audio_playback", "voice_menu", "voicemail", "queue")
# Branching types: one exit chosen by workspace/graph/decide.py (the simulator's own rules).
BRANCH_TYPES = ("time_router", "caller_router", "blacklist")


class Action(dict):
    """What to do next: {"do": "ring"|"forward"|"end", "node", "passed": [node ids], ...}."""


def load_decide(path=None):
    """workspace/graph/decide.py loaded by file path (one truth with the simulator), or None."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = path or os.path.join(here, "..", "..", "graph", "decide.py")
    if not os.path.exists(path):
        return None
    spec = importlib.util.spec_from_file_location("callflow_decide", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pass_on(node_id, node, call, decide):
    exits = node.get("exits") or {}
    name = "calls" if "calls" in exits else next(iter(exits), None)
    return ("next", exits.get(name) if name else None, name)


def _ring(node_id, node, call, decide):
    return ("act", Action(do="ring", node=node_id, entries=entries_of(node)))


def _forward(node_id, node, call, decide):
    shown = node.get("caller_id_number") if node.get("caller_id") == "account" else None
    return ("act", Action(do="forward", node=node_id, number=node["number"], caller_id=shown))


def _branch(node_id, node, call, decide):
    """The exit decide.py chooses; an uncabled exit with a ``reject`` (a blacklist's
    ``blocked``) answers that code instead of ending the route with 480.

    >>> class D:
    ...     choose_exit = staticmethod(lambda node, call: "blocked")
    >>> node = {"type": "blacklist", "exits": {"allowed": "n2"},
    ...         "reject": {"code": 403, "reason": "Blocked"}}
    >>> a = _branch("n1", node, {}, D)[1]
    >>> a["do"], a["code"], a["reason"], a["cause"]
    ('end', 403, 'Blocked', 'forbidden')
    """
    name = decide.choose_exit(node, call)
    target = (node.get("exits") or {}).get(name)
    reject = node.get("reject")
    if target is None and reject:
        code, reason = reject["code"], reject["reason"]
        return ("act", Action(do="end", code=code, reason=reason, cause="forbidden"))
    return ("next", target, name)


HANDLERS = {
    "phone_number": _pass_on,
    "internal_number": _pass_on,
    "ring_group": _ring,
    "contact_method": _ring,
    "forward": _forward,
}


def handlers(decide):
    """The dispatch table, with the branching types when decide.py is there."""
    table = dict(HANDLERS)
    if decide is not None:
        table.update({name: _branch for name in BRANCH_TYPES})
    return table


def entries_of(node):
    """A ringing node as timeline entries: [(start s, duration s or None, entry dict)].

    >>> entries_of({"type": "contact_method", "kind": "phone", "number": "+1"})[0][:2]
    (0, None)
    >>> g = {"type": "ring_group", "timeline": [
    ...     {"object": 7, "start": 10, "duration": 5}, {"object": 6, "start": 0, "duration": 20}]}
    >>> [(s, d, e["object"]) for s, d, e in entries_of(g)]
    [(0, 20, 6), (10, 5, 7)]
    """
    if node.get("type") == "ring_group":
        timeline = sorted(node.get("timeline") or [], key=lambda e: (e["start"], e["object"]))
        return [(e["start"], e["duration"], e) for e in timeline]
    return [(0, RING_UNTIL_ANSWERED, node)]


def advance(plan, node_id, call, decide=None, table=None):
    """From ``node_id``, the next action and the nodes passed on the way.

    ``node_id`` None (an exit that is not cabled) ends the call with ``480``. A type the
    table lacks ends it with ``501``; a loop (a node passed twice) with ``482``.

    >>> plan = {"nodes": {"n1": {"object": 1, "type": "phone_number", "exits": {"calls": "n2"}},
    ...   "n2": {"object": 2, "type": "voicemail", "record": {}}}}
    >>> a = advance(plan, "n1", {})
    >>> a["do"], a["code"], a["passed"], a["cause"]
    ('end', 501, ['n1', 'n2'], 'unsupported')
    """
    table = table or handlers(decide)
    nodes = plan.get("nodes") or {}
    passed, exit_name = [], None
    while True:
        if node_id is None:
            reason = f"No {exit_name} exit" if exit_name else "End of route"
            return Action(do="end", code=480, reason=reason, cause="no_answer", passed=passed)
        node = nodes.get(node_id)
        if node is None:
            return Action(do="end", code=500, reason="Node Missing", cause="error", passed=passed)
        if node_id in passed or len(passed) >= MAX_STEPS:
            return Action(do="end", code=482, reason="Loop Limit", cause="error", passed=passed)
        passed.append(node_id)
        handler = table.get(node.get("type"))
        if handler is None:
            kind = node.get("type")
            why = "needs media" if kind in MEDIA_TYPES else "not executable here"
            reason = f"{kind} {why}"
            return Action(do="end", code=501, reason=reason, cause="unsupported", passed=passed)
        try:
            outcome = handler(node_id, node, call, decide)
        except (KeyError, TypeError, ValueError) as error:
            reason = "Bad {} node ({})".format(node.get("type"), error)
            return Action(do="end", code=500, reason=reason, cause="error", passed=passed)
        if outcome[0] == "act":
            outcome[1]["passed"] = passed
            return outcome[1]
        node_id, exit_name = outcome[1], outcome[2]


def exit_of(plan, node_id, name):
    """The node an exit of ``node_id`` leads to, or None when it is not cabled."""
    node = (plan.get("nodes") or {}).get(node_id) or {}
    return (node.get("exits") or {}).get(name)


def apply_dialing_rules(number, rules):
    """The number after the first rule that matches (start and minimum length), as dialled.

    >>> apply_dialing_rules("0174448746", [{"start_with": "017", "replace_with": "1",
    ...                                     "min_length": 10}])
    '14448746'
    >>> apply_dialing_rules("017", [{"start_with": "017", "replace_with": "1", "min_length": 10}])
    '017'
    """
    for rule in rules or ():
        start = rule.get("start_with") or ""
        if number.startswith(start) and len(number) >= (rule.get("min_length") or 0):
            return (rule.get("replace_with") or "") + number[len(start) :]
    return number


def member_lines(plan, entry):
    """The SIP usernames a timeline entry rings here, with who they are.

    call_center: every line of the entry's devices; sip_account: the line of that SIP account
    when a device in the plan has it. Returns [(username, member dict)].
    """
    found = []
    devices = plan.get("devices") or {}
    if entry.get("kind") == "call_center":
        wanted = [(str(d), None) for d in entry.get("devices") or ()]
    elif entry.get("kind") == "sip_account":
        wanted = [(d, entry.get("sip_account")) for d in sorted(devices)]
    else:
        return found
    for device_id, sip_account in wanted:
        device = devices.get(device_id) or {}
        for line in device.get("lines") or ():
            if sip_account is not None and line.get("sip_account") != sip_account:
                continue
            member = {
                "contact": entry.get("contact"),
                "device": int(device_id),
                "username": str(line["username"]),
                "number": None,
            }
            if all(m["username"] != member["username"] for _, m in found):
                found.append((member["username"], member))
    return found


def route_key_of_did(dialled):
    """A DID as dialled by a trunk (with or without its plus) as the plan's route key.

    >>> route_key_of_did("14155550100"), route_key_of_did("+14155550100"), route_key_of_did("x")
    ('+14155550100', '+14155550100', None)
    """
    digits = dialled[1:] if dialled.startswith("+") else dialled
    return "+" + digits if digits.isdigit() else None
