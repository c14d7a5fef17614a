"""Tables printed one cell per line whose text column stands after a cell column: read as a grid."""

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def test_cells_one_per_line_with_the_text_after_a_cell_column_are_read_as_a_grid():
    # 序号 | 项目名称 | 建设时间 | 建设内容 | 投资 | 责任单位, one cell per line, a lone bar between rows
    rows = ["1 |", "乡村道路项目 |", "2024 |", "硬化道路12公里。 |", "300 |", "县交通局 |", "|",
            "2 |", "农田建设项目 |", "2024 |", "建设高标准农田1万亩。 |", "500 |", "县农业农村局 |", "|"]
    text = "\n".join(["序号 |", "项目名称 |", "建设时间 |", "建设内容 |", "投资(万元) |", "责任单位 |", "|"] + rows)
    doc = parse_text(text, "table.txt")
    assert [(t.title, t.text, t.units(Role.RESPONSIBLE), t.deadline.printed) for t in doc.tasks] == [
        ("乡村道路项目", "硬化道路12公里。", ["县交通局"], "2024"),
        ("农田建设项目", "建设高标准农田1万亩。", ["县农业农村局"], "2024")]


def test_a_bar_table_whose_header_labels_are_letter_spaced():
    text = ("某市重点任务分解\n序号 | 主 要 工 作 任 务 | 责 任 单 位\n1 | 地区生产总值增长6%左右。 | 市发改委\n"
            "2 | 一般公共预算收入增长5%。 | 市财政局、市税务局\n")
    doc = parse_text(text, "table.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["市发改委"], ["市财政局", "市税务局"]]


def _cells(*cells: str) -> str:
    return "\n\n".join(cells)


def test_a_projects_table_whose_header_labels_and_names_are_broken_over_lines_reads_by_its_rows_width():
    # 序号 | 项目名称 | 建设内容 | 计划投资额(亿元) | 资金来源 | 牵头单位, every label and a name broken over lines
    text = _cells("某区2024年民生实事项目表", "序号", "项目", "名称", "建设内容", "计划", "投资额", "（亿元）", "资金", "来源",
                  "牵头", "单位",
                  "1", "老旧小区", "改造", "改造老旧小区12个,惠及居民3000户。", "1.2", "区级财政", "区住建局",
                  "2", "城区学校扩容", "新增学位1200个。", "0.8", "专项债券", "区教育局",
                  "3", "背街小巷整治", "整治背街小巷20条。", "0.3", "区级财政", "区城管局、各街道")
    doc = parse_text(text, "table.txt")
    assert [(t.title, t.text, t.units(Role.LEAD)) for t in doc.tasks] == [
        ("老旧小区改造", "改造老旧小区12个,惠及居民3000户。", ["区住建局"]),
        ("城区学校扩容", "新增学位1200个。", ["区教育局"]),
        ("背街小巷整治", "整治背街小巷20条。", ["区城管局", "各街道"])]


def test_a_county_table_with_its_period_and_unit_labels_broken_reads_too():
    text = _cells("序号", "项目名称", "建设内容", "建设起", "止时间", "总投资", "(万元)", "责任", "单位",
                  "1", "乡镇卫生院提升", "改造乡镇卫生院5所。", "2024.03-2024.12", "800", "县卫健局",
                  "2", "农村公路", "新改建农村公路30公里。", "2024.01-2024.10", "3000", "县交通运输局")
    doc = parse_text(text, "table.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("改造乡镇卫生院5所。", ["县卫健局"]), ("新改建农村公路30公里。", ["县交通运输局"])]


def test_a_row_leaving_out_the_unit_cell_merged_above_is_no_exact_row():
    # 序号 / 责任单位 / 工作任务, the unit printed once for rows 1 and 2: row 2 prints its number and its text only,
    # so its text is no unit cell and the next row's number no text
    from dutygraph.loaders.plain_text import parse_plain_text

    lines = ["序号", "责任单位", "工作任务", "1", "县水利局", "完成城区河道清淤12公里。", "2", "新建护岸工程3处。",
             "3", "县卫健局", "建成县医院门诊楼。"]
    doc = parse_plain_text("关于印发某县2020年工作要点的通知\n" + "\n".join(lines), "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments]) for t in doc.tasks] == [
        ("完成城区河道清淤12公里。", ["县水利局"], [False]), ("新建护岸工程3处。", ["县水利局"], [True]),
        ("建成县医院门诊楼。", ["县卫健局"], [False])]


def test_a_unit_cell_saying_the_roles_in_a_sentence_keeps_an_exact_row():
    # 县水利局牵头,县财政局配合。 in the unit column: a role clause, not the text of a row under merged cells
    from dutygraph.loaders.plain_text import parse_plain_text

    lines = ["序号", "责任单位", "工作任务", "1", "县水利局牵头,县财政局配合。", "完成城区河道清淤12公里。",
             "2", "县交通运输局", "新建农村公路30公里。"]
    doc = parse_plain_text("关于印发某县2020年工作要点的通知\n" + "\n".join(lines), "plan.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["县水利局"], [], ["县财政局"]), ([], ["县交通运输局"], [])]



def test_a_last_row_the_document_stops_inside_keeps_its_number_unit_and_text():
    # one cell a line under 序号 / 责任单位 / 考核指标 / 监督方式 / 实施部门 / 完成时限; the excerpt stops inside the
    # third row's text: the row is read with what it prints (its unit, its text so far), its missing cells empty
    rows = ["1 |", "青苑区水务局 |", "完成河道清淤12公里。 |", "青苑区水务局办公室电话 |", "河道站 |", "2025年6月底 |",
            "2 |", "青苑区交通局 |", "新建农村公路30公里。 |", "青苑区交通局办公室电话 |", "公路站 |", "2025年12月底 |",
            "3 |", "青苑区农业农村局 |", "建设高标准农田1万亩,按照"]
    text = "\n".join(["序号 |", "责任单位 |", "考核指标 |", "监督方式 |", "实施部门 |", "完成时限 |"] + rows)
    doc = parse_text(text, "table.txt")
    assert [t.units(Role.RESPONSIBLE)[:1] for t in doc.tasks] == [["青苑区水务局"], ["青苑区交通局"], ["青苑区农业农村局"]]
    assert (doc.tasks[-1].text, doc.tasks[-1].provenance.first_line) == ("建设高标准农田1万亩,按照", 19)


def test_more_names_than_the_unit_columns_side_by_side_fall_into_them_by_level():
    # (r-tables11) one cell a line, a column of the supporting units a level above (支持的州级部门) beside the
    # responsible one, then text columns: a row printing two names of each level gives each column its level's
    # names; a last row (the document stops inside it) printing three names of three levels gives the first
    # column one, the last the rest
    rows = ["1", "青溪绿道项目", "新建绿道5公里", "州林草局", "县林草局", "6月底前开工", "已完成选线", "加快进度",
            "2", "青溪公路项目", "新建公路16公里", "州交通局", "州发改委", "县交通局", "县发改委", "年内列项",
            "已报州交通局", "加快进度",
            "3", "青溪示范村项目", "新建村道500米", "州民委", "县民宗局", "青溪乡", "2026年3月10日", "项目已上报"]
    text = "\n".join(["序号", "项目名称", "建设内容", "支持的州级部门", "责任单位", "工作任务及时限要求", "进展情况",
                      "下步工作要求"] + rows)
    doc = parse_text(text, "table.txt")
    assert [(t.units(Role.COOPERATING), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["州林草局"], ["县林草局"]), (["州交通局", "州发改委"], ["县交通局", "县发改委"]),
        (["州民委"], ["县民宗局", "青溪乡"])]
