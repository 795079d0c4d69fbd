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

__all__ = ["init_app"]


def init_app(app: Flask) -> None:
    """Rewrite an account's SIP plan file whenever its device configs are recomputed."""
    from workspace.device_api.recompute import config_recompute
    from workspace.sip.plan_files import write_account_plan

    config_recompute(app).after.append(write_account_plan)
