"""Settings read from the environment, so one build runs embedded or scaled out."""

from __future__ import annotations

import os
from pathlib import Path

from workspace import json_columns

_INSTANCE = Path(os.environ.get("WORKSPACE_INSTANCE", Path.cwd() / "instance")).resolve()


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return f"sqlite:///{_INSTANCE / 'workspace.db'}"
    return normalise_database_url(url)


def normalise_database_url(url: str) -> str:
    """Route plain postgres URLs to the psycopg 3 driver we install."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Defaults for the embedded mode; every value can be overridden from the environment."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = _database_url()
    # JSON columns go through orjson (workspace.json_columns): 5x faster on large drafts.
    SQLALCHEMY_ENGINE_OPTIONS: dict = {
        "pool_pre_ping": True,
        "json_serializer": json_columns.dumps,
        "json_deserializer": json_columns.loads,
    }
    REDIS_URL = os.environ.get("REDIS_URL", "")
    # The Redis pub/sub channel of the Socket.IO message queue; processes that must reach each
    # other's clients share it, separate deployments (or test runs) on one Redis do not.
    SOCKETIO_CHANNEL = os.environ.get("WORKSPACE_SOCKETIO_CHANNEL", "flask-socketio")
    INSTANCE_DIR = str(_INSTANCE)
    # Secrets at rest: a urlsafe base64 AES-256 key, from the environment or an instance file.
    SECRETS_KEY = os.environ.get("WORKSPACE_SECRETS_KEY", "")
    SECRETS_KEY_FILE = os.environ.get("WORKSPACE_SECRETS_KEY_FILE", str(_INSTANCE / "secrets.key"))
    # The SIP supervisor's bearer token for POST /sip/v1/events; derived from the secrets key
    # when empty (workspace.calls.ingest_auth).
    SIP_EVENTS_TOKEN = os.environ.get("WORKSPACE_SIP_EVENTS_TOKEN", "")
    SOCKETIO_ORIGINS = [o for o in os.environ.get("WORKSPACE_SOCKETIO_ORIGINS", "").split(",") if o]
    PUBLIC_URL = os.environ.get("WORKSPACE_PUBLIC_URL", "http://127.0.0.1:5000")
    FRONTEND_DIST = os.environ.get(
        "WORKSPACE_FRONTEND_DIST", str(Path(__file__).resolve().parent.parent / "frontend" / "dist")
    )

    # Mail: without MAIL_SERVER, messages go to MAIL_OUTBOX_DIR or the log (embedded mode).
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = _bool("MAIL_USE_TLS")
    MAIL_USE_SSL = _bool("MAIL_USE_SSL")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "Callflow Workspace <no-reply@callflow.local>")
    # Without MAIL_SERVER, mail is saved here as .eml files (`workspace run` defaults it to
    # instance/mail-outbox); empty: only logged, and recordings cannot be emailed.
    MAIL_OUTBOX_DIR = os.environ.get("WORKSPACE_MAIL_OUTBOX", "")
    # Recordings by email: a message (attachment base64-encoded) larger than this is refused.
    MAIL_MAX_BYTES = int(os.environ.get("WORKSPACE_MAIL_MAX_BYTES", str(10 * 1024 * 1024)))

    # Recording delivery: cloud API base URLs (tests point them at local stand-ins), the
    # network timeout, and whether hosts on loopback/private/link-local ranges may be used.
    DROPBOX_API_URL = os.environ.get("DROPBOX_API_URL", "https://api.dropboxapi.com")
    DROPBOX_CONTENT_URL = os.environ.get("DROPBOX_CONTENT_URL", "https://content.dropboxapi.com")
    GOOGLE_OAUTH_URL = os.environ.get("GOOGLE_OAUTH_URL", "https://oauth2.googleapis.com")
    GOOGLE_API_URL = os.environ.get("GOOGLE_API_URL", "https://www.googleapis.com")
    MICROSOFT_LOGIN_URL = os.environ.get("MICROSOFT_LOGIN_URL", "https://login.microsoftonline.com")
    GRAPH_API_URL = os.environ.get("GRAPH_API_URL", "https://graph.microsoft.com")
    DELIVERY_ALLOW_PRIVATE_HOSTS = _bool("WORKSPACE_DELIVERY_ALLOW_PRIVATE_HOSTS")
    DELIVERY_TIMEOUT = float(os.environ.get("WORKSPACE_DELIVERY_TIMEOUT", "30"))
    DELIVERY_CHUNK_BYTES = int(
        os.environ.get("WORKSPACE_DELIVERY_CHUNK_BYTES", str(8 * 1024 * 1024))
    )

    # Sessions are rows in the database; the cookie only carries an opaque token.
    SESSION_COOKIE_SECURE = _bool("WORKSPACE_SECURE_COOKIES")
    SESSION_LIFETIME_HOURS = int(os.environ.get("WORKSPACE_SESSION_HOURS", "168"))
    CONFIRMATION_HOURS = int(os.environ.get("WORKSPACE_CONFIRMATION_HOURS", "48"))
    # How long a team invitation link works (resending makes a new one).
    # Audit entries older than this are pruned (`workspace audit-prune`, and hourly).
    AUDIT_RETENTION_DAYS = int(os.environ.get("WORKSPACE_AUDIT_RETENTION_DAYS", "400"))
    INVITATION_HOURS = int(os.environ.get("WORKSPACE_INVITATION_HOURS", "72"))

    RATELIMIT_ENABLED = _bool("WORKSPACE_RATELIMIT", True)
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", REDIS_URL or "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "callflow")
    LOGIN_RATE_LIMIT = os.environ.get("WORKSPACE_LOGIN_RATE_LIMIT", "10 per minute")
    REGISTER_RATE_LIMIT = os.environ.get("WORKSPACE_REGISTER_RATE_LIMIT", "10 per hour")
    PASSWORD_RATE_LIMIT = os.environ.get("WORKSPACE_PASSWORD_RATE_LIMIT", "10 per hour")
    # Device API: activation attempts per address, activations per account (codes found),
    # and the seconds without a heartbeat after which an activated device shows offline.
    DEVICE_ACTIVATE_RATE_LIMIT = os.environ.get(
        "WORKSPACE_DEVICE_ACTIVATE_RATE_LIMIT", "10 per minute"
    )
    DEVICE_ACTIVATE_ACCOUNT_RATE_LIMIT = os.environ.get(
        "WORKSPACE_DEVICE_ACTIVATE_ACCOUNT_RATE_LIMIT", "30 per hour"
    )
    DEVICE_OFFLINE_AFTER = float(os.environ.get("WORKSPACE_DEVICE_OFFLINE_AFTER", "120"))
    # Seconds from a change to the recompute of the account's device configs (coalescing).
    DEVICE_CONFIG_DEBOUNCE = float(os.environ.get("WORKSPACE_DEVICE_CONFIG_DEBOUNCE", "0.2"))
    # Seconds from a canvas edit to the validation pushed as validation.updated (coalescing).
    DRAFT_VALIDATION_DEBOUNCE = float(os.environ.get("WORKSPACE_DRAFT_VALIDATION_DEBOUNCE", "0.05"))

    # The SIP server (Kamailio, workspace/sip): where it listens, the SIP domain (realm and the
    # built-in phone.systems provider's server), which sources may call DIDs (addresses,
    # "addr:port" or networks, comma-separated), the carrier trunk for outbound calls and
    # Forward ("host:port"), and its folder (rendered config, plan files, event spool).
    SIP_HOST = os.environ.get("WORKSPACE_SIP_HOST", "127.0.0.1")
    SIP_PORT = int(os.environ.get("WORKSPACE_SIP_PORT", "5060"))
    SIP_WS_PORT = int(os.environ.get("WORKSPACE_SIP_WS_PORT", "8088"))
    SIP_DOMAIN = os.environ.get("WORKSPACE_SIP_DOMAIN", "sip.phone.systems")
    # What browser phones connect to (device config's "sip" block); empty: ws://HOST:WS_PORT/ws.
    SIP_WS_URL = os.environ.get("WORKSPACE_SIP_WS_URL", "")
    # How browser phones find a media path through NAT (the RTCPeerConnection's iceServers):
    # stun:, stuns:, turn: and turns: URLs, comma-separated. TURN URLs need TURN_SECRET, the
    # TURN server's shared secret (coturn's static-auth-secret): each browser phone gets a
    # username and password from it that expire after TURN_TTL seconds (RFC 7635's REST way).
    ICE_SERVERS = os.environ.get("WORKSPACE_ICE_SERVERS", "")
    TURN_SECRET = os.environ.get("WORKSPACE_TURN_SECRET", "")
    TURN_TTL = int(os.environ.get("WORKSPACE_TURN_TTL", "86400"))
    # "relay": browser phones send media only through the TURN server (their addresses stay
    # hidden; for networks that allow no direct UDP); "all" (default): any path ICE finds.
    ICE_TRANSPORT_POLICY = os.environ.get("WORKSPACE_ICE_TRANSPORT_POLICY", "all")
    SIP_TRUSTED = [t for t in os.environ.get("WORKSPACE_SIP_TRUSTED", "").split(",") if t.strip()]
    SIP_TRUNK = os.environ.get("WORKSPACE_SIP_TRUNK", "")
    SIP_DIR = os.environ.get("WORKSPACE_SIP_DIR", "")  # empty: <INSTANCE_DIR>/sip
    # "single" (usrloc in memory) or "cluster" (usrloc in PostgreSQL, SIP_DB_URL; README).
    SIP_MODE = os.environ.get("WORKSPACE_SIP_MODE", "single")
    SIP_DB_URL = os.environ.get("WORKSPACE_SIP_DB_URL", "")
    SIP_SHM_MB = int(os.environ.get("WORKSPACE_SIP_SHM_MB", "256"))
    SIP_CHILDREN = int(os.environ.get("WORKSPACE_SIP_CHILDREN", "4"))
    SIP_RING_CAP = int(os.environ.get("WORKSPACE_SIP_RING_CAP", "120"))
    # rtpengine bridges browsers (WebRTC) and plain-RTP devices: started by `sip run` when
    # installed unless "off"; its ng control port (loopback) and its RTP port range.
    SIP_RTPENGINE = os.environ.get("WORKSPACE_SIP_RTPENGINE", "auto")
    SIP_RTPENGINE_NG_PORT = int(os.environ.get("WORKSPACE_SIP_RTPENGINE_NG_PORT", "2223"))
    SIP_RTP_PORTS = os.environ.get("WORKSPACE_SIP_RTP_PORTS", "30000-30999")
    # SIP over secure WebSocket (browsers on https:// pages may only open wss://): a PEM
    # certificate and key turn on a WSS listener on SIP_WSS_PORT.
    SIP_TLS_CERT = os.environ.get("WORKSPACE_SIP_TLS_CERT", "")
    SIP_TLS_KEY = os.environ.get("WORKSPACE_SIP_TLS_KEY", "")
    SIP_WSS_PORT = int(os.environ.get("WORKSPACE_SIP_WSS_PORT", "8089"))

    API_TITLE = "Callflow Workspace API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH = "/docs"
    OPENAPI_SWAGGER_UI_URL = "/api/v1/docs-assets/"
    # No badge from validator.swagger.io: it would send our spec's URL to a third party (and
    # the page's CSP allows no images from elsewhere).
    OPENAPI_SWAGGER_UI_CONFIG = {"validatorUrl": None}
    MAX_CONTENT_LENGTH = int(os.environ.get("WORKSPACE_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024)))
    AUDIO_MAX_BYTES = int(os.environ.get("WORKSPACE_AUDIO_MAX_BYTES", str(20 * 1024 * 1024)))
    # Largest POST /workspace/import body; 0: derived from the document's count limits.
    IMPORT_MAX_BYTES = int(os.environ.get("WORKSPACE_IMPORT_MAX_BYTES", "0"))
    DEMO_ON_START = _bool("WORKSPACE_DEMO", False)

    # Call recordings (workspace/delivery): upload limit, the outbox worker, retention.
    RECORDING_MAX_BYTES = int(os.environ.get("WORKSPACE_RECORDING_MAX_BYTES", str(100 * 1024**2)))
    # Seconds a delivered recording's file stays in the instance folder (0: removed at once).
    RECORDING_RETENTION_SECONDS = int(os.environ.get("WORKSPACE_RECORDING_RETENTION_SECONDS", "0"))
    DELIVERY_MAX_ATTEMPTS = int(os.environ.get("WORKSPACE_DELIVERY_MAX_ATTEMPTS", "8"))
    DELIVERY_BACKOFF_BASE = float(os.environ.get("WORKSPACE_DELIVERY_BACKOFF_BASE", "30"))
    DELIVERY_BACKOFF_MAX = float(os.environ.get("WORKSPACE_DELIVERY_BACKOFF_MAX", "3600"))
    DELIVERY_LEASE_SECONDS = float(os.environ.get("WORKSPACE_DELIVERY_LEASE_SECONDS", "120"))
    DELIVERY_POLL_SECONDS = float(os.environ.get("WORKSPACE_DELIVERY_POLL_SECONDS", "2"))
    # `workspace run` delivers in a thread of its own process unless this is off.
    DELIVERY_WORKER_EMBEDDED = _bool("WORKSPACE_DELIVERY_WORKER_EMBEDDED", True)
