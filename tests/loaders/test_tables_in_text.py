"""Tables in text beyond one cell per line: rows per line (| or spaces), glued cells, interleaved PDF copies."""

from __future__ import annotations

import pytest

from dutygraph.errors import InputError
from dutygraph.loaders.plain_text import parse_plain_text
from dutygraph.model import Role

HEAD = "关于印发《湘潭市2020年河湖治理任务分解方案》的通知\n"


def parse(body: str):
    return parse_plain_text(HEAD + body, "snippet.txt")


def units(task, role):
    return task.units(Role(role))


def test_pipe_separated_rows():
    doc = parse("序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n"
                "1 | 完成城区河道清淤20公里。 | 市水利局 | 市财政局、各区政府 | 2020年6月底前\n"
                "2 | 推进护岸工程。 | 市住建局 |  | 年底前\n")
    a, b = doc.tasks
    assert (a.id, a.text, units(a, "lead"), units(a, "cooperating")) == (
        "T1-1", "完成城区河道清淤20公里。", ["市水利局"], ["市财政局", "各区政府"])
    assert a.deadline.date == "2020-06-30" and b.deadline.date == "2020-12-31"
    assert units(b, "cooperating") == []


def test_space_separated_rows_with_spaces_inside_cells_and_empty_merged_cells():
    doc = parse("序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位\n"
                "1 保护水资 源 严守用水总量红线 实施总量控制。到2020年用水总量控制在10亿立方米以内。 市水利局 市发展改革委、农业局等 各县(市、区)人民政府\n"
                "2  严守用水 效率 红线 落实节水评估。 市水利局 市发展改革委 各县(市、区)人民政府\n"
                "3   抓好工业节水。 市工业和信息化委、水利局 市发展改革委等 各县(市、区)人民政府\n")
    a, b, c = doc.tasks
    assert (a.title, a.text[:6]) == ("严守用水总量红线", "实施总量控制")
    assert units(a, "cooperating") == ["市发展改革委", "农业局"]  # 参与 is cooperating, 等 dropped
    assert units(a, "responsible") == ["各县(市、区)人民政府"]
    assert b.title == "严守用水效率红线"  # 严守用水 效率 红线: one cell wrapped
    assert c.title == "严守用水效率红线"  # empty cell: merged with the one above
    assert units(c, "lead") == ["市工业和信息化委", "水利局"]


def test_last_row_cut_inside_a_name_keeps_whole_names_only():
    doc = parse("序号 重点任务 牵头单位 责任单位\n1 完成清淤。 市水利局 市财政局、各区人民政府,城乡示范区、高")
    assert units(doc.tasks[0], "responsible") == ["市财政局", "各区人民政府"]


def test_metadata_pipes_are_not_a_task_table():
    with pytest.raises(InputError, match="no recognisable task"):
        parse("发布单位 | 某市人民政府 |\n发布日期 | 2021-03-29 | 生效日期 | 2021-03-29 |\n")


GLUED = ("1、任务分解表序号项目名称主要内容区政府分管领导牵头单位配合单位1绿道建设新建绿道10公里,其中滨江段3公里。"
         "王海明住建局经开区高新园(某某镇)各街道2就业促进落实就业优先战略。全区新增就业1万人。王海明人社局高新园(某\n"
         "2、某镇)各街道3老城更新完成纪念馆提升工程。王海明文旅局城投公司推进老街立面整治。李春生住建局五一街道南湖街道"
         "4养老服务为5000名老人提供上门服务。张菁民政局各街道提升改造3家养老服务中心。序号项目名称主要内容区政府分管领导"
         "牵头单位配合单位5文体惠民新建2家书\n3、房,开展惠民活动,组")


def test_glued_cells_rows_sub_rows_and_page_numbers():
    doc = parse(GLUED)
    got = [(t.id, t.title, t.leaders, units(t, "lead"), units(t, "cooperating")) for t in doc.tasks]
    assert got == [
        ("T1-1", "绿道建设", ["王海明"], ["住建局"], ["经开区", "高新园(某某镇)", "各街道"]),
        ("T1-2", "就业促进", ["王海明"], ["人社局"], ["高新园(某某镇)", "各街道"]),
        ("T1-3-1", "老城更新", ["王海明"], ["文旅局"], ["城投公司"]),
        ("T1-3-2", "老城更新", ["李春生"], ["住建局"], ["五一街道", "南湖街道"]),
        ("T1-4-1", "养老服务", ["张菁"], ["民政局"], ["各街道"]),
        ("T1-4-2", "养老服务", ["张菁"], ["民政局"], ["各街道"]),
        ("T1-5", "文体惠民", [], [], []),
    ]
    shared = doc.tasks[5].assignments
    assert all(a.inferred and "printed once" in a.basis for a in shared)
    assert doc.tasks[0].text == "新建绿道10公里,其中滨江段3公里。"
    assert doc.tasks[1].provenance.lines == [2, 3]  # the row goes on over the page number
    assert doc.tasks[-1].text.startswith("新建2家书房")


def test_interleaved_pdf_copy_is_refused_with_a_reason():
    line = ("附件 1 序号 重点任务 工作措施 牵头部门 主责单位 协办单位 时限 、 一 空气质量 市交通委 , 在完成 全市 市生态环境局 "
            "市城管委 , 1 目标任务 改善空气质量 细颗粒物 年底前 各区政府 ( ) 、 。 ( ) 浓度 下降 含开发区管委会 等部门 、 ( )")
    with pytest.raises(InputError, match="interleaved") as info:
        parse(line + "\n")
    assert info.value.line == 2


def test_interleaved_table_beside_readable_prose_reads_the_prose_only():
    line = ("序号 重点任务 工作措施 牵头部门 主责单位 协办单位 时限 、 一 空气质量 市交通委 , 在完成 全市 市生态环境局 "
            "市城管委 , 1 目标任务 改善空气质量 细颗粒物 年底前 各区政府 ( ) 、 。 ( ) 浓度 下降 含开发区管委会 等部门 、 ( )")
    doc = parse("一、任务\n1.建设绿道。(市住建局牵头)\n" + line + "\n")
    assert [t.text for t in doc.tasks] == ["建设绿道。"]


def test_columns_aligned_with_runs_of_spaces_and_short_text_cells():
    doc = parse("序号    重点任务          牵头单位    配合单位\n"
                "1       完成河道清淤      市水利局    市财政局、各区政府\n"
                "2       推进护岸工程建设  市住建局\n")
    assert [(t.text, units(t, "lead"), units(t, "cooperating")) for t in doc.tasks] == [
        ("完成河道清淤", ["市水利局"], ["市财政局", "各区政府"]), ("推进护岸工程建设", ["市住建局"], [])]


def test_units_standing_apart_with_spaces_in_a_pipe_cell_are_a_list():
    from dutygraph.loaders.document import parse_text

    text = ("序号 | 工作任务 | 责任领导 | 责任单位\n1 | 推动义务教育优质均衡发展。 | 毛某某 | 县教体局 各相关乡镇政府\n"
            "2 | 推进县域综合医改试点。 | 毛某某 | 县卫健委 各相关乡镇政府\n")
    doc = parse_text(text, "x.txt")
    assert [[a.unit for a in t.assignments] for t in doc.tasks] == [["县教体局", "各相关乡镇政府"], ["县卫健委", "各相关乡镇政府"]]


@pytest.mark.parametrize("sep", ["\t", " ", "  ", "\u3000"])
def test_rows_of_short_cells_one_token_per_column(sep):
    rows = [("序号", "重点任务", "牵头单位", "配合单位"), ("1", "建设绿道", "市住建局", "市财政局、市自然资源局"),
            ("2", "治理水系", "市水利局", "城东管理区"), ("3", "改造老旧小区", "市住建局", "各区政府")]
    doc = parse("".join(sep.join(r) + "\n" for r in rows))
    assert [(t.text, units(t, "lead"), units(t, "cooperating")) for t in doc.tasks] == [
        ("建设绿道", ["市住建局"], ["市财政局", "市自然资源局"]), ("治理水系", ["市水利局"], ["城东管理区"]),
        ("改造老旧小区", ["市住建局"], ["各区政府"])]


def test_a_markdown_rule_under_the_header_is_no_row():
    doc = parse("| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|---|:---:|---|---|\n| 1 | 建设绿道 | 市住建局 | 市财政局 |\n"
                "| 2 | 治理水系 | 市水利局 | 各区政府 |\n")
    assert [(t.text, units(t, "lead")) for t in doc.tasks] == [("建设绿道", ["市住建局"]), ("治理水系", ["市水利局"])]
