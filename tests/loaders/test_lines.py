"""Lines: the first-character test before the page-furniture pattern keeps every line the pattern matches."""

from re import _parser  # the parse tree of a pattern: what its first characters can be

from dutygraph.loaders.flat_table import _TABLE_END, _TABLE_END_STARTS
from dutygraph.loaders.document import parse_text
from dutygraph.loaders.lines import FURNITURE, FURNITURE_STARTS, Line, is_furniture, strip_cell_bars, to_lines


def _first_chars(items) -> tuple[set[str], bool]:
    """The characters a parsed (sub)pattern can open with, and whether it can match the empty string."""
    chars: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "AT":  # ^ and $: no character
            continue
        if name == "LITERAL":
            return chars | {chr(arg)}, False
        if name == "IN":
            for kind, value in arg:
                assert str(kind) == "LITERAL", f"a class this test cannot list: {kind}"
                chars.add(chr(value))
            return chars, False
        if name == "SUBPATTERN":
            got, empty = _first_chars(arg[-1])
        elif name == "BRANCH":
            got, empty = set(), False
            for branch in arg[1]:
                b, e = _first_chars(branch)
                got |= b
                empty = empty or e
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            got, empty = _first_chars(arg[2])
            empty = empty or arg[0] == 0
        else:
            raise AssertionError(f"an operator this test cannot follow: {name}")
        chars |= got
        if not empty:
            return chars, False
    return chars, True


def test_furniture_starts_are_the_patterns_first_characters():
    chars, empty = _first_chars(_parser.parse(FURNITURE.pattern))
    assert not empty
    assert chars == set(FURNITURE_STARTS)


def test_table_end_starts_hold_the_annex_heading_and_furniture():
    chars, empty = _first_chars(_parser.parse(_TABLE_END.pattern))
    assert not empty
    assert chars <= set(_TABLE_END_STARTS)


def test_is_furniture():
    assert is_furniture("责任编辑:张三") and is_furniture("【打印】") and is_furniture("关闭")
    assert not is_furniture("") and not is_furniture("市发改委") and not is_furniture("1")


def test_lone_bars_between_cells_are_no_empty_cells():
    # a table printed a token a line with each bar on a line of its own: | 序号 | 工作任务 | … |, a row's last bar and
    # the next row's first one on two lines; no cell line ends in a bar, so no bar is an empty cell
    rows = [("1", "修缮县城排水管网", "县住建局、县水利局", "2024年6月底前"),
            ("2", "建设城东农贸市场", "县商务局,城东镇人民政府", "2024年底前"),
            ("3", "改造城南老旧小区", "县住建局", "2024年底前")]
    for header in ("责任单位", "负责部门", "牵头单位"):
        cells = [("序号", "工作任务", header, "完成时限")] + rows
        text = "\n".join("|\n" + "\n|\n".join(row) + "\n|" for row in cells) + "\n\n抄送:县委办。"
        doc = parse_text(text, "bars.txt")
        assert [(t.text, [a.unit for a in t.assignments]) for t in doc.tasks] == [
            ("修缮县城排水管网", ["县住建局", "县水利局"]), ("建设城东农贸市场", ["县商务局", "城东镇人民政府"]),
            ("改造城南老旧小区", ["县住建局"])]
        # (r-tables10) no empty cell, and no text either: the bars alone on their lines read as blank lines
        assert strip_cell_bars(to_lines(text)) == [
            Line(ln.no, ln.raw, "" if ln.text and not ln.text.strip("|") else ln.text, ln.blank_cell)
            for ln in to_lines(text)]


def test_a_cell_between_two_bars_in_a_page_of_bar_closed_cells_is_its_cell():
    # a table printed one cell a line, each cell closed by a bar, and the first cell of each row (its number, the
    # first label) opened by a bar too: | 2 |, 县司法局 |, …; the number is the cell, without its bars
    labels = ("序号", "承办部门", "工作目标", "分月进度", "办理科室", "完成时限")
    rows = [("1", "县司法局", "健全公共法律服务网络,完善服务平台。", "①上半年,建成乡镇服务站;②下半年,开展评估。",
             "法律援助中心", "2026年12月底"),
            ("2", "县司法局", "深化人民调解工作,化解矛盾纠纷。", "①每季度开展排查;②年底前总结。",
             "调解指导科", "2026年12月底")]
    text = "| 工作目标分解表 |\n" + "\n".join(
        "| " + row[0] + " |\n" + "\n".join(cell + " |" for cell in row[1:]) for row in [labels] + rows)
    lines = strip_cell_bars(to_lines(text))
    assert [ln.text for ln in lines[1:3]] == ["序号", "承办部门"]
    assert [ln.text for ln in lines[7:9]] == ["1", "县司法局"]
    doc = parse_text(text, "closed.txt")
    assert [(t.text, sorted(a.unit for a in t.assignments)) for t in doc.tasks] == [
        ("健全公共法律服务网络,完善服务平台。", ["县司法局", "法律援助中心"]),
        ("深化人民调解工作,化解矛盾纠纷。", ["县司法局", "调解指导科"])]
