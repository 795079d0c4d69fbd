"""Schedules: an account's opening hours and holidays, shared by its Time Routers."""
