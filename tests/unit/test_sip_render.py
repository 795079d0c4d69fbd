"""The SIP server's config renders from settings, in both deployment modes."""

from __future__ import annotations

import json

import pytest

from workspace.sip.render import render

SETTINGS = {
    "host": "127.0.0.1",
    "port": 5060,
    "ws_port": 8088,
    "domain": "pbx.example",
    "trusted": ["192.0.2.0/24"],
    "trunk": "192.0.2.10:5060",
    "mode": "single",
}


def test_when_mode_unknown_then_value_error(tmp_path):
    with pytest.raises(ValueError, match="WORKSPACE_SIP_MODE"):
        render({**SETTINGS, "dir": str(tmp_path), "mode": "mesh"})


def test_when_cluster_without_database_then_value_error(tmp_path):
    with pytest.raises(ValueError, match="WORKSPACE_SIP_DB_URL"):
        render({**SETTINGS, "dir": str(tmp_path), "mode": "cluster"})


def test_when_single_then_usrloc_in_memory_and_listen_from_settings(tmp_path):
    cfg = render({**SETTINGS, "dir": str(tmp_path)}).read_text()

    assert "listen=udp:127.0.0.1:5060" in cfg and "listen=tcp:127.0.0.1:8088" in cfg
    assert 'modparam("usrloc", "db_mode", 0)' in cfg
    assert "#!define WITH_CLUSTER" not in cfg
    assert "async_workers=2" in cfg and "alias=" not in cfg.replace("auto_aliases=no", "")
    assert f'modparam("app_python3", "load", "{tmp_path / "boot.py"}")' in cfg
    settings = json.loads((tmp_path / "settings.json").read_text())
    assert settings["trusted"] == ["192.0.2.0/24"] and settings["domain"] == "pbx.example"
    assert (tmp_path / "plans" / "gen").is_dir() and (tmp_path / "events").is_dir()


def test_when_cluster_then_usrloc_shared_through_postgres(tmp_path):
    url = "postgresql://kamailio:pw@db.example:5432/kamailio"
    cfg = render({**SETTINGS, "dir": str(tmp_path), "mode": "cluster", "db_url": url}).read_text()

    assert "#!define WITH_CLUSTER" in cfg
    assert 'modparam("usrloc", "db_url", "postgres://kamailio:pw@db.example:5432/kamailio")' in cfg
    assert 'modparam("usrloc", "db_mode", 3)' in cfg
    assert 'loadmodule "db_postgres.so"' in cfg


def test_when_boot_script_runs_then_it_loads_the_routing_module(tmp_path):
    render({**SETTINGS, "dir": str(tmp_path)})

    boot = (tmp_path / "boot.py").read_text()

    assert "from kemi import routing" in boot
    compile(boot, "boot.py", "exec")


@pytest.mark.parametrize("ports", ["30000", "3000x-3100", "31000-30000", "80-900", ""])
def test_when_rtp_ports_malformed_then_value_error_names_the_variable(ports):
    from workspace.sip.render import rtp_port_range

    with pytest.raises(ValueError, match="WORKSPACE_SIP_RTP_PORTS"):
        rtp_port_range(ports)


def test_when_rtpengine_does_not_run_then_its_module_is_not_loaded(tmp_path):
    cfg = render({**SETTINGS, "dir": str(tmp_path)}).read_text()

    assert "#!define WITH_RTPENGINE" not in cfg
    assert json.loads((tmp_path / "settings.json").read_text())["rtpengine"] is False


def test_when_rtpengine_runs_then_the_cfg_loads_it_on_its_ng_port(tmp_path):
    cfg = render(
        {**SETTINGS, "dir": str(tmp_path), "rtpengine": True, "rtpengine_ng_port": 2299}
    ).read_text()

    assert "#!define WITH_RTPENGINE" in cfg
    assert 'modparam("rtpengine", "rtpengine_sock", "udp:127.0.0.1:2299")' in cfg
    assert json.loads((tmp_path / "settings.json").read_text())["rtpengine"] is True


def test_when_tls_cert_has_no_key_then_value_error_names_both(tmp_path):
    cert = tmp_path / "cert.pem"
    cert.write_text("x")
    with pytest.raises(ValueError, match="WORKSPACE_SIP_TLS_CERT and WORKSPACE_SIP_TLS_KEY"):
        render({**SETTINGS, "dir": str(tmp_path / "sip"), "tls_cert": str(cert)})


def test_when_tls_key_is_not_a_file_then_value_error_names_it(tmp_path):
    cert = tmp_path / "cert.pem"
    cert.write_text("x")
    with pytest.raises(ValueError, match="WORKSPACE_SIP_TLS_KEY: no such file"):
        render(
            {
                **SETTINGS,
                "dir": str(tmp_path / "sip"),
                "tls_cert": str(cert),
                "tls_key": str(tmp_path / "missing.pem"),
            }
        )


def test_when_tls_files_are_set_then_a_wss_listener_and_the_tls_module(tmp_path):
    for name in ("cert.pem", "key.pem"):
        (tmp_path / name).write_text("x")
    settings = {
        **SETTINGS,
        "dir": str(tmp_path / "sip"),
        "tls_cert": str(tmp_path / "cert.pem"),
        "tls_key": str(tmp_path / "key.pem"),
        "wss_port": 8443,
    }

    cfg = render(settings).read_text()

    assert "#!define WITH_TLS" in cfg and "listen=tls:127.0.0.1:8443" in cfg
    tls = (tmp_path / "sip" / "tls.cfg").read_text()
    assert f"certificate = {tmp_path / 'cert.pem'}" in tls
    assert f"private_key = {tmp_path / 'key.pem'}" in tls


def test_when_no_tls_files_then_no_wss_listener(tmp_path):
    cfg = render({**SETTINGS, "dir": str(tmp_path)}).read_text()

    assert "#!define WITH_TLS" not in cfg and not (tmp_path / "tls.cfg").exists()
