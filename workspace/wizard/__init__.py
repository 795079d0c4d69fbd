"""The contact Setup Wizard: a contact, its numbers, device and call flow in one request."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    from workspace.wizard import api as wizard_api

    api.register_blueprint(wizard_api.blp)
