"""Tables printed one cell per line whose group rows carry merged cells (number, lead) for the rows under them."""

from dutygraph.loaders.document import parse_text
from dutygraph.loaders.lines import to_lines
from dutygraph.loaders.uneven_rows import find_uneven_tables
from dutygraph.model import Role

# A 民生实事 progress table as a page dumps it: one cell a line ending in " |", runs of bars for empty cells,
# a group row (number, lead, count) printed once, a heading over some projects, owner cells the lexicon
# does not know (区城投) or holding two names apart with a space, and the document cut in its last group.
TABLE = "\n".join([
    "2024年度民生实事项目进度表",
    "序号 |", "牵头单位 |", "项目数量 |", "项目名称 |", "业主单位 |", "本月进展情况 |", "||",
    "前期手续 |", "在建形象进度 |", "||||||",
    "一 |", "区住建局 |", "民生实事项目(2个) |", "(一)“打通断头路”攻坚行动(2条路) |",
    "1.文化中心北路 |", "区城投 |", "已完工 |", "|",
    "2.乐业路 |", "区城管局 区水投 |", "已完工 |", "|||||",
    "二 |", "区教体局 |", "民生实事项目(1个) |", "(一)公共场所全民健身器材更换项目 |", "区教体局 |", "已完工 |",
    "|||||",
    "三 |", "区农业农村局 |", "民生实事项目(1个) |", "(一)“两整治一提升”行动",
])


def test_each_project_takes_its_owner_cell_and_the_lead_of_its_group():
    doc = parse_text(TABLE, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("1.文化中心北路", ["区住建局"], ["区城投"]),
        ("2.乐业路", ["区住建局"], ["区城管局", "区水投"]),
        ("(一)公共场所全民健身器材更换项目", ["区教体局"], ["区教体局"]),
        ("(一)“两整治一提升”行动", ["区农业农村局"], [])]  # cut before its owner cell: the group's lead only


def test_a_lead_printed_once_for_the_group_is_inferred_after_its_first_row():
    doc = parse_text(TABLE, "plan.txt")
    leads = [[(a.unit, a.inferred) for a in t.assignments if a.role is Role.LEAD] for t in doc.tasks]
    assert leads[:3] == [[("区住建局", False)], [("区住建局", True)], [("区教体局", False)]]
    assert "merged cell" in next(a.basis for a in doc.tasks[1].assignments if a.inferred)


def test_an_unknown_name_in_an_owner_cell_is_kept_and_reported():
    doc = parse_text(TABLE, "plan.txt")
    assert {u["unit"] for u in doc.coverage.unrecognised} >= {"区城投", "区水投"}


def test_a_header_without_a_unit_column_before_the_task_column_is_left_to_the_other_readers():
    text = "\n".join(["序号", "项目名称", "业主单位", "进展情况", "1", "文化中心北路", "区城投", "已完工",
                      "2", "乐业路", "区城管局", "已完工"])
    assert find_uneven_tables(to_lines(text)) == []


def test_the_same_table_without_bars_and_with_a_blank_line_between_cells_reads_the_same():
    plain = "\n\n".join(line.rstrip(" |") for line in TABLE.split("\n") if line.strip("| "))
    expected = [(t.text, t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in parse_text(TABLE, "a.txt").tasks]
    assert [(t.text, t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in parse_text(plain, "b.txt").tasks] == \
        expected


def test_owner_cells_of_names_opening_with_their_place_apart_with_spaces_are_units():
    # two owner names the lexicon does not know apart with a space, and one opening with a city's name (南昌市…)
    text = TABLE.replace("区城管局 区水投", "区青禾坊 区云岫阁").replace("区城投 |", "南昌市听松斋 |")
    doc = parse_text(text, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks][:2] == [["南昌市听松斋"], ["区青禾坊", "区云岫阁"]]
