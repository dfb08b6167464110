#!/usr/bin/python3
"""Builds test/fixtures/hidden/: workbooks with hidden columns, filtered-out rows and formulas whose saved result is
empty text (issue #21, classes 2 and 7), with the figures each must give in manifest.json.

Each file is written with openpyxl, then opened and saved again by LibreOffice Calc, which calculates the formulas
and saves them as Excel does (an empty text result is `<c t="str"><f>…</f><v></v></c>`). One file is kept as
openpyxl wrote it (formulas without saved results), one has its empty results rewritten without a <v> at all.

    /usr/bin/python3 scripts/build-hidden-fixtures.py

Needs python3-openpyxl and soffice (libreoffice-calc-nogui). The generated files are committed: the tests need
neither.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "hidden")

# name, district, criteria met at the end of 2025 (visible), at the end of 2024 (the hidden column)
COMMUNES = [
    ("Thanh Thới An", "Trần Đề", 16, 14),
    ("Tài Văn", "Trần Đề", 17, 15),
    ("Xuân Hòa", "Kế Sách", 19, 15),
    ("Thới An Hội", "Kế Sách", 15, 12),
    ("Phong Nẫm", "Kế Sách", 19, 19),
    ("Mỹ Phước", "Mỹ Tú", 18, 16),
]

# Funding lines (million VND): label, 2023 actual, 2024 plan as adopted, 2024 plan's first draft (hidden)
FUNDING = [
    ("I", "NGÂN SÁCH TRUNG ƯƠNG", 223534, 200334, 150000),
    ("II", "NGÂN SÁCH ĐỊA PHƯƠNG", 54351, 210713, 120000),
    ("III", "VỐN LỒNG GHÉP", 1379545, 1517500, 900000),
]


def summary_of(counts):
    return {
        "communes": len(counts),
        "averageCriteria": round(sum(counts) / len(counts) + 1e-9, 2),
        "standard": sum(1 for c in counts if c == 19),
    }


def title(ws, text, width):
    ws.append([text] + [None] * (width - 1))
    ws.append([None] * width)


def communes_sheet(wb, name="Tình hình xã"):
    ws = wb.active
    ws.title = name
    return ws


def last_year_count(path):
    """Last year's count kept in a hidden column left of this year's, both headed the same."""
    wb = openpyxl.Workbook()
    ws = communes_sheet(wb)
    title(ws, "KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ", 5)
    ws.append(["STT", "Tên xã", "Huyện", "Số tiêu chí đạt", "Số tiêu chí đạt"])
    for i, (n, d, now, before) in enumerate(COMMUNES, 1):
        ws.append([i, n, d, before, now])
    ws.column_dimensions["D"].hidden = True
    wb.save(path)
    return {
        "summary": {"sheet": ws.title, **summary_of([c[2] for c in COMMUNES])},
        "hiddenColumns": [{"col": "D", "used": False}],
    }


def last_year_outline(path):
    """Last year's count in a collapsed outline group, headed with its year, right of this year's."""
    wb = openpyxl.Workbook()
    ws = communes_sheet(wb)
    title(ws, "KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ", 5)
    ws.append(["STT", "Tên xã", "Huyện", "Số tiêu chí đạt năm 2025", "Số tiêu chí đạt năm 2024"])
    for i, (n, d, now, before) in enumerate(COMMUNES, 1):
        ws.append([i, n, d, now, before])
    ws.column_dimensions.group("E", "E", hidden=True, outline_level=1)
    wb.save(path)
    return {
        "summary": {"sheet": ws.title, **summary_of([c[2] for c in COMMUNES])},
        "hiddenColumns": [{"col": "E", "used": False}],
    }


def only_count_hidden(path):
    """The only count column is hidden: it is read, with a warning naming it."""
    wb = openpyxl.Workbook()
    ws = communes_sheet(wb)
    title(ws, "KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ", 5)
    ws.append(["STT", "Tên xã", "Huyện", "Số tiêu chí đạt", "Ghi chú"])
    for i, (n, d, now, _before) in enumerate(COMMUNES, 1):
        ws.append([i, n, d, now, None])
    ws.column_dimensions["D"].hidden = True
    wb.save(path)
    return {
        "summary": {"sheet": ws.title, **summary_of([c[2] for c in COMMUNES])},
        "hiddenColumns": [{"col": "D", "used": True}],
        "warningCell": "D3",  # the hidden header cell
    }


def filtered_rows(path):
    """An autofilter showing one district: the other districts' rows are hidden in the file, and still communes."""
    wb = openpyxl.Workbook()
    ws = communes_sheet(wb)
    title(ws, "KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ", 4)
    ws.append(["STT", "Tên xã", "Huyện", "Số tiêu chí đạt"])
    hidden = 0
    for i, (n, d, now, _before) in enumerate(COMMUNES, 1):
        ws.append([i, n, d, now])
        if d != "Kế Sách":
            ws.row_dimensions[ws.max_row].hidden = True
            hidden += 1
    ws.auto_filter.ref = f"A3:D{ws.max_row}"
    ws.auto_filter.add_filter_column(2, ["Kế Sách"])
    wb.save(path)
    return {
        "summary": {"sheet": ws.title, **summary_of([c[2] for c in COMMUNES])},
        "hiddenRows": hidden,
    }


def draft_plan(path):
    """A funding report with the plan's first draft in a hidden column beside the plan as adopted."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nguồn vốn"
    title(ws, "KẾT QUẢ HUY ĐỘNG NGUỒN LỰC (ĐVT: triệu đồng)", 5)
    ws.append(["STT", "Nội dung", "Thực hiện năm 2023", "Kế hoạch năm 2024 (dự thảo lần 1)",
               "Kế hoạch năm 2024"])
    for marker, label, done, plan, draft in FUNDING:
        ws.append([marker, label, done, draft, plan])
    ws.append([None, "TỔNG CỘNG", sum(f[2] for f in FUNDING), sum(f[4] for f in FUNDING),
               sum(f[3] for f in FUNDING)])
    ws.column_dimensions["D"].hidden = True
    wb.save(path)
    return {
        "funding": {
            "sheet": ws.title,
            "totals": [sum(f[2] for f in FUNDING), sum(f[3] for f in FUNDING)],
        },
        "hiddenColumns": [{"col": "D", "used": False}],
    }


def marks_workbook(path, sheet="Tình hình xã"):
    """Criterion marks computed by =IF(…;"x";""): a criterion not met is a formula whose result is empty text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    data = wb.create_sheet("Dữ liệu")
    data.append(["Tên xã"] + [f"TC{k}" for k in range(1, 20)])
    ws.append(["STT", "Tên xã", "Huyện"] + [f"TC{k}" for k in range(1, 20)])
    for i, (n, d, now, _before) in enumerate(COMMUNES, 1):
        # The first `now` criteria are met (1 in the data sheet), the others are not (0).
        data.append([n] + [1 if k <= now else 0 for k in range(1, 20)])
        row = [i, n, d]
        for k in range(1, 20):
            ref = f"'Dữ liệu'!{openpyxl.utils.get_column_letter(k + 1)}{i + 1}"
            row.append(f'=IF({ref}=1,"x","")')
        ws.append(row)
    wb.save(path)
    per = {str(k): sum(1 for c in COMMUNES if k <= c[2]) for k in range(1, 20)}
    return {"summary": {"sheet": sheet, **summary_of([c[2] for c in COMMUNES]),
                        "criterionCounts": per}}


def resave(src, dest_dir):
    """Opens and saves the file in LibreOffice Calc (formulas calculated, saved with their results)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "xlsx", "--outdir", dest_dir, src],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )


def without_empty_values(src, dest):
    """The same package with each empty string result written with no <v> at all (`<c t="str"><f>…</f></c>`)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if re.match(r"xl/worksheets/sheet\d+\.xml$", item.filename):
                text = data.decode("utf-8")
                text, n = re.subn(r'(<c [^>]*t="str"[^>]*>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>))<v\s*/>|'
                                  r'(<c [^>]*t="str"[^>]*>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>))<v></v>',
                                  lambda m: m.group(1) or m.group(2), text)
                data = text.encode("utf-8")
            zout.writestr(item, data)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    builders = [
        ("hidden-last-year-count.xlsx", last_year_count,
         "last year's count in a hidden column left of this year's, the same header"),
        ("hidden-last-year-outline.xlsx", last_year_outline,
         "last year's count in a collapsed outline group right of this year's"),
        ("hidden-only-count.xlsx", only_count_hidden, "the only count column is hidden"),
        ("filtered-one-district.xlsx", filtered_rows,
         "an autofilter showing one district: the other rows are hidden in the file"),
        ("hidden-draft-plan.xlsx", draft_plan,
         "the plan's first draft in a hidden column beside the plan as adopted"),
        ("formula-empty-text-marks.xlsx", marks_workbook,
         "criterion marks =IF(…;\"x\";\"\") calculated and saved by LibreOffice"),
    ]
    manifest = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, build, why in builders:
            raw = os.path.join(tmp, name)
            expect = build(raw)
            resave(raw, OUT)
            manifest.append({"file": name, "why": why, "expect": expect})
        # The marks without any <v> for empty results, and as openpyxl wrote them (no results at all).
        marks = os.path.join(OUT, "formula-empty-text-marks.xlsx")
        no_v = os.path.join(OUT, "formula-empty-text-no-v.xlsx")
        without_empty_values(marks, no_v)
        manifest.append({"file": "formula-empty-text-no-v.xlsx",
                         "why": "the same marks with empty text results saved without <v>",
                         "expect": manifest[-1]["expect"]})
        shutil.copy(os.path.join(tmp, "formula-empty-text-marks.xlsx"),
                    os.path.join(OUT, "formula-no-results.xlsx"))
        manifest.append({"file": "formula-no-results.xlsx",
                         "why": "the marks as openpyxl wrote them: formulas saved without results",
                         "expect": {"summary": {"refuse": {"sheet": "Tình hình xã", "cell": "D2"}}}})
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
