# masthead: `make demo` to see it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: demo test install lint test-embedded test-services clean

INSTALL_INPUTS := pyproject.toml scripts/system-packages scripts/build-assets package-lock.json \
	masthead/locale/my/LC_MESSAGES/django.po

$(VENV)/.installed: $(INSTALL_INPUTS)
	./scripts/system-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	cd masthead && ../$(BIN)/masthead compilemessages --ignore '.venv' > /dev/null
	./scripts/build-assets
	touch $@

install: $(VENV)/.installed

## Install everything, load the demo newsroom and serve it on http://127.0.0.1:$(PORT)
demo: install
	$(BIN)/masthead demo
	PORT=$(PORT) $(BIN)/masthead serve

## Lint, type-check, check the layers and migrations, then run the suite on both backends
test: install lint test-embedded test-services

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy masthead
	$(BIN)/lint-imports
	$(BIN)/masthead makemigrations --check --dry-run

test-embedded:
	@echo "== Test pass 1: embedded default (SQLite, local memory) =="
	env -u DATABASE_URL -u REDIS_URL $(BIN)/pytest --create-db

test-services:
	./scripts/test-services

clean:
	rm -rf $(VENV) var
