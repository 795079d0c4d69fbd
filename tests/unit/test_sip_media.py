"""Which rtpengine flags a call leg gets (workspace/sip/kemi/media.py): every pair of sides."""

from __future__ import annotations

import doctest

import pytest

from workspace.sip.kemi import media
from workspace.sip.kemi.media import (
    TO_PLAIN,
    TO_WEBRTC,
    answer_flags,
    offer_flags,
    sdp_is_webrtc,
    transport_is_websocket,
    uri_is_websocket,
)

BROWSER_SDP = (
    "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8\r\nc=IN IP4 0.0.0.0\r\n"
    "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789abcdef012345\r\n"
    "a=fingerprint:sha-256 AA:BB\r\na=setup:actpass\r\na=rtcp-mux\r\n"
)
BARESIP_SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 8\r\n"


def test_when_the_module_doctests_run_then_they_pass():
    assert doctest.testmod(media).failed == 0


def test_when_an_sdp_is_empty_or_garbage_then_it_is_not_webrtc():
    assert not sdp_is_webrtc(None)
    assert not sdp_is_webrtc("not an sdp at all")
    assert not sdp_is_webrtc("m=audio 4000 RTP/SAVP 0\r\n")  # SDES-SRTP from a desk phone


def test_when_a_uri_only_names_ws_elsewhere_then_it_is_not_a_ws_contact():
    assert not uri_is_websocket("sip:ws@127.0.0.1;user=ws")
    assert not uri_is_websocket(None, "")
    assert not transport_is_websocket(None)


@pytest.mark.parametrize(
    ("offer", "target", "flags"),
    [
        (BROWSER_SDP, False, TO_PLAIN),  # browser calls baresip / the trunk
        (BARESIP_SDP, True, TO_WEBRTC),  # trunk or baresip calls a browser
        (BROWSER_SDP, True, None),  # browser to browser: peer to peer, untouched
        (BARESIP_SDP, False, None),  # plain to plain: end to end, untouched
    ],
)
def test_when_an_offer_goes_to_a_kind_of_device_then_the_flags_bridge_only_differences(
    offer, target, flags
):
    assert offer_flags(sdp_is_webrtc(offer), target) == flags


@pytest.mark.parametrize(
    ("offer", "answer", "flags"),
    [
        (BARESIP_SDP, BROWSER_SDP, TO_PLAIN),  # the browser answered a plain caller
        (BROWSER_SDP, BARESIP_SDP, TO_WEBRTC),  # baresip answered a browser
        (BROWSER_SDP, BROWSER_SDP, None),
        (BARESIP_SDP, BARESIP_SDP, None),
    ],
)
def test_when_an_answer_comes_back_then_it_is_rewritten_for_the_offerer(offer, answer, flags):
    assert answer_flags(sdp_is_webrtc(offer), sdp_is_webrtc(answer)) == flags


def test_when_flags_go_toward_a_browser_then_they_are_the_measured_webrtc_ones():
    for flag in ("ICE=force", "transport-protocol=UDP/TLS/RTP/SAVPF", "SDES-off", "rtcp-mux-offer"):
        assert flag in TO_WEBRTC.split()
    for flag in ("ICE=remove", "transport-protocol=RTP/AVP", "DTLS=off", "rtcp-mux-demux"):
        assert flag in TO_PLAIN.split()
