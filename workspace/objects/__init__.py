"""Workspace objects, tabs and cables; ``types`` holds one module per object type."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Answer the questions other packages ask of the canvas (workspace.signals)."""
    from workspace.objects import placements

    placements.subscribe()
