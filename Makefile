# Two commands do all set-up on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SITE   ?= site
export NO_MKDOCS_2_WARNING := 1

VNU    := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: build serve test bench system-tools clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10) and "Python >= 3.10 is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

## Build the example help center into site/ (the old site stays if the build fails).
build: $(VENV)/.installed
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new
	rm -rf .site-old
	if [ -d $(SITE) ]; then mv $(SITE) .site-old; fi
	mv .site-new $(SITE)
	rm -rf .site-old

## Live preview for editors and translators on http://127.0.0.1:8000/
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## Everything: lint, types, unit, build, browser and HTML-validity tests.
test: $(VENV)/.test-installed system-tools $(VNU)
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench
	$(BIN)/mypy
	$(BIN)/pytest

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
bench: $(VENV)/.test-installed
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(SITE) .site-new .site-old bench/out node_modules
