"""Task tables as grids of cells: a remarks column that lists units names more units for the task."""

from dutygraph.loaders.document import parse_text
from dutygraph.loaders.grid import Grid, GridRow, grid_tasks
from dutygraph.model import Role

# A bureau's task list, one row per line with spaces between cells; the 备注 cell names lower units too.
ROWS = "\n".join([
    "序号 工作任务 责任部门 备注",
    "1 健全本单位组织机构和工作网络,做到人员稳定。 基教科 各区教育局、 市局直属单位",
    "2 坚持将工作列入本部门年度综合目标考核内容。 人秘科 各区教育局、 市局直属单位",
    "完成市创建办下达的阶段性和年度创建目标任务。 各科室",
])


def test_a_remarks_column_that_only_lists_units_gives_responsible_units():
    doc = parse_text(ROWS, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [
        ["基教科", "各区教育局", "市局直属单位"], ["人秘科", "各区教育局", "市局直属单位"], ["各科室"]]


def test_a_remarks_column_with_other_text_is_no_unit_column():
    grid = Grid(["序号", "项目内容", "牵头单位", "备注"], [
        GridRow(["1", "新建公办园5所。", "县教育局", "市民生实事"], 3, 3),
        GridRow(["2", "改造农贸市场3个。", "县商务局", "县市场监管局"], 4, 4)])
    tasks, _ = grid_tasks(grid, "plan.txt")
    assert [t.units(Role.LEAD) for t in tasks] == [["县教育局"], ["县商务局"]]
    assert [t.units(Role.RESPONSIBLE) for t in tasks] == [[], []]


def test_a_remarks_column_without_a_unit_column_beside_it_stays_text():
    grid = Grid(["序号", "项目内容", "备注"], [GridRow(["1", "新建公办园5所。", "县教育局"], 3, 3),
                                             GridRow(["2", "改造农贸市场3个。", "县商务局"], 4, 4)])
    tasks, _ = grid_tasks(grid, "plan.txt")
    assert [t.assignments for t in tasks] == [[], []]


def test_a_row_the_document_stops_inside_does_not_decide_which_column_holds_the_task():
    grid = Grid(["序号", "工作任务", "责任单位", "一季度目标"], [
        GridRow(["1", "新改扩建公办中小学校1所", "教体局", "室内安装及场外施工完成"], 3, 3),
        GridRow(["2", "新增学位810个以上", "教体局", "完成年度招生计划"], 4, 4),
        GridRow([None, "义务", None, None], 5, 5, truncated=True)])
    tasks, _ = grid_tasks(grid, "plan.txt")
    assert [t.text for t in tasks] == ["新改扩建公办中小学校1所", "新增学位810个以上", "义务"]


def test_a_group_row_naming_one_unit_gives_its_rows_without_units_that_unit():
    from dutygraph.loaders.grid import Grid, GridRow, grid_tasks
    from dutygraph.model import Role

    g = Grid(["序号", "项目名称", "建设内容"], [
        GridRow(["", "(一)市水务集团", ""], 2, 2), GridRow(["1", "供水管网改造", "改造管网20公里。"], 3, 3),
        GridRow(["", "二、经济发展", ""], 4, 4), GridRow(["1", "产业园建设", "建成标准厂房。"], 5, 5)])
    tasks, _ = grid_tasks(g, "p.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE), [a.basis for a in t.assignments]) for t in tasks] == [
        ("改造管网20公里。", ["市水务集团"], ["unit heading row at line 2"]), ("建成标准厂房。", [], [])]


def test_a_remarks_column_of_counts_is_no_unit_column():
    from dutygraph.loaders.grid import GridRow, _remark_unit_columns

    rows = [GridRow(["新建水窖200个。", "登封市", "建设塘、堰、坝5处"], 1, 1),
            GridRow(["新建水窖300个。", "新密市", "建设塘、堰、坝3处"], 2, 2)]
    assert _remark_unit_columns(["text", "responsible", "text"], ["工作任务", "县(市)、区", "备注"], rows) == [
        "text", "responsible", "text"]


def test_a_unit_column_saying_no_role_leads_the_duties_that_open_with_fuze():
    # 涉及部门 names the units a row concerns; a duty opening with 负责 makes its unit the lead, as under a unit
    # heading; other duties keep the column's responsible
    g = Grid(["序号", "涉及部门", "职责分工"], [GridRow(["1", "县教育局", "负责校园安全管理工作。"], 3, 3),
                                          GridRow(["2", "县卫健委", "开展校园食品抽检。"], 4, 4)])
    tasks = grid_tasks(g, "p.txt")[0]
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in tasks] == [(["县教育局"], []), ([], ["县卫健委"])]
    g.columns[1] = "责任单位"  # a column saying the role keeps it
    assert [t.units(Role.RESPONSIBLE) for t in grid_tasks(g, "p.txt")[0]] == [["县教育局"], ["县卫健委"]]


def test_a_cell_gluing_names_the_table_prints_apart_elsewhere_gives_those_names():
    # a line break lost in a copy: 文化股文化馆 in one row, 文化股 / 文化馆 apart in another; a name the table never
    # prints apart (县委县政府督查室) stays whole
    g = Grid(["序号", "工作任务", "责任单位"], [GridRow(["1", "开展惠民演出100场。", "县文化股、县文化馆"], 3, 3),
                                          GridRow(["2", "开展送戏下乡活动。", "县文化股县文化馆"], 4, 4),
                                          GridRow(["3", "督查整改落实情况。", "县委县政府督查室"], 5, 5)])
    assert [t.units(Role.RESPONSIBLE) for t in grid_tasks(g, "p.txt")[0]] == [
        ["县文化股", "县文化馆"], ["县文化股", "县文化馆"], ["县委县政府督查室"]]


def test_a_task_cell_of_numbered_items_gives_one_task_each_with_the_row_units():
    # a pipe table whose 任务清单 cell holds two numbered items apart with semicolons, under one 责任清单 cell
    text = "\n".join([
        "工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |",
        "1.组织机构 | (1)镇党政主要负责人是第一责任人。 | 1.落实行政首长负责制; 2.明确班子成员职责分工; | 党政办 应急站 | 4月 |",
        "2.工作机制 | (2)健全指挥机制。 | 1.制定应急指挥机制; | 应急站 | 5月 |",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("1.落实行政首长负责制;", ["党政办", "应急站"]), ("2.明确班子成员职责分工;", ["党政办", "应急站"]),
        ("1.制定应急指挥机制;", ["应急站"])]


def test_unit_names_apart_with_spaces_in_a_cell_may_be_names_the_lexicon_does_not_know():
    # 县青禾坊 opens with its level and ends in no known suffix: beside a collective it is a unit of its own
    text = "\n".join([
        "序号 | 工作任务 | 责任领导 | 责任单位 |",
        "1 | 推动义务教育优质均衡发展,增加学位5000个。 | 王某某 | 县青禾坊 各相关乡镇政府 |",
        "2 | 推进城乡供水一体化建设。 | 李某某 | 县云岫阁 县水利局 |",
    ])
    doc = parse_text(text, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["县青禾坊", "各相关乡镇政府"], ["县云岫阁", "县水利局"]]


def test_names_joined_by_he_in_a_unit_cell_stand_apart_where_the_second_opens_with_its_level():
    text = "\n".join([
        "序号 | 目标任务 | 责任单位 |",
        "1 | 地区生产总值增长7%。 | 青禾坊和市云岫阁、各区县市 |",
        "2 | 固定资产投资增长9%。 | 白鹭苑、听松斋和市直各单位 |",
        "3 | 完善社会保障体系。 | 市人力资源和社会保障局 |",
    ])
    doc = parse_text(text, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [
        ["青禾坊", "市云岫阁", "各区县市"], ["白鹭苑", "听松斋", "市直各单位"], ["市人力资源和社会保障局"]]


def test_a_unit_cell_listing_names_the_lexicon_does_not_know_gives_each_name():
    # 、-separated names ending in no known suffix, and two apart with a space only; a list sharing its last name's
    # ending (长沙、株洲、湘潭市政府) stays one
    text = "\n".join([
        "序号 | 实事项目 | 责任单位 | 配合单位 |",
        "1 | 新建婴幼儿照护驿站7家。 | 青禾坊 | 云岫阁、听松斋、白鹭苑、妇联 |",
        "2 | 企业名称使用的监督检查。 | 远山舍 碧溪坊 | 长沙、株洲、湘潭市政府 |",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.units(Role.RESPONSIBLE), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["青禾坊"], ["云岫阁", "听松斋", "白鹭苑", "妇联"]), (["远山舍", "碧溪坊"], ["长沙、株洲、湘潭市政府"])]


def test_a_measures_column_after_a_task_column_each_row_prints_is_not_the_task():
    from dutygraph.loaders.grid import _content_column
    kinds, labels = ["number", "text", "responsible", "text"], ["序号", "重点事项", "责任单位", "推进措施"]
    own = [GridRow(["1", "修缮校舍", "县教育局", "1.排查危房;2.年内完成修缮。"], 2, 2),
           GridRow(["2", "建设公园", "县住建局", "1.完成设计;2.年底建成开放。"], 3, 3)]
    assert _content_column(kinds, own, labels) == 1
    merged = [GridRow(["1", "改善办学条件", "县教育局", "1.排查危房,年内完成修缮。"], 2, 2),
              GridRow(["2", None, "县教育局", "2.新建教学楼一栋,年底投入使用。"], 3, 3)]
    assert _content_column(kinds, merged, labels) == 3  # a task cell merged over its measures: the measures


def test_a_responsible_column_cell_closed_by_a_share_qualifier_keeps_the_column_role():
    # 甲科、乙科等按职责分工落实 in a 责任科室 column: each does its own share, no unit leads; a lead word in the
    # cell still decides (丙科牵头,丁科按职责分工负责), and a lead column stays lead
    g = Grid(["序号", "工作任务", "责任科室"], [
        GridRow(["1", "做好信息发布。", "甲科、乙科、青苑股等按职责分工落实"], 3, 3),
        GridRow(["2", "做好疫苗接种宣传。", "丙科牵头,丁科按职责分工负责"], 4, 4),
        GridRow(["3", "做好年度总结。", "戊科分别负责"], 5, 5)])
    tasks = grid_tasks(g, "p.txt")[0]
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in tasks] == [
        ([], ["甲科", "乙科", "青苑股"]), (["丙科"], ["丁科"]), ([], ["戊科"])]
    g.columns[2] = "牵头科室"
    assert [t.units(Role.LEAD) for t in grid_tasks(g, "p.txt")[0]][0] == ["甲科", "乙科", "青苑股"]


def test_hui_between_two_office_names_in_a_unit_cell_is_short_for_huitong():
    # 甲科会乙室 in a 责任科室 column: 会(同), the first leads and the second cooperates; 会议室 is a room, no 会同
    g = Grid(["序号", "工作任务", "责任科室"], [GridRow(["1", "规范信息发布。", "青苑科会办公室"], 3, 3),
                                          GridRow(["2", "布置会场。", "青苑科会议室"], 4, 4)])
    tasks = grid_tasks(g, "p.txt")[0]
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in tasks][0] == (["青苑科"], ["办公室"])
    assert tasks[1].units(Role.LEAD) == [] and tasks[1].units(Role.COOPERATING) == []
