"""The `workspace sip` commands: render, run (Kamailio, rtpengine, the events forwarder), stop,
plans."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

sip_group = AppGroup("sip", help="The SIP server (Kamailio): render, run, stop.")


def _settings() -> dict:
    from workspace.sip.render import settings_from_config
    from workspace.sip.supervisor import rtpengine_wanted

    settings = settings_from_config(current_app.config)
    # kamailio.cfg loads rtpengine.so only when `sip run` starts rtpengine beside it
    settings["rtpengine"] = rtpengine_wanted(current_app.config["SIP_RTPENGINE"])
    return settings


@sip_group.command("render")
@with_appcontext
def render_command() -> None:
    """Render kamailio.cfg, settings.json and boot.py into SIP_DIR."""
    from workspace.sip.render import render

    click.echo(str(render(_settings())))


@sip_group.command("plans")
@with_appcontext
def plans_command() -> None:
    """Rewrite every account's plan file from the database (also done by `sip run`)."""
    click.echo(f"{_write_all_plans()} account plan files written")


def _write_all_plans() -> int:
    from workspace.auth.models import Account
    from workspace.extensions import db
    from workspace.sip.plan_files import write_account_plan

    ids = db.session.execute(db.select(Account.id)).scalars().all()
    written = sum(1 for account_id in ids if write_account_plan(account_id) is not None)
    db.session.remove()
    return written


@sip_group.command("run")
@click.option("--app-url", default=None, help="Where to POST call events (default PUBLIC_URL).")
@click.option("--no-events", is_flag=True, help="Do not forward call events to the app.")
@with_appcontext
def run_command(app_url: str | None, no_events: bool) -> None:
    """Run Kamailio (and rtpengine when installed) in the foreground as child processes;
    Ctrl-C or SIGTERM stops them."""
    from workspace.sip.supervisor import (
        EventForwarder,
        Kamailio,
        RtpEngine,
        events_token,
        kamailio_available,
    )

    if not kamailio_available():
        raise click.ClickException("kamailio is not installed (make system-packages)")
    try:
        settings = _settings()
        media = RtpEngine(settings) if settings["rtpengine"] else None
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    written = _write_all_plans()
    if media is not None:
        try:
            media.start()
        except RuntimeError as error:
            raise click.ClickException(str(error)) from error
        click.echo(
            f" * Media (rtpengine pid {media.proc.pid if media.proc else '?'}) ng 127.0.0.1:"
            f"{media.ng_port}, RTP {media.ports[0]}-{media.ports[1]}; log {media.log_path}"
        )
    else:
        click.echo(" * Media: rtpengine not started (not installed or WORKSPACE_SIP_RTPENGINE=off)")
    server = Kamailio(settings)
    try:
        proc = server.start()
    except BaseException:
        if media is not None:
            media.stop()
        raise
    click.echo(
        f" * SIP server (Kamailio pid {proc.pid}) on {settings['host']}:{settings['port']} "
        f"udp/tcp, ws {settings['ws_port']}"
        + (f", wss {settings['wss_port']}" if settings.get("tls_cert") else "")
        + f"; domain {settings['domain']}; "
        f"{written} account plans; log {server.root / 'kamailio.log'}"
    )
    forwarder = None
    if not no_events:
        url = (app_url or current_app.config["PUBLIC_URL"]).rstrip("/") + "/sip/v1/events"
        forwarder = EventForwarder(server.root / "events", url, events_token(current_app.config))
        forwarder.start()
        click.echo(f" * Call events forwarded to {url}")
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    try:
        while proc.poll() is None and not stopping:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        if forwarder:
            forwarder.stop()
        server.stop()
        if media is not None:
            media.stop()
    if proc.returncode not in (0, -signal.SIGTERM, None) and not stopping:
        raise click.ClickException(f"kamailio exited with {proc.returncode}; see its log")


@sip_group.command("stop")
@with_appcontext
def stop_command() -> None:
    """Stop the Kamailio and rtpengine started by `workspace sip run` (by their pid files)."""
    from workspace.sip.supervisor import stop_running

    root = Path(current_app.config["SIP_DIR"])
    click.echo("stopped" if stop_running(root) else "not running")
