#!/usr/bin/python3
"""Builds test/fixtures/collect/: commune report files as a province office receives them, for `ntm-plan collect`.

reports/ holds the files collected: the commune form (as `ntm-plan template commune` writes it) filled by hand in
odd ways, in Vietnamese and in English headers; status tables with one and with several communes; a commune in two
files with the same values and one in two files with different values; a file of another year and one of another
period; broken files (not a zip, cut short, no commune name, a value that is no value) and hostile ones (copied from
test/fixtures/hostile). inputs/ holds the province's indicator policy and its master list of communes.

Every workbook is written by openpyxl and re-saved by LibreOffice Calc, as an office that opens and saves it would.
manifest.json gives what collect must find, computed here from the generator's own inputs: each file's outcome, the
communes collected with the criteria they meet, the problems by kind, the communes missing from the master list.

    /usr/bin/python3 scripts/build-collect-corpus.py [OUT_DIR]
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The policy: per criterion n, indicator n.1 a share in % (>= 90 / 80 / 60 by group), n.2 met or not (4.2 not for
# group 1). Made-up thresholds: the real ones are each province's.
THRESHOLDS = {1: 90, 2: 80, 3: 60}
CODES = [f"{n}.{i}" for n in range(1, 11) for i in (1, 2)]


def policy_rows():
    rows = [["Mã chỉ tiêu", "Tiêu chí", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3", "Đơn vị", "So sánh", "Nguồn"]]
    for n in range(1, 11):
        rows.append([f"{n}.1", n, f"Tỷ lệ hộ đạt yêu cầu {n}", 90, 80, 60, "%", "≥", "QĐ minh họa"])
        rows.append([f"{n}.2", n, f"Có công trình {n}", "không áp dụng" if n == 4 else "Đạt", "Đạt", "Đạt", None,
                     "Đạt/Không đạt", "QĐ minh họa"])
    return rows


# The communes of the province: name, code, group, and their values (share per n.1, mark per n.2).
def values(share, misses=(), low=None):
    """Every n.1 at `share` (or `low` for the codes in low), every n.2 met except those in misses."""
    out = {}
    for c in CODES:
        if c.endswith(".1"):
            out[c] = (low or {}).get(c, share)
        else:
            out[c] = c not in misses
    return out


COMMUNES = {
    "Tân Hòa": ("31001", 1, values(95)),
    "Long Đức": ("31002", 2, values(85, misses=("2.2",), low={"1.1": 75})),
    "Mỹ Phước": ("31003", 3, values(65, misses=("4.2",))),
    "An Thạnh": ("31004", 1, values(92, misses=("4.2",), low={"3.1": 85})),
    "Phú Lộc": ("31005", 2, values(81)),
    "Hưng Lợi": ("31006", 3, values(59, low={"5.1": 70})),
    "Đại Hải": ("31007", 2, values(90, misses=("7.2", "8.2"))),
    "Kế Thành": ("31008", 1, values(100)),
    "Thạnh Trị": ("31009", 2, values(80)),
    "Lâm Tân": ("31010", 3, values(60, misses=("10.2",))),
}
MASTER = list(COMMUNES) + ["Châu Hưng"]  # Châu Hưng never reports


def met_criteria(name):
    code, group, v = COMMUNES[name]
    met = []
    for n in range(1, 11):
        ok1 = v[f"{n}.1"] >= THRESHOLDS[group]
        ok2 = v[f"{n}.2"] or (n == 4 and group == 1)
        if ok1 and ok2:
            met.append(n)
    return met


BOOKS = []  # (folder, file name, workbook)
FILES = {}  # report file -> expected outcome
COLLECTED = {}  # commune -> file expected to supply it


def book(rows_by_sheet):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in rows_by_sheet.items():
        ws = wb.create_sheet(sheet)
        for r in rows:
            ws.append(r)
    return wb


def report(name, wb, outcome, communes=()):
    BOOKS.append(("reports", name, wb))
    FILES[name] = outcome
    for c in communes:
        COLLECTED.setdefault(c, name)


def mark_word(met, style):
    return {"vi": ("Đạt", "Không đạt"), "x": ("x", None), "lower": ("đạt", "chưa đạt"), "en": ("Yes", "No"),
            "num": (1, 0)}[style][0 if met else 1]


def share_cell(v, style):
    if style == "percent-text":
        return f"{v}%"
    if style == "comma":
        return f"{v},0"
    return v


def form(name, *, lang="vi", marks="vi", shares="number", year=2025, period="2026-2030", entry_col=2,
         inline_name=False, headings=False, numeric_codes=False, group_text=False, blank_rows=False,
         override=None, money=None):
    """The commune form as the template writes it, filled by hand in the ways given."""
    code, group, v = COMMUNES[name]
    v = dict(v, **(override or {}))
    labels = {
        "vi": ["Tên xã / Commune name", "Mã xã / Commune code", "Nhóm xã (1, 2 hoặc 3) / Commune group (1, 2 or 3)",
               "Giai đoạn / Period", "Năm đánh giá / Year assessed"],
        "en": ["Commune name", "Commune code", "Commune group", "Period", "Year assessed"],
    }[lang]
    pad = [None] * (entry_col - 1)
    rows = [["Biểu tự đánh giá kết quả thực hiện tiêu chí xã nông thôn mới" if lang == "vi"
             else "Commune self-assessment of the new rural development criteria"], []]
    rows.append([f"{labels[0].split(' / ')[0]}: Xã {name}"] if inline_name else [labels[0], *pad[1:], f"Xã {name}"])
    rows.append([labels[1], *pad[1:], code])
    rows.append([labels[2], *pad[1:], f"Nhóm {group}" if group_text else group])
    rows.append([labels[3], *pad[1:], period])
    rows.append([labels[4], *pad[1:], year])
    if blank_rows:
        rows += [[], []]
    rows.append([])
    header = {"vi": ["Mã chỉ tiêu / Code", "Tên chỉ tiêu / Indicator", "Kết quả (số hoặc Đạt/Không đạt) / Value",
                     "Đơn vị / Unit", "Ghi chú / Note"],
              "en": ["Code", "Indicator", "Value", "Unit", "Note"]}[lang]
    rows.append(header)
    for n in range(1, 11):
        if headings:
            rows.append([n, f"Tiêu chí {n}", None, None, None])
        for c in (f"{n}.1", f"{n}.2"):
            cell = share_cell(v[c], shares) if c.endswith(".1") else mark_word(v[c], marks)
            rows.append([float(c) if numeric_codes and c != "10.1" else c, f"Chỉ tiêu {c}", cell,
                         "%" if c.endswith(".1") else None, None])
        if blank_rows and n == 5:
            rows.append([])
    if money:
        rows += [[], ["Kinh phí huy động theo nguồn, nếu có / Money raised by source, if any"],
                 ["Nguồn vốn / Source", "Số tiền (triệu đồng) / Amount (million VND)", "Ghi chú / Note"]]
        rows += [[s, a, None] for s, a in money]
    return book({"Biểu xã" if lang == "vi" else "Form": rows})


def status_table(names, title="Kết quả thực hiện các chỉ tiêu của các xã đến cuối năm 2025"):
    rows = [[title], [], ["TT", "Tên xã", "Mã xã", "Nhóm xã", *CODES]]
    for i, name in enumerate(names):
        code, group, v = COMMUNES[name]
        rows.append([i + 1, f"Xã {name}", code, group,
                     *[v[c] if c.endswith(".1") else ("Đạt" if v[c] else "Không đạt") for c in CODES]])
    return book({"Tổng hợp": rows})


def build():
    BOOKS.append(("inputs", "policy.xlsx", book({"Chỉ tiêu theo nhóm xã": policy_rows()})))
    BOOKS.append(("inputs", "master.xlsx", book({"Danh sách xã": [["TT", "Tên xã", "Mã xã"]] + [
        [i + 1, f"Xã {n}", COMMUNES[n][0] if n in COMMUNES else "31011"] for i, n in enumerate(MASTER)]})))

    report("01-tan-hoa.xlsx", form("Tân Hòa", money=[("Ngân sách trung ương", 1200), ("Người dân và cộng đồng", 350)]),
           "collected", ["Tân Hòa"])
    report("02-long-duc-en.xlsx", form("Long Đức", lang="en", marks="en"), "collected", ["Long Đức"])
    report("03-my-phuoc-tay.xlsx",
           form("Mỹ Phước", marks="lower", shares="percent-text", inline_name=True, headings=True, group_text=True),
           "collected", ["Mỹ Phước"])
    report("04-an-thanh-cot-c.xlsx", form("An Thạnh", entry_col=3, marks="x", shares="comma", blank_rows=True,
                                          numeric_codes=True), "collected", ["An Thạnh"])
    # One commune's row, as a status table.
    report("05-phu-loc-mot-dong.xlsx", status_table(["Phú Lộc"]), "collected", ["Phú Lộc"])
    # A former district's table: several communes, one of them (Tân Hòa) also sent its own form, with the same values.
    report("06-huyen-cu.xlsx", status_table(["Hưng Lợi", "Đại Hải", "Tân Hòa"]), "collected",
           ["Hưng Lợi", "Đại Hải"])
    # Kế Thành in two forms that disagree on 6.1: left out, both files named.
    report("07-ke-thanh.xlsx", form("Kế Thành", marks="num"), "collected")
    report("08-ke-thanh-sua.xlsx", form("Kế Thành", marks="num", override={"6.1": 88}), "collected")
    # Another year, another period: left out with the reason.
    report("09-thanh-tri-2024.xlsx", form("Thạnh Trị", year=2024), "left-out")
    crit = [["Biểu tự đánh giá"], ["Tên xã", "Xã Lâm Tân"], ["Giai đoạn", "2021-2025"], ["Năm đánh giá", 2024], [],
            ["Tiêu chí số", "Tên tiêu chí", "Kết quả"]] + [[n, f"Tiêu chí {n}", "Đạt"] for n in range(1, 20)]
    report("10-lam-tan-giai-doan-cu.xlsx", book({"BC": crit}), "left-out")
    # Broken: no commune name, a value that is no value.
    nameless = form("Lâm Tân")
    nameless.active["B3"] = None
    report("11-khong-ten.xlsx", nameless, "unreadable")
    report("12-gia-tri-sai.xlsx", form("Lâm Tân", override={"2.1": "chưa báo cáo"}), "unreadable")


def main():
    out = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "test", "fixtures", "collect")
    build()
    with tempfile.TemporaryDirectory(prefix="ntm-collect-corpus-") as tmp:
        stage = os.path.join(tmp, "openpyxl")
        saved = os.path.join(tmp, "libreoffice")
        os.makedirs(stage)
        os.makedirs(saved)
        for _, f, wb in BOOKS:
            wb.save(os.path.join(stage, f))
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--calc", "--convert-to", "xlsx",
               "--outdir", saved] + [os.path.join(stage, f) for _, f, _ in BOOKS]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        if os.path.isdir(out):
            shutil.rmtree(out)
        for folder in ("reports", "inputs"):
            os.makedirs(os.path.join(out, folder))
        for folder, f, _ in BOOKS:
            shutil.copyfile(os.path.join(saved, f), os.path.join(out, folder, f))
    reports = os.path.join(out, "reports")
    # Broken at the byte level: not a zip at all, and a workbook cut short.
    with open(os.path.join(reports, "13-khong-phai-excel.xlsx"), "w", encoding="utf-8") as fh:
        fh.write("Đây là thư, không phải bảng tính")
    FILES["13-khong-phai-excel.xlsx"] = "unreadable"
    with open(os.path.join(reports, "01-tan-hoa.xlsx"), "rb") as fh:
        whole = fh.read()
    with open(os.path.join(reports, "14-bi-cat.xlsx"), "wb") as fh:
        fh.write(whole[: len(whole) // 2])
    FILES["14-bi-cat.xlsx"] = "unreadable"
    # Hostile files, refused alone.
    for f in ("zip-bomb.xlsx", "entity-expansion.xlsx"):
        shutil.copyfile(os.path.join(ROOT, "test", "fixtures", "hostile", f), os.path.join(reports, f"15-{f}"))
        FILES[f"15-{f}"] = "unreadable"
    manifest = {
        "period": "2026-2030",
        "year": 2025,
        "files": FILES,
        "communes": {f"Xã {n}": {"file": f, "code": COMMUNES[n][0], "group": COMMUNES[n][1], "met": met_criteria(n)}
                     for n, f in COLLECTED.items()},
        "alsoIn": {"Xã Tân Hòa": ["06-huyen-cu.xlsx"]},
        "conflicts": ["Xã Kế Thành"],
        "missing": sorted(f"Xã {n}" for n in MASTER if n not in COLLECTED),
        "money": {"Xã Tân Hòa": 1550},
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"{len(FILES)} report files in {reports}")


if __name__ == "__main__":
    main()
