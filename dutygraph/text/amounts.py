"""Sums of money printed in task text.

>>> [(a.printed, a.value, a.unit) for a in find_amounts("计划完成投资约1.8亿元,另投9385万元")]
[('1.8亿元', 180000000.0, '元'), ('9385万元', 93850000.0, '元')]
>>> [a.printed for a in find_amounts("完成投资8000万。新增学位5000个")]
['8000万']
>>> find_amounts("完成550个行政村整治,造林2000亩")
[]
"""

from __future__ import annotations

import re

from ..model import Amount

_SCALE = {"": 1, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "万亿": 1e12}
# A number is tried from the start of its digits only: 1,000 digits before no 元 are read once, not 1,000 times.
# (the look-behind stands after the first digit, \d(?<!\d\d) for (?<!\d)\d: the pattern opens with a digit, which re
# skips to in C, instead of trying the look-behind at every character)
_WITH_CURRENCY = re.compile(r"(\d(?<!\d\d)\d*(?:\.\d+)?)\s*(万亿|千万|百万|十万|亿|万|千)?\s*(美元|欧元|元)")
# Without 元 a number is money only after a word about money: 投资8000万.
_MONEY_WORDS = "投资|资金|资本|收入|营收|产值|补助|补贴|贷款|融资|基金|预算|拨付|奖励|经费"
_WITHOUT_CURRENCY = re.compile(
    r"(?:" + _MONEY_WORDS + r")[^,，。;；、\d]{0,6}?(\d+(?:\.\d+)?)\s*(万亿|千万|百万|亿|万)(?![\u4e00-\u9fff元])"
)


def find_amounts(text: str) -> list[Amount]:
    """Every sum of money in ``text``, in printed order, valued in its currency unit."""
    with_currency = "元" in text  # every currency ends with 元
    without_currency = "万" in text or "亿" in text  # a sum without 元 needs its 万 or 亿
    if not with_currency and not without_currency:
        return []
    found: list[tuple[int, Amount]] = []
    spans: list[tuple[int, int]] = []
    for m in _WITH_CURRENCY.finditer(text) if with_currency else ():
        value = float(m.group(1)) * _SCALE[m.group(2) or ""]
        found.append((m.start(), Amount(m.group(0).replace(" ", ""), value, m.group(3))))
        spans.append(m.span())
    for m in _WITHOUT_CURRENCY.finditer(text) if without_currency else ():
        start, end = m.start(1), m.end(2)
        if any(start < e and s < end for s, e in spans):
            continue
        value = float(m.group(1)) * _SCALE[m.group(2)]
        found.append((start, Amount(text[start:end].replace(" ", ""), value, "元")))
    return [a for _, a in sorted(found, key=lambda item: item[0])]
