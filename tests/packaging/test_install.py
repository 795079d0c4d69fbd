"""What gets installed: the test environment is uv.lock exactly, and the wheel stands alone.

The wheel test builds the project's wheel, installs it WITHOUT the test extras into a new
virtual environment (its dependencies pinned by the lock's runtime set), imports every module
of `workspace` there, and delivers a recording over SFTP from that environment: a feature
whose library was only a test extra failed exactly so after a plain `pip install .`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.standins.sftp_server import PASSWORD, USER, sftp_server

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".uv" / "bin" / "uv"

pytestmark = pytest.mark.packaging


def uv(*args: str, **kwargs) -> subprocess.CompletedProcess:
    if not UV.exists():
        pytest.fail(f"{UV} is missing: `make setup` installs uv from tools/uv-requirements.txt")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    return subprocess.run(
        [str(UV), *args], cwd=ROOT, env=env, capture_output=True, text=True, **kwargs
    )


def locked_pins(*export_args: str) -> dict[str, str]:
    """name -> version for every package the lock pins for this interpreter and platform
    (`uv export` of the given set; the lock covers other Pythons too, behind markers)."""
    done = uv("export", "--locked", "--no-hashes", "--no-emit-project", *export_args)
    assert done.returncode == 0, done.stderr
    pins = {}
    for line in done.stdout.splitlines():
        if line.startswith(("#", " ")) or "==" not in line:
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            pins[canonical(requirement.name)] = str(requirement.specifier).removeprefix("==")
    return pins


def canonical(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(".", "-")


def installed(python: Path) -> dict[str, str]:
    done = uv("pip", "list", "--python", str(python), "--format", "json")
    assert done.returncode == 0, done.stderr
    return {canonical(p["name"]): p["version"] for p in json.loads(done.stdout)}


def test_when_the_lock_and_pyproject_disagree_then_uv_says_so():
    # The check CI relies on (`uv sync --locked` in make): the lock answers for pyproject.toml.
    done = uv("lock", "--check", "--offline")
    assert done.returncode == 0, done.stderr


def test_when_tests_run_then_the_environment_is_exactly_the_lock():
    expected = locked_pins("--extra", "test")
    found = installed(Path(sys.executable))
    found.pop("callflow-workspace", None)  # the project itself, installed editable
    assert found == expected


def test_when_the_wheel_is_installed_without_extras_then_every_module_imports_and_sftp_delivers(
    tmp_path,
):
    dist = tmp_path / "dist"
    built = uv("build", "--wheel", "--out-dir", str(dist), timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("callflow_workspace-*.whl")

    venv = tmp_path / "venv"
    made = uv("venv", "--python", sys._base_executable, str(venv))
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    runtime = tmp_path / "runtime.txt"
    exported = uv("export", "--locked", "--no-emit-project", "--no-dev", "-o", str(runtime))
    assert exported.returncode == 0, exported.stderr
    for args in (["--require-hashes", "-r", str(runtime)], ["--no-deps", str(wheel)]):
        done = uv("pip", "install", "--python", str(python), *args, timeout=600)
        assert done.returncode == 0, done.stderr

    present = installed(python)
    assert "asyncssh" in present
    for test_only in ("pytest", "hypothesis", "playwright", "aiosmtpd", "pyftpdlib"):
        assert test_only not in present, f"{test_only} reached the runtime install"

    with sftp_server(tmp_path / "sftp-root") as server:
        script = textwrap.dedent(
            f"""
            import importlib, pkgutil, warnings, pathlib, hashlib
            warnings.simplefilter("error")
            import workspace
            names = [m.name for m in pkgutil.walk_packages(workspace.__path__, "workspace.")]
            # Kamailio's routing runs only inside Kamailio's interpreter (it imports KSR there).
            names = [n for n in names if n != "workspace.sip.kemi.routing"]
            for name in names:
                importlib.import_module(name)
            from workspace.contact_center.delivery_methods.models import TYPES as types
            from workspace.delivery.destinations import (
                DeliveryContext, Target, Upload, destination_for)
            for kind in types:
                destination_for(kind)
            data = b"RIFF" + bytes(range(256)) * 40
            path = pathlib.Path({str(tmp_path / "rec.wav")!r})
            path.write_bytes(data)
            upload = Upload(path=path, final_name="from-the-wheel.wav", content_type="audio/wav",
                            size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                            summary="wheel check")
            target = Target(type="sftp", name="Vault", secrets={{"password": {PASSWORD!r}}},
                            settings={{"host": {server.host!r}, "port": {server.port},
                                      "username": {USER!r}, "folder": ".",
                                      "host_key": {server.host_key_line!r}}})
            context = DeliveryContext(api_base_urls={{}}, timeout=10.0, allow_private_hosts=True)
            destination_for("sftp").deliver(target, upload, context)
            print(len(names), ",".join(types))
            """
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        ran = subprocess.run(
            [str(python), "-c", script],
            cwd=tmp_path,  # not the checkout: only the installed wheel can be imported
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert ran.returncode == 0, ran.stderr[-3000:]
        delivered = server.files()

    count, types = ran.stdout.split()
    assert int(count) > 100  # every module of the package, not a handful
    assert set(types.split(",")) == {"email", "ftp", "sftp", "dropbox", "google_drive", "onedrive"}
    assert delivered == {"from-the-wheel.wav": (tmp_path / "rec.wav").read_bytes()}
    shutil.rmtree(venv)
