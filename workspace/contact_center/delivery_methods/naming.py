"""The file name a recording is delivered under: from a template, always one safe name.

The name ends up on FTP servers, in cloud folders and as an email attachment, and parts of
it (numbers, contact names) come from callers. So every value, and then the whole result,
is reduced to a single path component: ASCII letters, digits and ``._+@=-``, no path
separators or control characters, no leading dot or dash, at most 200 characters, and the
extension kept.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import Any

DEFAULT_TEMPLATE = "{date}_{time}_{direction}_{from}_{to}.{ext}"
MAX_LENGTH = 200
FIELDS = (
    "date",
    "time",
    "direction",
    "scope",
    "from",
    "to",
    "local",
    "remote",
    "contact",
    "extension",
    "ext",
)

_UNSAFE = re.compile(r"[^A-Za-z0-9._+@=-]+")
_MIXED_RUNS = re.compile(r"[._]*_[._]*")
_DOTS = re.compile(r"\.{2,}")
_EXT = re.compile(r"^[A-Za-z0-9]{1,10}$")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\.|$)", re.IGNORECASE)


def safe_part(value: Any) -> str:
    """One value made safe: accents folded to ASCII, anything else unsafe becomes "_"."""
    text = unicodedata.normalize("NFKD", str(value if value is not None else ""))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = _MIXED_RUNS.sub("_", _UNSAFE.sub("_", text))  # "../" and "._." become one "_"
    return _DOTS.sub(".", text).strip("._")


def _values(meta: Mapping[str, Any]) -> dict[str, str]:
    started = meta.get("started_at")
    if not isinstance(started, datetime):
        started = datetime(1970, 1, 1)
    direction = str(meta.get("direction") or "")
    local = meta.get("local") or meta.get("extension") or ""
    remote = meta.get("remote") or ""
    outbound = direction == "outbound"
    values = {
        "date": started.strftime("%Y-%m-%d"),
        "time": started.strftime("%H-%M-%S"),
        "direction": direction,
        "scope": meta.get("scope") or "",
        "from": local if outbound else remote,
        "to": remote if outbound else local,
        "local": local,
        "remote": remote,
        "contact": meta.get("contact") or "",
        "extension": meta.get("extension") or "",
    }
    return {name: safe_part(value) for name, value in values.items()}


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return ""  # an unknown {field} in an admin's template just drops out


def _render(template: str, values: Mapping[str, str]) -> str | None:
    """The template filled in, or None when it is not a usable template."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    out: list[str] = []
    for literal, name, spec, conversion in parsed:
        out.append(literal)
        if name is None:
            continue
        if spec or conversion or not name.isidentifier() and name not in FIELDS:
            return None  # no format specs, attribute access or indexing: plain {name} only
        out.append(_Fields(values)[name])
    return "".join(out)


def template_problem(template: str) -> str | None:
    """Why an admin's template cannot be used, or None when it can.

    >>> template_problem("{date}_{from}.{ext}") is None, template_problem("{when}")[:20]
    (True, 'Unknown field {when}')
    """
    known = " ".join(f"{{{name}}}" for name in FIELDS)
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return f"Braces must pair up around a field name, e.g. {{date}}. Fields: {known}."
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in FIELDS:
            return f"Unknown field {{{name}}}. Use {known}."
        if spec or conversion:
            return f"Write fields plainly, e.g. {{{name}}}, without : or !."
    return None


def recording_file_name(template: str | None, meta: Mapping[str, Any]) -> str:
    """The delivered file name for a recording.

    meta: started_at (datetime), direction (inbound/outbound), scope (internal/external),
    local (our number), remote (the other party's number), contact (name), extension,
    ext (file extension, default "wav"). Template fields: {date} {time} {direction}
    {scope} {from} {to} {local} {remote} {contact} {extension} {ext}; "from"/"to" follow
    the direction. A template that cannot be used falls back to DEFAULT_TEMPLATE.
    """
    ext = str(meta.get("ext") or "wav").lstrip(".").lower()
    if not _EXT.match(ext):
        ext = "bin"
    values = {**_values(meta), "ext": ext}
    rendered = _render(template or DEFAULT_TEMPLATE, values)
    if rendered is None:
        rendered = _render(DEFAULT_TEMPLATE, values) or ""
    suffix = f".{ext}"
    stem = rendered[: -len(suffix)] if rendered.endswith(suffix) else rendered
    stem = safe_part(stem).lstrip("._-")
    if not stem:
        stem = "recording"
    if _WINDOWS_RESERVED.match(stem):
        stem = f"recording_{stem}"
    stem = stem[: MAX_LENGTH - len(suffix)].rstrip("._")
    return f"{stem}{suffix}"
