"""Named works (find_projects): the rules on snippets written for the test, two held-out
sets, and precision / recall on the seed plan against its hand annotation.

The snippets use other cities (湘潭, 岳阳, 长沙, 衡阳 …) so that no rule can lean on the
seed's names. The held-out sentences were annotated by hand before find_projects was
run on them. Batch 1 first scored P 0.743 / R 0.684 and led to rule fixes. Batch 2 was
written after those fixes and first scored P 0.880 / R 0.786. Both sets have been seen
since, so the figures asserted below are no longer blind.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from dutygraph.text import projects
from dutygraph.text.projects import ProjectMention, find_projects

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "seed_projects.json"


def names(text: str, places=()) -> list[str]:
    return [m.full for m in find_projects(text, places)]


# ---------------------------------------------------------------- the mention


def test_mention_fields_and_full_name():
    text = "启动湘潭河东污水处理厂二期建设"
    [m] = find_projects(text)
    assert (m.name, m.type, m.phase, m.full) == ("湘潭河东污水处理厂", "plant", "二期", "湘潭河东污水处理厂二期")
    assert text[m.start:m.end] == "湘潭河东污水处理厂二期"
    with pytest.raises(AttributeError):
        m.name = "x"  # frozen
    assert isinstance(m, ProjectMention)


def test_empty_text():
    assert find_projects("") == []
    assert find_projects("加强组织领导,强化督查考核。") == []


# ---------------------------------------------------------------- type words


@pytest.mark.parametrize("text, name, type_", [
    ("加快建设岳阳大道", "岳阳大道", "road"),
    ("推进巴陵西路建设", "巴陵西路", "road"),
    ("力争洞庭湖大桥年内通车", "洞庭湖大桥", "bridge"),
    ("启动南湖公园提质", "南湖公园", "park"),
    ("完成芭蕉湖整治", "芭蕉湖", "lake"),
    ("推进王家河治理", "王家河", "river"),
    ("完成吉家港黑臭水体整治", "吉家港", "channel"),
    ("建成岳阳县城南污水处理厂", "岳阳县城南污水处理厂", "plant"),   # 污水处理厂 wins over 厂-less 处理厂
    ("推进韶山路综合管廊建设", "韶山路综合管廊", "utility_tunnel"),  # 综合管廊 wins over 路
    ("建设巴陵广场立体停车场", "巴陵广场立体停车场", "parking"),
    ("建成湘潭大数据中心", "湘潭大数据中心", "facility"),
    ("建设九华装备制造基地", "九华装备制造基地", "base"),
    ("推进昭山文化产业园建设", "昭山文化产业园", "park_zone"),
    ("启动岳阳博物馆新馆", "岳阳博物馆", "museum"),
    ("建设花明楼特色小镇", "花明楼特色小镇", "town"),
    ("做好长株潭城际铁路西环线前期工作", "长株潭城际铁路西环线", "line"),
    ("启动湘潭北站综合交通枢纽", "湘潭北站综合交通枢纽", "station"),
    ("加快岳阳三荷机场建设", "岳阳三荷机场", "airport"),
    ("推进世行贷款湘潭项目", "世行贷款湘潭项目", "project"),
    ("推进建设北路提质", "建设北路", "road"),
    ("实施王家河流域综合整治工程", "王家河流域综合整治工程", "works"),
])
def test_type_from_the_longest_type_word(text, name, type_):
    [m] = find_projects(text)
    assert (m.name, m.type) == (name, type_)


def test_lexicons_are_data_and_loaded_once():
    suffixes = projects.project_suffixes()
    assert suffixes["污水处理厂"] == "plant" and suffixes["路"] == "road" and suffixes["片区"] == "area"
    assert projects.project_stopwords()["加快推进"] == "boundary"
    assert projects.project_stopwords()["打造"] == "predicate"
    assert {"建设", "改造", "治理", "综合", "重点", "相关", "配套"} <= projects.generic_words()
    assert "主体" in projects.descriptor_words()
    assert projects.project_suffixes() is suffixes  # lru_cache


# ---------------------------------------------------------------- phases


@pytest.mark.parametrize("text, expected", [
    ("启动岳阳城南污水处理厂一期、城北污水处理厂三期建设", [("岳阳城南污水处理厂", "一期"), ("城北污水处理厂", "三期")]),
    ("完成九华湘江大桥首期工程", [("九华湘江大桥", "首期")]),
    ("启动昭山示范线项目二期工程", [("昭山示范线", "二期")]),       # 项目 before the phase goes
    ("启动湘潭经开区集中供热一期工程", [("湘潭经开区集中供热", "一期")]),  # type from the 工程 after it
    ("完成君山生态修复二期,启动生态修复三期", [("君山生态修复", "二期")]),  # a phase may anchor a name
    ("力争一期竣工并投入运营", []),
    ("十三五期间建成一批项目", []),
])
def test_phases(text, expected):
    assert [(m.name, m.phase) for m in find_projects(text)] == expected


# ---------------------------------------------------------------- left boundaries


@pytest.mark.parametrize("text, expected", [
    ("加快推进岳阳大道建设", ["岳阳大道"]),                       # verbs
    ("积极推进、大力实施巴陵西路改造", ["巴陵西路"]),
    ("力争确保九华湘江大桥年内开工", ["九华湘江大桥"]),           # adverbs, time words
    ("完成投资,启动韶山路建设", ["韶山路"]),                      # punctuation
    ("对接长沙黄花机场", ["长沙黄花机场"]),
    ("岳阳大道、巴陵西路和金鹗东路", ["岳阳大道", "巴陵西路", "金鹗东路"]),  # separators
    ("新增芙蓉路及人民路", ["芙蓉路", "人民路"]),
    ("建成湘潭北站与韶山高铁站", ["湘潭北站", "韶山高铁站"]),
    ("湘潭北站至韶山高铁站快速通道", ["湘潭北站", "韶山高铁站"]),  # 至
    ("启动建设路、人民路改造", ["建设路", "人民路"]),              # 建设 taken back: 建设路
    ("加快推进和平路建设", ["和平路"]),
])
def test_left_boundaries(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("完成5条道路改造", []),                                      # counts
    ("建设2个海绵城市项目", []),
    ("建成自动监测站3座", []),                                    # a count after the name
    ("做好各县市区垃圾填埋场封场", []),                           # plurals
    ("推进所有市内转型项目", []),
    ("实现一批项目投产", []),
    ("打造岳阳文化旅游基地", []),                                 # predicates: roles, titles
    ("申报湘潭国家双创示范基地", []),
    ("将九华片区打造成为湘潭特色样板工程", []),
    ("支持中联重科、三一重工等龙头企业扩能项目", []),             # what follows 等 is a class
    ("建成8英寸芯片工厂", ["8英寸芯片工厂"]),                     # a dimension is no count
])
def test_counts_plurals_and_predicates(text, expected):
    assert names(text) == expected


def test_places_full_names_are_locatives_short_names_stay():
    places = ["湘潭高新区", "岳塘区", "湘潭", "岳塘"]
    assert names("推动湘潭高新区智造谷产业园建设", places) == ["智造谷产业园"]
    assert names("完成岳塘区东风路改造", places) == ["东风路"]
    # the rest would be no name by itself: the place stays
    assert names("建设岳塘区污水处理厂", places) == ["岳塘区污水处理厂"]
    # a short name is part of the name
    assert names("建设湘潭植物园", places) == ["湘潭植物园"]
    # a place alone is not reported, even when it ends like a work
    assert names("推进岳塘、湘潭高新区建设", places) == []
    assert names("推进云湖片区建设") == []
    # a zone word inside a name marks a locative prefix even without places
    assert names("开展九华示范区护潭河治理") == ["护潭河"]


# ---------------------------------------------------------------- right boundaries


@pytest.mark.parametrize("text, expected", [
    ("推进护潭河沿线区域海绵城市建设", ["护潭河"]),               # relational words end it
    ("启动韶山路向北与长沙芙蓉大道联络线", ["韶山路", "长沙芙蓉大道"]),
    ("完成磁浮线路、BRT线路优化", []),                           # 线路 is a word, not a line
    ("按照边建设边治理的思路", []),
    ("完成城市道路改造", []),
    ("推进浏阳河水系综合治理", ["浏阳河"]),                       # common words after the name
    ("开展清水湖片区治理", []),                                    # a zone named after a lake
    ("启动城陵矶港综合码头建设", ["城陵矶港综合码头"]),           # 城 of 城陵矶 is no zone
])
def test_right_boundaries(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("开展南湖城市公园项目建设", ["南湖城市公园"]),                # 项目 after a type word goes
    ("加快昭山旅游小镇项目建设", ["昭山旅游小镇"]),
    ("完成九华湘江大桥主体工程", ["九华湘江大桥"]),               # descriptors go too
    ("启动湘潭云创中心地标项目策划", ["湘潭云创中心"]),
    ("完善岳阳县污水处理厂管网扩建项目", ["岳阳县污水处理厂管网扩建项目"]),  # work on the work stays
    ("启动芙蓉路BRT项目建设", ["芙蓉路BRT项目"]),
    ("推进世行贷款项目实施", ["世行贷款项目"]),                    # no type word before 项目
])
def test_trailing_project_words(text, expected):
    assert names(text) == expected


def test_conjunction_inside_one_name():
    # 和 joins two halves of one name when the right half is no name by itself
    assert names("大力推进亚行贷款护潭河上游段综合治理和环境改造工程") == [
        "亚行贷款护潭河上游段综合治理和环境改造工程"]
    assert names("建成湘潭大学科技创新与成果转化中心") == ["湘潭大学科技创新与成果转化中心"]
    # ... and separates two names
    assert names("启动南湖公园和东风湖建设") == ["南湖公园", "东风湖"]


# ---------------------------------------------------------------- lists sharing a type word


def test_head_after_deng_and_a_count():
    # the decision documented in tests/fixtures/README.md: each item takes the shared head
    ms = find_projects("加快雨湖路、韶山路等6个综合管廊建设")
    assert [(m.name, m.type) for m in ms] == [("雨湖路综合管廊", "utility_tunnel"), ("韶山路综合管廊", "utility_tunnel")]
    text = "加快雨湖路、韶山路等6个综合管廊建设"
    assert [text[m.start:m.end] for m in ms] == ["雨湖路", "韶山路"]   # the printed item
    assert names("积极推进建设北路等4条地下综合管廊建设") == ["建设北路地下综合管廊"]


def test_generic_head_keeps_the_items_names():
    ms = find_projects("突出抓好泰富重装、华菱钢管、湘钢五米板等项目,力争投产")
    assert [(m.name, m.type) for m in ms] == [("泰富重装", "project"), ("华菱钢管", "project"), ("湘钢五米板", "project")]
    assert names("加快九华二期、湘电风能叶片基地、华菱物流等项目建设") == ["九华二期", "湘电风能叶片基地", "华菱物流"]
    assert names("完成湘钢烧结机脱硫改造、岳化锅炉煤改气等重点项目") == ["湘钢烧结机脱硫改造", "岳化锅炉煤改气"]
    # common-word items are no names, under any head
    assert names("启动固废填埋场及环保示范中心等工程") == []
    assert names("铺设电力、燃气、通讯等配套管廊设施") == []


def test_shared_tail_without_deng():
    assert names("加快推进株冶路、清雨路、清霞路实质性开工建设".replace("株冶", "湘钢").replace("清雨", "岳塘")
                 .replace("清霞", "宝塔")) == ["湘钢路", "岳塘路", "宝塔路"]   # each its own road
    assert names("建设雨花、湘天、芙蓉路立体停车场和万楼、东湖停车场") == [
        "雨花立体停车场", "湘天立体停车场", "芙蓉路立体停车场", "万楼停车场", "东湖停车场"]
    assert names("完善湘乡市、韶山市、湘潭县污水处理厂管网扩建项目", ["湘乡市", "韶山市", "湘潭县"]) == [
        "湘乡市污水处理厂管网扩建项目", "韶山市污水处理厂管网扩建项目", "湘潭县污水处理厂管网扩建项目"]
    assert names("完成河东、九华片区土壤治理项目") == ["河东片区土壤治理项目", "九华片区土壤治理项目"]
    assert names("做好湘潭和岳阳城市轨道交通1号线规划", ["湘潭", "岳阳"]) == [
        "湘潭城市轨道交通1号线", "岳阳城市轨道交通1号线"]
    assert names("建设三角坪、金鹗山两个智慧停车场") == ["三角坪智慧停车场", "金鹗山智慧停车场"]


def test_shared_tail_guards():
    # items with names of their own keep them when the last one's prefix is no work
    assert names("启动湘潭移动数据中心、湘潭云谷产业园一期建设") == ["湘潭移动数据中心", "湘潭云谷产业园一期"]
    assert names("启动雪峰公园、东台山公园、轨道中央公园以及月湖、天池湖建设") == [
        "雪峰公园", "东台山公园", "轨道中央公园", "月湖", "天池湖"]
    # organisations and zones take no bare type word
    assert names("从湘潭大学、九华新城、湘江风光带逐步试点") == ["湘江风光带"]
    # zones are no parks of a park head
    assert names("推进湘潭高新区、九华经开区两个园区污水集中处理设施建设") == []
    # a long item is a name of its own, no locative
    assert names("建成雨湖公园、窑湾历史文化街区、湘潭昭山文化产业园") == ["雨湖公园", "湘潭昭山文化产业园"]
    # one character before a one-character type word: a name only inside a list
    assert names("推进渌江、铁河等重点河流治理") == ["渌江", "铁河"]
    assert names("推进管线集约化建设") == []
    assert names("推进湘江治理") == []  # a known loss: 湘 alone is too short


# ---------------------------------------------------------------- rejections


@pytest.mark.parametrize("text", [
    "推进污水处理厂建设",
    "建设城市公园",
    "推进重点项目",
    "实施示范工程",
    "完善基础设施",
    "推进地下综合管廊建设",
    "加快市图书馆建设",
    "推进综合配套改造工程",
    "建设相关配套设施",
    "开展违法违规项目整改",
    "启动生活垃圾焚烧发电项目二期前期工作",
    "启动新能源汽车分时租赁项目建设",
    "建成装配式建筑生产基地",
    "推进餐饮无烟示范街建设",
    "出台《岳阳市重点工程建设管理办法》",
    "建成创新广场(市民中心)项目",  # 创新 is a common word; the bracket is an alias
    "推进十园十湖一江八港建设",
])
def test_generic_phrases_are_not_names(text):
    assert names(text) == []


# ---------------------------------------------------------------- held-out sentences

# (text, places, the full names a reader annotates)
HELD_OUT = [
    ("加快推进芙蓉大道提质改造、河东大道北延线建设,力争九华湘江大桥年内主体完工。", (),
     ["芙蓉大道", "河东大道北延线", "九华湘江大桥"]),
    ("启动岳阳县城乡一体化供水工程、平江县第二水厂建设,完成华容县污水处理厂提标改造。", (),
     ["岳阳县城乡一体化供水工程", "平江县第二水厂", "华容县污水处理厂"]),
    ("推进南湖风景区、东风湖、芭蕉湖水环境综合治理,实施王家河流域综合整治工程。", (),
     ["东风湖", "芭蕉湖", "王家河流域综合整治工程"]),
    ("完成岳阳大道、巴陵西路、金鹗东路等5条道路白改黑工程。", (), ["岳阳大道", "巴陵西路", "金鹗东路"]),
    ("建设三角坪、金鹗山两个智慧停车场,新建公共停车位2000个。", (), ["三角坪智慧停车场", "金鹗山智慧停车场"]),
    ("推动湘潭高新区智造谷产业园、天易示范区轨道交通产业园建设。", ("湘潭高新区", "天易示范区"),
     ["智造谷产业园", "天易示范区轨道交通产业园"]),
    ("加快长株潭城际铁路西环线、湘潭北站至韶山高铁站快速通道建设。", (),
     ["长株潭城际铁路西环线", "湘潭北站", "韶山高铁站"]),
    ("实施洞庭湖生态环境专项整治三年行动,推进东洞庭湖国家级自然保护区核心区矮围拆除。", (), ["洞庭湖"]),
    ("启动衡阳市城市展览馆、市档案馆新馆项目建设。", (), ["衡阳市城市展览馆"]),
    ("开工建设G107线株洲段改线工程、S211衡山至南岳段。", (), ["G107线株洲段改线工程", "S211衡山至南岳段"]),
    ("确保湘江新区污水处理厂、暮云污水处理厂二期投入运行,完成坪塘再生水厂前期工作。", ("湘江新区",),
     ["湘江新区污水处理厂", "暮云污水处理厂二期", "坪塘再生水厂"]),
    ("推进渌江、铁河、洣水等重点河流水质提升。", (), ["渌江", "铁河", "洣水"]),
    ("建成雨湖公园、窑湾历史文化街区、湘潭昭山文化产业园。", (), ["雨湖公园", "湘潭昭山文化产业园"]),
    ("支持中联重科、三一重工、比亚迪等龙头企业扩能项目建设。", (), []),
    ("加快建设湘府路快速化改造工程、万家丽路高架桥南延线。", (), ["湘府路快速化改造工程", "万家丽路高架桥南延线"]),
    ("全力推进岳阳三荷机场、城陵矶港区综合码头建设。", (), ["岳阳三荷机场", "城陵矶港区综合码头"]),
    ("做好各县市区垃圾填埋场封场工作。", (), []),
    ("推进株洲高新区、醴陵经开区两个园区污水集中处理设施建设。", (), []),
    ("建设湖南(醴陵)陶瓷会展馆和陶瓷博物馆。", (), ["湖南(醴陵)陶瓷会展馆"]),
    ("完成渌口区湘江风光带二期、南洲新区滨江公园建设。", ("渌口区", "南洲新区"), ["湘江风光带二期", "南洲新区滨江公园"]),
]

HELD_OUT_2 = [
    ("加快推进韶山路、芙蓉路、人民路沿线综合整治,启动东二环线北延工程。", (),
     ["韶山路", "芙蓉路", "人民路", "东二环线北延工程"]),
    ("完成岳麓污水处理厂三期扩建,推进洋湖再生水厂提标改造。", (), ["岳麓污水处理厂三期", "洋湖再生水厂"]),
    ("启动浏阳河、捞刀河、靳江河“一河一策”治理。", (), ["浏阳河", "捞刀河", "靳江河"]),
    ("推进金霞保税物流中心二期、霞凝港三期工程建设。", (), ["金霞保税物流中心二期", "霞凝港三期"]),
    ("实施城区15个老旧小区改造和5条背街小巷提质。", (), []),
    ("建成开福区文化馆、图书馆和青少年活动中心。", ("开福区",), ["开福区文化馆"]),
    ("启动湘江西岸防洪堤加固工程、圭塘河生态景观带三期建设。", (), ["湘江西岸防洪堤加固工程", "圭塘河生态景观带三期"]),
    ("推动比亚迪动力电池、中联智慧产业城等重大项目落地。", (), ["比亚迪动力电池", "中联智慧产业城"]),
    ("加快黄花国际机场改扩建、长沙南站综合交通枢纽建设。", (), ["黄花国际机场", "长沙南站综合交通枢纽"]),
    ("完成株洲大道、长江北路、珠江南路路面改造。", (), ["株洲大道", "长江北路", "珠江南路"]),
    ("推进湘潭九华经开区、昭山示范区两型示范片区建设。", (), []),
    ("建设韶山红色文化旅游小镇、花明楼特色小镇。", (), ["韶山红色文化旅游小镇", "花明楼特色小镇"]),
    ("加快长沙地铁6号线、7号线建设,开通3号线南延线。", (), ["长沙地铁6号线", "7号线", "3号线南延线"]),
    ("对全市23座小型水库开展除险加固。", (), []),
    ("推进醴陵经开区陶瓷产业园、攸县网岭循环经济园基础设施建设。", ("攸县",), ["醴陵经开区陶瓷产业园", "网岭循环经济园"]),
]


def precision_recall(pairs) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for got, want in pairs:
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp, fp, fn


@pytest.mark.parametrize("batch, data, floor", [
    # reached: batch 1 P 0.921 R 0.921; batch 2 P 0.926 R 0.893
    ("held-out 1", HELD_OUT, (0.85, 0.85)),
    ("held-out 2", HELD_OUT_2, (0.85, 0.82)),
])
def test_held_out_sentences(batch, data, floor):
    pairs = [({m.full for m in find_projects(text, places)}, set(want)) for text, places, want in data]
    p, r, tp, fp, fn = precision_recall(pairs)
    print(f"\n{batch}: precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert p >= floor[0] and r >= floor[1]


# ---------------------------------------------------------------- the seed plan


def seed_places() -> list[str]:
    from dutygraph.resolve.gazetteer import gazetteer_for

    g = gazetteer_for("株洲市")
    return sorted({n for n, _ in g.place_names()} | {g.city, g.short})


def test_fixture_covers_every_leaf_task(seed_doc):
    gold = json.loads(FIXTURE.read_text("utf-8"))
    assert list(gold["tasks"]) == [t.id for t in seed_doc.tasks]
    assert sum(len(v) for v in gold["tasks"].values()) == 98


def test_seed_precision_and_recall(seed_doc):
    # reached: precision 1.000, recall 0.959 (94 of 98; 0 false positives). These are
    # in-sample figures: the lexicons were written after reading the seed.
    gold = json.loads(FIXTURE.read_text("utf-8"))["tasks"]
    places = seed_places()
    pairs = [({m.full for m in find_projects(t.text, places)},
              {w["name"] + w.get("phase", "") for w in gold[t.id]}) for t in seed_doc.tasks]
    p, r, tp, fp, fn = precision_recall(pairs)
    print(f"\nseed: precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert p >= 0.95
    assert r >= 0.90


def test_speed_on_the_seed(seed_doc):
    texts = [t.text for t in seed_doc.tasks]
    find_projects(texts[0])  # lexicons and regexes built once
    projects._find.cache_clear()
    projects._common.cache_clear()
    t0 = time.perf_counter()
    for text in texts:
        find_projects(text)
    assert time.perf_counter() - t0 < 0.5  # about 0.02 s here
