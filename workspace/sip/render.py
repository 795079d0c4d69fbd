"""Render the SIP server's files into its folder (``SIP_DIR``, by default instance/sip).

kamailio.cfg    from kamailio.cfg.tmpl (listen addresses, mode, paths)
settings.json   what the KEMI routing reads (domain, trusted sources, trunk, folders)
boot.py         the script app_python3 loads: puts workspace/sip on sys.path, imports
                kemi.routing and hands it settings.json (Kamailio's own python3, no venv)
plans/          per-account plan files (workspace/sip/plan_files.py), plans/gen/ by generation
events/         the call-event spool (<pid>.jsonl), read by `workspace sip run`
run/            pid file and control sockets
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "kamailio.cfg.tmpl"
MPATH = "/usr/lib/x86_64-linux-gnu/kamailio/modules/"
MODES = ("single", "cluster")

__all__ = ["MODES", "render", "rtp_port_range", "settings_from_config"]


def settings_from_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """The SIP settings from a Flask config (or any mapping with the SIP_* keys)."""
    return {
        "host": config["SIP_HOST"],
        "port": int(config["SIP_PORT"]),
        "ws_port": int(config["SIP_WS_PORT"]),
        "domain": config["SIP_DOMAIN"],
        "trusted": list(config["SIP_TRUSTED"]),
        "trunk": config["SIP_TRUNK"],
        "dir": str(config["SIP_DIR"]),
        "mode": config["SIP_MODE"],
        "db_url": config["SIP_DB_URL"],
        "shm_mb": int(config["SIP_SHM_MB"]),
        "children": int(config["SIP_CHILDREN"]),
        "ring_cap": int(config["SIP_RING_CAP"]),
        # whether rtpengine runs is decided by whoever starts it (supervisor.rtpengine_wanted)
        "rtpengine": False,
        "rtpengine_ng_port": int(config["SIP_RTPENGINE_NG_PORT"]),
        "rtp_ports": str(config["SIP_RTP_PORTS"]),
        "tls_cert": config["SIP_TLS_CERT"],
        "tls_key": config["SIP_TLS_KEY"],
        "wss_port": int(config["SIP_WSS_PORT"]),
    }


def rtp_port_range(text: str) -> tuple[int, int]:
    """WORKSPACE_SIP_RTP_PORTS ("30000-30999") as (min, max); ValueError when malformed."""
    low, sep, high = str(text).partition("-")
    try:
        first, last = int(low), int(high)
    except ValueError:
        first = last = 0
    if not sep or not 1024 <= first < last <= 65535:
        raise ValueError(f"WORKSPACE_SIP_RTP_PORTS must look like 30000-30999, not {text!r}")
    return first, last


def render(settings: Mapping[str, Any]) -> Path:
    """Write the folder's files from ``settings``; returns the path of kamailio.cfg.

    Raises ValueError on an unknown mode, a cluster mode without a database URL, or a TLS
    certificate without its key (or one that is not a file).
    """
    tls = _tls_files(settings)
    mode = settings.get("mode", "single")
    if mode not in MODES:
        raise ValueError(f"WORKSPACE_SIP_MODE must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "cluster" and not settings.get("db_url"):
        raise ValueError("WORKSPACE_SIP_MODE=cluster needs WORKSPACE_SIP_DB_URL (PostgreSQL)")
    root = Path(settings["dir"]).resolve()
    for sub in ("plans/gen", "events", "run"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    kemi = {
        "host": settings["host"],
        "port": settings["port"],
        "domain": settings["domain"],
        "trusted": list(settings.get("trusted") or []),
        "trunk": settings.get("trunk") or "",
        "ring_cap": settings.get("ring_cap", 120),
        # rtpengine.so is loaded (WITH_RTPENGINE): the routing bridges WebRTC and plain RTP
        "rtpengine": bool(settings.get("rtpengine")),
        "plans_dir": str(root / "plans"),
        "events_dir": str(root / "events"),
        # A file holding an epoch replaces the clock for routing decisions (time routers):
        # tests set it; absent (always, in production) the real time is used.
        "clock_file": str(root / "run" / "clock"),
    }
    _write(root / "settings.json", json.dumps(kemi, indent=1, sort_keys=True) + "\n")
    _write(root / "boot.py", _boot(root / "settings.json"))
    values = {
        "MODE_DEFINE": "#!define WITH_CLUSTER" if mode == "cluster" else "",
        "RTPENGINE_DEFINE": "#!define WITH_RTPENGINE" if settings.get("rtpengine") else "",
        "TLS_DEFINE": "#!define WITH_TLS" if tls else "",
        "WSS_PORT": str(settings.get("wss_port", 8089)),
        "TLS_CFG": str(root / "tls.cfg"),
        "RTPENGINE_NG": "udp:127.0.0.1:{}".format(settings.get("rtpengine_ng_port", 2223)),
        "CHILDREN": str(settings.get("children", 4)),
        "HOST": settings["host"],
        "PORT": str(settings["port"]),
        "WS_PORT": str(settings["ws_port"]),
        "MPATH": MPATH,
        "DB_URL": _db_url(settings.get("db_url") or ""),
        "RUN_DIR": str(root / "run"),
        "BOOT": str(root / "boot.py"),
    }
    if tls:
        _write(root / "tls.cfg", _tls_cfg(*tls))
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace(f"{{{{{name}}}}}", value)
    if "{{" in text:
        raise ValueError("kamailio.cfg.tmpl has a placeholder render() does not fill")
    cfg = root / "kamailio.cfg"
    _write(cfg, text)
    return cfg


def _tls_files(settings: Mapping[str, Any]) -> tuple[Path, Path] | None:
    """(certificate, key) when WSS is configured, None when neither is set."""
    cert, key = settings.get("tls_cert") or "", settings.get("tls_key") or ""
    if not cert and not key:
        return None
    if not cert or not key:
        raise ValueError("WORKSPACE_SIP_TLS_CERT and WORKSPACE_SIP_TLS_KEY go together")
    for name, path in (("WORKSPACE_SIP_TLS_CERT", cert), ("WORKSPACE_SIP_TLS_KEY", key)):
        if not Path(path).is_file():
            raise ValueError(f"{name}: no such file {path!r}")
    return Path(cert).resolve(), Path(key).resolve()


def _tls_cfg(cert: Path, key: Path) -> str:
    """The tls module's profiles: browsers do not present certificates; Kamailio never opens
    TLS toward devices (they reach it), so the client side does not verify either."""
    return (
        "# Rendered by workspace/sip/render.py from WORKSPACE_SIP_TLS_CERT / _KEY.\n"
        "[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\n"
        f"require_certificate = no\ncertificate = {cert}\nprivate_key = {key}\n\n"
        "[client:default]\nmethod = TLSv1.2+\nverify_certificate = no\n"
        "require_certificate = no\n"
    )


def _db_url(url: str) -> str:
    """Kamailio spells PostgreSQL URLs postgres://."""
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://", "postgresql://"):
        if url.startswith(prefix):
            return "postgres://" + url[len(prefix) :]
    return url


def _boot(settings_path: Path) -> str:
    return (
        "# Rendered by workspace/sip/render.py: app_python3 loads this file.\n"
        "import json\nimport sys\n\n"
        f"sys.path.insert(0, {str(HERE)!r})\n"
        "from kemi import routing  # noqa: E402\n\n"
        f"with open({str(settings_path)!r}, 'rb') as f:\n"
        "    routing.SETTINGS.update(json.load(f))\n"
        "mod_init = routing.mod_init\n"
    )


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
