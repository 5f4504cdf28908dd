# The two set-up commands of the README:
#   make app   - install (when needed) and serve the app on http://127.0.0.1:8866 with the example stories
#   make test  - install (when needed) with test tools and Chromium, then run the whole test suite
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: app test lock chromium clean

app: $(VENV)/.installed-app
	$(VENV)/bin/narratief app

test: $(VENV)/.installed-dev chromium
	$(PY) -m pytest $(PYTEST_ARGS)

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "narratief needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(UV): | $(PY)
	$(PY) -m pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed-app: requirements.lock pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(PY) -r requirements.lock
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(PY) -r requirements-dev.lock
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $@ $(VENV)/.installed-app

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# Re-pin every dependency after changing pyproject.toml (commit both lock files).
lock: | $(UV)
	$(UV) pip compile --quiet --python-version 3.11 pyproject.toml -o requirements.lock
	$(UV) pip compile --quiet --python-version 3.11 pyproject.toml --extra dev -o requirements-dev.lock

clean:
	rm -rf $(VENV) .pytest_cache
