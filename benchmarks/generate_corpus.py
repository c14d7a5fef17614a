#!/usr/bin/env python3
"""Deterministic synthetic 工作计划 documents with gold annotations.

The documents follow the layout of ``examples/zhuzhou-2018-liangxing-plan.txt``:
a web page dump of a notice (关于印发《…》的通知) whose annex task tables were
flattened into plain text, one table cell per line. Each document comes with
its GOLD annotation in the shape ``dutygraph extract`` prints, so benchmarks and
loader tests can score an extractor against it.

Library use::

    from generate_corpus import generate_plan, write_corpus, Quirks
    text, gold = generate_plan(42)                 # one document, in memory
    write_corpus("out/corpus", 1000, seed=0)      # plan-00001.txt + plan-00001.gold.json …

Command line::

    python benchmarks/generate_corpus.py OUT_DIR --docs N --seed S [--scale K]

Everything is drawn from one ``random.Random(seed)`` (only its ``random()`` and
``shuffle()``, whose streams CPython keeps stable; no clock, no hashing of str):
the same seed always gives the same text and gold, and the global ``random``
state is neither used nor touched. Document ``i`` (1-based) of a corpus written
with seed ``S`` is ``generate_plan(doc_seed(S, i), annexes=None,
source="plan-0000i.txt")`` with ``doc_seed(S, i) == S * 10**9 + i``.

A seed-size document (``annexes=8``, ``scale=1``) has about 75 tasks in 340
lines, like the seed file (367 lines); ``scale=K`` multiplies the rows of every
annex by K (at most 999 rows per annex).

Grammar of a document (line by line; NBSP is U+00A0)::

    关于印发《PLAN》的通知               notice title
    (blank) 发布日期:YYYY-MM-DD作者:信息来源: (blank) NBSP (blank)
    ISSUER …                              one per line
    关于印发《PLA / N》的通知              title again, split over two lines
    NBSP, addressee line, body line, NBSP
    ISSUER + NBSP×3 …                     issuers again
    YYYYMD + NBSP×3                       issued date with 年月日 lost (2018331)
    NBSP, PLAN split over two lines, NBSP
    一、总体思路和主要目标  (一)总体思路:…  (二)主要目标:clause,clause,…。
    二、重点工作  (一)TITLE。text …                             key works
    三、保障措施  (一)强化组织领导。text …  (optional, not key works)
    NBSP, 附件:1.TITLE, 2.TITLE, …
    per annex: (blank) 附件N, NBSP, TITLE, 序号/重点任务/牵头单位/责任单位
      per row: ROW-NUMBER, ROW-TITLE, then either one paragraph or sub-items
      "1)…", "2)…"; after the paragraph / after each group of sub-items the unit
      cells: LEAD (牵头单位) then RESPONSIBLE (责任单位), units joined by 、.
      A zone annex has header 序号/示范区, zone names as row titles, no unit cells.
    trailing NBSP / blank lines, 责任编辑:… footer (no final newline)

Quirks injected (rates in :class:`Quirks`; counts reported through ``stats``):

* ``split_unit_cell``   a unit cell broken over two lines inside a name
                        (市政府经济 / 金融办); neither half is a unit name and the
                        first half never ends with an organisation suffix.
                        Never applied to a lead-only group (it would read as lead
                        + responsible).
* ``split_row_title``   a row title broken over two lines, the second part
                        short and without punctuation (严格环保执法 / 检查).
* ``bare_marker``       a sub-item marker that lost its bracket (3完成…).
* ``blank_responsible`` the responsible cell printed as a line holding only NBSP.
* ``lead_only``         a unit group with one cell only: the lead.
* ``page_break_repeat`` a row repeated across a page break: row number and title
                        printed again before the next group; sub-items continue
                        their numbering.
* ``zone_annex``        one annex with columns 序号/示范区 and no unit cells.
* ``cell_nbsp``         a unit cell line with trailing NBSPs (gold: removed).
* ``no_final_period``   a task text without its closing 。.
* ``no_annex_gap``      no blank line before an 附件N heading.
* ``trailing_nbsp``     NBSP / blank lines at the end of the document.
* ``footer``            a closing 责任编辑:… line.

Gold conventions (one ``{"documents": [doc]}`` object per file):

* ``tasks`` are the leaf items, in printed order: one per sub-item, or one per
  row without sub-items (``sub`` null). ``id`` is ``A{annex}-{row}`` or
  ``A{annex}-{row}-{sub}``.
* ``title`` is the row title (split parts joined); ``text`` the item text without
  its marker, exactly as printed; ``zone`` the zone name in a zone annex (where
  ``title`` is the zone name too and lead/responsible are empty), else null.
* ``lead`` / ``responsible``: unit names as printed (split cells joined, NBSP
  removed), in printed order; a blank or missing responsible cell gives ``[]``.
  ``cooperating`` is always ``[]`` (the tables have no such column).
* ``deadline``: the first of 上半年 / N月底前 / 年底前 / 年内 in the text, as printed,
  or null. ``amounts``: sums of money as printed, in order ("1.8亿元", "9385万元",
  and rarely "8000万" after 投资, as in the seed).
* ``lines``: 1-based [first, last] line of the item's own text (first == last:
  item texts are never wrapped).
* ``targets``: one ``{"text": clause}`` per clause of the 主要目标 paragraph,
  without punctuation. ``key_works``: the (N)TITLE。 items of 二、重点工作 only,
  ``ref`` like "二(一)". ``issued`` is the garbled date read back (each is chosen
  so that only one month/day split is a valid date); ``published`` the 发布日期.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as _dt
import json
import random
import re
import sys
import time
from dataclasses import dataclass, fields, replace
from operator import itemgetter
from pathlib import Path

NBSP = "\u00a0"
MAX_ROWS_PER_ANNEX = 999  # row numbers stay 1-3 digits, like a real table

# --------------------------------------------------------------------------- pools
# Cities of Hunan with their districts / counties / county-level cities, the
# demonstration zones used as row titles of a zone annex, the management
# committees that appear as units, a river for the targets and place names for
# task texts.
CITIES: dict[str, dict[str, tuple[str, ...]]] = {
    "株洲": {
        "districts": ("天元区", "芦淞区", "荷塘区", "石峰区", "株洲县", "醴陵市", "攸县", "茶陵县", "炎陵县"),
        "zones": ("云龙示范区", "天元片区", "清水塘片区", "神农城片区", "职教城片区"),
        "committees": ("云龙示范区管委会", "株洲高新区管委会"),
        "river": ("湘江",),
        "places": ("清水塘", "建宁港", "枫溪港", "白石港", "神农城", "龙母河", "九郎山"),
    },
    "湘潭": {
        "districts": ("雨湖区", "岳塘区", "湘潭县", "湘乡市", "韶山市"),
        "zones": ("昭山示范区", "九华片区", "天易示范区", "竹埠港片区"),
        "committees": ("昭山示范区管委会", "湘潭经开区管委会", "湘潭高新区管委会"),
        "river": ("湘江",),
        "places": ("竹埠港", "昭山", "九华", "窑湾", "涟水", "莲城大道"),
    },
    "衡阳": {
        "districts": ("珠晖区", "雁峰区", "石鼓区", "蒸湘区", "南岳区", "衡阳县", "衡南县", "衡山县",
                      "衡东县", "祁东县", "耒阳市", "常宁市"),
        "zones": ("白沙洲片区", "松木片区", "衡阳高新区", "南岳片区"),
        "committees": ("衡阳高新区管委会", "松木经开区管委会", "白沙洲工业园区管委会"),
        "river": ("湘江",),
        "places": ("蒸水", "耒水", "来雁塔", "松木塘", "白沙洲", "酃湖"),
    },
    "岳阳": {
        "districts": ("岳阳楼区", "云溪区", "君山区", "岳阳县", "华容县", "湘阴县", "平江县", "汨罗市", "临湘市"),
        "zones": ("城陵矶新港区", "南湖新区", "屈原片区", "岳阳经开区"),
        "committees": ("城陵矶新港区管委会", "岳阳经开区管委会", "南湖新区管委会", "屈原管理区管委会"),
        "river": ("洞庭湖",),
        "places": ("东洞庭湖", "南湖", "城陵矶", "芭蕉湖", "王家河", "吉家湖"),
    },
    "常德": {
        "districts": ("武陵区", "鼎城区", "安乡县", "汉寿县", "澧县", "临澧县", "桃源县", "石门县", "津市市"),
        "zones": ("柳叶湖片区", "常德经开区", "西洞庭片区", "德山片区"),
        "committees": ("柳叶湖旅游度假区管委会", "常德经开区管委会", "西洞庭管理区管委会"),
        "river": ("沅江",),
        "places": ("穿紫河", "柳叶湖", "护城河", "德山", "新河渠", "马家吉河"),
    },
    "益阳": {
        "districts": ("赫山区", "资阳区", "南县", "桃江县", "安化县", "沅江市"),
        "zones": ("益阳高新区", "东部新区", "龙岭片区", "梓山湖片区"),
        "committees": ("益阳高新区管委会", "大通湖区管委会", "东部新区管委会"),
        "river": ("资江",),
        "places": ("资江", "志溪河", "会龙山", "梓山湖", "兰溪河", "鱼形山"),
    },
}

# Municipal departments: the city prefix is 市, so they recur across cities.
MUNICIPAL_DEPARTMENTS = (
    "市发改委", "市财政局", "市人力资源和社会保障局", "市人社局", "市商务和粮食局", "市住建局",
    "市住房和城乡建设局", "市环保局", "市生态环境局", "市国土资源局", "市自然资源和规划局", "市经信委",
    "市工业和信息化局", "市规划局", "市水务局", "市城管局", "市林业局", "市农业委", "市交通运输局",
    "市公安局", "市交警支队", "市安监局", "市应急管理局", "市工商局", "市质监局", "市市场监督管理局",
    "市统计局", "市两型办", "市司法局", "市法制办", "市国资委", "市房产局", "市园林绿化局",
    "市文体广新局", "市文化旅游广电体育局", "市旅游外事侨务局", "市教育局", "市卫计委", "市民政局",
    "市审计局", "市科技局", "市政府经济金融办", "市畜牧兽医水产局", "市电子政务办", "市直机关工委",
    "市机关事务局", "市政务服务中心", "市公共资源交易中心", "市不动产登记中心", "市政府督查室",
)
# Units printed without the 市 prefix, as in the seed.
UNPREFIXED_UNITS = ("公共资源交易中心", "食品药品监督局", "各市直创建牵头部门")
COLLECTIVES = (
    "各县市区人民政府", "相关区人民政府", "各区人民政府", "相关县市区人民政府", "各县市人民政府",
    "各市直相关单位", "各园区管委会",
)
STATE_GROUPS = (
    "市城发集团", "市国投集团", "市交文旅集团", "市湘江集团", "市地产集团", "市水务集团", "市公交公司",
    "市城建投集团", "市交通建设投资集团",
)
COURTS = ("市中级人民法院", "中级人民法院", "市人民检察院")
# Vertically managed agencies, named after the city ({c} is the city).
VERTICAL_TEMPLATES = (
    "{c}银监分局", "中国人民银行{c}中心支行", "国网{c}供电公司", "{c}市气象局", "国家统计局{c}调查队",
    "{c}市税务局",
)

# Endings that make a string read as an organisation name. The first half of a
# split unit cell never ends with one of these, so it cannot pass for a name.
ORG_ENDINGS = (
    "人民政府", "政府", "党委", "工委", "委员会", "管委会", "委", "办公室", "办事处", "办", "厅", "局", "署", "院",
    "部", "部门", "中心", "集团", "公司", "支队", "大队", "分局", "支行", "分行", "银行", "所", "站", "会",
    "联", "社", "团", "处", "科", "室", "组", "指挥部", "馆", "台", "队", "校", "机关", "海关", "单位",
)

# ----------------------------------------------------------- document-level text
THEMES = (
    "两型社会建设综合配套改革", "生态文明建设", "污染防治攻坚战", "优化营商环境", "新型城镇化建设",
    "乡村振兴", "城市品质提升", "产业转型升级", "绿色发展", "资源节约型和环境友好型社会建设",
)
ANNEX_TOPICS = (
    "两型重点改革", "碧水蓝天行动", "绿心保护与建设", "示范创建", "一体化", "清洁低碳技术推广",
    "污染防治攻坚", "营商环境优化", "乡村振兴", "产业转型升级", "城市品质提升", "民生实事",
    "交通基础设施建设", "科技创新", "生态修复", "河湖长制", "农村人居环境整治", "政务服务改革",
    "智慧城市建设", "老工业区搬迁改造",
)
ZONE_ANNEX_TOPICS = ("示范区建设", "示范片区建设", "重点片区建设")
KEY_WORK_VERBS = ("全面深化", "全力推进", "加快推进", "主动推进", "着力抓好", "扎实推进", "持续深化", "大力实施")
KEY_WORK_OBJECTS = (
    "两型改革", "老工业区搬迁改造", "碧水蓝天行动", "绿心保护", "区域一体化", "清洁低碳技术推广",
    "污染防治", "营商环境建设", "乡村振兴战略", "城市双修", "产业转型升级", "科技创新", "生态修复",
    "示范创建", "河湖长制",
)
# Key works printed whole, verb and object that only go together.
KEY_WORK_FIXED = ("进一步放大示范效应", "严格保护发展绿心", "全面深化两型改革", "严格落实环保督察整改")
GENERAL_CLAUSES = (
    "完善工作推进机制", "建立常态化的调度督查制度", "量化进度、倒排工期", "确保项目按时竣工",
    "以改革项目为抓手", "创新推进方式", "狠抓经验成果集成", "确保改革落地见效", "建立工作台账",
    "全面调度", "动态反映各项任务完成情况", "列出问题和责任清单", "明确时限要求",
    "对整改不达标、问题严重的予以通报", "督促限期整改", "统筹兼顾生态、生产和生活",
    "打造一批可复制、可推广的现实样板", "全力争取国家部委和省里政策、资金支持", "突出问题导向",
    "坚持挂图作战", "跟踪调度、加快推进", "逐一分析原因、制定针对性举措", "形成全社会共同参与的良好局面",
    "加大考核督查力度", "强化认证结果运用", "提高资源利用效率", "以解决突出环境问题为核心",
)
IDEA_OPENERS = (
    "以习近平新时代中国特色社会主义思想为指引", "全面贯彻落实党的十九大精神", "坚持稳中求进工作总基调",
    "牢固树立绿色发展理念",
)
SAFEGUARDS = (
    "强化组织领导", "强化创新驱动", "强化共同参与", "强化总结提升", "强化督查考核", "强化要素保障",
    "强化宣传引导",
)
TARGETS = (  # (indicator, relation, value template)
    ("全市万元GDP能耗", "下降", "{p1}%以上"),
    ("城市空气质量优良率", "达到", "{p2}%以上"),
    ("{river}{city}段水质", "保持在", "III类标准以上"),
    ("森林覆盖率", "稳定在", "{p3}%以上"),
    ("城市生活污水集中处理率", "达到", "{p4}%以上"),
    ("城市生活垃圾无害化处理率", "达到", "100%"),
    ("单位GDP二氧化碳排放", "下降", "{p1}%以上"),
    ("PM2.5年平均浓度", "控制在", "{ug}微克/立方米以内"),
    ("城镇新建建筑中绿色建筑比例", "达到", "{p5}%以上"),
)

# ------------------------------------------------------------------- task text
# None of these pieces contains a deadline word (年, 月, 季度, 全年 …) or a number
# followed by 元, so the deadlines and amounts in a text are exactly those the
# composer put there.
TASK_VERBS = (
    "加快推进", "全面推进", "积极开展", "深入实施", "启动实施", "全面完成", "建立健全", "组织开展", "持续推进",
    "大力推广", "稳步推进", "研究制定", "全面落实", "着力打造", "统筹推进", "加快建设", "巩固提升",
    "探索开展", "严格落实", "完善",
)
TASK_OBJECTS = (
    "污水处理厂提标改造", "黑臭水体整治", "排污权有偿使用和交易", "生活垃圾分类投放体系", "绿色建筑标准",
    "海绵城市试点", "地下综合管廊建设", "城市绿道网建设", "农村环境综合整治", "畜禽养殖污染治理",
    "大气污染源排放清单编制", "餐饮油烟净化设施建设", "老旧车辆淘汰", "矿山地质环境恢复治理", "林相改造",
    "土壤污染治理", "工业固废综合利用", "装配式建筑", "新能源汽车推广应用", "公交智能化应用",
    "智慧城市平台建设", "政务服务一网通办", "不动产统一登记", "园区节约集约用地", "清洁能源替代",
    "河长制湖长制", "饮用水水源地保护", "工业园区循环化改造", "绿色信贷", "生态环境损害赔偿制度",
    "自然资源确权登记", "温室气体排放清单编制", "碳排放权交易", "环境监管网格化", "重点建制镇污水处理设施建设",
    "城乡供水一体化", "农村公路提质改造", "标准化厂房建设", "科技成果转化平台建设", "众创空间建设",
    "两型示范创建", "两型标准第三方认证", "公共资源交易平台建设", "企业开办便利化", "工程建设项目审批制度改革",
    "双随机一公开监管", "小微企业融资服务", "棚户区改造", "老旧小区改造", "立体停车场建设", "城市公园建设",
    "湿地保护", "退耕还林", "森林防火", "化肥农药使用零增长行动", "秸秆综合利用", "水土流失治理",
    "重点排污单位在线监测", "建筑工地扬尘治理", "环境资源公益诉讼",
)
PLACE_OBJECTS = ("综合治理", "生态修复工程", "片区改造", "污水管网建设", "沿线环境整治", "保护与开发", "提质改造")
PLAIN_CLAUSES = (
    "形成可复制、可推广的经验", "建立长效管理机制", "加强常态化监管", "提高资源利用效率", "强化督查考核",
    "及时总结推广经验", "实现动态监管", "推动工作落地见效", "切实改善生态环境质量",
)
COUNT_THINGS = (
    ("个", "重点项目"), ("个", "行政村整治任务"), ("个", "建制镇污水处理厂"), ("个", "示范片区"),
    ("家", "试点单位"), ("个", "畜禽养殖场粪污治理项目"), ("座", "集中能源站"), ("套", "颗粒物监测设备"),
    ("条", "城市道路"), ("处", "黑臭水体"), ("家", "重点企业"),
)
AREA_THINGS = (  # (thing, measure, low, high, step)
    ("造林", "亩", 5, 300, 10), ("绿地", "亩", 5, 120, 10), ("停车泊位", "个", 5, 200, 10),
    ("公交线路", "条", 2, 15, 1), ("绿道", "公里", 5, 80, 1),
)
RATE_THINGS = (
    "资源化利用率", "治理设施改造完成率", "达标排放率", "覆盖率", "入驻率", "网上办理率", "处理率",
)
FULL_COVER = ("市县两级", "重点区域", "城乡", "全部园区", "创建领域")
PEOPLE = ("惠及群众约{n}万人", "新安置{m}户以上居民", "培训从业人员{m}人次")
DEADLINE_CLAUSES = (
    "确保{d}全面完成", "力争{d}投入运营", "确保{d}开工建设", "力争{d}全部整改到位", "确保{d}全面启动",
    "{d}完成验收", "力争{d}建成投用",
)
MONTHS_FOR_DEADLINE = (3, 5, 6, 8, 9, 10, 11)
AMOUNT_CLAUSES = ("计划完成投资约{a}", "力争完成投资{a}", "完成投资{a}", "安排专项资金{a}", "争取上级资金{a}以上")
ROW_TITLE_STEMS = (
    "环保市场化", "生态保护管理机制", "土地节约集约利用", "国家低碳城市", "垃圾分类", "环境资源审判",
    "生态环境损害赔偿制度", "绿色金融", "碧水", "蓝天", "净土", "矿山治理", "农村环境提质", "城市双修",
    "海绵城市", "复绿补绿插绿", "严格环保执法", "绿心规划调整", "重点片区", "标准认证", "城际干道连通",
    "城际绿道网", "城际轨道规划", "绿色建筑", "绿色交通", "新能源", "营商环境", "政务服务", "产业园区",
    "科技创新", "乡村旅游", "河湖治理", "饮用水安全", "固废处置", "扬尘治理", "智慧交通", "公共服务",
    "企业关停", "转移转型项目", "新城基础设施", "污染综合整治",
)
ROW_TITLE_ENDS = (
    "改革", "改革试点", "工程", "行动", "建设", "推广", "提质", "专项整治", "体系建设", "机制创新", "攻坚",
    "检查", "优化", "示范",
)
FOOTERS = ("责任编辑:数据导入", "责任编辑:数据导入", "责任编辑:管理员", "责任编辑:市政府办公室")
CN_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")

# Weights of the unit categories in lead and responsible cells.
_LEAD_CATEGORIES = (("dept", 0.76), ("district", 0.08), ("group", 0.07), ("collective", 0.04),
                    ("court", 0.03), ("vertical", 0.02))
_RESP_CATEGORIES = (("dept", 0.58), ("district", 0.15), ("collective", 0.09), ("group", 0.07),
                    ("vertical", 0.06), ("court", 0.03), ("unprefixed", 0.02))
_CATEGORY_RANK = {"dept": 0, "unprefixed": 1, "court": 2, "vertical": 3, "group": 4, "district": 5,
                  "collective": 6}
_RANK = itemgetter(0)
_RESP_COUNT_CDF = (0.30, 0.55, 0.73, 0.85, 0.93, 0.97, 1.0)  # 1 … 7 units

DEADLINE_RE = re.compile(r"上半年|\d{1,2}月底前|年底前|年内")
AMOUNT_RE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)元|(?<=投资)\d+万(?![\u4e00-\u9fff元])")


@dataclass(frozen=True)
class Quirks:
    """Rates of the layout quirks (probabilities per cell / row / item / document)."""

    split_unit_cell: float = 0.035   # per unit cell holding a name of 5+ characters
    split_row_title: float = 0.1     # per row whose title ends with a 2-character word
    bare_marker: float = 0.04        # per sub-item
    blank_responsible: float = 0.05  # per unit group
    lead_only: float = 0.08          # per unit group
    page_break_repeat: float = 0.08  # per boundary between two unit groups of a row
    zone_annex: float = 0.5          # per document (needs 2+ annexes)
    cell_nbsp: float = 0.02          # per unit cell line
    no_final_period: float = 0.03    # per task text
    no_annex_gap: float = 0.1        # per annex heading
    trailing_nbsp: float = 0.85      # per document
    footer: float = 0.85             # per document

    @classmethod
    def none(cls) -> "Quirks":
        """No quirk at all: the clean layout."""
        return cls(**{f.name: 0.0 for f in fields(cls)})

    def scaled(self, factor: float) -> "Quirks":
        """Every rate multiplied by ``factor`` (capped at 1)."""
        return replace(self, **{f.name: min(1.0, getattr(self, f.name) * factor) for f in fields(self)})


QUIRK_NAMES = tuple(f.name for f in fields(Quirks))

_CITY_POOLS: dict[str, dict[str, tuple[str, ...]]] = {}


def city_units(city: str) -> dict[str, tuple[str, ...]]:
    """The unit pool of ``city`` by category (dept, district, collective, group, vertical, court, unprefixed)."""
    pools = _CITY_POOLS.get(city)
    if pools is None:
        info = CITIES[city]
        pools = {
            "dept": MUNICIPAL_DEPARTMENTS,
            "district": tuple(d + "人民政府" for d in info["districts"]) + info["committees"],
            "collective": COLLECTIVES,
            "group": STATE_GROUPS,
            "vertical": tuple(t.format(c=city) for t in VERTICAL_TEMPLATES),
            "court": COURTS,
            "unprefixed": UNPREFIXED_UNITS,
        }
        _CITY_POOLS[city] = pools
    return pools


_DECKS: dict[tuple[str, tuple], tuple[tuple[int, str], ...]] = {}


def _deck(city: str, table) -> tuple[tuple[int, str], ...]:
    """(rank, name) entries repeated in proportion to their weight: one draw picks a unit.

    A category of weight w holding n names gives each name about 4000 * w / n entries.
    """
    key = (city, table)
    deck = _DECKS.get(key)
    if deck is None:
        pools = city_units(city)
        entries = []
        for cat, weight in table:
            names = pools[cat]
            copies = max(1, round(4000 * weight / len(names)))
            entries.extend((_CATEGORY_RANK[cat], name) for name in names for _ in range(copies))
        deck = _DECKS[key] = tuple(entries)
    return deck


def all_units(city: str | None = None) -> frozenset[str]:
    """Every unit name the generator can print (for one city, or for all)."""
    cities = [city] if city else list(CITIES)
    return frozenset(u for c in cities for pool in city_units(c).values() for u in pool)


_ALL_UNITS = all_units()


def _garbled(year: int, month: int, day: int) -> str:
    return f"{year}{month}{day}"


def _garbled_is_unique(year: int, month: int, day: int) -> bool:
    """Whether YYYY+M+D (no padding) splits into exactly one valid month/day."""
    rest = f"{month}{day}"
    found = 0
    for cut in range(1, len(rest)):
        m, d = rest[:cut], rest[cut:]
        if m[0] == "0" or d[0] == "0":
            continue
        mi, di = int(m), int(d)
        if 1 <= mi <= 12 and 1 <= di <= calendar.monthrange(year, mi)[1]:
            found += 1
    return found == 1


class _Plan:
    """Builds one document: its lines, its gold tasks and its quirk counts."""

    def __init__(self, seed: int, city: str | None, annexes: int | None, scale: int, rates: Quirks):
        self.rng = rng = random.Random(seed)
        self.rnd = rnd = rng.random

        # Random helpers: one rng.random() call each, so the stream is stable across
        # Python versions; closures rather than methods because they are hot.
        def pick(seq):
            return seq[int(rnd() * len(seq))]

        def chance(p: float) -> bool:
            return p > 0 and rnd() < p

        def randint(lo: int, hi: int) -> int:
            return lo + int(rnd() * (hi - lo + 1))

        self._pick, self._chance, self._int = pick, chance, randint
        self.rates = rates
        self.scale = max(1, int(scale))
        self.city = city if city is not None else self._pick(tuple(CITIES))
        if self.city not in CITIES:
            raise ValueError(f"unknown city {self.city!r}; known: {', '.join(CITIES)}")
        self.info = CITIES[self.city]
        self.lead_deck = _deck(self.city, _LEAD_CATEGORIES)
        self.resp_deck = _deck(self.city, _RESP_CATEGORIES)
        self.n_annexes = annexes if annexes is not None else 3 + int(self.rnd() * 8)
        if self.n_annexes < 1:
            raise ValueError("annexes must be at least 1")
        self.lines: list[str] = []
        self.tasks: list[dict] = []
        self.stats = dict.fromkeys(QUIRK_NAMES, 0)

    def add(self, line: str) -> int:
        """Append a line; return its 1-based number."""
        lines = self.lines
        lines.append(line)
        return len(lines)

    # -- units
    def _unit_list(self, n: int, deck, exclude: list[str]) -> list[str]:
        """``n`` distinct units drawn from ``deck`` (fewer if the deck runs dry)."""
        chosen: list[tuple[int, str]] = []
        seen = set(exclude)
        rnd, size = self.rnd, len(deck)
        for _ in range(4 * n + 8):
            if len(chosen) == n:
                break
            item = deck[int(rnd() * size)]
            if item[1] not in seen:
                seen.add(item[1])
                chosen.append(item)
        if rnd() < 0.8:
            chosen.sort(key=_RANK)  # stable: departments first, districts and collectives last
        return [name for _, name in chosen]

    def _split_cell(self, names: list[str]) -> tuple[str, str] | None:
        """Break the cell inside one of its names, or None when no name allows it."""
        candidates = [i for i, n in enumerate(names) if len(n) >= 5]
        if not candidates:
            return None
        i = self._pick(candidates)
        name = names[i]
        cuts = [k for k in range(2, len(name) - 1)
                if not name[:k].endswith(ORG_ENDINGS)
                and name[:k] not in _ALL_UNITS and name[k:] not in _ALL_UNITS]
        if not cuts:
            return None
        k = self._pick(cuts)
        first = "、".join(names[:i] + [name[:k]])
        second = "、".join([name[k:]] + names[i + 1:])
        return first, second

    def _emit_cell(self, names: list[str], may_split: bool) -> None:
        if may_split and self._chance(self.rates.split_unit_cell):
            parts = self._split_cell(names)
            if parts:
                self.stats["split_unit_cell"] += 1
                self.add(parts[0])
                self.add(parts[1])
                return
        line = "、".join(names)
        if self._chance(self.rates.cell_nbsp):
            self.stats["cell_nbsp"] += 1
            line += NBSP * self._int(1, 3)
        self.add(line)

    def _unit_group(self) -> tuple[list[str], list[str]]:
        """Print one lead/responsible group; return (lead, responsible) as gold."""
        lead = self._unit_list(1 if self.rnd() < 0.85 else 2, self.lead_deck, [])
        if self._chance(self.rates.lead_only):
            self.stats["lead_only"] += 1
            self._emit_cell(lead, may_split=False)
            return lead, []
        self._emit_cell(lead, may_split=True)
        if self._chance(self.rates.blank_responsible):
            self.stats["blank_responsible"] += 1
            self.add(NBSP)
            return lead, []
        r = self.rnd()
        n = 1 + next(i for i, c in enumerate(_RESP_COUNT_CDF) if r < c)
        resp = self._unit_list(n, self.resp_deck, lead)
        self._emit_cell(resp, may_split=True)
        return lead, resp

    # -- text
    def _amount(self) -> str:
        r = self.rnd()
        if r < 0.35:
            return f"{self._int(1, 9)}.{self._int(1, 9)}亿元"
        if r < 0.45:
            return f"{self._int(2, 60)}亿元"
        return f"{self._int(120, 9980)}万元"

    def _deadline(self) -> str:
        r = self.rnd()
        if r < 0.25:
            return "上半年"
        if r < 0.5:
            return f"{self._pick(MONTHS_FOR_DEADLINE)}月底前"
        if r < 0.75:
            return "年底前"
        return "年内"

    def _object(self) -> str:
        r = self.rnd()
        if r < 0.15:
            return self._pick(self.info["places"]) + self._pick(PLACE_OBJECTS)
        if r < 0.22:
            return self._pick(self.info["districts"]) + self._pick(TASK_OBJECTS)
        return self._pick(TASK_OBJECTS)

    def _clause(self) -> str:
        r = self.rnd()
        if r < 0.3:
            return self._pick(PLAIN_CLAUSES)
        if r < 0.55:
            unit, thing = self._pick(COUNT_THINGS)
            return f"完成{self._int(2, 60)}{unit}{thing}"
        if r < 0.7:
            thing, measure, lo, hi, step = self._pick(AREA_THINGS)
            return f"新增{thing}{self._int(lo, hi) * step}{measure}以上"
        if r < 0.83:
            return f"{self._pick(RATE_THINGS)}达到{self._int(60, 99)}%以上"
        if r < 0.93:
            return f"实现{self._pick(FULL_COVER)}全覆盖"
        return self._pick(PEOPLE).format(n=self._int(1, 9), m=self._int(100, 3000))

    def _sentence(self) -> str:
        rnd, pick, clause = self.rnd, self._pick, self._clause
        parts = [pick(TASK_VERBS) + self._object()]
        for _ in range(int(rnd() * 3)):
            parts.append(clause())
        if rnd() < 0.38:
            parts.insert(self._int(1, len(parts)), pick(DEADLINE_CLAUSES).format(d=self._deadline()))
            if rnd() < 0.08:
                parts.append(pick(DEADLINE_CLAUSES).format(d=self._deadline()))
        if rnd() < 0.2:
            if rnd() < 0.1:
                parts.append(f"完成投资{self._int(5, 99) * 100}万")  # no 元, as in the seed
            else:
                parts.append(pick(AMOUNT_CLAUSES).format(a=self._amount()))
        return ",".join(parts)

    def _task_text(self, *, paragraph: bool = False, lead_in: str | None = None) -> str:
        n = self._int(1, 3) if paragraph else (1 if self.rnd() < 0.85 else 2)
        text = ";".join(self._sentence() for _ in range(n))
        if lead_in:
            text = f"{lead_in}。{text}"
        # Without its 。 a text must still not read as a unit list: keep a comma in
        # it and never let it end like an organisation (…完成3座集中能源站).
        if (self._chance(self.rates.no_final_period) and ("," in text or ";" in text)
                and not text.endswith(ORG_ENDINGS)):
            self.stats["no_final_period"] += 1
            return text
        return text + "。"

    def _general(self, n: int) -> str:
        picks = []
        for _ in range(n):
            c = self._pick(GENERAL_CLAUSES)
            if c not in picks:
                picks.append(c)
        return ",".join(picks) + "。"

    # -- tasks
    def _record(self, annex: int, row: int, sub: int | None, title: str, text: str, line: int,
                zone: str | None) -> dict:
        # the gold is read back from the printed text (cheap substring tests first)
        d = DEADLINE_RE.search(text) if ("年" in text or "月" in text) else None
        task = {
            "id": f"A{annex}-{row}" if sub is None else f"A{annex}-{row}-{sub}",
            "annex": annex,
            "row": row,
            "sub": sub,
            "title": title,
            "text": text,
            "zone": zone,
            "lead": [],
            "responsible": [],
            "cooperating": [],
            "deadline": d.group(0) if d else None,
            "amounts": AMOUNT_RE.findall(text) if "万" in text or "亿" in text else [],
            "lines": [line, line],
        }
        self.tasks.append(task)
        return task

    def _row_title(self) -> tuple[str, list[str]]:
        stem, end = self._pick(ROW_TITLE_STEMS), self._pick(ROW_TITLE_ENDS)
        title = stem + end
        if len(end) <= 2 and self._chance(self.rates.split_row_title):
            self.stats["split_row_title"] += 1
            return title, [stem, end]
        return title, [title]

    def _annex_rows(self, annex: int) -> int:
        base = self._int(2, 6)
        return min(MAX_ROWS_PER_ANNEX, base * self.scale)

    def _task_annex(self, annex: int) -> None:
        for row in range(1, self._annex_rows(annex) + 1):
            title, title_lines = self._row_title()
            self.add(str(row))
            for tl in title_lines:
                self.add(tl)
            if self.rnd() < 0.3:  # one paragraph, one task
                line = self.add(self._task_text(paragraph=True))
                task = self._record(annex, row, None, title, self.lines[-1], line, None)
                task["lead"], task["responsible"] = self._unit_group()
                continue
            r = self.rnd()
            n_sub = 1 if r < 0.05 else 2 if r < 0.4 else 3 if r < 0.75 else 4 if r < 0.92 else 5
            sub = 0
            first_group = True
            while sub < n_sub:
                if not first_group and self._chance(self.rates.page_break_repeat):
                    self.stats["page_break_repeat"] += 1
                    self.add(str(row))
                    for tl in title_lines:
                        self.add(tl)
                first_group = False
                group: list[dict] = []
                while sub < n_sub:
                    sub += 1
                    text = self._task_text()
                    if self._chance(self.rates.bare_marker):
                        self.stats["bare_marker"] += 1
                        line = self.add(f"{sub}{text}")
                    else:
                        line = self.add(f"{sub}){text}")
                    group.append(self._record(annex, row, sub, title, text, line, None))
                    if sub < n_sub and self.rnd() < 0.4:
                        break  # close the group here
                lead, resp = self._unit_group()
                for task in group:
                    task["lead"], task["responsible"] = list(lead), list(resp)

    def _zone_annex(self, annex: int) -> None:
        zones = self.info["zones"]
        start = int(self.rnd() * len(zones))
        for row in range(1, self._annex_rows(annex) + 1):
            zone = zones[(start + row - 1) % len(zones)]
            self.add(str(row))
            self.add(zone)
            if self.rnd() < 0.15:
                line = self.add(self._task_text(paragraph=True))
                self._record(annex, row, None, zone, self.lines[-1], line, zone)
                continue
            for sub in range(1, self._int(2, 5) + 1):
                text = self._task_text(lead_in=self._pick(TASK_VERBS) + self._object())
                if self._chance(self.rates.bare_marker):
                    self.stats["bare_marker"] += 1
                    line = self.add(f"{sub}{text}")
                else:
                    line = self.add(f"{sub}){text}")
                self._record(annex, row, sub, zone, text, line, zone)

    # -- the document
    def build(self, source: str) -> tuple[str, dict]:
        rnd, pick, add = self.rnd, self._pick, self.add
        city = self.city
        year = self._int(2015, 2021)
        while True:
            issued = _dt.date(year, 1, 1) + _dt.timedelta(days=self._int(8, 170))
            if _garbled_is_unique(year, issued.month, issued.day):
                break
        published = issued + _dt.timedelta(days=self._int(2, 40))
        theme = pick(THEMES)
        plan_title = (f"{city}市{year}年{theme}工作计划" if rnd() < 0.8
                      else f"{city}市{theme}{year}年工作计划")
        title = f"关于印发《{plan_title}》的通知"
        r = rnd()
        if r < 0.6:
            issuers = [f"中共{city}市委办公室", f"{city}市人民政府办公室"]
            addressee = "各县市区党委和人民政府,市直机关各单位、各人民团体,各企事业单位:"
            body = f"《{plan_title}》已经市委、市政府同意,现印发给你们,请认真执行。"
        else:
            issuers = [f"{city}市人民政府办公室"] if r < 0.85 else [f"{city}市人民政府"]
            addressee = "各县市区人民政府,市政府各局委办、各直属机构:"
            body = f"《{plan_title}》已经市人民政府同意,现印发给你们,请认真贯彻执行。"

        # header block
        add(title)
        add("")
        add(f"发布日期:{published.isoformat()}作者:信息来源:")
        add("")
        add(NBSP)
        add("")
        for issuer in issuers:
            add(issuer)
        cut = self._int(8, len(title) - 6)
        add(title[:cut])
        add(title[cut:])
        add(NBSP)
        add(addressee)
        add(body)
        add(NBSP)
        for issuer in issuers:
            add(issuer + NBSP * 3)
        add(_garbled(year, issued.month, issued.day) + NBSP * 3)
        add(NBSP)
        cut = self._int(5, len(plan_title) - 3)
        add(plan_title[:cut])
        add(plan_title[cut:])
        add(NBSP)

        # 一、总体思路和主要目标
        add("一、总体思路和主要目标" if rnd() < 0.7 else "一、总体要求和主要目标")
        add(f"(一){'总体思路' if rnd() < 0.7 else '指导思想'}:{pick(IDEA_OPENERS)},{self._general(self._int(4, 8))}")
        values = {
            "p1": f"{self._int(20, 45) / 10:g}", "p2": str(self._int(70, 90)), "p3": f"{self._int(4500, 6800) / 100:.2f}",
            "p4": str(self._int(85, 98)), "p5": str(self._int(30, 60)), "ug": str(self._int(38, 58)),
            "river": self.info["river"][0], "city": city,
        }
        order = list(range(len(TARGETS)))
        self.rng.shuffle(order)
        targets = []
        for i in sorted(order[: self._int(3, 5)]):
            indicator, relation, value = TARGETS[i]
            targets.append(indicator.format(**values) + relation + value.format(**values))
        add("(二)主要目标:" + ",".join(targets) + "。")

        # 二、重点工作
        add("二、重点工作")
        key_works = []
        objects = list(KEY_WORK_OBJECTS)
        self.rng.shuffle(objects)
        for i in range(self._int(3, 8)):
            kw = pick(KEY_WORK_FIXED) if rnd() < 0.15 else ""
            if not kw or any(k["title"] == kw for k in key_works):
                kw = pick(KEY_WORK_VERBS) + objects[i]
            key_works.append({"ref": f"二({CN_NUMERALS[i]})", "title": kw})
            add(f"({CN_NUMERALS[i]}){kw}。{self._general(self._int(3, 7))}")

        # 三、保障措施 (not key works)
        if rnd() < 0.8:
            add("三、保障措施")
            safeguards = list(SAFEGUARDS)
            self.rng.shuffle(safeguards)
            for i in range(self._int(2, 4)):
                add(f"({CN_NUMERALS[i]}){safeguards[i]}。{self._general(self._int(2, 5))}")
        add(NBSP)

        # annex list
        zone_at = None
        if self.n_annexes >= 2 and self._chance(self.rates.zone_annex):
            zone_at = self._int(2, self.n_annexes)
            self.stats["zone_annex"] += 1
        topics = list(ANNEX_TOPICS)
        self.rng.shuffle(topics)
        annex_titles = []
        for n in range(1, self.n_annexes + 1):
            topic = pick(ZONE_ANNEX_TOPICS) if n == zone_at else topics[(n - 1) % len(topics)]
            sep = "年" if rnd() < 0.9 else ""
            suffix = "任务表" if "重点" in topic else "重点任务表" if rnd() < 0.9 else "任务分解表"
            annex_titles.append(f"{year}{sep}{topic}{suffix}")
        add(f"附件:1.{annex_titles[0]}")
        for n, t in enumerate(annex_titles[1:], start=2):
            add(f"{n}.{t}")

        # the annexes
        for n, t in enumerate(annex_titles, start=1):
            if n > 1 and self._chance(self.rates.no_annex_gap):
                self.stats["no_annex_gap"] += 1
            else:
                add("")
            add(f"附件{n}")
            add(NBSP)
            add(t)
            add("序号")
            if n == zone_at:
                add("示范区")
                self._zone_annex(n)
            else:
                add("重点任务")
                add("牵头单位")
                add("责任单位")
                self._task_annex(n)

        # tail
        if self._chance(self.rates.trailing_nbsp):
            self.stats["trailing_nbsp"] += 1
            for _ in range(self._int(1, 3)):
                for _ in range(self._int(1, 2)):
                    add(NBSP)
                add("")
        if self._chance(self.rates.footer):
            self.stats["footer"] += 1
            if not self.lines[-1] == "":
                add("")
            add(pick(FOOTERS))

        text = "\n".join(self.lines)
        doc = {
            "source": source,
            "title": title,
            "plan_title": plan_title,
            "issuers": issuers,
            "issued": issued.isoformat(),
            "published": published.isoformat(),
            "key_works": key_works,
            "targets": [{"text": t} for t in targets],
            "tasks": self.tasks,
        }
        return text, {"documents": [doc]}


def generate_plan(
    seed: int,
    *,
    city: str | None = None,
    annexes: int | None = 8,
    scale: int = 1,
    quirks: Quirks | None = None,
    source: str | None = None,
    stats: dict | None = None,
) -> tuple[str, dict]:
    """One synthetic plan and its gold annotation, fully determined by the arguments.

    ``city``: one of :data:`CITIES` (default: drawn from the seed). ``annexes``:
    the number of annexes (``None``: drawn from 3 … 10). ``scale`` multiplies the
    rows of every annex (capped at 999 rows per annex). ``quirks``: the quirk
    rates (default :class:`Quirks`). ``source``: the file name recorded in the
    gold (default ``plan-{seed:05d}.txt``). If ``stats`` is a dict it receives,
    per quirk name, how many times the quirk was injected, plus ``city``,
    ``annexes``, ``tasks`` and ``lines``.
    """
    plan = _Plan(seed, city, annexes, scale, quirks if quirks is not None else Quirks())
    text, gold = plan.build(source if source is not None else f"plan-{seed:05d}.txt")
    if stats is not None:
        stats.update(plan.stats)
        stats.update(city=plan.city, annexes=plan.n_annexes, tasks=len(plan.tasks), lines=len(plan.lines))
    return text, gold


def dumps_gold(gold: dict) -> str:
    """The gold as JSON text: one task per line (readable, and fast to write)."""
    out = ['{"documents": [']
    docs = gold["documents"]
    for i, doc in enumerate(docs):
        head = json.dumps({k: v for k, v in doc.items() if k != "tasks"}, ensure_ascii=False)
        tasks = ",\n    ".join(json.dumps(t, ensure_ascii=False) for t in doc["tasks"])
        body = f'\n    {tasks}\n  ' if tasks else ""
        out.append(f'  {head[:-1]}, "tasks": [{body}]}}' + ("," if i < len(docs) - 1 else ""))
    out.append("]}")
    return "\n".join(out) + "\n"


def doc_seed(seed: int, index: int) -> int:
    """The generate_plan seed of document ``index`` (1-based) of a corpus written with ``seed``."""
    return seed * 10**9 + index


def write_corpus(
    out_dir: str | Path,
    n_docs: int,
    seed: int = 0,
    *,
    scale: int = 1,
    annexes: int | None = None,
    city: str | None = None,
    quirks: Quirks | None = None,
) -> dict:
    """Write ``plan-00001.txt`` + ``plan-00001.gold.json`` … into ``out_dir``.

    ``annexes=None`` lets each document draw its own number of annexes (3 … 10).
    Returns a summary: documents, tasks, lines, bytes and quirk counts.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(n_docs)))
    total = {"documents": 0, "tasks": 0, "lines": 0, "bytes": 0, **dict.fromkeys(QUIRK_NAMES, 0)}
    for i in range(1, n_docs + 1):
        name = f"plan-{i:0{width}d}"
        stats: dict = {}
        text, gold = generate_plan(doc_seed(seed, i), city=city, annexes=annexes, scale=scale,
                                   quirks=quirks, source=f"{name}.txt", stats=stats)
        data = text.encode("utf-8")
        (out / f"{name}.txt").write_bytes(data)
        (out / f"{name}.gold.json").write_bytes(dumps_gold(gold).encode("utf-8"))
        total["documents"] += 1
        total["bytes"] += len(data)
        for key in ("tasks", "lines", *QUIRK_NAMES):
            total[key] += stats[key]
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write synthetic 工作计划 documents (plan-NNNNN.txt) and their gold (plan-NNNNN.gold.json).")
    parser.add_argument("out_dir", help="directory to write into (created if missing)")
    parser.add_argument("--docs", type=int, default=100, help="number of documents (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--scale", type=int, default=1, help="multiply the rows of every annex (default 1)")
    parser.add_argument("--annexes", type=int, default=None,
                        help="annexes per document (default: drawn per document, 3-10)")
    parser.add_argument("--city", choices=sorted(CITIES), default=None, help="one city for every document")
    parser.add_argument("--quirk-factor", type=float, default=1.0,
                        help="multiply every quirk rate (0 = clean layout; default 1)")
    args = parser.parse_args(argv)
    if args.docs < 0 or args.scale < 1:
        parser.error("--docs must be >= 0 and --scale >= 1")
    quirks = Quirks().scaled(args.quirk_factor) if args.quirk_factor != 1.0 else Quirks()
    start = time.perf_counter()
    total = write_corpus(args.out_dir, args.docs, args.seed, scale=args.scale, annexes=args.annexes,
                         city=args.city, quirks=quirks)
    elapsed = time.perf_counter() - start
    quirk_counts = ", ".join(f"{k}={total[k]}" for k in QUIRK_NAMES)
    print(f"wrote {total['documents']} documents ({total['tasks']} tasks, {total['lines']} lines, "
          f"{total['bytes'] / 1e6:.1f} MB) to {args.out_dir} in {elapsed:.2f}s", file=sys.stderr)
    print(f"quirks: {quirk_counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
