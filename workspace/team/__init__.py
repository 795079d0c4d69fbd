"""The team: the admins of an account, their roles, and invitations by email."""
