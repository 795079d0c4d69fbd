"""Every blueprint and Socket.IO namespace, registered in one place.

Socket.IO handler modules are imported here at module level, and create_app imports this
module before socketio.init_app: handlers declared after the first init_app would attach
to that first server only, and every later app (tests make many) would lack them.
"""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from workspace import activate_page, docs_assets, health, models, spa  # noqa: F401  (models: all tables known)
from workspace.account import api as account_api
from workspace.audit import api as activity_api
from workspace.auth import api as auth_api
from workspace.auth import sockets as auth_sockets  # noqa: F401  (the /workspace namespace)
from workspace.calls import api as calls_api
from workspace.contact_center.audio import api as audio_api
from workspace.contact_center.contacts import api as contacts_api
from workspace.contact_center.contacts import csv_api as contacts_csv_api
from workspace.contact_center.contacts import directory_api, method_api
from workspace.contact_center.delivery_methods import api as delivery_methods_api
from workspace.contact_center.devices import activation_api as device_activation_api
from workspace.contact_center.devices import api as devices_api
from workspace.contact_center.feature_codes import api as feature_codes_api
from workspace.contact_center.numbers import api as numbers_api
from workspace.contact_center.providers import api as providers_api
from workspace.contact_center.providers import sip_api
from workspace.contact_center.schedules import api as schedules_api
from workspace.delivery import api as recordings_api
from workspace.delivery import intake_api as recording_intake_api
from workspace.device_api import api as device_api
from workspace.device_api import sockets as device_sockets  # noqa: F401  (the /device namespace)
from workspace.objects import api as objects_api
from workspace.objects import objects_api as canvas_api
from workspace.objects import publishing_api
from workspace.objects import sockets as objects_sockets  # noqa: F401  (join_tab, drag, ...)
from workspace.team import api as team_api
from workspace.wizard import api as wizard_api

API_BLUEPRINTS = (
    auth_api.blp,
    account_api.blp,
    team_api.blp,
    activity_api.blp,
    contacts_csv_api.blp,  # before contacts: /contacts/export is not a contact id
    contacts_api.blp,
    method_api.blp,
    directory_api.blp,
    devices_api.blp,
    device_activation_api.blp,
    audio_api.blp,
    delivery_methods_api.blp,
    feature_codes_api.blp,
    schedules_api.blp,
    numbers_api.blp,
    providers_api.blp,
    sip_api.blp,
    objects_api.types_blp,
    objects_api.tabs_blp,
    objects_api.workspace_blp,
    canvas_api.objects_blp,
    canvas_api.cables_blp,
    publishing_api.blp,
    publishing_api.revisions_blp,
    device_api.blp,
    recording_intake_api.blp,
    recordings_api.blp,
    wizard_api.blp,
    calls_api.blp,
    calls_api.events_blp,
)


def register_blueprints(app: Flask, api: Api) -> None:
    for blp in API_BLUEPRINTS:
        api.register_blueprint(blp)
    app.register_blueprint(health.bp)
    app.register_blueprint(activate_page.bp)  # public: GET /activate
    app.register_blueprint(docs_assets.bp)
    app.register_blueprint(spa.bp)  # last: its catch-all route must not shadow the API
