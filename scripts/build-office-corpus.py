#!/usr/bin/python3
"""Builds test/fixtures/office/: workbooks laid out the way province offices keep them, in the eight classes of
issue #21 (units, hidden columns and rows, criterion numbers as a second header row, comparison columns, rows that
are not communes, negative lines, formulas whose result is empty text, text in a money column) and beyond (title
blocks, merged headers, footnotes and signatures, group rows, the 2026-2030 layouts, merger tables).

Every file is written by openpyxl (Debian's python3-openpyxl) and then re-saved by LibreOffice Calc in one call, so
formulas carry the results LibreOffice computes and saves (an empty text result is saved as t="str" with an empty
value), as an office that opens and saves the file would have it. The figures every command must give, or the cell
it must refuse, are computed here from the generator's own inputs (the Sóc Trăng report's appendix II and III, see
scripts/build-layout-corpus.py) and written to manifest.json: money in million VND as Decimal strings.

    /usr/bin/python3 scripts/build-office-corpus.py [OUT_DIR]

OUT_DIR defaults to test/fixtures/office/. The generated files are committed, so the tests need neither Python nor
LibreOffice; CI runs this script into a temporary folder to prove it still runs.
"""

import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("layouts", os.path.join(ROOT, "scripts", "build-layout-corpus.py"))
L = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(L)

COMMUNES = L.COMMUNES  # appendix II: 10 communes not yet at the standard
STANDARD_70 = L.STANDARD_70  # the province's other 70 communes, all 19 criteria
APPENDIX_III = L.APPENDIX_III  # (label, 2023, 2024, level, family), million VND
ROMAN = L.ROMAN

MANIFEST = []
BOOKS = []  # (file name, workbook) written to the staging folder, then re-saved by LibreOffice


def D(x):
    return Decimal(str(x))


def money(x):
    """A Decimal amount of million VND as the manifest's string ("3602312", "-540", "0.5")."""
    d = D(x).normalize()
    return format(d, "f")


# ---------------------------------------------------------------- cells and tables

def put(ws, row, col, value, bold=False, merge_to=None, fmt=None):
    cell = ws.cell(row=row, column=col, value=value)
    if bold:
        cell.font = Font(bold=True, name="Times New Roman")
    if fmt:
        cell.number_format = fmt
    if merge_to and (merge_to[0] > row or merge_to[1] > col):
        ws.merge_cells(start_row=row, start_column=col, end_row=merge_to[0], end_column=merge_to[1])
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


def a1(row, col):
    return f"{get_column_letter(col)}{row}"


def title_lines(ws, lines, width, r=1):
    for text in lines:
        put(ws, r, 1, text, bold=True, merge_to=(r, width))
        r += 1
    return r + 1


def national_header(ws, width, left=("UBND TỈNH SÓC TRĂNG", "BAN CHỈ ĐẠO CÁC CTMTQG"), r=1):
    """The two-column heading of an official document: the issuing body on the left, the national motto right."""
    half = max(2, width // 2)
    put(ws, r, 1, left[0], bold=True, merge_to=(r, half))
    put(ws, r, half + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, merge_to=(r, width))
    put(ws, r + 1, 1, left[1], bold=True, merge_to=(r + 1, half))
    put(ws, r + 1, half + 1, "Độc lập - Tự do - Hạnh phúc", bold=True, merge_to=(r + 1, width))
    put(ws, r + 2, half + 1, "Sóc Trăng, ngày 15 tháng 01 năm 2024", merge_to=(r + 2, width))
    return r + 4


def signature(ws, row, width):
    put(ws, row, max(1, width - 2), "Sóc Trăng, ngày 15 tháng 01 năm 2024", merge_to=(row, width))
    put(ws, row + 1, 1, "NGƯỜI LẬP BIỂU", bold=True, merge_to=(row + 1, 2))
    put(ws, row + 1, max(3, width - 2), "TM. BAN CHỈ ĐẠO", bold=True, merge_to=(row + 1, width))
    put(ws, row + 5, 1, "Nguyễn Văn A", merge_to=(row + 5, 2))
    put(ws, row + 5, max(3, width - 2), "Huỳnh Ngọc Nhã", merge_to=(row + 5, width))
    return row + 6


def header(ws, r, spec):
    """spec: list of header rows; each a list of (col, text, rows, cols). Returns the first row under the header."""
    for i, row in enumerate(spec):
        for (col, text, rs, cs) in row:
            put(ws, r + i, col, text, bold=True, merge_to=(r + i + rs - 1, col + cs - 1))
    return r + len(spec)


class Body:
    """Rows of a table as written: sheet row, role, values. Roles 'commune' and 'line' are data."""

    def __init__(self, ws, r):
        self.ws, self.r, self.rows = ws, r, []

    def row(self, values, role, hidden=False, fmt=None, label=None):
        for c, v in enumerate(values, 1):
            if v is not None:
                put(self.ws, self.r, c, v, bold=role in ("group", "subtotal", "total"), fmt=(fmt or {}).get(c))
        if hidden:
            self.ws.row_dimensions[self.r].hidden = True
        self.rows.append({"row": self.r, "role": role, "label": label, "hidden": hidden})
        self.r += 1
        return self.r - 1

    def used(self):
        return [x["row"] for x in self.rows if x["role"] in ("commune", "line")]

    def skipped(self):
        return [{"row": x["row"], "roles": SKIP_ROLES[x["role"]]} for x in self.rows
                if x["role"] not in ("commune", "line")]


# The roles a skipped row may be given by the reading (a district group row may be called a group or a district).
SKIP_ROLES = {
    "group": ["group", "district"], "district": ["district", "group"], "subtotal": ["subtotal", "district"],
    "total": ["total"], "statistic": ["statistic"], "ward": ["ward"], "note": ["note"],
    "column-numbers": ["column-numbers"],
}


def reading_rows(body, sheet, input_id):
    return {"input": input_id, "sheet": sheet, "used": body.used(), "skipped": body.skipped(),
            "hiddenRows": sum(1 for x in body.rows if x["hidden"] and x["role"] in ("commune", "line"))}


def add(file, wb, classes, why, kind, expect, reading=None, args=None):
    BOOKS.append((file, wb))
    entry = {"file": file, "kind": kind, "classes": classes, "why": why, "expect": expect}
    if reading:
        entry["reading"] = reading
    if args:
        entry["args"] = args
    MANIFEST.append(entry)


# ---------------------------------------------------------------- expected figures

def half_up(fr, places=2):
    return float((Decimal(fr.numerator) / Decimal(fr.denominator)).quantize(Decimal(1).scaleb(-places),
                                                                            rounding=ROUND_HALF_UP))


def communes_expect(communes, sheet, criteria=19, count_only=False):
    n = len(communes)
    avg = Fraction(sum(c["count"] for c in communes), n)
    s = {"sheet": sheet, "communes": n, "averageCriteria": half_up(avg),
         "standard": sum(1 for c in communes if c["count"] == criteria)}
    if not count_only:
        s["criterionCounts"] = {str(k): sum(1 for c in communes if k in c["met"]) for k in range(1, criteria + 1)}
    return {
        "summary": s,
        "targets": {"currentAverage": s["averageCriteria"]},
        "roadmap": {"communes": n, "start": {"standard": s["standard"], "averageCriteria": s["averageCriteria"]}},
    }


def funding_expect(sheet, lines, columns=(0, 1), top_count=None):
    """lines: (label, [amounts per column in million VND as Decimal or None], level, family). The total is the sum
    of the top lines; central and local are the central and local top lines; mismatches where a top line's stated
    figure differs from its parts."""
    f_cols, c_cols, mism = [], [], []
    for i in columns:
        top = [ln for ln in lines if ln[2] == 1]
        total = sum((ln[1][i] or D(0)) for ln in top)
        central = sum((ln[1][i] or D(0)) for ln in top if ln[3] == "central")
        local = sum((ln[1][i] or D(0)) for ln in top if ln[3] == "local")
        f_cols.append({"total": money(total)})
        c_cols.append({"central": money(central), "local": money(local), "compliant": local >= central})
        # Parents against their parts.
        for k, ln in enumerate(lines):
            if ln[2] != 1:
                continue
            parts = []
            for sub in lines[k + 1:]:
                if sub[2] == 1:
                    break
                parts.append(sub)
            if parts and ln[1][i] is not None:
                s = sum((p[1][i] or D(0)) for p in parts)
                if s != ln[1][i]:
                    mism.append({"column": columns.index(i), "stated": money(ln[1][i]), "computed": money(s)})
    return {
        "funding": {"sheet": sheet, "columns": f_cols, "top": top_count or sum(1 for ln in lines if ln[2] == 1),
                    "mismatches": mism},
        "counterpart": {"sheet": sheet, "columns": c_cols},
    }


def base_lines():
    return [(lab, [D(a), D(b)], lvl, fam) for (lab, a, b, lvl, fam) in APPENDIX_III]


def allocation_expect(units, total=1000, sheet="Hệ số"):
    s = sum(Fraction(u["coefficient"]).limit_denominator() for u in units)
    exact = [Fraction(total) * Fraction(u["coefficient"]).limit_denominator() / s for u in units]
    return {"allocate": {"sheet": sheet, "total": total, "units": [u["name"] for u in units],
                         "coefficients": [u["coefficient"] for u in units], "exact": [float(x) for x in exact]}}


# ---------------------------------------------------------------- funding sheets (appendix III)

UNIT_SCALE = {"triệu đồng": D(1), "tỷ đồng": D("0.001"), "nghìn đồng": D(1000), "đồng": D(1000000)}


def as_unit(v, unit):
    """A million-VND amount written in `unit`: an int where it is whole, else a float (tỷ đồng: 3 decimals)."""
    x = v * UNIT_SCALE[unit]
    return int(x) if x == x.to_integral_value() else float(x)


def funding_book(file, classes, why, *, lines=None, units=("triệu đồng", "triệu đồng"), sheet_unit="triệu đồng",
                 unit_where="right", col_headers=None, extra=(), hidden_cols=(), hidden_rows=(), total="top",
                 nat_header=False, ending=None, fmt=None, cell_override=None, expect_override=None, sheet="Phụ lục III",
                 two_row=False, title=None, total_formula=False, colnum=False, keep_columns=(0, 1)):
    """An appendix III sheet. lines: million-VND figures; units: each amount column's unit as written; sheet_unit:
    the 'Đơn vị tính' line (None: none); col_headers: the two amount headers; extra: (header, fn(line) → value,
    hidden) columns after the amounts (or ('@k', …) to insert after amount column k); cell_override: {(line_index,
    col_index): value} typed instead of the figure."""
    lines = lines or base_lines()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    col_headers = col_headers or ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"]
    # Extra columns as (position after amount column k or None, header, fn(line) → value, hidden).
    extra = [(int(e[0][1:]), e[1], e[2], e[3] if len(e) > 3 else False) if isinstance(e[0], str) and e[0].startswith("@")
             else (None, e[0], e[1], e[2] if len(e) > 2 else False) for e in extra]
    # Column layout: STT, label, then amount columns and extras in order.
    cols = [("stt", None), ("label", None)]
    for i in range(len(col_headers)):
        cols.append(("amount", i))
        for e in extra:
            if e[0] == i:
                cols.append(("extra", e))
    for e in extra:
        if e[0] is None:
            cols.append(("extra", e))
    width = len(cols)
    r = 1
    if nat_header:
        r = national_header(ws, width)
    r = title_lines(ws, title or ["Phụ lục III", "KẾT QUẢ HUY ĐỘNG NGUỒN LỰC THỰC HIỆN", "CHƯƠNG TRÌNH NĂM 2023"],
                    width, r) - 1
    if sheet_unit:
        put(ws, r, width if unit_where == "right" else 1, sheet_unit)
    r += 1
    head_top = r
    if two_row:
        spec = [[(1, "STT", 2, 1), (2, "Nội dung chỉ tiêu", 2, 1)], []]
    else:
        spec = [[(1, "STT", 1, 1), (2, "Nội dung chỉ tiêu", 1, 1)]]
    for c, (kind, x) in enumerate(cols, 1):
        if kind == "amount":
            h = col_headers[x]
        elif kind == "extra":
            h = x[1]
        else:
            continue
        if isinstance(h, tuple):  # (top caption spanning n columns, sub header)
            top, sub, span = h
            if top:
                spec[0].append((c, top, 1, span))
            spec[1].append((c, sub, 1, 1))
        elif two_row:
            spec[0].append((c, h, 2, 1))
        else:
            spec[0].append((c, h, 1, 1))
    r = header(ws, r, spec)
    body = Body(ws, r)
    if colnum:
        body.row([f"({c})" for c in range(1, width + 1)], "column-numbers")
    amount_cols = [c for c, (k, x) in enumerate(cols, 1) if k == "amount"]

    def amount_values(ln, li):
        out = []
        for c, (kind, x) in enumerate(cols, 1):
            if kind == "stt" or kind == "label":
                out.append(None)
            elif kind == "amount":
                v = ln[1][x]
                if cell_override and (li, x) in cell_override:
                    out.append(cell_override[(li, x)])
                else:
                    out.append(None if v is None else as_unit(v, units[x]))
            else:
                out.append(x[2](ln))
        return out

    def total_row():
        vals = [None, "TỔNG SỐ"]
        for c, (kind, x) in enumerate(cols[2:], 3):
            if kind == "amount":
                t = sum((ln[1][x] or D(0)) for ln in lines if ln[2] == 1)
                vals.append(as_unit(t, units[x]))
            else:
                vals.append(None)
        return vals

    total_at = None
    if total == "top":
        total_at = body.row(total_row(), "total")
    sub = 0
    roman = 0
    line_rows = []
    for li, ln in enumerate(lines):
        vals = amount_values(ln, li)
        if ln[2] == 1:
            vals[0] = ROMAN[roman]
            roman += 1
            sub = 0
        else:
            sub += 1
            vals[0] = str(sub)
        vals[1] = ln[0]
        line_rows.append(body.row(vals, "line", hidden=li in hidden_rows, fmt=fmt))
    if total == "bottom":
        total_at = body.row([None, "Tổng cộng"] + total_row()[2:], "total")
    if total_formula and total_at:
        top_rows = [line_rows[i] for i, ln in enumerate(lines) if ln[2] == 1]
        for c in amount_cols:
            L_ = get_column_letter(c)
            ws.cell(row=total_at, column=c, value="=" + "+".join(f"{L_}{x}" for x in top_rows))
    for c, (kind, x) in enumerate(cols, 1):
        if (kind == "amount" and x in hidden_cols) or (kind == "extra" and x[3]):
            ws.column_dimensions[get_column_letter(c)].hidden = True
    if ending == "signature":
        signature(ws, body.r + 1, width)
    elif ending == "footnote":
        put(ws, body.r + 1, 1, "Ghi chú: Số liệu năm 2023 là số ước thực hiện đến 31/12/2023.", merge_to=(body.r + 1, width))
    expect = expect_override or funding_expect(sheet, lines, columns=keep_columns)
    if cell_override:
        # Text where an amount belongs: refused naming the cell, or read with a warning naming it and the right figures.
        (li, ci), = cell_override.keys()
        cell = a1(line_rows[li], amount_cols[ci])
        for cmd in ("funding", "counterpart"):
            # Read with the right figures instead: a warning must name the cell where the job uses that line's family.
            warn = cmd == "funding" or lines[li][3] in ("central", "local")
            expect[cmd] = {"refuse": {"sheet": sheet, "cell": cell}, "orFigures": expect[cmd], "warn": warn}
    add(file, wb, classes, why, "funding", expect, reading=reading_rows(body, sheet, "funding"))
    return ws, body, line_rows, amount_cols


def funding_files():
    # 1. Units
    funding_book("u-nghin-dong.xlsx", [1], "'Đơn vị tính: nghìn đồng': every amount ×1000; the report must not call them triệu đồng",
                 units=("nghìn đồng", "nghìn đồng"), sheet_unit="Đơn vị tính: nghìn đồng")
    funding_book("u-dong.xlsx", [1], "'ĐVT: đồng': amounts in đồng (×1.000.000), formatted #,##0",
                 units=("đồng", "đồng"), sheet_unit="ĐVT: đồng", fmt={3: "#,##0", 4: "#,##0"})
    funding_book("u-ty-dong-report.xlsx", [1], "'ĐVT: tỷ đồng', three decimals: funding converts, the report's words must carry the same unit",
                 units=("tỷ đồng", "tỷ đồng"), sheet_unit="ĐVT: tỷ đồng", fmt={3: "#,##0.000", 4: "#,##0.000"})
    funding_book("u-mixed-columns.xlsx", [1], "'Năm 2023 (triệu đồng)' beside 'Kế hoạch 2024 (tỷ đồng)', no unit line: each column its own unit",
                 units=("triệu đồng", "tỷ đồng"), sheet_unit=None,
                 col_headers=["Năm 2023 (triệu đồng)", "Kế hoạch 2024 (tỷ đồng)"])
    funding_book("u-column-unit-beats-sheet.xlsx", [1], "'Đơn vị tính: triệu đồng' on the sheet, but the plan column says '(tỷ đồng)': the column's own unit wins",
                 units=("triệu đồng", "tỷ đồng"), sheet_unit="Đơn vị tính: triệu đồng",
                 col_headers=["Kết quả huy động năm 2023", "Kế hoạch năm 2024 (tỷ đồng)"])
    funding_book("u-unit-in-headers-only.xlsx", [1], "no unit line; both amount headers end '(tỷ đồng)'",
                 units=("tỷ đồng", "tỷ đồng"), sheet_unit=None,
                 col_headers=["Kết quả huy động năm 2023 (tỷ đồng)", "Kế hoạch năm 2024 (tỷ đồng)"])
    funding_book("u-unit-in-title.xlsx", [1], "the unit in the title line: 'KẾT QUẢ HUY ĐỘNG NGUỒN LỰC NĂM 2023 (Đơn vị: nghìn đồng)'",
                 units=("nghìn đồng", "nghìn đồng"), sheet_unit=None,
                 title=["Phụ lục III", "KẾT QUẢ HUY ĐỘNG NGUỒN LỰC NĂM 2023 (Đơn vị: nghìn đồng)"])
    funding_book("u-unit-row-under-header.xlsx", [1, "merged header"], "a second header row under each amount column: 'Tỷ đồng'",
                 units=("tỷ đồng", "tỷ đồng"), sheet_unit=None, two_row=True,
                 col_headers=[("Kết quả huy động năm 2023", "Tỷ đồng", 1), ("Kế hoạch năm 2024", "Tỷ đồng", 1)])
    # 2. Hidden columns and rows
    draft = ("@0", "Kế hoạch năm 2024 (dự thảo lần 1)", lambda ln: int(ln[1][1] * D("0.9")), True)
    funding_book("h-hidden-draft-plan-column.xlsx", [2], "a hidden column 'Kế hoạch năm 2024 (dự thảo lần 1)' between the two visible amount columns",
                 extra=(draft,))
    last = ("Kết quả năm 2022", lambda ln: int(ln[1][0] * D("0.8")), True)
    funding_book("h-hidden-last-year-column.xlsx", [2], "a hidden 'Kết quả năm 2022' column after the visible ones",
                 extra=(last,), ending="signature")
    funding_book("h-hidden-funding-rows.xlsx", [2], "the sub-lines 'Tiền mặt' and 'Ngày công' hidden (grouped away): still data, the people's total still checks",
                 hidden_rows=(10, 11))
    # 4. Comparison columns
    tg = ("Tăng (+), giảm (-) so với năm 2023", lambda ln: ln[1][1] - ln[1][0] if ln[1][0] is not None else None)
    funding_book("c-tang-giam.xlsx", [4], "'Tăng (+), giảm (-) so với năm 2023': a difference (negative for the central budget), not a year",
                 extra=((tg[0], lambda ln: int(ln[1][1] - ln[1][0])),))
    funding_book("c-so-sanh.xlsx", [4], "'So sánh' (%): plan over actual", extra=(("So sánh", lambda ln: float(round(ln[1][1] / ln[1][0] * 100, 2))),))
    funding_book("c-chenh-lech.xlsx", [4], "'Chênh lệch' column of plan minus actual", extra=(("Chênh lệch", lambda ln: int(ln[1][1] - ln[1][0])),),
                 ending="footnote")
    funding_book("c-ty-le-pct.xlsx", [4], "'Tỷ lệ %' column: share of the year's total", extra=(("Tỷ lệ %", lambda ln: float(round(ln[1][0] / 3602312 * 100, 2))),))
    funding_book("c-so-sanh-two-row.xlsx", [4, "merged header"], "'So sánh KH 2024/TH 2023' merged over 'Tăng (+), giảm (-)' and 'Tỷ lệ (%)'",
                 two_row=True, extra=((("So sánh KH 2024/TH 2023", "Tăng (+), giảm (-)", 2), lambda ln: int(ln[1][1] - ln[1][0])),
                                      ((None, "Tỷ lệ (%)", 1), lambda ln: float(round(ln[1][1] / ln[1][0] * 100, 1)))))
    # 6. Negative lines
    lines = base_lines()
    lines[1] = (lines[1][0], [lines[1][1][0], lines[1][1][1] + 540], 2, "central")
    lines.insert(3, ("Thu hồi, điều chỉnh giảm", [None, D(-540)], 2, "central"))
    funding_book("neg-thu-hoi-subline.xlsx", [6], "a sub-line 'Thu hồi, điều chỉnh giảm' of −540 under the central budget; parts still add up",
                 lines=lines)
    lines = base_lines()
    lines.insert(10, ("Thu hồi, điều chỉnh giảm", [D(-613), D(-540)], 1, "other"))
    e = funding_expect("Phụ lục III", lines)
    funding_book("neg-thu-hoi-top-line.xlsx", [6], "a top line 'Thu hồi, điều chỉnh giảm' of (613) and −540 (number format #,##0;(#,##0)): the total is net of it",
                 lines=lines, fmt={3: "#,##0;(#,##0)", 4: "#,##0;(#,##0)"}, expect_override=e)
    lines = base_lines()
    lines.insert(9, ("Doanh nghiệp đóng góp", [D(328664 + 613), D(345097)], 2, "enterprises"))
    lines.insert(10, ("Thu hồi, điều chỉnh giảm", [D(-613), None], 2, "enterprises"))
    funding_book("neg-paren-text.xlsx", [6, 8], "'(613)' typed as text in a sub-line (accounting negative): read as −613 with a warning, or refused at its cell",
                 lines=lines, cell_override={(10, 0): "(613)"})
    # 7. Formulas with empty-text results
    ws, body, rows, acols = funding_book(
        "f-if-empty-and-sums.xlsx", [7], "the total is a formula, a 'Tỷ lệ' column is =IF(C=0;\"\";D/C*100) (empty text where no actual), re-saved by LibreOffice with results",
        extra=(("Tỷ lệ KH/TH (%)", lambda ln: None),), total_formula=True)
    for rr in rows:
        ws.cell(row=rr, column=5, value=f'=IF(C{rr}=0,"",ROUND(D{rr}/C{rr}*100,2))')
    lines = base_lines()
    lines.insert(12, ("Vốn khác", [None, None], 2, "people"))
    ws, body, rows, acols = funding_book(
        "f-if-empty-amount.xlsx", [7], "a sub-line 'Vốn khác' whose amounts are =IF(…;\"\";…) with empty text results: blank, not a refusal",
        lines=lines)
    ws.cell(row=rows[12], column=3, value='=IF(1>0,"",0)')
    ws.cell(row=rows[12], column=4, value='=IF(1>0,"",0)')
    # 8. Text in a money column
    funding_book("t-text-5pct-subline.xlsx", [8], "'5%' typed in the 2024 'Sự nghiệp' sub-line: its parent states the figure; never a silently missing column",
                 cell_override={(2, 1): "5%"})
    funding_book("t-text-chua-co-top.xlsx", [8], "'chưa có' in the 2024 enterprises line: refused at the cell (the total is unknown), never a column gone",
                 cell_override={(8, 1): "chưa có"})
    funding_book("t-text-abc-local.xlsx", [8], "'abc' in the 2023 'Tỉnh' line: refused at the cell or read with a warning naming it; the counterpart never called compliant without it",
                 cell_override={(4, 0): "abc"})
    # Beyond: official heading, signature, bottom total, colnums, combinations
    funding_book("b-nv-national-header.xlsx", ["title block"], "the official two-column heading (UBND TỈNH … / CỘNG HÒA …) above the title, signature under the table",
                 nat_header=True, ending="signature")
    funding_book("b-nv-bottom-total-colnum-nghin.xlsx", [1, "column numbers"], "nghìn đồng, column numbers (1)…(4), the total at the bottom",
                 units=("nghìn đồng", "nghìn đồng"), sheet_unit="ĐVT: nghìn đồng", total="bottom", colnum=True)
    funding_book("b-nv-ty-hidden-compare.xlsx", [1, 2, 4], "tỷ đồng, a 'So sánh (%)' column and a hidden draft column: two amounts in tỷ đồng",
                 units=("tỷ đồng", "tỷ đồng"), sheet_unit="ĐVT: tỷ đồng",
                 extra=(("@0", "Kế hoạch 2024 (dự thảo)", lambda ln: float(ln[1][1] * D("0.0009")), True),
                        ("So sánh (%)", lambda ln: float(round(ln[1][1] / ln[1][0] * 100, 2)))))


# ---------------------------------------------------------------- communes sheets

def commune(name, district, met, code=None, group=None):
    return {"name": name, "district": district, "met": sorted(met), "count": len(met), "plan": [], "code": code,
            "group": group}


def list_cols(c):
    return [c["name"], c["district"], c["count"], ",".join(map(str, c["met"]))]


WARDS = [commune("Phường 1", "Sóc Trăng", range(1, 20)), commune("Thị trấn Kế Sách", "Kế Sách", range(1, 19)),
         commune("Thị trấn Long Phú", "Long Phú", range(1, 18))]


def list_book(file, classes, why, communes, *, wards=(), hidden_cols=(), hidden_rows=(), stale_col=None, groups=False,
              subtotals=False, stats=False, nat_header=False, ending=None, sheet="Phụ lục II", if_empty=False,
              autofilter=False, plan_cols=False):
    """Appendix II as a list: TT, Tên xã, Huyện, Số tiêu chí đạt, Tên tiêu chí đạt (+ plan columns). wards: inserted
    among the communes (set aside). stale_col: ('before'|'after', header, fn) a hidden older count column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    heads = ["TT", "Tên xã", "Tên huyện, thị xã", "Số tiêu chí đạt", "Tên tiêu chí đạt"]
    fns = [None, lambda c: c["name"], lambda c: c["district"], lambda c: c["count"], lambda c: ",".join(map(str, c["met"]))]
    if stale_col:
        pos = 3 if stale_col[0] == "before" else 5
        heads.insert(pos, stale_col[1])
        fns.insert(pos, stale_col[2])
    if plan_cols:
        heads += ["Số TC phấn đấu 2024", "Lũy kế"]
        cc = heads.index("Số tiêu chí đạt") + 1
        fns += [lambda c: None, lambda c: None]
    width = len(heads)
    r = 1
    if nat_header:
        r = national_header(ws, width)
    r = title_lines(ws, ["Phụ lục II", "CHI TIẾT KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ NÔNG THÔN MỚI",
                         "ĐẾN 31/12/2023"], width, r)
    r = header(ws, r, [[(c, h, 1, 1) for c, h in enumerate(heads, 1)]])
    body = Body(ws, r)
    if autofilter:
        ws.auto_filter.ref = f"A{r - 1}:{get_column_letter(width)}{r - 1 + len(communes) + len(wards)}"
        if hidden_rows:
            ws.auto_filter.add_filter_column(3, ["15", "16", "17", "18"])
    tt = 0
    order = []
    for c in communes:
        if c["district"] not in order:
            order.append(c["district"])
    ward_at = {i * max(1, len(communes) // (len(wards) + 1)) + 2: w for i, w in enumerate(wards)}

    def write(c, role, i):
        nonlocal tt
        tt += 1
        vals = [tt] + [f(c) for f in fns[1:]]
        rr = body.row(vals, role, hidden=i in hidden_rows)
        if plan_cols:
            cnt = heads.index("Số tiêu chí đạt") + 1
            L_ = get_column_letter(cnt)
            # Số TC phấn đấu: empty text for a commune at the standard; Lũy kế: empty text where nothing planned.
            ws.cell(row=rr, column=width - 1, value=f'=IF({L_}{rr}=19,"",19-{L_}{rr})')
            ws.cell(row=rr, column=width, value=f'=IF({get_column_letter(width - 1)}{rr}="","",{L_}{rr}+{get_column_letter(width - 1)}{rr})')

    i = 0
    for gi, d in enumerate(order if groups else [None]):
        members = [c for c in communes if groups is False or c["district"] == d]
        if groups:
            body.row([ROMAN[gi], f"Huyện {d}"], "group")
        for c in members:
            if i in ward_at:
                write(ward_at[i], "ward", -1)
            write(c, "commune", i)
            i += 1
        if subtotals:
            vals = [None, f"Cộng huyện {d}"] + [None] * (width - 2)
            vals[heads.index("Số tiêu chí đạt")] = sum(m["count"] for m in members)
            body.row(vals, "subtotal")
    if stats:
        cnt = heads.index("Số tiêu chí đạt")
        vals = [None, "Tổng số xã"] + [None] * (width - 2)
        vals[cnt] = len(communes)
        body.row(vals, "statistic")
    for (where, h, f) in [stale_col] if stale_col else []:
        ws.column_dimensions[get_column_letter(heads.index(h) + 1)].hidden = True
    for col in hidden_cols:
        ws.column_dimensions[col].hidden = True
    if ending == "signature":
        signature(ws, body.r + 1, width)
    elif ending == "footnote":
        put(ws, body.r + 1, 1, "Ghi chú: Thị trấn, phường không thuộc đối tượng xét công nhận xã nông thôn mới.",
            merge_to=(body.r + 1, width))
    e = communes_expect(communes, sheet)
    add(file, wb, classes, why, "communes", e, reading=reading_rows(body, sheet, "communes"))
    return ws, body


def marks_book(file, classes, why, communes, *, criteria=19, numbers="int", caption="Kết quả thực hiện các tiêu chí",
               mark="x", district_rows=None, stats=None, wards=(), count_col=True, wrong_count=None, groups=False,
               if_marks=False, count_formula=False, hidden_rows=(), hidden_count=None, sheet="Bộ tiêu chí",
               code_col=False, group_col=False, title=None, args=None, ending=None, nat_header=False, autofilter=False,
               extra_expect=None):
    """One mark column per criterion under a merged caption, the criterion numbers 1…n as the second header row.
    district_rows: 'above' (a district row with the district's per-criterion counts above its communes) or
    'subtotal' (under them); stats: statistic rows under the table ('Số xã đạt', 'Tỷ lệ (%)')."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    fixed = ["STT", "Tên xã"] + (["Mã xã"] if code_col else []) + (["Huyện"] if not code_col else []) + (
        ["Nhóm xã"] if group_col else [])
    first = len(fixed) + 1
    width = len(fixed) + criteria + (1 if count_col else 0) + (1 if hidden_count else 0)
    r = 1
    if nat_header:
        r = national_header(ws, width)
    r = title_lines(ws, title or ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI", "(Đến 31/12/2023)"],
                    width, r)
    spec = [[(c, h, 2, 1) for c, h in enumerate(fixed, 1)] + [(first, caption, 1, criteria)], []]
    for k in range(1, criteria + 1):
        spec[1].append((first + k - 1, k if numbers == "int" else (str(k) if numbers == "str" else f"TC{k}"), 1, 1))
    count_at = first + criteria if count_col else None
    if hidden_count:
        spec[0].append((first + criteria, hidden_count, 2, 1))
        if count_col:
            count_at = first + criteria + 1
    if count_col:
        spec[0].append((count_at, "Số tiêu chí đạt", 2, 1))
    r = header(ws, r, spec)
    body = Body(ws, r)
    if autofilter:
        ws.auto_filter.ref = f"A{r - 1}:{get_column_letter(width)}{r - 1 + len(communes)}"
    met_v, unmet_v = {"x": ("x", None), "dat": ("Đạt", "Không đạt"), "one": (1, 0)}[mark]
    tt = 0

    def write(c, role="commune", i=0):
        nonlocal tt
        tt += 1
        vals = [tt, c["name"]] + ([c["code"]] if code_col else []) + ([c["district"]] if not code_col else []) + (
            [c["group"]] if group_col else [])
        for k in range(1, criteria + 1):
            if if_marks:
                vals.append(f'=IF({1 if k in c["met"] else 0}=1,"x","")')
            else:
                vals.append(met_v if k in c["met"] else unmet_v)
        if hidden_count:
            vals.append(max(0, c["count"] - 2))
        if count_col:
            cnt = c["count"]
            if wrong_count and c["name"] == wrong_count[0]:
                cnt = wrong_count[1]
            if count_formula:
                lo, hi = get_column_letter(first), get_column_letter(first + criteria - 1)
                cnt = f'=COUNTIF({lo}{body.r}:{hi}{body.r},"x")'
            vals.append(cnt)
        return body.row(vals, role, hidden=i in hidden_rows)

    def district_row(d, members, label, role):
        vals = [None, label] + [None] * (len(fixed) - 2)
        for k in range(1, criteria + 1):
            vals.append(sum(1 for m in members if k in m["met"]))
        if hidden_count:
            vals.append(None)
        if count_col:
            vals.append(sum(m["count"] for m in members))
        body.row(vals, role)

    order = []
    for c in communes:
        if c["district"] not in order:
            order.append(c["district"])
    ward_at = {2 + 3 * i: w for i, w in enumerate(wards)}
    i = 0
    wrong_cell = None
    for gi, d in enumerate(order if (district_rows or groups) else [None]):
        members = [c for c in communes if d is None or c["district"] == d]
        if district_rows == "above":
            district_row(d, members, f"Huyện {d}", "district")
        elif groups:
            body.row([ROMAN[gi], f"Huyện {d}"], "group")
        for c in members:
            if i in ward_at:
                write(ward_at[i], "ward", -1)
            rr = write(c, "commune", i)
            if wrong_count and c["name"] == wrong_count[0]:
                wrong_cell = a1(rr, count_at)
            i += 1
        if district_rows == "subtotal":
            district_row(d, members, f"Cộng huyện {d}", "subtotal")
    if stats:
        vals = [None, "Số xã đạt"] + [None] * (len(fixed) - 2)
        for k in range(1, criteria + 1):
            vals.append(sum(1 for m in communes if k in m["met"]))
        if hidden_count:
            vals.append(None)
        if count_col:
            vals.append(sum(m["count"] for m in communes))
        body.row(vals, "statistic")
        if stats == "both":
            vals = [None, "Tỷ lệ (%)"] + [None] * (len(fixed) - 2)
            for k in range(1, criteria + 1):
                vals.append(round(sum(1 for m in communes if k in m["met"]) / len(communes) * 100, 2))
            body.row(vals, "statistic")
    if hidden_count:
        ws.column_dimensions[get_column_letter(first + criteria)].hidden = True
    if ending == "signature":
        signature(ws, body.r + 1, width)
    e = communes_expect(communes, sheet, criteria=criteria)
    if wrong_cell:
        e["summary"]["warnCell"] = wrong_cell
    if extra_expect:
        extra_expect(e)
    add(file, wb, classes, why, "communes", e, reading=reading_rows(body, sheet, "communes"), args=args)
    return ws, body


def province_80():
    allc = STANDARD_70 + COMMUNES
    by_d = {}
    for c in allc:
        by_d.setdefault(c["district"], []).append(c)
    return [c for d in by_d for c in by_d[d]]


def communes_files():
    P80 = province_80()
    # 2. Hidden columns and rows
    list_book("h-hidden-count-2022-before.xlsx", [2], "a hidden 'Số tiêu chí đạt năm 2022' column before the visible count: the visible one is read",
              COMMUNES, stale_col=("before", "Số tiêu chí đạt năm 2022", lambda c: c["count"] - 1))
    list_book("h-hidden-list-old-after.xlsx", [2], "a hidden 'Tên tiêu chí đạt (bản cũ)' column after the visible list",
              COMMUNES, stale_col=("after", "Tên tiêu chí đạt (bản cũ)", lambda c: ",".join(map(str, c["met"][:-2]))))
    list_book("h-hidden-commune-rows.xlsx", [2], "two communes' rows hidden: hidden rows are data, all 10 counted",
              COMMUNES, hidden_rows=(3, 7), ending="signature")
    list_book("h-filtered-80.xlsx", [2], "80 communes with an AutoFilter showing only those below the standard: the 70 filtered out are still data",
              P80, hidden_rows=tuple(i for i, c in enumerate(P80) if c["count"] == 19), autofilter=True)
    marks_book("h-marks-hidden-count-2022.xlsx", [2, 3], "marks 1…19 under a caption; a hidden 'Số TC đạt năm 2022' column before the count",
               COMMUNES, hidden_count="Số TC đạt năm 2022")
    # 3. Criterion numbers as a second header row
    marks_book("n-ketqua-1-19-int.xlsx", [3], "'Kết quả thực hiện các tiêu chí' merged over 19 columns numbered 1…19 (numbers), marks x",
               COMMUNES)
    marks_book("n-tieuchi-1-19-text-dat.xlsx", [3], "'Tiêu chí' merged over columns headed '1'…'19' as text, marks 'Đạt'/'Không đạt'",
               COMMUNES, numbers="str", caption="Tiêu chí", mark="dat")
    marks_book("n-count-disagrees.xlsx", [3], "marks 1…19 under a caption; Tài Văn's count says 18 but its marks say 17: the marks are read, the disagreement named",
               COMMUNES, wrong_count=("Tài Văn", 18))
    marks_book("n-no-count-column.xlsx", [3], "marks 1…19 under a caption and no count column at all", COMMUNES, count_col=False,
               ending="signature")
    marks_book("n-80-one-zero.xlsx", [3], "80 communes, marks 1/0 under 'Kết quả thực hiện các tiêu chí' numbered 1…19",
               P80, mark="one")
    # 5. Rows that are not communes
    marks_book("r-district-rows-above.xlsx", [5, 3], "district rows 'Huyện …' above their communes carry the district's per-criterion counts and count",
               COMMUNES, district_rows="above")
    marks_book("r-district-subtotals-counts.xlsx", [5, 3], "'Cộng huyện …' rows under each district with per-criterion counts",
               COMMUNES, district_rows="subtotal", numbers="tc")
    marks_book("r-stat-rows-80.xlsx", [5, 3], "80 communes, then 'Số xã đạt' (per-criterion counts, 1490 in the count column) and 'Tỷ lệ (%)' under the table",
               P80, stats="both", ending="signature")
    marks_book("r-stat-row-so-xa-dat.xlsx", [5], "10 communes with TC1…TC19 headers and a 'Số xã đạt' row under them",
               COMMUNES, stats="one", numbers="tc", caption="Tiêu chí")
    list_book("r-wards-among-communes.xlsx", [5], "'Phường 1', 'Thị trấn Kế Sách', 'Thị trấn Long Phú' listed among the communes: set aside, not refused",
              COMMUNES, wards=WARDS, ending="footnote")
    marks_book("r-wards-marks.xlsx", [5, 3], "wards and towns among the communes of a marks sheet", COMMUNES, wards=WARDS)
    list_book("r-groups-subtotals-stats.xlsx", [5], "district group rows, 'Cộng huyện' subtotals and a 'Tổng số xã' statistic row",
              COMMUNES, groups=True, subtotals=True, stats=True, ending="signature")
    # 7. Formulas whose saved result is empty text
    list_book("f-if-empty-plan-cols.xlsx", [7], "80 communes with 'Số TC phấn đấu' =IF(D=19;\"\";19-D) and 'Lũy kế' formulas: empty text for the 70 at the standard",
              P80, plan_cols=True)
    marks_book("f-if-marks.xlsx", [7, 3], "every mark is =IF(…;\"x\";\"\"): the unmet ones are empty text", COMMUNES, if_marks=True)
    marks_book("f-countif-count.xlsx", [7, 3], "the count column is =COUNTIF(row;\"x\"), results saved by LibreOffice", COMMUNES,
               count_formula=True, numbers="tc", caption="Tiêu chí")
    # Beyond
    list_book("b-ds-national-header.xlsx", ["title block"], "the official two-column heading above appendix II, signature under it",
              COMMUNES, nat_header=True, ending="signature")
    list_book("b-ds-groups-wards-hidden.xlsx", [2, 5], "district groups, a ward among them, a hidden commune row and subtotals",
              COMMUNES, groups=True, subtotals=True, wards=WARDS[1:2], hidden_rows=(4,))
    marks_book("b-tc-groups-national-filter.xlsx", ["title block", 2], "official heading, district groups, AutoFilter with no row hidden",
               P80, groups=True, nat_header=True, autofilter=True)


# ---------------------------------------------------------------- 2026-2030: post-merger communes, Nhóm xã, 10 criteria

def communes_2026():
    """Sóc Trăng after the merger: 43 units of which some wards and a special zone; the communes get made-up 5-digit
    codes and groups, and met criteria spread deterministically (10 criteria)."""
    out = []
    for i in range(30):
        met = [k for k in range(1, 11) if (i * 3 + k * 7) % 11 < 9 or i % 4 == 0]
        out.append(commune(f"Xã {['An', 'Phú', 'Long', 'Mỹ', 'Tân', 'Hòa'][i % 6]} {i + 1:02d}", "", met,
                           code=f"{31000 + i * 7}", group=1 + (i % 3)))
    return out


def files_2026():
    c26 = communes_2026()
    args = {k: ["--year", "2027"] for k in ("summary", "targets", "roadmap", "report")}
    args["roadmap"] = ["--from", "2027", "--to", "2028", "--year", "2027"]
    t = ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2026-2030", "(Đến 31/12/2026)"]
    marks_book("p26-nhom-xa-1-10.xlsx", [3, "2026-2030"], "2026-2030: Mã xã, Nhóm xã, 'Kết quả thực hiện các tiêu chí' over 10 columns numbered 1…10",
               c26, criteria=10, code_col=True, group_col=True, title=t, sheet="Xã 2026", args=args)
    wards26 = [commune("Phường Sóc Trăng", "", range(1, 11), code="31999", group=1),
               commune("Đặc khu Cù Lao Dung", "", range(1, 9), code="31998", group=3)]
    marks_book("p26-wards-dac-khu.xlsx", [5, 3, "2026-2030"], "2026-2030 with a ward and a special zone (Đặc khu) among the communes: set aside",
               c26, criteria=10, code_col=True, group_col=True, title=t, sheet="Xã 2026", wards=wards26, args=args)
    marks_book("p26-stats-dat.xlsx", [5, 3, "2026-2030"], "2026-2030, marks 'Đạt'/'Không đạt', 'Số xã đạt' and 'Tỷ lệ (%)' rows under the table",
               c26, criteria=10, code_col=True, group_col=True, title=t, sheet="Xã 2026", mark="dat", stats="both",
               args=args, ending="signature")


# ---------------------------------------------------------------- allocation coefficients

def coefficient_units():
    return [{"name": f"Xã {c['name']}", "district": c["district"], "count": c["count"],
             "coefficient": 3.0 if c["count"] < 19 else 1.0} for c in COMMUNES]


def coef_book(file, classes, why, *, hidden_old=False, wards=False, text_cell=None, if_empty_row=False, pct_col=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hệ số"
    units = coefficient_units()
    heads = ["TT", "Đơn vị", "Số tiêu chí đạt"] + (["Hệ số năm 2023"] if hidden_old else []) + ["Hệ số"] + (
        ["Tỷ lệ (%)"] if pct_col else [])
    width = len(heads)
    r = title_lines(ws, ["BẢNG HỆ SỐ PHÂN BỔ VỐN NĂM 2024", "(Theo Quyết định số 07/2022/QĐ-TTg)"], width)
    r = header(ws, r, [[(c, h, 1, 1) for c, h in enumerate(heads, 1)]])
    body = Body(ws, r)
    total = sum(u["coefficient"] for u in units)
    refuse = None
    for i, u in enumerate(units):
        if wards and i == 3:
            body.row([None, "Thị trấn Kế Sách", 18] + ([2.0] if hidden_old else []) + [1.0], "ward")
        vals = [i + 1, u["name"], u["count"]] + ([5.0] if hidden_old else []) + [u["coefficient"]] + (
            [round(u["coefficient"] / total * 100, 2)] if pct_col else [])
        if text_cell is not None and i == 4:
            vals[heads.index("Hệ số")] = text_cell
            refuse = a1(body.r, heads.index("Hệ số") + 1)
        rr = body.row(vals, "commune")
        if if_empty_row:
            ws.cell(row=rr, column=heads.index("Hệ số") + 1, value=f'=IF(C{rr}="","",IF(C{rr}<19,3,1))')
    if if_empty_row:
        # The coefficient formula dragged one row past the data: empty text on an otherwise empty row.
        ws.cell(row=body.r, column=heads.index("Hệ số") + 1, value=f'=IF(C{body.r}="","",IF(C{body.r}<19,3,1))')
        body.r += 1
    body.row([None, "Tổng cộng", None] + ([None] if hidden_old else []) + [total], "total")
    if hidden_old:
        ws.column_dimensions["D"].hidden = True
    e = allocation_expect(units)
    if refuse:
        e = {"allocate": {"refuse": {"sheet": "Hệ số", "cell": refuse}}}
    add(file, wb, classes, why, "coefficients", e, reading=None if refuse else reading_rows(body, "Hệ số", "coefficients"))


def coefficient_files():
    coef_book("hs-hidden-old-coefficient.xlsx", [2], "a hidden 'Hệ số năm 2023' column (all 5,0) before the visible 'Hệ số'", hidden_old=True)
    coef_book("hs-ward-row.xlsx", [5], "'Thị trấn Kế Sách' among the communes, with no coefficient: set aside", wards=True)
    coef_book("hs-text-coefficient.xlsx", [8], "'chưa có' typed as one commune's coefficient: refused naming the cell", text_cell="chưa có")
    coef_book("hs-if-empty-row-pct.xlsx", [7, 4], "coefficients are =IF(C=\"\";\"\";…) formulas dragged one row past the data (empty text there), and a 'Tỷ lệ (%)' column",
              if_empty_row=True, pct_col=True)


# ---------------------------------------------------------------- report workbooks: communes and funding together

def report_files():
    # Written by the helpers into one workbook: the communes list and the funding sheet in tỷ đồng.
    global BOOKS, MANIFEST
    saved_b, saved_m = BOOKS, MANIFEST
    BOOKS, MANIFEST = [], []
    list_book("_a.xlsx", [], "", COMMUNES, wards=WARDS[:1], ending="signature")
    funding_book("_b.xlsx", [], "", units=("tỷ đồng", "tỷ đồng"), sheet_unit="ĐVT: tỷ đồng",
                 extra=(("Tăng (+), giảm (-) so với năm 2023", lambda ln: float((ln[1][1] - ln[1][0]) / 1000)),))
    (_, wa), (_, wf) = BOOKS
    ea, ef = MANIFEST
    BOOKS, MANIFEST = saved_b, saved_m
    wb = wa
    ws3 = wb.create_sheet("Phụ lục III")
    copy_sheet(wf.active, ws3)
    e = dict(ea["expect"])
    e.update(ef["expect"])
    add("rp-ward-ty-dong-compare.xlsx", wb, [1, 4, 5], "report workbook: appendix II with a ward among the communes, appendix III in tỷ đồng with a 'Tăng (+), giảm (-)' column",
        "report", e, reading=ea["reading"])


def copy_sheet(src, dst):
    for row in src.iter_rows():
        for c in row:
            if c.value is not None:
                d = dst.cell(row=c.row, column=c.column, value=c.value)
                d.number_format = c.number_format
    for m in src.merged_cells.ranges:
        dst.merge_cells(str(m))
    for k, v in src.column_dimensions.items():
        dst.column_dimensions[k].hidden = v.hidden
    for k, v in src.row_dimensions.items():
        dst.row_dimensions[k].hidden = v.hidden


# ---------------------------------------------------------------- writing and re-saving

def main():
    out = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "test", "fixtures", "office")
    funding_files()
    communes_files()
    files_2026()
    coefficient_files()
    report_files()
    names = [f for f, _ in BOOKS]
    assert len(set(names)) == len(names), "duplicate file names"
    with tempfile.TemporaryDirectory(prefix="ntm-office-corpus-") as tmp:
        stage = os.path.join(tmp, "openpyxl")
        saved = os.path.join(tmp, "libreoffice")
        os.makedirs(stage)
        os.makedirs(saved)
        for f, wb in BOOKS:
            wb.save(os.path.join(stage, f))
        # One LibreOffice call for every file; its own profile so that a running LibreOffice is not disturbed.
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--calc", "--convert-to", "xlsx",
               "--outdir", saved] + [os.path.join(stage, f) for f in names]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        missing = [f for f in names if not os.path.exists(os.path.join(saved, f))]
        assert not missing, f"LibreOffice did not re-save {missing}"
        if os.path.isdir(out):
            for old in glob.glob(os.path.join(out, "*")):
                os.remove(old)
        os.makedirs(out, exist_ok=True)
        for f in names:
            shutil.copyfile(os.path.join(saved, f), os.path.join(out, f))
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(MANIFEST, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"{len(MANIFEST)} files in {out}")


if __name__ == "__main__":
    main()
