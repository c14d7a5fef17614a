"""Tables glued into one long line (a web page dumped without its line breaks): read as the original."""

from dutygraph.loaders.document import parse_text
from dutygraph.loaders.glued_rows import find_header, recut_tables
from dutygraph.loaders.lines import to_lines
from dutygraph.model import Role

NOTICE = ("某县人民政府办公室关于印发2024年重点工作任务分解表的通知 各乡镇人民政府,县直各单位: 现将《2024年重点工作任务"
          "分解表》印发给你们,请各责任单位认真抓好落实,每季度末向县政府办公室报送工作进展情况,确保各项任务按期完成。"
          "特此通知。 某县人民政府办公室 2024年2月20日 附件 2024年重点工作任务分解表 ")


def test_a_glued_table_with_numbered_rows_gives_every_row_its_units():
    rows = ("序号 重点任务 牵头单位 责任单位 完成时限 1 完成城区河道清淤12公里。 县水利局 各乡镇人民政府 2024年6月 "
            "2 新建农村公路30公里,改造危桥5座。 县交通运输局 县财政局、各乡镇人民政府 2024年12月 "
            "3 建成县第二人民医院门诊楼。 县卫生健康局 县发改局 2024年10月")
    doc = parse_text(NOTICE + rows, "glued.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["县水利局"], ["各乡镇人民政府"]),
        (["县交通运输局"], ["县财政局", "各乡镇人民政府"]),
        (["县卫生健康局"], ["县发改局"])]


def test_a_glued_bar_table_without_row_numbers_is_cut_by_its_columns():
    rows = ("重点任务 | 工作内容 | 负责科室 | 政策解读 | 对本局起草的政策文件进行全面解读,创新解读形式。 | 办公室 | "
            "回应关切 | 对群众普遍关注的热点问题及时回应。 | 综合科 | 信息发布 | 及时发布财政预决算信息。 | 财务科 |")
    doc = parse_text(NOTICE + rows, "glued.txt")
    assert [t.units(Role.RESPONSIBLE) or t.units(Role.LEAD) for t in doc.tasks] == [["办公室"], ["综合科"], ["财务科"]]


def test_letter_spaced_labels_make_one_header_and_the_text_before_it_stays_one_line():
    line = to_lines(NOTICE * 2 + "序号 目 标 任 务 牵头单位 责任单位 1 建成污水处理厂一座。 县住建局 县生态环境分局")[0]
    start, _end, labels = find_header(line.raw)
    assert labels == ["序号", "目标任务", "牵头单位", "责任单位"]
    cut = recut_tables([line])
    assert cut[0].text == "".join((NOTICE * 2).split())
    assert [ln.text for ln in cut[1::2]] == ["序号", "目标任务", "牵头单位", "责任单位", "1", "建成污水处理厂一座。", "县住建局",
                                           "县生态环境分局"]
    assert not any(ln.text for ln in cut[2::2])  # an empty line after every cell
    assert {ln.no for ln in cut} == {1}


def test_a_long_line_without_a_table_header_is_left_as_it_is():
    lines = to_lines(NOTICE * 2 + "请各责任单位 牵头单位 认真落实。")
    assert recut_tables(lines) == lines


def test_a_page_glued_with_a_space_where_each_line_ended_is_cut_at_its_spaces():
    items = " ".join(f"{k}.完成第{k}项重点工作任务,按季度报送进展情况。 (牵头单位:县发改局;责任单位:县财政局)"
                     for k in range(1, 15))
    page = "某县人民政府办公室 关于印发2024年重点工作的通知 各乡镇人民政府: 现将重点工作印发给你们。 一、重点工作 " + items
    lines = recut_tables(to_lines(page))
    assert lines[1].text == "关于印发2024年重点工作的通知"
    doc = parse_text(page, "glued.txt")
    assert len(doc.tasks) == 14
    assert all(t.units(Role.LEAD) == ["县发改局"] and t.units(Role.RESPONSIBLE) == ["县财政局"] for t in doc.tasks)


def test_label_lines_and_bracket_clauses_glued_into_one_line_still_give_their_units():
    head = NOTICE + "一、稳定经济增长"
    for sep in ("", " "):  # glued as they are, or with a space where each line ended
        labels = sep.join(f"{k}.完成第{k}项重点工作,按季度报送进展情况。{sep}牵头单位:县发改局{sep}责任单位:县财政局、县统计局"
                          for k in range(1, 8))
        doc = parse_text(head + sep + labels, "glued.txt")
        assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
            (["县发改局"], ["县财政局", "县统计局"])] * 7
        brackets = sep.join(f"{k}.完成第{k}项重点工作,按季度报送进展情况。(县发改局牵头,县财政局配合)" for k in range(1, 8))
        doc = parse_text(head + sep + brackets, "glued.txt")
        assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [(["县发改局"], ["县财政局"])] * 7


def test_a_glued_table_of_cells_with_bars_a_lone_bar_between_rows_and_a_label_the_vocabulary_does_not_know():
    # 序号 | 项目名称 | 建设时间 | 建设内容 | 投资 (万元) | 责任单位 |, one cell per line, a lone bar ending each row
    cells = ["序号", "项目名称", "建设时间", "建设内容", "投资 (万元)", "责任单位", "",
             "1", "城区道路改造项目", "2024", "改造城区道路3条。", "800", "县住建局", "",
             "2", "农村饮水提升项目", "2024", "新建供水站2座。", "500", "县水利局", ""]
    doc = parse_text(NOTICE + " | ".join(cells), "glued.txt")
    assert [(t.title, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("城区道路改造项目", ["县住建局"]), ("农村饮水提升项目", ["县水利局"])]


def test_a_long_row_of_a_table_printed_one_row_per_line_is_no_glued_page():
    text = "完成城区河道清淤,改造雨污管网,新建泵站,实施生态补水,建设滨水绿道。" * 17
    rows = [f"{k} 城乡建设 {text} 县水利局 县财政局、各乡镇人民政府 2024年底" for k in (1, 2)]
    doc = parse_text("序号 类别 重点任务 牵头单位 责任单位 完成时限\n" + "\n".join(rows), "rows.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["县水利局"], ["县财政局", "各乡镇人民政府"])] * 2


def test_a_glued_bar_table_of_numbered_rows_keeps_the_rows_under_a_merged_cell():
    # 序号 | 项目内容 | 进展情况 | 责任单位 |, one row a line; a row under merged 序号 and 责任单位 cells prints them empty
    rows = ["序号 | 项目内容 | 进展情况 | 责任单位 |",
            "1 | 新建公办幼儿园3所。 | 已完成2所。 | 教育局 |",
            "2 | 新建婴幼儿照护驿站5家。 | 已建成4家。 | 卫生健康局 |",
            "新增托位300个。 | 新增托位320个。 | ||",
            "3 | 改造农村公路50公里。 | 完成40公里。 | 交通运输局 |"]
    doc = parse_text(NOTICE + " ".join(rows), "glued.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("新建公办幼儿园3所。", ["教育局"]), ("新建婴幼儿照护驿站5家。", ["卫生健康局"]),
        ("新增托位300个。", ["卫生健康局"]), ("改造农村公路50公里。", ["交通运输局"])]
    assert doc.tasks[2].assignments[0].inferred


def test_a_glued_table_split_into_two_paragraphs_is_cut_in_both_and_keeps_their_lines():
    for level in ("县", "区"):
        _read_split_table(level)


def _read_split_table(level):
    duties = ["负责全域环境整治工作的宣传报道,开展专题宣传和跟踪报道。", "负责整治工作任务的督导和检查考核工作,每月通报一次进展。",
              "负责制定城区扬尘污染整治工作方案并督促拆迁项目单位落实到位。", "负责查处渣土运输车辆抛洒滴漏等违法行为,加大执法力度。",
              "负责抓好道路工程等施工工地扬尘污染防治工作,督导建设单位落实措施。",
              "负责城区道路的清扫冲洗保洁工作,按照需要随时增加洒水冲洗频次,确保城区道路整洁。"]
    units = [f"{level}委宣传部", f"{level}督查室", f"{level}住建局", f"{level}公安局", f"{level}交通运输局", f"{level}城管局"]
    first = f"附件 某{level}2018年环境整治方案职责清单 工作任务和内容 责任单位 配合单位 完成时间 {duties[0]}"
    rest = " ".join(f"{u} 持续开展 {d}" for u, d in zip(units[:-1], duties[1:])) + f" {units[-1]} 持续开展"
    assert len(first) < 200 <= len(rest.replace(" ", ""))  # a short line with the header, a long one after it
    doc = parse_text(f"编辑 2019-03-14\n{first}\n\n{rest}\n", "list.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [[u] for u in units]
    assert [t.provenance.first_line for t in doc.tasks] == [2, 4, 4, 4, 4, 4]  # each cell on the line it came from


def test_a_glued_table_whose_cells_hold_spaces_inside_a_name_or_a_deadline():
    # a space cut inside a unit name (镇农业 农村办, 镇党委镇政府 督查办: halves that are no names of their own) and inside
    # a deadline cell (6月底前完成 整治方案) of a table glued into a paragraph whose empty 配合单位 cells print nothing
    duties = ["负责全镇人居环境整治的宣传报道,开展专题宣传和跟踪报道。", "负责整治工作任务的督导和检查考核工作,每月通报一次进展。",
              "负责制定集镇扬尘污染整治工作方案,督促施工单位落实到位。", "在集镇主要路口设立限行标志,加大对超载车辆的查处力度。",
              "负责抓好农田秸秆禁烧工作,督导各村落实巡查措施,减少污染。", "负责集镇道路的清扫冲洗保洁工作,按需增加洒水频次,确保整洁。"]
    cells = ["镇宣传办 持续开展", "镇党委镇政府 督查办 持续开展", "镇规划建设办 6月底前完成 整治方案", "镇派出所 持续开展",
             "镇农业 农村办 持续开展", "镇城管中队 持续开展"]
    first = f"附件 某镇2019年人居环境整治职责清单 工作任务和内容 责任单位 配合单位 完成时间 {duties[0]}"
    rest = " ".join(f"{c} {d}" for c, d in zip(cells[:-1], duties[1:])) + f" {cells[-1]}"
    doc = parse_text(f"编辑 2019-05-14\n{first}\n\n{rest}\n", "list.txt")
    assert [(t.text[:8], t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (d[:8], [c.split(" 持续")[0].split(" 6月")[0].replace(" ", "")]) for d, c in zip(duties, cells)]
    assert doc.tasks[2].deadlines[0].printed == "6月底前完成整治方案"
