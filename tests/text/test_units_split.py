"""Unit-list splitting beyond the seed: role words, collectives, shared suffixes, noise (snippets written for the test)."""

from __future__ import annotations

import pytest

from dutygraph.text.units import is_unit_name, looks_like_unit_list, split_units, strip_noise


@pytest.mark.parametrize("cell, names", [
    # separators, never inside brackets
    ("市发改委，市财政局；市税务局;市审计局", ["市发改委", "市财政局", "市税务局", "市审计局"]),
    ("各县(市、区)党委和人民政府,城乡一体化示范区、高新区党工委和管委会",
     ["各县(市、区)党委和人民政府", "城乡一体化示范区、高新区党工委和管委会"]),
    ("各区政府（含北京经济技术开发区管委会）、市交通委", ["各区政府（含北京经济技术开发区管委会）", "市交通委"]),
    # 和 / 及 / 与 only between two units, never inside a name
    ("市人力资源和社会保障局及市财政局", ["市人力资源和社会保障局", "市财政局"]),
    ("市级各有关部门及各县市区政府", ["市级各有关部门", "各县市区政府"]),
    ("工业和信息化委、住房和城乡建设局", ["工业和信息化委", "住房和城乡建设局"]),
    ("市委宣传部与市文明办", ["市委宣传部", "市文明办"]),
    # trailing noise and role words
    ("市住房城乡建设委等部门", ["市住房城乡建设委"]),
    ("能源局等省有关部门和各地级以上市人民政府按职责分工负责", ["能源局", "各地级以上市人民政府"]),
    ("市金融办、人民银行某市中心支行分别牵头落实", ["市金融办", "人民银行某市中心支行"]),
    ("市发改委负责落实", ["市发改委"]),
    ("市财政局配合", ["市财政局"]),
    ("省交通运输厅牵头卖力", ["省交通运输厅"]),  # 卖力: 负责 in a reworded copy
    # collectives stand alone; shared suffixes stay whole as printed
    ("各地、各部门", ["各地", "各部门"]),
    ("各县、区人民政府", ["各县、区人民政府"]),
    ("长沙、株洲、湘潭市政府", ["长沙、株洲、湘潭市政府"]),
    ("雨湖、岳塘区人民政府、市财政局", ["雨湖、岳塘区人民政府", "市财政局"]),
    # bare names before a name without an organisation suffix are names of their own
    ("经开区、高新园(邹区镇)、各街道", ["经开区", "高新园(邹区镇)", "各街道"]),
])
def test_split(cell, names):
    assert split_units(cell) == names


def test_names_with_role_words_inside_are_kept():
    assert split_units("各市直创建牵头部门") == ["各市直创建牵头部门"]
    assert strip_noise("市负责人联络办") == "市负责人联络办"


def test_collective_words_are_units():
    assert is_unit_name("各地") and is_unit_name("各级")
    assert not is_unit_name("各县")  # it shares the suffix of the name after it: 各县、区人民政府


def test_a_name_cut_short_after_a_body_is_not_a_shared_kind():
    from dutygraph.text.units import split_units

    assert split_units("区财政局、区统计局、区") == ["区财政局", "区统计局", "区"]  # …、区 cut by the excerpt's end
    assert split_units("13个街道、镇") == ["13个街道、镇"]  # the tail shares the count and kind


def test_a_word_ending_like_an_office_but_naming_none_is_no_unit():
    assert not is_unit_name("优化城乡结构布局") and not is_unit_name("构建发展新格局") and not is_unit_name("基层干部")
    assert not any(map(is_unit_name, ["一体化政务服务平台", "公共场所", "农村公厕所", "项目推进会", "建设充电站"]))
    assert is_unit_name("县规划局") and is_unit_name("市委组织部")


@pytest.mark.parametrize("cell, names", [
    ("城西管理区、县水利局", ["城西管理区", "县水利局"]),  # an area's whole name, then a name with its own level
    ("高新园、市商务局", ["高新园", "市商务局"]),
    ("各镇、区级各部门", ["各镇", "区级各部门"]),
    ("共青团中央、中国残联", ["共青团中央", "中国残联"]),  # a national body's name opens with its level too
    ("团省委、全国工商联", ["团省委", "全国工商联"]),
    # after a whole name, whole names before a bare body are names of their own; before an area's body they share
    ("县委办、经济开发区、五金城、科技局", ["县委办", "经济开发区", "五金城", "科技局"]),
    ("镇党政办、工业园区、农业园区、镇农办", ["镇党政办", "工业园区", "农业园区", "镇农办"]),
    ("市发改委,城东示范区、高新区党工委和管委会", ["市发改委", "城东示范区、高新区党工委和管委会"]),
    ("长沙、株洲、湘潭市政府", ["长沙、株洲、湘潭市政府"]),  # bare places still share the suffix
    ("各县、市、区政府", ["各县、市、区政府"]),
])
def test_a_name_opening_with_its_level_shares_no_suffix_with_an_area_before_it(cell, names):
    assert split_units(cell) == names


def test_a_county_office_section_is_a_unit_but_buying_shares_is_none():
    assert is_unit_name("规划股") and is_unit_name("县财政局财务股") and not is_unit_name("鼓励农民入股")


def test_a_collective_before_a_collective_of_its_own_is_a_name_of_its_own():
    # 区级各部门 / 县直各单位 carry their own 各: the collective before them shares nothing with them
    assert split_units("各镇、区级各部门") == ["各镇", "区级各部门"]
    assert split_units("各乡、县直各单位") == ["各乡", "县直各单位"]
    assert split_units("各街道、市直各部门") == ["各街道", "市直各部门"]
    # a bare division before a plain name still shares its suffix (各市人民政府、县人民政府)
    assert split_units("各市、县人民政府") == ["各市、县人民政府"]
    assert split_units("省、市、县各级人民政府") == ["省、市、县各级人民政府"]


def test_a_name_joined_to_the_bare_head_of_a_shared_suffix_list_is_split_off():
    # 地税局等和各市、县人民政府: 各市 waits for the suffix of 县人民政府, 地税局 is a name of its own
    assert split_units("省财政厅、地税局等和各市、县人民政府") == ["省财政厅", "地税局", "各市、县人民政府"]
    assert split_units("市民政局及各区、县民政局") == ["市民政局", "各区、县民政局"]
    assert split_units("市人力资源和社会保障局") == ["市人力资源和社会保障局"]


def test_words_ending_like_an_organisation_that_name_none_are_no_units():
    assert not is_unit_name("优化产业空间布局") and not is_unit_name("构建全面开放新格局")
    assert not is_unit_name("领导干部")
    assert is_unit_name("县统计局") and is_unit_name("市委组织部") and is_unit_name("区规划布局办公室")


def test_a_collective_and_a_collective_of_bodies_joined_by_ji_are_two_names():
    assert split_units("各县及有关部门") == ["各县", "有关部门"]
    assert split_units("各乡镇和相关单位") == ["各乡镇", "相关单位"]
    # a name after 及 that a collective shares its suffix with, or a longer name, stays one
    assert split_units("各县(市)及相关区政府") == ["各县(市)及相关区政府"]
    assert split_units("各市州及县市区财政部门") == ["各市州及县市区财政部门"]


@pytest.mark.parametrize("cell, names", [
    ("市财政局、各县(市)、区人民政府", ["市财政局", "各县(市)、区人民政府"]),
    ("各市（州）、县人民政府", ["各市（州）、县人民政府"]),
    ("各乡镇(街道)、县级各部门", ["各乡镇(街道)", "县级各部门"]),
    ("各相关处室、单位", ["各相关处室、单位"]),
    ("各有关科室、部门", ["各有关科室、部门"]),
    # (r-labels7) 有关 / 相关 places share the name after them as 各 ones do
    ("县农业局,有关乡(镇)、街道办事处", ["县农业局", "有关乡(镇)、街道办事处"]),
    ("相关县(市)、区人民政府", ["相关县(市)、区人民政府"]),
    ("市水利局、有关县、区政府", ["市水利局", "有关县、区政府"]),
])
def test_places_with_a_note_and_a_collectives_second_kind_share_the_name_after_them(cell, names):
    assert split_units(cell) == names


def test_villages_before_a_township_department_are_a_name_of_their_own():
    # villages hold no 规建办: 各村(社区) shares no suffix with 镇规建办 (各区、县民政局 shares 民政局)
    assert split_units("各村(社区)、镇规建办") == ["各村(社区)", "镇规建办"]
    assert split_units("各社区、镇财政所") == ["各社区", "镇财政所"]
    assert split_units("各县(市)、区人民政府") == ["各县(市)、区人民政府"]


@pytest.mark.parametrize("cell,names", [
    ("各县（市、区）发改、财政部门", ["各县（市、区）发改、财政部门"]),
    ("市(州)教育、卫生健康、民政部门", ["市(州)教育、卫生健康、民政部门"]),
    ("各县(市、区)发改、市财政局", ["各县(市、区)发改", "市财政局"]),
])
def test_a_bracketed_place_note_before_a_shared_suffix_list_keeps_the_list_one_name(cell, names):
    # (r-labels6) as 县发改、财政、审计部门: the place's note (市、区) is no separator of the list
    assert split_units(cell) == names


@pytest.mark.parametrize("cell, names", [
    ("城东区和县直有关部门", ["城东区", "县直有关部门"]),
    ("各街道、高新区和区级各有关部门", ["各街道", "高新区", "区级各有关部门"]),
    ("县财政局和县直各单位", ["县财政局", "县直各单位"]),
])
def test_a_place_and_the_bodies_of_a_level_joined_by_he_are_two_names(cell, names):
    # (r-labels7) 岳麓区和市直相关单位: the district and the city's bodies share nothing
    assert split_units(cell) == names


@pytest.mark.parametrize("cell, names", [
    ("甲山乡、乙河镇、丙湖街道办事处", ["甲山乡", "乙河镇", "丙湖街道办事处"]),
    ("石桥镇、丁家乡、东关街道办事处、西关街道办事处、柳镇", ["石桥镇", "丁家乡", "东关街道办事处", "西关街道办事处", "柳镇"]),
    ("长沙、株洲、湘潭市政府", ["长沙、株洲、湘潭市政府"]),  # bare places still share the suffix
    ("13个街道、镇", ["13个街道、镇"]),  # a kind after a count still shares it
])
def test_towns_named_whole_before_a_street_office_are_names_of_their_own(cell, names):
    # (r-labels8) a town (乙河镇) has no street office: it shares no 街道办事处 suffix, before or after one
    assert split_units(cell) == names


@pytest.mark.parametrize("cell,names", [
    ("市青禾坊、市远山舍,各县(市)、区政府", ["市青禾坊", "市远山舍", "各县(市)、区政府"]),
    ("县明溪阁，各乡镇人民政府", ["县明溪阁", "各乡镇人民政府"]),
    ("长沙、株洲、湘潭市政府,市财政局", ["长沙、株洲、湘潭市政府", "市财政局"]),
])
def test_a_shared_suffix_never_runs_over_a_comma(cell, names):
    # (r-perturb2) names the lexicon does not know, then a comma, then a shared-suffix name: the names before the
    # comma are names of their own, not places waiting for the suffix after it
    assert split_units(cell) == names


@pytest.mark.parametrize("line,listed", [
    ("市远山舍、东岭区明溪阁、西岭区云岫苑", True),   # names opening with a level or a place: a unit cell
    ("阜阳经开区青禾坊、市碧波阁", True),
    ("智慧城市建设、海绵城市改造", False),           # 城市, 小区 … name no place
    ("老旧小区改造、背街小巷整治", False),
    ("市场监管、质量提升", False),                   # 市场 opens no name
    ("县城、乡镇", False),
])
def test_a_list_of_names_opening_with_their_level_reads_as_a_unit_cell(line, listed):
    # (r-perturb2) a cell of names the lexicon does not know, each opening with its level or place
    assert looks_like_unit_list(line) is listed


@pytest.mark.parametrize("text, names", [
    ("省甲溪坊和各市人民政府", ["省甲溪坊", "各市人民政府"]),
    ("州乙岭舍、州丙泉庐及州丁峰苑", ["州乙岭舍", "州丙泉庐", "州丁峰苑"]),
    ("市人力资源和社会保障局", ["市人力资源和社会保障局"]),
    ("县城乡建设和市政管理局", ["县城乡建设和市政管理局"]),
])
def test_names_opening_with_their_level_split_on_and_whatever_they_end_with(text, names):
    # (r-slots) 和/及 between two names each opening with its level (or a collective after it) separates two
    # bodies even where the lexicon knows neither ending; a name whose second half opens with no level stays one
    assert split_units(text) == names


@pytest.mark.parametrize("text, names", [
    ("省甲溪坊、农委、乙岭阁", ["省甲溪坊", "农委", "乙岭阁"]),
    ("县生态环境、住建部门", ["县生态环境、住建部门"]),
    ("县发改、财政、审计部门", ["县发改、财政、审计部门"]),
])
def test_a_levels_body_named_whole_before_a_name_shares_no_suffix_but_sectors_share_a_kind(text, names):
    # (r-slots) 省甲溪坊 (a level, then a name of its own) before 农委 is a name of its own, whatever it ends with;
    # sectors before a kind (部门, 单位) share it (the guideline's shared-suffix list)
    assert split_units(text) == names


@pytest.mark.parametrize("cell, names", [
    # (r-slots2) whole names the lexicon does not know before one it knows: no shared suffix, for none is a bare
    # sector or a place
    ("省甲苑、乙斋坊、丙琮庐、丁汐寮、农委、戊阁", ["省甲苑", "乙斋坊", "丙琮庐", "丁汐寮", "农委", "戊阁"]),
    ("省甲苑、乙斋坊、丙琮庐、市财政局", ["省甲苑", "乙斋坊", "丙琮庐", "市财政局"]),
    # bare sectors or places before the name carrying their ending share it, as printed
    ("县公安、交通运输、应急管理局", ["县公安、交通运输、应急管理局"]),
    ("省发展改革、自然资源、住房城乡建设厅", ["省发展改革、自然资源、住房城乡建设厅"]),
    ("上海市、江苏省、浙江省人民政府", ["上海市、江苏省、浙江省人民政府"]),
    ("住房城乡建设、交通运输、水利部门", ["住房城乡建设、交通运输、水利部门"]),
])
def test_unknown_whole_names_before_a_known_one_share_no_suffix(cell, names):
    assert split_units(cell) == names


def test_deng_before_he_ends_the_list_whatever_its_last_name_ends_with():
    # (r-slots2) 省甲苑、乙斋坊、丙琮庐等和各市、县人民政府: 等 closes the list of names before 和; 各市 shares the
    # suffix of the name after it, as after a known name (地税局等和各市、县人民政府)
    assert split_units("省甲苑、乙斋坊、丙琮庐等和各市、县人民政府") == ["省甲苑", "乙斋坊", "丙琮庐", "各市、县人民政府"]
    assert split_units("地税局等和各市、县人民政府") == ["地税局", "各市、县人民政府"]


def test_a_name_joined_by_and_before_a_short_collective_after_and_is_split_too():
    # 甲厅和乙办及相关盟市: the short collective after 及 is split off, and so is the 和 joining the names before it
    assert split_units("市丙泉委、甲岭厅和乙溪监管办及相关盟市") == ["市丙泉委", "甲岭厅", "乙溪监管办", "相关盟市"]
