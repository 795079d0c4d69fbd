"""The SIP server's routing, run inside Kamailio's embedded python3 (app_python3, KEMI).

Stdlib only, and only relative imports of the sibling files: Kamailio runs Debian's system
python3, not the product's venv, and never imports ``workspace`` (that would pull in Flask).
The rendered boot script (``workspace/sip/render.py``) puts ``workspace/sip`` on sys.path and
imports ``kemi.routing``; the product's tests import the same files as ``workspace.sip.kemi``.

- ``plans``: the per-account plan files (current and by generation) and their indices.
- ``program``: what a node does to a call (pure: which entries ring, which exit, dial rules).
- ``events``: the call-event spool (decisions.md #4).
- ``media``: which rtpengine flags a leg needs (WebRTC vs plain RTP; pure).
- ``routing``: the KSR glue (requests, the spiral of child transactions, replies).
"""
