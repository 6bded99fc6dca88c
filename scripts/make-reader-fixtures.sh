#!/usr/bin/env bash
# Makes the reading fixtures of tests/Consolidator.Core.Tests/Data/Reading once: the .xlsx
# sources from the fixture builders, then what LibreOffice makes of them — BIFF8 .xls, a
# re-saved .xlsx, CSV in UTF-8 and in Shift_JIS — so tests read files written by another
# writer without needing LibreOffice at test time. Needs libreoffice-calc-nogui.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/Consolidator.Core.Tests/Data/Reading
work=$(mktemp -d)
dotnet run --project tools/Consolidator.Samples -- --reader-fixtures "$work/src" >/dev/null
mkdir -p "$out" "$work/xls" "$work/xlsx" "$work/utf8" "$work/sjis"
for f in "$work"/src/*.xlsx; do
  soffice --headless --convert-to xls:"MS Excel 97" --outdir "$work/xls" "$f" >/dev/null
  soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/xlsx" "$f" >/dev/null
done
# CSV of the first sheet: field separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8) / 64 (Shift_JIS).
soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 --outdir "$work/utf8" "$work/src/title-rows.xlsx" >/dev/null
soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,64 --outdir "$work/sjis" "$work/src/title-rows.xlsx" >/dev/null
for name in title-rows hidden-sheet; do
  cp "$work/src/$name.xlsx" "$out/$name.xlsx"
  cp "$work/xls/$name.xls" "$out/$name.libreoffice.xls"
  cp "$work/xlsx/$name.xlsx" "$out/$name.libreoffice.xlsx"
done
cp "$work/utf8/title-rows.csv" "$out/title-rows.utf8.csv"
cp "$work/sjis/title-rows.csv" "$out/title-rows.sjis.csv"
rm -rf "$work"
ls -l "$out"
