#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Writes the recognition cases (cases.json from tools/Consolidator.Samples --recognition-fixtures)
with openpyxl, as a Python user would build such a workbook: every cell a string, merges, and the
dropdowns as list data validations.

    /usr/bin/python3 scripts/recognition-fixtures.py CASES_JSON OUT_DIR
"""
import json
import os
import sys

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation


def main(argv):
    cases, out = argv[1], argv[2]
    os.makedirs(out, exist_ok=True)
    for book in json.load(open(cases, encoding='utf-8')):
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for sheet in book['sheets']:
            ws = wb.create_sheet(sheet['name'])
            for r, row in enumerate(sheet['rows'], start=1):
                for c, value in enumerate(row, start=1):
                    if value:
                        ws.cell(row=r, column=c, value=value)
            for r1, c1, r2, c2 in sheet['merges']:
                ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
            for d in sheet['dropdowns']:
                dv = DataValidation(type='list', formula1='"%s"' % ','.join(d['values']), allow_blank=True)
                ws.add_data_validation(dv)
                for part in d['range'].split():
                    dv.add(part)
        wb.save(os.path.join(out, book['name'] + '.xlsx'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
