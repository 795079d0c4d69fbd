"""The activation instructions, as the user guide gives them, in one place.

The portal page, the instructions email and the public /activate page all show this text,
so an admin and the app user read the same steps. Plain data: each consumer lays it out.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["INSTRUCTIONS", "instructions"]


INSTRUCTIONS: dict[str, Any] = {
    "title": "Activating the call.center app",
    "intro": (
        "The call.center app should already be installed on your phone, tablet or computer. "
        "Activate it with one of these options: Click to Activate, scanning the QR code, or "
        "entering the activation code manually. Which one to use depends on whether the app "
        "is installed on the device showing these instructions or on another (remote) device."
    ),
    "methods": [
        {
            "key": "click",
            "title": "Click to Activate",
            "when": (
                "Recommended when the call.center app is installed on the same device that "
                "shows these instructions."
            ),
            "steps": [
                "Click the Click to Activate button in these instructions.",
                "The call.center app opens on this device and completes the activation "
                "automatically.",
            ],
        },
        {
            "key": "qr",
            "title": "Scan the QR code",
            "when": (
                "Recommended when the app is on a handheld device but these instructions are "
                "shown on another screen."
            ),
            "steps": [
                "Open the call.center app on the device.",
                "Press the QR scanner icon and scan the QR code shown here or attached to the "
                "activation email.",
            ],
            "note": "The QR scanner is available on macOS, Android and Windows.",
        },
        {
            "key": "code",
            "title": "Enter the activation code",
            "when": "When the other options cannot be used.",
            "steps": [
                "Open the call.center app.",
                "Enter the activation code from the activation email or the management "
                "portal; you can copy it and paste it into the app.",
                "Click Activate to complete the activation.",
            ],
        },
    ],
    "send": (
        "If the app is installed on another (remote) device, send these instructions, with the "
        "activation code, to one of the contact's email addresses. The recipient can use every "
        "activation option. Once sent, the device shows the sub-status Instructions sent and "
        "the code is hidden here to prevent unintended use."
    ),
    "reset": (
        "Reset the activation code to deactivate a device, to cancel a pending activation, or "
        "for security reasons. The old code stops working at once and a new one can be sent. "
        "Resetting the code of an activated device deactivates it."
    ),
}


def instructions() -> dict[str, Any]:
    """A copy of the instructions, safe for a caller to change."""
    return copy.deepcopy(INSTRUCTIONS)
