"""What changed, announced after commit, for the packages that care to subscribe.

A service sends a signal right after ``db.session.commit()`` (never before, so a refused or
rolled-back change announces nothing), the way it emits its Socket.IO events. The sender
knows nothing of the subscribers, so the lower packages (contact_center) do not import the
higher ones (objects, device_api) that react to them; see tests/unit/test_import_cycles.py.
Signals are blinker's, which Flask ships.

After commit:

- ``devices_may_change(sender=account_id, reason=str)``: something in the account that feeds
  its devices' configs changed (a publish or rollback, a SIP account, provider, number,
  feature code, contact, call.center settings or device). ``reason`` is for logs only.
  Subscriber: workspace.device_api.recompute (recomputes config hashes off the request).
- ``draft_facts_changed(sender=account_id, reason=str)``: a row the draft is validated and
  compiled against changed, and nothing else announces it (a schedule: its edit waits for a
  publish). Subscriber: workspace.objects.validation_push (revalidates the draft and sends the
  pending count).
- ``device_token_revoked(sender=device_id)``: a device was reset or deleted, so its token no
  longer works. Subscriber: workspace.device_api (closes the device's open sockets).

Inside the transaction, so that what a receiver adds commits or rolls back with the change:

- ``draft_written(sender=account_id, action="import"|"restore", details={...})``: a service
  wrote a whole draft with bulk INSERTs (an import, a rollback's restore), which the audit's
  per-row capture does not see; ``details`` says what was written (counts of tabs, objects
  and cables, the import's mode, the revision restored). Subscriber: workspace.audit (one
  entry for the whole draft).

A question, asked inside the transaction (the one signal whose receivers answer):

- ``contact_methods_placed(sender=account_id, method_ids=[...])``: each receiver returns the
  things that use these contact methods, ``[{"type", "id", "name"}]``; a contact or method
  that is in use is not deleted. Subscriber: workspace.objects (the canvas objects).
- ``rows_referenced(sender=account_id, collection="schedules", ids=[...])``: the same question
  for any facts collection an object type references (a Time Router's schedule).
- ``numbers_placed(sender=account_id, kind="phone"|"internal", number_id=int)``: the same
  question for an inventory number (the Phone Number and Internal Number cards placing it).
"""

from __future__ import annotations

from typing import Any

from blinker import Namespace

__all__ = [
    "announce_devices_may_change",
    "announce_draft_written",
    "contact_methods_placed",
    "devices_may_change",
    "device_token_revoked",
    "draft_facts_changed",
    "draft_written",
    "numbers_placed",
    "rows_referenced",
    "users_of_contact_methods",
    "users_of_number",
    "users_of_rows",
]

_signals = Namespace()

devices_may_change = _signals.signal("devices-may-change")
device_token_revoked = _signals.signal("device-token-revoked")
draft_facts_changed = _signals.signal("draft-facts-changed")
draft_written = _signals.signal("draft-written")
contact_methods_placed = _signals.signal("contact-methods-placed")
rows_referenced = _signals.signal("rows-referenced")
numbers_placed = _signals.signal("numbers-placed")


def announce_devices_may_change(account_id: int, reason: str) -> None:
    """Send ``devices_may_change`` for the account. Call after the commit."""
    devices_may_change.send(account_id, reason=reason)


def announce_draft_written(account_id: int, action: str, details: dict[str, Any]) -> None:
    """Send ``draft_written`` for the account. Call inside the transaction, before commit."""
    draft_written.send(account_id, action=action, details=details)


def users_of_contact_methods(account_id: int, method_ids: list[int]) -> list[dict[str, Any]]:
    """What every subscriber says uses these contact methods (empty: nothing does)."""
    if not method_ids:
        return []
    answers = contact_methods_placed.send(account_id, method_ids=method_ids)
    return [user for _, users in answers for user in users]


def users_of_rows(account_id: int, collection: str, ids: list[int]) -> list[dict[str, Any]]:
    """What every subscriber says references these rows of ``collection`` (empty: nothing)."""
    if not ids:
        return []
    answers = rows_referenced.send(account_id, collection=collection, ids=ids)
    return [user for _, users in answers for user in users]


def users_of_number(account_id: int, kind: str, number_id: int) -> list[dict[str, Any]]:
    """What every subscriber says places this inventory number (empty: nothing does)."""
    answers = numbers_placed.send(account_id, kind=kind, number_id=number_id)
    return [user for _, users in answers for user in users]
