"""Which rtpengine flags a call leg needs: pure decisions, the KSR glue is in routing.py.

A browser (WebRTC: DTLS-SRTP, ICE, rtcp-mux, ``UDP/TLS/RTP/SAVPF``) cannot take a plain-RTP
offer (``RTP/AVP``, what baresip, desk phones and trunks send), nor the other way round. So
on the hop that faces a device or the trunk, when the two sides differ, rtpengine bridges
them: the offer is rewritten for the side it goes to, the answer for the side it goes back
to. The flags are the ones the real-calls study measured working (REPORT.md, W3). Two sides
of one kind talk end to end: browser to browser peer to peer, plain RTP as before.
"""

# Toward a browser: ICE candidates on rtpengine's ports, DTLS-SRTP with rtpengine's own
# certificate (its fingerprint in the SDP), RTP and RTCP muxed on one port, a=mid per m= line.
TO_WEBRTC = (
    "ICE=force transport-protocol=UDP/TLS/RTP/SAVPF SDES-off rtcp-mux-offer generate-mid"
    " replace-origin replace-session-connection"
)
# Toward plain RTP: no ICE, no DTLS, RTP and RTCP on their own ports.
TO_PLAIN = (
    "ICE=remove transport-protocol=RTP/AVP DTLS=off rtcp-mux-demux"
    " replace-origin replace-session-connection"
)

WEBSOCKET = ("ws", "wss")


def transport_is_websocket(proto):
    """Whether a request came in over SIP over WebSocket (``$pr``: udp, tcp, ws, wss...).

    >>> transport_is_websocket("WS"), transport_is_websocket("wss"), transport_is_websocket("udp")
    (True, True, False)
    """
    return (proto or "").lower() in WEBSOCKET


def uri_is_websocket(*uris):
    """Whether any of the URIs (a contact, its received address / ``$du``) is a WS contact.

    >>> uri_is_websocket("sip:x@df7jal23ls0d.invalid;transport=ws", "")
    True
    >>> uri_is_websocket("sip:101@127.0.0.1:5080", "sip:127.0.0.1:40001;transport=WSS")
    True
    >>> uri_is_websocket("sip:101@127.0.0.1:5080;transport=udp", None)
    False
    """
    for uri in uris:
        for param in (uri or "").lower().split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip() == "transport" and value.strip().rstrip(">") in WEBSOCKET:
                return True
    return False


def sdp_is_webrtc(body):
    """Whether an SDP body is a WebRTC one: an m= line over DTLS (``UDP/TLS/RTP/SAVP(F)``)
    or a fingerprint. An empty body (a late offer) says nothing: False.

    >>> sdp_is_webrtc("v=0\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 111 0\\r\\na=fingerprint:sha-256 AB")
    True
    >>> sdp_is_webrtc("v=0\\r\\nm=audio 4000 RTP/AVP 0 8\\r\\n"), sdp_is_webrtc("")
    (False, False)
    """
    for line in (body or "").splitlines():
        line = line.strip()
        if line.startswith("m=") and "/TLS/" in line.upper():
            return True
        if line.lower().startswith("a=fingerprint:"):
            return True
    return False


def offer_flags(offer_is_webrtc, target_is_webrtc):
    """The rtpengine flags for an offer going to the target, or None: no bridge needed.

    >>> offer_flags(True, False) == TO_PLAIN, offer_flags(False, True) == TO_WEBRTC
    (True, True)
    >>> offer_flags(True, True), offer_flags(False, False)
    (None, None)
    """
    if bool(offer_is_webrtc) == bool(target_is_webrtc):
        return None
    return TO_WEBRTC if target_is_webrtc else TO_PLAIN


def answer_flags(offer_was_webrtc, answer_is_webrtc):
    """The flags for an answer going back to whoever made the offer, or None.

    The answering side may differ from what the offer's branch expected (a ring group rings a
    browser and a baresip from one transaction): the answer's own SDP says what it is.

    >>> answer_flags(False, True) == TO_PLAIN, answer_flags(True, False) == TO_WEBRTC
    (True, True)
    >>> answer_flags(True, True), answer_flags(False, False)
    (None, None)
    """
    if bool(offer_was_webrtc) == bool(answer_is_webrtc):
        return None
    return TO_WEBRTC if offer_was_webrtc else TO_PLAIN
