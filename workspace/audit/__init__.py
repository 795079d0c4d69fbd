"""The audit log: who changed what, when, from where; captured from the ORM, read-only."""
