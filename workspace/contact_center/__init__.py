"""The contact center: providers, SIP accounts, numbers, contacts, contact methods,
devices, feature codes, audio files and delivery methods. One subpackage per resource,
each with models.py, schemas.py, service.py and api.py."""
