# dutygraph: two commands for a new user, `make demo` and `make test`.
# Both create .venv and install what they need on first use.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SEED   := examples/zhuzhou-2018-liangxing-plan.txt

.PHONY: demo test venv neo4j-up neo4j-down clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/dutygraph extract $(SEED) --format table

# Installs Chromium + CJK fonts if missing, starts Neo4j (stopped again afterwards
# unless it was already running), runs every test; a skipped test fails here.
test: $(STAMP)
	PY=$(PY) bash tools/run-tests.sh

# The local Neo4j 5.26 test server alone (bolt://127.0.0.1:$${NEO4J_BOLT_PORT:-7687}, no auth).
neo4j-up:
	bash tools/neo4j-test-server/up.sh

neo4j-down:
	bash tools/neo4j-test-server/down.sh

clean:
	rm -rf $(VENV) .pytest_cache .dutygraph
