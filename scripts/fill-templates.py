#!/usr/bin/env python3
"""Fill Consolidator templates the way another program would: with openpyxl, not ClosedXML.

Usage: fill-templates.py SAMPLES_DIR TEMPLATES_DIR OUT_DIR

Reads the seed audit's own workbooks in SAMPLES_DIR (input-samples/: the auditors' checklists
and the vendors' pre-answers), and copies their judgments, findings and answers into the blank
templates in TEMPLATES_DIR (as written by `consolidator template --all`). Rows and columns are
found by the visible ids and header names, not by the template's hidden record, so the reading
back is checked against an independent writer. Writes into OUT_DIR:

  openpyxl/   the four templates filled exactly as the seed audit (the clean round trip)
  planted/    the member's checklist and the maintenance vendor's answers with mistakes planted
              on purpose (a blank judgment, a nonconformity without finding, an answer that is
              not on the list, a blank answer): the result must list exactly those
  altered/    the member's checklist with a row added under the items (the sheet unprotected
              first, as a person can): intake must fall back to reading by content
"""
import os
import shutil
import sys

import openpyxl

CHOICES = {
    "〇": "〇 適合", "⦿": "⦿ 参考意見", "□": "□ 注意事項",
    "△": "△ 不適合", "×": "× 重大な不適合", "―": "― 対象外",
}


def header_row(ws, first_header="No."):
    for row in ws.iter_rows(min_row=1, max_row=30):
        values = [c.value for c in row]
        if first_header in values or "No" in values:
            return row[0].row, {str(v).strip(): i + 1 for i, v in enumerate(values) if v is not None}
    raise SystemExit(f"no header row in {ws.title}")


def read_seed(path):
    """Item id -> {header: value} of a seed workbook's table, and its key/value metadata."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    row, columns = header_row(ws)
    items = {}
    for r in range(row + 1, ws.max_row + 1):
        item_id = ws.cell(r, columns["No."]).value
        if item_id is None:
            continue
        items[str(item_id).strip()] = {h: ws.cell(r, c).value for h, c in columns.items()}
    meta = {}
    for r in range(1, row):
        cells = [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
        for i, v in enumerate(cells[:-1]):
            if v is not None and cells[i + 1] is not None:
                meta[str(v).strip()] = str(cells[i + 1]).strip()
    return items, meta


def put_meta(ws, label, value):
    """Writes the value cell of a metadata label: the first cell right of the label that is not part of it."""
    for row in ws.iter_rows(min_row=1, max_row=20):
        for cell in row:
            if cell.value == label:
                col = cell.column + 1
                while any(cell.coordinate in m and ws.cell(cell.row, col).coordinate in m for m in ws.merged_cells.ranges):
                    col += 1
                ws.cell(cell.row, col).value = value
                return
    raise SystemExit(f"no metadata cell {label} in {ws.title}")


def fill(template, out, rows, meta, mapping, choices=None):
    wb = openpyxl.load_workbook(template)
    ws = wb.worksheets[0]
    hr, columns = header_row(ws)
    for label, value in meta.items():
        put_meta(ws, label, value)
    for r in range(hr + 1, ws.max_row + 1):
        item_id = ws.cell(r, columns["No."]).value
        if item_id not in rows:
            continue
        for source, target in mapping.items():
            value = rows[item_id].get(source)
            if value is None or value == "":
                continue
            if choices and target == "判定":
                value = choices.get(value, value)
            ws.cell(r, columns[target]).value = value
    wb.save(out)
    return out


def main():
    samples, templates, out = sys.argv[1:4]
    for sub in ("openpyxl", "planted", "altered"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    names = sorted(os.listdir(templates))

    def template(kind, name):
        return os.path.join(templates, next(n for n in names if kind in n and name in n))

    lead, lead_meta = read_seed(os.path.join(samples, "チェックリスト_監査責任者.xlsx"))
    member, member_meta = read_seed(os.path.join(samples, "チェックリスト_監査人.xlsx"))
    maintenance, maintenance_meta = read_seed(os.path.join(samples, "事前回答_保守運用事業者.xlsx"))
    datacentre, datacentre_meta = read_seed(os.path.join(samples, "事前回答_仮想化基盤事業者.xlsx"))

    auditor_map = {"判定": "判定", "確認結果": "指摘内容", "指摘内容": "指摘内容", "改善提案": "改善提案", "備考": "備考"}
    vendor_map = {"事前回答": "事前回答", "回答内容": "回答内容", "証跡": "証跡", "備考": "備考"}

    def auditor_meta(m):
        return {"所属": m["所属"], "実施日": m["実施日"]}

    def vendor_meta(m):
        return {"提出日": m["提出日"], "提出者": m["提出者"]}

    clean = {
        "チェックリスト_佐藤.xlsx": (template("チェックリスト", "佐藤"), lead, auditor_meta(lead_meta), auditor_map, CHOICES),
        "チェックリスト_高橋.xlsx": (template("チェックリスト", "高橋"), member, auditor_meta(member_meta), auditor_map, CHOICES),
        "事前回答_みなと.xlsx": (template("事前回答", "みなと"), maintenance, vendor_meta(maintenance_meta), vendor_map, None),
        "事前回答_北斗.xlsx": (template("事前回答", "北斗"), datacentre, vendor_meta(datacentre_meta), vendor_map, None),
    }
    for name, (tpl, rows, meta, mapping, choices) in clean.items():
        fill(tpl, os.path.join(out, "openpyxl", name), rows, meta, mapping, choices)

    # Planted mistakes, each to be listed once in 要確認.
    planted_member = {k: dict(v) for k, v in member.items()}
    planted_member["6-3"]["判定"] = None            # 未判定
    planted_member["5-3"]["判定"] = "△"             # 不適合 without 指摘内容
    fill(template("チェックリスト", "高橋"), os.path.join(out, "planted", "チェックリスト_高橋.xlsx"),
         planted_member, auditor_meta(member_meta), auditor_map, CHOICES)
    planted_vendor = {k: dict(v) for k, v in maintenance.items()}
    planted_vendor["5-4"]["事前回答"] = "対応中"      # not on the list (openpyxl ignores the dropdown)
    planted_vendor["6-5"]["事前回答"] = None         # 未回答
    fill(template("事前回答", "みなと"), os.path.join(out, "planted", "事前回答_みなと.xlsx"),
         planted_vendor, vendor_meta(maintenance_meta), vendor_map, None)

    # A row added under the items: the exact layout no longer holds.
    altered = os.path.join(out, "altered", "チェックリスト_高橋.xlsx")
    shutil.copy(os.path.join(out, "openpyxl", "チェックリスト_高橋.xlsx"), altered)
    wb = openpyxl.load_workbook(altered)
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    hr, columns = header_row(ws)
    r = ws.max_row + 1
    ws.cell(r, columns["No."]).value = "8-1"
    ws.cell(r, columns["監査項目"]).value = "（追加）監査人が独自に追加した確認項目"
    ws.cell(r, columns["判定"]).value = "〇 適合"
    wb.save(altered)


if __name__ == "__main__":
    main()
