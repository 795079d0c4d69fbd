"""The SIP server: Kamailio routes real calls by the published call program.

- ``kamailio.cfg.tmpl`` + ``render.py``: the configuration, rendered from WORKSPACE_SIP_*
  into ``SIP_DIR`` (instance/sip).
- ``kemi/``: the routing that runs inside Kamailio (stdlib only; see its __init__).
- ``plan_files.py``: the per-account plan files Kamailio reads, rewritten after publish,
  rollback and device-affecting saves (decisions.md #2).
- ``supervisor.py``: ``workspace sip run``: Kamailio and rtpengine (media for browser
  phones) as managed child processes, plus the call-event spool forwarded to the app
  (decisions.md #4).
"""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

__all__ = ["init_app"]


def init_app(app: Flask, api: Api) -> None:
    """`workspace sip ...`, and rewrite an account's SIP plan file whenever its device
    configs are recomputed (so after device_api's init_app)."""
    from workspace.device_api.recompute import config_recompute
    from workspace.sip.commands import sip_group
    from workspace.sip.plan_files import write_account_plan

    app.cli.add_command(sip_group)
    config_recompute(app).after.append(write_account_plan)
