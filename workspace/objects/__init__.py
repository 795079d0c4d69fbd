"""Workspace objects, tabs and cables; ``types`` holds one module per object type."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    """The canvas APIs and socket handlers (declared on import); answer the questions other
    packages ask of the canvas (workspace.signals), and push the draft's problems off the
    request (validation_push)."""
    from workspace.objects import api as objects_api
    from workspace.objects import (
        draft_cache,
        facts_cache,
        facts_state,  # noqa: F401  (the facts version's session hooks)
        placements,
        publishing_api,
        sockets,  # noqa: F401  (join_tab, drag, ...)
        validation_push,
    )
    from workspace.objects import objects_api as canvas_api

    for blp in (
        objects_api.types_blp,
        objects_api.tabs_blp,
        objects_api.workspace_blp,
        canvas_api.objects_blp,
        canvas_api.cables_blp,
        publishing_api.blp,
        publishing_api.revisions_blp,
    ):
        api.register_blueprint(blp)

    facts_cache.init_app(app)
    draft_cache.init_app(app)
    placements.subscribe()
    validation_push.init_app(app)
