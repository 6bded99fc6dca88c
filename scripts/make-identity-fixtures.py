#!/usr/bin/env python3
"""Write the submitter-identity fixtures with openpyxl, as another program than ours would.

Usage: make-identity-fixtures.py OUT_DIR      (scripts/make-identity-fixtures.sh runs it)

One audit, 介護保険システム 令和6年度, items 1-1 … 1-4 and 2-1 … 2-4. Each workbook is laid out as
an office lays one out: a title, key/value cells above the table, a header row, the items. The
tests pair each of them with a workbook of the project's own fixture builders, so every identity
and supersession case is read from files of more than one writer:

  高橋_情報政策課_再提出.xlsx   高橋美咲 様 of みどり市 総務部 情報政策課, 提出日 10/8, 1-1 … 1-4
  高橋_所属なし.xlsx            高橋　美咲 (full-width space), no 所属, 提出日 10/9, 1-1 … 1-4
  高橋_分野2.xlsx               高橋 美咲（監査人）of 情報政策課, no 提出日, 2-1 … 2-4 (another area)
  高橋_後半再提出.xlsx          高橋 美咲 of 情報政策課, 提出日 10/15, 2-1 … 2-4 judged again
  兼用_あさひ電算.xlsx          one workbook: 株式会社あさひ電算's pre-answers and 吉田 修平's judgments
  事前回答_あさひ電算.xlsx      あさひ電算株式会社's pre-answers only, 提出日 10/12
  高橋_監査法人.xlsx            高橋 美咲 of ひまわり監査法人 (another organisation), 提出日 10/10, 2-1 … 2-4
"""
import os
import sys

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

TARGET, YEAR = "介護保険システム", "令和6年度"
ITEMS = {
    "1-1": ("組織体制", "情報セキュリティ管理者が定められ、権限及び責任が明確になっているか。"),
    "1-2": ("組織体制", "インシデント発生時の連絡体制が定められ、周知されているか。"),
    "1-3": ("情報資産", "情報資産の台帳が整備され、定期的に見直されているか。"),
    "1-4": ("情報資産", "記録媒体を廃棄する際、復元不可能な方法で消去しているか。"),
    "2-1": ("物理的", "サーバ室への入退室が許可された者に限定され、記録されているか。"),
    "2-2": ("物理的", "端末の盗難防止措置（ワイヤーロック等）が講じられているか。"),
    "2-3": ("技術的", "利用者IDの登録・削除が申請と承認に基づいて行われているか。"),
    "2-4": ("技術的", "無線LANの暗号化と接続制限が設定されているか。"),
}
HEAD = PatternFill("solid", fgColor="DDEBF7")


def sheet(wb, title, meta, headers):
    ws = wb.active
    ws.title = "チェックリスト"
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    row = 3
    for key, value in meta:
        ws.cell(row, 1, key).font = Font(bold=True)
        if value is not None:
            ws.cell(row, 2, value)
        row += 1
    row += 1
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row, c, h)
        cell.font = Font(bold=True)
        cell.fill = HEAD
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for c, width in enumerate([7, 10, 48, 8, 30, 24, 12, 12], 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
    return ws, row


def checklist(path, person, organisation, submitted, judgments, done="令和6年10月1日"):
    wb = openpyxl.Workbook()
    meta = [("区分", "監査人"), ("対象業務", TARGET), ("年度", YEAR), ("実施日", done)]
    if submitted:
        meta.append(("提出日", submitted))
    meta.append(("所属", organisation))
    meta.append(("監査人", person))
    ws, header = sheet(wb, f"{YEAR} 情報セキュリティ監査 チェックリスト（{TARGET}）", meta,
                       ["No.", "分類", "監査項目", "判定", "指摘内容", "改善提案"])
    for r, (item, (judgment, finding)) in enumerate(judgments.items(), header + 1):
        category, text = ITEMS[item]
        ws.cell(r, 1, item)
        ws.cell(r, 2, category)
        ws.cell(r, 3, text).alignment = Alignment(wrap_text=True)
        ws.cell(r, 4, judgment)
        if finding:
            ws.cell(r, 5, finding)
    wb.save(path)


def combined(path):
    wb = openpyxl.Workbook()
    meta = [("対象業務", TARGET), ("年度", YEAR), ("事業者名", "株式会社あさひ電算"), ("回答者", "森 進"),
            ("監査人", "吉田 修平"), ("実施日", "令和6年10月16日")]
    ws, header = sheet(wb, f"{YEAR} チェックリスト兼事前回答書（{TARGET}）", meta,
                       ["No.", "分類", "監査項目", "事前回答", "回答内容", "判定", "指摘内容"])
    rows = [("1-1", "実施", "規程に基づき任命", "〇", None), ("1-2", "実施", "連絡網を配布", "〇", None),
            ("1-3", "実施", "台帳を年1回見直し", "〇", None), ("1-4", "一部実施", "消去証明は一部のみ", "〇", None),
            ("2-3", "実施", "申請書で管理", "〇", None), ("2-4", "該当なし", "無線LANはない", "―", None)]
    for r, (item, answer, detail, judgment, finding) in enumerate(rows, header + 1):
        category, text = ITEMS[item]
        for c, v in enumerate([item, category, text, answer, detail, judgment, finding], 1):
            if v is not None:
                ws.cell(r, c, v)
    wb.save(path)


def pre_answer(path):
    wb = openpyxl.Workbook()
    meta = [("区分", "事業者"), ("対象業務", TARGET), ("年度", YEAR), ("提出日", "令和6年10月12日"),
            ("事業者名", "あさひ電算株式会社"), ("提出者", "公共事業部 森 進")]
    ws, header = sheet(wb, f"情報セキュリティ監査 事前回答書（{TARGET}）", meta,
                       ["No.", "分類", "監査項目", "事前回答", "回答内容", "証跡"])
    answers = ["実施", "実施", "一部実施", "実施", "実施", "実施", "実施", "該当なし"]
    for r, (item, answer) in enumerate(zip(ITEMS, answers), header + 1):
        category, text = ITEMS[item]
        for c, v in enumerate([item, category, text, answer, "規程に基づき対応", "関係資料"], 1):
            ws.cell(r, c, v)
    wb.save(path)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    first = {"1-1": ("〇", None), "1-2": ("〇", None), "1-3": ("△", "台帳の見直しが3年間行われていない。"), "1-4": ("〇", None)}
    checklist(os.path.join(out, "高橋_情報政策課_再提出.xlsx"), "高橋美咲 様", "みどり市 総務部 情報政策課", "令和6年10月8日", first)
    later = dict(first, **{"1-4": ("―", None)})
    checklist(os.path.join(out, "高橋_所属なし.xlsx"), "高橋\u3000美咲", None, "令和6年10月9日", later)
    area2 = {"2-1": ("〇", None), "2-2": ("□", "ワイヤーロックのない端末が1台あった。"), "2-3": ("〇", None), "2-4": ("―", None)}
    checklist(os.path.join(out, "高橋_分野2.xlsx"), "高橋 美咲（監査人）", "情報政策課", None, area2)
    again = {"2-1": ("〇", None), "2-2": ("△", "ワイヤーロックのない端末が5台あった。"), "2-3": ("〇", None), "2-4": ("―", None)}
    checklist(os.path.join(out, "高橋_後半再提出.xlsx"), "高橋 美咲", "情報政策課", "令和6年10月15日", again)
    combined(os.path.join(out, "兼用_あさひ電算.xlsx"))
    pre_answer(os.path.join(out, "事前回答_あさひ電算.xlsx"))
    checklist(os.path.join(out, "高橋_監査法人.xlsx"), "高橋 美咲", "ひまわり監査法人", "令和6年10月10日", area2)


if __name__ == "__main__":
    main()
