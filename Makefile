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
APT_PACKAGES := chromium
NODE_STAMP := frontend/node_modules/.installed
DIST := frontend/dist/index.html
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)
KEY := instance/secrets.key
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test setup migrate lint mypy typecheck pytest system-packages lock upgrade bench clean

# The production server (gunicorn), as in scale-out mode; `workspace run` is the dev server.
run: setup migrate
	$(BIN)/workspace serve --host $(HOST) --port $(PORT) --demo

test: setup system-packages lint mypy typecheck pytest

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
	PYTHONPATH=. $(BIN)/python bench/publish.py --objects 10000

clean:
	rm -rf $(VENV) $(UV_VENV) frontend/node_modules frontend/dist
