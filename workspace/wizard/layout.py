"""Where the wizard puts its objects: one row, left to right, below what the tab holds.

Entries (phone number, internal number) stack in the first column, the ring group follows,
then the contact method, as the guide's Simple Call Flow Setup draws them. A second run on
the same tab starts below the lowest object, so nothing overlaps.
"""

from __future__ import annotations

from workspace.extensions import db
from workspace.objects.models import WorkspaceObject

COLUMN = 320  # a card is 232 px wide (frontend/src/nodes/nodes.css); the rest is cable room
ENTRY_ROW = 180  # from one entry card's top to the next (an entry card is ~120 px high)
CARD_HEIGHT = 220  # the tallest card (a ring group) with room to spare
GAP = 80  # between the lowest card already there and the new row


def origin(tab_id: int) -> tuple[float, float]:
    """Top-left of the new block: under the tab's objects, aligned with the leftmost one."""
    low_x, low_y = db.session.execute(
        db.select(db.func.min(WorkspaceObject.x), db.func.max(WorkspaceObject.y)).where(
            WorkspaceObject.tab_id == tab_id
        )
    ).one()
    if low_x is None:
        return 0.0, 0.0
    return float(low_x), float(low_y) + CARD_HEIGHT + GAP


def positions(tab_id: int, *, with_internal: bool) -> dict[str, dict[str, float]]:
    """{"phone_number", "internal_number" (if any), "ring_group", "contact_method"}: x, y."""
    x, y = origin(tab_id)
    middle = y + ENTRY_ROW / 2 if with_internal else y
    placed = {
        "phone_number": {"x": x, "y": y},
        "ring_group": {"x": x + COLUMN, "y": middle},
        "contact_method": {"x": x + 2 * COLUMN, "y": middle},
    }
    if with_internal:
        placed["internal_number"] = {"x": x, "y": y + ENTRY_ROW}
    return placed
