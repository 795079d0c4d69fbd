"""The team: the admins of an account, their roles, and invitations by email."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    from workspace.team import api as team_api

    api.register_blueprint(team_api.blp)
