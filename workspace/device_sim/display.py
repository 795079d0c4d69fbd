"""How the device simulator shows a config: secrets masked, changes as dotted paths."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

__all__ = ["config_changes", "flatten", "mask_secrets", "summary"]

# Values of a "password" key that say how the device gets it, not the password itself.
PASSWORD_MODES = frozenset({"manual", "provisioned"})
SECRET_WORDS = ("password", "secret", "token")
MAX_CHANGES_SHOWN = 8


def mask_secrets(value: Any, key: str = "") -> Any:
    """A copy of `value` with every secret string replaced by "***".

    >>> mask_secrets({"lines": [{"password": "s3cret", "password_version": "ab12"}]})
    {'lines': [{'password': '***', 'password_version': 'ab12'}]}
    >>> mask_secrets({"password": "manual", "sip_password": "x"})
    {'password': 'manual', 'sip_password': '***'}
    """
    if isinstance(value, dict):
        return {k: mask_secrets(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_secrets(v, key) for v in value]
    if isinstance(value, str) and value and _is_secret_key(key) and value not in PASSWORD_MODES:
        return "***"
    return value


def _is_secret_key(key: str) -> bool:
    """ "password", "sip_password", "token"... but not "password_mode" or "password_version"."""
    lowered = key.lower()
    return any(lowered == word or lowered.endswith("_" + word) for word in SECRET_WORDS)


def flatten(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path, leaf) pairs: ``caller_id.external``, ``lines[0].username``."""
    if isinstance(value, dict) and value:
        for key in sorted(value):
            yield from flatten(value[key], f"{path}.{key}" if path else str(key))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from flatten(item, f"{path}[{index}]")
    else:
        yield path, value


def config_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What moved between two configs, one ``path old -> new`` per leaf (etag left out).

    >>> config_changes({"caller_id": {"external": "+14155550100"}, "etag": "a"},
    ...                {"caller_id": {"external": "+14155550199"}, "etag": "b"})
    ['caller_id.external +14155550100 -> +14155550199']
    """
    before = dict(flatten({k: v for k, v in old.items() if k != "etag"}))
    after = dict(flatten({k: v for k, v in new.items() if k != "etag"}))
    changes = []
    for path in sorted(before.keys() | after.keys()):
        if before.get(path, _MISSING) != after.get(path, _MISSING):
            changes.append(f"{path} {_show(before, path)} -> {_show(after, path)}")
    return changes


_MISSING = object()


def _show(leaves: dict[str, Any], path: str) -> str:
    if path not in leaves:
        return "(absent)"
    key = path.rsplit(".", 1)[-1].split("[", 1)[0]
    leaf = mask_secrets(leaves[path], key)
    return leaf if isinstance(leaf, str) else json.dumps(leaf)


def summary(changes: list[str]) -> str:
    """The changes for one output line: the first few, then how many more."""
    if not changes:
        return "nothing"
    shown = "; ".join(changes[:MAX_CHANGES_SHOWN])
    more = len(changes) - MAX_CHANGES_SHOWN
    return shown + (f"; +{more} more" if more > 0 else "")
