# Two commands do all set-up on a fresh machine: `make build` and `make test`.
# Python packages come from uv.lock (exact versions, hash-checked); see README "Dependencies".
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SITE   ?= site
export NO_MKDOCS_2_WARNING := 1

# uv itself lives in its own small venv, installed by pip from requirements-uv.txt (pinned by hash).
UV_HOME := .uv
UV      := $(UV_HOME)/bin/uv
export UV_PROJECT_ENVIRONMENT = $(abspath $(VENV))
export UV_PYTHON_DOWNLOADS := never
# The newest versions the ranges in pyproject.toml allow, for make test-latest.
LATEST ?= .venv-latest

VNU    := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: build serve test test-latest lock bench system-tools clean

$(UV): requirements-uv.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is needed")'
	rm -rf $(UV_HOME)
	$(PYTHON) -m venv $(UV_HOME)
	$(UV_HOME)/bin/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-uv.txt

# Exactly the lock (runtime, test, lint and type tools), hash-checked; anything else is removed.
$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --quiet --python $(PYTHON)
	touch $@

## Upgrade uv.lock (and uv itself) to the newest versions the ranges in pyproject.toml allow.
lock: | $(UV)
	$(UV) lock --upgrade
	echo 'uv<1' | $(UV) pip compile --quiet --universal --generate-hashes --custom-compile-command 'make lock' \
	  - -o requirements-uv.txt

## Build the example help center into site/: strict, into a fresh folder, swapped in only on success,
## one build at a time (a second one waits for the first).
build: $(VENV)/.installed
	$(BIN)/helpcenter build --site-dir $(SITE)

## Live preview for editors and translators on http://127.0.0.1:8000/
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## Everything: lint, types, unit, build, browser and HTML-validity tests.
test: $(VENV)/.installed system-tools $(VNU)
	$(UV) sync --locked --check --quiet  # .venv is exactly the lock: nothing added or changed by hand
	$(call checks,$(BIN))

## The suite against the newest versions the ranges allow, in a separate venv ($(LATEST)); uv.lock is untouched.
test-latest: system-tools $(VNU) | $(UV)
	rm -rf $(LATEST)
	$(UV) venv --quiet --python $(PYTHON) $(LATEST)
	VIRTUAL_ENV=$(abspath $(LATEST)) $(UV) pip install --quiet --upgrade --group dev -e .
	$(call checks,$(LATEST)/bin)

# Lint, types, then every test, with the tools of one environment ($(1): its bin folder).
define checks
	$(1)/ruff check plugins tests bench
	$(1)/ruff format --check plugins tests bench
	$(1)/mypy
	$(1)/pytest
endef

# Debian packages the tests need: Chromium (browser tests), Java (the Nu Html Checker), npm (to fetch it).
system-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

$(VNU): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Build time with and without the plugin, scaling, asset sizes (see BENCHMARKS.md).
bench: $(VENV)/.installed
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(SITE) .site-new .site-old bench/out node_modules $(UV_HOME) $(LATEST)
