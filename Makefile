# Two commands a newcomer needs: `make run` and `make test`. The rest is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

BACKUP ?=
# Generated articles on top of the demo for `make bench` (e.g. ARTICLES=10000)
ARTICLES ?= 0
# Generated events on top of the demo for `make bench` (e.g. EVENTS=1000)
EVENTS ?= 0
# Processes `make test` runs the tests in (pytest-xdist): one per core
TEST_WORKERS ?= auto

.PHONY: mutate rehearsal loadtest backup restore run dev test install lock upgrade-check tools migrate demo static lint format messages check-deploy bench clean

# Installs come from the locks in requirements/, which pin every package and the hashes of
# all its files, for Python 3.11 and up on any platform: production.txt holds pyproject's
# [project] dependencies (what deploy/bin/deploy installs), dev.txt adds the dev extra
# (what make install, and so CI and make run, installs). make lock writes both.
LOCK_PRODUCTION := requirements/production.txt
LOCK_DEV := requirements/dev.txt
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --quiet --no-config --universal \
	--python-version 3.11 --generate-hashes --custom-compile-command "make lock"
# make lock UPGRADE="wagtail wagtail-localize" moves those to the newest versions their
# ranges allow; UPGRADE=all moves everything. Without it, each pin stays where it is.
UPGRADE ?=
UPGRADE_FLAGS = $(if $(filter all,$(UPGRADE)),--upgrade,$(addprefix --upgrade-package ,$(UPGRADE)))
# Inside .venv, so that everything that skips .venv (ruff, makemessages, the tests'
# copies of the tree, git) skips it too.
UPGRADE_VENV := $(VENV)/upgrade

$(STAMP): $(LOCK_DEV) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK_DEV)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## Pin the dependencies anew from pyproject.toml (after a range or a package changed
## there), keeping every version its range still allows; UPGRADE=… as above
lock: install
	$(UV_COMPILE) $(UPGRADE_FLAGS) --output-file $(LOCK_PRODUCTION)
	$(UV_COMPILE) $(UPGRADE_FLAGS) --extra dev --constraints $(LOCK_PRODUCTION) --output-file $(LOCK_DEV)

## Install the newest versions that pyproject.toml's ranges allow into a virtualenv of
## their own (.venv/upgrade), list how they differ from the lock, and there run the
## start-up checks, look for migrations the new versions would need, and run the suite
## (with PYTEST_ARGS; less the lock's own test, which a moved range fails until make lock):
## an upgrade is then a decision (make lock UPGRADE=…), not an accident
upgrade-check: install
	rm -rf $(UPGRADE_VENV)
	$(PYTHON) -m venv $(UPGRADE_VENV)
	$(UV_COMPILE) --upgrade --extra dev --output-file $(UPGRADE_VENV)/requirements.txt
	@sed -n 's/^\([A-Za-z0-9][^ ]*\).*/\1/p' $(LOCK_DEV) > $(UPGRADE_VENV)/locked.txt
	@sed -n 's/^\([A-Za-z0-9][^ ]*\).*/\1/p' $(UPGRADE_VENV)/requirements.txt > $(UPGRADE_VENV)/newest.txt
	@echo "--- The newest allowed versions against the lock (-locked +newest)"
	@diff -U0 $(UPGRADE_VENV)/locked.txt $(UPGRADE_VENV)/newest.txt | grep '^[-+][^-+]' || echo "none: the lock is the newest"
	$(UPGRADE_VENV)/bin/pip install --quiet --upgrade pip
	$(UPGRADE_VENV)/bin/pip install --quiet --require-hashes -r $(UPGRADE_VENV)/requirements.txt
	$(UPGRADE_VENV)/bin/pip install --quiet --no-deps -e .
	$(UPGRADE_VENV)/bin/python manage.py check
	$(UPGRADE_VENV)/bin/python manage.py makemigrations --check --dry-run
	$(UPGRADE_VENV)/bin/python -m pytest --ignore tests/test_dependencies.py $(PYTEST_ARGS)

## The Nu HTML Checker and Lighthouse for the browser tests (need npm, and java)
tools: .tools/node_modules/vnu-jar/build/dist/vnu.jar .tools/node_modules/.bin/lighthouse

.tools/node_modules/vnu-jar/build/dist/vnu.jar:
	mkdir -p .tools
	npm install --silent --no-audit --no-fund --prefix .tools vnu-jar@26

.tools/node_modules/.bin/lighthouse:
	mkdir -p .tools
	npm install --silent --no-audit --no-fund --prefix .tools lighthouse@12

# `make run` serves with the production settings, over plain HTTP on loopback.
LOCAL := DJANGO_SETTINGS_MODULE=produktionslyftet.settings.local

migrate: install
	$(LOCAL) $(BIN)/python manage.py migrate --no-input

demo: migrate
	$(LOCAL) $(BIN)/python manage.py load_demo_content --hostname $(HOST) --port $(PORT)

static: install
	$(LOCAL) $(BIN)/python manage.py collectstatic --no-input -v0

## Set up everything and serve the demo site on SQLite at http://127.0.0.1:8000/, as
## production serves it: gunicorn, DEBUG off, hashed and compressed static files
run: demo static
	@echo ""
	@echo "  Site:   http://$(HOST):$(PORT)/   (English: http://$(HOST):$(PORT)/en/)"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/   user: admin   password: $${DEMO_ADMIN_PASSWORD:-produktionslyftet}"
	@echo "          editors with the same password: programkontoret, mellersta-norrland, oversattare"
	@echo ""
	$(LOCAL) HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn -c deploy/gunicorn.conf.py produktionslyftet.wsgi

## The autoreloading development server, DEBUG on, for working on the code
dev: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Run the whole test suite (SQLite unless DATABASE_URL says otherwise)
## Tests run in parallel, one process per core (TEST_WORKERS=0: in this process alone); a
## test file stays in one process, so that the servers its fixtures start are started once
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/djhtml --check templates

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml templates

## Regenerate the interface-string catalogues (needs GNU gettext) and compile them
messages: install
	$(BIN)/python manage.py makemessages --locale sv --locale en --ignore ".venv/*" --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore ".venv/*"

check-deploy: install
	SECRET_KEY=check-only-$$(date +%s)-not-a-real-secret-but-long-enough-for-django \
	ALLOWED_HOSTS=produktionslyftet.se DJANGO_SETTINGS_MODULE=produktionslyftet.settings.production \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

## Print response times and query counts of the main pages, then the serving stack under
## wrk: gunicorn, Varnish hits, nginx serving the same bytes; files them in
## artifacts/bench.json. ARTICLES=10000 measures the demo with 10,000 more articles,
## EVENTS=1000 with 1,000 more events.
bench: install
	ARTICLES=$(ARTICLES) EVENTS=$(EVENTS) $(BIN)/python benchmarks/bench_pages.py
	ARTICLES=$(ARTICLES) EVENTS=$(EVENTS) $(BIN)/python benchmarks/bench_stack.py

## The production rehearsal: docs/deployment.md's own files and scripts bring up
## PostgreSQL, Redis, gunicorn, two Varnish and nginx with TLS on this machine (as root,
## ports 80 and 443), with the production settings, and check the site through HTTPS
rehearsal: install
	REHEARSAL=1 $(BIN)/python -m pytest tests/rehearsal $(PYTEST_ARGS)

## Readers and editors at once: LOADTEST_USERS (32) readers for LOADTEST_SECONDS (60) while
## LOADTEST_PUBLISHES (50) revisions are published; writes artifacts/loadtest.json
loadtest: install
	$(BIN)/python benchmarks/loadtest.py

## Mutation testing (cosmic-ray) of the critical modules, each against its own tests, in
## copies of the tree under .mutation_cache/; prints the score per module and in total.
## Slow (an hour or more for all), so not part of make test; niced, MUTATE_JOBS (2) pytest
## runs at once. One module: make mutate MODULE=translations/permissions.py
MODULE ?=
MUTATE_JOBS ?= 2
# Stop each module after so many minutes and score the mutants that ran (0: no limit)
MUTATE_MINUTES ?= 0
# MUTATE_AGAIN=1 runs only the mutants the module's last run did not kill
MUTATE_AGAIN ?=
mutate: install
	nice -n 15 $(BIN)/python mutation/run.py --jobs $(MUTATE_JOBS) --minutes $(MUTATE_MINUTES) $(if $(MUTATE_AGAIN),--again) $(MODULE)

## Back up the database and media into backups/ (SQLite or PostgreSQL, as configured)
backup: install
	$(LOCAL) $(BIN)/python manage.py backup

## Restore a backup: make restore BACKUP=backups/produktionslyftet-….tar.gz
restore: install
	@test -n "$(BACKUP)" || (echo "Say which: make restore BACKUP=backups/…tar.gz" && false)
	$(LOCAL) $(BIN)/python manage.py restore $(BACKUP)

clean:
	rm -rf $(VENV) .tools .mutation_cache artifacts var db.sqlite3 media static_collected .pytest_cache .secret_key
