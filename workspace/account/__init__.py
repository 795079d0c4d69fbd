"""Account-wide settings an admin can change: the account's name and its feature switches."""
