"""The built draft kept between pushed validations (workspace.objects.draft_cache): after any
sequence of edits it holds what a fresh read and build give, it reads only the changed rows
when the journal (workspace.objects.draft_journal) allows, and reads everything when not."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import delete, insert, select, update

from tests.conftest import base_config
from tests.factories_publishing import PUBLISH, simple_call_flow
from tests.factories_workspace import (
    CABLES,
    OBJECTS,
    TABS,
    if_match,
    new_cable,
    new_object,
    new_tab,
)
from tests.support import statements
from workspace import create_app
from workspace.extensions import db
from workspace.graph import compile_plan, validate
from workspace.objects import draft_journal
from workspace.objects.draft import graph_of, load_draft
from workspace.objects.draft_cache import cached_draft, draft_cache
from workspace.objects.draft_journal import changes_between
from workspace.objects.facts import load_facts
from workspace.objects.facts_cache import cached_facts
from workspace.objects.models import (
    Cable,
    DraftChange,
    Revision,
    WorkspaceObject,
    WorkspaceState,
)
from workspace.objects.state import bump_draft_version
from workspace.objects.types import REGISTRY

# out port -> types whose "calls" input takes it (every exit carries calls)
_ROUTING = ("ring_group", "contact_method", "forward", "time_router", "blacklist")
_EXITS = {
    "phone_number": ["calls"],
    "internal_number": ["calls"],
    "ring_group": ["members", "no_answer"],
}


def _graph_rows(G):
    nodes = [(n, dict(data)) for n, data in G.nodes(data=True)]
    edges = sorted((s, t, k, dict(d)) for s, t, k, d in G.edges(keys=True, data=True))
    return nodes, edges


def _assert_cache_is_fresh(app, account_id: int) -> dict:
    """The cached draft, its graph and its problems equal a fresh read and build; returns how
    the cache got there."""
    with app.app_context():
        # the facts the push validated with, and the version it kept them under
        facts, facts_version = cached_facts(account_id, directory=False)
        with cached_draft(account_id) as draft:
            snapshot = draft.snapshot()
            problems = draft.problems(facts, facts_version)  # as pushed: what changed only
            graph = _graph_rows(draft.graph_for(facts))
            reads = dict(draft.reads)
        fresh = load_draft(account_id)
        fresh_graph = graph_of(fresh, facts)
        assert snapshot == fresh
        assert graph == _graph_rows(fresh_graph)
        assert problems == validate(fresh_graph, types=REGISTRY, facts=facts)
        db.session.rollback()
    return reads


def _cabled_pair(app, admin_client, account_id: int) -> tuple[dict, dict, dict]:
    """A phone number cabled to a ring group, the cache brought to them: (number, group,
    cable)."""
    tab = new_tab(admin_client, "Main")
    number = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"], "ring_group")
    cable = new_cable(admin_client, number["id"], "calls", group["id"], "calls")
    _assert_cache_is_fresh(app, account_id)
    return number, group, cable


# ---- when it must read everything -----------------------------------------------------------


def test_when_a_bulk_write_moves_the_version_then_the_whole_draft_is_read(app, admin, admin_client):
    tab = new_tab(admin_client, "Main")
    number = new_object(admin_client, tab["id"], "phone_number")
    group = new_object(admin_client, tab["id"], "ring_group")
    _assert_cache_is_fresh(app, admin["account_id"])
    with app.app_context():  # a write the journal cannot tell: no entry for its version
        db.session.execute(
            insert(Cable).values(
                account_id=admin["account_id"],
                source_id=number["id"],
                source_port="calls",
                target_id=group["id"],
                target_port="calls",
                version=1,
            )
        )
        db.session.execute(
            update(WorkspaceState)
            .where(WorkspaceState.account_id == admin["account_id"])
            .values(draft_version=WorkspaceState.draft_version + 1)
        )
        db.session.commit()
    assert _assert_cache_is_fresh(app, admin["account_id"]) == {"full": 1}


def test_when_a_cable_goes_unseen_then_the_counts_catch_it(app, admin, admin_client):
    _, group, cable = _cabled_pair(app, admin_client, admin["account_id"])
    with app.app_context():  # past the session: neither the journal nor the hooks see it
        db.session.connection().execute(delete(Cable.__table__).where(Cable.id == cable["id"]))
        db.session.commit()
    admin_client.patch(f"{OBJECTS}/{group['id']}", json={"name": "Sales"}, headers=if_match(group))
    assert _assert_cache_is_fresh(app, admin["account_id"]) == {"full": 1}


def test_when_an_edit_rolls_back_then_the_journal_has_nothing_of_it(app, admin, admin_client):
    tab = new_tab(admin_client, "Main")
    group = new_object(admin_client, tab["id"], "ring_group")
    with app.app_context():
        version = bump_draft_version(admin["account_id"])
        db.session.get(WorkspaceObject, group["id"]).name = "Never"
        db.session.flush()
        db.session.rollback()
        assert changes_between(admin["account_id"], version - 1, version) is None
        # the same edit committed is in the journal
        version = bump_draft_version(admin["account_id"])
        db.session.get(WorkspaceObject, group["id"]).name = "Kept"
        db.session.commit()
        (change,) = changes_between(admin["account_id"], version - 1, version)
        assert change.objects == {group["id"]} and not change.cables


def test_when_the_account_is_given_out_again_then_the_old_draft_is_not_met(
    app, admin, admin_client
):
    tab = new_tab(admin_client, "Main")
    new_object(admin_client, tab["id"], "ring_group")
    _assert_cache_is_fresh(app, admin["account_id"])
    with app.app_context():
        entry = draft_cache(app).get(admin["account_id"])
        entry.created_at = "another account"  # as if the id had been given out again
    assert _assert_cache_is_fresh(app, admin["account_id"]) == {"full": 1}


def test_when_a_rollback_restores_the_draft_then_it_is_read_whole(app, admin, admin_client):
    with app.app_context():
        flow = simple_call_flow(admin["account_id"])
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    phone = admin_client.get(f"{OBJECTS}/{flow['o_phone']}").get_json()
    admin_client.delete(f"{OBJECTS}/{phone['id']}", headers=if_match(phone))
    _assert_cache_is_fresh(app, admin["account_id"])
    response = admin_client.post("/api/v1/revisions/1/rollback", json={})
    assert response.status_code in (200, 201), response.get_json()
    assert _assert_cache_is_fresh(app, admin["account_id"]) == {"full": 1}


def test_when_an_import_merges_rows_then_its_version_has_no_entry_and_all_is_read(
    app, admin, admin_client
):
    # Without ring groups a merge runs no statement the journal's hooks see (on PostgreSQL the
    # rows go in by COPY): only draft_restore's own mark keeps an empty entry out.
    _cabled_pair(app, admin_client, admin["account_id"])
    document = admin_client.get("/api/v1/workspace/export").get_json()
    document["objects"] = [o for o in document["objects"] if o["type"] != "ring_group"]
    document["cables"] = []
    document["tabs"] = [{**t, "name": "Imported"} for t in document["tabs"]]
    body = {"document": document, "mode": "merge"}
    response = admin_client.post("/api/v1/workspace/import", json=body)
    assert response.status_code == 200, response.get_json()
    version = response.get_json()["draft_version"]
    with app.app_context():
        assert changes_between(admin["account_id"], version - 1, version) is None
    assert _assert_cache_is_fresh(app, admin["account_id"]) == {"full": 1}


# ---- what it reads --------------------------------------------------------------------------


def test_when_another_process_made_the_versions_then_it_reads_only_their_rows(
    app, admin, admin_client, tmp_path
):
    # A second app on the same database stands for a second server process (gunicorn worker):
    # its own kept draft, the journal shared through the database.
    other = create_app(base_config(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "other"))
    _, group, _ = _cabled_pair(app, admin_client, admin["account_id"])
    assert _assert_cache_is_fresh(other, admin["account_id"]) == {"full": 1}
    admin_client.patch(f"{OBJECTS}/{group['id']}", json={"name": "Sales"}, headers=if_match(group))
    with other.app_context():  # what the other process reads: the entry in the database
        version = db.session.get(WorkspaceState, admin["account_id"]).draft_version
        stored = db.session.get(DraftChange, (admin["account_id"], version))
        assert (stored.tabs, stored.objects, stored.cables) == ([], [group["id"]], [])
    assert _assert_cache_is_fresh(other, admin["account_id"]) == {"objects": 1, "cables": 0}


def test_when_versions_pile_up_then_only_the_last_ones_are_kept(
    app, admin, admin_client, monkeypatch
):
    monkeypatch.setattr(draft_journal, "KEEP_VERSIONS", 3)
    monkeypatch.setattr(draft_journal, "PRUNE_EVERY", 2)
    tab = new_tab(admin_client, "Main")
    group = new_object(admin_client, tab["id"], "ring_group")
    for name in ("A", "B", "C", "D", "E"):
        group = admin_client.patch(
            f"{OBJECTS}/{group['id']}", json={"name": name}, headers=if_match(group)
        ).get_json()
    with app.app_context():
        version = db.session.get(WorkspaceState, admin["account_id"]).draft_version
        kept = db.session.execute(
            select(DraftChange.version).where(DraftChange.account_id == admin["account_id"])
        ).scalars()
        last_pruned = version - version % 2  # pruned then: everything 3 or more versions back
        assert sorted(kept) == list(range(last_pruned - 2, version + 1))
        assert changes_between(admin["account_id"], 0, version) is None  # the start is gone


def test_when_one_cable_is_deleted_then_only_that_cable_is_read(app, admin, admin_client):
    _, _, cable = _cabled_pair(app, admin_client, admin["account_id"])
    assert (
        admin_client.delete(f"{CABLES}/{cable['id']}", headers=if_match(cable)).status_code == 204
    )
    assert _assert_cache_is_fresh(app, admin["account_id"]) == {"objects": 0, "cables": 1}


def test_when_an_object_is_deleted_then_it_and_its_cables_are_read(app, admin, admin_client):
    _, group, _ = _cabled_pair(app, admin_client, admin["account_id"])
    admin_client.delete(f"{OBJECTS}/{group['id']}", headers=if_match(group))
    assert _assert_cache_is_fresh(app, admin["account_id"]) == {"objects": 1, "cables": 1}


@pytest.mark.parametrize("seed", range(6))
def test_when_random_edits_follow_each_other_then_the_cache_equals_a_fresh_build(
    app, admin, admin_client, seed
):
    """Differential: after every edit of a random sequence (objects of each kind added,
    renamed, moved, moved to another tab, deleted; cables added and deleted; tabs added and
    deleted), the cached draft, graph and problems equal a fresh read's."""
    rng = random.Random(seed)
    api = admin_client
    tabs = [new_tab(api, "Main")]
    objects: dict[int, dict] = {}
    cables: dict[int, dict] = {}
    incremental = 0

    def refresh(item_id: int) -> dict:
        return api.get(f"{OBJECTS}/{item_id}").get_json()

    for _ in range(30):
        action = rng.choice(
            ["object"] * 4
            + ["cable"] * 5
            + ["uncable"] * 2
            + ["rename", "move", "retab"]
            + ["delete", "tab", "untab"]
        )
        if action == "object" or not objects:
            kind = rng.choice(["phone_number", "internal_number", "ring_group", *_ROUTING])
            made = new_object(api, rng.choice(tabs)["id"], kind, x=rng.randint(0, 900))
            objects[made["id"]] = made
        elif action == "cable":
            sources = [o for o in objects.values() if o["type"] in _EXITS]
            targets = [o for o in objects.values() if o["type"] in _ROUTING]
            same = [(s, t) for s in sources for t in targets if s["tab_id"] == t["tab_id"]]
            if not same:
                continue
            source, target = rng.choice(same)
            response = api.post(
                CABLES,
                json={
                    "source": source["id"],
                    "source_port": rng.choice(_EXITS[source["type"]]),
                    "target": target["id"],
                    "target_port": "calls",
                },
            )
            if response.status_code == 201:  # a port rule may refuse: that changes nothing
                cables[response.get_json()["id"]] = response.get_json()
        elif action == "uncable" and cables:
            cable = cables.pop(rng.choice(sorted(cables)))
            api.delete(f"{CABLES}/{cable['id']}", headers=if_match(cable))
        elif action == "rename":
            item = refresh(rng.choice(sorted(objects)))
            api.patch(
                f"{OBJECTS}/{item['id']}",
                json={"name": f"N{rng.randint(1, 99)}"},
                headers=if_match(item),
            )
        elif action == "move":
            item_id = rng.choice(sorted(objects))
            api.patch(f"{OBJECTS}/{item_id}/position", json={"x": rng.randint(0, 900), "y": 5})
        elif action == "retab" and len(tabs) > 1:
            item = refresh(rng.choice(sorted(objects)))
            response = api.patch(
                f"{OBJECTS}/{item['id']}",
                json={"tab_id": rng.choice(tabs)["id"]},
                headers=if_match(item),
            )
            if response.status_code == 200:
                objects[item["id"]] = response.get_json()
        elif action == "delete":
            item = refresh(objects.pop(rng.choice(sorted(objects)))["id"])
            api.delete(f"{OBJECTS}/{item['id']}", headers=if_match(item))
            cables = {
                i: c for i, c in cables.items() if item["id"] not in (c["source"], c["target"])
            }
        elif action == "tab":
            tabs.append(new_tab(api))
        elif action == "untab" and len(tabs) > 1:
            tab = tabs.pop(rng.randrange(1, len(tabs)))
            tab = api.get(f"{TABS}/{tab['id']}").get_json()
            api.delete(f"{TABS}/{tab['id']}?confirm=true", headers=if_match(tab))
            gone = {i for i, o in objects.items() if o["tab_id"] == tab["id"]}
            objects = {i: o for i, o in objects.items() if i not in gone}
            cables = {i: c for i, c in cables.items() if not {c["source"], c["target"]} & gone}
        reads = _assert_cache_is_fresh(app, admin["account_id"])
        incremental += "full" not in reads
    assert incremental >= 20  # the journal carried most edits: the shortcut was tested


# ---- publishing from it ---------------------------------------------------------------------


def _reads_whole_objects_table(sent: list[str]) -> bool:
    return any(
        "FROM workspace_objects" in statement and " IN (" not in statement.upper()
        for statement in sent
        if statement.lstrip().upper().startswith("SELECT")
    )


def test_when_published_after_an_edit_then_the_kept_draft_gives_what_a_fresh_read_gives(
    app, admin, admin_client
):
    account = admin["account_id"]
    with app.app_context():
        flow = simple_call_flow(account)
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    group = admin_client.get(f"{OBJECTS}/{flow['o_group']}").get_json()
    admin_client.patch(
        f"{OBJECTS}/{group['id']}", json={"name": "Support"}, headers=if_match(group)
    )
    with statements(app) as sent:
        response = admin_client.post(PUBLISH, json={"message": "v2"})
    assert response.status_code == 201, response.get_json()
    assert not _reads_whole_objects_table(sent)  # only the edited rows were read
    with app.app_context():
        revision = db.session.execute(
            db.select(Revision).where(Revision.account_id == account, Revision.number == 2)
        ).scalar_one()
        fresh = load_draft(account)
        facts = load_facts(account)
        G = graph_of(fresh, facts)
        problems = validate(G, types=REGISTRY, facts=facts)
        plan = compile_plan(G, types=REGISTRY, facts=facts, problems=problems)
        assert revision.snapshot == fresh
        assert revision.hash == plan["hash"]
        assert revision.warnings == problems
        assert "Support" in {o["name"] for o in revision.snapshot["objects"]}


def test_when_a_publish_is_refused_then_the_kept_draft_still_serves_the_next_one(
    app, admin, admin_client
):
    account = admin["account_id"]
    with app.app_context():
        flow = simple_call_flow(account)
    phone = admin_client.get(f"{OBJECTS}/{flow['o_phone']}").get_json()
    cables = [c for c in admin_client.get(CABLES).get_json()["items"] if c["source"] == phone["id"]]
    admin_client.delete(f"{CABLES}/{cables[0]['id']}", headers=if_match(cables[0]))
    refused = admin_client.post(PUBLISH, json={"message": "no route"})
    assert refused.status_code == 422
    assert "entry.no_route" in {p["code"] for p in refused.get_json()["errors"]["graph"]}
    new_cable(admin_client, phone["id"], "calls", flow["o_group"], "calls")
    assert admin_client.post(PUBLISH, json={"message": "v1"}).status_code == 201
    assert _assert_cache_is_fresh(app, account) == {"objects": 0, "cables": 1}
