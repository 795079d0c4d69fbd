"""The demo account is a working tour: contacts, devices and a published call flow."""

from __future__ import annotations

from tests.support import ApiClient
from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_account


def test_when_demo_created_twice_with_reset_then_one_tour_with_published_flow(app):
    with app.app_context():
        create_demo_account()
        create_demo_account(reset=True)
    api = ApiClient(app.test_client())
    api.login(DEMO_EMAIL, DEMO_PASSWORD)
    contacts = api.get("/api/v1/contacts").get_json()
    assert contacts["total"] == 3
    assert api.get("/api/v1/devices").get_json()["total"] == 3
    revisions = api.get("/api/v1/revisions").get_json()
    items = revisions["items"] if isinstance(revisions, dict) else revisions
    assert [r["number"] for r in items] == [2, 1]
    simulated = api.post("/api/v1/simulate", json={"number": "+14155550100"})
    assert simulated.status_code == 200, simulated.get_json()
    assert simulated.get_json()["found"] is True
    assert len(simulated.get_json()["rings"]) == 3
    # Nobody answers the team: revision 2 forwards to the on-call mobile.
    assert simulated.get_json()["outcome"] == "forwarded"


def test_when_demo_created_without_reset_then_existing_one_is_kept(app):
    with app.app_context():
        first = create_demo_account()
        again = create_demo_account()
        assert first.id == again.id


def _demo_api(app) -> ApiClient:
    api = ApiClient(app.test_client())
    api.login(DEMO_EMAIL, DEMO_PASSWORD)
    return api


def _by_name(items: list[dict]) -> dict[str, dict]:
    return {item["name"]: item for item in items}


def test_when_mail_has_nowhere_to_go_then_devices_wait_and_nothing_is_delivered(app):
    with app.app_context():
        create_demo_account()
    api = _demo_api(app)
    devices = _by_name(api.get("/api/v1/devices").get_json()["items"])
    assert devices["Mike's laptop"]["status"] == "online"
    assert devices["Sarah's laptop"]["status"] == "not_activated"
    assert devices["Sarah's laptop"]["sub_status"] is None
    assert api.get("/api/v1/recordings").get_json()["total"] == 0


def test_when_mail_goes_to_the_outbox_then_instructions_are_sent_and_recordings_delivered(
    app, tmp_path
):
    app.config["MAIL_OUTBOX_DIR"] = str(tmp_path / "outbox")
    with app.app_context():
        create_demo_account()
    api = _demo_api(app)
    devices = _by_name(api.get("/api/v1/devices").get_json()["items"])
    assert devices["Mike's laptop"]["status"] == "online"
    assert devices["Sarah's laptop"]["sub_status"] == "instructions_sent"
    assert devices["Omar's laptop"]["status"] == "not_activated"
    recordings = api.get("/api/v1/recordings").get_json()["items"]
    assert [r["status"] for r in recordings] == ["delivered", "delivered"]
    mails = sorted((tmp_path / "outbox").glob("*.eml"))
    texts = [m.read_bytes() for m in mails]
    assert len(mails) == 3  # Sarah's instructions and the two recordings
    assert sum(b"audio/" in t or b"audio%2F" in t for t in texts) == 2
    assert not list((tmp_path / "outbox").glob(".*.part"))


def test_when_demo_created_then_calls_page_shows_answered_missed_and_cancelled_calls(app):
    with app.app_context():
        create_demo_account()
    api = _demo_api(app)
    calls = api.get("/api/v1/calls").get_json()["items"]
    assert sorted(c["cause"] for c in calls) == [
        "answered",
        "answered",
        "caller_cancel",
        "no_answer",
    ]
    assert all(c["state"] == "ended" for c in calls)
    answered = next(c for c in calls if c["route"] == "+14155550100" and c["cause"] == "answered")
    assert answered["answered_by"]["contact"]["name"] == "Mike Brown" and answered["talk_s"] > 0
    per_revision = api.get("/api/v1/calls/revisions").get_json()["items"]
    assert per_revision == [{"revision": 2, "calls": 4}]


def test_when_the_support_line_is_called_then_office_hours_and_the_blacklist_decide(app):
    with app.app_context():
        create_demo_account()
    api = _demo_api(app)
    [schedule] = api.get("/api/v1/schedules").get_json()["items"]
    assert (schedule["name"], schedule["time_zone"]) == ("Office hours", "America/Los_Angeles")
    assert [h["name"] for h in schedule["holidays"]] == ["Christmas"]
    assert [u["name"] for u in schedule["used_by"]] == ["Office hours?"]

    def call(at: str, caller: str = "+14155550000") -> dict:
        body = {"number": "+14155550199", "caller": caller, "at": at}
        response = api.post("/api/v1/simulate", json=body)
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    open_hours = call("2026-12-07T10:00:00-08:00")  # a Monday morning in San Francisco
    assert len(open_hours["rings"]) == 3
    evening = call("2026-12-07T20:00:00-08:00")
    assert evening["outcome"] == "forwarded"
    assert evening["forwarded_to"]["number"] == "+14155550188"
    assert call("2026-12-24T10:00:00-08:00")["outcome"] == "forwarded"  # Christmas
    blocked = call("2026-12-07T10:00:00-08:00", caller="+19005550100")
    assert (blocked["outcome"], blocked["rejected"]["code"]) == ("rejected", 403)
    week = api.post(
        "/api/v1/simulate/week",
        json={"number": "+14155550199", "week": "2026-12-07", "time_zone": "America/Los_Angeles"},
    ).get_json()
    assert sorted(e["hours"] for e in week["endings"]) == [40, 128]


def test_when_demo_created_then_a_draft_waits_with_its_preview_and_a_name_from_its_number(app):
    with app.app_context():
        create_demo_account()
    api = ApiClient(app.test_client())
    api.login(DEMO_EMAIL, DEMO_PASSWORD)
    pending = api.get("/api/v1/workspace/pending").get_json()
    assert (pending["published_revision"], pending["count"]) == (2, 2)
    preview = api.get("/api/v1/workspace/publish-preview").get_json()
    assert preview["can_publish"] is True
    added = [c["name"] for c in preview["changes"] if c["kind"] == "object"]
    assert added == ["+1 415 555 0142"]
    assert len(preview["devices"]) == 3
    assert all("+14155550142" in d["after"] for d in preview["devices"])
    diff = api.get("/api/v1/revisions/1/diff/2").get_json()
    [group] = diff["objects"]["changed"]
    assert {c["field"] for c in group["changes"]} == {"properties.members", "properties.preset"}


def test_when_the_demo_is_built_then_omars_saved_caller_id_is_live_without_a_publish(app):
    # The demo saves Omar's caller ID name after its last publish: settings take effect on
    # save, so the SIP server's plan has it while the stored revision still has the old one.
    from workspace.contact_center.contacts.models import Contact
    from workspace.device_api.sip_plan import sip_plan
    from workspace.extensions import db
    from workspace.objects.models import Revision

    with app.app_context():
        account = create_demo_account().account_id
        omar = db.session.execute(
            db.select(Contact).where(Contact.account_id == account, Contact.first_name == "Omar")
        ).scalar_one()
        plan = sip_plan(account)
        names = {
            entry["caller_id"]["name"]
            for entry in {**plan["devices"], **plan["other_devices"]}.values()
            if entry["contact"] == omar.id
        }
        stored = db.session.execute(
            db.select(Revision).where(
                Revision.account_id == account, Revision.number == plan["revision"]
            )
        ).scalar_one()
        was = {
            entry["caller_id"]["name"]
            for entry in stored.plan["devices"].values()
            if entry["contact"] == omar.id
        }
    assert names == {"Omar H. (Support)"} and was == {"Omar Haddad"}
