# dutygraph: two commands for a new user, `make demo` and `make test`.
# Both create .venv and install what they need on first use.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SEED   := examples/zhuzhou-2018-liangxing-plan.txt

.PHONY: demo test venv notebooks neo4j-up neo4j-down clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

DG     := $(VENV)/bin/dutygraph

# Prints the shipped plan's tasks with their units, reads it into the embedded store (./.dutygraph; loading again replaces it), asks the
# researchers' questions and writes two interactive pages to out/.
demo: $(STAMP)
	$(DG) extract $(SEED) --format table
	$(DG) load $(SEED)
	$(DG) units --role lead --limit 8
	$(DG) units --role responsible --expand --limit 8
	$(DG) unit 市环保局
	$(DG) depends 清水塘老工业区搬迁改造
	$(DG) partners 市清水塘投资集团
	$(DG) due 2018-06-30
	$(DG) brokers --limit 5
	mkdir -p out
	$(DG) viz --partners --out out/seed-partners.html
	$(DG) viz --depends 清水塘 --out out/qingshuitang-impact.html
	@echo "Open out/seed-partners.html and out/qingshuitang-impact.html in a browser (they work offline)."

# JupyterLab (the `notebooks` extra) into .venv on first use, then opens notebooks/ in it.
NB_STAMP := $(VENV)/.notebooks-stamp

$(NB_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,notebooks]'
	touch $(NB_STAMP)

notebooks: $(NB_STAMP)
	$(VENV)/bin/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) notebooks/

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
