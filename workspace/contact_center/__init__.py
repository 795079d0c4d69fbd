"""The contact center: providers, SIP accounts, numbers, contacts, contact methods,
devices, feature codes, audio files and delivery methods. One subpackage per resource,
each with models.py, schemas.py, service.py and api.py."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    """Every resource's API, in the order their routes must be tried."""
    from workspace.contact_center.audio import api as audio_api
    from workspace.contact_center.contacts import api as contacts_api
    from workspace.contact_center.contacts import csv_api, directory_api, method_api
    from workspace.contact_center.delivery_methods import api as delivery_methods_api
    from workspace.contact_center.devices import activation_api
    from workspace.contact_center.devices import api as devices_api
    from workspace.contact_center.feature_codes import api as feature_codes_api
    from workspace.contact_center.numbers import api as numbers_api
    from workspace.contact_center.providers import api as providers_api
    from workspace.contact_center.providers import sip_api
    from workspace.contact_center.schedules import api as schedules_api

    for blp in (
        csv_api.blp,  # before contacts: /contacts/export is not a contact id
        contacts_api.blp,
        method_api.blp,
        directory_api.blp,
        devices_api.blp,
        activation_api.blp,
        audio_api.blp,
        delivery_methods_api.blp,
        feature_codes_api.blp,
        schedules_api.blp,
        numbers_api.blp,
        providers_api.blp,
        sip_api.blp,
    ):
        api.register_blueprint(blp)
