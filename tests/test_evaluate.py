"""dutygraph.evaluate: matching, scores, and the dev set as the project's own test set."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from dutygraph.errors import InputError
from dutygraph.evaluate import evaluate, match_tasks, norm_text, norm_unit, report_rows, score_tasks

DEV = Path(__file__).resolve().parent / "fixtures" / "dev"


def task(text, lead=(), responsible=(), cooperating=(), lines=None):
    t = {"text": text, "lead": list(lead), "responsible": list(responsible), "cooperating": list(cooperating)}
    if lines:
        t["lines"] = lines
    return t


def test_normalisation():
    assert norm_text("全面實施 行政許可。") == norm_text("全面实施行政许可") == "全面实施行政许可"
    assert norm_unit("各縣（市、區）政府") == norm_unit("各县(市、区)政府")


def test_matching_by_prefix_similarity_and_lines():
    gold = [task("建设绿道10公里", lines=[5, 5]), task("治理水系。", lines=[7, 7])]
    pred = [task("治理水系。做好清淤。", lines=[7, 7]), task("建设绿道10公里,其中滨江3公里。", lines=[5, 6])]
    assert match_tasks(gold, pred) == {0: 1, 1: 0}
    assert match_tasks([task("治理水系。", lines=[7, 7])], [task("治理水系。", lines=[9, 9])]) == {}


def test_a_row_matches_by_its_own_title_but_not_by_a_title_it_shares():
    gold = [task("城北小学门前道路建设项目")]
    row = dict(task("建成唐塔北路延伸段道路。"), title="城北小学门前道路建设项目")
    assert match_tasks(gold, [row]) == {0: 0}
    shared = [dict(task("建成道路。"), title="城北小学门前道路建设项目"),
              dict(task("改造路灯。"), title="城北小学门前道路建设项目")]
    assert match_tasks(gold, shared) == {}


def test_scores_count_units_and_roles():
    gold = [task("建设绿道。", lead=["市住建局"], cooperating=["市财政局"]), task("治理水系。", lead=["市水利局"])]
    pred = [task("建设绿道。", lead=["市住建局"], responsible=["市财政局"]), task("植树。", lead=["市林业局"])]
    s = score_tasks(gold, pred)
    assert (s["tasks"]["recall"], s["tasks"]["precision"]) == (0.5, 0.5)
    assert (s["units"]["tp"], s["units"]["predicted"], s["units"]["gold"]) == (2, 3, 3)
    assert (s["roles"]["tp"], s["roles"]["predicted"], s["roles"]["gold"]) == (1, 3, 3)
    assert s["unmatched_gold"] == ["治理水系。"]


def test_dev_set_scores():
    report = evaluate(DEV, DEV)
    rows = {r["document"]: r for r in report["documents"]}
    assert len(rows) == 9
    assert rows["09-beijing-2021-air-pdf-table"]["error"].startswith("no recognisable task")
    total = report["total"]
    assert (total["tasks"]["gold"], total["tasks"]["tp"]) == (108, 106)
    assert total["roles"]["precision"] == 1.0 and total["roles"]["recall"] >= 0.97
    assert report_rows(report)[-1]["document"] == "TOTAL"


def test_generated_corpus_gold_is_evaluated_as_is(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import generate_corpus

    generate_corpus.write_corpus(tmp_path, 3, seed=5)
    total = evaluate(tmp_path, tmp_path)["total"]
    assert total["tasks"]["recall"] == total["units"]["f1"] == total["roles"]["f1"] == 1.0


def test_errors(tmp_path):
    with pytest.raises(InputError, match="no gold annotation"):
        evaluate(tmp_path, tmp_path)
    (tmp_path / "x.gold.json").write_text(json.dumps({"documents": [{"tasks": [task("做事。", lead=["市局"])]}]}),
                                          "utf-8")
    row = evaluate(tmp_path, tmp_path)["documents"][0]
    assert row["error"] == "no document for this gold file" and row["tasks"]["recall"] == 0.0
    (tmp_path / "x.gold.json").write_text("{}", "utf-8")
    with pytest.raises(InputError, match="without \"documents\""):
        evaluate(tmp_path, tmp_path)
