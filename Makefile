# The front door. `make chat` and `make test` work on a new machine: each installs and trains
# what it needs first. See README.md.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/bot.tar.gz
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
TRAINING_FILES := config.yml $(wildcard bot/domain/*.yml) $(shell find bot/data -name '*.yml' 2>/dev/null)

.PHONY: install train run chat test test-core test-rasa test-e2e test-security test-scale eval bench lint validate lock clean

install: $(VENV)/.installed

$(VENV)/.installed: constraints.txt pyproject.toml
	@PY=$$(scripts/find-python310) || exit 1; \
	  [ -x $(BIN)/python ] || "$$PY" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==24.0
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m pip check
	@touch $@

# Rasa's own fingerprint also skips unchanged training; make skips even loading it.
train: $(MODEL)

$(MODEL): $(TRAINING_FILES) | install
	$(BIN)/rasa train --domain bot/domain --data bot/data --config config.yml \
	  --out models --fixed-model-name bot

validate: install
	$(BIN)/rasa data validate --domain bot/domain --data bot/data --config config.yml --fail-on-warnings
	$(BIN)/bot kb validate

run: train
	$(BIN)/python -m bot.serve --port 5005 --actions-port 5055 --console

chat: train
	$(BIN)/python -m bot.chat

test: train services
	$(BIN)/python -m pytest -q

test-core: install
	$(BIN)/python -m pytest -q -m "not rasa and not e2e and not scale"

test-e2e: train
	$(BIN)/python -m pytest -q -m e2e

test-security: train
	$(BIN)/python -m pytest -q -m security

test-scale: train services
	$(BIN)/python -m pytest -q -m scale

.PHONY: services
services:
	@scripts/ci-services

eval: install
	$(BIN)/rasa train nlu --nlu bot/data --config config.yml --out results/eval-model --fixed-model-name nlu
	$(BIN)/python -m tools.evaluate --model results/eval-model/nlu.tar.gz --out results/eval.json

bench: train
	$(BIN)/python -m tools.bench --out results/bench.json

lint: install
	$(BIN)/ruff check bot tests tools console

lock: install
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > constraints.tmp && \
	  (echo "# Every package the bot installs, pinned (pip freeze of a working .venv, Python 3.10)."; \
	   echo "# Regenerate with: make lock"; cat constraints.tmp) > constraints.txt && rm constraints.tmp

clean:
	rm -rf models results/eval-model var/cache
