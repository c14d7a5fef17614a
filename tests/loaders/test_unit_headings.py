"""Units printed before their duties without a role word: as a heading line, a sentence of their own, or the
subject of each paragraph under a 职责分工 heading."""

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def _units(doc):
    return [(t.text[:8], [(a.unit, a.role.value, a.inferred) for a in t.assignments]) for t in doc.tasks]


def test_a_unit_heading_line_gives_the_duties_under_it_to_that_unit_as_inferred():
    doc = parse_text("某县部门责任清单\n发改局\n部门职责\n负责拟订全县发展规划。\n组织编制年度计划。\n"
                     "财政局\n部门职责\n承担全县财政预算编制工作。\n", "list.txt")
    assert _units(doc) == [("负责拟订全县发展", [("发改局", "lead", True)]),
                           ("组织编制年度计划", [("发改局", "responsible", True)]),
                           ("承担全县财政预算", [("财政局", "responsible", True)])]
    assert all(a.basis.startswith("unit heading at line") for t in doc.tasks for a in t.assignments)


def test_a_unit_heading_over_a_numbered_list():
    doc = parse_text("重点工作\n县教育局\n1.新建公办幼儿园2所。\n2.改造薄弱学校3所。\n", "list.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["县教育局"], ["县教育局"]]


def test_an_issuer_line_over_the_title_is_no_unit_heading():
    doc = parse_text("某县人民政府办公室\n关于印发某县2020年重点工作的通知\n1.修建道路。(县交通局负责)\n", "n.txt")
    assert [(t.text, t.units(Role.LEAD)) for t in doc.tasks] == [("修建道路。", ["县交通局"])]


def test_units_as_sentences_of_their_own_head_the_duties_after_them():
    doc = parse_text("三、职责分工\n各成员单位职责如下:县环保局。负责全县监督检查。加强执法。县交通局、公路局。"
                     "对公路两侧开展巡查。\n", "one-line.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["县环保局"], []), ([], ["县交通局", "公路局"])]


def test_a_lone_unit_sentence_needs_a_duty_word_after_it():
    # 打造…平台 ends like an organisation, but nothing after it reads as its duties
    doc = parse_text("1.打造中小企业云服务平台。鼓励企业上云。(责任单位:市经信局)\n", "p.txt")
    assert [a.unit for t in doc.tasks for a in t.assignments] == ["市经信局"]


def test_under_a_division_heading_each_paragraph_is_done_by_its_subject():
    doc = parse_text("三、职责分工\n区城管执法局依法对违法倾倒行为实施处罚。\n各街道、镇作为辖区责任主体,负责日常监管。\n"
                     "区绿化市容局负责全面管理和指导。\n", "p.txt")
    assert [[(a.unit, a.role.value) for a in t.assignments] for t in doc.tasks] == [
        [("区城管执法局", "responsible")], [("各街道、镇", "lead")], [("区绿化市容局", "lead")]]


def test_the_addressees_of_a_notice_are_no_unit_block():
    doc = parse_text("各科室、各企事业单位:\n为做好创建工作,现将方案印发给你们。\n1.整治道路。(责任单位:城建科)\n", "n.txt")
    assert [a.unit for t in doc.tasks for a in t.assignments] == ["城建科"]


def test_a_numbered_heading_that_is_only_a_unit_gives_the_paragraphs_under_it_to_that_unit():
    # the item and its block are one task, its text as printed: the heading first (docs/evaluation.md)
    doc = parse_text("三、内设机构\n(一)督查室\n负责重大事项督查工作。\n(二)财务科\n负责机关财务管理工作。\n", "p.txt")
    assert [(t.text, t.units(Role.LEAD)) for t in doc.tasks] == [
        ("督查室 负责重大事项督查工作。", ["督查室"]), ("财务科 负责机关财务管理工作。", ["财务科"])]


def test_a_numbered_office_over_several_paragraphs_is_one_task_and_its_heads_are_no_duty():
    # a duty statement: numbered offices, each over lines of duties, the last one's 负责人 list after it
    doc = parse_text("机构设置及职能:\n1. 综合股\n负责局机关日常值班安排。\n文件的传阅、登记、催办;负责档案管理。\n"
                     "2. 规划股\n编制全县交通发展规划。\n3. 老干部股\n负责离退休干部服务工作。\n负责人\n股  长  王某某\n",
                     "offices.txt")
    got = [(t.text, t.provenance.first_line, t.provenance.last_line, [(a.unit, a.role.value) for a in t.assignments])
           for t in doc.tasks]
    assert got == [
        ("综合股 负责局机关日常值班安排。文件的传阅、登记、催办;负责档案管理。", 2, 4, [("综合股", "lead")]),
        ("规划股 编制全县交通发展规划。", 5, 6, [("规划股", "responsible")]),
        ("老干部股 负责离退休干部服务工作。", 7, 8, [("老干部股", "lead")])]


def test_a_working_group_with_member_units_a_leader_and_duties():
    doc = parse_text("二、应急工作组\n1、医疗救护组\n组 长:市卫生局局长王某\n成员单位:市卫生局、市红十字会\n"
                     "职 责:在考点安排急救人员,配备救护车辆。\n2、通信保障组\n组 长:某某\n由电信、移动等部门牵头,负责通信保障。\n",
                     "plan.txt")
    first, second = doc.tasks
    assert "在考点安排急救人员" in first.text and first.leaders == ["市卫生局局长王某"]
    assert first.units(Role.RESPONSIBLE) == ["市卫生局", "市红十字会"]
    # 由 … 牵头 is a role slot: sector names the lexicon does not know stay units
    assert second.units(Role.LEAD) == ["电信", "移动"]


def test_a_duties_heading_names_the_unit_of_the_numbered_list_glued_after_it():
    # a copy that lost its line breaks: the heading and its items on one long line
    items = "".join(f"({k})做好第{k}项工作,确保按期完成各项任务,并向上级报告进展情况和存在的问题。" for k in range(1, 6))
    doc = parse_text(f"前言\n一、党委工作职责:{items}\n", "p.txt")
    assert len(doc.tasks) == 5
    assert all(t.units(Role.RESPONSIBLE) == ["党委"] for t in doc.tasks)
    assert doc.tasks[1].text.startswith("做好第2项工作")


def test_a_short_heading_line_with_its_numbered_items_glued_after_the_colon():
    doc = parse_text("某乡机构职能\n二、政府职能:(1)制定发展计划。(2)负责民政工作。(3)完成上级交办事项。\n", "p.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("制定发展计划。", [], ["政府"]), ("负责民政工作。", ["政府"], []), ("完成上级交办事项。", [], ["政府"])]


def test_a_note_after_a_group_of_items_gives_its_units_to_the_group():
    doc = parse_text("二、重点任务\n1.建设绿道10公里。\n2.治理黑臭水体3处。\n以上工作由市住建局牵头,市财政局、各区政府配合。\n",
                     "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["市住建局"], ["市财政局", "各区政府"])] * 2
    assert doc.tasks[0].assignments[0].inferred and "clause after the group" in doc.tasks[0].assignments[0].basis


def test_a_numbered_item_opening_with_a_unit_and_a_colon_is_that_units_task():
    doc = parse_text("三、部门职责\n4.交通局:提供运输车辆,优先运送扑救人员。\n5.公安局:实施火灾区封锁、隔离工作。\n", "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["交通局"], ["公安局"]]


def test_a_unit_heading_with_a_duties_label_gives_the_duties_after_the_label():
    doc = parse_text("(八)应急指挥部办公室\n指挥部下设办公室,办公室设在市林业局。\n主要职责:\n"
                     "(1)负责落实上级有关应急工作的指示和要求。\n(2)负责编制和完善应急预案。\n", "p.txt")
    assert [(t.text, [a.unit for a in t.assignments]) for t in doc.tasks if t.assignments] == [
        ("负责落实上级有关应急工作的指示和要求。", ["应急指挥部办公室"]), ("负责编制和完善应急预案。", ["应急指挥部办公室"])]


def test_an_article_naming_a_unit_and_the_field_of_its_duties_heads_its_numbered_duties():
    doc = parse_text("某市河长制实施细则\n第二章 各级责任\n第四条 各级党委和政府河湖管护责任主要包括:\n"
                     "(一)组织开展河湖清理整治。\n(二)把河湖管护纳入本地发展规划。\n"
                     "第五条 各部门要履行以下职责:\n(一)做好宣传。\n", "rules.txt")
    assert _units(doc)[:2] == [("组织开展河湖清理", [("各级党委和政府", "responsible", True)]),
                               ("把河湖管护纳入本", [("各级党委和政府", "responsible", True)])]
    assert all(not t.assignments for t in doc.tasks[2:])  # 各部门要履行…: a sentence, no unit heading


def test_a_paragraph_of_duties_cut_by_semicolons_under_a_unit_heading_gives_one_task_per_duty():
    doc = parse_text("某区部门职责\n社会事务局\n负责拟订全区民政发展规划;负责区内社会救助工作;承担为民办实事的考核工作。\n",
                     "duties.txt")
    assert _units(doc) == [("负责拟订全区民政", [("社会事务局", "lead", True)]),
                           ("负责区内社会救助", [("社会事务局", "lead", True)]),
                           ("承担为民办实事的", [("社会事务局", "responsible", True)])]


def test_a_holderless_duties_heading_in_a_notice_setting_up_a_body_gives_that_body_its_duties():
    # numbered duties under 二、明确工作职责 (a township's leading group)
    doc = parse_text("各村委会:\n经研究,特成立柳林镇创建文明城市工作领导小组,明确工作职责。\n一、成立领导小组\n"
                     "组长:王明(镇长)\n二、明确工作职责\n1、统筹全镇创建工作,研究解决重大问题。\n"
                     "2、负责创建工作的督促检查。\n", "n.txt")
    got = [(t.text[:6], [(a.unit, a.role.value, a.inferred) for a in t.assignments]) for t in doc.tasks
           if t.assignments]
    assert got == [("统筹全镇创建", [("柳林镇创建文明城市工作领导小组", "responsible", True)]),
                   ("负责创建工作", [("柳林镇创建文明城市工作领导小组", "lead", True)])]
    # a paragraph of duties under 一、主要职责 (a county headquarters named in the intro): one task per duty
    doc = parse_text("关于成立青山县防汛抗旱指挥部的通知\n县人民政府决定成立青山县防汛抗旱指挥部(以下简称指挥部)。\n"
                     "一、主要职责\n组织分析全县汛情形势;指导防汛抗旱工程建设;负责防汛物资储备调度。\n", "n.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("组织分析全县汛情形势", [], ["青山县防汛抗旱指挥部"]), ("指导防汛抗旱工程建设", [], ["青山县防汛抗旱指挥部"]),
        ("负责防汛物资储备调度。", ["青山县防汛抗旱指挥部"], [])]
    assert {a.basis for t in doc.tasks for a in t.assignments} == {"the body set up at line 2, under the heading at line 3"}
    # 领导小组职责: names the kind only; the body set up is named in full
    doc = parse_text("区政府决定成立区食品安全委员会。\n(一)委员会职责\n1、分析全区食品安全形势。\n"
                     "2、督促检查法律法规的落实。\n", "n.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["区食品安全委员会"], ["区食品安全委员会"]]


def test_a_duties_heading_with_no_body_set_up_names_no_unit():
    doc = parse_text("二、明确工作职责\n1、协调全镇交通安全工作。(镇交管办负责)\n2、开展调查研究。\n", "n.txt")
    assert all(a.unit != "明确" for t in doc.tasks for a in t.assignments)


def test_office_headings_in_a_row_alias_and_an_opening_basis():
    # a regulation's internal offices: numbered headings, each over a paragraph of its duties (one task each)
    doc = parse_text("(三)救灾科\n拟订全县救灾工作政策;组织救灾减灾工作。\n(四)基层政权科(社区建设科)\n"
                     "指导村民委员会选举;指导社区建设。\n(五)审批办公室\n根据有关法律、法规,负责行政审批事项的受理;"
                     "负责审批窗口管理。\n", "offices.txt")
    assert [(t.text.split(" ")[1][:4], [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks] == [
        ("拟订全县", [("救灾科", "responsible")]), ("指导村民", [("基层政权科(社区建设科)", "responsible")]),
        ("根据有关", [("审批办公室", "lead")])]


def test_a_heading_ending_like_an_office_is_no_unit_heading():
    doc = parse_text("二、重点任务\n(一)优化产业空间布局\n组织编制产业规划。\n(二)构建开放新格局\n"
                     "负责招商引资。\n(三)壮大县域经济\n发展特色产业。(县发改局负责)\n", "p.txt")
    assert [(t.text[:8], t.units(Role.LEAD) + t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("优化产业空间布局", []), ("构建开放新格局", []), ("壮大县域经济。发", ["县发改局"])]


def test_a_numbered_item_opening_with_a_unit_and_an_obligation_word_is_that_units_task():
    doc = parse_text("二、工作职责\n4、制定交通安全宣传计划。\n5、研究制定优惠政策。\n"
                     "6、县(市)区人民政府要设立创建活动办公室,负责本地区的协调工作。\n"
                     "(二)乡镇人民政府的工作职责\n1、负责辖区道路的交通安全管理工作。\n", "p.txt")
    got = [(t.text[:6], [(a.unit, a.role.value, a.inferred) for a in t.assignments]) for t in doc.tasks]
    assert got == [("制定交通安全", []), ("研究制定优惠", []),
                   ("县(市)区人", [("县(市)区人民政府", "responsible", True)]),
                   ("负责辖区道路", [("乡镇人民政府", "lead", True)])]
    # in a plan with other cues, a collective, a unit named by its role, or a verb reading like a name is no subject
    for item in ("6、各乡镇要设立创建活动办公室。", "6、各牵头单位要加强统筹。", "6、深入推进市、县、乡三级政府机构建设。"):
        doc = parse_text("二、工作要求\n4、修建道路。(县交通局负责)\n5、研究制定优惠政策。\n" + item + "\n", "p.txt")
        assert [a.unit for t in doc.tasks for a in t.assignments] == ["县交通局"], item


def test_where_a_unit_sits_is_no_duty_and_does_not_hide_its_duties():
    doc = parse_text("经研究,决定成立龙泉区创卫工作领导小组。\n二、领导小组职责\n(一)研究制定全区创卫工作规划。\n"
                     "三、领导小组办公室职责\n领导小组下设办公室,办公室设在区卫健局,王某兼任办公室主任。\n"
                     "(一)负责领导小组日常工作。\n(二)督促检查各成员单位工作落实情况。\n", "n.txt")
    assert [(t.text, t.units(Role.LEAD) + t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("研究制定全区创卫工作规划。", ["龙泉区创卫工作领导小组"]), ("负责领导小组日常工作。", ["领导小组办公室"]),
        ("督促检查各成员单位工作落实情况。", ["领导小组办公室"])]


def test_an_article_announcing_duties_gives_its_items_to_the_unit_the_article_before_names():
    doc = parse_text("某县农业农村局职能配置、内设机构和人员编制规定\n"
                     "第一条 根据机构改革方案,制定本规定。\n"
                     "第二条 某县农业农村局(简称县农业农村局)是县政府工作部门,为正科级。\n"
                     "第三条 贯彻落实党中央关于三农工作的方针政策。主要职责是:\n"
                     "(一)负责统筹研究和组织实施全县农业农村发展战略。\n"
                     "(二)承担农业综合执法工作,指导农业行政执法。\n"
                     "第四条 县农业农村局设下列内设机构。\n", "sanding.txt")
    assert _units(doc) == [("负责统筹研究和组", [("某县农业农村局", "lead", True)]),
                           ("承担农业综合执法", [("某县农业农村局", "responsible", True)])]
    assert doc.tasks[0].assignments[0].basis == "unit named at line 3, its duties announced at line 4"


def test_a_sanding_duty_list_belongs_to_the_unit_its_inner_offices_part_names():
    # 三定 statements: 一、主要职责 names no holder; 根据上述职责,X设N个内设机构 after the list names it (any level,
    # an article or a section, Traditional script)
    doc = parse_text("某县民政局主要职责内设机构和人员编制规定\n一、主要职责\n(一)贯彻执行国家有关民政工作的方针政策。\n"
                     "(二)负责全县社会救助工作。\n二、内设机构\n根据上述职责,县民政局设5个内设股室。\n"
                     "(一)办公室。负责机关日常运转。\n", "sd.txt")
    assert _units(doc)[:2] == [("贯彻执行国家有关", [("县民政局", "responsible", True)]),
                               ("负责全县社会救助", [("县民政局", "lead", True)])]
    assert _units(doc)[2] == ("办公室。负责机关", [("办公室", "lead", False)])
    doc = parse_text("第三条 主要职责\n(一)负责全市统计调查工作。\n(二)组织实施全市经济普查。\n"
                     "第四条 根据上述职责,市统计局设下列内设机构:\n(一)综合科。\n", "sd.txt")
    assert [t.units(Role.LEAD) + t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["市统计局"], ["市统计局"]]
    doc = parse_text("一、主要職責\n(一)負責全鎮農業農村工作。\n(二)組織實施鄉村振興戰略。\n二、內設機構\n"
                     "根據上述職責,鎮政府設置6個綜合辦公室。\n", "sd.txt")
    assert [t.units(Role.LEAD) + t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["鎮政府"], ["鎮政府"]]


def test_a_page_starting_inside_a_sanding_duty_list_gives_its_items_to_the_unit_named_after_them():
    doc = parse_text("(八)负责全区法治宣传教育工作。\n(九)组织实施全区人民调解工作。\n(十)承办区委交办的其他事项。\n"
                     "三、内设机构\n根据上述职责，区司法局设6个内设科室：\n(一)办公室。负责文电、会务工作。\n", "sd.txt")
    assert _units(doc)[:3] == [("负责全区法治宣传", [("区司法局", "lead", True)]),
                               ("组织实施全区人民", [("区司法局", "responsible", True)]),
                               ("承办区委交办的其", [("区司法局", "responsible", True)])]
    # without the inner offices' sentence the items name nobody: nothing is guessed
    doc = parse_text("(八)负责全区法治宣传教育工作。\n(九)组织实施全区人民调解工作。\n三、工作要求\n"
                     "(一)区司法局要加强组织领导。\n", "sd.txt")
    assert all(not t.assignments for t in doc.tasks if t.text.startswith(("负责", "组织")))


def test_an_office_seated_in_a_unit_and_given_a_duty_does_that_duty():
    # X设在Y,负责…: X leads (承担… responsible); Y only houses it; a seat with no duty gives no task
    doc = parse_text("关于成立县防汛指挥部的通知\n一、组织机构\n指挥部办公室设在县水利局，负责指挥部日常工作。\n"
                     "二、工作要求\n(一)领导小组办公室设在区民政局,承担领导小组日常工作。\n"
                     "(二)工作专班办公室设在镇党政办,办公室主任由王某兼任。\n", "seat.txt")
    got = [(t.text[:9], [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks if t.assignments]
    assert got == [("指挥部办公室设在县", [("指挥部办公室", "lead")]),
                   ("领导小组办公室设在", [("领导小组办公室", "responsible")])]
    doc = parse_text("二、聯席會議組成\n聯席會議辦公室設在市教育局,負責聯席會議日常工作,辦公室設主任1名。\n", "seat.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks] == [["聯席會議辦公室"]]


def test_an_item_opening_with_an_organ_named_by_its_sector_is_that_organs_task():
    # 公安机关 / 税务机关 (a sector's organs, as regulations print them) before an obligation word
    doc = parse_text("一、重点任务\n1.建设绿道。(县住建局牵头)\n2.县公安机关要依法查处违法运输行为。\n"
                     "3.区税务机关须组织纳税辅导。\n", "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks[1:]] == [["县公安机关"], ["区税务机关"]]


def test_a_paragraph_of_unit_first_clauses_takes_subjects_before_an_adverb():
    # under a division heading: X积极…, Y进一步…, Z切实… name their subjects as X负责… does
    doc = parse_text("三、职责分工\n县发改局负责统筹项目审批。\n县农业办积极开展秸秆综合利用。\n"
                     "县公安局进一步依法查处违法行为。\n区财政局切实保障工作经费。\n", "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["县发改局"], []), ([], ["县农业办"]), ([], ["县公安局"]), ([], ["区财政局"])]


def test_a_measures_items_take_the_subjects_of_their_body_sentences():
    # an opinion with no label, bracket or table: each numbered item (a title, then sentences) is done by the
    # units its sentences open with (responsible, inferred), not the object of a 由 clause
    doc = parse_text("关于支持某区发展的若干意见\n一、深化改革\n(一)完善管理体制。进一步明确两级政府的职责,市政府对重大项目给予"
                     "支持;浦东新区政府继续支持开发建设。\n(二)推广改革经验。复制推广制度创新成果。\n"
                     "(三)加强债务管理。县级债务由所在的县政府确定;新增债务分别计入区级债务。\n"
                     "(四)支持项目建设。浦东新区、奉贤区政府根据管辖权限,授权区管委会开展合作。\n", "m.txt")
    got = [(t.text[:4], t.units(Role.RESPONSIBLE), {a.inferred for a in t.assignments}) for t in doc.tasks]
    assert got == [("完善管理", ["市政府", "浦东新区政府"], {True}), ("推广改革", [], set()),
                   ("加强债务", [], set()), ("支持项目", ["浦东新区、奉贤区政府"], {True})]


def test_in_a_plan_with_role_cues_body_sentences_name_no_units():
    # the same items in a plan whose tasks carry bracket clauses: its body sentences tell executors how to work
    doc = parse_text("一、重点任务\n(一)完善管理体制。市政府对重大项目给予支持。\n(二)建设绿道。(市住建局牵头)\n", "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [[], []]


def test_subjects_of_later_paragraphs_in_a_run_with_a_unit_first_clause():
    # an emergency plan's support section: short titles and paragraphs; once one paragraph opens with X负责…, a
    # later one opening with units and a verb (在…时, 要…) is those units' task, across a title line
    for level in ("市", "县"):
        doc = parse_text(f"7.5交通运输保障\n{level}交通局负责应急运输保障工作。\n\n7.6部队支援\n"
                         f"武警支队及驻地部队在参加抢险时,按规定办理。\n", "p.txt")
        assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks if t.assignments] == [
            ([f"{level}交通局"], []), ([], ["武警支队", "驻地部队"])]


def test_a_measures_item_handing_its_work_to_units_names_them():
    # …由X统筹 / 由X承担 / 由X统一管理 in an opinion's item body: X does it (responsible, inferred)
    doc = parse_text("关于支持某镇发展的意见\n一、加强土地保障\n(一)统筹减量化工作。减量化工作由镇规划办统筹,"
                     "指标由县自然资源局统一管理。\n(二)整合专项资金。专项资金支付责任由镇财政所承担。\n", "m.txt")
    # (with nothing else in the document, the obligation reader takes each 由X part as a task of its own)
    assert [u for t in doc.tasks for u in t.units(Role.RESPONSIBLE)] == ["镇规划办", "县自然资源局", "镇财政所"]
    assert {t.provenance.first_line for t in doc.tasks} == {3, 4}


def test_working_groups_one_a_line_each_keep_their_own_lead():
    # 后勤保障组：由X牵头,Y参加。主要负责…: a sentence and more, no unit line of the group before it
    doc = parse_text("四、应急工作组\n医疗救护组：由镇派出所牵头，镇财政所参加。主要负责现场救护。\n"
                     "后勤保障组：由镇财政所牵头，镇卫生院参加。主要负责物资保障。\n", "p.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks] == [["镇派出所"], ["镇财政所"]]


def test_a_school_or_a_cooperative_may_open_an_item_as_its_subject():
    doc = parse_text("一、重点任务\n1.建设绿道。(镇建设办牵头)\n2.镇中心学校要组织开展校园安全教育。\n"
                     "3.镇农机合作社要做好秋收机具调度。\n", "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks[1:]] == [["镇中心学校"], ["镇农机合作社"]]


def test_a_duty_list_under_a_title_naming_no_holder_belongs_to_the_unit_whose_inner_offices_follow():
    # 主要职责 / 部门职责 over numbered duties, then X内设A、B (no 根据上述职责): X's duties; at three levels
    for title, unit in (("主要职责", "县民政局"), ("部门职责", "区城管局"), ("", "镇应急办")):
        text = (f"{title}\n" if title else "") + f"(一)负责安全监管工作。\n(二)承担应急值守。\n内设机构\n{unit}内设办公室、综合股。\n"
        doc = parse_text(text, "p.txt")
        assert [(t.text, [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks] == [
            ("负责安全监管工作。", [(unit, "lead")]), ("承担应急值守。", [(unit, "responsible")])]


def test_a_heading_naming_a_units_inner_offices_names_no_unit_itself():
    # X内设A、B项目一科: (a glued heading) no unit named 市项目办内设…
    doc = parse_text("部门职责\n(一)负责重点项目谋划。\n(二)负责项目推进。\n科室职能\n市项目办内设项目一科、项目二科项目一科:\n"
                     "负责会议组织;牵头做好推介工作。\n", "p.txt")
    assert all("内设" not in a.unit for t in doc.tasks for a in t.assignments)
    assert [t.units(Role.LEAD) for t in doc.tasks[:2]] == [["市项目办"], ["市项目办"]]
