"""The `workspace` command: a Flask CLI group with run, demo, create-admin and db."""

from __future__ import annotations

import os
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from workspace import create_app


@click.group(cls=FlaskGroup, create_app=create_app, add_default_commands=False)
def cli() -> None:
    """Callflow Workspace management commands."""


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, envvar="WORKSPACE_HOST")
@click.option("--port", default=5000, show_default=True, type=int, envvar="WORKSPACE_PORT")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    envvar="WORKSPACE_WORKERS",
    help="gunicorn worker processes (more than one needs REDIS_URL).",
)
@click.option(
    "--threads",
    default=100,
    show_default=True,
    type=click.IntRange(min=2),
    envvar="WORKSPACE_THREADS",
    help="Threads per worker; each open WebSocket holds one.",
)
@click.option(
    "--graceful-timeout",
    default=10,
    show_default=True,
    type=click.IntRange(min=1),
    envvar="WORKSPACE_GRACEFUL_TIMEOUT",
    help="Seconds requests in flight get to finish after SIGTERM.",
)
@click.option(
    "--access-log",
    default="-",
    show_default=True,
    envvar="WORKSPACE_ACCESS_LOG",
    help="File for the access log, '-' for standard output, '' for none.",
)
@click.option("--demo/--no-demo", default=False, show_default=True, help="Create the demo account.")
@with_appcontext
def serve_command(host, port, workers, threads, graceful_timeout, access_log, demo) -> None:
    """Serve the app on gunicorn (production and `make run`): access log, graceful SIGTERM."""
    from workspace.delivery.loop import start_embedded_worker
    from workspace.extensions import db
    from workspace.serve import ServeOptions, serve

    if workers > 1 and not current_app.config["REDIS_URL"]:
        raise click.ClickException(
            "--workers above 1 needs REDIS_URL: Socket.IO events cross workers through Redis."
        )
    overrides = _embedded_mail_outbox()
    if demo:
        _ensure_demo()
    # The workers build their own app after the fork: hand them no open connection.
    db.session.remove()
    db.engine.dispose()

    def load_app():
        app = create_app(overrides)
        start_embedded_worker(app)
        return app

    click.echo(f" * Callflow Workspace on http://{host}:{port} (gunicorn, {workers}x{threads})")
    serve(
        ServeOptions(
            host=host,
            port=port,
            workers=workers,
            threads=threads,
            graceful_timeout=graceful_timeout,
            access_log=access_log,
        ),
        load_app,
    )


@cli.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--demo/--no-demo",
    default=True,
    show_default=True,
    help="Create the demo account on first run.",
)
@with_appcontext
def run_command(host: str, port: int, demo: bool) -> None:
    """Development server (Werkzeug, one process); `workspace serve` is the real one."""
    from workspace.collector import tune_collector_for_serving
    from workspace.extensions import db, socketio

    _embedded_mail_outbox()
    if demo:
        _ensure_demo()
    # Release the CLI's connection: on SQLite an open transaction holds the write lock.
    db.session.remove()
    _start_embedded_delivery_worker()
    click.echo(f" * Callflow Workspace (development server) on http://{host}:{port}")
    # Flask ignores app.run() under its CLI unless this marker is gone; we are the server here.
    os.environ.pop("FLASK_RUN_FROM_CLI", None)
    tune_collector_for_serving()  # as `serve` does in each worker
    socketio.run(
        current_app,
        host=host,
        port=port,
        allow_unsafe_werkzeug=True,
        use_reloader=False,
        log_output=False,
    )


def _embedded_mail_outbox() -> dict[str, str]:
    """Embedded mode without a mail server: mail goes to instance/mail-outbox as .eml files.

    Applies the setting to this app and returns it for the apps gunicorn's workers build.
    """
    config = current_app.config
    if config["MAIL_SERVER"] or config.get("MAIL_OUTBOX_DIR"):
        return {}
    outbox = str(Path(config["INSTANCE_DIR"]) / "mail-outbox")
    config["MAIL_OUTBOX_DIR"] = outbox
    click.echo(f" * No MAIL_SERVER: mail is saved in {outbox}")
    return {"MAIL_OUTBOX_DIR": outbox}


def _settle_background_work() -> None:
    """Finish the validations and config recomputes the demo's edits queued in this process:
    `serve` forks its workers from this process next, and no thread of ours may still be
    running (holding a connection) in the gunicorn master while they serve."""
    from workspace.device_api.recompute import config_recompute
    from workspace.objects.validation_push import draft_validation

    for queue in (draft_validation(current_app), config_recompute(current_app)):
        queue.flush()
        queue.wait_idle()


def _ensure_demo() -> None:
    from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_account, demo_exists

    if not demo_exists():
        create_demo_account()
        _settle_background_work()
        click.echo(f" * Demo account created. Log in as {DEMO_EMAIL} / {DEMO_PASSWORD}")
    else:
        click.echo(f" * Demo account: {DEMO_EMAIL} / {DEMO_PASSWORD}")


@cli.command("demo")
@click.option("--reset/--keep", default=True, show_default=True)
@with_appcontext
def demo_command(reset: bool) -> None:
    """Create (or reset) the demo account."""
    from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD, create_demo_account

    _embedded_mail_outbox()
    create_demo_account(reset=reset)
    click.echo(f"Demo account ready: {DEMO_EMAIL} / {DEMO_PASSWORD}")


@cli.command("create-admin")
@click.option("--email", required=True)
@click.option("--password", required=True, prompt=True, hide_input=True)
@click.option("--first-name", default="Admin", show_default=True)
@click.option("--last-name", default="", show_default=True)
@click.option("--account-name", default=None, help="New account's name (default: the admin's name)")
@click.option(
    "--same-account-as",
    "same_account_as",
    default=None,
    metavar="EMAIL",
    help="Add the admin to the account of this existing admin instead of a new account.",
)
@with_appcontext
def create_admin_command(email, password, first_name, last_name, account_name, same_account_as):
    """Create a confirmed admin (no email round trip), in a new account or an existing one."""
    from workspace.auth.service import create_confirmed_admin
    from workspace.errors import ServiceError

    try:
        admin = create_confirmed_admin(
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            account_name=account_name,
            same_account_as=same_account_as,
        )
    except ServiceError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"Admin {admin.email} created in account {admin.account_id}.")


@cli.command("shell")
@with_appcontext
def shell_command() -> None:
    """An interactive Python shell in the app context."""
    import code

    code.interact(local={"app": current_app._get_current_object()})


@cli.command("routes")
@with_appcontext
def routes_command() -> None:
    """List the URL rules."""
    for rule in sorted(current_app.url_map.iter_rules(), key=lambda r: r.rule):
        click.echo(f"{rule.rule:50s} {','.join(sorted(rule.methods - {'HEAD', 'OPTIONS'}))}")


@cli.command("device-sim", with_appcontext=False)
@click.option("--server", required=True, help="Base URL, e.g. http://127.0.0.1:5000")
@click.option("--code", default=None, help="Activation code (not needed with a saved token)")
@click.option("--platform", default="linux", show_default=True)
@click.option("--app-version", default="device-sim/1.0", show_default=True)
@click.option("--heartbeat", default=30.0, show_default=True, type=click.FloatRange(min=0.1))
@click.option("--once", is_flag=True, help="Activate, fetch, heartbeat once, exit.")
@click.option("--show-secrets", is_flag=True, help="Print SIP passwords instead of ***.")
@click.option("--token-file", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--sip", is_flag=True, help="Register the lines with baresip and print calls.")
@click.option(
    "--answer-after",
    type=click.FloatRange(min=0),
    default=None,
    help="With --sip: answer incoming calls after this many seconds.",
)
@click.option("--sip-server", default=None, help="With --sip: host:port instead of the line's.")
def device_sim_command(**options) -> None:
    """Simulate a call.center device: activate, heartbeat, follow config changes (no database)."""
    from workspace.device_sim import Options, run

    raise SystemExit(run(Options(**options)))


def _start_embedded_delivery_worker() -> None:
    from workspace.delivery.loop import start_embedded_worker

    if start_embedded_worker(current_app._get_current_object()) is not None:
        click.echo(" * Delivery worker running in this process")
