"""Workspace objects, tabs and cables; ``types`` holds one module per object type."""
