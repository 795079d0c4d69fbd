"""Account-wide settings an admin can change: the account's name and its feature switches."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    from workspace.account import api as account_api

    api.register_blueprint(account_api.blp)
