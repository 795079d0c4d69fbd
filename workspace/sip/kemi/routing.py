"""Kamailio KEMI routing (app_python3): the published call program routes real SIP calls.

Loaded by the boot script render.py writes next to kamailio.cfg, which sets SETTINGS (the
rendered settings.json) and calls ``mod_init``. One instance of ``kamailio`` per worker.

Requests
  * REGISTER from a device line of a plan (``devices`` or ``other_devices``: a device added
    since the publish registers at once): digest auth against the line's HA1, saved in usrloc.
  * INVITE from a trusted trunk source to a DID: the DID's route; unknown DID 404; a DID from
    any other source 403.
  * INVITE from an authenticated device line: ``ext:<dialled>`` when the account has that
    route (caller ID name + internal number in From and P-Asserted-Identity), else an
    outbound call to the trunk (dialing rules, external caller ID; ``outbound: false`` 403).

The spiral (docs: the research report, section 2.3). tm cannot give each branch of one
transaction its own ring time, so a ringing node is a parent transaction with one branch per
timeline entry, each looped back to this proxy as ``sip:cf-<node>-<entry>@self``. The child
transaction of an entry waits for its start second (``async_ms_route``, suspended) and then
rings its devices with ``fr_inv_timer`` = its duration. The first 200 wins; tm CANCELs every
other branch, and children CANCEL their devices. When every entry has ended the parent's
failure route follows the node's ``no_answer`` exit, or answers 480 at the end of the route.

Declines (the simulator's rule too, docs/routing-plan.md section 2): a device's 486 ends its
branch; a 603 (6xx) makes tm CANCEL the entry's other devices; an entry whose devices have
all declined ends then (its failure route answers 480, never the 6xx, which would CANCEL the
other entries), and once every entry has ended, none still waiting for its start second, the
parent's failure route takes ``no_answer`` at once.
"""

import ipaddress
import json
import os
import re
import time
from datetime import UTC

import KSR

from . import media
from .events import Spool
from .plans import PlanStore, device_of
from .program import (
    advance,
    apply_dialing_rules,
    entries_of,
    exit_of,
    handlers,
    load_decide,
    member_lines,
    route_key_of_did,
)

ASYNC = getattr(KSR, "async")  # "async" is a Python keyword
ASYNC_HOP_MS = 25000  # async_ms_route's limit is 30 s

SETTINGS = {}  # set by the boot script before mod_init
_ACCOUNT_PARAM = re.compile(r"cfa=(\d+)")


def log(text):
    KSR.info(text.rstrip("\n") + "\n")


class Trusted:
    """Trunk sources allowed to call DIDs: "10.0.0.0/8", "192.0.2.7" or "127.0.0.1:5070"."""

    def __init__(self, entries):
        self.rules = []
        for entry in entries:
            text = entry.strip()
            port = None
            if text.count(":") == 1:  # IPv4 with a port
                text, port = text.split(":")
                port = int(port)
            self.rules.append((ipaddress.ip_network(text, strict=False), port))

    def allows(self, address, port):
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net and (p is None or p == port) for net, p in self.rules)


def mod_init():
    return kamailio()


class kamailio:
    def __init__(self):
        s = SETTINGS
        self.self_addr = "{}:{}".format(s["host"], s["port"])
        self.domain = s["domain"]
        self.trunk = s.get("trunk") or ""
        self.trusted = Trusted(s.get("trusted") or [])
        self.ring_cap_ms = int(s.get("ring_cap", 120)) * 1000
        self.rtpengine = bool(s.get("rtpengine"))  # rtpengine.so loaded (WITH_RTPENGINE)
        self.plans = PlanStore(s["plans_dir"], log)
        self.spool = Spool(s["events_dir"])
        self.decide = load_decide()
        self.table = handlers(self.decide)

    def child_init(self, rank):
        return 0

    # ------------------------------------------------------------------ requests
    def ksr_request_route(self, msg):
        if KSR.maxfwd.process_maxfwd(10) < 0:
            KSR.sl.sl_send_reply(483, "Too Many Hops")
            return 1
        if KSR.sanity.sanity_check(17895, 7) < 0:
            return 1
        KSR.force_rport()
        self.websocket_contact()
        if KSR.is_CANCEL():
            if KSR.tm.t_check_trans() > 0:
                # the caller's CANCEL ends the call's media; tm's own CANCELs to the other
                # entries of an answered call (from this proxy) must not
                if not self.from_self():
                    self.media_delete()
                KSR.tm.t_relay()
            return 1
        if KSR.siputils.has_totag() > 0:
            return self.within_dialog()
        if KSR.tmx.t_precheck_trans() > 0:
            KSR.tm.t_check_trans()
            return 1
        if KSR.tm.t_check_trans() == 0:
            return 1
        if KSR.is_OPTIONS() and KSR.corex.has_ruri_user() < 0:
            KSR.sl.sl_send_reply(200, "Keepalive")
            return 1
        self.plans.refresh()
        if KSR.is_REGISTER():
            return self.register()
        if KSR.is_INVITE():
            return self.invite()
        KSR.sl.sl_send_reply(405, "Method Not Allowed")
        return 1

    def websocket_contact(self):
        """A request from a browser (SIP over WebSocket): its Contact (``….invalid``) cannot
        be reached, so the registration keeps the connection's address (received) and other
        requests carry it as an alias parameter (nathelper)."""
        if not media.transport_is_websocket(KSR.pv.get("$pr")):
            return
        if KSR.is_REGISTER():
            KSR.nathelper.fix_nated_register()
        elif not KSR.is_CANCEL() and not KSR.is_ACK():
            KSR.nathelper.set_contact_alias()

    def within_dialog(self):
        if KSR.rr.loose_route() > 0:
            if not KSR.isdsturiset():  # toward a browser: its WebSocket connection
                KSR.nathelper.handle_ruri_alias()
            if KSR.is_BYE():
                self.media_delete()
            if self.shift_in_dialog() and not KSR.is_ACK():
                self.arm()  # its replies get the caller's CSeq back
            if KSR.is_BYE() and not self.from_self():
                found = _ACCOUNT_PARAM.search(KSR.pv.get("$mb") or "")
                call = {
                    "call_id": KSR.pv.get("$ci"),
                    "account": int(found.group(1)) if found else None,
                }
                self.spool.emit("ended", call, cause="answered")
            self.relay()
            return 1
        if KSR.is_ACK():
            if KSR.tm.t_check_trans() > 0:
                KSR.tm.t_relay()
            return 1
        KSR.sl.sl_send_reply(404, "Not here")
        return 1

    def source(self):
        return KSR.pv.get("$si"), int(KSR.pv.get("$sp"))

    def from_self(self):
        return "{}:{}".format(*self.source()) == self.self_addr

    def line_of_request(self, challenge):
        """The (account, device id, line) that authenticated this request, or None (answered)."""
        auth_user = KSR.pv.get("$au")
        if not auth_user:
            user = KSR.pv.get("$tU" if KSR.is_REGISTER() else "$fU") or ""
            if user not in self.plans.lines:
                KSR.sl.sl_send_reply(403, "Not a device line in the plan")
                return None
            challenge(self.domain, 0)
            return None
        member = self.plans.auth.get(auth_user)
        if member is None:
            KSR.sl.sl_send_reply(403, "Not a device line in the plan")
            return None
        if KSR.auth.pv_auth_check(self.domain, member[2]["ha1"], 1, 0) < 0:
            challenge(self.domain, 0)
            return None
        return member

    def register(self):
        member = self.line_of_request(KSR.auth.auth_challenge)
        if member is None:
            return 1
        if (KSR.pv.get("$tU") or "") != str(member[2]["username"]):
            KSR.sl.sl_send_reply(403, "Wrong line for these credentials")
            return 1
        if KSR.registrar.save("location", 0) < 0:
            KSR.sl.sl_reply_error()
            return 1
        contact = (KSR.pv.get("$(ct{nameaddr.uri})") or "").strip("<>")
        if contact and contact != "*":  # for the call events: which line a branch rings
            KSR.htable.sht_sets("contacts", contact, str(member[2]["username"]))
            self.remember_websocket_contact()
        return 1

    def remember_websocket_contact(self):
        """A contact registered over a WebSocket ends with it (ksr_websocket_event): keep
        (AoR, ruid) per connection, by the browser's address (what the close event knows)."""
        ruid = KSR.pv.get("$xavp(ulrcd=>ruid)")
        expires = KSR.pv.get("$xavp(ulrcd=>expires)")
        if not media.transport_is_websocket(KSR.pv.get("$pr")) or not ruid or expires == 0:
            return
        key = "{}:{}".format(*self.source())  # $conid is not set in the close event
        known = json.loads(KSR.htable.sht_get("wsconns", key) or "[]")
        pair = [KSR.pv.get("$tu"), ruid]
        if pair not in known:
            known.append(pair)
        KSR.htable.sht_sets("wsconns", key, json.dumps(known))

    def invite(self):
        user = KSR.pv.get("$rU") or ""
        if user.startswith("cf-") and self.from_self():
            return self.entry(user)
        address, port = self.source()
        if self.trusted.allows(address, port):
            return self.inbound_did(user)
        calls_a_did = route_key_of_did(user) in self.plans.routes and not KSR.pv.get("$au")
        if calls_a_did and (KSR.pv.get("$fU") or "") not in self.plans.lines:
            KSR.sl.sl_send_reply(403, "Untrusted source for a DID")
            return 1
        member = self.line_of_request(KSR.auth.auth_challenge)
        if member is None:
            return 1
        KSR.auth.consume_credentials()
        account, device_id, line = member
        plan = self.plans.current(account)
        key = "ext:" + user
        if key in (plan.get("routes") or {}):
            return self.internal_call(account, plan, key, device_id)
        return self.outbound_call(account, plan, device_id, line, user)

    # ------------------------------------------------------------------ call kinds
    def call_fields(self, account, plan, key, caller, caller_name):
        return {
            "call_id": KSR.pv.get("$ci"),
            "account": account,
            "revision": plan.get("revision"),
            "route": key,
            "caller": caller,
            "caller_name": caller_name,
            "callee": KSR.pv.get("$rU"),
            "gen": plan.get("generation"),
        }

    def reject(self, call, code, reason, cause):
        # the event first: whoever gets the answer may look for it at once
        self.spool.emit("ended", _public(call), cause=cause, sip_code=code)
        log(f"callflow: {call.get('call_id')} {call.get('route')}: {code} {reason}")
        KSR.sl.sl_send_reply(code, reason)
        return 1

    def inbound_did(self, dialled):
        key = route_key_of_did(dialled)
        account = self.plans.routes.get(key) if key else None
        caller = KSR.pv.get("$fU")
        if account is None:
            call = {"call_id": KSR.pv.get("$ci"), "route": key, "callee": dialled, "caller": caller}
            return self.reject(call, 404, "Number not in the plan", "not_found")
        plan = self.plans.current(account)
        if KSR.hdr.is_present("P-Asserted-Identity") < 0:  # the trunk asserts the caller
            KSR.hdr.append("P-Asserted-Identity: <sip:{}@{}>\r\n".format(caller, KSR.pv.get("$fd")))
        call = self.call_fields(account, plan, key, caller, _name(KSR.pv.get("$fn")))
        return self.start(plan, call)

    def internal_call(self, account, plan, key, device_id):
        cid = device_of(plan, device_id).get("caller_id") or {}
        number = cid.get("internal") or KSR.pv.get("$fU")
        name = cid.get("name") or ""
        KSR.uac.uac_replace_from(f'"{name}"', f"sip:{number}@{self.domain}")
        KSR.hdr.remove("P-Asserted-Identity")
        KSR.hdr.append(f'P-Asserted-Identity: "{name}" <sip:{number}@{self.domain}>\r\n')
        return self.start(plan, self.call_fields(account, plan, key, number, name or None))

    def outbound_call(self, account, plan, device_id, line, dialled):
        cid = device_of(plan, device_id).get("caller_id") or {}
        call = self.call_fields(account, plan, None, cid.get("internal"), cid.get("name"))
        if not cid.get("outbound") or not cid.get("external"):
            return self.reject(call, 403, "Outbound calling disabled", "forbidden")
        if not self.trunk:
            return self.reject(call, 503, "No trunk configured", "error")
        number = apply_dialing_rules(dialled, line.get("dialing_rules"))
        KSR.pv.sets("$ru", f"sip:{number}@{self.trunk}")
        name = cid.get("name") or ""
        shown = "sip:{}@{}".format(cid["external"], self.domain)
        KSR.uac.uac_replace_from(f'"{name}"', shown)
        KSR.hdr.remove("P-Asserted-Identity")
        KSR.hdr.append(f'P-Asserted-Identity: "{name}" <{shown}>\r\n')
        KSR.hdr.append(f"X-Callflow-Dialed: {dialled}\r\n")
        self.spool.emit("start", _public(call), callee=number)
        return self.relay_out(call, self.ring_cap_ms)

    # ------------------------------------------------------------------ the program
    def start(self, plan, call):
        """A routed call's first request: headers, the call's memory (AVPs), its first node."""
        KSR.hdr.append(
            "X-Callflow-Route: {};revision={}\r\n".format(call["route"], plan.get("revision"))
        )
        # internal: which plan generation the spiral's children read (removed toward devices)
        KSR.hdr.append("X-Callflow-Plan: {};gen={}\r\n".format(call["account"], call["gen"]))
        KSR.rr.add_rr_param(";cfa={}".format(call["account"]))
        KSR.rr.record_route()
        KSR.pv.sets("$avp(cf_call)", json.dumps(call))
        KSR.tm.t_newtran()
        self.spool.emit("start", _public(call))
        node = plan["routes"][call["route"]]["node"]
        return self.run(plan, call, node, in_failure=False)

    def run(self, plan, call, node_id, in_failure):
        action = advance(plan, node_id, _decide_call(call), self.decide, self.table)
        for passed in action["passed"]:
            node = plan["nodes"].get(passed) or {}
            self.spool.emit("node", _public(call), node=passed, object=node.get("object"))
        if action["do"] == "end":
            where, code, reason = action["passed"][-1:], action["code"], action["reason"]
            log(f"callflow: {call['call_id']} {call['route']} ends at {where}: {code} {reason}")
            self.spool.emit("ended", _public(call), cause=action["cause"], sip_code=action["code"])
            KSR.tm.t_reply(action["code"], action["reason"])
            return 1
        KSR.pv.sets("$avp(cf_node)", action["node"])
        if action["do"] == "forward":
            return self.forward(call, action, in_failure)
        return self.ring(plan, call, action)

    def ring(self, plan, call, action):
        """The parent transaction: one looped branch per timeline entry."""
        entries = action["entries"]
        uris = [f"sip:cf-{action['node']}-{i}@{self.self_addr}" for i in range(len(entries))]
        KSR.pv.sets("$ru", uris[0])
        for uri in uris[1:]:
            KSR.corex.append_branch_uri(uri)
        ends = [s + d for s, d, _ in entries if d is not None]
        if len(ends) < len(entries):
            limit = self.ring_cap_ms + 10000
        else:
            node = plan["nodes"][action["node"]]
            limit = _ms(node.get("no_answer_after", max(ends)) + 5)
        KSR.tm.t_set_fr(limit, limit)
        log(
            "callflow: {} {} node {} rings {}".format(
                call["call_id"], call["route"], action["node"], [(s, d) for s, d, _ in entries]
            )
        )
        self.arm()
        KSR.tm.t_on_failure("ksr_failure_node")
        if KSR.tm.t_relay() < 0:
            KSR.tm.t_reply(500, "Relay Failed")
        return 1

    def forward(self, call, action, in_failure):
        if not self.trunk:
            self.spool.emit("ended", _public(call), cause="error", sip_code=503)
            KSR.tm.t_reply(503, "No trunk configured")
            return 1
        KSR.pv.sets("$ru", "sip:{}@{}".format(action["number"].lstrip("+"), self.trunk))
        if action.get("caller_id"):
            shown = "sip:{}@{}".format(action["caller_id"], self.domain)
            if not in_failure:
                KSR.uac.uac_replace_from("", shown)
            KSR.hdr.remove("P-Asserted-Identity")
            KSR.hdr.append(f"P-Asserted-Identity: <{shown}>\r\n")
        return self.relay_out(call, self.ring_cap_ms)

    def relay_out(self, call, limit):
        """A call leaving for the trunk (outbound or Forward): its end is the trunk's answer."""
        if not KSR.pv.get("$avp(cf_call)"):
            KSR.rr.record_route()
            KSR.pv.sets("$avp(cf_call)", json.dumps(call))
        KSR.tm.t_set_fr(limit, limit)
        self.arm()
        KSR.tm.t_on_failure("ksr_failure_out")
        if KSR.tm.t_relay() < 0:
            KSR.sl.sl_reply_error()
        return 1

    # ------------------------------------------------------------------ the child of an entry
    def entry(self, user):
        """Child transaction (INVITE sip:cf-<node>-<entry>@self): one timeline entry."""
        _, node_id, index = user.split("-", 2)
        plan_ref = KSR.pv.get("$hdr(X-Callflow-Plan)") or ""
        account, _, gen = plan_ref.partition(";gen=")
        plan = self.plans.by_generation(int(account or 0), gen) if account else None
        node = (plan or {}).get("nodes", {}).get(node_id)
        if node is None or int(index) >= len(entries_of(node)):
            KSR.sl.sl_send_reply(404, "Plan changed")
            return 1
        start, _, _ = entries_of(node)[int(index)]
        KSR.hdr.remove("X-Callflow-Plan")
        KSR.rr.add_rr_param(";cfe=1")  # the entry's hop: where in-dialog CSeqs are shifted
        KSR.rr.record_route()
        KSR.tm.t_newtran()
        KSR.pv.sets("$avp(cf_entry)", f"{account}|{gen}|{node_id}|{index}")
        if start > 0:
            # a suspended transaction lives for fr_timer: keep it alive past the start second
            KSR.tm.t_set_fr(_ms(start + 10), _ms(start + 10))
            self.wait_then("ksr_entry_ring", _ms(start))
            return 1
        return self.ksr_entry_ring(None)

    def entry_context(self):
        account, gen, node_id, index = KSR.pv.get("$avp(cf_entry)").split("|")
        plan = self.plans.by_generation(int(account), gen)
        start, duration, entry = entries_of(plan["nodes"][node_id])[int(index)]
        return plan, entry, duration

    def ksr_entry_ring(self, msg, evname=None):
        if KSR.tm.t_is_canceled() > 0:
            return 1
        if KSR.htable.sht_get("answered", KSR.pv.get("$ci")):
            # the parent was answered before it could CANCEL this late branch
            KSR.tm.t_reply(487, "Answered Elsewhere")
            return 1
        plan, entry, duration = self.entry_context()
        ring_ms = _ms(duration) if duration is not None else self.ring_cap_ms
        if entry.get("kind") == "phone" and entry.get("number") and self.trunk:
            KSR.pv.sets("$ru", "sip:{}@{}".format(entry["number"].lstrip("+"), self.trunk))
        else:
            aors = [f"sip:{u}@{self.domain}" for u, _ in member_lines(plan, entry)]
            if not aors:
                return self.idle_entry(ring_ms, "No devices")
            # lookup_branches leaves an AoR without contacts as a branch of its own (sent to
            # the domain): only lines registered now ring (a browser gone with its socket)
            aors = [aor for aor in aors if KSR.registrar.registered_uri("location", aor) > 0]
            if not aors:
                # Nobody of the entry is online now (a closed browser, a phone off): the entry
                # ends at once, so the call goes on without waiting for it. (A plan entry with
                # no devices at all still lasts its duration, as in the simulator.)
                KSR.tm.t_reply(480, "Not registered")
                return 1
            KSR.pv.sets("$ru", aors[0])
            for aor in aors[1:]:
                KSR.corex.append_branch_uri(aor)
            if KSR.registrar.lookup_branches("location") < 0:
                return self.idle_entry(ring_ms, "Not registered")
        KSR.tm.t_set_fr(ring_ms, ring_ms)
        self.arm()
        KSR.tm.t_on_failure("ksr_failure_entry")
        if KSR.tm.t_relay() < 0:
            KSR.tm.t_reply(500, "Relay Failed")
        return 1

    def idle_entry(self, ring_ms, why):
        """An entry with nothing to ring still lasts its duration, as in the simulator, so a
        ring group leaves by no_answer at no_answer_after whoever is registered."""
        KSR.pv.sets("$avp(cf_idle)", why)
        # a suspended transaction lives for fr_timer: keep it alive past the entry's end
        KSR.tm.t_set_fr(ring_ms + 10000, ring_ms + 10000)
        self.wait_then("ksr_entry_idle_end", ring_ms)
        return 1

    def wait_then(self, route, ms):
        """Resume the suspended transaction in ``route`` after ``ms``. async_ms_route refuses
        waits from 30 s on (and leaves the transaction hanging): longer ones go in hops."""
        if ms > ASYNC_HOP_MS:
            KSR.pv.seti("$avp(cf_wait_left)", ms - ASYNC_HOP_MS)
            KSR.pv.sets("$avp(cf_wait_route)", route)
            ASYNC.ms_route("ksr_wait_more", ASYNC_HOP_MS)
        else:
            ASYNC.ms_route(route, ms)
        return 1

    def ksr_wait_more(self, msg, evname=None):
        if KSR.tm.t_is_canceled() > 0:
            return 1
        return self.wait_then(
            KSR.pv.get("$avp(cf_wait_route)"), int(KSR.pv.get("$avp(cf_wait_left)") or 0)
        )

    def ksr_entry_idle_end(self, msg, evname=None):
        if KSR.tm.t_is_canceled() > 0:
            return 1
        KSR.tm.t_reply(480, KSR.pv.get("$avp(cf_idle)") or "Entry Ended")
        return 1

    def ksr_failure_entry(self, msg):
        if KSR.tm.t_is_canceled() > 0:
            return 1
        # its duration is over, or every device declined: the parent gets 480 either way
        KSR.tm.t_reply(480, "Entry Ended")
        return 1

    # ------------------------------------------------------------------ tm callbacks
    def arm(self):
        KSR.tm.t_on_reply("ksr_onreply_cf")
        KSR.tm.t_on_branch("ksr_branch_cf")

    def ksr_branch_cf(self, msg):
        if KSR.is_INVITE():
            self.media_offer()
        if KSR.pv.get("$avp(cf_entry)") and KSR.is_INVITE():
            self.shift_cseq_of_rering()
            plan, entry, _ = self.entry_context()
            call = self.call_of()
            if call is not None:
                member = self.member_of(plan, KSR.pv.get("$ru"), entry)
                self.spool.emit(
                    "ringing",
                    call,
                    member=member,
                    node=self.entry_node(),
                    object=entry.get("object"),
                )
        return 1

    # ------------------------------------------------------------------ a device rung again
    # A proxy sends every branch of a call with the caller's Call-ID, From tag and CSeq. A
    # device rung a second time in one call (a no_answer exit to a group it is also in) still
    # remembers the first ring's transaction for a few seconds (RFC 3261 Timer I, 5 s on UDP)
    # and refuses the new one as a merged request (482). So from its second ring on, a device
    # gets the INVITE under CSeq + k (k: how often it was rung before in this call); replies
    # get the caller's CSeq back, and after an answer the caller's in-dialog requests toward
    # it are shifted by the same k (its ACK must carry the INVITE's CSeq).
    def shift_cseq_of_rering(self):
        call_id = KSR.pv.get("$ci")
        key = "{}|{}".format(call_id, KSR.pv.get("$ru"))
        rung = KSR.htable.sht_inc("rung", key)  # -255: no such item yet (not created)
        if rung is None or rung <= 1:
            KSR.htable.sht_seti("rung", key, 1)
            return
        self.set_cseq(int(KSR.pv.get("$cs")) + rung - 1)

    def set_cseq(self, number):
        KSR.hdr.remove("CSeq")
        KSR.hdr.append("CSeq: {} {}\r\n".format(number, KSR.pv.get("$rm")))

    def restore_cseq(self):
        """A reply to a request sent under a shifted CSeq: the caller gets its own back."""
        sent = KSR.pv.get("$cs")
        asked = KSR.pv.get("$T_req($cs)")
        if asked is not None and sent is not None and int(sent) != int(asked):
            self.set_cseq(asked)
            if 200 <= KSR.pv.get("$rs") < 300 and KSR.pv.get("$rm") == "INVITE":
                KSR.htable.sht_seti("cseqshift", KSR.pv.get("$ci"), int(sent) - int(asked))

    def shift_in_dialog(self):
        """The caller's requests toward a device answered under a shifted CSeq, once per
        request (the spiral's two Record-Routes pass it through here twice: only the
        entry's hop, marked ``cfe``, shifts)."""
        shift = KSR.htable.sht_get("cseqshift", KSR.pv.get("$ci"))
        if not shift or KSR.rr.check_route_param("cfe=1") < 0:
            return False
        if KSR.rr.is_direction("downstream") < 0:
            return False
        self.set_cseq(int(KSR.pv.get("$cs")) + int(shift))
        return True

    def entry_node(self):
        return KSR.pv.get("$avp(cf_entry)").split("|")[2]

    def member_of(self, plan, contact, entry):
        """Who a branch rings: the device whose line registered ``contact``, else the entry."""
        member = {
            "contact": entry.get("contact"),
            "device": None,
            "username": None,
            "number": entry.get("number"),
        }
        username = KSR.htable.sht_get("contacts", contact or "")
        for device_id, device in (plan.get("devices") or {}).items():
            if any(str(line.get("username")) == username for line in device.get("lines") or ()):
                member.update(
                    contact=device.get("contact", member["contact"]),
                    device=int(device_id),
                    username=username,
                )
                break
        return member

    def call_of(self):
        text = KSR.pv.get("$avp(cf_call)")
        if text:
            return _public(json.loads(text))
        entry = KSR.pv.get("$avp(cf_entry)")
        if not entry:
            return None
        route = (KSR.pv.get("$hdr(X-Callflow-Route)") or "").split(";")
        account, gen, _, _ = entry.split("|")
        plan = self.plans.by_generation(int(account), gen) or {}
        return {
            "call_id": KSR.pv.get("$ci"),
            "account": int(account),
            "revision": plan.get("revision"),
            "route": route[0] or None,
            "caller": KSR.pv.get("$fU"),
            "caller_name": _name(KSR.pv.get("$fn")),
            "callee": None,
        }

    # ------------------------------------------------------------------ media (rtpengine)
    def media_offer(self):
        """On the hop that faces a device or the trunk (not the spiral's loop to this proxy):
        rtpengine rewrites the offer when the two sides differ (media.py)."""
        ru = KSR.pv.get("$ru") or ""
        if not self.rtpengine or (ru.startswith("sip:cf-") and ru.endswith("@" + self.self_addr)):
            return
        offer_webrtc = media.sdp_is_webrtc(KSR.pv.get("$rb"))
        target_webrtc = media.uri_is_websocket(ru, KSR.pv.get("$du"))
        flags = media.offer_flags(offer_webrtc, target_webrtc)
        if flags is None:
            return
        if KSR.rtpengine.rtpengine_offer(flags) > 0:
            # the offer's kind, for the answer (whoever of the branches answers)
            KSR.htable.sht_sets("media", KSR.pv.get("$ci"), "webrtc" if offer_webrtc else "plain")
        else:
            log(f"callflow: {KSR.pv.get('$ci')} rtpengine offer failed; SDP left as it was")

    def media_answer(self):
        """A reply with SDP to an offer rtpengine rewrote: rewritten back for the offerer. The
        reply's own SDP says which kind answered, so the spiral's parent (which sees the
        already rewritten answer) does nothing."""
        if not self.rtpengine:
            return
        offered = KSR.htable.sht_get("media", KSR.pv.get("$ci"))
        body = KSR.pv.get("$rb")
        if not offered or not body:
            return
        flags = media.answer_flags(offered == "webrtc", media.sdp_is_webrtc(body))
        if flags is not None and KSR.rtpengine.rtpengine_answer(flags) < 0:
            log(f"callflow: {KSR.pv.get('$ci')} rtpengine answer failed")

    def media_delete(self):
        """The call's rtpengine session, if it has one, ends (BYE, CANCEL, final failure)."""
        call_id = KSR.pv.get("$ci")
        if self.rtpengine and KSR.htable.sht_get("media", call_id):
            KSR.htable.sht_rm("media", call_id)
            KSR.rtpengine.rtpengine_delete("")

    def ksr_onreply_cf(self, msg):
        code = KSR.pv.get("$rs")
        self.restore_cseq()
        if KSR.nathelper.nat_uac_test(64) > 0:  # a browser's reply: ACK and BYE go back over WS
            KSR.nathelper.set_contact_alias()
        if KSR.pv.get("$rm") == "INVITE" and (code == 183 or 200 <= code < 300):
            self.media_answer()
        if 200 <= code < 300 and KSR.pv.get("$rm") == "INVITE":
            call_id = KSR.pv.get("$ci")
            if KSR.pv.get("$avp(cf_entry)") and not KSR.htable.sht_get("answered", call_id):
                KSR.htable.sht_seti("answered", call_id, 1)
                contact = (KSR.pv.get("$(ct{nameaddr.uri})") or "").strip("<>")
                plan, entry, _ = self.entry_context()
                call = self.call_of()
                if call is not None:
                    self.spool.emit(
                        "answered",
                        call,
                        member=self.member_of(plan, contact, entry),
                        node=self.entry_node(),
                        object=entry.get("object"),
                    )
        return 1

    def ksr_failure_node(self, msg):
        """Every entry of a ringing node ended: its no_answer exit, or the end of the route."""
        call = json.loads(KSR.pv.get("$avp(cf_call)") or "{}")
        if not KSR.htable.sht_get("answered", KSR.pv.get("$ci")):
            self.media_delete()  # every entry ended: the next node offers anew
        if KSR.tm.t_is_canceled() > 0:
            if not KSR.htable.sht_get("answered", KSR.pv.get("$ci")):
                self.spool.emit("ended", _public(call), cause="caller_cancel", sip_code=487)
            return 1
        plan = self.plans.by_generation(call.get("account"), call.get("gen"))
        node_id = KSR.pv.get("$avp(cf_node)")
        if plan is None or node_id is None:
            KSR.tm.t_reply(500, "Plan Missing")
            return 1
        target = exit_of(plan, node_id, "no_answer")
        if target is None:
            self.spool.emit("ended", _public(call), cause="no_answer", sip_code=480)
            KSR.tm.t_reply(480, "No Answer")
            return 1
        return self.run(plan, call, target, in_failure=True)

    def ksr_failure_out(self, msg):
        call = json.loads(KSR.pv.get("$avp(cf_call)") or "{}")
        cancelled = KSR.tm.t_is_canceled() > 0
        self.media_delete()
        code = 487 if cancelled else KSR.pv.get("$T_reply_code")
        cause = "caller_cancel" if cancelled else ("busy" if code == 486 else "rejected")
        self.spool.emit("ended", _public(call), cause=cause, sip_code=code)
        return 1

    def relay(self):
        if KSR.is_INVITE() or KSR.is_BYE() or KSR.is_UPDATE():
            self.arm()
        if KSR.tm.t_relay() < 0:
            KSR.sl.sl_reply_error()
        return 1

    def ksr_reply_route(self, msg):
        # every request is forwarded statefully: a reply without a transaction (a child's late
        # 480 after the parent finished) must not be forwarded statelessly
        if KSR.tm.t_check_trans() < 0:
            KSR.set_drop()
            return -255
        return 1

    def ksr_onsend_route(self, msg):
        return 1

    def ksr_xhttp_event(self, msg, evname=None):
        upgrade = (KSR.pv.get("$hdr(Upgrade)") or "").lower() == "websocket"
        if upgrade and KSR.websocket.handle_handshake() > 0:
            return 1
        KSR.xhttp.xhttp_reply(404, "Not Found", "text/plain", "no such page\n")
        return 1

    def ksr_websocket_event(self, msg, evname=None):
        """A browser's WebSocket closed (tab closed, network gone): its contacts go at once,
        so the next call skips it instead of ringing a dead contact until it expires."""
        if evname != "websocket:closed":
            return 1
        key = "{}:{}".format(*self.source())  # $conid is not set in the close event
        for aor, ruid in json.loads(KSR.htable.sht_get("wsconns", key) or "[]"):
            KSR.registrar.unregister_ruid("location", aor, ruid)
            log(f"callflow: websocket {key} closed: {aor} unregistered")
        KSR.htable.sht_rm("wsconns", key)
        return 1


def _public(call):
    """The event fields of a call (its plan generation stays inside the SIP server)."""
    return {k: v for k, v in call.items() if k != "gen"}


def _ms(seconds):
    """Seconds (a plan's int, or a test's fraction) as the int milliseconds tm wants."""
    return int(round(seconds * 1000))


def _name(display):
    """A From display name without its quotes, or None."""
    return (display or "").strip().strip('"') or None


def _decide_call(call):
    from datetime import datetime

    caller = call.get("caller")
    return {
        "caller": caller if caller and str(caller).startswith("+") else None,
        "at": datetime.fromtimestamp(_now(), UTC),
    }


def _now():
    """The time routing decisions use: the settings' clock file when a test set one."""
    path = SETTINGS.get("clock_file")
    if path:
        try:
            with open(path, encoding="ascii") as f:
                return float(f.read().strip())
        except (OSError, ValueError):
            pass
    return time.time()


if os.environ.get("CALLFLOW_KEMI_SETTINGS") and not SETTINGS:
    with open(os.environ["CALLFLOW_KEMI_SETTINGS"], "rb") as _f:
        SETTINGS.update(json.load(_f))
