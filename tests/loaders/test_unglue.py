"""Glued page lines cut back into their items and labels."""

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def test_a_labels_names_running_into_the_next_items_marker_end_the_item_there():
    # a summary page glued into one line: each item's 工作目标: and 责任单位: labels, the names of one running
    # straight into the next item's marker ((3), 4.) with no stop between them
    text = ("关于开展城乡环境卫生整治的实施方案\n关于开展城乡环境卫生整治的实施方案为巩固创建成果,按照县委、县政府工作部署,"
            "现将有关事项通知如下:一、工作任务(一)整治公共环境"
            "1.整治农贸市场(2)工作目标:对农贸市场的排水沟渠进行清理疏通责任单位:县市场监管局、县城管局"
            "(3)工作目标:对车站周边乱停乱放、占道经营等问题开展集中整治,做到车辆停放有序。责任单位:县交通运输局、县公安局"
            "4.开展背街小巷整治工作目标:开展常态化清扫保洁,改善背街小巷环境。责任单位:县住建局")
    doc = parse_text(text, "plan.txt")
    placed = [t for t in doc.tasks if t.assignments]
    assert [t.units(Role.RESPONSIBLE) for t in placed] == [
        ["县市场监管局", "县城管局"], ["县交通运输局", "县公安局"], ["县住建局"]]
    assert [w in t.text for w, t in zip(("对农贸市场的排水", "对车站周边乱停乱", "开展背街小巷整治"), placed)] == [True] * 3


def test_a_labels_list_running_into_the_next_items_number_ends_there_with_a_bracketed_label():
    # a label's list glued to the next item's marker with no punctuation between (…县卫生院(3)工作目标… / …县卫生院4.…)
    glued = ("某县关于开展环境卫生整治的实施方案为做好整治工作,现将有关事项通知如下:一、工作任务(一)整治公共环境"
             "1.开展道路整治(1)工作目标:对集贸市场的排水沟进行清理疏通。负责股室(单位):县住建局、县卫生院"
             "(2)工作目标:对车站周边的乱停乱放开展集中整治,设置停车引导标识。负责股室(单位):县交通局、县公安局"
             "3.开展河道整治工作目标:清理河道两岸的垃圾和杂物,保持水面整洁。负责股室:县水利局、县环卫所")
    doc = parse_text("某县关于开展环境卫生整治的实施方案\n" + glued + "\n", "plan.txt")
    got = {t.text[:8]: t.units(Role.RESPONSIBLE) for t in doc.tasks if t.units(Role.RESPONSIBLE)}
    assert list(got.values()) == [["县住建局", "县卫生院"], ["县交通局", "县公安局"], ["县水利局", "县环卫所"]]


# Pages glued with nothing where each line ended (a web page's text copied without its breaks). Each is long enough
# (600 characters and more) to be read as a page; the filler is a plan's ordinary sentences.
_FILLER = "坚持问题导向,强化统筹协调,压实工作责任,确保各项任务按期完成并取得实效。"


def test_items_closed_by_bracketed_labels_on_a_glued_page_are_cut_into_their_items():
    # no label stands outside brackets: each item ends with its (牵头单位:X,配合单位:Y)
    items = "".join(f"{n}.推进第{n}项重点工作。{_FILLER * 3}(牵头单位:县{lead},配合单位:县{helper})"
                    for n, (lead, helper) in enumerate((("甲办", "乙站"), ("丙所", "丁队"), ("戊中心", "己办")), 1))
    text = "某县推进重点工作实施意见\n为做好今年工作,结合实际,提出如下意见。一、重点任务" + items + "二、保障措施加强领导。\n"
    doc = parse_text(text, "plan.txt")
    got = [(t.text[:7], t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks if t.assignments]
    assert got == [("推进第1项重点", ["县甲办"], ["县乙站"]), ("推进第2项重点", ["县丙所"], ["县丁队"]),
                   ("推进第3项重点", ["县戊中心"], ["县己办"])]


def test_a_bracket_a_glued_page_never_closes_does_not_hide_the_items_after_it():
    # the document number lost its closing bracket (某政办发〔2020 12号): the items far after it are still cut
    items = "".join(f"{n}.做好第{n}项工作。{_FILLER * 3}(责任单位:县{unit})"
                    for n, unit in enumerate(("甲办", "丙所", "戊中心"), 1))
    text = ("某县工作要点\n某政办发〔2020 12号各乡镇,县直各单位:现将工作要点印发给你们,请认真贯彻落实。" + _FILLER * 6
            + "一、重点工作" + items + "\n")
    doc = parse_text(text, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks if t.assignments] == [["县甲办"], ["县丙所"], ["县戊中心"]]


def test_unit_headings_glued_between_two_numbered_lists_head_the_items_after_them():
    # each unit's items numbered 一、二、… anew, its bare name glued after the last sentence of the unit before;
    # the excerpt opens inside the first unit's list (三、…)
    f = _FILLER * 3
    text = (f"某市发展目标任务分解\n三、完善甲制度。{f}四、落实乙政策。{f}市甲局一、开展丙行动。{f}二、推进丁工程。{f}"
            f"市乙局一、加强戊管理。{f}二、提升己水平。{f}\n")
    doc = parse_text(text, "plan.txt")
    got = {t.text[:5]: t.units(Role.RESPONSIBLE) + t.units(Role.LEAD) for t in doc.tasks}
    assert got["开展丙行动"] == ["市甲局"] and got["推进丁工程"] == ["市甲局"]
    assert got["加强戊管理"] == ["市乙局"] and got["提升己水平"] == ["市乙局"]


def test_articles_glued_on_a_page_are_cut_so_the_unit_they_name_heads_its_duties():
    # 第一条 … 第二条 … 第三条 X主要职责是: (一)… (二)…: the articles of a 三定 page, glued with nothing between
    duties = "".join(f"({n})负责{w}。{_FILLER * 2}" for n, w in zip("一二三", ("全县甲类监管", "乙类执法", "丙类服务")))
    text = ("某县某局机构设置和职能\n某县某局机构设置和职能第一条根据某县机构改革方案,制定本规定。" + _FILLER
            + "第二条某县某局为县政府工作部门,机构规格正科级。" + _FILLER + "第三条某县某局主要职责是:" + duties
            + "第四条本规定自印发之日起施行。\n")
    doc = parse_text(text, "plan.txt")
    placed = {t.text[:6]: t.units(Role.LEAD) + t.units(Role.RESPONSIBLE) for t in doc.tasks if t.assignments}
    assert placed == {"负责全县甲类": ["某县某局"], "负责乙类执法": ["某县某局"], "负责丙类服务": ["某县某局"]}


def test_a_glued_notice_whose_document_number_lost_its_bracket_still_tells_its_units_what_to_do():
    # the number's closing bracket lost in the copy (某政办发〔2021 7号): the sentences after it are still sentences
    text = ("某县人民政府办公室关于做好安全生产工作的通知\n某县人民政府办公室关于做好安全生产工作的通知某政办发〔2021 7号"
            "各乡镇人民政府,县直各单位:现将有关事项通知如下。" + _FILLER * 4
            + "各乡镇要落实属地管理责任,开展隐患排查整治。县应急局要加强统筹协调和督促检查。特此通知。\n")
    doc = parse_text(text, "notice.txt")
    assert {u for t in doc.tasks for u in t.units(Role.RESPONSIBLE)} == {"各乡镇", "县应急局"}


def test_an_excerpt_opening_inside_a_list_of_unit_headings_is_cut_at_each_of_them():
    # the page starts at (三) (its (一) and (二) on a page before): no first item, the run is trusted from the start
    body = "负责全市甲类工作的组织实施;承担乙类事项的日常管理;指导基层开展丙类服务。" * 4
    text = ("某市某局内设机构职责\n(三)救济科" + body + "(四)保障科" + body + "(五)审批办公室" + body + "\n")
    doc = parse_text(text, "duties.txt")
    assert {u for t in doc.tasks for u in t.units(Role.RESPONSIBLE) + t.units(Role.LEAD)} == {"救济科", "保障科",
                                                                                               "审批办公室"}


def test_a_note_on_all_the_items_glued_after_the_last_one_is_a_line_of_its_own():
    # 以上工作由X牵头,会同Y…: the closing note names the units of every item; glued, it must not stay in the last one
    items = "".join(f"{n}.推进第{n}项民生工程。{_FILLER * 4}" for n in range(4, 8))
    text = ("某省民生工程实施方案\n" + items + "以上工作由省甲厅、省乙厅牵头,会同省丙厅组织实施。\n")
    doc = parse_text(text, "plan.txt")
    placed = [t for t in doc.tasks if t.assignments]
    assert len(placed) == 4 and all(t.units(Role.LEAD) == ["省甲厅", "省乙厅"] for t in placed)


def test_a_label_whose_head_the_label_list_does_not_know_takes_its_head_off_the_names_before_it():
    # …配合单位:县财政局、县发改局。实施时间:…: 时间: is a known label, 实施 its head, not part of the last name
    items = "".join(f"({n})第{n}项惠民项目。资金来源:县级财政。目标任务:按上级要求完成任务。{_FILLER}牵头单位:县教育局。"
                    f"配合单位:县财政局、县发改局。实施时间:2012年1-12月。" for n in "一二三")
    doc = parse_text("某县民生工程实施方案\n三、教育惠民工程" + items + "\n", "plan.txt")
    helpers = [t.units(Role.COOPERATING) for t in doc.tasks if t.assignments]
    assert helpers == [["县财政局", "县发改局"]] * 3


def test_a_table_printed_one_cell_a_line_glued_into_a_page_is_cut_at_its_bare_row_numbers():
    # no header, each row: its number, its title, its text, its lead unit; glued with nothing between the cells
    rows = "".join(f"{n}{title}{_FILLER * 5}{unit}牵头" for n, (title, unit) in enumerate(
        (("实施关键技术攻关", "省科技厅"), ("推进产业协同创新", "省工业和信息化厅"), ("完善数据制度体系", "省政务和数据局")), 1))
    doc = parse_text("某省数字建设工作要点\n某省数字建设工作要点加快培育发展引擎打造技术创新高地" + rows + "\n", "plan.txt")
    got = {t.text[:8]: t.units(Role.LEAD) for t in doc.tasks if t.assignments}
    assert got == {"实施关键技术攻关": ["省科技厅"], "推进产业协同创新": ["省工业和信息化厅"], "完善数据制度体系": ["省政务和数据局"]}


def test_a_heading_ending_with_its_colon_is_cut_off_a_glued_page_but_a_sentence_leading_a_list_in_is_not():
    from dutygraph.loaders.lines import to_lines
    from dutygraph.loaders.unglue import unglue
    duties = "".join(f"({n})负责{w}工作。{_FILLER * 2}" for n, w in zip("一二三", ("甲类", "乙类", "丙类")))
    headed = [ln.text for ln in unglue(to_lines("欢迎访问某局网站!" + _FILLER * 2 + "综合科主要职责:" + duties))]
    assert "综合科主要职责:" in headed
    led_in = [ln.text for ln in unglue(to_lines("综合科是局机关内设科室。" + _FILLER * 2 + "其主要职责是:" + duties))]
    assert led_in[0].endswith("其主要职责是:")


def test_the_tasks_read_from_the_pieces_of_a_glued_page_report_the_files_line():
    # a notice glued into one line after its title line, cut into its items: every task and every unit points at
    # the file's line 2, where the page stands
    text = ("某县人民政府办公室关于做好安全生产工作的通知\n各乡镇人民政府,县直各单位:现将有关事项通知如下。"
            "一、压实责任。" + _FILLER * 5 + "各乡镇要落实属地管理责任,开展隐患排查整治。"
            "二、加强督查。" + _FILLER * 5 + "县应急局要加强统筹协调和督促检查。\n")
    doc = parse_text(text, "notice.txt")
    assert {u for t in doc.tasks for u in t.units(Role.RESPONSIBLE)} == {"各乡镇", "县应急局"}
    assert {t.provenance.lines[0] for t in doc.tasks} == {2}
    assert {a.provenance.first_line for t in doc.tasks for a in t.assignments if a.provenance} <= {2}
    assert all("line 2" in a.basis for t in doc.tasks for a in t.assignments if a.basis and "at line" in a.basis)


def test_the_labelled_items_of_a_glued_notice_keep_their_units_next_to_the_notices_own_sentences():
    # a notice and its annex glued into one page: the notice's sentences (各主办单位要…, 市督查室要…) and the annex's
    # items with their labels; the items keep their labels
    items = "".join(f"{n}.{w}增长{n}0%。{_FILLER * 2}主办单位:{unit}。" for n, w, unit in (
        (1, "地区生产总值", "市发改委、市统计局"), (2, "财政一般预算收入", "市财政局"), (3, "固定资产投资", "市发改委")))
    text = ("市政府关于印发主要目标任务分解方案的通知各县(市)、区人民政府,市各委、办、局:现将分解方案印发给你们。"
            + _FILLER * 6 + "各主办单位要切实强化组织领导,全力以赴抓好落实。市督查室要加大督查督办力度。特此通知。"
            "主要目标任务分解方案一、目标分解" + items + "\n")
    doc = parse_text(text, "notice.txt")
    assert [t.units(Role.LEAD) + t.units(Role.RESPONSIBLE) for t in doc.tasks if "增长" in t.text] == [
        ["市发改委", "市统计局"], ["市财政局"], ["市发改委"]]
