"""Role cues found whatever the layout (dutygraph.loaders.coverage)."""

from dutygraph.loaders.coverage import HEADER, cue_lines
from dutygraph.loaders.lines import to_lines


def test_a_table_header_glued_inside_a_long_line_is_a_role_cue():
    # (r-tables11) a page glued into one line, its table's header glued between the text before it and the first
    # row (…方案工作重点序号主要工作任务第一责任单位主要责任单位1…): the unit columns are a cue, whatever reads the rows
    page = "关于印发分解方案的通知" * 20 + "序号主要工作任务第一责任单位主要责任单位1推进某某工作甲乙丙丁" * 3
    assert cue_lines(to_lines(page)) == {1: HEADER}


def test_a_long_line_without_a_header_or_role_word_is_no_cue():
    page = "关于印发分解方案的通知序号" * 30
    assert cue_lines(to_lines(page)) == {}
