"""Tables one cell per line without row numbers, each row opening with its name and a short number (a score)."""

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role

TABLE = "\n".join([
    "某县2018年度目标任务分解表",
    "项 目", "分值", "目标任务", "监考单位",
    "经济发展",
    "粮食总产量", "3", "年终按全市平均水平考核", "县农业局县统计局",
    "农村居民收入增长率", "2",                       # target and units merged with the row above
    "一般公共预算收入", "3", "8.5", "县财政局",
    "民生保障",
    "城镇新增就业人数", "1", "2600", "县人社局",
    "城镇登记失业率", "1", "低于4.2",                # units merged with the row above
])


def test_rows_open_at_a_name_and_a_score_and_a_row_without_units_shares_those_above():
    doc = parse_text(TABLE + "\n某县人民政府办公室\n2018年3月1日", "targets.txt")  # a signature after the table
    got = [(t.text, t.title, t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments]) for t in doc.tasks]
    assert got == [
        ("粮食总产量", "经济发展", ["县农业局", "县统计局"], [False, False]),
        ("农村居民收入增长率", "经济发展", ["县农业局", "县统计局"], [True, True]),
        ("一般公共预算收入", "经济发展", ["县财政局"], [False]),
        ("城镇新增就业人数", "民生保障", ["县人社局"], [False]),
        ("城镇登记失业率", "民生保障", ["县人社局"], [True])]


def test_the_last_row_of_a_document_cut_inside_it_shares_no_units():
    doc = parse_text(TABLE + "\n民生支出占比\n2\n年终根据全市平", "targets.txt")
    assert doc.tasks[-1].text == "民生支出占比" and doc.tasks[-1].assignments == []


def test_a_page_printing_a_blank_line_after_every_line_reads_as_the_same_rows():
    doc = parse_text((TABLE + "\n某县人民政府办公室\n2018年3月1日").replace("\n", "\n\n"), "targets.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("粮食总产量", ["县农业局", "县统计局"]), ("农村居民收入增长率", ["县农业局", "县统计局"]),
        ("一般公共预算收入", ["县财政局"]), ("城镇新增就业人数", ["县人社局"]), ("城镇登记失业率", ["县人社局"])]


def test_a_row_printing_a_cell_for_every_column_gives_its_last_as_units_the_lexicon_does_not_know():
    # the same table, its units invented names (no known ending), two glued where both open with the county (县)
    text = TABLE.replace("县农业局县统计局", "县青禾坊县白鹭苑").replace("县财政局", "县云岫阁").replace("县人社局", "县听松斋")
    doc = parse_text(text + "\n某县人民政府办公室\n2018年3月1日", "targets.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("粮食总产量", ["县青禾坊", "县白鹭苑"]), ("农村居民收入增长率", ["县青禾坊", "县白鹭苑"]),
        ("一般公共预算收入", ["县云岫阁"]), ("城镇新增就业人数", ["县听松斋"]), ("城镇登记失业率", ["县听松斋"])]
