"""Each package sets itself up (workspace.PACKAGES, ``init_app(app, api)``): nothing central
lists blueprints, models or commands, so none can be forgotten there."""

from __future__ import annotations

import importlib
import pkgutil

from flask_smorest import Blueprint

import workspace
from workspace import PACKAGES


def _api_blueprints() -> dict[str, Blueprint]:
    """Every flask-smorest Blueprint defined at module level anywhere in workspace."""
    found: dict[str, Blueprint] = {}
    for info in pkgutil.walk_packages(workspace.__path__, "workspace."):
        if ".kemi" in info.name or info.name.endswith("__main__"):
            continue  # Kamailio's routing imports KSR, which only Kamailio has
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, Blueprint):
                found[value.name] = value
    return found


def test_when_app_is_built_then_every_api_blueprint_of_every_package_is_registered(app):
    registered = set(app.blueprints)
    missing = sorted(set(_api_blueprints()) - registered)
    assert missing == []


def test_when_a_package_is_listed_then_it_sets_itself_up_with_init_app():
    for name in PACKAGES:
        assert callable(importlib.import_module(name).init_app), name


def test_when_app_is_built_then_packages_add_their_own_cli_commands(app):
    assert {"audit-prune", "worker", "sip", "db"} <= set(app.cli.commands)
