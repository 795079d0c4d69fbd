"""The per-account plan files the app writes, as Kamailio's workers read them.

``<plans>/<account>.json`` is an account's current plan (the published call program plus the
``devices`` and ``other_devices`` sections with HA1 digests, see workspace/sip/plan_files.py);
the app replaces it with an atomic rename, and hard-links the same file as
``<plans>/gen/<account>-<generation>.json``.
A call records the generation it started on, so its later steps (the spiral's child
transactions, the no_answer exit) read the plan it started with even after a publish.

One ``stat`` of the folder per request finds out whether any file was renamed into it.

Who may register and place calls: every line with an HA1 in either device section (``devices``
first: a username in both is the published device's). Who rings: only what the published
nodes name, which is ``devices`` (program.member_lines); ``other_devices`` (added since the
publish) ring for nothing until a publish places them.
"""

import json
import os

GEN_DIR = "gen"
DEVICE_SECTIONS = ("devices", "other_devices")  # the published plan's, then every other


def device_of(plan, device_id):
    """A device's entry in either section of the plan (its caller ID, lines), or {}.

    >>> plan = {"devices": {"5": {"name": "a"}}, "other_devices": {"8": {"name": "b"}}}
    >>> device_of(plan, "5")["name"], device_of(plan, "8")["name"], device_of(plan, "9")
    ('a', 'b', {})
    """
    for section in DEVICE_SECTIONS:
        device = (plan.get(section) or {}).get(str(device_id))
        if device is not None:
            return device
    return {}


class PlanStore:
    KEEP = 64  # plans kept in memory by generation

    def __init__(self, directory, log=None):
        self.directory = directory
        self.log = log or (lambda text: None)
        self._dir_mtime = None
        self._files = {}  # account -> (mtime_ns, inode, plan)
        self._by_gen = {}  # (account, generation) -> plan
        self.routes = {}  # "+E164" -> account (DIDs are unique across accounts)
        # of every device section (DEVICE_SECTIONS): who may register and place calls
        self.lines = {}  # SIP username -> (account, device id, line)
        self.auth = {}  # digest username -> (account, device id, line)

    def refresh(self):
        """Re-read the files renamed in since the last call; cheap when nothing changed."""
        try:
            mtime = os.stat(self.directory).st_mtime_ns
        except FileNotFoundError:
            return
        if mtime == self._dir_mtime:
            return
        self._dir_mtime = mtime
        seen = {}
        for name in sorted(os.listdir(self.directory)):
            if not name.endswith(".json") or not name[:-5].isdigit():
                continue
            account = int(name[:-5])
            path = os.path.join(self.directory, name)
            try:
                info = os.stat(path)
                known = self._files.get(account)
                if known and known[:2] == (info.st_mtime_ns, info.st_ino):
                    seen[account] = known
                    continue
                with open(path, "rb") as f:
                    plan = json.load(f)
            except (OSError, ValueError) as error:
                self.log(f"callflow: plan file {path} unreadable: {error}")
                if account in self._files:
                    seen[account] = self._files[account]
                continue
            seen[account] = (info.st_mtime_ns, info.st_ino, plan)
            self._remember(account, plan)
            routes, devices = len(plan.get("routes") or {}), len(plan.get("devices") or {})
            others = len(plan.get("other_devices") or {})
            self.log(
                f"callflow: account {account} plan revision {plan.get('revision')} generation "
                f"{plan.get('generation')} loaded ({routes} routes, {devices} devices, "
                f"{others} other devices)"
            )
        self._files = seen
        self._index()

    def _index(self):
        routes, lines, auth = {}, {}, {}
        for account in sorted(self._files):
            plan = self._files[account][2]
            for key in plan.get("routes") or {}:
                if key.startswith("+"):
                    if key in routes:
                        self.log(f"callflow: {key} is in accounts {routes[key]} and {account}")
                        continue
                    routes[key] = account
            for section in DEVICE_SECTIONS:
                for device_id, device in (plan.get(section) or {}).items():
                    for line in device.get("lines") or []:
                        if not line.get("ha1"):
                            continue  # no provisioned password: it cannot register here
                        member = (account, device_id, line)
                        lines.setdefault(str(line["username"]), member)
                        auth.setdefault(str(line.get("auth_username") or line["username"]), member)
        self.routes, self.lines, self.auth = routes, lines, auth

    def current(self, account):
        known = self._files.get(account)
        return known[2] if known else None

    def by_generation(self, account, generation):
        """The plan a call started on (from memory, else from its hard link), or None."""
        plan = self._by_gen.get((account, generation))
        if plan is not None:
            return plan
        current = self.current(account)
        if current is not None and current.get("generation") == generation:
            return current
        path = os.path.join(self.directory, GEN_DIR, f"{account}-{generation}.json")
        try:
            with open(path, "rb") as f:
                plan = json.load(f)
        except (OSError, ValueError):
            return None
        self._remember(account, plan)
        return plan

    def _remember(self, account, plan):
        """Keep the last plans by generation (calls in progress), a bounded number of them."""
        self._by_gen[(account, plan.get("generation"))] = plan
        while len(self._by_gen) > self.KEEP:
            self._by_gen.pop(next(iter(self._by_gen)))
