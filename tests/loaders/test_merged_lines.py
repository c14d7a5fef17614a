"""Tables printed one cell per line whose merged cells are printed once, with the first row they span."""

import pytest

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def _table(header: list[str], rows: list[list[str]], sep: str = "\n") -> str:
    lines = list(header)
    for k, row in enumerate(rows, 1):
        lines += [str(k)] + row
    return sep.join(lines)


@pytest.mark.parametrize("header, sep", [
    (["序号", "指标", "工作任务", "完成时限", "责任领导", "责任股室", "(单位)", "备注"], "\n"),
    (["序号", "类别", "重点任务", "完成时间", "分管领导", "责任部门", "备注"], "\n\n"),
])
def test_rows_that_leave_out_merged_cells_take_them_from_the_row_above(header, sep):
    rows = [["公共服务", "开放服务人次增长15%。", "12月底前", "王某某", "镇文化站", "镇图书室"],
            ["组织惠民演出不少于100场。", "镇宣传办"],
            ["开展好“三下乡”活动。"],
            ["产业发展", "培育规模以上企业1家。", "镇经发办"],
            ["完成年度招商任务。"]]
    doc = parse_text(_table(header, rows, sep), "table.txt")
    got = [(t.text, t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments]) for t in doc.tasks]
    assert got == [("开放服务人次增长15%。", ["镇文化站", "镇图书室"], [False, False]),
                   ("组织惠民演出不少于100场。", ["镇宣传办"], [False]),
                   ("开展好“三下乡”活动。", ["镇宣传办"], [True]),
                   ("培育规模以上企业1家。", ["镇经发办"], [False]),
                   ("完成年度招商任务。", ["镇经发办"], [True])]
    assert doc.tasks[0].leaders == ["王某某"]


def test_a_table_cut_inside_its_last_row_keeps_the_row_it_reads():
    header = ["序号", "预期目标", "责任单位", "进展情况"]
    rows = [["全县生产总值增长6%以上", "县发展改革委", "预计一季度增长20%左右。"],
            ["固定资产投资增长8%", "县发展改革委", "预计一季度增长15%左右。"],
            ["工业增加值增长8%", "县经济信息委"]]
    doc = parse_text(_table(header, rows), "table.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("全县生产总值增长6%以上", ["县发展改革委"]), ("固定资产投资增长8%", ["县发展改革委"]),
        ("工业增加值增长8%", ["县经济信息委"])]


def _rows_by_bars(rows: list[list[str]], sep: str) -> str:
    return "\n".join(sep.join(r) for r in rows)


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_a_row_per_line_whose_unit_cells_are_empty_takes_the_cells_merged_over_it(sep):
    rows = [["序号", "工作任务", "牵头部门", "配合部门", "时间节点"],
            ["1", "整治背街小巷30条。", "区城市管理局", "区住建委、各街道", "9月底前"],
            ["2", "建成口袋公园8个。", "", "", ""],
            ["3", "新增公办幼儿园学位900个。", "区教育局", "区财政局", "8月底前"],
            ["4", "完成农贸市场改造5个。", "区商务局", "区市场监管局", "12月底前"]]
    doc = parse_text(_rows_by_bars(rows, sep), "table.txt")
    got = [(t.units(Role.LEAD), t.units(Role.COOPERATING), any(a.inferred for a in t.assignments)) for t in doc.tasks]
    assert got == [(["区城市管理局"], ["区住建委", "各街道"], False), (["区城市管理局"], ["区住建委", "各街道"], True),
                   (["区教育局"], ["区财政局"], False), (["区商务局"], ["区市场监管局"], False)]


def test_the_last_row_of_a_document_that_stops_inside_it_takes_no_merged_cells():
    rows = [["序号", "工作任务", "牵头部门", "配合部门"],
            ["1", "整治背街小巷30条。", "区城市管理局", "各街道"],
            ["2", "建成口袋公园8个,", "", ""]]
    doc = parse_text(_rows_by_bars(rows, " | "), "table.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks] == [["区城市管理局"], []]


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_a_numbered_row_per_line_cells_without_cells_sits_under_the_cells_above(blank):
    lines = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限",
             "1", "实施河道清淤8公里。", "乡水利站", "乡综合执法队", "5月底前",
             "2", "开展安全生产大检查4次。",
             "3", "完成耕地撂荒整治1000亩。", "乡农业农村办", "乡自然资源所", "10月底前"]
    doc = parse_text(blank.join(lines), "table.txt")
    got = [(t.units(Role.LEAD), [a.inferred for a in t.assignments]) for t in doc.tasks]
    assert got == [(["乡水利站"], [False, False]), (["乡水利站"], [True, True]), (["乡农业农村办"], [False, False])]


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_unnumbered_cells_one_a_line_with_names_one_a_line_and_merged_cells(blank):
    lines = ["具体任务", "主责单位", "协办单位", "完成时间",
             "推进智慧社区建设,建成示范社区10个。", "区民政局", "区大数据中心", "各街道办事处", "2025年6月底前",
             "整治背街小巷30条。",
             "建成口袋公园8个。", "区园林绿化局", "区规划自然资源分局", "2025年10月底前"]
    doc = parse_text(blank.join(lines), "table.txt")
    got = [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks]
    assert got == [("推进智慧社区建设,建成示范社区10个。", ["区民政局"], ["区大数据中心", "各街道办事处"]),
                   ("整治背街小巷30条。", ["区民政局"], ["区大数据中心", "各街道办事处"]),
                   ("建成口袋公园8个。", ["区园林绿化局"], ["区规划自然资源分局"])]
    assert all(a.inferred for a in doc.tasks[1].assignments)


def test_unnumbered_cells_each_between_blank_lines_are_read_as_rows():
    lines = ["重点任务", "牵头部门", "配合部门", "时限要求",
             "完成人居环境整治村10个。", "镇农业农村办", "各村委会", "6月底前",
             "新建村级养老服务站3个。", "镇社会事务办", "镇财政所", "9月底前"]
    doc = parse_text("\n\n".join(lines), "table.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("完成人居环境整治村10个。", ["镇农业农村办"], ["各村委会"]), ("新建村级养老服务站3个。", ["镇社会事务办"], ["镇财政所"])]


@pytest.mark.parametrize("form", ["lines", "tabs", "numbered"])
def test_section_headings_between_rows_are_category_rows_not_cells(form):
    rows = [["一、经济发展"], ["完成高标准农田建设2万亩。", "县农业农村局", "县财政局"],
            ["新建农村公路50公里。", "县交通运输局", "各乡镇人民政府"], ["二、民生保障"],
            ["完成老旧小区改造12个。", "县住房和城乡建设局", "县财政局"]]
    header = ["重点任务", "牵头单位", "配合单位"]
    if form == "tabs":
        text = "\n".join("\t".join(r) for r in [["序号"] + header] + [
            r if len(r) == 1 else [str(k)] + r for k, r in zip([0, 1, 2, 0, 3], rows)])
    elif form == "numbered":
        lines = ["序号"] + header
        for k, r in zip([0, 1, 2, 0, 3], rows):
            lines += r if len(r) == 1 else [str(k)] + r[:1]  # row 2 and 3 under merged cells: only their text
            if k == 1:
                lines += r[1:]
        text = "\n".join(lines)
    else:
        text = "\n".join(header + [c for r in rows for c in r])
    doc = parse_text(text, "table.txt")
    got = [(t.text, t.units(Role.LEAD)) for t in doc.tasks]
    if form == "numbered":
        assert got == [("完成高标准农田建设2万亩。", ["县农业农村局"]), ("新建农村公路50公里。", ["县农业农村局"]),
                       ("完成老旧小区改造12个。", [])]  # no cell merged over rows reaches over a heading row
    else:
        assert got == [("完成高标准农田建设2万亩。", ["县农业农村局"]), ("新建农村公路50公里。", ["县交通运输局"]),
                       ("完成老旧小区改造12个。", ["县住房和城乡建设局"])]


def test_unnumbered_rows_with_a_short_remark_after_the_cells():
    lines = ["重点任务", "牵头单位", "配合单位", "备注",
             "完成高标准农田建设2万亩。", "县农业农村局", "县财政局", "按月报送进展",
             "开展全民健身赛事20场次。",
             "新建农村公路50公里。", "县交通运输局", "各乡镇人民政府",
             "新增城镇就业岗位1500个。", "县人力资源和社会保障局", "县工商联", "按季报送"]
    doc = parse_text("\n".join(lines), "table.txt")
    assert [(t.text, t.units(Role.LEAD)) for t in doc.tasks] == [
        ("完成高标准农田建设2万亩。", ["县农业农村局"]), ("开展全民健身赛事20场次。", ["县农业农村局"]),
        ("新建农村公路50公里。", ["县交通运输局"]), ("新增城镇就业岗位1500个。", ["县人力资源和社会保障局"])]


@pytest.mark.parametrize("stop", [".", "、"])
def test_pipe_rows_numbered_with_a_stop_under_merged_cells(stop):
    rows = [["序号", "工作任务", "牵头部门", "配合部门"], [f"1{stop}", "整治背街小巷30条。", "区城市管理局", "各街道"],
            [f"2{stop}", "建成口袋公园8个。", "", ""], [f"3{stop}", "新增学位900个。", "区教育局", "区财政局"]]
    doc = parse_text("\n".join(" | ".join(r) for r in rows), "table.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks] == [["区城市管理局"], ["区城市管理局"], ["区教育局"]]


def test_tab_rows_whose_first_cell_is_empty_keep_their_columns():
    rows = [["类别", "重点任务", "牵头单位", "配合单位"],
            ["经济发展", "完成高标准农田建设2万亩。", "镇农业农村办", "镇财政所"],
            ["", "新建农村公路5公里。", "", ""],
            ["", "完成老旧小区改造2个。", "镇规划建设办", "各村委会"],
            ["民生保障", "新增就业岗位150个。", "镇社会事务办", "镇劳动保障所"]]
    doc = parse_text("\n".join("\t".join(r) for r in rows), "table.txt")
    assert [(t.text, t.units(Role.LEAD)) for t in doc.tasks] == [
        ("完成高标准农田建设2万亩。", ["镇农业农村办"]), ("新建农村公路5公里。", ["镇农业农村办"]),
        ("完成老旧小区改造2个。", ["镇规划建设办"]), ("新增就业岗位150个。", ["镇社会事务办"])]


def _powers_list(duties: bool) -> str:
    rows = [
        ("对建筑市场的监督检查", ["《建筑法》第六条 县级以上地方人民政府建设行政主管部门负责本行政区域内的建筑活动监督管理。",
                          "《建设工程质量管理条例》第四条 县级以上人民政府建设行政主管部门对建设工程质量实施监督管理。"],
         ["建筑业管理股", "县建设工程质量安全站"]),
        ("对房地产开发企业的监督检查", ["《城市房地产管理法》第七条 县级以上地方人民政府房产管理部门负责房地产管理工作。"],
         ["房地产市场监管股"]),
        ("对城镇燃气经营的监督检查", ["《城镇燃气管理条例》第五条 县级以上地方人民政府燃气管理部门负责燃气管理工作。"],
         ["公用事业股"]),
    ]
    out = ["某县住房和城乡建设局权责清单", "序号", "事项名称", "实施依据", "实施主体"] + (["责任事项"] if duties else [])
    for k, (name, basis, units) in enumerate(rows, 1):
        out += [str(k), name] + basis + units + (["1.检查责任:依法开展检查。", "2.处置责任:依法处置问题。"] if duties else [])
    return "\n".join(out)


@pytest.mark.parametrize("duties", [True, False])
def test_a_list_of_powers_one_cell_per_line_with_cells_over_several_lines(duties):
    doc = parse_text(_powers_list(duties), "list.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("对建筑市场的监督检查", ["建筑业管理股", "县建设工程质量安全站"]), ("对房地产开发企业的监督检查", ["房地产市场监管股"]),
        ("对城镇燃气经营的监督检查", ["公用事业股"])]


def test_a_row_that_never_closes_costs_one_look_per_line(monkeypatch):
    """Lines of text without a cell or a sentence's end keep one row open; whether it is closed is kept as the
    row grows, not found again from all its lines at every line (that was quadratic: 800 lines, 322,000 looks)."""
    from dutygraph.loaders import merged_lines
    from dutygraph.loaders.lines import Line

    looks = []
    kind = merged_lines._kind
    monkeypatch.setattr(merged_lines, "_kind", lambda text, kinds: looks.append(text) or kind(text, kinds))
    for n in (200, 800):
        looks.clear()
        texts = ["加强预期引导", "围绕重点领域开展政策解读"] * (n // 2)
        lines = [Line(k + 1, t, t, False) for k, t in enumerate(texts)]
        assert merged_lines.unnumbered_rows(lines, ["text", "text", "text", "responsible"], 0, n) == ([], 0)
        assert len(looks) <= 2 * n


def test_names_no_lexicon_knows_stand_in_the_unit_column_people_in_the_leader_column():
    # a leader column and a unit column side by side, the units short names ending in no known suffix (清风苑,
    # 白鹭阁): a name opening with no surname is no person, and a name after the task's closed sentence is no text
    header = ["序号", "指标", "工作任务", "完成时限", "责任领导", "责任单位", "备注"]
    rows = [["公共服务", "开放服务人次增长15%。", "12月底前", "王某某", "清风苑", "白鹭阁"],
            ["组织惠民演出不少于100场。", "青石坊白鹭阁"],
            ["开展好“三下乡”活动。"],
            ["产业发展", "培育规模以上企业1家。", "碧溪坊"],
            ["完成年度招商任务。"]]
    doc = parse_text(_table(header, rows), "table.txt")
    got = [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks]
    assert got == [("开放服务人次增长15%。", ["清风苑", "白鹭阁"]), ("组织惠民演出不少于100场。", ["青石坊白鹭阁"]),
                   ("开展好“三下乡”活动。", ["青石坊白鹭阁"]), ("培育规模以上企业1家。", ["碧溪坊"]),
                   ("完成年度招商任务。", ["碧溪坊"])]
    assert doc.tasks[0].leaders == ["王某某"]


def test_unnumbered_rows_whose_unit_cells_print_unknown_names_one_a_line_among_known_ones():
    # no row numbers, text first, the unit cell's names one a line: a short name the lexicon does not know
    # (省非遗保护, 文旅融合) between two known ones is one of them, not the next row's text
    lines = ["领域", "主要目标", "责任单位",
             "1.文化遗产保护。", "——全省非遗项目保护率达到95%。", "省文化和旅游厅", "省非遗保护", "省财政厅",
             "——建成省级非遗工坊50个。", "省文化和旅游厅", "文旅融合", "省人社厅", "省乡村振兴局",
             "——培养非遗传承人200名。", "省文化和旅游厅", "省教育厅"]
    doc = parse_text("\n".join(lines), "table.txt")
    got = {t.text[:8]: t.units(Role.RESPONSIBLE) or t.units(Role.LEAD) for t in doc.tasks}
    assert got["——全省非遗项目"] == ["省文化和旅游厅", "省非遗保护", "省财政厅"]
    assert got["——建成省级非遗"] == ["省文化和旅游厅", "文旅融合", "省人社厅", "省乡村振兴局"]
    assert got["——培养非遗传承"] == ["省文化和旅游厅", "省教育厅"]


def test_unnumbered_rows_whose_goal_cell_lists_dashed_items_on_several_lines_are_one_row():
    # a goal cell printed as a list of ——items one a line, then the row's unit cells: the items are one cell of
    # one row whose units are those after the last item, not a row each with no units
    lines = ["领域", "主要目标", "主要责任单位", "责任单位",
             "1.城乡供水保障。", "——农村自来水普及率达到98%。", "——城市供水水质达标率达到100%。",
             "省水利厅", "省住建厅", "省卫健委",
             "——新建水厂12座。", "省水利厅", "省发改委"]
    doc = parse_text("\n".join(lines), "table.txt")
    got = {t.text[:8]: t.units(Role.RESPONSIBLE) + t.units(Role.LEAD) for t in doc.tasks}
    first = next(k for k in got if k.startswith("——农村自来水"))
    assert sorted(got[first]) == sorted(["省水利厅", "省住建厅", "省卫健委"])
    assert not any(k.startswith("——城市供水") for k in got)  # the second item is no row of its own
    assert sorted(got["——新建水厂12"]) == ["省发改委", "省水利厅"]


def test_a_goal_line_printing_its_other_cells_blank_takes_no_units_from_the_row_above():
    # a group's goal line, then a blank line (a space) for each of its cells, then its ——rows with their units:
    # the goal's cells are printed empty, not merged with the row above, so it gets none of its units
    lines = ["领域", "主要目标", "主要责任单位", "责任单位",
             "1.城乡供水保障。", " ", " ", "——农村自来水普及率达到98%。", "省水利厅", "省住建厅",
             "2.农田灌溉保障。", " ", " ", "——新建灌区5个。", "省水利厅", "省农业农村厅"]
    doc = parse_text("\n".join(lines), "table.txt")
    got = {t.text[:8]: t.units(Role.RESPONSIBLE) + t.units(Role.LEAD) for t in doc.tasks}
    assert got.get("2.农田灌溉保障", []) == []
    assert sorted(got["——新建灌区5个"]) == ["省农业农村厅", "省水利厅"]


def test_a_name_after_every_text_column_is_filled_is_the_unit_cell_whatever_it_ends_with():
    # the task's text is not closed by a stop (开展送戏下乡演出活动): the name after it is still the unit cell
    from dutygraph.loaders.lines import to_lines
    from dutygraph.loaders.merged_lines import merged_line_grid

    cols = ["序号", "类别", "工作任务", "责任单位", "备注"]
    lines = to_lines("\n".join(cols + ["1", "文化", "开展送戏下乡演出活动", "甲琳斋", "2", "办好非遗展览。", "乙琰舍",
                                       "3", "体育", "举办全民健身赛事", "丙蘅阁"]))
    grid, _ = merged_line_grid(lines, cols, 5)
    assert [r.cells[:4] for r in grid.rows] == [["1", "文化", "开展送戏下乡演出活动", "甲琳斋"],
                                                ["2", None, "办好非遗展览。", "乙琰舍"],
                                                ["3", "体育", "举办全民健身赛事", "丙蘅阁"]]


def test_a_name_after_a_long_remark_is_no_more_remark():
    # a numbered row holding several items, each with its unit (主要职责 merged over them): the row does not fit the
    # merged-cells reading, the remark column does not swallow the next item and its unit
    from dutygraph.loaders.merged_lines import _place

    kinds = ["text", "text", "responsible", "text"]
    assert _place(["贯彻落实有关教育工作的方针政策和决策部署", "负责拟订教师交流轮岗方案", "乙琰舍",
                   "拟订全县学前教育和职业教育的发展提升行动计划", "甲琳斋"], kinds) is None
