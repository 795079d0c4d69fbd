"""`workspace worker`: the delivery loop as a process of its own (scale-out mode)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext


@click.command("worker")
@click.option(
    "--poll", type=click.FloatRange(min=0.05), default=None, help="Seconds between polls."
)
@with_appcontext
def worker_command(poll: float | None) -> None:
    """Deliver recordings from the outbox until SIGTERM (scale-out mode: run several)."""
    import signal
    import threading

    from workspace.delivery.loop import new_worker_id, run_loop
    from workspace.extensions import db

    db.session.remove()
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    worker_id = new_worker_id()
    click.echo(f" * Delivery worker {worker_id}")
    run_loop(current_app._get_current_object(), stop, worker_id=worker_id, poll_interval=poll)
