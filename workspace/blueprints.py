"""The app shell's own blueprints: health, the public activation page, the docs' assets and the
SPA. Each package registers its API itself, in its ``init_app`` (workspace.PACKAGES)."""

from __future__ import annotations

from flask import Flask

from workspace import activate_page, docs_assets, health, spa


def register_shell_blueprints(app: Flask) -> None:
    app.register_blueprint(health.bp)
    app.register_blueprint(activate_page.bp)  # public: GET /activate
    app.register_blueprint(docs_assets.bp)
    app.register_blueprint(spa.bp)  # last: its catch-all route must not shadow the API
