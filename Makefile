# Callflow Workspace: `make run` serves the app, `make test` runs every check.
# Each step leaves a stamp so a second run skips what is already done.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := frontend/node_modules/.installed
DIST := frontend/dist/index.html
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)
KEY := instance/secrets.key
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test setup migrate lint typecheck pytest chromium bench clean

run: setup migrate
	$(BIN)/workspace run --host $(HOST) --port $(PORT)

test: setup chromium lint typecheck pytest

setup: $(PY_STAMP) $(DIST) $(KEY)

$(PY_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

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

typecheck: $(NODE_STAMP)
	cd frontend && npm run typecheck

pytest: $(PY_STAMP) $(DIST)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Debian's Chromium drives the e2e tests (browser downloads are blocked here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the e2e tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

bench: setup chromium
	$(BIN)/python bench/compile.py --sizes 1000,10000,50000
	PYTHONPATH=. $(BIN)/python bench/canvas.py --sizes 500,2000
	PYTHONPATH=. $(BIN)/python bench/device_api.py --devices 1000 --seconds 15

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist
