# Callflow Workspace: `make run` serves the app, `make test` runs every check.
# Each step leaves a stamp so a second run skips what is already done.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# uv installs .venv from uv.lock (exact versions and hashes); uv itself comes, pinned and
# hashed, from tools/uv-requirements.txt into its own small venv.
UV_VENV := .uv
UV := $(UV_VENV)/bin/uv
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
PY_STAMP := $(VENV)/.installed
# Debian packages make installs when missing (all of them, in this one place).
# chromium: e2e tests. kamailio..sip-tester: the SIP server (workspace/sip) and its sip tests
# (baresip devices, SIPp trunk); `make run` starts Kamailio beside the web server.
# rtpengine-daemon: media between browser phones (WebRTC) and plain-RTP devices and trunks,
# run in userspace by `workspace sip run` (the DKMS kernel module is not needed);
# kamailio-tls-modules: SIP over secure WebSocket (wss://) for browsers on https:// pages.
APT_PACKAGES := chromium kamailio kamailio-python3-modules kamailio-websocket-modules \
  kamailio-extra-modules kamailio-utils-modules kamailio-tls-modules baresip-core sip-tester \
  rtpengine-daemon coturn
NODE_STAMP := frontend/node_modules/.installed
DIST := frontend/dist/index.html
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)
KEY := instance/secrets.key
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test setup migrate lint mypy typecheck frontend-check pytest system-packages lock upgrade bench clean

# The production server (gunicorn), as in scale-out mode; `workspace run` is the dev server.
# The SIP server (Kamailio) runs beside it when installed (the packages are installed when
# missing and apt is there); without it the web app is served alone.
run: setup migrate
	@command -v kamailio >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || \
	  $(MAKE) --no-print-directory system-packages || true
	@if command -v kamailio >/dev/null 2>&1; then \
	  WORKSPACE_SIP_DOMAIN=$${WORKSPACE_SIP_DOMAIN:-127.0.0.1} \
	  WORKSPACE_SIP_TRUSTED=$${WORKSPACE_SIP_TRUSTED:-127.0.0.1:5070} \
	  $(BIN)/workspace sip run --app-url http://$(HOST):$(PORT) & sip=$$!; \
	  trap 'kill $$sip 2>/dev/null; wait $$sip' EXIT INT TERM; \
	else echo "SIP server not started: kamailio is not installed (no apt-get here); serving the web app only"; fi; \
	WORKSPACE_SIP_DOMAIN=$${WORKSPACE_SIP_DOMAIN:-127.0.0.1} \
	  WORKSPACE_PUBLIC_URL=$${WORKSPACE_PUBLIC_URL:-http://$(HOST):$(PORT)} \
	  $(BIN)/workspace serve --host $(HOST) --port $(PORT) --demo

test: setup system-packages lint mypy typecheck frontend-check pytest

setup: $(PY_STAMP) $(DIST) $(KEY)

$(UV): tools/uv-requirements.txt
	test -x $(UV_VENV)/bin/python || $(PYTHON) -m venv $(UV_VENV)
	$(UV_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
	  --require-hashes -r tools/uv-requirements.txt
	touch $@

# --locked: install exactly uv.lock, and fail if pyproject.toml changed without `make lock`.
$(PY_STAMP): pyproject.toml uv.lock $(UV)
	$(UV) sync --locked --extra test --quiet
	touch $@

# Refresh the lock after editing pyproject.toml (keeps every other pin as it is).
lock: $(UV)
	$(UV) lock

# Move every dependency to the newest release pyproject.toml allows, on purpose.
upgrade: $(UV)
	$(UV) lock --upgrade

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(DIST): $(NODE_STAMP) $(FRONTEND_SOURCES)
	cd frontend && npm run build

$(KEY): | $(PY_STAMP)
	$(BIN)/python -m workspace.secrets_key --init

migrate: $(PY_STAMP) $(KEY)
	$(BIN)/workspace db upgrade

lint: $(PY_STAMP)
	$(BIN)/ruff check workspace tests bench
	$(BIN)/ruff format --check workspace tests bench

# Strict types on the pure engine and the object types (files and flags: [tool.mypy]).
mypy: $(PY_STAMP)
	$(BIN)/mypy

typecheck: $(NODE_STAMP)
	cd frontend && npm run typecheck

# ESLint (the React hooks rules) and the vitest unit tests of the canvas store and rules.
# The generated API types are checked against the live OpenAPI document by pytest
# (tests/api/test_openapi_types.py; regenerate with `python -m workspace.openapi_types`).
frontend-check: $(NODE_STAMP)
	cd frontend && npm run lint && npm run test:unit

pytest: $(PY_STAMP) $(DIST)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Debian's Chromium drives the e2e tests (browser downloads are blocked here).
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

bench: setup system-packages
	$(BIN)/python bench/compile.py --sizes 1000,10000,50000
	PYTHONPATH=. $(BIN)/python bench/canvas.py --sizes 500,2000
	PYTHONPATH=. $(BIN)/python bench/device_api.py --devices 1000 --seconds 15
	PYTHONPATH=. $(BIN)/python bench/edit_latency.py --devices 1000 --edits 30
	PYTHONPATH=. $(BIN)/python bench/sip_load.py --rate 200 --seconds 60
	PYTHONPATH=. $(BIN)/python bench/call_ingest.py --calls 3000
	PYTHONPATH=. $(BIN)/python bench/audit_overhead.py --edits 200
	PYTHONPATH=. $(BIN)/python bench/week_view.py --runs 20
	PYTHONPATH=. $(BIN)/python bench/publish.py --objects 10000

clean:
	rm -rf $(VENV) $(UV_VENV) frontend/node_modules frontend/dist
