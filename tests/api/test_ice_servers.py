"""STUN and TURN servers for browser phones: refused at start-up when unusable, given to each
device in its config's ``sip`` block with TURN credentials of its own that expire, and never
moving the config's hash (a background recompute has no credentials to hash).

Reuses the device API tests' account (Mike Brown, his laptop on SIP account 1001).
"""

# ruff: noqa: F811 (acme is the device API tests' fixture, imported and used as a parameter)
from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from tests.api.test_device_api import API, acme, activated, bearer  # noqa: F401
from tests.conftest import base_config
from workspace import create_app
from workspace.contact_center.devices.models import Device
from workspace.device_api import config as device_config
from workspace.device_api.config import config_etag
from workspace.device_api.ice_servers import IceConfigError
from workspace.device_api.refresh import refresh_config_hashes
from workspace.extensions import db

STUN = "stun:stun.example.net:3478"
TURN = "turn:turn.example.net:3478?transport=udp"
TURNS = "turns:turn.example.net:5349"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"ICE_SERVERS": "http://stun.example.net"}, "'http://stun.example.net' is not a stun:"),
        ({"ICE_SERVERS": "stun:"}, "'stun:' is not a stun:"),
        ({"ICE_SERVERS": TURN}, "WORKSPACE_TURN_SECRET is not set"),
        ({"ICE_SERVERS": TURN, "TURN_SECRET": "s", "TURN_TTL": 60}, "at least 600 seconds"),
        ({"ICE_TRANSPORT_POLICY": "none"}, "must be all or relay, not 'none'"),
        ({"ICE_SERVERS": STUN, "ICE_TRANSPORT_POLICY": "relay"}, "relay needs a TURN server"),
    ],
    ids=[
        "not-an-ice-url",
        "no-host",
        "turn-without-secret",
        "ttl-too-short",
        "unknown-policy",
        "relay-without-turn",
    ],
)
def test_when_ice_settings_are_unusable_then_the_app_refuses_to_start(tmp_path, settings, message):
    config = base_config(f"sqlite:///{tmp_path / 'x.db'}", tmp_path) | settings
    with pytest.raises(IceConfigError, match=message):
        create_app(config)


def test_when_stun_and_turn_are_set_then_each_device_gets_its_own_expiring_credentials(
    app, client, acme, monkeypatch
):
    app.config.update(ICE_SERVERS=f"{STUN}, {TURN},{TURNS}", TURN_SECRET="s3cret", TURN_TTL=3600)
    monkeypatch.setattr(device_config.time, "time", lambda: 1_800_000_000.5)

    config = activated(app, client, acme.laptop)["config"]

    stun, turn = config["sip"]["ice_servers"]
    assert stun == {"urls": [STUN]}
    assert turn["urls"] == [TURN, TURNS]
    assert turn["username"] == f"1800003600:{acme.laptop}"
    expected = hmac.new(b"s3cret", turn["username"].encode(), hashlib.sha1).digest()
    assert base64.b64decode(turn["credential"]) == expected
    assert config["sip"]["ice_expires_at"] == 1_800_003_600


def test_when_credentials_are_made_anew_then_the_etag_and_the_stored_hash_stay(
    app, client, acme, monkeypatch
):
    app.config.update(ICE_SERVERS=f"{STUN},{TURN}", TURN_SECRET="s3cret")
    token = activated(app, client, acme.laptop)["token"]
    monkeypatch.setattr(device_config.time, "time", lambda: 1_800_000_000)
    first = client.get(f"{API}/config", headers=bearer(token)).get_json()
    monkeypatch.setattr(device_config.time, "time", lambda: 1_800_007_200)
    later = client.get(f"{API}/config", headers=bearer(token)).get_json()

    assert (
        first["sip"]["ice_servers"][1]["credential"] != later["sip"]["ice_servers"][1]["credential"]
    )
    assert first["etag"] == later["etag"] == config_etag(later)
    with app.app_context():  # what a background recompute hashes, with no credentials at all
        refresh_config_hashes(db.session.get(Device, acme.laptop).account_id)
        assert db.session.get(Device, acme.laptop).config_hash == later["etag"]
    unchanged = client.get(
        f"{API}/config", headers=bearer(token, **{"If-None-Match": f'"{later["etag"]}"'})
    )
    assert unchanged.status_code == 304


def test_when_a_turn_server_is_added_then_the_etag_moves(app, client, acme):
    token = activated(app, client, acme.laptop)["token"]
    before = client.get(f"{API}/config", headers=bearer(token)).get_json()

    app.config.update(ICE_SERVERS=TURN, TURN_SECRET="s3cret")
    after = client.get(f"{API}/config", headers=bearer(token)).get_json()

    assert before["sip"]["ice_servers"] == [] and before["sip"]["ice_expires_at"] is None
    assert after["etag"] != before["etag"]


def test_when_media_must_take_the_relay_then_the_config_says_so_and_the_etag_moves(
    app, client, acme
):
    app.config.update(ICE_SERVERS=TURN, TURN_SECRET="s3cret")
    token = activated(app, client, acme.laptop)["token"]
    before = client.get(f"{API}/config", headers=bearer(token)).get_json()

    app.config["ICE_TRANSPORT_POLICY"] = "relay"
    after = client.get(f"{API}/config", headers=bearer(token)).get_json()

    assert (before["sip"]["ice_transport_policy"], after["sip"]["ice_transport_policy"]) == (
        "all",
        "relay",
    )
    assert after["etag"] != before["etag"]
