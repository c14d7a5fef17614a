"""Role cues decide where units stand; the name lexicon only scores them (issue: a cue-first reader).

Small documents in the layouts real plans use, each checking one rule in general form.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dutygraph.errors import InputError
from dutygraph.loaders.document import parse_text
from dutygraph.model import Role

ROOT = Path(__file__).resolve().parent.parent.parent


def units(task, role: Role) -> list[str]:
    return task.units(role)


def test_unknown_name_in_a_labelled_slot_is_kept_and_reported_with_its_line():
    text = ("关于印发《某县2021年政府工作报告重点工作责任分解》的通知\n一、主要目标\n"
            "1.地区生产总值增长8%左右。(牵头单位:县发改局;责任单位:县统计局,城东管理区、城西管理区,高新技术产业开发区)\n")
    doc = parse_text(text, "plan.txt")
    (task,) = doc.tasks
    assert units(task, Role.LEAD) == ["县发改局"]
    assert units(task, Role.RESPONSIBLE) == ["县统计局", "城东管理区", "城西管理区", "高新技术产业开发区"]
    reported = {u["unit"]: u for u in doc.coverage.unrecognised}
    assert set(reported) == {"城东管理区", "城西管理区", "高新技术产业开发区"}
    assert all(u["line"] == 3 and u["role"] == "responsible" for u in reported.values())


def test_a_list_before_a_role_word_keeps_unknown_names_but_a_sentence_gives_none():
    doc = parse_text("一、任务\n1.建设绿道。(城东大垸牵头,县水利局配合)\n2.强化共同参与。\n3.治理水系。(县水利局负责)\n",
                     "p.txt")
    first, second, third = doc.tasks
    assert units(first, Role.LEAD) == ["城东大垸"] and units(first, Role.COOPERATING) == ["县水利局"]
    assert second.assignments == []
    assert units(third, Role.LEAD) == ["县水利局"]


def test_role_words_and_labels_of_many_plans_are_read():
    text = ("一、任务\n1.稳企业。\n牵头负责领导:市政府常务副市长。\n牵头责任单位:市发展改革委。\n"
            "协同责任单位:市税务局、人行阜阳中心支行等。\n2.建设绿道。\n推进单位:市住建局\n支撑单位:市财政局\n")
    first, second = parse_text(text, "p.txt").tasks
    assert first.leaders == ["市政府常务副市长"]
    assert units(first, Role.LEAD) == ["市发展改革委"]
    assert units(first, Role.COOPERATING) == ["市税务局", "人行阜阳中心支行"]
    assert units(second, Role.RESPONSIBLE) == ["市住建局"] and units(second, Role.COOPERATING) == ["市财政局"]


def test_the_role_vocabulary_is_extended_from_a_users_file(tmp_path):
    cues = tmp_path / "cues.txt"
    cues.write_text("[label.lead]\n主抓单位\n", "utf-8")
    plan = tmp_path / "p.txt"
    plan.write_text("一、任务\n1.建设绿道。\n主抓单位:市住建局\n", "utf-8")
    script = ("import json,sys; from dutygraph.loaders import load; "
              "print(json.dumps(load(sys.argv[1]).to_dict()['tasks'][0]['lead'], ensure_ascii=False))")
    without = subprocess.run([sys.executable, "-c", script, str(plan)], capture_output=True, text=True)
    with_cues = subprocess.run([sys.executable, "-c", script, str(plan)], capture_output=True, text=True,
                               env={**os.environ, "DUTYGRAPH_ROLE_CUES": str(cues)})
    assert with_cues.returncode == 0 and with_cues.stdout.strip() == '["市住建局"]'
    assert without.returncode != 0 or without.stdout.strip() != '["市住建局"]'


def test_a_heading_that_names_the_lead_gives_it_to_its_items_as_inferred():
    text = "一、县示范区管委会牵头工作(2项)\n1.建设养殖基地。\n2.打造酵素生产基地。\n二、其他\n3.修路。(县交通局负责)\n"
    first, second, third = parse_text(text, "p.txt").tasks
    for task in (first, second):
        (a,) = task.assignments
        assert (a.unit, a.role, a.inferred, a.basis) == ("县示范区管委会", Role.LEAD, True, "heading at line 1")
    assert units(third, Role.LEAD) == ["县交通局"] and not third.assignments[0].inferred


def test_a_clause_after_a_group_of_bullets_covers_the_group_from_its_title():
    text = ("拓宽就业渠道\n扩大企业就业规模\n支持中小微企业吸纳高校毕业生就业,给予社会保险补贴\n"
            "落实科研项目经费申请、科研成果等申报与国有企事业单位同类人员同等待遇\n"
            "国家发展改革委、科技部、财政部等按职责分工负责\n拓宽基层就业空间\n挖掘基层就业机会,给予学费补偿\n"
            "中央组织部、教育部等按职责分工负责\n")
    first, second = parse_text(text, "p.txt").tasks
    assert first.text.startswith("扩大企业就业规模") and first.provenance.lines == [2, 4]
    assert units(first, Role.LEAD) == ["国家发展改革委", "科技部", "财政部"]
    assert second.text.startswith("拓宽基层就业空间") and units(second, Role.LEAD) == ["中央组织部", "教育部"]


def test_clauses_opening_their_sentences_give_one_task_each():
    text = ("四、任务\n1.市工商局负责,市农业局配合,严格实施肉品销售公示制度。\n"
            "2.明确分工。市发改委负责提出全市节能规划;市规划局、市建设局负责建筑节能。\n"
            "3.在兰州设立试验区事宜\n由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案。\n")
    tasks = parse_text(text, "p.txt").tasks
    assert [(units(t, Role.LEAD), units(t, Role.COOPERATING)) for t in tasks] == [
        (["市工商局"], ["市农业局"]), (["市发改委"], []), (["市规划局", "市建设局"], []), (["市发改委"], ["相关部门"])]
    assert tasks[3].leaders == ["杨志武"] and tasks[3].text.startswith("在兰州设立试验区事宜")


def test_a_first_listed_note_makes_the_first_unit_lead_from_the_note_on():
    text = ("一、任务\n1.制定政策体系。\n责任单位:财政局、发改局、经信局(列第一位者为牵头或汇总单位,下同)\n"
            "2.落实减税政策。\n责任单位:发改局、税务局\n3.修路。\n牵头单位:交通局\n责任单位:财政局、发改局\n")
    first, second, third = parse_text(text, "p.txt").tasks
    assert units(first, Role.LEAD) == ["财政局"] and units(first, Role.RESPONSIBLE) == ["发改局", "经信局"]
    assert units(second, Role.LEAD) == ["发改局"] and units(second, Role.RESPONSIBLE) == ["税务局"]
    assert second.assignments[0].basis == "first-listed note at line 3"
    assert units(third, Role.LEAD) == ["交通局"] and units(third, Role.RESPONSIBLE) == ["财政局", "发改局"]


def test_a_glued_page_is_cut_into_its_items_and_labels():
    body = ("(一)工地整治:要求施工企业文明施工,做到围挡。牵头领导:阮某副局长责任部门:建工科、安全站"
            "(二)小巷整治:对路面坑洼开展专项整治工作。牵头领导:王某副局长责任部门:城建科、市政管理处")
    tasks = parse_text("方案:" + body * 3 + "\n", "p.txt").tasks
    assert [units(t, Role.RESPONSIBLE) for t in tasks[:2]] == [["建工科", "安全站"], ["城建科", "市政管理处"]]
    assert tasks[0].leaders == ["阮某副局长"] and {t.provenance.first_line for t in tasks} == {1}


def test_a_cue_no_reader_places_still_gives_a_task_never_all_or_nothing():
    # a line the outline reader cannot place (a unit line before any item) still gives its task
    doc = parse_text("重点工作安排\n全面完成河道清淤任务\n市水利局牵头,市财政局配合\n", "p.txt")
    (task,) = doc.tasks
    assert task.text == "全面完成河道清淤任务" and units(task, Role.LEAD) == ["市水利局"]
    assert doc.coverage.cues == doc.coverage.attached == 1


def test_every_cue_counted_short_of_the_cues_is_reported_a_column_header_with_no_unit_after_it_too():
    # a second table's header cells, one a line, whose rows give no unit: two cues not attached, each reported
    doc = parse_text("1.建设绿道。(市住建局负责)\n附表\n序号\n工作任务\n牵头单位\n配合单位\n1\n修缮古桥\n", "p.txt")
    cov = doc.coverage
    assert (cov.cues, cov.attached) == (3, 1)
    assert [s["lines"] for s in cov.skipped] == [[5, 5], [6, 6]]
    assert all("header" in s["reason"] for s in cov.skipped)


# every set scored (the fresh blind set being collected is left out until it is scored)
_SCORED = ["real", "dev", *(f"collected/{name}" for name in ("dev", "blind", *(f"blind{k}" for k in range(2, 12))))]


def test_no_scored_document_with_a_role_cue_comes_back_without_a_placed_unit_and_its_misses_are_all_reported():
    from dutygraph.errors import DutygraphError
    from dutygraph.loaders import load

    bad = []
    for folder in _SCORED:
        for path in sorted((ROOT / "tests" / "fixtures" / folder).iterdir()):
            if not path.is_file() or path.name.endswith(".gold.json") or path.suffix in (".md", ".tsv", ".json"):
                continue
            try:
                doc = load(path)
            except DutygraphError:
                continue  # a document refused says why (tests/loaders/test_bad_input.py)
            cov = doc.coverage
            missed = [s for s in cov.skipped if s["reason"].startswith("role cue")]
            if cov.cues and not any(t.assignments for t in doc.tasks) or cov.cues - cov.attached != len(missed):
                bad.append((path.name, cov.cues, cov.attached, len(missed)))
    assert bad == []


def test_no_recognisable_task_only_without_any_role_cue():
    with pytest.raises(InputError, match="no task table, no responsibility clause"):
        parse_text("关于做好冬季安全工作的通知\n要认真做好安全工作,确保平安过冬。\n", "p.txt")
    # a unit told what it must do is a cue: the notice gives that task (loaders/obligations.py)
    (task,) = parse_text("关于做好冬季安全工作的通知\n各单位要认真做好安全工作。\n", "p.txt").tasks
    assert units(task, Role.RESPONSIBLE) == ["各单位"]


def test_min_coverage_turns_low_coverage_into_a_failure(seed_path, tmp_path):
    partial = tmp_path / "partial.txt"  # cut inside its last clause, before any whole name
    partial.write_text("一、任务\n" + "".join(f"{k}.推进{w}。(牵头单位:县{u})\n" for k, (w, u) in enumerate(
        [("道路硬化", "交通局"), ("厕所改造", "农业农村局"), ("治水", "水利局"), ("绿化", "林业局"), ("教育", "教育局")], 1))
        + "6.推进卫生。[牵头单位:县卫", "utf-8")
    cli = [sys.executable, "-m", "dutygraph.cli", "extract", str(seed_path), str(partial), "--format", "csv"]
    plain = subprocess.run(cli, capture_output=True, text=True, cwd=ROOT)
    strict = subprocess.run(cli + ["--min-coverage", "0.9"], capture_output=True, text=True, cwd=ROOT)
    coverage_lines = [ln for ln in plain.stderr.splitlines() if ln.startswith("coverage: ")]
    assert len(coverage_lines) == 2 and plain.returncode == 0
    assert any(f"{partial}: 5 of 6 role cues attached (83%)" in ln for ln in coverage_lines)
    assert strict.returncode == 2 and seed_path.name in strict.stdout and partial.name not in strict.stdout
    assert f"{partial}:7: coverage 0.83 is under --min-coverage 0.9" in strict.stderr


def test_duties_listed_after_a_unit_and_a_colon_are_its_tasks():
    text = ("三、职责分工\n各成员单位的具体职责如下:市发改委:研究提出人口发展规划;会同市卫生局编制年度计划;负责项目审批。"
            "市教育局:做好学生健康教育;指导学校开展宣传。\n")
    tasks = parse_text(text, "p.txt").tasks
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE), t.units(Role.COOPERATING)) for t in tasks] == [
        ([], ["市发改委"], []), (["市发改委"], [], ["市卫生局"]), (["市发改委"], [], []),
        ([], ["市教育局"], []), ([], ["市教育局"], [])]
    assert tasks[1].text.startswith("会同市卫生局编制年度计划")
def test_a_numbered_item_that_is_one_units_duties_is_one_task():
    text = "三、内设机构职责\n(一)督查室:负责督办上级批办件;负责重大事项督查。\n(二)财务科:负责机关财务管理;管理国有资产。\n"
    tasks = parse_text(text, "p.txt").tasks
    assert [(t.units(Role.LEAD), t.text[:6]) for t in tasks] == [(["督查室"], "督查室:负责"), (["财务科"], "财务科:负责")]


def test_role_vocabulary_variants_of_labels_words_and_columns():
    text = ("某县重点工作分解\n1.全县生产总值增长8%。\n牵头承办单位:县发改局。\n协同承办单位:县统计局、县财政局。\n"
            "2.推进科技创新。省科技厅、省工信厅按职责分工具体负责。\n")
    tasks = parse_text(text, "p.txt").tasks
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in tasks] == [
        (["县发改局"], ["县统计局", "县财政局"]), (["省科技厅", "省工信厅"], [])]
    table = "序号 主要任务 主办单位 协办单位\n1 建设绿道。 市住建局 市财政局\n2 治理水系。 市水利局 各区政府\n"
    rows = parse_text(table, "t.txt").tasks
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in rows] == [
        (["市住建局"], ["市财政局"]), (["市水利局"], ["各区政府"])]


def test_names_a_space_separates_inside_brackets_stay_apart():
    document = parse_text("1.发展职业赛事。（体育总局 民政部负责）\n2.推进C工作。（责任单位 市发改委 市财政局）\n"
                          "3.推进D工作。（市 发 改 委 牵头）\n", "spaced.txt")
    assert [[(a.unit, a.role) for a in t.assignments] for t in document.tasks] == [
        [("体育总局", Role.LEAD), ("民政部", Role.LEAD)],
        [("市发改委", Role.RESPONSIBLE), ("市财政局", Role.RESPONSIBLE)],
        [("市发改委", Role.LEAD)]]


def test_labels_in_square_brackets_without_a_colon_and_role_words_a_space_separates_are_read():
    document = parse_text("一、重点任务\n1.推进老旧小区改造。【牵头单位】市住建局【配合单位】市财政局\n"
                          "2.新建公园。（市园林局牵头 各区政府配合）\n", "brackets.txt")
    assert [[(a.unit, a.role) for a in t.assignments] for t in document.tasks] == [
        [("市住建局", Role.LEAD), ("市财政局", Role.COOPERATING)],
        [("市园林局", Role.LEAD), ("各区政府", Role.COOPERATING)]]


def test_two_tier_label_lines_under_items_give_lead_and_responsible_and_the_leader_a_person():
    doc = parse_text("一、建设整洁城市\n1.建设示范街区。全面提升街区环境。\n牵头局领导:张某\n牵头责任部门:市容科,\n"
                     "重点责任部门:执法大队、各区城管局\n2.整治闲置地块。排查地块。\n分管局领导:李某\n"
                     "牵头责任部门:环卫处\n重点责任部门:园林处\n", "p.txt")
    assert [(units(t, Role.LEAD), units(t, Role.RESPONSIBLE), t.leaders) for t in doc.tasks] == [
        (["市容科"], ["执法大队", "各区城管局"], ["张某"]), (["环卫处"], ["园林处"], ["李某"])]


@pytest.mark.parametrize("line", ["责任领导:王某;牵头单位:县林业局;责任单位:县财政局 县卫健局",
                                  "牵头单位：县林业局 责任单位：县财政局 县卫健局",
                                  "牵头单位:县林业局,责任单位:县财政局　县卫健局"])
def test_names_a_space_separates_in_a_line_of_labels_stay_apart(line):
    doc = parse_text(f"一、任务\n1.推进造林绿化。\n{line}\n2.开展森林防火。\n牵头单位:县应急局\n", "p.txt")
    assert units(doc.tasks[0], Role.LEAD) == ["县林业局"]
    assert units(doc.tasks[0], Role.RESPONSIBLE) == ["县财政局", "县卫健局"]


def test_a_division_label_naming_a_leader_with_his_post_and_a_zong_qiantou_unit():
    doc = parse_text("一、乡村振兴工程\n工作要求:统筹推进乡村建设,打造一批示范村。\n"
                     "任务分工:王某副县长负责,县农业农村局总牵头。\n1.农村道路工程:新建农村公路50公里。县交通运输局牵头,"
                     "县财政局等单位配合。\n", "p.txt")
    first, second = doc.tasks
    assert units(first, Role.LEAD) == ["县农业农村局"] and first.leaders == ["王某"]
    assert units(second, Role.LEAD) == ["县交通运输局"] and units(second, Role.COOPERATING) == ["县财政局"]


def test_a_page_number_line_between_a_task_and_its_labels_is_no_task():
    # (look10) a PDF or Word copy prints the page's number on a line of its own ("- 2 -", "第3页") where a page
    # ends: the labels after it still belong to the item before it
    for mark in (" - 2 - ", "— 12 —", "第3页", "第 3 页 共 9 页"):
        text = ("一、重点任务\n1.推进校园安全建设。\n牵头部门:县教育局\n" + mark + "\n\n"
                "责任单位:县公安局、各乡镇政府\n2.加强师资培训。\n牵头部门:县教育局\n")
        doc = parse_text(text, "plan.txt")
        assert [t.text for t in doc.tasks] == ["推进校园安全建设。", "加强师资培训。"], mark
        first = doc.tasks[0]
        assert units(first, Role.LEAD) == ["县教育局"]
        assert units(first, Role.RESPONSIBLE) == ["县公安局", "各乡镇政府"]


@pytest.mark.parametrize("label", ["主要协作单位", "其他配合单位", "相关协办部门", "重点配合部门"])
def test_a_qualified_cooperating_label_names_cooperating_units(label):
    # (look10) the qualifiers a responsible label takes (主要, 其他, 相关, 重点 …) stand before cooperating labels too
    text = ("一、重点任务\n1.推进全民健康服务。\n牵头责任单位:县卫健委、县民政局\n" + label + ":各乡镇人民政府、县医保局\n"
            "2.创建卫生县城。\n牵头责任单位:县卫健委\n" + label + ":县城管局\n")
    doc = parse_text(text, "plan.txt")
    assert len(doc.tasks) == 2
    assert units(doc.tasks[0], Role.LEAD) == ["县卫健委", "县民政局"]
    assert units(doc.tasks[0], Role.COOPERATING) == ["各乡镇人民政府", "县医保局"]
    assert units(doc.tasks[1], Role.COOPERATING) == ["县城管局"]


def test_a_label_clause_cut_by_the_excerpts_end_gives_no_unit_and_no_task_of_its_own():
    # each item's bracket clause printed at the head of the next paragraph; the excerpt stops inside the last one
    text = ("某市2016年创建卫生城市实施方案\n二、主要任务\n1.改造老旧小区20万平方米。\n"
            "(责任单位:市住建局)2.改造燃气管网30公里,新增燃气用户3000户。\n(责任单位:市燃")
    doc = parse_text(text, "plan.txt")
    assert [u for t in doc.tasks for u in t.units(Role.RESPONSIBLE)] == ["市住建局"]
    assert all(t.text.strip("(（") for t in doc.tasks)  # no task made of the cut clause's bracket alone
