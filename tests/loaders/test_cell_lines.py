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
