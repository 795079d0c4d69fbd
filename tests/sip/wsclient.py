"""A small SIP-over-WebSocket (ws:// or wss://) user agent for the sip tests: what a browser
phone (JsSIP) sends, spoken from Python over ``simple_websocket`` with the ``sip`` subprotocol
(RFC 7118).

It registers a line with digest auth, places an INVITE with a WebRTC SDP, answers or declines
an incoming INVITE, and keeps every message it received (``messages``) for the assertions."""

from __future__ import annotations

import hashlib
import random
import re
import ssl
import threading
import time

import simple_websocket

HOST = "df7jal23ls0d.invalid"  # what JsSIP puts in Via and Contact: not reachable, by design

WEBRTC_SDP = (
    "v=0\r\n"
    "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "t=0 0\r\n"
    "a=group:BUNDLE 0\r\n"
    "a=msid-semantic: WMS stream\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 0 8\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=rtcp:9 IN IP4 0.0.0.0\r\n"
    "a=candidate:1 1 udp 2122260223 127.0.0.1 {port} typ host generation 0\r\n"
    "a=ice-ufrag:Wq3z\r\n"
    "a=ice-pwd:zAeXDbRyK1bXr9uU1Z8tSm5C\r\n"
    "a=ice-options:trickle\r\n"
    "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:"
    "43:F0:A1:58:D0:A1:2C:19:08\r\n"
    "a=setup:actpass\r\n"
    "a=mid:0\r\n"
    "a=sendrecv\r\n"
    "a=rtcp-mux\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:8 PCMA/8000\r\n"
)


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 (SIP digest is MD5)


def header(message: str, name: str) -> str | None:
    found = re.search(rf"^{re.escape(name)}:\s*(.*?)\r?$", message, re.M | re.I)
    return found[1].strip() if found else None


def headers(message: str, name: str) -> list[str]:
    values = []
    for found in re.finditer(rf"^{re.escape(name)}:\s*(.*?)\r?$", message, re.M | re.I):
        values += [v.strip() for v in found[1].split(",")]
    return values


def status(message: str) -> int | None:
    found = re.match(r"SIP/2\.0 (\d{3})", message)
    return int(found[1]) if found else None


def body(message: str) -> str:
    return message.split("\r\n\r\n", 1)[1] if "\r\n\r\n" in message else ""


class WsPhone:
    """One line registered over ws:// to the product's Kamailio."""

    def __init__(
        self,
        ws_port: int,
        user: str,
        password: str,
        domain: str = "127.0.0.1",
        secure: bool = False,
    ) -> None:
        self.user, self.password, self.domain = user, password, domain
        context = None
        if secure:  # the tests' self-signed certificate
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        scheme = "wss" if secure else "ws"
        self.ws = simple_websocket.Client(
            f"{scheme}://127.0.0.1:{ws_port}/", subprotocols=["sip"], ssl_context=context
        )
        self.messages: list[str] = []
        self._cond = threading.Condition()
        self._closed = False
        self.tag = f"t{random.getrandbits(32)}"
        self.call_id = f"ws-{random.getrandbits(48)}"
        self.cseq = 0
        threading.Thread(target=self._read, daemon=True).start()

    # ------------------------------------------------------------------ transport
    def _read(self) -> None:
        while True:
            try:
                data = self.ws.receive()
            except simple_websocket.ConnectionClosed:
                break
            if data is None:
                break
            text = data.decode() if isinstance(data, bytes) else data
            with self._cond:
                self.messages.append(text)
                self._cond.notify_all()
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def send(self, text: str) -> None:
        self.ws.send(text)

    def close(self) -> None:
        self.ws.close()

    def wait(self, predicate, timeout: float = 10.0, after: int = 0) -> str:
        """The first message (from index ``after``) for which ``predicate`` holds."""
        deadline = time.time() + timeout
        with self._cond:
            while True:
                for text in self.messages[after:]:
                    if predicate(text):
                        return text
                left = deadline - time.time()
                if left <= 0:
                    seen = [m.split("\r\n", 1)[0] for m in self.messages]
                    raise AssertionError(f"ws {self.user}: nothing matched in {timeout} s: {seen}")
                self._cond.wait(left)

    def reply_to(self, cseq_method: str, after: int = 0, final: bool = True) -> str:
        def matches(text: str) -> bool:
            code = status(text)
            cseq = header(text, "CSeq") or ""
            return code is not None and cseq.endswith(cseq_method) and (code >= 200 or not final)

        return self.wait(matches, after=after)

    # ------------------------------------------------------------------ requests
    def _request(self, method: str, uri: str, extra: str = "", sdp: str = "", **kw) -> str:
        cseq = kw.get("cseq")
        if cseq is None:
            self.cseq += 1
            cseq = self.cseq
        branch = kw.get("branch") or f"z9hG4bK{random.getrandbits(48)}"
        to = kw.get("to") or f"<{uri}>"
        content_type = "Content-Type: application/sdp\r\n" if sdp else ""
        return (
            f"{method} {uri} SIP/2.0\r\n"
            f"Via: SIP/2.0/WS {HOST};branch={branch}\r\n"
            "Max-Forwards: 70\r\n"
            f"To: {to}\r\n"
            f"From: <sip:{self.user}@{self.domain}>;tag={self.tag}\r\n"
            f"Call-ID: {kw.get('call_id') or self.call_id}\r\n"
            f"CSeq: {cseq} {method}\r\n"
            f"Contact: <sip:{self.user}@{HOST};transport=ws>\r\n"
            f"{extra}{content_type}Content-Length: {len(sdp.encode())}\r\n\r\n{sdp}"
        )

    def _digest(self, challenge: str, method: str, uri: str, kind: str) -> str:
        params = dict(re.findall(r'(\w+)="?([^",]*)"?', challenge))
        ha1 = _md5(f"{self.user}:{params['realm']}:{self.password}")
        ha2 = _md5(f"{method}:{uri}")
        fields = (
            f'username="{self.user}", realm="{params["realm"]}", nonce="{params["nonce"]}", '
            f'uri="{uri}", algorithm=MD5'
        )
        if "auth" in params.get("qop", "").split(","):
            cnonce = f"{random.getrandbits(32):08x}"
            response = _md5(f"{ha1}:{params['nonce']}:00000001:{cnonce}:auth:{ha2}")
            fields += f', qop=auth, nc=00000001, cnonce="{cnonce}"'
        else:
            response = _md5(f"{ha1}:{params['nonce']}:{ha2}")
        name = "Authorization" if kind == "WWW-Authenticate" else "Proxy-Authorization"
        return f'{name}: Digest {fields}, response="{response}"\r\n'

    def register(self, expires: int = 600) -> str:
        """REGISTER with digest auth; returns the final reply (200 when registered)."""
        uri = f"sip:{self.domain}"
        to = f"<sip:{self.user}@{self.domain}>"
        extra = f"Expires: {expires}\r\n"
        start = len(self.messages)
        self.send(self._request("REGISTER", uri, extra, to=to))
        reply = self.reply_to("REGISTER", after=start)
        if status(reply) == 401:
            auth = self._digest(
                header(reply, "WWW-Authenticate") or "", "REGISTER", uri, "WWW-Authenticate"
            )
            start = len(self.messages)
            self.send(self._request("REGISTER", uri, extra + auth, to=to))
            reply = self.reply_to("REGISTER", after=start)
        return reply

    def invite(self, target: str, sdp: str) -> str:
        """INVITE ``target`` (an extension) with ``sdp``, authenticating when challenged;
        returns the final reply (ACKed when it is a failure)."""
        uri = f"sip:{target}@{self.domain}"
        start = len(self.messages)
        branch = f"z9hG4bK{random.getrandbits(48)}"
        self.send(self._request("INVITE", uri, sdp=sdp, branch=branch))
        reply = self.reply_to("INVITE", after=start)
        if status(reply) in (401, 407):
            self._ack_failure(reply, uri, branch)
            kind = "Proxy-Authenticate" if status(reply) == 407 else "WWW-Authenticate"
            auth = self._digest(header(reply, kind) or "", "INVITE", uri, kind)
            start = len(self.messages)
            branch = f"z9hG4bK{random.getrandbits(48)}"
            self.send(self._request("INVITE", uri, auth, sdp=sdp, branch=branch))
            reply = self.reply_to("INVITE", after=start)
        code = status(reply) or 0
        if code >= 300:
            self._ack_failure(reply, uri, branch)
        self.remote_to = header(reply, "To")
        return reply

    def _ack_failure(self, reply: str, uri: str, branch: str) -> None:
        cseq = int((header(reply, "CSeq") or "1").split()[0])
        self.send(self._request("ACK", uri, to=header(reply, "To"), cseq=cseq, branch=branch))

    def in_dialog(self, method: str, answer: str) -> str:
        """ACK or BYE inside the dialog ``answer`` (the 200 OK) set up: Request-URI = the
        remote Contact, Route = the Record-Route set reversed (we are the caller)."""
        contact = re.search(r"<([^>]+)>", header(answer, "Contact") or "")
        assert contact, answer
        routes = "".join(f"Route: {r}\r\n" for r in reversed(headers(answer, "Record-Route")))
        cseq = int((header(answer, "CSeq") or "1").split()[0])
        if method != "ACK":
            self.cseq += 1
            cseq = self.cseq
        self.send(self._request(method, contact[1], routes, to=header(answer, "To"), cseq=cseq))
        return "" if method == "ACK" else self.reply_to(method)

    def wait_invite(self, timeout: float = 10.0, after: int = 0) -> str:
        return self.wait(lambda t: t.startswith("INVITE "), timeout=timeout, after=after)

    def respond(self, request: str, code: int, reason: str, sdp: str = "") -> None:
        """A reply to ``request`` (its Via, From, To with our tag, Call-ID, CSeq copied)."""
        to = header(request, "To") or ""
        if ";tag=" not in to:
            to += f";tag={self.tag}"
        vias = "".join(f"Via: {v}\r\n" for v in headers(request, "Via"))
        rr = "".join(f"Record-Route: {r}\r\n" for r in headers(request, "Record-Route"))
        content_type = "Content-Type: application/sdp\r\n" if sdp else ""
        self.send(
            f"SIP/2.0 {code} {reason}\r\n{vias}{rr}"
            f"From: {header(request, 'From')}\r\nTo: {to}\r\n"
            f"Call-ID: {header(request, 'Call-ID')}\r\nCSeq: {header(request, 'CSeq')}\r\n"
            f"Contact: <sip:{self.user}@{HOST};transport=ws>\r\n"
            f"{content_type}Content-Length: {len(sdp.encode())}\r\n\r\n{sdp}"
        )
