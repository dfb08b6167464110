# Builds the two workbooks of test/fixtures/hostile/ that another tool saved: openpyxl places cell comments and
# drawings where ExcelJS does not look, and ExcelJS 4.4 then refuses the whole file (exceljs issue 2591). The add-in
# must read their cells. Run with /usr/bin/python3 (openpyxl 3.0): /usr/bin/python3 scripts/build-hostile-openpyxl.py
import os
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "test", "fixtures", "hostile")
ROWS = [
    ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt", "Tiêu chí đạt"],
    [1, "Thạnh Phú", "Mỹ Xuyên", 19, "1-19"],
    [2, "Tân Thạnh", "Long Phú", 17, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17"],
]


def sheet():
    wb = Workbook()
    ws = wb.active
    ws.title = "Xa"
    for row in ROWS:
        ws.append(row)
    return wb, ws


wb, ws = sheet()
ws["B2"].comment = Comment("đã kiểm tra / checked", "Cán bộ")
wb.save(os.path.join(OUT, "comment-openpyxl.xlsx"))

wb, ws = sheet()
chart = BarChart()
chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=3), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=3))
ws.add_chart(chart, "G2")
wb.save(os.path.join(OUT, "chart-openpyxl.xlsx"))
print("comment-openpyxl.xlsx, chart-openpyxl.xlsx")
