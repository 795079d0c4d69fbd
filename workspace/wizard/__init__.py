"""The contact Setup Wizard: a contact, its numbers, device and call flow in one request."""
