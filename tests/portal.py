"""The demo's admin logged in to a running server over HTTP, as the SPA is: for the tests that
drive real server processes (device-sim, `make run`)."""

from __future__ import annotations

import requests

from workspace.demo import DEMO_EMAIL, DEMO_PASSWORD


class Portal:
    """An admin logged in over HTTP, as the SPA is."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = requests.Session()
        answer = self.http.post(
            f"{base}/api/v1/auth/login",
            json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        self.http.headers["X-CSRF-Token"] = answer.json()["csrf_token"]

    def get(self, path: str) -> requests.Response:
        answer = self.http.get(self.base + path, timeout=30)
        assert answer.status_code == 200, answer.text
        return answer

    def send(self, method: str, path: str, **kwargs) -> requests.Response:
        answer = self.http.request(method, self.base + path, timeout=30, **kwargs)
        assert answer.status_code in (200, 201), answer.text
        return answer

    def device(self, name: str) -> dict:
        items = self.get("/api/v1/devices?per_page=100").json()["items"]
        return next(item for item in items if item["name"] == name)

    def fresh_code(self, device_id: int) -> str:
        """Reset the device's activation (If-Match) and return the new code."""
        version = self.get(f"/api/v1/devices/{device_id}").headers["ETag"]
        view = self.send(
            "POST", f"/api/v1/devices/{device_id}/activation/reset", headers={"If-Match": version}
        ).json()
        assert view["code"], view
        return view["code"]
