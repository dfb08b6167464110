#!/usr/bin/python3
"""Builds test/fixtures/communes-reading/: communes tables in the appendix layouts of issue #21's classes 3 and 5
(criterion numbers as a second header row; district, subtotal, total, statistic and ward rows among communes),
written by openpyxl and re-saved by LibreOffice Calc, with the generator's inputs in inputs.json: the tests compute
every expected figure from those inputs, never from our own output.

    /usr/bin/python3 scripts/build-communes-reading-fixtures.py [output directory]

Needs soffice (libreoffice-calc-nogui). The generated files are committed, so the tests need neither.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.styles import Alignment, Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "test", "fixtures", "communes-reading")

# Appendix II of the Sóc Trăng 2023 report (../shared/seeds/001_…): the 10 communes not yet at the standard.
APPENDIX_II = [
    ("Thanh Thới An", "Trần Đề", "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19"),
    ("Tài Văn", "Trần Đề", "1,2,3,4,5,6,7,8,9,12,13,14,15,16,17,18,19"),
    ("Xuân Hòa", "Kế Sách", "1,3,4,5,7,8,9,10,12,13,14,15,16,18,19"),
    ("Thới An Hội", "Kế Sách", "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19"),
    ("Phong Nẫm", "Kế Sách", "1,3,4,7,8,9,10,12,13,14,15,16,17,18,19"),
    ("An Mỹ", "Kế Sách", "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19"),
    ("Kế Thành", "Kế Sách", "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19"),
    ("Mỹ Phước", "Mỹ Tú", "1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19"),
    ("Long Phú", "Long Phú", "1,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19"),
    ("Tân Hưng", "Long Phú", "1,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19"),
]
APPENDIX = [{"name": n, "district": d, "met": [int(x) for x in m.split(",")]} for (n, d, m) in APPENDIX_II]
ALL19 = list(range(1, 20))

# The province's other 70 communes meet all 19 (80 in all, 1490 criteria): numbered within their districts.
OTHERS = [("Trần Đề", 8), ("Kế Sách", 7), ("Mỹ Tú", 9), ("Long Phú", 8), ("Châu Thành", 8), ("Cù Lao Dung", 7),
          ("Mỹ Xuyên", 9), ("Thạnh Trị", 8), ("Ngã Năm", 6)]
PROVINCE = []
for district, n in OTHERS:
    PROVINCE += [c for c in APPENDIX if c["district"] == district]
    PROVINCE += [{"name": f"Xã {district} {i}", "district": district, "met": ALL19} for i in range(1, n + 1)]
DISTRICTS = [d for d, _ in OTHERS]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]

INPUTS = []


def put(ws, row, col, value, bold=False, merge_to=None):
    cell = ws.cell(row=row, column=col, value=value)
    if bold:
        cell.font = Font(bold=True, name="Times New Roman")
    if merge_to:
        ws.merge_cells(start_row=row, start_column=col, end_row=merge_to[0], end_column=merge_to[1])
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def kind_of(d):
    return "Thị xã" if d == "Ngã Năm" else "Huyện"


def caption_header(ws, r, fixed, caption, n, count_label="Số tiêu chí đạt"):
    """Fixed columns merged over two rows, the caption merged over n criterion columns, bare numbers 1 … n under
    it, the count column last. Returns the next row and the count column."""
    for c, h in enumerate(fixed, 1):
        put(ws, r, c, h, bold=True, merge_to=(r + 1, c))
    first = len(fixed) + 1
    put(ws, r, first, caption, bold=True, merge_to=(r, first + n - 1))
    for k in range(1, n + 1):
        put(ws, r + 1, first + k - 1, k, bold=True)
    count_col = first + n
    put(ws, r, count_col, count_label, bold=True, merge_to=(r + 1, count_col))
    return r + 2, count_col


def criterion_numbers_19(name, caption, mark, colnum, wrong_count):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    width = 23
    put(ws, 1, 1, "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI", bold=True, merge_to=(1, width))
    put(ws, 2, 1, "(Đến 31/12/2023)", merge_to=(2, width))
    r, count_col = caption_header(ws, 4, ["STT", "Tên xã", "Tên huyện, thị xã"], caption, 19)
    if colnum:
        for c in range(1, width + 1):
            put(ws, r, c, f"({c})")
        r += 1
    stated = {}
    for i, c in enumerate(APPENDIX):
        put(ws, r, 1, i + 1)
        put(ws, r, 2, c["name"])
        put(ws, r, 3, c["district"])
        for k in ALL19:
            if k in c["met"]:
                put(ws, r, 3 + k, mark)
        count = len(c["met"])
        if c["name"] == wrong_count:
            count = 19
            stated[c["name"]] = {"cell": f"W{r}", "stated": 19}
        put(ws, r, count_col, count)
        r += 1
    put(ws, r + 1, 14, "Sóc Trăng, ngày 15 tháng 01 năm 2024", merge_to=(r + 1, width))
    put(ws, r + 2, 14, "TM. BAN CHỈ ĐẠO", bold=True, merge_to=(r + 2, width))
    wb.save(name)
    INPUTS.append({"file": os.path.basename(name), "sheet": "Phụ lục", "period": "2021-2025", "shape": "marks",
                   "communes": APPENDIX, "countDisagrees": stated, "skipped": {"column-numbers": 1 if colnum else 0}})


def criterion_numbers_10(name):
    """2026-2030: STT | Tên xã | Nhóm xã | 'Các tiêu chí' over 1 … 10 | Số tiêu chí đạt."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Xã 2026"
    put(ws, 1, 1, "KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2026-2030", bold=True, merge_to=(1, 14))
    r, count_col = caption_header(ws, 3, ["STT", "Tên xã", "Nhóm xã"], "Các tiêu chí đạt chuẩn", 10)
    communes = []
    for i in range(12):
        met = [k for k in range(1, 11) if (k * 7 + i * 3) % 5 != 0]
        group = 1 + i % 3
        communes.append({"name": f"Xã số {i + 1}", "group": group, "met": met})
        put(ws, r, 1, i + 1)
        put(ws, r, 2, f"Xã số {i + 1}")
        put(ws, r, 3, group)
        for k in met:
            put(ws, r, 3 + k, "đạt" if i % 2 else 1)
        put(ws, r, count_col, len(met))
        r += 1
    wb.save(name)
    INPUTS.append({"file": os.path.basename(name), "sheet": "Xã 2026", "period": "2026-2030", "shape": "marks",
                   "communes": communes, "countDisagrees": {}, "skipped": {}})


def province_district_rows(name):
    """80 communes under district rows that carry each district's communes per criterion and its sum; a town among
    Kế Sách's communes; 'Cộng', 'Số xã đạt' and 'Tỷ lệ (%)' under the table; a signature."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    width = 23
    put(ws, 1, 1, "TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ XÃ NÔNG THÔN MỚI TỈNH SÓC TRĂNG NĂM 2023", bold=True,
        merge_to=(1, width))
    r, count_col = caption_header(ws, 3, ["STT", "Tên đơn vị", "Huyện"], "Kết quả thực hiện các tiêu chí", 19)
    wards = []
    district_rows = []
    tt = 0
    for gi, d in enumerate(DISTRICTS):
        members = [c for c in PROVINCE if c["district"] == d]
        put(ws, r, 1, ROMAN[gi], bold=True)
        put(ws, r, 2, f"{kind_of(d)} {d}", bold=True)
        for k in ALL19:
            put(ws, r, 3 + k, sum(1 for c in members if k in c["met"]))
        put(ws, r, count_col, sum(len(c["met"]) for c in members))
        district_rows.append({"row": r, "district": d})
        r += 1
        for c in members:
            tt += 1
            put(ws, r, 1, tt)
            put(ws, r, 2, c["name"])
            put(ws, r, 3, d)
            for k in c["met"]:
                put(ws, r, 3 + k, "x")
            put(ws, r, count_col, len(c["met"]))
            r += 1
        if d == "Kế Sách":
            # A town listed with the communes, not counted in the district's figures.
            wards.append({"row": r, "name": "Thị trấn Kế Sách"})
            put(ws, r, 2, "Thị trấn Kế Sách")
            put(ws, r, 3, d)
            for k in ALL19:
                put(ws, r, 3 + k, "x")
            put(ws, r, count_col, 19)
            r += 1
    put(ws, r, 1, "Cộng", bold=True, merge_to=(r, 3))
    for k in ALL19:
        put(ws, r, 3 + k, sum(1 for c in PROVINCE if k in c["met"]))
    put(ws, r, count_col, sum(len(c["met"]) for c in PROVINCE))
    statistics = [r]
    r += 1
    put(ws, r, 1, "Số xã đạt", merge_to=(r, 3))
    for k in ALL19:
        put(ws, r, 3 + k, sum(1 for c in PROVINCE if k in c["met"]))
    put(ws, r, count_col, sum(1 for c in PROVINCE if len(c["met"]) == 19))
    statistics.append(r)
    r += 1
    put(ws, r, 1, "Tỷ lệ (%)", merge_to=(r, 3))
    for k in ALL19:
        put(ws, r, 3 + k, round(100 * sum(1 for c in PROVINCE if k in c["met"]) / len(PROVINCE), 2))
    statistics.append(r)
    r += 2
    put(ws, r, 14, "Sóc Trăng, ngày 15 tháng 01 năm 2024", merge_to=(r, width))
    put(ws, r + 1, 14, "KT. TRƯỞNG BAN", bold=True, merge_to=(r + 1, width))
    wb.save(name)
    INPUTS.append({"file": os.path.basename(name), "sheet": "Tổng hợp", "period": "2021-2025", "shape": "marks",
                   "communes": PROVINCE, "wards": wards, "districtRows": district_rows,
                   "totalRows": statistics[:1], "statisticRows": statistics[1:], "countDisagrees": {}})


def province_sums_count(name):
    """STT | Huyện | Tên đơn vị | Loại đơn vị hành chính | Số tiêu chí đạt | Tiêu chí đạt: the district's name alone
    on its row with its sum (208 for Kế Sách), wards typed as such in the kind column, the province's sum 1490 on an
    unlabelled row, and 'Tỷ lệ đạt' under it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    headers = ["STT", "Huyện", "Tên đơn vị", "Loại đơn vị hành chính", "Số tiêu chí đạt", "Tiêu chí đạt"]
    for c, h in enumerate(headers, 1):
        put(ws, 1, c, h, bold=True)
    r = 2
    tt = 0
    wards = []
    district_rows = []
    for d in DISTRICTS:
        members = [c for c in PROVINCE if c["district"] == d]
        put(ws, r, 2, d, bold=True)
        put(ws, r, 5, sum(len(c["met"]) for c in members))
        district_rows.append({"row": r, "district": d, "sum": sum(len(c["met"]) for c in members)})
        r += 1
        for c in members:
            tt += 1
            put(ws, r, 1, tt)
            put(ws, r, 3, c["name"])
            put(ws, r, 4, "Xã")
            put(ws, r, 5, len(c["met"]))
            put(ws, r, 6, ",".join(str(k) for k in c["met"]))
            r += 1
        if d == "Ngã Năm":
            for ward in ("Vĩnh Quới", "Mỹ Quới"):
                wards.append({"row": r, "name": ward})
                put(ws, r, 3, ward)
                put(ws, r, 4, "Phường")
                put(ws, r, 5, 19)
                put(ws, r, 6, ",".join(str(k) for k in ALL19))
                r += 1
    put(ws, r, 5, sum(len(c["met"]) for c in PROVINCE))
    total_row = r
    r += 1
    put(ws, r, 1, "Tỷ lệ đạt", merge_to=(r, 3))
    put(ws, r, 5, "87,5%")
    wb.save(name)
    INPUTS.append({"file": os.path.basename(name), "sheet": "Danh sách", "period": "2021-2025", "shape": "list",
                   "communes": PROVINCE, "wards": wards, "districtRows": district_rows, "totalRows": [total_row],
                   "statisticRows": [r], "countDisagrees": {}})


def resave(src_dir, out_dir):
    """Re-saves every workbook with LibreOffice Calc, as a province office's copy would be."""
    profile = tempfile.mkdtemp(prefix="lo-communes-")
    files = sorted(f for f in os.listdir(src_dir) if f.endswith(".xlsx"))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", out_dir] + [os.path.join(src_dir, f) for f in files],
        check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)
    missing = [f for f in files if not os.path.exists(os.path.join(out_dir, f))]
    if missing:
        raise SystemExit(f"LibreOffice did not write {missing}")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    work = tempfile.mkdtemp(prefix="communes-reading-")
    criterion_numbers_19(os.path.join(work, "criterion-numbers-19.xlsx"), "Kết quả thực hiện các tiêu chí", "x",
                         False, "Thanh Thới An")
    criterion_numbers_19(os.path.join(work, "criterion-numbers-colnum.xlsx"), "Tiêu chí đạt", "X", True, None)
    criterion_numbers_10(os.path.join(work, "criterion-numbers-10-2026.xlsx"))
    province_district_rows(os.path.join(work, "province-district-rows.xlsx"))
    province_sums_count(os.path.join(work, "province-sums-count.xlsx"))
    resave(work, OUT)
    shutil.rmtree(work)
    with open(os.path.join(OUT, "inputs.json"), "w", encoding="utf-8") as f:
        json.dump(INPUTS, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(INPUTS)} files in {OUT}")


if __name__ == "__main__":
    main()
