#!/usr/bin/python3
"""Builds test/fixtures/layouts/: office-style workbooks and text files laid out the way province offices keep them,
from the tables of the Sóc Trăng 2023 report (../shared/seeds/001_…: appendix II, appendix III) and the brief's
figures, with the figures each command must print (or the cell it must refuse) in manifest.json.

Written with openpyxl (Debian's python3-openpyxl 3.0.9), a second writer besides ExcelJS: merged cells, shared
strings, styles and formulas without cached values differ from what the add-in itself writes.

    /usr/bin/python3 scripts/build-layout-corpus.py

The generated files are committed, so the tests need no Python.
"""

import json
import os
import shutil
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import openpyxl
from openpyxl.styles import Alignment, Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "layouts")

# Appendix II of the report: the 10 communes not yet at the standard at the end of 2023.
APPENDIX_II = [
    ("Thanh Thới An", "Trần Đề", "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19", "6,10,11"),
    ("Tài Văn", "Trần Đề", "1,2,3,4,5,6,7,8,9,12,13,14,15,16,17,18,19", "10,11"),
    ("Xuân Hòa", "Kế Sách", "1,3,4,5,7,8,9,10,12,13,14,15,16,18,19", "6"),
    ("Thới An Hội", "Kế Sách", "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19", "5, 10"),
    ("Phong Nẫm", "Kế Sách", "1,3,4,7,8,9,10,12,13,14,15,16,17,18,19", "2,11"),
    ("An Mỹ", "Kế Sách", "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19", "5"),
    ("Kê Thành", "Kế Sách", "1,3,4,6,7,8,9,12,13,14,15,16,17,18,19", "10"),
    ("Mỹ Phước", "Mỹ Tú", "1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19", "10"),
    ("Long Phú", "Long Phú", "1,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19", "2, 10"),
    ("Tân Hưng", "Long Phú", "1,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19", "2, 10"),
]


def crit_list(text):
    return sorted(int(x) for x in text.replace(" ", "").split(","))


COMMUNES = [
    {
        "name": n,
        "district": d,
        "met": crit_list(m),
        "plan": crit_list(p),
    }
    for (n, d, m, p) in APPENDIX_II
]
for c in COMMUNES:
    c["count"] = len(c["met"])

# The province's other 70 communes meet all 19 criteria (80 in all, average 18,63): their names are not in the
# report, so they are numbered within the districts that the report names.
OTHER_DISTRICTS = [
    ("Châu Thành", 8), ("Mỹ Xuyên", 10), ("Thạnh Trị", 8), ("Cù Lao Dung", 7),
    ("Trần Đề", 7), ("Kế Sách", 7), ("Mỹ Tú", 7), ("Long Phú", 6), ("Ngã Năm", 5), ("Vĩnh Châu", 5),
]
STANDARD_70 = []
for district, n in OTHER_DISTRICTS:
    for i in range(1, n + 1):
        STANDARD_70.append({"name": f"Xã {district} {i:02d}", "district": district,
                            "met": list(range(1, 20)), "count": 19, "plan": []})
assert len(STANDARD_70) == 70

# Appendix III of the report (million VND): label, 2023 actual, 2024 plan, level, family.
APPENDIX_III = [
    ("NGÂN SÁCH TRUNG ƯƠNG", 223534, 200334, 1, "central"),
    ("Đầu tư phát triển", 191652, 169946, 2, "central"),
    ("Sự nghiệp", 31882, 30388, 2, "central"),
    ("NGÂN SÁCH ĐỊA PHƯƠNG", 54351, 210713, 1, "local"),
    ("Tỉnh", 29964, 185253, 2, "local"),
    ("Huyện", 24387, 25460, 2, "local"),
    ("VỐN LỒNG GHÉP", 1379545, 1517500, 1, "integrated"),
    ("VỐN TÍN DỤNG", 1429056, 1471928, 1, "credit"),
    ("VỐN DOANH NGHIỆP", 328664, 345097, 1, "enterprises"),
    ("HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG", 187162, 205878, 1, "people"),
    ("Tiền mặt", 42476, 46724, 2, "people"),
    ("Ngày công và hiện vật quy đổi", 144686, 159155, 2, "people"),
]
TOTAL_2023, TOTAL_2024 = 3602312, 3951450
assert sum(r[1] for r in APPENDIX_III if r[3] == 1) == TOTAL_2023
assert sum(r[2] for r in APPENDIX_III if r[3] == 1) == TOTAL_2024

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

MANIFEST = []


# ---------------------------------------------------------------- expected figures, computed from the documents

def summary_figures(communes):
    n = len(communes)
    total = sum(c["count"] for c in communes)
    avg = Fraction(total, n)
    per = {str(k): sum(1 for c in communes if k in c["met"]) for k in range(1, 20)}
    return {
        "communes": n,
        # Rounded half up, as the report prints it: 18,625 → 18,63.
        "averageCriteria": float(
            (Decimal(avg.numerator) / Decimal(avg.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)),
        "standard": sum(1 for c in communes if c["count"] == 19),
        "criterionCounts": per,
    }


def communes_expect(communes, sheet, count_only=False):
    s = summary_figures(communes)
    if count_only:
        del s["criterionCounts"]  # a count column says how many, not which
    districts = {}
    for c in communes:
        districts[c["district"]] = districts.get(c["district"], 0) + 1
    return {
        "summary": {"sheet": sheet, **s},
        "targets": {"currentAverage": s["averageCriteria"]},
        "roadmap": {"sheet": sheet, "communes": s["communes"],
                    "start": {"standard": s["standard"], "averageCriteria": s["averageCriteria"]}},
    }


def funding_expect(sheet, scale=1, unit=None, columns=2):
    cols = []
    cps = []
    for i in range(columns):
        amounts = [r[1 + i] for r in APPENDIX_III]
        total = sum(a for a, r in zip(amounts, APPENDIX_III) if r[3] == 1)
        central = sum(a for a, r in zip(amounts, APPENDIX_III) if r[3] == 1 and r[4] == "central")
        local = sum(a for a, r in zip(amounts, APPENDIX_III) if r[3] == 1 and r[4] == "local")
        cols.append({"total": total / scale})
        cps.append({"central": central / scale, "local": local / scale, "compliant": local >= central})
    # The report's own table does not add up in one place: the 2024 people's contribution is printed as 205.878
    # while its parts (46.724 cash, 159.155 labour) add up to 205.879. Every layout must say so.
    mismatches = []
    if columns > 1:
        mismatches.append({"column": 1, "stated": 205878 / scale, "computed": 205879 / scale})
    f = {"sheet": sheet, "columns": cols, "top": [r[0] for r in APPENDIX_III if r[3] == 1], "mismatches": mismatches}
    c = {"sheet": sheet, "columns": cps}
    if unit:
        f["unit"] = unit
        c["unit"] = unit
    return {"funding": f, "counterpart": c}


def add(file, why, expect, kind):
    MANIFEST.append({"file": file, "kind": kind, "why": why, "expect": expect})


# ---------------------------------------------------------------- writing helpers

def new_book(title=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.title = title
    return wb, ws


def put(ws, row, col, value, bold=False, merge_to=None):
    """Writes a value at 1-based (row, col); merge_to=(row2, col2) merges the range."""
    cell = ws.cell(row=row, column=col, value=value)
    if bold:
        cell.font = Font(bold=True, name="Times New Roman")
    if merge_to:
        ws.merge_cells(start_row=row, start_column=col, end_row=merge_to[0], end_column=merge_to[1])
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


def title_block(ws, lines, width, start=1):
    r = start
    for text in lines:
        put(ws, r, 1, text, bold=True, merge_to=(r, width))
        r += 1
    return r


def signature(ws, row, width, place="Sóc Trăng"):
    put(ws, row, max(1, width - 2), f"{place}, ngày 15 tháng 01 năm 2024", merge_to=(row, width))
    put(ws, row + 1, 1, "NGƯỜI LẬP BIỂU", bold=True, merge_to=(row + 1, 2))
    put(ws, row + 1, max(3, width - 2), "TM. BAN CHỈ ĐẠO", bold=True, merge_to=(row + 1, width))
    put(ws, row + 1 + 4, 1, "Nguyễn Văn A", merge_to=(row + 5, 2))
    put(ws, row + 1 + 4, max(3, width - 2), "Huỳnh Ngọc Nhã", merge_to=(row + 5, width))
    return row + 6


def footnote(ws, row, width, text="Ghi chú: Số liệu năm 2023 là số ước thực hiện đến 31/12/2023."):
    put(ws, row, 1, text, merge_to=(row, width))
    return row + 1


def save(wb, name):
    wb.save(os.path.join(OUT, name))


def a1(row, col):
    return f"{openpyxl.utils.get_column_letter(col)}{row}"


# ---------------------------------------------------------------- communes: list of criteria met (appendix II)

def communes_list_sheet(ws, communes, *, title=True, two_rows=True, colnum=None, groups=None, subtotals=None,
                        grand=None, ending=None, district_col=True, start=1, plan_cols=True):
    """Appendix II in one of its office layouts. Returns the sheet's row after the table and the data rows' rows."""
    headers = ["TT", "Tên xã"] + (["Tên huyện, thị xã"] if district_col else []) + [
        "Số tiêu chí đạt", "Tên tiêu chí đạt"]
    width = len(headers) + (3 if plan_cols else 0)
    r = start
    if title:
        r = title_block(ws, ["Phụ lục II", "CHI TIẾT KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ NÔNG THÔN MỚI TRÊN",
                             "ĐỊA BÀN 10 XÃ CHƯA ĐẠT CHUẨN NÔNG THÔN MỚI"], width, r)
        r += 1
    if two_rows and plan_cols:
        for c, h in enumerate(headers, 1):
            put(ws, r, c, h, bold=True, merge_to=(r + 1, c))
        put(ws, r, len(headers) + 1, "Kế hoạch phấn đấu đến cuối năm 2024", bold=True,
            merge_to=(r, len(headers) + 3))
        for i, h in enumerate(["Số TC", "Tên tiêu chí phấn đấu đạt", "Lũy kế"]):
            put(ws, r + 1, len(headers) + 1 + i, h, bold=True)
        r += 2
    else:
        extra = ["Số TC phấn đấu 2024", "Tên tiêu chí phấn đấu đạt", "Lũy kế"] if plan_cols else []
        for c, h in enumerate(headers + extra, 1):
            put(ws, r, c, h, bold=True)
        r += 1
    if colnum == "paren":
        for c in range(1, width + 1):
            put(ws, r, c, f"({c})")
        r += 1
    elif colnum == "plain":
        for c in range(1, width + 1):
            put(ws, r, c, c)
        r += 1
    count_col = 3 + (1 if district_col else 0)
    data_rows = []
    total_rows = []
    tt = 0

    def write_commune(c):
        nonlocal r, tt
        tt += 1
        row = [tt, c["name"]] + ([c["district"]] if district_col else []) + [c["count"], ",".join(map(str, c["met"]))]
        if plan_cols:
            row += [len(c["plan"]), ", ".join(map(str, c["plan"])) or None, c["count"] + len(c["plan"])]
        for i, v in enumerate(row, 1):
            if v is not None:
                put(ws, r, i, v)
        data_rows.append(r)
        r += 1

    def write_total(label, members, where_label=2):
        nonlocal r
        put(ws, r, where_label, label, bold=True)
        put(ws, r, count_col, sum(m["count"] for m in members), bold=True)
        total_rows.append(r)
        r += 1

    if grand == "top":
        write_total("TỔNG CỘNG TOÀN TỈNH", communes)
    if groups:
        order = []
        for c in communes:
            if c["district"] not in order:
                order.append(c["district"])
        for gi, d in enumerate(order):
            members = [c for c in communes if c["district"] == d]
            kind = "Thị xã" if d in ("Ngã Năm", "Vĩnh Châu") else "Huyện"
            if groups == "roman":
                put(ws, r, 1, ROMAN[gi], bold=True)
                put(ws, r, 2, f"{kind} {d}", bold=True)
            elif groups == "merged":
                put(ws, r, 1, f"{ROMAN[gi]}. {kind.upper()} {d.upper()}", bold=True, merge_to=(r, width))
            else:
                put(ws, r, 2, f"{kind} {d}", bold=True)
            r += 1
            for c in members:
                write_commune(c)
            if subtotals:
                label = {"cong-huyen": f"Cộng {kind.lower()} {d}", "cong": "Cộng", "CONG": f"CỘNG {kind.upper()} {d.upper()}"}[subtotals]
                write_total(label, members)
    else:
        for c in communes:
            write_commune(c)
    if grand == "bottom":
        write_total("Tổng cộng", communes)
    elif grand == "bottom-caps":
        write_total("TỔNG CỘNG TOÀN TỈNH", communes)
    if ending == "signature":
        r = signature(ws, r + 1, width)
    elif ending == "footnote":
        r = footnote(ws, r + 1, width)
    elif ending == "both":
        r = footnote(ws, r, width, "(*) Xã đăng ký đạt chuẩn năm 2024.")
        r = signature(ws, r + 1, width)
    elif ending == "ghichu":
        put(ws, r + 1, 2, "Ghi chú:")
        put(ws, r + 2, 2, "- Tiêu chí 10: Thu nhập; tiêu chí 11: Nghèo đa chiều.")
        r += 3
    return r, data_rows, total_rows


def communes_list_files():
    variants = [
        # (file, why, options)
        ("ds-appendix-ii-as-printed.xlsx", "appendix II as the report prints it: title block, two-row header with 'Kế hoạch phấn đấu' merged over three columns",
         dict()),
        ("ds-appendix-ii-colnum-paren.xlsx", "appendix II with a column-number row (1) (2) … under the header",
         dict(colnum="paren")),
        ("ds-appendix-ii-colnum-plain.xlsx", "appendix II with a plain 1 2 3 … column-number row",
         dict(colnum="plain")),
        ("ds-appendix-ii-signature.xlsx", "appendix II followed by the place-and-date line and the signature block",
         dict(ending="signature")),
        ("ds-appendix-ii-footnote.xlsx", "appendix II with a merged footnote 'Ghi chú: …' under the table",
         dict(ending="footnote")),
        ("ds-appendix-ii-footnote-signature.xlsx", "a (*) footnote, then the signature block",
         dict(ending="both", colnum="paren")),
        ("ds-appendix-ii-ghichu-lines.xlsx", "'Ghi chú:' and a dash note typed in the name column",
         dict(ending="ghichu", two_rows=False)),
        ("ds-groups-huyen.xlsx", "district group rows 'Huyện Trần Đề' in the name column, no district column",
         dict(groups="plain", district_col=False)),
        ("ds-groups-roman.xlsx", "district group rows with roman numerals in TT: 'I | Huyện Trần Đề'",
         dict(groups="roman", district_col=False, colnum="paren")),
        ("ds-groups-merged-caps.xlsx", "group rows 'I. HUYỆN TRẦN ĐỀ' merged across the table",
         dict(groups="merged", district_col=False, ending="signature")),
        ("ds-groups-subtotals.xlsx", "district groups with 'Cộng huyện …' subtotal rows and a 'Tổng cộng' row",
         dict(groups="roman", subtotals="cong-huyen", grand="bottom", district_col=False)),
        ("ds-groups-cong-grand-top.xlsx", "'TỔNG CỘNG TOÀN TỈNH' above the data, plain 'Cộng' subtotals under each district",
         dict(groups="plain", subtotals="cong", grand="top", district_col=True, colnum="plain")),
        ("ds-groups-caps-subtotals.xlsx", "'CỘNG HUYỆN …' subtotals in capitals, total at the bottom in capitals, signature",
         dict(groups="roman", subtotals="CONG", grand="bottom-caps", ending="signature")),
        ("ds-one-row-header-total.xlsx", "one-row header with a 'Tổng cộng' row and a signature block",
         dict(two_rows=False, grand="bottom", ending="signature", title=False)),
        ("ds-no-title-colnum-footnote.xlsx", "no title, two-row header, column numbers, footnote",
         dict(title=False, colnum="paren", ending="footnote")),
    ]
    for file, why, opts in variants:
        wb, ws = new_book("Phụ lục II")
        communes_list_sheet(ws, COMMUNES, **opts)
        save(wb, file)
        e = communes_expect(COMMUNES, "Phụ lục II")
        # Each commune's district: from its column, or from the group row above it.
        e["targets"]["districts"] = {c["name"]: c["district"] for c in COMMUNES}
        add(file, why, e, "communes")


# ---------------------------------------------------------------- communes: one mark column per criterion

MARKS = {"x": ("x", None), "X": ("X", None), "dat": ("Đạt", None), "one": (1, 0), "check": ("✓", None)}


def communes_marks_sheet(ws, communes, *, mark="x", header_rows=2, colnum=None, groups=None, subtotals=None,
                         ending=None, title=True, tc_style="TC{}"):
    met_mark, unmet = MARKS[mark]
    width = 3 + 19 + 1
    r = 1
    if title:
        r = title_block(ws, ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI", "(Đến 31/12/2023)"], width)
        r += 1
    fixed = ["STT", "Tên xã", "Huyện"]
    if header_rows == 1:
        for c, h in enumerate(fixed + [tc_style.format(k) for k in range(1, 20)] + ["Số tiêu chí đạt"], 1):
            put(ws, r, c, h, bold=True)
        r += 1
    else:
        depth = header_rows
        for c, h in enumerate(fixed, 1):
            put(ws, r, c, h, bold=True, merge_to=(r + depth - 1, c))
        put(ws, width, 1, None) if False else None
        put(ws, r, width, "Số tiêu chí đạt", bold=True, merge_to=(r + depth - 1, width))
        if depth == 3:
            put(ws, r, 4, "Kết quả thực hiện các tiêu chí", bold=True, merge_to=(r, 3 + 19))
            r += 1
        put(ws, r, 4, "Tiêu chí", bold=True, merge_to=(r, 3 + 19))
        for k in range(1, 20):
            put(ws, r + 1, 3 + k, tc_style.format(k), bold=True)
        r += 2
    if colnum == "paren":
        for c in range(1, width + 1):
            put(ws, r, c, f"({c})")
        r += 1
    tt = 0

    def write(c):
        nonlocal r, tt
        tt += 1
        put(ws, r, 1, tt)
        put(ws, r, 2, c["name"])
        put(ws, r, 3, c["district"])
        for k in range(1, 20):
            v = met_mark if k in c["met"] else unmet
            if v is not None:
                put(ws, r, 3 + k, v)
        put(ws, r, width, c["count"])
        r += 1

    if groups:
        order = []
        for c in communes:
            if c["district"] not in order:
                order.append(c["district"])
        for gi, d in enumerate(order):
            members = [c for c in communes if c["district"] == d]
            kind = "Thị xã" if d in ("Ngã Năm", "Vĩnh Châu") else ("Thành phố" if d == "Lạng Sơn" else "Huyện")
            put(ws, r, 1, ROMAN[gi])
            put(ws, r, 2, f"{kind} {d}", bold=True)
            r += 1
            for c in members:
                write(c)
            if subtotals:
                put(ws, r, 2, "Cộng" if subtotals == "cong" else f"Cộng {kind.lower()} {d}", bold=True)
                put(ws, r, width, sum(m["count"] for m in members))
                r += 1
        put(ws, r, 2, "TỔNG CỘNG", bold=True)
        put(ws, r, width, sum(m["count"] for m in communes))
        r += 1
    else:
        for c in communes:
            write(c)
    if ending == "signature":
        r = signature(ws, r + 1, width)
    elif ending == "footnote":
        r = footnote(ws, r + 1, width, "Ghi chú: x là tiêu chí đã đạt theo Quyết định 318/QĐ-TTg.")
    return r


def communes_marks_files():
    variants = [
        ("tc-tieuchi-merged-x.xlsx", "'Tiêu chí' merged over TC1…TC19, marks x", dict()),
        ("tc-tieuchi-merged-X-colnum.xlsx", "'Tiêu chí' merged over TC1…TC19, marks X, column-number row", dict(mark="X", colnum="paren")),
        ("tc-three-row-header-dat.xlsx", "three header rows ('Kết quả thực hiện' / 'Tiêu chí' / TC1…), marks 'Đạt'", dict(mark="dat", header_rows=3)),
        ("tc-one-zero-signature.xlsx", "marks 1 and 0, signature block", dict(mark="one", ending="signature")),
        ("tc-check-footnote.xlsx", "marks ✓, merged footnote", dict(mark="check", ending="footnote")),
        ("tc-groups-subtotals.xlsx", "marks with district groups, 'Cộng huyện' subtotals and 'TỔNG CỘNG'", dict(groups=True, subtotals="cong-huyen")),
        ("tc-one-row-tieu-chi-n.xlsx", "one header row 'Tiêu chí 1' … 'Tiêu chí 19', no title", dict(header_rows=1, title=False, tc_style="Tiêu chí {}")),
        ("tc-tc01-groups-cong.xlsx", "TC01…TC19 headers, groups with plain 'Cộng' subtotals, column numbers", dict(tc_style="TC{:02d}", groups=True, subtotals="cong", colnum="paren")),
    ]
    for file, why, opts in variants:
        wb, ws = new_book("Bộ tiêu chí")
        communes_marks_sheet(ws, COMMUNES, **opts)
        save(wb, file)
        add(file, why, communes_expect(COMMUNES, "Bộ tiêu chí"), "communes")


# ---------------------------------------------------------------- the whole province: 80 communes (Sóc Trăng)

def province_80_files():
    allc = STANDARD_70 + COMMUNES
    # The brief: 80 communes, 70 at the standard, average (70·19 + 160)/80 = 18,625 → 18,63.
    assert summary_figures(allc)["standard"] == 70
    by_d = {}
    for c in allc:
        by_d.setdefault(c["district"], []).append(c)
    ordered = [c for d in by_d for c in by_d[d]]

    wb, ws = new_book("Tổng hợp")
    communes_list_sheet(ws, ordered, groups="roman", subtotals="cong-huyen", grand="bottom-caps", ending="signature",
                        district_col=False, plan_cols=False, colnum="paren")
    save(wb, "soc-trang-80-groups-subtotals.xlsx")
    add("soc-trang-80-groups-subtotals.xlsx", "the province's 80 communes under district group rows, subtotals and a total, signature",
        communes_expect(ordered, "Tổng hợp"), "communes")

    wb, ws = new_book("Tổng hợp")
    communes_marks_sheet(ws, ordered, groups=True, subtotals="cong", mark="x", ending="signature")
    save(wb, "soc-trang-80-marks-groups.xlsx")
    add("soc-trang-80-marks-groups.xlsx", "80 communes, TC1…TC19 marks under 'Tiêu chí', district groups with 'Cộng' rows",
        communes_expect(ordered, "Tổng hợp"), "communes")

    # Count only: number of criteria met per commune, groups and subtotals of communes' counts.
    wb, ws = new_book("Số tiêu chí")
    r = title_block(ws, ["TỔNG HỢP SỐ TIÊU CHÍ ĐẠT CỦA CÁC XÃ", "Năm 2023"], 4)
    r += 1
    for c, h in enumerate(["STT", "Đơn vị", "Tên xã", "Số tiêu chí đạt"], 1):
        put(ws, r, c, h, bold=True)
    r += 1
    for c in range(1, 5):
        put(ws, r, c, c)
    r += 1
    tt = 0
    for gi, d in enumerate(by_d):
        put(ws, r, 1, ROMAN[gi])
        put(ws, r, 2, f"Huyện {d}")
        r += 1
        for c in by_d[d]:
            tt += 1
            put(ws, r, 1, tt)
            put(ws, r, 3, c["name"])
            put(ws, r, 4, c["count"])
            r += 1
        put(ws, r, 2, f"Cộng huyện {d}")
        put(ws, r, 4, sum(c["count"] for c in by_d[d]))
        r += 1
    put(ws, r, 2, "Cộng toàn tỉnh")
    put(ws, r, 4, sum(c["count"] for c in allc))
    signature(ws, r + 2, 4)
    save(wb, "soc-trang-80-count-groups.xlsx")
    add("soc-trang-80-count-groups.xlsx", "count shape: 'Số tiêu chí đạt' only, groups in an 'Đơn vị' column, 'Cộng toàn tỉnh'",
        communes_expect(ordered, "Số tiêu chí", count_only=True), "communes")


# ---------------------------------------------------------------- Lạng Sơn style: 207 communes

LANG_SON_DISTRICTS = [("Tràng Định", 22), ("Văn Lãng", 17), ("Bình Gia", 19), ("Bắc Sơn", 19), ("Văn Quan", 23),
                      ("Cao Lộc", 22), ("Lộc Bình", 21), ("Chi Lăng", 19), ("Đình Lập", 12), ("Hữu Lũng", 24),
                      ("Lạng Sơn", 9)]


def lang_son_communes():
    """207 communes in 11 districts (as in the brief: 207 communes, 53 meeting criterion 3, irrigation). The
    statuses are spread deterministically: criterion 3 met by exactly 53 communes, others by a fixed pattern."""
    out = []
    idx = 0
    for d, n in LANG_SON_DISTRICTS:
        for i in range(1, n + 1):
            met = []
            for k in range(1, 20):
                if k == 3:
                    ok = idx < 53
                else:
                    ok = (idx * 7 + k * 11) % 19 < 13
                if ok:
                    met.append(k)
            out.append({"name": f"Xã {d} {i:02d}", "district": d, "met": met, "count": len(met), "plan": []})
            idx += 1
    # Interleave so that the 53 meeting criterion 3 are not all in the first districts' rows only.
    return out


def lang_son_files():
    allc = lang_son_communes()
    assert len(allc) == 207 and sum(1 for c in allc if 3 in c["met"]) == 53
    wb, ws = new_book("Xã")
    communes_marks_sheet(ws, allc, groups=True, subtotals="cong-huyen", mark="x", ending="signature")
    save(wb, "lang-son-207-marks-groups-subtotals.xlsx")
    add("lang-son-207-marks-groups-subtotals.xlsx", "Lạng Sơn-style sheet: 207 communes, TC marks, 11 district groups, 'Cộng huyện' subtotals, total, signature",
        communes_expect(allc, "Xã"), "communes")

    wb, ws = new_book("Xã")
    communes_list_sheet(ws, allc, groups="roman", subtotals="cong", grand="top", district_col=False, plan_cols=False,
                        colnum="plain", ending="footnote", title=True)
    save(wb, "lang-son-207-list-groups.xlsx")
    add("lang-son-207-list-groups.xlsx", "207 communes as lists of criteria, roman district groups, 'Cộng' subtotals, total above",
        communes_expect(allc, "Xã"), "communes")


# ---------------------------------------------------------------- funding (appendix III)

def funding_sheet(ws, *, title=True, unit="triệu đồng", scale=1, total="top", total_label="TỔNG SỐ", markers="stt",
                  header="one", colnum=None, extra=(), ending=None, local_labels=None, formulas=False,
                  mismatch=0, columns=2):
    """Appendix III in an office layout. markers: 'stt' (STT column I/1…), 'printed' (as printed: central
    sub-lines numbered 2, 3), 'label' (markers typed at the start of labels), 'dash' (I/II in STT, '-' in labels),
    'letter' (I/II in STT, a) b) sub-lines). Returns the cells of the amounts of the total row (for refusals)."""
    col_labels = ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"][:columns]
    with_stt = markers != "label"
    label_col = 2 if with_stt else 1
    first_amount = label_col + 1
    width = label_col + columns + len(extra)
    r = 1
    if title:
        r = title_block(ws, ["Phụ lục III", "KẾT QUẢ HUY ĐỘNG NGUỒN LỰC THỰC HIỆN", "CHƯƠNG TRÌNH NĂM 2023"], width)
        r += 1
        if unit:
            put(ws, r, width, f"Đơn vị tính: {unit}" if scale == 1 else f"ĐVT: {unit}")
            r += 1
    elif unit and scale != 1:
        put(ws, r, 1, f"ĐVT: {unit}")
        r += 1
    fixed = (["STT"] if with_stt else []) + ["Nội dung chỉ tiêu"]
    if header == "one":
        for c, h in enumerate(fixed + col_labels + [e[0] for e in extra], 1):
            put(ws, r, c, h, bold=True)
        r += 1
    elif header == "two":
        for c, h in enumerate(fixed, 1):
            put(ws, r, c, h, bold=True, merge_to=(r + 1, c))
        put(ws, r, first_amount, "Năm 2023", bold=True)
        put(ws, r + 1, first_amount, "Thực hiện", bold=True)
        if columns > 1:
            put(ws, r, first_amount + 1, "Năm 2024", bold=True)
            put(ws, r + 1, first_amount + 1, "Kế hoạch", bold=True)
        for i, e in enumerate(extra):
            put(ws, r, first_amount + columns + i, e[0], bold=True, merge_to=(r + 1, first_amount + columns + i))
        r += 2
    elif header == "three":
        for c, h in enumerate(fixed, 1):
            put(ws, r, c, h, bold=True, merge_to=(r + 2, c))
        put(ws, r, first_amount, "Nguồn vốn huy động", bold=True, merge_to=(r, first_amount + columns - 1))
        put(ws, r + 1, first_amount, "Năm 2023", bold=True)
        put(ws, r + 2, first_amount, "Thực hiện", bold=True)
        if columns > 1:
            put(ws, r + 1, first_amount + 1, "Năm 2024", bold=True)
            put(ws, r + 2, first_amount + 1, "Kế hoạch", bold=True)
        for i, e in enumerate(extra):
            put(ws, r, first_amount + columns + i, e[0], bold=True, merge_to=(r + 2, first_amount + columns + i))
        r += 3
    if colnum == "paren":
        for c in range(1, width + 1):
            put(ws, r, c, f"({c})")
        r += 1
    elif colnum == "plain":
        for c in range(1, width + 1):
            put(ws, r, c, c)
        r += 1

    def amount(v):
        return v / scale if scale != 1 else v

    total_cells = []

    def write_total(label):
        nonlocal r
        if with_stt:
            pass
        put(ws, r, label_col, label, bold=True)
        for i in range(columns):
            t = [TOTAL_2023, TOTAL_2024][i] + (mismatch if i == 0 else 0)
            if formulas:
                top_rows = [rr for rr, lvl in line_rows if lvl == 1]
                col = openpyxl.utils.get_column_letter(first_amount + i)
                put(ws, r, first_amount + i, "=" + "+".join(f"{col}{x}" for x in top_rows) if top_rows else 0)
            else:
                put(ws, r, first_amount + i, amount(t), bold=True)
            total_cells.append(a1(r, first_amount + i))
        r += 1

    line_rows = []
    if total == "top" or total == "both":
        # Formulas above their parts refer to rows written later: reserve the row.
        reserved = r
        r += 1
    roman_i = 0
    sub_i = 0
    for (label, a23, a24, level, fam) in APPENDIX_III:
        if local_labels and label in local_labels:
            label = local_labels[label]
        if level == 1:
            sub_i = 0
            mark = ROMAN[roman_i]
            roman_i += 1
        else:
            sub_i += 1
            mark = str(sub_i)
            if markers == "printed" and fam == "central":
                mark = str(sub_i + 1)  # the report numbers the central sub-lines 2 and 3
        if markers in ("stt", "printed"):
            put(ws, r, 1, mark)
            put(ws, r, 2, label, bold=(level == 1))
        elif markers == "label":
            put(ws, r, 1, f"{mark}. {label}" if level == 1 else f"{mark}. {label}")
        elif markers == "dash":
            if level == 1:
                put(ws, r, 1, mark)
                put(ws, r, 2, label)
            else:
                put(ws, r, 2, f"- {label}")
        elif markers == "letter":
            if level == 1:
                put(ws, r, 1, mark)
            else:
                put(ws, r, 1, "abcdefgh"[sub_i - 1] + ")")
            put(ws, r, 2, label)
        for i, v in enumerate([a23, a24][:columns]):
            put(ws, r, first_amount + i, amount(v))
        for i, e in enumerate(extra):
            v = e[1](a23, a24)
            if v is not None:
                put(ws, r, first_amount + columns + i, v)
        line_rows.append((r, level))
        r += 1
    if total == "top" or total == "both":
        keep = r
        r = reserved
        write_total(total_label)
        r = keep
    if total == "bottom" or total == "both":
        write_total(total_label if total == "bottom" else "Tổng cộng")
    if ending == "signature":
        r = signature(ws, r + 1, width)
    elif ending == "footnote":
        r = footnote(ws, r + 1, width, "Ghi chú: Vốn lồng ghép gồm các chương trình, dự án khác trên địa bàn nông thôn.")
    return total_cells


PCT = ("So sánh KH2024/TH2023 (%)", lambda a, b: round(b / a * 100, 2))
SHARE = ("Tỷ lệ (%)", lambda a, b: f"{a / TOTAL_2023 * 100:.2f}%".replace(".", ","))
NOTE = ("Ghi chú", lambda a, b: "Ước thực hiện" if a > 1_000_000 else None)
DIFF = ("Chênh lệch KH/TH", lambda a, b: b - a)


def funding_files():
    variants = [
        ("nv-appendix-iii-as-printed.xlsx", "appendix III as printed: title, 'Đơn vị tính: triệu đồng', TỔNG SỐ above, central sub-lines numbered 2 and 3",
         dict(markers="printed")),
        ("nv-appendix-iii-signature.xlsx", "appendix III with the signature block", dict(markers="printed", ending="signature")),
        ("nv-markers-in-labels.xlsx", "no STT column: markers typed at the start of labels ('I. NGÂN SÁCH…', '1. Đầu tư…')",
         dict(markers="label", total="bottom", total_label="Tổng cộng")),
        ("nv-dash-sublines.xlsx", "roman numerals in STT, sub-lines as '- Tỉnh'", dict(markers="dash", total="bottom", total_label="Cộng")),
        ("nv-letter-sublines.xlsx", "roman numerals in STT, sub-lines a) b)", dict(markers="letter", total="top", total_label="Tổng nguồn vốn")),
        ("nv-two-row-header.xlsx", "'Năm 2023' over 'Thực hiện', 'Năm 2024' over 'Kế hoạch'", dict(header="two")),
        ("nv-three-row-header-colnum.xlsx", "three header rows with a group over the amounts, column numbers (1) (2) …",
         dict(header="three", colnum="paren")),
        ("nv-plain-colnum.xlsx", "a plain 1 2 3 4 column-number row under the header", dict(colnum="plain")),
        ("nv-percent-and-notes.xlsx", "comparison (%) and 'Ghi chú' columns besides the amounts",
         dict(extra=(PCT, NOTE), header="two")),
        ("nv-share-text-percent.xlsx", "a 'Tỷ lệ (%)' column of texts such as '6,21%'", dict(extra=(SHARE,))),
        ("nv-difference-column.xlsx", "a 'Chênh lệch KH/TH' column (a difference, not a source amount)", dict(extra=(DIFF,))),
        ("nv-ty-dong.xlsx", "'ĐVT: tỷ đồng', amounts in billions with three decimals", dict(unit="tỷ đồng", scale=1000)),
        ("nv-ty-dong-no-title.xlsx", "'ĐVT: tỷ đồng' over a table without title, total at the bottom",
         dict(title=False, unit="tỷ đồng", scale=1000, total="bottom", total_label="TỔNG CỘNG")),
        ("nv-total-kinh-phi-above.xlsx", "'Tổng kinh phí huy động' placed above its parts", dict(total_label="Tổng kinh phí huy động")),
        ("nv-total-both.xlsx", "the total above ('TỔNG SỐ') and again at the bottom ('Tổng cộng')", dict(total="both")),
        ("nv-cap-tinh-cap-huyen.xlsx", "local lines spelled 'Ngân sách cấp tỉnh', 'Ngân sách cấp huyện'",
         dict(local_labels={"Tỉnh": "Ngân sách cấp tỉnh", "Huyện": "Ngân sách cấp huyện"})),
        ("nv-doi-ung-nstw.xlsx", "'Ngân sách tỉnh (đối ứng NSTW)': the province's budget, whatever the bracket says",
         dict(local_labels={"Tỉnh": "Ngân sách tỉnh (đối ứng NSTW)", "Huyện": "Ngân sách huyện (đối ứng NSTW)"}, markers="dash")),
        ("nv-one-column-footnote.xlsx", "only the 2023 column, footnote under the table", dict(columns=1, ending="footnote")),
        ("nv-signature-colnum-two-row.xlsx", "two-row header, column numbers, signature block",
         dict(header="two", colnum="paren", ending="signature", total="bottom", total_label="Tổng cộng")),
    ]
    for file, why, opts in variants:
        wb, ws = new_book("Phụ lục III")
        funding_sheet(ws, **opts)
        save(wb, file)
        scale = opts.get("scale", 1)
        # Amounts in another unit are converted to million VND on reading: the figures expected are the million ones.
        unit = {"vi": "triệu đồng", "en": "million VND"} if scale != 1 else None
        add(file, why, funding_expect("Phụ lục III", scale=1, unit=unit, columns=opts.get("columns", 2)), "funding")

    # A stated total 2 million off its parts: read, and the mismatch named with its cell.
    wb, ws = new_book("Phụ lục III")
    cells = funding_sheet(ws, markers="printed", mismatch=2)
    save(wb, "nv-total-off-by-two.xlsx")
    e = funding_expect("Phụ lục III")
    e["funding"]["mismatches"].insert(0, {"column": 0, "cell": cells[0], "stated": TOTAL_2023 + 2, "computed": TOTAL_2023})
    add("nv-total-off-by-two.xlsx", "TỔNG SỐ 3.602.314, two million more than its parts: a mismatch named with its cell", e, "funding")

    # Totals as formulas saved without values (openpyxl writes no cached results): refused at the total's cell.
    wb, ws = new_book("Phụ lục III")
    cells = funding_sheet(ws, markers="stt", total="bottom", total_label="Tổng cộng", formulas=True)
    save(wb, "nv-formula-total-no-cache.xlsx")
    add("nv-formula-total-no-cache.xlsx", "the total row is a formula without a cached value",
        {"funding": {"refuse": {"sheet": "Phụ lục III", "cell": cells[0]}},
         "counterpart": {"refuse": {"sheet": "Phụ lục III", "cell": cells[0]}}}, "funding")


# ---------------------------------------------------------------- allocation coefficients

def coefficient_units():
    # Decision 07/2022 weights as the brief reports them: 15-18 criteria → 3.0, already standard → 1.0.
    units = [{"name": c["name"], "district": c["district"], "coefficient": 3.0 if c["count"] < 19 else 1.0}
             for c in COMMUNES]
    return units


def allocation_expect(units, total=1000, sheet="Hệ số"):
    s = sum(u["coefficient"] for u in units)
    exact = [Fraction(total) * Fraction(u["coefficient"]).limit_denominator() / Fraction(s).limit_denominator() for u in units]
    return {"allocate": {"sheet": sheet, "total": total,
                         "units": [u["name"] for u in units],
                         "coefficients": [u["coefficient"] for u in units],
                         "exact": [float(x) for x in exact]}}


def coefficients_sheet(ws, units, *, title=True, groups=False, subtotals=None, grand=None, colnum=None, ending=None,
                       header="one", grand_value=None):
    width = 4
    r = 1
    if title:
        r = title_block(ws, ["BẢNG HỆ SỐ PHÂN BỔ VỐN NĂM 2024", "(Theo Quyết định số 07/2022/QĐ-TTg)"], width)
        r += 1
    if header == "one":
        for c, h in enumerate(["TT", "Đơn vị", "Số tiêu chí đạt", "Hệ số"], 1):
            put(ws, r, c, h, bold=True)
        r += 1
    else:
        put(ws, r, 1, "TT", bold=True, merge_to=(r + 1, 1))
        put(ws, r, 2, "Đơn vị", bold=True, merge_to=(r + 1, 2))
        put(ws, r, 3, "Tiêu chí xác định hệ số", bold=True, merge_to=(r, 4))
        put(ws, r + 1, 3, "Số tiêu chí đạt", bold=True)
        put(ws, r + 1, 4, "Hệ số", bold=True)
        r += 2
    if colnum:
        for c in range(1, width + 1):
            put(ws, r, c, f"({c})" if colnum == "paren" else c)
        r += 1
    counts = {c["name"]: c["count"] for c in COMMUNES}
    if grand == "top":
        put(ws, r, 2, "Cộng toàn tỉnh", bold=True)
        put(ws, r, 4, grand_value if grand_value is not None else sum(u["coefficient"] for u in units))
        r += 1
    tt = 0
    order = []
    for u in units:
        if u["district"] not in order:
            order.append(u["district"])
    for gi, d in enumerate(order if groups else [None]):
        members = [u for u in units if groups is False or u["district"] == d]
        if groups:
            put(ws, r, 1, ROMAN[gi])
            put(ws, r, 2, f"Huyện {d}", bold=True)
            r += 1
        for u in members:
            tt += 1
            put(ws, r, 1, tt)
            put(ws, r, 2, f"Xã {u['name']}")
            put(ws, r, 3, counts.get(u["name"]))
            put(ws, r, 4, u["coefficient"])
            r += 1
        if groups and subtotals:
            put(ws, r, 2, f"Cộng huyện {d}" if subtotals == "cong-huyen" else "Cộng", bold=True)
            put(ws, r, 4, sum(m["coefficient"] for m in members))
            r += 1
    total_cell = None
    if grand == "bottom":
        put(ws, r, 1, "Tổng cộng", bold=True, merge_to=(r, 2))
        put(ws, r, 4, grand_value if grand_value is not None else sum(u["coefficient"] for u in units))
        total_cell = a1(r, 4)
        r += 1
    if ending == "signature":
        signature(ws, r + 1, width)
    return total_cell


def coefficients_files():
    units = coefficient_units()
    named = [dict(u, name=f"Xã {u['name']}") for u in units]
    variants = [
        ("hs-plain-total.xlsx", "one row per commune and a 'Tổng cộng' row merged over TT and Đơn vị", dict(grand="bottom")),
        ("hs-groups-subtotals.xlsx", "district groups, 'Cộng huyện …' subtotals and 'Cộng toàn tỉnh' above",
         dict(groups=True, subtotals="cong-huyen", grand="top")),
        ("hs-groups-cong-signature.xlsx", "district groups with plain 'Cộng' rows, total, signature block",
         dict(groups=True, subtotals="cong", grand="bottom", ending="signature")),
        ("hs-two-row-header-colnum.xlsx", "two-row header ('Tiêu chí xác định hệ số' over two columns), column numbers",
         dict(header="two", colnum="paren", grand="bottom")),
        ("hs-plain-colnum-no-title.xlsx", "no title, 1 2 3 4 column-number row", dict(title=False, colnum="plain")),
    ]
    for file, why, opts in variants:
        wb, ws = new_book("Hệ số")
        coefficients_sheet(ws, units, **opts)
        save(wb, file)
        add(file, why, allocation_expect(named), "coefficients")

    # A total that does not add up: allocation by the units' own coefficients, the total row named as a mismatch.
    wb, ws = new_book("Hệ số")
    total_cell = coefficients_sheet(ws, units, grand="bottom", grand_value=31)
    save(wb, "hs-total-mismatch.xlsx")
    e = allocation_expect(named)
    e["allocate"]["warningCell"] = total_cell
    add("hs-total-mismatch.xlsx", "'Tổng cộng' states 31 but the coefficients add up to 30: named, not allocated", e, "coefficients")


# ---------------------------------------------------------------- hidden sheets, several candidate sheets

def hidden_files():
    # A hidden old copy before the visible sheet: the visible one is read.
    wb, old = new_book("Xã (bản cũ)")
    stale = [dict(c, met=c["met"][:-1], count=c["count"] - 1) for c in COMMUNES]
    communes_list_sheet(old, stale)
    old.sheet_state = "hidden"
    ws = wb.create_sheet("Phụ lục II")
    communes_list_sheet(ws, COMMUNES, ending="signature")
    save(wb, "hidden-old-communes-first.xlsx")
    add("hidden-old-communes-first.xlsx", "a hidden older copy of appendix II comes first; the visible sheet is read",
        communes_expect(COMMUNES, "Phụ lục II"), "communes")

    wb, old = new_book("NV cũ")
    funding_sheet(old, markers="stt", scale=1)
    old.cell(row=7, column=3, value=1)  # a stale figure in the hidden copy
    old.sheet_state = "hidden"
    ws = wb.create_sheet("Phụ lục III")
    funding_sheet(ws, markers="printed", ending="signature")
    save(wb, "hidden-old-funding-first.xlsx")
    add("hidden-old-funding-first.xlsx", "a hidden older funding sheet comes first; the visible appendix III is read",
        funding_expect("Phụ lục III"), "funding")

    # Communes and funding in one workbook, with an add-in result sheet KQ_… that must never be read.
    wb, ws = new_book("Phụ lục II")
    communes_list_sheet(ws, COMMUNES, colnum="paren")
    kq = wb.create_sheet("KQ_TongHop")
    for c, h in enumerate(["TT", "Tên xã", "Số tiêu chí đạt", "Tên tiêu chí đạt"], 1):
        kq.cell(row=1, column=c, value=h)
    kq.cell(row=2, column=1, value=1)
    kq.cell(row=2, column=2, value="Xã giả")
    kq.cell(row=2, column=3, value=1)
    kq.cell(row=2, column=4, value="1")
    ws3 = wb.create_sheet("Phụ lục III")
    funding_sheet(ws3, markers="printed")
    save(wb, "report-two-appendices.xlsx")
    e = communes_expect(COMMUNES, "Phụ lục II")
    e.update(funding_expect("Phụ lục III"))
    add("report-two-appendices.xlsx", "appendix II and appendix III in one workbook, beside an add-in result sheet KQ_TongHop",
        e, "report")


# ---------------------------------------------------------------- formulas without cached values (communes)

def formula_files():
    wb, ws = new_book("Phụ lục II")
    _, rows, _ = communes_list_sheet(ws, COMMUNES, two_rows=False, title=True)
    # The count computed from the list, as some offices do; openpyxl saves no cached value.
    first = rows[0]
    for r in rows:
        ws.cell(row=r, column=4, value=f'=LEN(E{r})-LEN(SUBSTITUTE(E{r},",",""))+1')
    save(wb, "ds-count-formula-no-cache.xlsx")
    add("ds-count-formula-no-cache.xlsx", "'Số tiêu chí đạt' computed by formulas saved without values",
        {k: {"refuse": {"sheet": "Phụ lục II", "cell": f"D{first}"}} for k in ("summary", "targets", "roadmap")}, "communes")


# ---------------------------------------------------------------- text files: encodings

def vn_cp1258(text):
    """Windows-1258 bytes of a Vietnamese text: base letters with their circumflex, breve or horn precomposed (the
    code page has them), tone marks as combining characters (how Windows writes Vietnamese in 1258)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        shape = [m for m in marks if m in "\u0302\u0306\u031b"]
        tone = [m for m in marks if m not in "\u0302\u0306\u031b"]
        letter = unicodedata.normalize("NFC", base + "".join(shape))
        out += letter.encode("cp1258")
        for m in tone:
            out += m.encode("cp1258")
    return bytes(out)


def communes_csv_rows():
    rows = [["Phụ lục II"], ["CHI TIẾT KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ NÔNG THÔN MỚI"], [],
            ["TT", "Tên xã", "Tên huyện, thị xã", "Số tiêu chí đạt", "Tên tiêu chí đạt"],
            ["(1)", "(2)", "(3)", "(4)", "(5)"]]
    for i, c in enumerate(COMMUNES, 1):
        rows.append([str(i), c["name"], c["district"], str(c["count"]), ",".join(map(str, c["met"]))])
    rows.append([])
    rows.append(["", "", "", "Sóc Trăng, ngày 15 tháng 01 năm 2024"])
    rows.append(["NGƯỜI LẬP BIỂU"])
    return rows


def funding_csv_rows():
    rows = [["Phụ lục III"], ["Đơn vị tính: triệu đồng"],
            ["STT", "Nội dung chỉ tiêu", "Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
            ["", "TỔNG SỐ", str(TOTAL_2023), str(TOTAL_2024)]]
    roman_i = 0
    sub = 0
    for (label, a, b, level, fam) in APPENDIX_III:
        if level == 1:
            mark = ROMAN[roman_i]
            roman_i += 1
            sub = 0
        else:
            sub += 1
            mark = str(sub)
        rows.append([mark, label, f"{a:,}".replace(",", "."), f"{b:,}".replace(",", ".")])
    rows.append([])
    rows.append(["Ghi chú: số liệu ước thực hiện"])
    return rows


def csv_text(rows, sep):
    def q(v):
        return f'"{v}"' if (sep in v or '"' in v or "," in v) else v
    return "\r\n".join(sep.join(q(v) for v in row) for row in rows) + "\r\n"


def text_files():
    t = csv_text(communes_csv_rows(), "\t")
    with open(os.path.join(OUT, "ds-unicode-text-utf16.txt"), "wb") as f:
        f.write(b"\xff\xfe" + t.encode("utf-16-le"))
    add("ds-unicode-text-utf16.txt", "Excel's 'Unicode text' export: UTF-16 with BOM, tab-separated, with a title and a signature line",
        communes_expect(COMMUNES, "ds-unicode-text-utf16"), "communes")

    t = csv_text(communes_csv_rows(), ",")
    with open(os.path.join(OUT, "ds-windows-1258.csv"), "wb") as f:
        f.write(vn_cp1258(t))
    add("ds-windows-1258.csv", "a CSV saved by an older Excel in Windows-1258 (Vietnamese code page)",
        communes_expect(COMMUNES, "ds-windows-1258"), "communes")

    t = csv_text(funding_csv_rows(), ";")
    with open(os.path.join(OUT, "nv-utf16-semicolon.csv"), "wb") as f:
        f.write(b"\xff\xfe" + t.encode("utf-16-le"))
    add("nv-utf16-semicolon.csv", "appendix III as UTF-16 text with semicolons and dotted thousands",
        funding_expect("nv-utf16-semicolon"), "funding")

    t = csv_text(funding_csv_rows(), ",")
    with open(os.path.join(OUT, "nv-windows-1258.csv"), "wb") as f:
        f.write(vn_cp1258(t))
    add("nv-windows-1258.csv", "appendix III as a Windows-1258 CSV", funding_expect("nv-windows-1258"), "funding")

    t = csv_text(communes_csv_rows(), ",")
    with open(os.path.join(OUT, "ds-utf8-bom.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + t.encode("utf-8"))
    add("ds-utf8-bom.csv", "UTF-8 CSV with BOM, title rows and a signature line",
        communes_expect(COMMUNES, "ds-utf8-bom"), "communes")


# Legacy 8-bit Vietnamese text as it shows in a Unicode font. TCVN3 (ABC): "Tài Văn" is typed "Tµi V¨n";
# VNI: "Tài Văn" is "Taøi Vaên". Only the first letters matter: the reader must say which encoding, at which cell.
TCVN3 = {"Tên xã": "Tªn x·", "Thanh Thới An": "Thanh Thíi An", "Tài Văn": "Tµi V¨n", "Trần Đề": "TrÇn §Ò"}
VNI = {"Tên xã": "Teân xaõ", "Thanh Thới An": "Thanh Thôùi An", "Tài Văn": "Taøi Vaên", "Trần Đề": "Traàn Ñeà"}


def legacy_files():
    for enc, table, file in (("TCVN3", TCVN3, "ds-tcvn3-names.xlsx"), ("VNI", VNI, "ds-vni-names.xlsx")):
        wb, ws = new_book("Phụ lục II")
        _, rows, _ = communes_list_sheet(ws, COMMUNES, two_rows=False)
        ws.cell(row=rows[1], column=2, value=table["Tài Văn"])
        ws.cell(row=rows[1], column=3, value=table["Trần Đề"])
        save(wb, file)
        cell = f"B{rows[1]}"
        add(file, f"a commune's name typed in the legacy {enc} encoding: named, with its cell",
            {k: {"refuse": {"sheet": "Phụ lục II", "cell": cell, "text": enc}} for k in ("summary", "targets", "roadmap")},
            "communes")


def extra_communes_files():
    # A footnote typed in the name column right under the last commune, with no keyword and no gap.
    wb, ws = new_book("Phụ lục II")
    r, rows, _ = communes_list_sheet(ws, COMMUNES, two_rows=False)
    ws.cell(row=r, column=2, value="Số liệu do Văn phòng Điều phối nông thôn mới các huyện báo cáo")
    save(wb, "ds-note-in-name-column.xlsx")
    add("ds-note-in-name-column.xlsx", "a sentence typed in the name column under the last commune: a note, not a commune",
        communes_expect(COMMUNES, "Phụ lục II"), "communes")

    # The district merged down over its communes, as offices lay it out.
    wb, ws = new_book("Phụ lục II")
    _, rows, _ = communes_list_sheet(ws, COMMUNES, colnum="paren")
    start = 0
    while start < len(COMMUNES):
        end = start
        while end + 1 < len(COMMUNES) and COMMUNES[end + 1]["district"] == COMMUNES[start]["district"]:
            end += 1
        if end > start:
            for i in range(start + 1, end + 1):
                ws.cell(row=rows[i], column=3, value=None)
            ws.merge_cells(start_row=rows[start], start_column=3, end_row=rows[end], end_column=3)
        start = end + 1
    save(wb, "ds-district-merged-down.xlsx")
    e = communes_expect(COMMUNES, "Phụ lục II")
    e["targets"]["districts"] = {c["name"]: c["district"] for c in COMMUNES}
    add("ds-district-merged-down.xlsx", "the district column merged down over each district's communes", e, "communes")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    communes_list_files()
    communes_marks_files()
    province_80_files()
    lang_son_files()
    funding_files()
    coefficients_files()
    hidden_files()
    formula_files()
    text_files()
    legacy_files()
    extra_communes_files()
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(MANIFEST, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(MANIFEST)} files in {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
