"""Derive dutygraph's table of administrative divisions from the jionlp package (Apache-2.0).

Writes ``dutygraph/data/divisions.tsv.gz`` (every province, prefecture, county-level
division with its adcode, and every township under its county) and
``dutygraph/data/division_changes.tsv`` (dated county- and prefecture-level changes:
renamed, 县 → 区, 县 → 市 …). Run it again with a newer jionlp to refresh the data:

    pip download --no-deps jionlp==1.5.31 -d /tmp/jionlp
    python tools/divisions/derive.py /tmp/jionlp/jionlp-1.5.31-py2.py3-none-any.whl

Nothing is typed by hand: names, codes and the tree come from jionlp's
``dictionary/china_location.zip``, the changes from ``dictionary/china_location_change.txt``
and the one-character province abbreviations (粤, 湘) from ``rule/rule_pattern.py``.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "dutygraph" / "data"
MUNICIPALITIES = ("11", "12", "31", "50")


def county_level(name: str) -> str:
    if re.search(r"(示范区|开发区|管理区|高新区|经济区|实验区|工业园区|产业园区|新城)$", name) and not name.endswith("新区"):
        return "zone"
    if name.endswith("区"):
        return "district"
    if name.endswith("市"):
        return "county_city"
    return "county"


def township_level(name: str) -> str:
    if name.endswith(("街道", "街道办事处")):
        return "subdistrict"
    if name.endswith(("镇", "乡", "苏木")):
        return "township"
    return "township_zone"  # a park, farm or zone at township level (攸县工业园, 国营农场)


def main(wheel: str) -> None:
    whl = zipfile.ZipFile(wheel)
    version = Path(wheel).name.split("-")[1]
    inner = zipfile.ZipFile(io.BytesIO(whl.read("jionlp/dictionary/china_location.zip")))
    text = inner.read(inner.namelist()[0]).decode("utf-8")
    rules = whl.read("jionlp/rule/rule_pattern.py").decode("utf-8")
    shorts = re.search(r"CHINA_PROVINCE_SHORT_PATTERN = \\\s*((?:r'[^']*'\s*\\?\s*)+)", rules).group(1)
    short_names = "".join(re.findall(r"r'([^']*)'", shorts)).strip("()").split("|")
    abbrev = re.search(r"CHINA_PROVINCE_ALIAS = \\\s*'([^']*)'", rules).group(1)
    abbreviation = dict(zip(short_names, abbrev))

    rows = []  # code, parent, level, name, short, abbreviation
    province = city = county = None
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        cells = line.strip("\t").split("\t")
        name = cells[0].strip()
        if not name:
            continue
        if depth == 0:
            province = cells[1]
            level = "municipality" if province[:2] in MUNICIPALITIES else "province"
            rows.append((province, "", level, name, cells[2], abbreviation.get(cells[2], "")))
        elif depth == 1:
            city = cells[1]
            if city != province:
                level = "city" if name.endswith("市") else "prefecture"
                rows.append((city, province, level, name, cells[2], ""))
        elif depth == 2:
            county = cells[1] if len(cells) > 1 else None
            if len(cells) < 3 or not county.isdigit():
                county = None
                continue
            parent = city if city != province else province
            if county != parent:  # 市直辖行政区划 repeats the city's code: its townships hang on the city
                rows.append((county, parent, county_level(name), name, cells[2], ""))
        elif depth == 3 and county and not name.endswith("直辖行政区划"):
            rows.append(("", county, township_level(name), name, "", ""))
    with gzip.open(OUT / "divisions.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# derived from jionlp {version} (Apache-2.0), dictionary/china_location.zip, "
                  "by tools/divisions/derive.py\n")
        out.write("code\tparent\tlevel\tname\tshort\tabbreviation\n")
        # gzip header carries no time stamp variation worth worrying about; rows in source order
        for r in rows:
            out.write("\t".join(r) + "\n")

    changes = whl.read("jionlp/dictionary/china_location_change.txt").decode("utf-8")
    with open(OUT / "division_changes.tsv", "w", encoding="utf-8") as out:
        out.write(f"# derived from jionlp {version} (Apache-2.0), dictionary/china_location_change.txt, "
                  "by tools/divisions/derive.py\n")
        out.write("date\tapproval\toriginal\tresulting\n")
        seen = set()
        for line in changes.splitlines():
            if "=>" not in line:
                continue
            before, after = line.split("=>")
            b = before.split("\t")
            date, approval, names = b[0], b[1], b[2:]
            original = "/".join(names[i] for i in range(0, len(names), 2))  # full names, short names between
            resulting = "/".join(after.split("\t"))
            row = (date, approval, original, resulting)
            if row not in seen:
                seen.add(row)
                out.write("\t".join(row) + "\n")
    print(f"{len(rows)} divisions, {len(seen)} changes")


if __name__ == "__main__":
    main(sys.argv[1])
