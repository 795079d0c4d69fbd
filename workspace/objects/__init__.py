"""Workspace objects, tabs and cables; ``types`` holds one module per object type."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Answer the questions other packages ask of the canvas (workspace.signals), and push the
    draft's problems off the request (validation_push)."""
    from workspace.objects import placements, validation_push

    placements.subscribe()
    validation_push.init_app(app)
