"""Real plans the readers were not written against, scored against hand-made gold.

* ``tests/fixtures/real``: the 22 documents of ``shared/corpus/real`` with their gold as given;
* ``tests/fixtures/collected/dev``: 100 plans the project collected and annotated before writing rules (C/D/E of
  rounds one and two, H of round three, I and K collected after rounds three and four for the kinds the reader missed,
  N after round five);
* ``tests/fixtures/collected/blind``: 14 more, kept apart from rule writing (scored with a low floor only);
* ``tests/fixtures/collected/blind2``: 19 more, collected in the next round and kept apart the same way (scored once at
  the end of round two, 0.612; development material in round three);
* ``tests/fixtures/collected/blind3``: 24 more, collected in round three and scored once at its end;
* ``tests/fixtures/collected/blind4``: 24 more, collected in round four and scored once at its end.
* ``tests/fixtures/collected/blind5``: 24 more, collected in round five and scored once at its end.
* ``tests/fixtures/collected/blind6``: 24 more, collected in round six and scored once at its end (0.693).
* ``tests/fixtures/collected/blind7``: 14 more, collected in round seven and scored once at its end (0.335).
* ``tests/fixtures/collected/blind8``: 17 more, collected in round eight and scored once at its end (0.518).
* ``tests/fixtures/collected/blind9``: 21 more, collected in round nine and scored once at its end (0.803).

The figures are pair F1 over (task, unit) pairs (``dutygraph evaluate``'s unit F1). The floors sit a little
under the figures measured when they were set, so that a regression fails and an improvement passes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dutygraph.evaluate import evaluate
from dutygraph.graph.build import build
from dutygraph.loaders import load
from dutygraph.loaders.coverage import cue_lines
from dutygraph.loaders.document import drop_corpus_notes
from dutygraph.loaders.lines import to_lines
from dutygraph.loaders.script import fold
from dutygraph.loaders.unwrap import renumbered, unwrap_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL = FIXTURES / "real"
DEV = FIXTURES / "collected" / "dev"
BLIND = FIXTURES / "collected" / "blind"
BLIND2 = FIXTURES / "collected" / "blind2"
BLIND3 = FIXTURES / "collected" / "blind3"
BLIND4 = FIXTURES / "collected" / "blind4"
BLIND5 = FIXTURES / "collected" / "blind5"
BLIND6 = FIXTURES / "collected" / "blind6"
BLIND7 = FIXTURES / "collected" / "blind7"
BLIND8 = FIXTURES / "collected" / "blind8"
BLIND9 = FIXTURES / "collected" / "blind9"
BLIND10 = FIXTURES / "collected" / "blind10"
BLIND11 = FIXTURES / "collected" / "blind11"
BLIND12 = FIXTURES / "collected" / "blind12"


def _scores(folder: Path) -> tuple[float, dict[str, float]]:
    report = evaluate(folder, folder)
    return report["total"]["units"]["f1"], {d["document"]: d["units"]["f1"] for d in report["documents"]}


def test_shared_real_documents_reach_pair_f1_095_with_no_document_below_06():
    total, per_document = _scores(REAL)
    assert len(per_document) == 22
    assert total >= 0.95, per_document
    assert {name: f1 for name, f1 in per_document.items() if f1 < 0.6} == {}


# Each collected set, its document count and its floor (a little under the figure measured when it was set):
COLLECTED_FLOORS = {
    # 0.871 over 63 (round three); 0.821 over 79 when I01-I16 joined (I alone 0.612); 0.852 at the end of round four;
    # 0.834 over 94 when K01-K15 joined (K alone 0.595); 0.884 at the end of round five; 0.886 over 99 when N01-N05
    # joined (N alone 0.954), 0.886 over 100 with N06 (N 0.957), so the floor stays; 0.920 in round eight; 0.937 in
    # round nine (notices, prose, labels, tables)
    "dev": (DEV, 100, 0.94),  # 0.956 in round ten
    # scored three times (0.683, 0.802, 0.805), development material in rounds four and five (0.947, 0.952); 0.991 in
    # round eight (inline labelled clauses, a cut name spread by a group note)
    "blind": (BLIND, 14, 0.97),
    # scored once at the end of the round that collected it (0.612), then development material (0.768, 0.861)
    "blind2": (BLIND2, 19, 0.87),  # 0.883 in round nine, 0.887 in round ten
    # scored once at the end of round three (0.620), then development material (0.883, 0.944)
    "blind3": (BLIND3, 24, 0.95),  # 0.966 in round ten
    # scored once at the end of round four (0.703), then development material in round five (0.986)
    "blind4": (BLIND4, 24, 0.96),
    # scored once at the end of round five (0.710), then development material in round six (0.979)
    "blind5": (BLIND5, 24, 0.97),  # 0.995 in round nine
    # scored once at the end of round six (0.693), before any rule was written for it; development material in round
    # seven (0.924 with its clause, prose and table rules together); 0.933 with a place column beside a person in
    # charge (round eight, tables); 0.958 with round eight's four reader branches together; 0.995 in round nine (tables: merged cells, leaders)
    "blind6": (BLIND6, 24, 0.97),
    # scored once at the end of round seven (0.335), then four general fixes (0.697, a second look); development
    # material in round eight (0.715 with the table rules, 0.823 with the notice reader's rules, 0.808 with the prose
    # rules: office blocks, sector subjects, a measure's items); 0.944 with the four together
    "blind7": (BLIND7, 14, 0.93),  # 0.948 in round ten
    # scored once at the end of round eight (0.518), then four general fixes (0.602, a second look); development
    # material in round nine: 0.941 with its notice, prose, label and table rules together
    "blind8": (BLIND8, 17, 0.95),  # 0.945 in round ten, 0.967 in round eleven
    # scored once at the end of round nine (0.803), then two general fixes (a glued header line without numbers over
    # rows glued one a line: R48 refused -> 1.0, 0.812; circled items inline under a unit heading: R46 0 -> 1.0,
    # 0.858), a second look; development material in round ten: 0.993 with its notice, prose, label and table rules
    "blind9": (BLIND9, 21, 0.97),
    # scored once at the end of round ten (0.513), then three general fixes (a page's number on a line of its own,
    # qualified cooperating labels 主要协作单位:, adverbs ending a name 尽快组织): 0.671, a second look; then a second
    # wave of helpers on its misses (tables 0.845, notices and prose 0.775, labels 0.733 each alone): 0.954 together
    "blind10": (BLIND10, 23, 0.95),  # 0.961 in round eleven
    # scored once at the end of round eleven's first wave (0.591), before any rule was written for it; then a second
    # wave of two helpers on its misses (tables 0.792, notices and prose 0.631 each alone): 0.831 together; a third
    # wave (tables, notices): 0.919
    "blind11": (BLIND11, 23, 0.90),  # 0.930 in round twelve
    # scored once at the end of round twelve's first wave (0.670; main before the round's work: 0.674), before any
    # rule was written for it; then a third wave of three helpers on its misses (tables 0.820, minutes and notices
    # 0.700, clauses and prose 0.759 each alone): 0.953 together, a second look
    "blind12": (BLIND12, 23, 0.93),
}


@pytest.mark.parametrize("name", list(COLLECTED_FLOORS))
def test_each_collected_set_keeps_its_pair_f1_above_its_floor(name):
    folder, count, floor = COLLECTED_FLOORS[name]
    total, per_document = _scores(folder)
    assert len(per_document) == count
    assert total >= floor, per_document


def _cues(path: Path) -> dict[int, str]:
    text = path.read_text("utf-8")
    folded, _ = fold(text)
    lines = drop_corpus_notes(to_lines(folded))
    unwrapped = unwrap_text(lines, text if folded is not text else None)  # a hard-wrapped copy, as the reader joins it
    if unwrapped is not None:
        folded, _ = fold(unwrapped[0])
        lines = renumbered(drop_corpus_notes(to_lines(folded)), unwrapped[1])
    return cue_lines(lines)


WITH_CUES = [p for folder in (REAL, DEV, BLIND, BLIND2) for p in sorted(folder.glob("*.txt")) if _cues(p)]


def test_nearly_every_real_document_shows_role_cues():
    # of 106: the others print units in ways no cue of the vocabulary marks (各地要…, X会同Y…, a unit before
    # its duties with no role word)
    assert len(WITH_CUES) >= 80  # 85 when this was set


@pytest.mark.parametrize("path", WITH_CUES, ids=lambda p: p.stem[:24])
def test_a_document_with_a_role_cue_gives_tasks_and_reports_its_coverage(path):
    doc = load(path)
    assert doc.tasks
    assert doc.coverage is not None and doc.coverage.cues == len(_cues(path))
    assert 0 <= doc.coverage.attached <= doc.coverage.cues
    assert doc.to_dict()["coverage"]["ratio"] == doc.coverage.ratio


def test_every_shared_real_document_gives_tasks():
    for path in sorted(REAL.glob("*.txt")):
        gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text("utf-8"))
        if any(t["lead"] or t["responsible"] or t["cooperating"] for d in gold["documents"] for t in d["tasks"]):
            assert load(path).tasks, path.name


@pytest.mark.parametrize("folder", [REAL, DEV, BLIND, BLIND2], ids=lambda p: p.name)
def test_every_part_of_names_a_task_or_row_of_the_document(folder):
    # the sentences of a prose item with several clauses point at the item: it must exist (as a row)
    for path in sorted(folder.glob("*.txt")):
        try:
            doc = load(path)
        except Exception:
            continue
        ids = {t.id for t in doc.tasks} | {r.id for r in doc.rows}
        assert {t.parent for t in doc.tasks if t.parent} <= ids, path.name
        assert all("label" in data for _, data in build([doc]).nodes(data=True)), path.name
