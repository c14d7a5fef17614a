"""Every file format through `load`: HTML, DOCX, PDF, CSV/XLSX, text encodings (small files written here)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dutygraph.errors import InputError
from dutygraph.loaders import load
from dutygraph.model import Role

FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
TITLE = "关于印发《湘潭市2020年水利工作计划》的通知"


def units(task, role):
    return task.units(Role(role))


def same_json_shape(doc):
    d = doc.to_dict()
    json.dumps(d, ensure_ascii=False)
    assert set(d) >= {"source", "title", "tasks"}
    assert all(set(t) >= {"id", "text", "lead", "responsible", "cooperating", "lines", "inferred"} for t in d["tasks"])


# -- HTML --------------------------------------------------------------------------------
HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>站点</title><script>var x = "牵头单位";</script></head>
<body><div class="nav">首页 &gt; 通知</div>
<h1>{TITLE}</h1>
<p>各区人民政府:</p><p>现将计划印发给你们。</p>
<p>一、重点工作</p>
<p>1.加强统筹。(市发改委牵头,市财政局配合)</p>
<table border="1">
<tr><td colspan="5">附件 2020年水利重点任务表</td></tr>
<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
<tr><td rowspan="2">1</td><td>完成城区河道清淤20公里。</td><td rowspan="2">市水利局</td><td>市财政局、各区政府</td><td>6月底前</td></tr>
<tr><td>推进护岸工程。</td><td>市住建局</td><td>年底前</td></tr>
<tr><td colspan="5">二、水质提升</td></tr>
<tr><td>2</td><td>建设污水处理厂二期。</td><td>市住建局</td><td></td><td>9月底前</td></tr>
</table>
<table><tr><td>责任编辑:某某</td></tr></table>
</body></html>"""


def test_html_cells_rowspan_colspan_and_prose(tmp_path):
    path = tmp_path / "plan.html"
    path.write_text(HTML, "utf-8")
    doc = load(path)
    same_json_shape(doc)
    assert doc.title == TITLE and doc.year == 2020
    tasks = {t.id: t for t in doc.tasks}
    assert units(tasks["S1-1"], "lead") == ["市发改委"]
    assert [units(tasks[i], "lead") for i in ("T1-1-1", "T1-1-2", "T1-2")] == [["市水利局"], ["市水利局"], ["市住建局"]]
    assert units(tasks["T1-1-2"], "cooperating") == ["市住建局"]  # its own cell, not the rowspan above
    assert tasks["T1-1-1"].deadline.date == "2020-06-30"
    assert units(tasks["T1-2"], "cooperating") == []
    assert tasks["T1-1-1"].provenance.first_line == 10  # the <tr> in the page source
    assert "牵头单位" not in " ".join(t.text for t in doc.tasks)  # script text is not read


def test_html_in_gb18030_and_traditional(tmp_path):
    html = ("<html><body><p>關於印發《某市2021年工作要點》的通知</p><table><tr><td>序號</td><td>重點任務</td>"
            "<td>牽頭單位</td><td>責任單位</td></tr><tr><td>1</td><td>推進審批改革。</td><td>市政府辦公室</td>"
            "<td>各縣市區政府</td></tr></table></body></html>")
    path = tmp_path / "trad.htm"
    path.write_bytes(html.encode("utf-8"))
    doc = load(path)
    t = doc.tasks[0]
    assert (t.text, units(t, "lead"), units(t, "responsible")) == ("推進審批改革。", ["市政府辦公室"], ["各縣市區政府"])
    path.write_bytes(html.replace("關於印發", "关于印发").encode("gb18030"))
    assert load(path).tasks[0].text == "推進審批改革。"


def test_html_flattened_table_in_paragraphs_is_read_as_text(tmp_path):
    cells = ["附件1", "2020年任务表", "序号", "重点任务", "牵头单位", "责任单位", "1", "河道治理", "完成清淤。", "市水利局", "市财政局"]
    path = tmp_path / "flat.html"
    path.write_text("<html><body><p>" + TITLE + "</p>" + "".join(f"<p>{c}</p>" for c in cells) + "</body></html>", "utf-8")
    doc = load(path)
    assert [(t.id, units(t, "lead"), units(t, "responsible")) for t in doc.tasks] == [("A1-1", ["市水利局"], ["市财政局"])]


# -- DOCX --------------------------------------------------------------------------------
def make_docx(path: Path, rows, merges=(), paragraphs=(TITLE, "一、重点任务", "1.加强统筹。(市发改委牵头)")):
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for (r1, c1), (r2, c2) in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    d.save(str(path))
    return path


def test_docx_vertically_merged_cells_are_read_once(tmp_path):
    rows = [["序号", "重点任务", "分管领导", "牵头单位", "责任单位"],
            ["1", "完成城区河道清淤。", "张某", "市水利局", "市财政局"],
            ["", "推进护岸工程。", "", "", "各区政府"],
            ["2", "建设污水处理厂。", "李某", "市住建局", "市生态环境局"]]
    path = make_docx(tmp_path / "plan.docx", rows, merges=[((1, 0), (2, 0)), ((1, 2), (2, 2)), ((1, 3), (2, 3))])
    doc = load(path)
    same_json_shape(doc)
    got = [(t.id, t.leaders, units(t, "lead"), units(t, "responsible")) for t in doc.tasks]
    assert got == [("S1-1", [], ["市发改委"], []),
                   ("T1-1-1", ["张某"], ["市水利局"], ["市财政局"]),
                   ("T1-1-2", ["张某"], ["市水利局"], ["各区政府"]),
                   ("T1-2", ["李某"], ["市住建局"], ["市生态环境局"])]
    assert not any(a.inferred for t in doc.tasks for a in t.assignments)


def test_docx_horizontally_merged_section_row(tmp_path):
    rows = [["序号", "重点任务", "牵头单位"], ["一、水质提升", "", ""], ["1", "建设污水处理厂。", "市住建局"]]
    doc = load(make_docx(tmp_path / "p.docx", rows, merges=[((1, 0), (1, 2))]))
    assert [(t.id, t.text) for t in doc.tasks if t.id.startswith("T")] == [("T1-1", "建设污水处理厂。")]


def test_broken_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(InputError, match="not a readable DOCX"):
        load(path)


# -- PDF ---------------------------------------------------------------------------------
def test_pdf_ruled_table_with_merged_cell():
    doc = load(FORMATS / "plan-table.pdf")
    same_json_shape(doc)
    assert doc.title == TITLE
    got = [(t.id, t.text, units(t, "lead"), units(t, "cooperating"), t.deadline.date) for t in doc.tasks]
    assert got == [("T1-1", "完成城区河道清淤20公里。", ["市水利局"], ["市财政局", "各区政府"], "2020-06-30"),
                   ("T1-2", "推进护岸工程建设。", ["市水利局"], ["市住建局"], "2020-12-31"),
                   ("T1-3", "建设污水处理厂二期工程。", ["市住建局"], ["市生态环境局"], "2020-09-30")]


def test_pdf_lines_in_cells_names_apart_and_wrapped_names_whole():
    doc = load(FORMATS / "lines-in-cells.pdf")  # written by make_pdfs.py: names one a line, labels wrapped
    got = [(t.text, t.leaders, units(t, "lead"), units(t, "cooperating")) for t in doc.tasks]
    assert got == [("修订物业服务标准。", ["赵某某", "钱某某"], ["区房管中心"], ["区市场监管局", "各街道办事处"]),
                   ("开展老旧小区安全排查。", ["孙某某"], ["区应急管理局"], ["区消防救援大队"])]


def test_pdf_without_text_layer_is_refused_clearly():
    with pytest.raises(InputError, match="no text layer"):
        load(FORMATS / "scanned.pdf")


def test_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("一、任务", "utf-8")
    with pytest.raises(InputError, match="not a PDF"):
        load(path)


# -- CSV / XLSX --------------------------------------------------------------------------
CSV_ROWS = [["2020年水利重点任务表", "", "", ""], ["序号", "重点任务", "牵头单位", "配合单位"],
            ["1", "完成城区河道清淤。", "市水利局", "市财政局、各区政府"], ["", "推进护岸工程。", "市住建局", ""],
            ["2", "建设污水处理厂。", "市住建局牵头落实", "市生态环境局"]]


@pytest.mark.parametrize("encoding, delimiter", [("utf-8", ","), ("utf-8-sig", ";"), ("gb18030", "\t"),
                                                 ("utf-16", ",")])
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    text = "\n".join(delimiter.join(r) for r in CSV_ROWS) + "\n"
    path = tmp_path / "tasks.csv"
    path.write_bytes(text.encode(encoding))
    doc = load(path)
    same_json_shape(doc)
    got = [(t.id, units(t, "lead"), units(t, "cooperating")) for t in doc.tasks]
    assert got == [("T1-1-1", ["市水利局"], ["市财政局", "各区政府"]), ("T1-1-2", ["市住建局"], []),
                   ("T1-2", ["市住建局"], ["市生态环境局"])]
    assert doc.tasks[0].provenance.lines == [3, 3]


def test_csv_column_mapping_overrides_defaults(tmp_path):
    from dutygraph.loaders.sheet_file import load_csv

    path = tmp_path / "t.csv"
    path.write_text("编号,工作事项,负责处室,协同处室\n1,修订办法。,法规处,办公室\n", "utf-8")
    doc = load_csv(path, columns={"负责处室": "lead", "协同处室": "cooperating"})
    assert (units(doc.tasks[0], "lead"), units(doc.tasks[0], "cooperating")) == (["法规处"], ["办公室"])
    with pytest.raises(ValueError, match="unknown column kind"):
        load_csv(path, columns={"负责处室": "boss"})


def test_csv_without_a_task_header(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("name,value\na,1\n", "utf-8")
    with pytest.raises(InputError, match="no task table"):
        load(path)


def test_xlsx_merged_cells_sheets_and_dates(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["2020年水利重点任务表"])
    ws.merge_cells("A1:E1")
    ws.append(["序号", "重点任务", "牵头单位", "责任单位", "完成时限"])
    ws.append([1, "完成城区河道清淤。", "市水利局", "市财政局", dt.datetime(2020, 6, 30)])
    ws.append([None, "推进护岸工程。", None, "各区政府", "年底前"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("C3:C4")
    ws2 = book.create_sheet("二")
    ws2.append(["序号", "重点任务", "牵头单位"])
    ws2.append([1, "建设污水处理厂。", "市住建局"])
    path = tmp_path / "tasks.xlsx"
    book.save(path)
    doc = load(path)
    same_json_shape(doc)
    got = [(t.id, units(t, "lead"), units(t, "responsible"), t.deadline.printed if t.deadline else None)
           for t in doc.tasks]
    assert got == [("T1-1-1", ["市水利局"], ["市财政局"], "2020-06-30"),
                   ("T1-1-2", ["市水利局"], ["各区政府"], "年底前"),
                   ("T2-1", ["市住建局"], [], None)]
    assert doc.tasks[1].deadline.date == "2020-12-31"


def test_broken_xlsx(tmp_path):
    path = tmp_path / "b.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(InputError, match="not a readable XLSX"):
        load(path)


# -- one invented task table in every binary format -------------------------------------
# A header with role synonyms (主办 / 承办 / 协办), printed spaced out or over two lines in its cells, or as two
# header rows (责任单位 merged over 主办单位 / 协办单位); a lead cell merged over two rows; names printed one a
# line inside a unit cell. XLSX, DOCX and HTML read it the same, and as its text copy reads it.
SYN_ROWS = [["1", "建成示范片区3个。", "县农业农村局", "各乡镇人民政府", "县财政局\n县自然资源局", "2025年12月底前"],
            ["2", "推进人居环境整治。", None, "县住建局", "县生态环境分局", "2025年10月底前"],
            ["3", "完善公共文化服务体系。", "县文化旅游局", "县教育局", "", "持续推进"]]
SYN_WANT = [("建成示范片区3个。", ["县农业农村局"], ["各乡镇人民政府"], ["县财政局", "县自然资源局"], "2025-12-31"),
            ("推进人居环境整治。", ["县农业农村局"], ["县住建局"], ["县生态环境分局"], "2025-10-31"),
            ("完善公共文化服务体系。", ["县文化旅游局"], ["县教育局"], [], None)]


def _read_back(doc):
    return [(t.text, units(t, "lead"), units(t, "responsible"), units(t, "cooperating"),
             t.deadline.date if t.deadline else None) for t in doc.tasks]


def _spans(rows):
    """(row, column) -> rows spanned, for every cell printed (None below a cell merged over rows)."""
    out = {}
    for i, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                n = 1
                while i + n < len(rows) and rows[i + n][c] is None:
                    n += 1
                out[i, c] = n
    return out


def _syn_html(header, rows):
    head = "<tr>" + "".join(f"<td>{h.replace(chr(10), '<br>')}</td>" for h in header) + "</tr>"
    spans = _spans(rows)
    body = "".join("<tr>" + "".join((f'<td rowspan="{spans[i, c]}">' if spans[i, c] > 1 else "<td>")
                                     + v.replace("\n", "<br/>") + "</td>" for c, v in enumerate(r) if v is not None)
                   + "</tr>" for i, r in enumerate(rows))
    return f"<html><body><p>{TITLE}</p><table border='1'>{head}\n{body}</table></body></html>"


def _syn_docx(path, header, rows):
    import docx

    d = docx.Document()
    d.add_paragraph(TITLE)
    table = d.add_table(rows=len(rows) + 1, cols=len(header))
    for c, h in enumerate(header):
        table.cell(0, c).text = h
    for i, r in enumerate(rows):
        for c, v in enumerate(r):
            if v is not None:
                table.cell(i + 1, c).text = v  # a \n is a new paragraph in the cell
    for (i, c), n in _spans(rows).items():
        if n > 1:
            table.cell(i + 1, c).merge(table.cell(i + n, c))
    d.save(str(path))


def _syn_xlsx(path, header, rows):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append([TITLE])
    ws.append(header)
    for r in rows:
        ws.append(r)
    for (i, c), n in _spans(rows).items():
        if n > 1:
            ws.merge_cells(start_row=i + 3, start_column=c + 1, end_row=i + 2 + n, end_column=c + 1)
    book.save(path)


@pytest.mark.parametrize("header", [["序号", "重点工作", "主办单位", "承办单位", "协办单位", "完成时限"],
                                    ["序 号", "重 点 工 作", "主 办 单 位", "承 办 单 位", "协 办 单 位", "完成时限"],
                                    ["序号", "重点工作", "牵头\n单位", "责任\n单位", "配合\n单位", "完成\n时限"]])
def test_synonym_header_merged_rows_and_lines_in_cells_read_alike_in_every_format(tmp_path, header):
    html = tmp_path / "t.html"
    html.write_text(_syn_html(header, SYN_ROWS), "utf-8")
    _syn_docx(tmp_path / "t.docx", header, SYN_ROWS)
    _syn_xlsx(tmp_path / "t.xlsx", header, SYN_ROWS)
    for name in ("t.html", "t.docx", "t.xlsx"):
        assert _read_back(load(tmp_path / name)) == SYN_WANT, name
    # the text copy: the merged cell is printed once, its names apart with 、
    text = [TITLE, "", "\t".join("".join(h.split()) for h in header)]
    text += ["\t".join("" if v is None else v.replace("\n", "、") for v in r) for r in SYN_ROWS]
    (tmp_path / "t.txt").write_text("\n".join(text) + "\n", "utf-8")
    got = _read_back(load(tmp_path / "t.txt"))
    assert [g for k, g in enumerate(got) if k != 1] == [w for k, w in enumerate(SYN_WANT) if k != 1]
    assert got[1][2:] == SYN_WANT[1][2:]  # an empty lead cell in text: merged or empty, the copy cannot say


def test_two_header_rows_in_xlsx_docx_html_read_alike(tmp_path):
    import docx
    import openpyxl

    rows = [["1", "建成示范片区3个。", "县农业农村局", "县财政局、县自然资源局", "2025年12月底前"],
            ["2", "推进人居环境整治。", "县住建局", "县生态环境分局", "2025年10月底前"]]
    want = [("建成示范片区3个。", ["县农业农村局"], [], ["县财政局", "县自然资源局"], "2025-12-31"),
            ("推进人居环境整治。", ["县住建局"], [], ["县生态环境分局"], "2025-10-31")]
    (tmp_path / "t.html").write_text(
        f"<html><body><p>{TITLE}</p><table><tr><td rowspan=2>序号</td><td rowspan=2>重点任务</td>"
        "<td colspan=2>责任单位</td><td rowspan=2>完成时限</td></tr><tr><td>主办单位</td><td>协办单位</td></tr>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table></body></html>",
        "utf-8")
    d = docx.Document()
    d.add_paragraph(TITLE)
    t = d.add_table(rows=4, cols=5)
    for r, values in enumerate([["序号", "重点任务", "责任单位", "", "完成时限"], ["", "", "主办单位", "协办单位", ""]]
                               + rows):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    for a, b in (((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))):
        t.cell(*a).merge(t.cell(*b))
    d.save(str(tmp_path / "t.docx"))
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([TITLE])
    ws.append(["序号", "重点任务", "责任单位", None, "完成时限"])
    ws.append([None, None, "主办单位", "协办单位", None])
    for r in rows:
        ws.append(r)
    for rng in ("A2:A3", "B2:B3", "C2:D2", "E2:E3"):
        ws.merge_cells(rng)
    book.save(tmp_path / "t.xlsx")
    for name in ("t.html", "t.docx", "t.xlsx"):
        assert _read_back(load(tmp_path / name)) == want, name


def test_people_one_a_line_in_a_leader_cell_are_a_list_in_every_format(tmp_path):
    header = ["序号", "重点任务", "责任领导", "主责单位"]
    rows = [["1", "建成示范片区3个。", "张某某\n李某某副\n县长", "县农业农村局"]]
    want = [["张某某", "李某某副县长"]]
    (tmp_path / "t.html").write_text(_syn_html(header, rows), "utf-8")
    _syn_docx(tmp_path / "t.docx", header, rows)
    _syn_xlsx(tmp_path / "t.xlsx", header, rows)
    for name in ("t.html", "t.docx", "t.xlsx"):
        doc = load(tmp_path / name)
        assert [t.leaders for t in doc.tasks] == want, name
        assert [units(t, "lead") for t in doc.tasks] == [["县农业农村局"]], name


def test_an_html_table_inside_a_markdown_or_text_copy_reads_as_its_rows(tmp_path):
    # a Markdown converter keeps a table with merged cells as HTML: the rows under a cell spanning them share it
    text = "\n".join(["# 某区2024年物业管理重点工作分工", "", "一、工作安排", "",
                      "<table>", "<tr><th>序号</th><th>工作事项</th><th>主办部门</th><th>协办部门</th></tr>",
                      "<tr><td>1</td><td>修订物业服务标准。</td><td rowspan=\"2\">区房管中心</td>"
                      "<td>区市场监管局<br>各街道办</td></tr>",
                      "<tr><td>2</td><td>开展老旧小区安全排查。</td><td>区消防救援大队</td></tr>", "</table>", "",
                      "二、工作要求", "各部门要加强协作。"])
    path = tmp_path / "plan.md.txt"
    path.write_text(text, "utf-8")
    doc = load(path)
    got = [(t.text, units(t, "lead"), units(t, "cooperating"), t.provenance.first_line) for t in doc.tasks if t.row]
    assert got == [("修订物业服务标准。", ["区房管中心"], ["区市场监管局", "各街道办"], 7),
                   ("开展老旧小区安全排查。", ["区房管中心"], ["区消防救援大队"], 8)]  # the lines of their <tr>


def test_a_web_page_saved_as_text_reads_as_the_page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("\n" + HTML, "utf-8")
    doc = load(path)
    assert [(t.id, units(t, "lead")) for t in doc.tasks if t.id.startswith("T")] == [
        ("T1-1-1", ["市水利局"]), ("T1-1-2", ["市水利局"]), ("T1-2", ["市住建局"])]


KEY_VALUE = [[("工作事项", "修订物业服务标准。"), ("主办部门", "区房管中心"), ("协办部门", "区市场监管局、各街道办")],
             [("工作事项", "开展老旧小区安全排查。"), ("主办部门", "区应急管理局"), ("协办部门", "区消防救援大队")]]
KEY_VALUE_WANT = [("修订物业服务标准。", ["区房管中心"], ["区市场监管局", "各街道办"]),
                  ("开展老旧小区安全排查。", ["区应急管理局"], ["区消防救援大队"])]


def test_tables_of_key_value_rows_read_as_labelled_items_in_html_docx_and_xlsx(tmp_path):
    import docx

    head = "某区2024年物业管理重点工作分工"
    (tmp_path / "t.html").write_text(f"<html><body><p>{head}</p>" + "".join(
        "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rec) + "</table>" for rec in KEY_VALUE)
        + "</body></html>", "utf-8")
    d = docx.Document()
    d.add_paragraph(head)
    for rec in KEY_VALUE:
        table = d.add_table(rows=len(rec), cols=2)
        for r, (k, v) in enumerate(rec):
            table.cell(r, 0).text, table.cell(r, 1).text = k, v
        d.add_paragraph("")
    d.save(str(tmp_path / "t.docx"))
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append([head])
    for rec in KEY_VALUE:
        for k, v in rec:
            ws.append([k, v])
        ws.append([])
    book.save(tmp_path / "t.xlsx")
    for name in ("t.html", "t.docx", "t.xlsx"):
        doc = load(tmp_path / name)
        assert [(t.text, units(t, "lead"), units(t, "cooperating")) for t in doc.tasks] == KEY_VALUE_WANT, name


def test_a_site_footer_of_key_value_rows_is_no_plan(tmp_path):
    path = tmp_path / "footer.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["主办单位", "某市人民政府办公室"], ["承办单位", "某市大数据中心"]):
        book.active.append(row)
    book.save(path)
    with pytest.raises(InputError, match="no task table"):
        load(path)


# -- text encodings ----------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16", "gb18030"])
def test_text_encodings_without_user_help(tmp_path, encoding):
    text = TITLE + "\n一、重点任务\n1.加强统筹。(市发改委牵头,市财政局配合)\n"
    path = tmp_path / "p.txt"
    path.write_bytes(text.encode(encoding))
    assert units(load(path).tasks[0], "cooperating") == ["市财政局"]


def test_unit_cells_of_names_the_lexicon_does_not_know_in_html_and_csv(tmp_path):
    # unit columns whose names end in no known suffix: one a line in an HTML cell (<br>), listed with 、, apart with
    # a space, or joined by 和 to a name opening with its level: each name is a unit in its column's role
    html = ("<html><body><p>某市任务表</p><table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>"
            "<tr><td>1</td><td>建成公园3个。</td><td>青禾坊</td><td>云岫阁<br>听松斋</td></tr>"
            "<tr><td>2</td><td>整治背街小巷。</td><td>市白鹭苑</td><td>远山舍、碧溪坊、妇联</td></tr></table></body></html>")
    (tmp_path / "plan.html").write_text(html, "utf-8")
    csv = ("序号,重点任务,牵头单位,配合单位,完成时限\n1,建成公园3个。,青禾坊,远山舍 碧溪坊,6月底前\n"
           "2,新建停车位。,县交通运输局,青禾坊和市云岫阁,年底\n")
    (tmp_path / "plan.csv").write_text(csv, "utf-8")
    got = [[(units(t, "lead"), units(t, "cooperating")) for t in load(tmp_path / name).tasks]
           for name in ("plan.html", "plan.csv")]
    assert got == [[(["青禾坊"], ["云岫阁", "听松斋"]), (["市白鹭苑"], ["远山舍", "碧溪坊", "妇联"])],
                   [(["青禾坊"], ["远山舍", "碧溪坊"]), (["县交通运输局"], ["青禾坊", "市云岫阁"])]]
